#!/usr/bin/env python3
"""Score termlint's findings on a WMT21 XLIFF file the way the task does.

Reads the XLIFF written by wmt21_en_fr.py (each unit's `<note>terms: …</note>`
lists the term ids annotated in that segment) and termlint's JSON output for
it, and prints:

  raw       every `missing` / `count-mismatch` finding termlint gave
  annotated the (segment, term) pairs among them that the task annotated
  wrong     annotations counted wrong: all annotations of a concept in a
            unit with `missing`; for `count-mismatch`, the annotations beyond
            the translation's count
  accuracy  1 - wrong / annotations (Alam et al. 2021 report 0.8590)

Usage: wmt21_score.py XLIFF TERMLINT_JSON
"""
import json
import re
import sys

UNIT = re.compile(r'<trans-unit id="(\d+)">.*<note>terms: ([\d ]*)</note>')


def main(xliff, report):
    units = {}
    total = 0
    with open(xliff, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            m = UNIT.match(line)
            if m:
                ids = m.group(2).split()
                units[line_no] = ids
                total += len(ids)
    with open(report, encoding="utf-8") as fh:
        findings = json.load(fh)["findings"]
    out = {}
    wrong = 0
    for rule in ("missing", "count-mismatch"):
        raw = annotated = 0
        for f in findings:
            if f["rule"] != rule:
                continue
            raw += 1
            ids = units[f["line"]]
            n = ids.count(f["concept"].removeprefix("wmt21-"))
            if n:
                annotated += 1
                wrong += n if rule == "missing" else max(0, n - f["target_count"])
        out[rule] = (raw, annotated)
    print(f"missing {out['missing'][0]} (annotated {out['missing'][1]}), "
          f"count-mismatch {out['count-mismatch'][0]} (annotated {out['count-mismatch'][1]}), "
          f"annotations {total}, wrong {wrong}, accuracy {1 - wrong / total:.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
