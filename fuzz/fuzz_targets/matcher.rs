//! Matcher (SPEC §2): on arbitrary text, with a small multi-script glossary,
//! every match span lies on char boundaries of the original text, and the
//! matches are sorted and do not overlap (leftmost-longest).

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use termlint::check::Checker;
use termlint::glossary;
use termlint_fuzz::{assert_char_range, text};

const GLOSSARY: &str = include_str!("../data/matcher-glossary.yaml");

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let glossary = glossary::load_str(Path::new("matcher-glossary.yaml"), GLOSSARY)
            .expect("the matcher target's glossary loads");
        Checker::new(glossary)
    })
}

fuzz_target!(|data: &[u8]| {
    let input = text(data);
    let checker = checker();
    let matches = checker.matches(&input);
    let mut end = 0;
    for m in &matches {
        assert_char_range(&input, &m.span, "match span");
        assert!(!m.span.is_empty(), "empty match");
        assert!(m.span.start >= end, "matches overlap or are out of order");
        end = m.span.end;
    }
});
