//! Limits on the shape of glossary YAML that are checked before it is
//! parsed: a glossary is refused fast, with the place to look at, when its
//! nesting would make parsing slow.
//!
//! The YAML parser behind serde takes time quadratic in the depth of flow
//! collections (`[[[[…`): it rescans its stack of possible keys at every
//! token, and it reads the whole document before serde's own recursion
//! limit can stop it, so 100 kB of `[` take minutes. A glossary needs seven
//! levels. A cheap scan of the bytes bounds the depth from above. A large
//! glossary has too many brackets for that scan to be sure (a `]` inside
//! a quoted string would hide depth from it): a tokenizer that knows
//! quotes and comments ([`flow_depth`]) reads it instead. Only when both
//! are high, or the tokenizer cannot tell, does an exact pass over the
//! parser events (saphyr, which stops at the first node too deep) decide.
//!
//! Alias bombs (`&a [*b, *b, …]` repeated) are left to serde_yaml, which
//! refuses them after a fixed number of expansions; [`first_alias`] gives
//! the place to report.

use saphyr_parser::{Event, Parser, ScanError, Span};

/// The deepest nesting of mappings and sequences accepted. A glossary
/// needs seven levels (`concepts`, a concept, `examples`, an example,
/// `findings`, a finding, a field).
pub(crate) const MAX_DEPTH: usize = 32;

/// More `[` and `{` than this are read by the tokenizer even when the byte
/// scan finds them balanced: a `]` inside a quoted string could hide the
/// depth from the scan, and below this many the parser's quadratic time is
/// still a fraction of a second.
const EXACT_PASS_BRACKETS: usize = 10_000;

/// Where `yaml` first nests deeper than [`MAX_DEPTH`], as a 1-based line
/// and column, or `None` when it does not (or its syntax is broken before
/// that: the parser reports that error itself).
#[cfg(test)]
pub(crate) fn too_deep(yaml: &str) -> Option<(usize, usize)> {
    too_deep_given(yaml, || super::flow_depth::flow_depth(yaml))
}

/// [`too_deep`], with the tokenizer's depth (asked for only when the
/// byte scan cannot decide) from `flow_depth`: a caller that tokenizes the
/// text anyway passes what it found.
pub(crate) fn too_deep_given(
    yaml: &str,
    flow_depth: impl FnOnce() -> Option<usize>,
) -> Option<(usize, usize)> {
    let scan = bracket_depth(yaml);
    if scan.deepest <= MAX_DEPTH
        && (scan.brackets <= EXACT_PASS_BRACKETS
            || flow_depth().is_some_and(|depth| depth <= MAX_DEPTH))
    {
        return None;
    }
    match first_node_deeper_than(yaml, MAX_DEPTH) {
        Deeper::At(at) => Some(at),
        // The scanner reads ahead of the events and stops at its own limit
        // (256 levels); the bracket that went too deep is then a better
        // place to show, when the byte scan saw it.
        Deeper::ParserLimit(at) => Some(scan.too_deep.map_or(at, |byte| line_col(yaml, byte))),
        Deeper::No => None,
    }
}

/// What the byte scan saw.
struct Scan {
    /// The deepest unclosed run of `[` and `{`.
    deepest: usize,
    /// How many `[` and `{` there are.
    brackets: usize,
    /// The byte of the first bracket past [`MAX_DEPTH`].
    too_deep: Option<usize>,
}

