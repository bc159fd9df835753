#!/usr/bin/env python3
"""Where a termlint run spends its time, stage by stage, from a perf profile.

    perf record -e cpu-clock -F 1000 --call-graph dwarf,16384 -o perf.data \
        target/release/termlint check -g G --format json --fail-on never DIR
    perf script -i perf.data -F ip,sym | scripts/bench/stages.py

Each sample counts for the innermost stage on its call stack (a sample in
`memcpy` called while folding counts for folding; one in pulldown-cmark
for Markdown). The stages follow the pipeline: reading files, Markdown
and front matter, folding, matching (the trie and verification), the
rules, the report, and loading the compiled glossary. Samples outside any
of them (the kernel's work for a file with no termlint frame, thread
start-up) count as "other".
"""

import re
import sys
from collections import Counter

# (stage, what a frame's symbol contains), innermost match wins; listed so
# that a stage nested in another comes first.
STAGES = [
    ("matching: trie walk and verification", "Matcher::find"),
    ("folding", "termlint::fold::"),
    ("front matter", "formats::front_matter"),
    ("Markdown (pulldown-cmark and masks)", "formats::markdown"),
    ("other formats", "termlint::formats"),
    ("rules: judging and findings", "termlint::rules"),
    ("suppression comments", "termlint::suppress"),
    ("pairing with source texts", "termlint::pairing"),
    ("report", "termlint::report"),
    ("loading the compiled glossary", "termlint::cache"),
    ("loading the compiled glossary", "Matcher::restore"),
    ("loading the compiled glossary", "termlint::glossary"),
    ("findings' lines and columns", "termlint::document"),
    ("segments (the text each check reads)", "termlint::segment"),
    ("reading files (open, read, decode)", "termlint::input"),
    ("language from the path", "termlint::lang"),
    ("walking directories", "termlint::walk"),
    ("checking, not in a stage above", "termlint::check"),
    ("the command line", "termlint::main"),
]


def samples(text):
    """Each sample's frames, innermost first (`perf script -F ip,sym`)."""
    for block in re.split(r"\n\s*\n", text):
        frames = []
        for line in block.strip().splitlines():
            parts = line.strip().split(None, 1)
            if len(parts) == 2:
                frames.append(parts[1])
        if frames:
            yield frames


def stage_of(frames):
    for frame in frames:
        for stage, marker in STAGES:
            if marker in frame:
                return stage
    return "other"


def main():
    counts = Counter(stage_of(frames) for frames in samples(sys.stdin.read()))
    total = sum(counts.values())
    if total == 0:
        sys.exit("stages.py: no samples on stdin (see the usage at the top)")
    print(f"{total} samples")
    print()
    print("| stage | share |")
    print("|---|---|")
    for stage, count in counts.most_common():
        print(f"| {stage} | {100 * count / total:.1f}% |")


if __name__ == "__main__":
    main()
