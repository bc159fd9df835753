#!/usr/bin/env python3
"""Peer of termlint in scripts/bench.sh: pyahocorasick with word boundaries.

    aho_words.py FORMS DIR

Finds every form of FORMS (one a line) in the files under DIR, leftmost
longest and non-overlapping, keeps matches that start and end on a word
boundary (none is needed next to a Han character, as in termlint), and
prints `path:offset:form` for each. No case folding, no inflection.
"""
import os
import sys

import ahocorasick


def is_han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


def is_word(c):
    return c.isalnum() or c == "_"


def bounded(outside, inside):
    return not is_word(outside) or not is_word(inside) or is_han(outside) or is_han(inside)


def automaton(forms_path):
    a = ahocorasick.Automaton()
    with open(forms_path, encoding="utf-8") as f:
        for line in f:
            form = line.rstrip("\n")
            if form:
                a.add_word(form, form)
    a.make_automaton()
    return a


def search(a, path, out):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    n = len(text)
    for end, form in a.iter_long(text):
        start = end - len(form) + 1
        before = text[start - 1] if start > 0 else " "
        after = text[end + 1] if end + 1 < n else " "
        if bounded(before, form[0]) and bounded(after, form[-1]):
            out.write(f"{path}:{start}:{form}\n")


def main():
    forms_path, root = sys.argv[1:3]
    a = automaton(forms_path)
    out = sys.stdout
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            search(a, os.path.join(dirpath, name), out)


if __name__ == "__main__":
    main()
