#!/usr/bin/env python3
"""Writes a pack at the loader's size limits, and a profile for it, to measure the cost of a very
large pack:  bench/limits/make-pack.py OUT_DIR   (then `orgdiag lint --rules OUT_DIR/pack` and
`orgdiag report OUT_DIR/profile.yaml --rules OUT_DIR/pack`; figures in docs/performance.md).

10,000 integer facts, 10,000 indicators (each the sum of two facts), 20,000 diagnostics (each an
indicator and a fact compared with constants), 1,000 recommendations in chains of ten."""
import os
import sys

FACTS, DIAGNOSTICS, RECOMMENDATIONS = 10_000, 20_000, 1_000

out = sys.argv[1] if len(sys.argv) > 1 else "limits-pack"
os.makedirs(os.path.join(out, "pack"), exist_ok=True)
lines = ["pack: {id: limits, version: 1.0.0, languages: [en], organisation_kinds: [caf]}\n", "facts:\n"]
lines += [f"  f{i}: {{type: integer, range: [0, 1000], label: F{i}}}\n" for i in range(FACTS)]
lines.append("indicators:\n")
lines += [f"  i{i}: f{i} + f{(i + 1) % FACTS}\n" for i in range(FACTS)]
lines.append("diagnostics:\n")
lines += [f"  - {{id: d{i}, severity: low, title: D{i}, when: i{i % FACTS} > {i % 500} and f{i * 7 % FACTS} < 900, "
          f"recommend: [r{i % RECOMMENDATIONS}]}}\n" for i in range(DIAGNOSTICS)]
lines.append("recommendations:\n")
lines += [f"  - {{id: r{i}, kind: training, title: R{i}{f', requires: [r{i - 1}]' if i % 10 else ''}}}\n"
          for i in range(RECOMMENDATIONS)]
with open(os.path.join(out, "pack", "pack.yaml"), "w") as pack:
    pack.writelines(lines)
with open(os.path.join(out, "profile.yaml"), "w") as profile:
    profile.write("organisation: {name: Limits, kind: caf}\nfacts:\n")
    profile.writelines(f"  f{i}: {i % 1000}\n" for i in range(FACTS) if i % 10 != 9)
