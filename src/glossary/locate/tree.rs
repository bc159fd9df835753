//! The node tree of a YAML document, parsed once, for placing many paths.
//!
//! [`super::locate`] walks the events to one node and stops, which suits a
//! loader reporting one error. `glossary validate` may place hundreds of
//! thousands of findings in one file; walking from the start for each would
//! cost the file's size per finding. [`Tree`] keeps each node's start and
//! its children (sequence items by position, mapping entries in order), so
//! a path costs its length, and it answers exactly as the walk does.

use super::{Seg, Target};
use saphyr_parser::{Event, Parser};
use std::borrow::Cow;

/// The first document's nodes, the root first.
pub(crate) struct Tree<'a> {
    nodes: Vec<Node<'a>>,
}

/// One node: where it starts and what it holds.
struct Node<'a> {
    /// 1-based line and 1-based column in characters.
    at: (usize, usize),
    kind: Kind<'a>,
}

enum Kind<'a> {
    /// A scalar's text; `None` for any other leaf (an alias, or an event
    /// that ends the document early).
    Leaf(Option<Cow<'a, str>>),
    /// Item node numbers.
    Sequence(Vec<usize>),
    /// Key and value node numbers; the value is missing only when the
    /// document breaks off after the key.
    Mapping(Vec<(usize, Option<usize>)>),
}

impl<'a> Tree<'a> {
    /// Parses the first document of `yaml` up to its end or the first
    /// syntax error; nodes read before an error are kept.
    pub(crate) fn parse(yaml: &'a str) -> Self {
        let mut tree = Tree { nodes: Vec::new() };
        let mut events = Parser::new_from_str(yaml).map_while(Result::ok);
        let mut open: Vec<usize> = Vec::new();
        for (event, span) in events.by_ref() {
            let start = span.start;
            let at = (start.line().max(1), start.col() + 1);
            let is_root = tree.nodes.is_empty();
            if is_root && matches!(event, Event::StreamStart | Event::DocumentStart(_)) {
                continue;
            }
            let kind = match event {
                Event::MappingEnd | Event::SequenceEnd => {
                    open.pop();
                    if open.is_empty() {
                        break;
                    }
                    continue;
                }
                Event::MappingStart(..) => Kind::Mapping(Vec::new()),
                Event::SequenceStart(..) => Kind::Sequence(Vec::new()),
                Event::Scalar(text, ..) => Kind::Leaf(Some(text)),
                _ => Kind::Leaf(None),
            };
            let id = tree.nodes.len();
            let collection = !matches!(kind, Kind::Leaf(_));
            tree.nodes.push(Node { at, kind });
            if let Some(&parent) = open.last() {
                tree.attach(parent, id);
            }
            if collection {
                open.push(id);
            } else if open.is_empty() {
                break;
            }
        }
        tree
    }

    /// Files node `child` under the open collection `parent`.
    fn attach(&mut self, parent: usize, child: usize) {
        match &mut self.nodes[parent].kind {
            Kind::Sequence(items) => items.push(child),
            Kind::Mapping(entries) => match entries.last_mut() {
                Some((_, value @ None)) => *value = Some(child),
                _ => entries.push((child, None)),
            },
            Kind::Leaf(_) => unreachable!("only collections are left open"),
        }
    }

    /// 1-based line and column of the node at `path`, or of the deepest
    /// ancestor found, and whether it is the node itself; `None` for a
    /// document with no root.
    pub(crate) fn find(&self, path: &[Seg], target: Target) -> Option<((usize, usize), bool)> {
        let mut node = if self.nodes.is_empty() { None } else { Some(0) }?;
        for (i, seg) in path.iter().enumerate() {
            let last = i + 1 == path.len();
            match self.child(node, seg) {
                Some((key, _)) if last && target == Target::Key => {
                    return Some((self.nodes[key].at, true))
                }
                Some((_, value)) => node = value,
                None => return Some((self.nodes[node].at, false)),
            }
        }
        Some((self.nodes[node].at, true))
    }

    /// 1-based line and column of the node at `path`; the nearest
    /// ancestor found if the node is not there, else 1:1.
    pub(crate) fn locate(&self, path: &[Seg], target: Target) -> (usize, usize) {
        self.find(path, target).map_or((1, 1), |(at, _)| at)
    }

