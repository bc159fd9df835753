//! Finding the line and column of a YAML node by its path, for errors that
//! only validation can see.
//!
//! serde keeps no positions, so the loader records where a problem is as a
//! [`NodePath`] (`concepts[3].terms.de.variants[1]`) and this module walks
//! the YAML events to that node. It runs only when an error is reported:
//! a successful load never pays for a second parse. The walk is iterative
//! and skips unrelated subtrees by counting nesting, so deep or large input
//! costs no recursion. [`Tree`] answers the same questions for many paths
//! in one file after a single parse.

use saphyr_parser::{Event, Parser, Span};

mod tree;

pub(crate) use tree::Tree;

/// One step from a node to a child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// The value of the first mapping entry with this scalar key.
    Key(String),
    /// The n-th (0-based) entry of a mapping, by position; repeated keys
    /// are told apart this way.
    Entry(usize),
    /// The n-th (0-based) item of a sequence.
    Index(usize),
}

/// A path from the document root to a node.
pub(crate) type NodePath = Vec<Seg>;

/// For a path ending in a mapping entry: point at its key or its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// The key (`de` in `de: Name`).
    Key,
    /// The value (`Name` in `de: Name`).
    Value,
}

/// 1-based line and column (in characters) of the node at `path` in
/// `yaml`; the nearest ancestor found if the node is not there, else 1:1.
pub(crate) fn locate(yaml: &str, path: &[Seg], target: Target) -> (usize, usize) {
    let (span, _) = Walk::new(yaml).find(path, target).unwrap_or_default();
    position(span)
}

/// Like [`locate`], but only when the node itself is found.
pub(crate) fn locate_exact(yaml: &str, path: &[Seg], target: Target) -> Option<(usize, usize)> {
    match Walk::new(yaml).find(path, target) {
        Some((span, true)) => Some(position(span)),
        _ => None,
    }
}

/// saphyr lines are 1-based, columns 0-based characters.
fn position(span: Span) -> (usize, usize) {
    (span.start.line().max(1), span.start.col() + 1)
}

/// A cursor over the events of one document.
struct Walk<'a> {
    parser: Parser<'a, saphyr_parser::StrInput<'a>>,
}

/// Where a walk stands: the first event of the current node.
type Node<'a> = (Event<'a>, Span);

impl<'a> Walk<'a> {
    fn new(yaml: &'a str) -> Self {
        Walk {
            parser: Parser::new_from_str(yaml),
        }
    }

    /// The next event; `None` at the end or on a syntax error.
    fn next(&mut self) -> Option<Node<'a>> {
        self.parser.next_event()?.ok()
    }

    /// The first event of the root node.
    fn root(&mut self) -> Option<Node<'a>> {
        loop {
            let node = self.next()?;
            if !matches!(node.0, Event::StreamStart | Event::DocumentStart(_)) {
                return Some(node);
            }
        }
    }

    /// The span of the node at `path`, or of the deepest ancestor found,
    /// and whether it is the node itself.
    fn find(&mut self, path: &[Seg], target: Target) -> Option<(Span, bool)> {
        let mut node = self.root()?;
        for (i, seg) in path.iter().enumerate() {
            let last = i + 1 == path.len();
            match self.child(&node.0, seg) {
                Some((key, _)) if last && target == Target::Key => return Some((key.1, true)),
                Some((_, value)) => node = value,
                None => return Some((node.1, false)),
            }
        }
        Some((node.1, true))
    }

    /// The key (for sequences: the item itself) and value of `seg` in the
    /// node that starts with `start`; the walk stops at the value's start.
    fn child(&mut self, start: &Event<'a>, seg: &Seg) -> Option<(Node<'a>, Node<'a>)> {
        match (start, seg) {
            (Event::MappingStart(..), Seg::Key(_) | Seg::Entry(_)) => self.entry(seg),
            (Event::SequenceStart(..), Seg::Index(n)) => {
                for _ in 0..*n {
                    let item = self.next().filter(|item| !is_end(&item.0))?;
                    self.skip(&item.0)?;
                }
                let item = self.next().filter(|item| !is_end(&item.0))?;
                Some((item.clone(), item))
            }
            _ => None,
        }
    }

    /// Walks a mapping's entries to the one `seg` names.
    fn entry(&mut self, seg: &Seg) -> Option<(Node<'a>, Node<'a>)> {
        let mut index = 0;
        loop {
            let key = self.next().filter(|key| !is_end(&key.0))?;
            let wanted = match (seg, &key.0) {
                (Seg::Entry(n), _) => *n == index,
                (Seg::Key(name), Event::Scalar(text, ..)) => text == name,
                _ => false,
            };
            // A key may be a collection (`? {a: b}`): its value follows it.
            self.skip(&key.0)?;
            if wanted {
                let value = self.next()?;
                return Some((key, value));
            }
            let value = self.next()?;
            self.skip(&value.0)?;
            index += 1;
        }
    }

    /// Consumes the rest of the node that starts with `start`.
    fn skip(&mut self, start: &Event<'a>) -> Option<()> {
        let mut depth = usize::from(is_start(start));
        while depth > 0 {
            let (event, _) = self.next()?;
            if is_start(&event) {
                depth += 1;
            } else if is_end(&event) {
                depth -= 1;
            }
        }
        Some(())
    }
}

