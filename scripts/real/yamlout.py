"""Small helpers the converters share to write glossary YAML by hand."""
import re
import unicodedata


def slug(text, used):
    """A concept id `[a-z0-9-]+` from `text`, unique among `used` (updated)."""
    base = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "term"
    cand, n = base, 2
    while cand in used:
        cand, n = f"{base}-{n}", n + 1
    used.add(cand)
    return cand


def yq(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items):
    """A YAML flow sequence of double-quoted scalars."""
    return "[" + ", ".join(yq(x) for x in items) + "]"
