//! Byte spans of glossary nodes: [`crate::glossary::locate`] gives a line
//! and a column; findings need a span into the file's text.

use crate::glossary::locate::{Seg, Target, Tree};
use std::ops::Range;

/// Places findings in one glossary file: parsed once, so each finding
/// costs its path's length rather than the file's size.
pub(super) struct Placer<'y> {
    /// The file's text without its byte order mark, as the loader read it.
    body: &'y str,
    /// 3 when the file starts with a byte order mark, else 0.
    bom: usize,
    tree: Tree<'y>,
    /// Byte offset of each line's start in `body`.
    line_starts: Vec<usize>,
}

impl<'y> Placer<'y> {
    pub(super) fn new(yaml: &'y str) -> Self {
        let bom = if yaml.starts_with('\u{feff}') { 3 } else { 0 };
        let body = &yaml[bom..];
        let line_starts = std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Placer {
            body,
            bom,
            tree: Tree::parse(body),
            line_starts,
        }
    }

    /// The span of the node at `path`: the scalar `found` where the node
    /// starts with it (plain or quoted), else the rest of the node's line.
    pub(super) fn span(&self, path: &[Seg], found: &str) -> Range<usize> {
        let (line, column) = self.tree.locate(path, Target::Value);
        let start = self.offset(line, column);
        let len = scalar_len(&self.body[start..], found);
        self.bom + start..self.bom + start + len
    }

    /// The byte offset of 1-based `line` and `column` (in characters).
    fn offset(&self, line: usize, column: usize) -> usize {
        let line_start = self.line_starts[line.clamp(1, self.line_starts.len()) - 1];
        let rest = &self.body[line_start..];
        let into = rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i);
        line_start + into
    }
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

    fn span(yaml: &str, path: &[Seg], found: &str) -> Range<usize> {
        Placer::new(yaml).span(path, found)
    }

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
