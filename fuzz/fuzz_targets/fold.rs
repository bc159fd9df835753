//! Folding (SPEC §2): the offset map is monotonic and maps every folded
//! character back to a char-aligned range of the input, and folding is
//! idempotent with and without case folding (src/fold.rs promises both).

#![no_main]

use libfuzzer_sys::fuzz_target;
use termlint::fold::{fold, fold_str, FoldOptions};
use termlint_fuzz::{assert_char_range, char_bounds, text};

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    for case in [true, false] {
        let options = FoldOptions { case };
        let folded = fold(&input, options);
        let out = folded.as_str();
        assert_eq!(
            fold_str(out, options),
            out,
            "folding twice changes {input:?}"
        );
        let bounds = char_bounds(out);
        let mut last = 0;
        for &at in &bounds {
            let span = folded.original_span(at..at);
            assert_char_range(&input, &span, "empty folded range");
            assert!(span.start >= last, "offset map goes backwards at {at}");
            last = span.start;
        }
        for pair in bounds.windows(2) {
            let span = folded.original_span(pair[0]..pair[1]);
            assert_char_range(&input, &span, "folded character");
            assert!(!span.is_empty(), "folded character from nothing");
        }
        let whole = folded.original_span(0..out.len());
        assert_char_range(&input, &whole, "whole text");
    }
});
