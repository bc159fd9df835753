//! A direct reader for the concept items large glossaries are made of:
//! block mappings and sequences of plain, single- and double-quoted
//! scalars and one-line flow sequences, as termlint's own generator, its
//! importers and most hand-written glossaries write them. Reading such a
//! run of items this way is many times faster than the YAML parser.
//!
//! It answers only when it is sure to read the items as the parser does,
//! and `None` otherwise: then the parser reads them, and reports any
//! error. It gives up on anything outside that shape: tabs, control and
//! line-separator characters, anchors, aliases, tags, block scalars, flow
//! mappings, scalars over several lines, escapes other than `\\`, `\"`,
//! `\/`, `\n` and `\t`, repeated keys, plain scalars that YAML could read
//! as a number, a boolean or null, and every field or value the glossary
//! format would refuse (those are the parser's to word). A property test
//! holds it to the parser on generated items.

use super::raw::{OneOrMany, Pairs, RawConcept, RawEntry, RawTerm, Text};
use std::borrow::Cow;

/// The concepts of `run`, a run of whole items of the `concepts:` list
/// (each line starting with its indentation); `None` when the run goes
/// beyond what this reader reads with certainty.
pub(crate) fn concepts(run: &str) -> Option<Vec<RawConcept>> {
    if !plain_characters(run.as_bytes()) {
        return None;
    }
    let mut reader = Reader {
        lines: lines(run)?,
        at: 0,
    };
    let indent = reader.peek()?.indent;
    let mut concepts = Vec::new();
    while let Some(line) = reader.peek() {
        if line.indent != indent {
            return None;
        }
        let (column, first) = item(line)?;
        reader.at += 1;
        let map = reader.map(column, first)?;
        concepts.push(concept(map)?);
    }
    Some(concepts)
}

/// Whether `bytes` has only characters this reader treats as the parser
/// does: no tab, no control character but line feed (and carriage return
/// before one), none of the characters YAML also reads as a line break,
/// no byte order mark or non-character.
fn plain_characters(bytes: &[u8]) -> bool {
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let bad = match byte {
            b'\n' | 0x20..=0x7E => false,
            b'\r' => bytes.get(at + 1) != Some(&b'\n'),
            // C1 controls, NEL among them.
            0xC2 => bytes.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b)),
            // U+2028, U+2029.
            0xE2 => bytes
                .get(at + 1..at + 3)
                .is_some_and(|b| b == [0x80, 0xA8] || b == [0x80, 0xA9]),
            // U+FEFF, U+FFFE, U+FFFF.
            0xEF => bytes
                .get(at + 1..at + 3)
                .is_some_and(|b| b == [0xBB, 0xBF] || b == [0xBF, 0xBE] || b == [0xBF, 0xBF]),
            0x80.. => false,
            _ => true,
        };
        if bad {
            return false;
        }
        at += 1;
    }
    true
}

/// A line with content: its indentation in spaces, and the rest.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    indent: usize,
    text: &'a str,
}

/// The lines of `run` that hold content (not blank, not only a comment);
/// `None` for a document marker.
fn lines(run: &str) -> Option<Vec<Line<'_>>> {
    let mut lines = Vec::new();
    for line in run.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let text = line.trim_start_matches(' ');
        let indent = line.len() - text.len();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if indent == 0 && (text.starts_with("---") || text.starts_with("...")) {
            return None;
        }
        lines.push(Line { indent, text });
    }
    Some(lines)
}

/// A sequence item's line (`- …`): the column of what follows the dash,
/// and that text. `None` for a dash with nothing after it on the line.
fn item(line: Line<'_>) -> Option<(usize, &str)> {
    let rest = line.text.strip_prefix("- ")?;
    let content = rest.trim_start_matches(' ');
    if content.is_empty() || content.starts_with('#') {
        return None;
    }
    Some((line.indent + 2 + rest.len() - content.len(), content))
}

