#!/usr/bin/env python3
"""A whole `orgdiag batch --format fired` against libyaml alone on the same bytes.

    cc -O2 bench/libyaml/events.c -lyaml -o /tmp/libyaml-events
    python3 bench/libyaml/compare.py /tmp/libyaml-events ORGDIAG DIR [RUNS]

DIR is the folder the peer adapter converts a workload into (profiles.yaml and pack/). Each run
times, one after the other so that the machine's mood touches all three alike:
  - libyaml producing every event of the file on one core (events.c's own clock);
  - libyaml on the two halves of the file (cut at a document start) in two processes at once,
    wall time: the floor for any decoder that shares libyaml's work between two cores;
  - orgdiag batch on the file, wall time of the whole process (start, pack, decoding,
    evaluation, output).
Prints the medians and minimums, and the ratios of each to libyaml's one-core time.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


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


def libyaml_time(events, path):
    out = subprocess.run([events, path], capture_output=True, text=True, check=True).stdout
    return float(out.split(" in ")[1].split()[0])


def wall(commands):
    start = time.perf_counter()
    running = [subprocess.Popen(command, stdout=subprocess.DEVNULL) for command in commands]
    for process in running:
        if process.wait() != 0:
            sys.exit(f"{process.args} failed")
    return time.perf_counter() - start


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    events, orgdiag, folder = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    profiles = os.path.join(folder, "profiles.yaml")
    pack = os.path.join(folder, "pack")
    with tempfile.TemporaryDirectory() as scratch:
        first, second = halves(profiles, scratch)
        one, two, ours = [], [], []
        for _ in range(runs):
            one.append(libyaml_time(events, profiles))
            two.append(wall([[events, first], [events, second]]))
            ours.append(wall([[orgdiag, "batch", profiles, "--rules", pack, "--format", "fired"]]))
    base, base_min = statistics.median(one), min(one)
    for label, times in [("libyaml, one core", one), ("libyaml, two halves at once", two), ("orgdiag batch, whole process", ours)]:
        median = statistics.median(times)
        print(f"{label:30} median {median * 1000:6.1f} ms  min {min(times) * 1000:6.1f} ms  "
              f"x libyaml one core: {median / base:.2f} (medians), {min(times) / base_min:.2f} (minimums)")


if __name__ == "__main__":
    main()
