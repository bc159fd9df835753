#!/usr/bin/env python3
"""Checks termlint HTML review pages as a browser left them (the DOM that
Chromium dumps after the page's script ran) against the JSON output of the
same check.

Usage: dom-check.py NAME DOM JSON [NAME DOM JSON ...]

For each page: the number of highlights (<mark class="hl">) equals the
number of findings, every finding link (a.flink) points at an existing
highlight, ids are unique, and the filter controls exist and were switched
on by the script. Prints one line and exits 1 on any mismatch.
"""

import json
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    """Collects what the checks need from one DOM."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = []
        self.marks = set()
        self.mark_count = 0
        self.links = []
        self.filters = None
        self.boxes = {"rule": 0, "severity": 0}
        self.status = ""
        self._in_status = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "mark" and "hl" in classes:
            self.mark_count += 1
            self.marks.add(a.get("id"))
        if tag == "a" and "flink" in classes:
            self.links.append(a.get("href", ""))
        if tag == "form" and a.get("id") == "filters":
            self.filters = a
        if tag == "input" and a.get("type") == "checkbox" and a.get("name") in self.boxes:
            self.boxes[a["name"]] += 1
        if a.get("id") == "filter-status":
            self._in_status = True

    def handle_endtag(self, tag):
        if tag == "p":
            self._in_status = False

    def handle_data(self, data):
        if self._in_status:
            self.status += data


def check(name, dom_path, json_path):
    """Returns (ok, summary) for one page."""
    with open(json_path, encoding="utf-8") as f:
        findings = len(json.load(f)["findings"])
    page = Page()
    with open(dom_path, encoding="utf-8") as f:
        page.feed(f.read())
    problems = []
    if page.mark_count != findings:
        problems.append(f"{page.mark_count} highlights for {findings} findings")
    if len(page.links) != findings:
        problems.append(f"{len(page.links)} finding links for {findings} findings")
    broken = [h for h in page.links if not h.startswith("#") or h[1:] not in page.marks]
    if broken:
        problems.append(f"links without a highlight: {', '.join(broken[:3])}")
    duplicates = len(page.ids) - len(set(page.ids))
    if duplicates:
        problems.append(f"{duplicates} duplicate ids")
    if page.filters is None:
        problems.append("no filter controls")
    elif "hidden" in page.filters:
        problems.append("filters still hidden: the script did not run")
    elif page.boxes["severity"] != 3 or (findings and page.boxes["rule"] == 0):
        problems.append(f"filter checkboxes missing: {page.boxes}")
    expected_status = f"Showing {findings} of {findings} findings."
    if page.filters is not None and page.status.strip() != expected_status:
        problems.append(f"filter status is {page.status.strip()!r}")
    if problems:
        return False, f"{name}: " + "; ".join(problems)
    return True, f"{name} {page.mark_count}/{findings} highlights, {len(page.links)} links ok"


def main(argv):
    if len(argv) < 4 or (len(argv) - 1) % 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    results = [check(*argv[i : i + 3]) for i in range(1, len(argv), 3)]
    ok = all(r[0] for r in results)
    verdict = "ok" if ok else "FAILED"
    print(f"browser check {verdict}: " + "; ".join(r[1] for r in results) + ("; filters ready" if ok else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
