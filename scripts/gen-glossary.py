#!/usr/bin/env python3
"""Write a synthetic glossary of N concepts (zh/en/de, with variants) to stdout.

Deterministic for a given seed, so load times can be compared across runs:
    scripts/gen-glossary.py 10000 > /tmp/g10k.yaml
    /usr/bin/time -v termlint glossary validate /tmp/g10k.yaml
"""
import random
import sys

SYLLABLES = "ka lo mi ne su ta ri po ve ha gu ze bo li na ro de fi ku sa".split()
HAN = "文化旅游部产业园区发展论坛计划中心国际会展深圳市局博览交易高质量".replace(" ", "")
DE_HEADS = ["amt", "park", "forum", "plan", "zentrum", "messe", "behörde", "verband"]
EN_HEADS = ["Office", "Park", "Forum", "Plan", "Centre", "Fair", "Authority", "Union"]


def word(rng, n=3):
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def concept(rng, i):
    head = rng.randrange(len(DE_HEADS))
    base = word(rng)
    en = f"{base.capitalize()} {word(rng, 2).capitalize()} {EN_HEADS[head]} {i}"
    de = f"{base.capitalize()}{DE_HEADS[head]} {word(rng, 2).capitalize()} {i}"
    zh = "".join(rng.choice(HAN) for _ in range(6)) + str(i)
    variant = f"{base.capitalize()}-{DE_HEADS[head].capitalize()} {i}"
    return (
        f"  - id: c{i}\n"
        f"    terms:\n"
        f"      zh: {zh}\n"
        f"      en: {en}\n"
        f"      de:\n"
        f"        official: {de}\n"
        f"        variants: [{variant}]\n"
    )


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    rng = random.Random(seed)
    out = sys.stdout
    out.write("version: 1\nsource_language: zh\nconcepts:\n")
    for i in range(count):
        out.write(concept(rng, i))


if __name__ == "__main__":
    main()