/// Counts `[` and `{` over the raw bytes (inside strings and comments too),
/// each `]` and `}` closing one.
fn bracket_depth(yaml: &str) -> Scan {
    let mut scan = Scan {
        deepest: 0,
        brackets: 0,
        too_deep: None,
    };
    let mut depth = 0usize;
    for (at, &b) in yaml.as_bytes().iter().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                scan.brackets += 1;
                scan.deepest = scan.deepest.max(depth);
                if depth > MAX_DEPTH && scan.too_deep.is_none() {
                    scan.too_deep = Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    scan
}

/// 1-based line and column (in characters) of byte `at` (an ASCII byte).
fn line_col(yaml: &str, at: usize) -> (usize, usize) {
    let before = &yaml[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Where the parser events first go deeper than allowed.
#[derive(Debug, PartialEq, Eq)]
enum Deeper {
    /// The node that does.
    At((usize, usize)),
    /// The parser stopped at its own nesting limit here first.
    ParserLimit((usize, usize)),
    /// Nowhere (or the syntax breaks first: serde_yaml reports that).
    No,
}

/// The position of the first node nested deeper than `max`, by the parser
/// events.
fn first_node_deeper_than(yaml: &str, max: usize) -> Deeper {
    let mut depth = 0usize;
    for event in Parser::new_from_str(yaml) {
        let (event, span) = match event {
            Ok(found) => found,
            Err(err) => return recursion_limit(&err).map_or(Deeper::No, Deeper::ParserLimit),
        };
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > max {
                    return Deeper::At(position(span));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Deeper::No
}

/// The place of saphyr's own nesting limit, which may come first; other
/// syntax errors are serde_yaml's to report.
fn recursion_limit(err: &ScanError) -> Option<(usize, usize)> {
    err.info().contains("recursion limit").then(|| {
        let marker = err.marker();
        (marker.line().max(1), marker.col() + 1)
    })
}

/// The first alias (`*name`) of `yaml`: where a document that expands too
/// many aliases starts doing so.
pub(crate) fn first_alias(yaml: &str) -> Option<(usize, usize)> {
    Parser::new_from_str(yaml)
        .map_while(Result::ok)
        .find(|(event, _)| matches!(event, Event::Alias(_)))
        .map(|(_, span)| position(span))
}

/// saphyr lines are 1-based, columns 0-based characters.
fn position(span: Span) -> (usize, usize) {
    (span.start.line().max(1), span.start.col() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_glossary_is_not_scanned_twice() {
        let yaml = "version: 1\nconcepts:\n  - {id: a, terms: {en: [A, B]}}\n";
        let scan = bracket_depth(yaml);
        assert_eq!((scan.deepest, scan.brackets), (3, 3));
        assert_eq!(too_deep(yaml), None);
    }

    #[test]
    fn deep_flow_nesting_is_found_at_its_place() {
        let yaml = format!("version: {}{}\n", "[".repeat(5000), "]".repeat(5000));
        // The 33rd bracket, at column 10 + 32.
        assert_eq!(too_deep(&yaml), Some((1, 10 + MAX_DEPTH)));
    }

    #[test]
    fn closing_brackets_in_strings_do_not_hide_depth() {
        let level = "[\"]\", ";
        let yaml = format!("version: {}1\n", level.repeat(EXACT_PASS_BRACKETS + 1));
        assert!(bracket_depth(&yaml).deepest <= 1);
        // Found by the parser: at its own limit, past the byte scan's view.
        let (line, column) = too_deep(&yaml).expect("too deep");
        assert_eq!(line, 1);
        assert!(column > 10 + level.len() * MAX_DEPTH, "{column}");
    }

    #[test]
    fn deep_block_nesting_is_found_too() {
        let yaml = format!("version:\n  {}x\n", "- ".repeat(40));
        assert_eq!(bracket_depth(&yaml).deepest, 0);
        // The byte scan sees nothing; serde's recursion limit covers block
        // nesting, whose parsing takes linear time.
        assert_eq!(too_deep(&yaml), None);
        assert_eq!(
            first_node_deeper_than(&yaml, MAX_DEPTH),
            Deeper::At((2, 65))
        );
    }

    #[test]
    fn first_alias_is_located() {
        let yaml = "a: &x [1, 2]\nb: [*x, *x]\n";
        assert_eq!(first_alias(yaml), Some((2, 5)));
        assert_eq!(first_alias("a: 1\n"), None);
    }
}