fn is_start(event: &Event) -> bool {
    matches!(event, Event::MappingStart(..) | Event::SequenceStart(..))
}

fn is_end(event: &Event) -> bool {
    matches!(event, Event::MappingEnd | Event::SequenceEnd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Seg {
        Seg::Key(s.to_string())
    }

    const YAML: &str = "\
version: 1
concepts:
  - id: a
    terms:
      en: A
  - id: b
    terms:
      de:
        official: [Eins, 'Zwei']
        variants:
          - Drei
      zh-CN: 二
";

    #[test]
    fn finds_value_of_nested_key() {
        let path = [
            key("concepts"),
            Seg::Index(1),
            key("terms"),
            key("de"),
            key("variants"),
            Seg::Index(0),
        ];
        assert_eq!(locate(YAML, &path, Target::Value), (11, 13));
    }

    #[test]
    fn finds_flow_sequence_items() {
        let path = [
            key("concepts"),
            Seg::Index(1),
            key("terms"),
            key("de"),
            key("official"),
            Seg::Index(1),
        ];
        assert_eq!(locate(YAML, &path, Target::Value), (9, 26));
    }

    #[test]
    fn points_at_key_or_value() {
        let path = [key("concepts"), Seg::Index(1), key("terms"), Seg::Entry(1)];
        assert_eq!(locate(YAML, &path, Target::Key), (12, 7));
        assert_eq!(locate(YAML, &path, Target::Value), (12, 14));
    }

    #[test]
    fn exact_lookup_refuses_ancestors() {
        let found = [key("concepts"), Seg::Index(0), key("id")];
        assert_eq!(locate_exact(YAML, &found, Target::Value), Some((3, 9)));
        assert_eq!(
            locate_exact(YAML, &[key("concepts"), Seg::Index(5)], Target::Value),
            None
        );
    }

    #[test]
    fn counts_columns_in_characters() {
        let yaml = "名前: 文化\nx: {名: 部}\n";
        assert_eq!(locate(yaml, &[key("x"), key("名")], Target::Value), (2, 8));
    }

    #[test]
    fn falls_back_to_nearest_found_ancestor() {
        let path = [key("concepts"), Seg::Index(0), key("terms"), key("fr")];
        assert_eq!(locate(YAML, &path, Target::Value), (5, 7));
        assert_eq!(locate(YAML, &[key("nothing")], Target::Value), (1, 1));
        assert_eq!(locate("", &[key("x")], Target::Value), (1, 1));
    }

    #[test]
    fn survives_deep_nesting_and_syntax_errors() {
        let deep = format!("a: {}", "[".repeat(100_000));
        assert_eq!(
            locate(&deep, &[key("a"), Seg::Index(0)], Target::Value),
            (1, 4)
        );
        assert_eq!(locate("a: [1, 2\nb: 3", &[key("b")], Target::Value), (1, 1));
    }
}
