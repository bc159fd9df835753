//! Invariants shared by the fuzz targets: what every reader, the folder and
//! the matcher promise about the byte ranges they hand back.

use std::ops::Range;

use termlint::formats::{self, Format, Parsed, ReadOptions};
use termlint::segment::Segment;

/// Fuzz input as text: invalid UTF-8 becomes U+FFFD, as no reader ever sees
/// anything but a `&str`.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Panics unless `range` is a valid, char-aligned range of `text`.
pub fn assert_char_range(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what}: {range:?} out of 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what}: {range:?} splits a character"
    );
}

/// The char boundaries of `text`, both ends included.
pub fn char_bounds(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// Every character and every empty position of `segment`'s text maps back
/// to a char-aligned range of `input`, and positions map in order.
pub fn assert_segment(input: &str, segment: &Segment) {
    assert!(segment.anchor <= input.len(), "anchor past the end");
    assert!(
        input.is_char_boundary(segment.anchor),
        "anchor splits a char"
    );
    let bounds = char_bounds(&segment.text);
    let mut last = 0;
    for &at in &bounds {
        let span = segment.original(at..at);
        assert_char_range(input, &span, "empty segment range");
        assert!(span.start >= last, "segment positions go backwards");
        last = span.start;
    }
    for pair in bounds.windows(2) {
        let span = segment.original(pair[0]..pair[1]);
        assert_char_range(input, &span, "segment character");
    }
    let whole = segment.original(0..segment.text.len());
    assert_char_range(input, &whole, "whole segment");
}

/// Checks every segment of `parsed` and of its pairs.
pub fn assert_parsed(input: &str, parsed: &Parsed) {
    for segment in &parsed.segments {
        assert_segment(input, segment);
    }
    for pair in &parsed.pairs {
        assert!(pair.targets.start <= pair.targets.end);
        assert!(pair.targets.end <= parsed.segments.len(), "pair targets");
        assert!(pair.anchor <= input.len(), "pair anchor past the end");
        for segment in &pair.source {
            assert_segment(input, segment);
        }
    }
}

/// Reads `data` as `format` with the default options and with every option
/// on, checking what comes back.
pub fn read_and_check(format: Format, data: &[u8]) {
    let input = text(data);
    let all_on = ReadOptions {
        front_matter_keys: vec!["title".into(), "description".into(), "summary".into()],
        aligned_comments: true,
        check_fuzzy: true,
    };
    for options in [ReadOptions::default(), all_on] {
        match formats::read(format, &input, &options) {
            Ok(parsed) => assert_parsed(&input, &parsed),
            Err(e) => {
                assert!(!e.message.is_empty(), "empty read error");
                assert!(!e.message.contains('\n'), "multi-line error: {e}");
            }
        }
    }
}
