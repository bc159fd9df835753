//! Parsing a large glossary on every core: the items of its top-level
//! `concepts:` list are cut into runs of whole items, each run read
//! directly when it has the usual shape ([`super::quick`]) or else parsed
//! as a YAML document of its own, and the rest of the file (with
//! `concepts: []`) parsed once more for the other fields.
//!
//! The cuts are made only where the flow tokenizer
//! ([`super::flow_depth::tokenize`]) reads the whole file with certainty,
//! at lines that start a list item at the list's own indentation, outside
//! quoted scalars, comments and flow collections; such a line can belong
//! to no other node. Anything else (a file the tokenizer gives up on, a
//! `concepts` key written another way, any error in any part) returns
//! `None`, and the caller parses the whole file as one document, which
//! also words every error exactly as before. Parsing a run at a time also
//! keeps the parser's event list to one run's size.

use super::flow_depth::tokenize;
use super::quick;
use super::raw::{RawConcept, RawGlossary};
use rayon::prelude::*;

/// Below this size a glossary is parsed in one piece.
pub(crate) const MIN_SPLIT_BYTES: usize = 1 << 20;

/// About how many bytes of concepts each parallel parse reads.
pub(crate) const RUN_BYTES: usize = 256 << 10;

/// `yaml` parsed in runs of about `run_bytes` bytes of concepts; `None`
/// when it cannot be cut with certainty or any part fails to parse.
#[cfg(test)]
pub(crate) fn parse(yaml: &str, run_bytes: usize) -> Option<RawGlossary> {
    parse_planned(yaml, plan(yaml), run_bytes)
}

/// What one pass of the tokenizer learns about a large glossary: how
/// deep its flow collections nest (what [`super::shape::too_deep`] needs
/// to know) and where its `concepts:` list can be cut.
pub(crate) struct Plan {
    /// [`super::flow_depth::flow_depth`] of the text.
    pub(crate) flow_depth: Option<usize>,
    list: Option<ConceptList>,
}

/// Reads `yaml` once with the tokenizer.
pub(crate) fn plan(yaml: &str) -> Plan {
    let (flow_depth, list) = concept_list(yaml);
    Plan { flow_depth, list }
}

/// [`parse`] with the tokenizer's pass already made.
pub(crate) fn parse_planned(yaml: &str, plan: Plan, run_bytes: usize) -> Option<RawGlossary> {
    let list = plan.list?;
    let runs = runs(&list.items, list.end, run_bytes);
    let rest = format!(
        "{}concepts: []\n{}",
        &yaml[..list.key_line],
        &yaml[list.end..]
    );
    let (glossary, concepts) = rayon::join(
        || serde_yaml::from_str::<Option<RawGlossary>>(&rest),
        || {
            runs.par_iter()
                .map(|run| read_run(&yaml[run.clone()]))
                .collect::<Result<Vec<_>, _>>()
        },
    );
    let mut glossary = glossary.ok()??;
    if !glossary.concepts.is_empty() {
        return None;
    }
    glossary.concepts = concepts.ok()?.into_iter().flatten().collect();
    Some(glossary)
}

/// The concepts of one run: read directly when [`quick`] can, else by
/// the parser.
fn read_run(run: &str) -> Result<Vec<RawConcept>, serde_yaml::Error> {
    quick::concepts(run).map_or_else(|| serde_yaml::from_str(run), Ok)
}

/// Where the top-level `concepts:` list is.
#[derive(Debug, PartialEq, Eq)]
struct ConceptList {
    /// The first byte of the `concepts:` line.
    key_line: usize,
    /// The first byte of each item's line (its indentation included).
    items: Vec<usize>,
    /// The first byte after the list: the start of the next top-level
    /// line, or the end of the file.
    end: usize,
}

/// The depth of the flow collections, and the `concepts:` list found
/// from the lines the tokenizer reports.
fn concept_list(yaml: &str) -> (Option<usize>, Option<ConceptList>) {
    let bytes = yaml.as_bytes();
    if has_lone_carriage_return(bytes) {
        // Lines found by `\n` would not be YAML's lines.
        return (tokenize(yaml, |_| {}), None);
    }
    let mut key_line = None;
    let mut unclear = false;
    let mut indent = None;
    let mut items = Vec::new();
    let mut end = None;
    let depth = tokenize(yaml, |at| {
        if end.is_some() {
            return;
        }
        let line = line_begin(bytes, at);
        let column = at - line;
        let text = &bytes[at..];
        let Some(key) = key_line else {
            if column == 0 && is_concepts_key(text) {
                key_line = Some(line);
            }
            return;
        };
        if text.starts_with(b"#") || line == key {
            return;
        }
        let item = text.starts_with(b"-") && text.get(1).is_none_or(|&b| is_blank(b));
        let indent = *indent.get_or_insert(column);
        if column == indent && item && indent_is_spaces(&bytes[line..at]) {
            items.push(line);
        } else if column == 0 {
            end = Some(line);
        } else if column <= indent {
            // Not a top-level line, yet not inside an item either.
            unclear = true;
            end = Some(line);
        }
    });
    let list = match (depth, key_line) {
        (Some(_), Some(key_line)) if !items.is_empty() && !unclear => Some(ConceptList {
            key_line,
            items,
            end: end.unwrap_or(yaml.len()),
        }),
        _ => None,
    };
    (depth, list)
}

/// Whether a line starts `concepts:` with nothing after it but a comment.
fn is_concepts_key(text: &[u8]) -> bool {
    let Some(rest) = text.strip_prefix(b"concepts:") else {
        return false;
    };
    let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
    let value = line.trim_ascii();
    value.is_empty() || (value.starts_with(b"#") && line.first().is_some_and(|&b| is_blank(b)))
}

fn has_lone_carriage_return(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n'))
}

fn indent_is_spaces(indent: &[u8]) -> bool {
    indent.iter().all(|&b| b == b' ')
}

fn is_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

/// The first byte of the line of byte `at`.
fn line_begin(bytes: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1)
}

/// The items cut into runs of whole items of at least `run_bytes` bytes
/// (the last may be shorter).
fn runs(items: &[usize], end: usize, run_bytes: usize) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = items[0];
    for &item in &items[1..] {
        if item - start >= run_bytes {
            runs.push(start..item);
            start = item;
        }
    }
    runs.push(start..end);
    runs
}

#[cfg(test)]
mod tests;

/// Where the items of `yaml`'s `concepts:` list start, and where the list
/// ends.
#[cfg(test)]
pub(crate) fn items(yaml: &str) -> Option<(Vec<usize>, usize)> {
    concept_list(yaml).1.map(|list| (list.items, list.end))
}