/// A node as read, before it is given a meaning.
#[derive(Debug)]
enum Node<'a> {
    /// No value (`key:` and nothing under it).
    Empty,
    Plain(&'a str),
    Quoted(Cow<'a, str>),
    /// A flow or block sequence of scalars.
    Seq(Vec<Node<'a>>),
    Map(Vec<(&'a str, Node<'a>)>),
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<Line<'a>> {
        self.lines.get(self.at).copied()
    }

    /// The block mapping at `column` whose first entry is `first`, on a
    /// line already taken; its other entries are the following lines at
    /// that column.
    fn map(&mut self, column: usize, first: &'a str) -> Option<Vec<(&'a str, Node<'a>)>> {
        let mut entries: Vec<(&'a str, Node<'a>)> = Vec::new();
        let mut text = first;
        loop {
            let (key, value) = key_value(text)?;
            if entries.iter().any(|(k, _)| *k == key) {
                return None;
            }
            let node = match value {
                Some(value) => {
                    let node = inline(value)?;
                    // A deeper line would continue the scalar.
                    if self.peek().is_some_and(|next| next.indent > column) {
                        return None;
                    }
                    node
                }
                None => self.nested(column)?,
            };
            entries.push((key, node));
            match self.peek() {
                Some(next) if next.indent == column && !next.text.starts_with('-') => {
                    text = next.text;
                    self.at += 1;
                }
                Some(next) if next.indent >= column => return None,
                _ => return Some(entries),
            }
        }
    }

    /// What lies under a `key:` at `column` that has no value on its line.
    fn nested(&mut self, column: usize) -> Option<Node<'a>> {
        let Some(next) = self.peek().filter(|next| next.indent >= column) else {
            return Some(Node::Empty);
        };
        if next.text.starts_with('-') {
            // At the key's own column too: a sequence may be written so.
            return self.seq(next.indent, next.indent == column);
        }
        if next.indent == column {
            // The mapping's next key.
            return Some(Node::Empty);
        }
        self.at += 1;
        self.map(next.indent, next.text).map(Node::Map)
    }

    /// The block sequence of scalars whose items start at `column`; when
    /// it is `indentless` (at its key's column), a line there that is not
    /// an item is the mapping's next key.
    fn seq(&mut self, column: usize, indentless: bool) -> Option<Node<'a>> {
        let mut items = Vec::new();
        while let Some(line) = self.peek().filter(|line| line.indent == column) {
            if indentless && !line.text.starts_with('-') {
                break;
            }
            let (_, text) = item(line)?;
            let node = inline(text)?;
            if matches!(node, Node::Seq(_)) {
                return None;
            }
            items.push(node);
            self.at += 1;
        }
        if self.peek().is_some_and(|next| next.indent > column) {
            return None;
        }
        Some(Node::Seq(items))
    }
}

/// `key: value` split: the key, and the value's text (`None` when the
/// line ends after the colon, a comment aside).
fn key_value(text: &str) -> Option<(&str, Option<&str>)> {
    let end = text
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
        .unwrap_or(text.len());
    let (key, rest) = text.split_at(end);
    if key.is_empty() || !untyped(key) {
        return None;
    }
    let rest = rest.strip_prefix(':')?;
    if rest.is_empty() {
        return Some((key, None));
    }
    let value = rest.strip_prefix(' ')?.trim_start_matches(' ');
    if value.is_empty() || value.starts_with('#') {
        return Some((key, None));
    }
    Some((key, Some(value)))
}

/// A value written on its key's or item's line.
fn inline(text: &str) -> Option<Node<'_>> {
    let (node, rest) = match text.as_bytes()[0] {
        b'"' => double_quoted(&text[1..])?,
        b'\'' => single_quoted(&text[1..])?,
        b'[' => flow_seq(&text[1..])?,
        _ => return plain(text).map(Node::Plain),
    };
    // After the node only blanks, and a comment after a blank.
    let tail = rest.trim_start_matches(' ');
    (tail.is_empty() || (tail.starts_with('#') && tail.len() < rest.len())).then_some(node)
}

/// A plain scalar that is the rest of a line (a comment cut off).
fn plain(text: &str) -> Option<&str> {
    let first = text.as_bytes()[0];
    if b"-?:,[]{}#&*!|>'\"%@`".contains(&first) {
        return None;
    }
    let text = text.find(" #").map_or(text, |at| &text[..at]);
    let text = text.trim_end_matches(' ');
    (!text.contains(": ") && !text.ends_with(':')).then_some(text)
}

/// A double-quoted scalar after its opening quote, closed on this line:
/// the scalar and what follows the closing quote.
fn double_quoted(text: &str) -> Option<(Node<'_>, &str)> {
    let end = text.find(['"', '\\'])?;
    if text.as_bytes()[end] == b'"' {
        return Some((Node::Quoted(Cow::Borrowed(&text[..end])), &text[end + 1..]));
    }
    let mut value = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let at = rest.find(['"', '\\'])?;
        value.push_str(&rest[..at]);
        if rest.as_bytes()[at] == b'"' {
            return Some((Node::Quoted(Cow::Owned(value)), &rest[at + 1..]));
        }
        let escaped = match rest.as_bytes().get(at + 1)? {
            b'\\' => '\\',
            b'"' => '"',
            b'/' => '/',
            b'n' => '\n',
            b't' => '\t',
            _ => return None,
        };
        value.push(escaped);
        rest = &rest[at + 2..];
    }
}

/// A single-quoted scalar after its opening quote, closed on this line.
fn single_quoted(text: &str) -> Option<(Node<'_>, &str)> {
    let mut value: Option<String> = None;
    let mut rest = text;
    loop {
        let at = rest.find('\'')?;
        if rest.as_bytes().get(at + 1) == Some(&b'\'') {
            let value = value.get_or_insert_with(String::new);
            value.push_str(&rest[..=at]);
            rest = &rest[at + 2..];
            continue;
        }
        let node = match value {
            None => Node::Quoted(Cow::Borrowed(&rest[..at])),
            Some(mut value) => {
                value.push_str(&rest[..at]);
                Node::Quoted(Cow::Owned(value))
            }
        };
        return Some((node, &rest[at + 1..]));
    }
}

