//! Byte spans of glossary nodes: [`crate::glossary::locate`] gives a line
//! and a column; findings need a span into the file's text.

use crate::glossary::locate::{locate, Seg, Target};
use std::ops::Range;

/// The span of the node at `path` in `yaml`: the scalar `found` where the
/// node starts with it (plain or quoted), else the rest of the node's line.
pub(super) fn span(yaml: &str, path: &[Seg], found: &str) -> Range<usize> {
    // The loader reads the file without its byte order mark; so does locate.
    let bom = if yaml.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &yaml[bom..];
    let (line, column) = locate(body, path, Target::Value);
    let start = offset(body, line, column);
    let len = scalar_len(&body[start..], found);
    bom + start..bom + start + len
}

/// The byte offset of 1-based `line` and `column` (in characters).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[line_start..];
    let into = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    line_start + into
}

/// How much of `rest` (text from a node's start) the finding covers.
fn scalar_len(rest: &str, found: &str) -> usize {
    if !found.is_empty() && rest.starts_with(found) {
        return found.len();
    }
    let quoted = rest
        .strip_prefix(['\'', '"'])
        .filter(|inner| !found.is_empty() && inner.starts_with(found));
    if quoted.is_some() {
        return found.len() + 2;
    }
    rest.split('\n').next().unwrap_or_default().trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Seg {
        Seg::Key(s.to_string())
    }

    #[test]
    fn spans_plain_quoted_and_flow_scalars() {
        let yaml = "a: Eins\nb: 'Zwei'\nc: [Drei, Vier]\n";
        assert_eq!(&yaml[span(yaml, &[key("a")], "Eins")], "Eins");
        assert_eq!(&yaml[span(yaml, &[key("b")], "Zwei")], "'Zwei'");
        let vier = [key("c"), Seg::Index(1)];
        assert_eq!(&yaml[span(yaml, &vier, "Vier")], "Vier");
    }

    #[test]
    fn spans_rest_of_line_for_other_nodes() {
        let yaml = "\u{feff}a:\n  - text: Ü x\n";
        let node = [key("a"), Seg::Index(0)];
        assert_eq!(&yaml[span(yaml, &node, "")], "text: Ü x");
    }
}
