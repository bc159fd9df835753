#!/usr/bin/env python3
"""Convert the react.dev Korean translation glossary into a termlint glossary.

Source: reactjs/ko.react.dev, the glossary used by its textlint rule
(`translateGlossary`), as derived JSON in
../shared/data/react-dev-l10n/ko/translateGlossary.derived.json
(react.dev content, CC BY 4.0).

Each of the 68 rules is `term` (English), `target` (Korean) and a list of
forbidden `sources` regular expressions. One rule becomes one concept:

* `ko` official: `target` (a trailing `(하다)` is dropped: `렌더링(하다)`
  means the noun and its verb form).
* A source pattern that is a finite set of strings (literals, character
  classes such as `[듀튜]` or `[-\\s]`, `(?:a|b)` groups, `?` on one character or group,
  `\\s` as one space, `\\b` at either end) is expanded:
  - forms written in Latin letters are the English name, so they become the
    `en` official forms (termlint reports them in Korean text as
    `untranslated`);
  - Korean forms become `ko` variants (reported as `forbidden`).
* Patterns that are true regular expressions (look-around, `{`, `+`, `*`,
  `.`, more than 32 expansions) cannot be written as glossary forms; they
  are skipped and counted on stderr and in the header of the output. Where
  all English patterns of a rule are skipped, `term` is used as the English
  form.
* English plurals (`Bundles`, `Properties`) are dropped where the singular
  is listed: termlint's English inflection matches them.

Usage: react_ko_glossary.py [INPUT] [OUTPUT]
"""
import json
import re
import sys
from yamlout import slug, yq, flow

DEFAULT_IN = "../shared/data/react-dev-l10n/ko/translateGlossary.derived.json"
DEFAULT_OUT = "tests/real/react-ko.yaml"
LIMIT = 32


class NotLiteral(Exception):
    pass


def parse_alt(p, i):
    """Parse alternatives until ')' or end; return (set of strings, i)."""
    alts = []
    cur = {""}
    while i < len(p) and p[i] != ")":
        if p[i] == "|":
            alts.append(cur)
            cur = {""}
            i += 1
            continue
        atom, i = parse_atom(p, i)
        if i < len(p) and p[i] == "?":
            atom = atom | {""}
            i += 1
        if i < len(p) and p[i] in "*+{":
            raise NotLiteral(p)
        cur = {a + b for a in cur for b in atom}
        if len(cur) > LIMIT:
            raise NotLiteral(p)
    alts.append(cur)
    out = set()
    for a in alts:
        out |= a
    return out, i


def parse_atom(p, i):
    c = p[i]
    if c == "(":
        if p.startswith("(?:", i):
            inner, j = parse_alt(p, i + 3)
        elif p[i + 1] == "?":
            raise NotLiteral(p)  # look-around and other extensions
        else:
            inner, j = parse_alt(p, i + 1)
        if j >= len(p) or p[j] != ")":
            raise NotLiteral(p)
        return inner, j + 1
    if c == "[":
        j = p.index("]", i)
        body = p[i + 1:j].replace("\\s", " ")
        if not body or body[0] == "^" or "\\" in body or "-" in body.strip("-"):
            raise NotLiteral(p)
        return set(body), j + 1
    if c == "\\":
        e = p[i + 1]
        if e == "s":
            return {" "}, i + 2
        if e == "b":
            return {""}, i + 2  # a word boundary: termlint matches whole words anyway
        if e in "/.-()[]?|":
            return {e}, i + 2
        raise NotLiteral(p)
    if c in ".*+{}^$":
        raise NotLiteral(p)
    return {c}, i + 1


def expand(pattern):
    """The finite set of strings the pattern matches, or None."""
    inner_b = re.sub(r"^\\b|\\b$", "", pattern)
    if "\\b" in inner_b:
        return None
    try:
        forms, i = parse_alt(inner_b, 0)
    except (NotLiteral, ValueError, IndexError):
        return None
    if i != len(inner_b):
        return None
    return sorted(f.strip() for f in forms if f.strip())


def latin(text):
    return re.search(r"[A-Za-z]", text) is not None and not re.search(r"[\uac00-\ud7a3]", text)


def main(argv):
    src = argv[0] if argv else DEFAULT_IN
    out = argv[1] if len(argv) > 1 else DEFAULT_OUT
    with open(src, encoding="utf-8") as fh:
        rules = json.load(fh)
    used = set()
    concepts = []
    skipped = []
    n_patterns = 0
    for rule in rules:
        target = re.sub(r"\(하다\)$", "", rule["target"]).strip()
        en, variants = [], []
        for source in rule["sources"]:
            n_patterns += 1
            forms = expand(source["pattern"]) if not source["flags"] else None
            if forms is None:
                skipped.append((rule["term"], source["pattern"]))
                continue
            for form in forms:
                bucket = en if latin(form) else variants
                if form not in bucket and form != target:
                    bucket.append(form)
        if not en:
            en = [rule["term"]]
        # Plurals are left to termlint's English inflection: keep `Bundle`,
        # drop `Bundles`; keep `Property`, drop `Properties`.
        en = [f for f in en
              if not (f.endswith("s") and f[:-1] in en)
              and not (f.endswith("ies") and f[:-3] + "y" in en)]
        concepts.append((slug(rule["term"], used), en, target, variants))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Derived data: termlint glossary converted from the react.dev Korean\n")
        fh.write("# translation glossary (reactjs/ko.react.dev, translateGlossary rules),\n")
        fh.write("# license CC BY 4.0. Generated by scripts/real/react_ko_glossary.py;\n")
        fh.write("# do not edit by hand.\n")
        fh.write(f"# {len(rules)} rules, {n_patterns} patterns; {len(skipped)} patterns are true\n")
        fh.write("# regular expressions and were left out:\n")
        for term, pat in skipped:
            fh.write(f"#   {term}: {pat}\n")
        fh.write("version: 1\nconcepts:\n")
        for cid, en, target, variants in concepts:
            ko = f"{{official: {flow([target])}"
            if variants:
                ko += f", variants: {flow(variants)}"
            ko += "}"
            fh.write(f"  - {{id: {cid}, terms: {{en: {{official: {flow(en)}}}, ko: {ko}}}}}\n")
    print(f"{out}: {len(concepts)} concepts from {len(rules)} rules; "
          f"{n_patterns} patterns, {len(skipped)} skipped as true regular expressions",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
