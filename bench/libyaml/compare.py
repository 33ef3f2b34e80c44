#!/usr/bin/env python3
"""Whole `orgdiag batch --format fired` runs against libyaml alone on the same bytes.

    cc -O2 bench/libyaml/events.c -lyaml -o /tmp/libyaml-events
    python3 bench/libyaml/compare.py /tmp/libyaml-events DIR RUNS [LABEL=]ORGDIAG...

DIR is the folder the peer adapter converts a workload into (profiles.yaml and pack/). Each
round times, one after the other so that the machine's mood touches all alike:
  - libyaml producing every event of the file on one core (events.c's own clock), with the
    system allocator: the issue's yardstick;
  - the same with mimalloc preloaded, the allocator orgdiag links: libyaml's own work as it runs
    inside orgdiag;
  - libyaml on the two halves of the file (cut at a document start) in two processes at once,
    wall time: the floor for any decoder that shares libyaml's work between two cores;
  - each orgdiag given, on the file, wall time of the whole process (start, pack, decoding,
    evaluation, output).
Prints the medians and minimums, and the ratios of each to libyaml's one-core time: the ratio
of the medians, of the minimums, and the median (with the quartiles and the highest) of the
ratios paired round by round, which a machine whose speed drifts during the run moves least.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

MIMALLOC = "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"


def halves(path, folder):
    """The file cut in two at the document start nearest its middle."""
    with open(path, "rb") as file:
        data = file.read()
    cut = data.find(b"\n---", len(data) // 2)
    if cut < 0:
        sys.exit("no document starts after the middle of the file")
    paths = [os.path.join(folder, "first.yaml"), os.path.join(folder, "second.yaml")]
    for part, bytes_ in zip(paths, (data[:cut + 1], data[cut + 1:])):
        with open(part, "wb") as out:
            out.write(bytes_)
    return paths


def libyaml_time(events, path, preload=None):
    environment = dict(os.environ, LD_PRELOAD=preload) if preload else None
    out = subprocess.run([events, path], capture_output=True, text=True, check=True, env=environment).stdout
    return float(out.split(" in ")[1].split()[0])


def wall(commands):
    start = time.perf_counter()
    running = [subprocess.Popen(command, stdout=subprocess.DEVNULL) for command in commands]
    for process in running:
        if process.wait() != 0:
            sys.exit(f"{process.args} failed")
    return time.perf_counter() - start


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    events, folder, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    builds = [(arg.split("=", 1) if "=" in arg else (arg, arg)) for arg in sys.argv[4:]]
    profiles = os.path.join(folder, "profiles.yaml")
    pack = os.path.join(folder, "pack")
    with_mimalloc = os.path.exists(MIMALLOC)
    with tempfile.TemporaryDirectory() as scratch:
        first, second = halves(profiles, scratch)
        times = {"libyaml, one core": [], "libyaml + mimalloc, one core": [], "libyaml, two halves at once": []}
        times.update({f"orgdiag {label}": [] for label, _ in builds})
        for _ in range(runs):
            times["libyaml, one core"].append(libyaml_time(events, profiles))
            if with_mimalloc:
                times["libyaml + mimalloc, one core"].append(libyaml_time(events, profiles, MIMALLOC))
            times["libyaml, two halves at once"].append(wall([[events, first], [events, second]]))
            for label, path in builds:
                times[f"orgdiag {label}"].append(wall([[path, "batch", profiles, "--rules", pack, "--format", "fired"]]))
    one_core = times["libyaml, one core"]
    base = statistics.median(one_core)
    base_min = min(one_core)
    for label, values in times.items():
        if not values:
            continue
        median = statistics.median(values)
        paired = [value / reference for value, reference in zip(values, one_core)]
        low, middle, high = statistics.quantiles(paired, n=4) if len(paired) > 1 else paired * 3
        print(f"{label:32} median {median * 1000:6.1f} ms  min {min(values) * 1000:6.1f} ms  "
              f"x libyaml one core: {median / base:.2f} (medians), {min(values) / base_min:.2f} (minimums), "
              f"{middle:.2f} (paired by round; quartiles {low:.2f}-{high:.2f}, highest {max(paired):.2f})")


if __name__ == "__main__":
    main()
