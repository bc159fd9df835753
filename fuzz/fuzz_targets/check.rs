//! A whole check with the bundled glossary.yaml, as `termlint check` runs
//! it: read the text in some format, check it (against a source text when
//! there is one), render the findings with the human and JSON reporters.
//!
//! The first byte picks the format (low 3 bits, of 6) and the language (the
//! rest, of the glossary's languages). A NUL byte splits the rest into the
//! checked text and a plain source text in the glossary's source language.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use termlint::check::{Checker, Outcome};
use termlint::document::Document;
use termlint::formats::{self, Format, ReadOptions};
use termlint::glossary;
use termlint::lang::LangTag;
use termlint::report::{human, json, FileReport};
use termlint_fuzz::{assert_char_range, text};

const GLOSSARY: &str = include_str!("../../glossary.yaml");

const FORMATS: [Format; 6] = [
    Format::Plain,
    Format::Markdown,
    Format::Html,
    Format::Xliff,
    Format::Po,
    Format::Tmx,
];

struct Setup {
    checker: Checker,
    langs: Vec<LangTag>,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let glossary = glossary::load_str(Path::new("glossary.yaml"), GLOSSARY)
            .expect("the bundled glossary loads");
        let langs = glossary.languages();
        Setup {
            checker: Checker::new(glossary),
            langs,
        }
    })
}

/// The document `termlint check` would make of `text`, if the reader
/// accepts it.
fn document(format: Format, text: String, lang: &LangTag) -> Option<Document> {
    let parsed = formats::read(format, &text, &ReadOptions::default()).ok()?;
    let lang = parsed.lang.unwrap_or_else(|| lang.clone());
    let mut doc = Document::with_segments("fuzz", text, lang, parsed.segments);
    doc.pairs = parsed.pairs;
    doc.format = format;
    Some(doc)
}

fn render(report: FileReport) {
    let reports = [report];
    let mut out = Vec::new();
    human::render(&mut out, &reports).expect("writing to memory");
    out.clear();
    json::render(&mut out, &reports).expect("writing to memory");
    serde_json::from_slice::<serde_json::Value>(&out).expect("valid JSON");
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let setup = setup();
    let format = FORMATS[usize::from(selector & 7) % FORMATS.len()];
    let lang = &setup.langs[usize::from(selector >> 3) % setup.langs.len()];
    let (target, source) = match rest.iter().position(|&b| b == 0) {
        Some(nul) => (&rest[..nul], Some(&rest[nul + 1..])),
        None => (rest, None),
    };
    let Some(doc) = document(format, text(target), lang) else {
        return;
    };
    let source_lang = setup.checker.glossary().source_language.clone();
    let source = source.map(|s| {
        let lang = source_lang.clone().unwrap_or_else(|| lang.clone());
        Document::new("fuzz-source", text(s), lang)
    });
    let outcome: Outcome = setup.checker.check(&doc, source.as_ref());
    for finding in &outcome.findings {
        assert_char_range(&doc.text, &finding.span, "finding span");
    }
    render(FileReport { doc, outcome });
});