/// A flow sequence of scalars after its `[`, closed on this line.
fn flow_seq(text: &str) -> Option<(Node<'_>, &str)> {
    let mut items = Vec::new();
    let mut rest = text.trim_start_matches(' ');
    if let Some(after) = rest.strip_prefix(']') {
        return Some((Node::Seq(items), after));
    }
    loop {
        let (node, after) = match rest.as_bytes().first()? {
            b'"' => double_quoted(&rest[1..])?,
            b'\'' => single_quoted(&rest[1..])?,
            _ => {
                let end = rest.find([',', ']'])?;
                let value = rest[..end].trim_end_matches(' ');
                let odd = |b: u8| b"[]{}:#\"'&*!|>%@`?-".contains(&b);
                if value.is_empty()
                    || odd(value.as_bytes()[0])
                    || value.bytes().any(|b| b"[]{}:#\"'".contains(&b))
                {
                    return None;
                }
                (Node::Plain(value), &rest[end..])
            }
        };
        items.push(node);
        let after = after.trim_start_matches(' ');
        if let Some(after) = after.strip_prefix(']') {
            return Some((Node::Seq(items), after));
        }
        rest = after.strip_prefix(',')?.trim_start_matches(' ');
        if rest.starts_with(']') || rest.starts_with(',') {
            return None;
        }
    }
}

/// Whether a plain scalar is read as a string whatever it is asked for:
/// not null, a boolean or a number, nor anything that starts like a
/// number and has only characters a number may have (`2019 census` and
/// `3番目` are strings, `1_000` and `0x1F` are left to the parser).
fn untyped(plain: &str) -> bool {
    let bytes = plain.as_bytes();
    let numeric = |b: &u8| b.is_ascii_alphanumeric() || b"+-._".contains(b);
    if (bytes[0].is_ascii_digit() || b"+-.~".contains(&bytes[0])) && bytes.iter().all(numeric) {
        return false;
    }
    !["~", "null", "true", "false"]
        .iter()
        .any(|word| plain.eq_ignore_ascii_case(word))
}

/// A scalar read as text (`Text`, or a `String` field).
fn text(node: Node<'_>) -> Option<String> {
    match node {
        Node::Plain(plain) if untyped(plain) => Some(plain.to_string()),
        Node::Quoted(quoted) => Some(quoted.into_owned()),
        _ => None,
    }
}

/// `true` or `false`, as the parser reads a boolean field.
fn boolean(node: &Node<'_>) -> Option<bool> {
    match node {
        Node::Plain("true") => Some(true),
        Node::Plain("false") => Some(false),
        _ => None,
    }
}

/// A sequence of texts.
fn texts(node: Node<'_>) -> Option<Vec<Text>> {
    let Node::Seq(items) = node else {
        return None;
    };
    items.into_iter().map(|item| text(item).map(Text)).collect()
}

fn concept(map: Vec<(&str, Node<'_>)>) -> Option<RawConcept> {
    let mut id = None;
    let mut note = None;
    let mut dnt = false;
    let mut terms = None;
    for (key, node) in map {
        match key {
            "id" => id = Some(text(node)?),
            "note" => note = Some(text(node)?),
            "dnt" => dnt = boolean(&node)?,
            "terms" => {
                let Node::Map(entries) = node else {
                    return None;
                };
                let pairs = entries
                    .into_iter()
                    .map(|(lang, node)| Some((lang.to_string(), term(node)?)));
                terms = Some(Pairs(pairs.collect::<Option<_>>()?));
            }
            _ => return None,
        }
    }
    Some(RawConcept {
        id: id?,
        note,
        dnt,
        terms,
        examples: Vec::new(),
    })
}

fn term(node: Node<'_>) -> Option<RawTerm> {
    match node {
        Node::Empty => Some(RawTerm::Missing),
        Node::Map(map) => entry(map).map(RawTerm::Full),
        scalar => text(scalar).map(RawTerm::Shorthand),
    }
}

fn entry(map: Vec<(&str, Node<'_>)>) -> Option<RawEntry> {
    let mut official = None;
    let mut variants = Vec::new();
    let mut case_sensitive = None;
    let mut inflect = None;
    let mut patterns = Vec::new();
    for (key, node) in map {
        match key {
            "official" => {
                official = Some(match node {
                    Node::Seq(_) => OneOrMany::Many(texts(node)?),
                    scalar => OneOrMany::One(text(scalar)?),
                });
            }
            "variants" => variants = texts(node)?,
            "case_sensitive" => case_sensitive = Some(boolean(&node)?),
            "inflect" => inflect = Some(boolean(&node)?),
            "patterns" => patterns = texts(node)?,
            _ => return None,
        }
    }
    Some(RawEntry {
        official: official?,
        variants,
        case_sensitive,
        inflect,
        patterns,
    })
}

#[cfg(test)]
mod tests;
