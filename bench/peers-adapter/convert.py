#!/usr/bin/env python3
"""Converts a workload of the peer benchmark (../shared/bench/peers) into an orgdiag rule pack
and a YAML stream of orgdiag profiles, so that orgdiag runs it through `orgdiag batch`, the code
path users run.

    convert.py WORKLOAD_JSON PROFILES_JSONL OUT_DIR [MAX_PROFILES]

Writes OUT_DIR/pack/ (pack.yaml, facts.yaml, indicators.yaml, diagnostics.yaml) and
OUT_DIR/profiles.yaml (one YAML document per profile, in input order, its facts on one line as a
flow mapping, like the source's JSON lines: 8.8 MB for 10,000 profiles, as the source).

Mapping (kleene semantics, which are orgdiag's):
* each fact of the schema becomes a fact: int -> integer with its range, float -> number,
  bool -> boolean, enum -> enum with its domain, list -> set with its domain;
* each rule becomes a diagnostic with the rule's id;
* each derived fact drv_NNN becomes an indicator `drv_NNN: r_a or r_b or ...` over the derive
  rules that produce it: Kleene `or` gives exactly the workload's rule (T if any is T, F if all
  are F, else U);
* comparisons map one to one; `exists` is `known(x)` and `missing` is `not known(x)`.
"""
import json
import os
import sys


def literal(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value) + "'"


def expression(node):
    if "all" in node:
        return "(" + " and ".join(expression(child) for child in node["all"]) + ")"
    if "any" in node:
        return "(" + " or ".join(expression(child) for child in node["any"]) + ")"
    if "not" in node:
        return "(not " + expression(node["not"]) + ")"
    fact, op, value = node["fact"], node["op"], node.get("value")
    if op == "exists":
        return f"known({fact})"
    if op == "missing":
        return f"(not known({fact}))"
    if op == "between":
        return f"({fact} between {literal(value[0])} and {literal(value[1])})"
    if op == "in":
        return f"({fact} in [" + ", ".join(literal(v) for v in value) + "])"
    if op == "contains":
        return f"({fact} contains {literal(value)})"
    return f"({fact} {op} {literal(value)})"


def yaml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    return str(value)


def main():
    workload_path, profiles_path, out = sys.argv[1], sys.argv[2], sys.argv[3]
    limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
    workload = json.load(open(workload_path))
    os.makedirs(os.path.join(out, "pack"), exist_ok=True)

    with open(os.path.join(out, "pack", "pack.yaml"), "w") as fh:
        fh.write("pack: {id: peer_workload, version: 1.0.0, languages: [en]}\n")

    with open(os.path.join(out, "pack", "facts.yaml"), "w") as fh:
        fh.write("facts:\n")
        for fact in workload["schema"]:
            name, kind = fact["name"], fact["type"]
            if kind == "int":
                fh.write(f"  {name}: {{type: integer, range: [{fact['min']}, {fact['max']}], label: {name}}}\n")
            elif kind == "float":
                fh.write(f"  {name}: {{type: number, range: [{fact['min']}, {fact['max']}], label: {name}}}\n")
            elif kind == "bool":
                fh.write(f"  {name}: {{type: boolean, label: {name}}}\n")
            elif kind == "enum":
                fh.write(f"  {name}: {{type: enum, values: [{', '.join(fact['values'])}], label: {name}}}\n")
            elif kind == "list":
                fh.write(f"  {name}: {{type: set, values: [{', '.join(fact['values'])}], label: {name}}}\n")
            elif kind == "derived":
                continue  # an indicator, below
            else:
                raise SystemExit(f"unknown fact type {kind}")

    producers = {}
    for rule in workload["rules"]:
        if "derive" in rule:
            producers.setdefault(rule["derive"]["fact"], []).append(rule["id"])
    with open(os.path.join(out, "pack", "indicators.yaml"), "w") as fh:
        fh.write("indicators:\n")
        for fact, ids in sorted(producers.items()):
            fh.write(f"  {fact}: \"{' or '.join(sorted(ids))}\"\n")

    with open(os.path.join(out, "pack", "diagnostics.yaml"), "w") as fh:
        fh.write("diagnostics:\n")
        for rule in workload["rules"]:
            fh.write(f"  - id: {rule['id']}\n    severity: low\n    title: {rule['id']}\n")
            fh.write(f"    when: \"{expression(rule['when'])}\"\n")

    with open(profiles_path) as source, open(os.path.join(out, "profiles.yaml"), "w") as target:
        for index, line in enumerate(source):
            if limit is not None and index >= limit:
                break
            profile = json.loads(line)
            facts = ", ".join(f"{key}: {yaml_value(value)}" for key, value in profile.items())
            target.write(f"---\norganisation: {{name: p{index:07d}}}\nfacts: {{{facts}}}\n")


if __name__ == "__main__":
    main()
