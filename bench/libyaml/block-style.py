#!/usr/bin/env python3
"""The peer workload's profiles rewritten in block style, a line per fact, as consultants write them.

    python3 bench/libyaml/block-style.py DIR OUT

DIR is the folder the peer adapter converts a workload into (profiles.yaml, written with flow
mappings, and pack/); OUT receives profiles.yaml in block style and a copy of pack/, so that
compare.py and `orgdiag batch` run on it as on DIR. The documents, and so the decisions, are the same.
"""
import os
import shutil
import sys


def items(body):
    """The `key: value` items of a flow mapping's body, split at commas outside brackets."""
    depth, current, found = 0, "", []
    for character in body:
        depth += character == "["
        depth -= character == "]"
        if character == "," and depth == 0:
            found.append(current.strip())
            current = ""
        else:
            current += character
    if current.strip():
        found.append(current.strip())
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    lines = []
    with open(os.path.join(source, "profiles.yaml"), encoding="utf-8") as profiles:
        for line in profiles:
            line = line.rstrip("\n")
            key, separator, rest = line.partition(": ")
            if separator and rest.startswith("{") and rest.endswith("}"):
                lines.append(key + ":")
                lines += ["  " + item for item in items(rest[1:-1])]
            else:
                lines.append(line)
    with open(os.path.join(target, "profiles.yaml"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    shutil.copytree(os.path.join(source, "pack"), os.path.join(target, "pack"), dirs_exist_ok=True)


if __name__ == "__main__":
    main()
