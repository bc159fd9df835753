//! Aligned comments: translated pages that keep each source paragraph in
//! an HTML comment right above its translation (the Kubernetes website and
//! the Japanese Rust book do). A comment with prose is the source of the
//! blocks after it, up to the next such comment; comments in a row with
//! nothing between them form one source (the Rust book puts several source
//! paragraphs above one translated box). One-word markers such as
//! `<!-- body -->` are not sources. A comment right after the front matter
//! that holds the source's front matter is the source of its values.

use super::{walk, Comment, Walked};
use crate::document::Pair;
use crate::formats::front_matter::{self, Block};
use crate::segment::Segment;
use std::ops::Range;

/// What the pairing needs to know about the page.
pub(super) struct Page<'p> {
    /// The whole file.
    pub text: &'p str,
    /// Stretches that are not prose (see `mask`).
    pub masks: &'p [Range<usize>],
    /// The page's front matter, if any.
    pub front_matter: Option<&'p Block>,
    /// The front matter's checked values; they come first in the segments.
    pub fields: &'p [(String, Segment)],
    /// The front matter keys being checked.
    pub keys: &'p [String],
}

/// The pairs of `walked`'s comments and the segments after them. Segment
/// indexes count the front matter's segments first.
pub(super) fn pairs(page: &Page<'_>, walked: &Walked) -> Vec<Pair> {
    let mut comments: &[Comment] = &walked.comments;
    let mut pairs = Vec::new();
    if let Some(first) = comments.first().filter(|c| holds_front_matter(page, c)) {
        pairs.extend(front_matter_pairs(page, first));
        comments = &comments[1..];
    }
    let sources: Vec<&Comment> = comments
        .iter()
        .filter(|c| !is_marker(&page.text[c.inner.clone()]))
        .collect();
    let offset = page.fields.len();
    let total = offset + walked.segments.len();
    let groups: Vec<&[&Comment]> = sources
        .chunk_by(|a, b| a.after_segments == b.after_segments)
        .collect();
    for (i, group) in groups.iter().enumerate() {
        let start = offset + group[0].after_segments;
        let end = groups
            .get(i + 1)
            .map_or(total, |next| offset + next[0].after_segments);
        pairs.push(source_pair(
            page,
            group,
            start..end,
            &walked.segments,
            offset,
        ));
    }
    pairs
}

fn source_pair(
    page: &Page<'_>,
    group: &[&Comment],
    targets: Range<usize>,
    segments: &[Segment],
    offset: usize,
) -> Pair {
    let source = group
        .iter()
        .flat_map(|c| walk(page.text, c.inner.clone(), page.masks).segments)
        .collect();
    let anchor = match segments.get(targets.start - offset) {
        Some(first) if !targets.is_empty() => first.anchor,
        _ => group.last().map_or(0, |c| c.block.end),
    };
    Pair {
        targets,
        anchor,
        source,
        source_lang: None,
    }
}

/// A marker names a part of the page (`overview`, `body`, `whatsnext`):
/// one lowercase token, or nothing; termlint's own directives
/// (`termlint-disable-next-line mct`) are markers too.
fn is_marker(inner: &str) -> bool {
    let inner = inner.trim();
    inner.starts_with("termlint-")
        || inner
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'))
}

/// Whether `comment` stands right after the front matter and reads as
/// YAML holding a checked key.
fn holds_front_matter(page: &Page<'_>, comment: &Comment) -> bool {
    let Some(block) = page.front_matter else {
        return false;
    };
    let between = page.text.get(block.end..comment.block.start).unwrap_or("x");
    between.trim().is_empty()
        && front_matter::yaml_has_any(page.text, comment.inner.clone(), page.keys)
}

/// One pair per checked key the source front matter has: the translated
/// value is the target (none when the translation lost the key).
fn front_matter_pairs(page: &Page<'_>, comment: &Comment) -> Vec<Pair> {
    let Ok(source) = front_matter::yaml_values(page.text, comment.inner.clone(), page.keys) else {
        return Vec::new();
    };
    let fallback = page.front_matter.map_or(0, |b| b.body.start);
    source
        .fields
        .into_iter()
        .map(|(key, segment)| {
            let index = page.fields.iter().position(|(k, _)| *k == key);
            let targets = index.map_or(0..0, |i| i..i + 1);
            let anchor = index.map_or(fallback, |i| page.fields[i].1.anchor);
            Pair {
                targets,
                anchor,
                source: vec![segment],
                source_lang: None,
            }
        })
        .collect()
}
