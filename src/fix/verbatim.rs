//! Whether a finding's file bytes are the very text the matcher read: a
//! decoded entity or escape, or markup left out of a segment, inside the
//! span would be lost or mangled by a plain replacement.
//!
//! Looked up per finding, so it must not cost the length of the file: the
//! segments' file ranges are indexed once, and the text a span was read
//! from is found by binary search over the segment's map back to the file
//! (which only ever moves forward). A 24 MB file with 20,000 fixable names
//! would otherwise take hours.

use crate::document::Document;
use crate::fold::{fold_str, FoldOptions};
use crate::segment::Segment;
use std::ops::Range;

/// The segments of one document, by where they stand in the file.
pub(super) struct Verbatim<'d> {
    doc: &'d Document,
    /// Each segment's file range and index, sorted by start.
    ranges: Vec<(Range<usize>, usize)>,
    /// `reach[i]`: the furthest end among `ranges[..=i]`.
    reach: Vec<usize>,
}

impl<'d> Verbatim<'d> {
    pub(super) fn new(doc: &'d Document) -> Verbatim<'d> {
        let mut ranges: Vec<(Range<usize>, usize)> = doc
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| (s.original(0..s.text.len()), i))
            .collect();
        ranges.sort_by_key(|(range, i)| (range.start, *i));
        let reach = ranges
            .iter()
            .scan(0, |far, (range, _)| {
                *far = (*far).max(range.end);
                Some(*far)
            })
            .collect();
        Verbatim { doc, ranges, reach }
    }

    /// Whether some segment read the file bytes `span` as they are (case
    /// and white space aside).
    pub(super) fn holds(&self, span: &Range<usize>) -> bool {
        let Some(written) = self.doc.text.get(span.clone()).map(folded) else {
            return false;
        };
        self.holding(span).any(|segment| {
            segment_text_at(segment, span).is_some_and(|text| folded(text) == written)
        })
    }

    /// The segments whose file range holds `span`.
    fn holding(&self, span: &Range<usize>) -> impl Iterator<Item = &'d Segment> + '_ {
        let (start, end) = (span.start, span.end);
        let starts_before = self.ranges.partition_point(|(r, _)| r.start <= start);
        (0..starts_before)
            .rev()
            .take_while(move |&i| self.reach[i] >= end)
            .filter(move |&i| self.ranges[i].0.end >= end)
            .map(move |i| &self.doc.segments[self.ranges[i].1])
    }
}

/// Folded for comparing: case and white space aside.
fn folded(text: &str) -> String {
    fold_str(text, FoldOptions { case: true })
}

/// The part of `segment`'s text read from the file bytes `span`: the first
/// text offset that maps to its start, and the first after it whose range
/// maps to its end. The map back to the file never goes backwards, so
/// both are found by binary search.
fn segment_text_at<'s>(segment: &'s Segment, span: &Range<usize>) -> Option<&'s str> {
    let text = &segment.text;
    let len = text.len();
    let start = first(0, len, |i| segment.original(i..i).start >= span.start);
    if start > len || segment.original(start..start).start != span.start {
        return None;
    }
    let end = first(start + 1, len, |j| {
        segment.original(start..j).end >= span.end
    });
    if end > len || segment.original(start..end).end != span.end {
        return None;
    }
    text.get(start..end)
}

/// The smallest `i` in `lo..=hi` with `holds(i)`, for a `holds` that is
/// false and then true; `hi + 1` when there is none.
fn first(lo: usize, hi: usize, holds: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (lo, hi + 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LangTag;

    fn doc(file: &str, segments: Vec<Segment>) -> Document {
        let de = LangTag::parse("de").expect("valid tag");
        Document::with_segments("x.md", file.to_owned(), de, segments)
    }

    #[test]
    fn decoded_entity_is_not_verbatim() {
        let file = "Exhibition &amp; Center";
        let mut segment = Segment::at(0);
        segment.push_verbatim(file, 0..11);
        segment.push_decoded("&", 11..16);
        segment.push_verbatim(file, 16..file.len());
        let doc = doc(file, vec![segment]);
        let verbatim = Verbatim::new(&doc);
        assert!(!verbatim.holds(&(0..file.len())));
        assert!(!verbatim.holds(&(11..16)));
        assert!(verbatim.holds(&(0..10)));
        assert!(verbatim.holds(&(17..file.len())));
    }

    #[test]
    fn span_across_two_segments_is_not_verbatim() {
        let file = "Erster Absatz\n\nZweiter Absatz";
        let doc = doc(
            file,
            vec![
                Segment::verbatim(file, 0..13),
                Segment::verbatim(file, 15..29),
            ],
        );
        let verbatim = Verbatim::new(&doc);
        assert!(verbatim.holds(&(0..6)));
        assert!(verbatim.holds(&(23..29)));
        assert!(!verbatim.holds(&(7..23)));
    }

    #[test]
    fn span_inside_a_multibyte_text_maps_back_exactly() {
        let file = "Straße für Kultur";
        let doc = doc(file, vec![Segment::verbatim(file, 0..file.len())]);
        let verbatim = Verbatim::new(&doc);
        let kultur = file.find("Kultur").expect("in file");
        assert!(verbatim.holds(&(kultur..file.len())));
        assert!(verbatim.holds(&(0..7)));
    }

    #[test]
    fn nested_segments_are_all_asked() {
        // A front matter value inside a wider segment: either may hold it.
        let file = "title: Kultur Park\nrest";
        let outer = Segment::verbatim(file, 0..file.len());
        let inner = Segment::verbatim(file, 7..18);
        let doc = doc(file, vec![outer, inner]);
        let verbatim = Verbatim::new(&doc);
        assert!(verbatim.holds(&(7..18)));
        assert!(verbatim.holds(&(19..23)));
    }
}
