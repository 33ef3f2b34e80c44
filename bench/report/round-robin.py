#!/usr/bin/env python3
"""Times `orgdiag report` on the story profile as a fresh process, each format once per round.

Running every command once per round, instead of all runs of one command then all of the next,
lets them all see the same moments of a shared machine; `--version` in each round tells how busy
it was. Prints the median, the 10th percentile and the mean of each command, in milliseconds.

    bench/report/round-robin.py [ROUNDS] [BINARY]   (defaults: 40, .build/release/orgdiag)

The formats are timed with the pack cache (ORGDIAG_CACHE in a temporary folder, filled by a first
run), and the text format once more with the cache off.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 40
binary = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, ".build/release/orgdiag")
story = os.path.join(root, "fixtures/profiles/cci-val-de-loire-sud.yaml")
cache = tempfile.mkdtemp(prefix="orgdiag-round-robin-")
docx = os.path.join(cache, "report.docx")

commands = {"--version": ([binary, "--version"], cache)}
for fmt in ["text", "markdown", "json", "html"]:
    commands[fmt] = ([binary, "report", story, "--format", fmt], cache)
commands["docx"] = ([binary, "report", story, "--format", "docx", "-o", docx], cache)
commands["text, cache off"] = ([binary, "report", story], "off")

def run(command, cache_setting):
    environment = dict(os.environ, ORGDIAG_CACHE=cache_setting)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, env=environment, check=True)
    return (time.perf_counter() - start) * 1000

run(*commands["text"])  # fills the cache
times = {name: [] for name in commands}
for _ in range(rounds):
    for name, (command, cache_setting) in commands.items():
        times[name].append(run(command, cache_setting))
for name, values in times.items():
    values.sort()
    print(f"{name:16} median {statistics.median(values):6.1f}  p10 {values[len(values) // 10]:6.1f}  mean {statistics.mean(values):6.1f}")