    /// The key (for sequences: the item itself) and value of `seg` in
    /// node `node`.
    fn child(&self, node: usize, seg: &Seg) -> Option<(usize, usize)> {
        match (&self.nodes[node].kind, seg) {
            (Kind::Sequence(items), Seg::Index(n)) => items.get(*n).map(|&item| (item, item)),
            (Kind::Mapping(entries), Seg::Entry(n)) => {
                let &(key, value) = entries.get(*n)?;
                Some((key, value?))
            }
            (Kind::Mapping(entries), Seg::Key(name)) => {
                let &(key, value) = entries.iter().find(|(key, _)| {
                    matches!(&self.nodes[*key].kind, Kind::Leaf(Some(text)) if text == name)
                })?;
                Some((key, value?))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{locate, Walk};
    use super::*;
    use proptest::prelude::*;

    /// What the one-off walk answers, for comparison.
    fn walked(yaml: &str, path: &[Seg], target: Target) -> Option<((usize, usize), bool)> {
        let (span, exact) = Walk::new(yaml).find(path, target)?;
        Some((super::super::position(span), exact))
    }

    fn key(s: &str) -> Seg {
        Seg::Key(s.to_string())
    }

    /// `concepts.1.terms.#0`: keys, item numbers and `#` entry numbers.
    fn dotted(path: &str) -> Vec<Seg> {
        path.split('.')
            .filter(|s| !s.is_empty())
            .map(|s| match (s.strip_prefix('#'), s.parse()) {
                (Some(n), _) => Seg::Entry(n.parse().expect("an entry number")),
                (None, Ok(n)) => Seg::Index(n),
                (None, Err(_)) => key(s),
            })
            .collect()
    }

    #[test]
    fn places_like_the_walk_on_a_glossary() {
        let yaml = "\
version: 1
concepts:
  - id: a
    terms: {en: A, de: [Eins, 'Zwei']}
  - id: b
    terms:
      de:
        official: Drei
        variants:
          - Vier
      de: doppelt
";
        let paths = [
            "concepts.1.terms.de.variants.0",
            "concepts.0.terms.de.1",
            "concepts.1.terms.#1",
            "concepts.2",
            "nothing",
            "",
        ]
        .map(dotted);
        let tree = Tree::parse(yaml);
        for path in &paths {
            for target in [Target::Key, Target::Value] {
                assert_eq!(
                    tree.find(path, target),
                    walked(yaml, path, target),
                    "{path:?}"
                );
                assert_eq!(tree.locate(path, target), locate(yaml, path, target));
            }
        }
        let variant = &paths[0];
        assert_eq!(tree.locate(variant, Target::Value), (10, 13));
    }

    #[test]
    fn empty_broken_and_deep_documents() {
        for yaml in ["", "# nothing\n", "a: [1, 2\nb: 3", "plain", "- [a, {b: c"] {
            let tree = Tree::parse(yaml);
            for path in [vec![key("a")], vec![Seg::Index(1), Seg::Index(0)], vec![]] {
                assert_eq!(
                    tree.find(&path, Target::Value),
                    walked(yaml, &path, Target::Value)
                );
            }
        }
        let deep = format!("a: {}", "[".repeat(100_000));
        let tree = Tree::parse(&deep);
        assert_eq!(
            tree.locate(&[key("a"), Seg::Index(0)], Target::Value),
            (1, 4)
        );
    }

    /// Random small YAML documents, block and flow, some of them broken.
    fn document() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "a: ", "b: ", "a:\n", "  ", "    ", "- ", "[", "]", "{", "}", ", ", "x", "'y'",
            "\"z\"", "\n", "c: d\n", "*r", "&r ", "? ", "名: ", "#c\n", "---\n",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    fn node_path() -> impl Strategy<Value = Vec<Seg>> {
        let seg = prop_oneof![
            prop::sample::select(vec!["a", "b", "c", "名", "x"]).prop_map(key),
            (0usize..3).prop_map(Seg::Entry),
            (0usize..3).prop_map(Seg::Index),
        ];
        prop::collection::vec(seg, 0..4)
    }

    proptest! {
        #[test]
        fn answers_as_the_walk_does(yaml in document(), path in node_path(), key_target in any::<bool>()) {
            let target = if key_target { Target::Key } else { Target::Value };
            let tree = Tree::parse(&yaml);
            prop_assert_eq!(tree.find(&path, target), walked(&yaml, &path, target));
        }
    }
}
