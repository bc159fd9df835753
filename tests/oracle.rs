//! The matcher against a reference: on random glossaries (forms in Latin
//! with diacritics, German, Cyrillic, Han, Hangul and Kana, mixed; entries
//! in de, en, zh, ru, ko and fr) and random texts built from their forms —
//! inflected, recased, glued to their neighbours — and filler in several
//! scripts, `Matcher::find` and the plain-loop matcher of
//! `oracle/reference.rs` must report the same matches: the same spans, the
//! same concepts, the same renderings.
//!
//! 2,000 cases per property; set `PROPTEST_CASES` for more. Run with
//! `--nocapture` to see how many matches were compared.

#[path = "oracle/reference.rs"]
mod reference;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use reference::{Found, Oracle};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use termlint::fold::{fold, fold_str, FoldOptions};
use termlint::glossary::{load_str, Glossary};
use termlint::matcher::Matcher;

const CASE: FoldOptions = FoldOptions { case: true };

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
}

// --- Glossaries ------------------------------------------------------------

/// A word in one of the scripts glossaries use.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zäöüßéèàçñ]{2,9}",
        2 => prop::sample::select(vec![
            "ministerium", "kultur", "tourismus", "straße", "park", "industriepark",
            "amt", "bundes", "haus", "verwaltung", "ministry", "agency", "city",
            "organisation", "santé", "unione",
        ]).prop_map(str::to_string),
        2 => "[а-яё]{3,9}",
        2 => "[\u{4e00}-\u{4e0f}]{1,4}",
        2 => "[가-갛]{1,3}",
        1 => "[ぁ-ゖァ-ヺ]{1,4}",
        1 => "[A-Z]{2,4}[0-9]{0,2}",
        // Folding and boundaries at work inside a form: apostrophes,
        // punctuation at either end, full-width letters, final sigma,
        // NFD, a ligature and dotted İ (which fold to more characters).
        1 => prop::sample::select(vec![
            "l'union", "ministry's", "c++", "(icif)", "ｗｈｏ", "οδός", "e\u{301}cole",
            "ﬁnanz", "İstanbul", "straße", "o’neill",
        ]).prop_map(str::to_string),
    ]
}

/// An entry as generated: language, officials, variants, inflection.
#[derive(Debug, Clone)]
struct EntrySpec {
    lang: &'static str,
    official: Vec<String>,
    variants: Vec<String>,
    inflect: bool,
    case_sensitive: bool,
}

/// A form: one to three words of a shared pool, joined by a space, a
/// hyphen or nothing, so that forms of different concepts overlap.
fn form(pool: &[String], picks: &[(usize, u8)]) -> String {
    let mut form = String::new();
    for (i, &(word, joiner)) in picks.iter().enumerate() {
        if i > 0 {
            form.push_str([" ", " ", "-", ""][usize::from(joiner % 4)]);
        }
        form.push_str(&pool[word % pool.len()]);
    }
    form
}

fn picks() -> impl Strategy<Value = Vec<(usize, u8)>> {
    prop::collection::vec((any::<usize>(), any::<u8>()), 1..=3)
}

fn entry(pool: Vec<String>) -> impl Strategy<Value = EntrySpec> {
    (
        prop::sample::select(vec!["de", "en", "zh", "ru", "ko", "fr"]),
        prop::collection::vec(picks(), 1..=2),
        prop::collection::vec(picks(), 0..=2),
        prop::bool::weighted(0.8),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            move |(lang, official, variants, inflect, case_sensitive)| EntrySpec {
                lang,
                official: official.iter().map(|p| form(&pool, p)).collect(),
                variants: variants.iter().map(|p| form(&pool, p)).collect(),
                inflect,
                case_sensitive,
            },
        )
}

/// One to six concepts over a pool of four to ten words.
fn glossary() -> impl Strategy<Value = Vec<Vec<EntrySpec>>> {
    prop::collection::vec(word(), 4..=10).prop_flat_map(|pool| {
        prop::collection::vec(prop::collection::vec(entry(pool), 1..=3), 1..=6)
    })
}

/// The YAML of `concepts`, made valid: one entry per language, no form
/// twice in an entry, no variant that folds to an official form.
fn yaml(concepts: &[Vec<EntrySpec>]) -> String {
    let mut yaml = String::from("version: 1\nconcepts:\n");
    for (i, entries) in concepts.iter().enumerate() {
        yaml.push_str(&format!("  - id: c{i}\n    terms:\n"));
        let mut langs = Vec::new();
        for e in entries {
            if langs.contains(&e.lang) {
                continue;
            }
            langs.push(e.lang);
            let key = |f: &String| fold_str(f, CASE);
            let mut official: Vec<&String> = Vec::new();
            for f in &e.official {
                if !official.iter().any(|o| key(o) == key(f)) {
                    official.push(f);
                }
            }
            let mut variants: Vec<&String> = Vec::new();
            for f in &e.variants {
                let clash = official.iter().chain(&variants).any(|o| key(o) == key(f));
                if !clash {
                    variants.push(f);
                }
            }
            let quote = |forms: &[&String]| -> String {
                let quoted: Vec<String> = forms
                    .iter()
                    .map(|f| serde_json::to_string(f).expect("a string quotes"))
                    .collect();
                format!("[{}]", quoted.join(", "))
            };
            yaml.push_str(&format!(
                "      {}:\n        official: {}\n        variants: {}\n        inflect: {}\n        case_sensitive: {}\n",
                e.lang,
                quote(&official),
                quote(&variants),
                e.inflect,
                e.case_sensitive
            ));
        }
    }
    yaml
}

// --- Texts -----------------------------------------------------------------

/// One piece of a text: which kind, which form or filler, which spelling,
/// how to case it, and what separates it from the previous piece. Numbers
/// are picked at random and taken modulo what the glossary offers.
#[derive(Debug, Clone)]
struct PieceSpec {
    kind: u8,
    pick: usize,
    spelling: usize,
    case: u8,
    separator: u8,
}

fn pieces() -> impl Strategy<Value = Vec<PieceSpec>> {
    prop::collection::vec(
        (
            any::<u8>(),
            any::<usize>(),
            any::<usize>(),
            any::<u8>(),
            any::<u8>(),
        )
            .prop_map(|(kind, pick, spelling, case, separator)| PieceSpec {
                kind,
                pick,
                spelling,
                case,
                separator,
            }),
        1..16,
    )
}

const FILLER: &[&str] = &[
    "und", "the", "de", "la", "и", "в", "的", "是", "는", "을", "の", "です", "2024", "x",
    "Straße", "STRASSE", "parks", "l’", "dell'", "«", "»", "(", ")", "📅", "e\u{301}",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", "", "\u{a0}", "\n", ", ", "-", "’", "'", "。", "\u{ad}", "  ", "/", ".",
];

/// A form spelled one of its ways: `spelling` picks an alternative for
/// each piece in turn.
fn spelled(oracle: &Oracle, form: usize, mut spelling: usize) -> String {
    let mut text = String::new();
    for alternatives in oracle.pieces(form) {
        text.push_str(&alternatives[spelling % alternatives.len()]);
        spelling /= alternatives.len().max(1);
    }
    text
}

fn recase(text: &str, case: u8) -> String {
    match case % 5 {
        0 => text.to_uppercase(),
        1 => {
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => text.to_string(),
    }
}

/// A text of glossary forms (spelled, recased) and filler, some glued to
/// their neighbours.
fn text(oracle: &Oracle, specs: &[PieceSpec]) -> String {
    let mut text = String::new();
    for spec in specs {
        let piece = match spec.kind % 4 {
            0 | 1 if !oracle.is_empty() => spelled(oracle, spec.pick % oracle.len(), spec.spelling),
            2 if !oracle.is_empty() => {
                // A form glued to a filler on either side.
                let form = spelled(oracle, spec.pick % oracle.len(), spec.spelling);
                let glue = FILLER[spec.spelling % FILLER.len()];
                if spec.case % 2 == 0 {
                    format!("{glue}{form}")
                } else {
                    format!("{form}{glue}")
                }
            }
            _ => FILLER[spec.pick % FILLER.len()].to_string(),
        };
        text.push_str(SEPARATORS[usize::from(spec.separator) % SEPARATORS.len()]);
        text.push_str(&recase(&piece, spec.case));
    }
    text
}

// --- The properties --------------------------------------------------------

/// What the real matcher reports, in the oracle's terms.
fn matched(matcher: &Matcher, text: &str) -> Vec<Found> {
    matcher
        .find(&fold(text, CASE))
        .into_iter()
        .map(|m| {
            let rendering = matcher.rendering(m.rendering);
            Found {
                span: m.span,
                concept: rendering.concept,
                rendering: rendering.folded.to_string(),
            }
        })
        .collect()
}

fn load(yaml: &str) -> Glossary {
    load_str(Path::new("generated.yaml"), yaml)
        .unwrap_or_else(|e| panic!("generated glossary loads: {e}\n{yaml}"))
}

/// Counts of what the properties compared.
#[derive(Default)]
struct Tally {
    cases: AtomicUsize,
    matches: AtomicUsize,
    inflected: AtomicUsize,
}

impl Tally {
    fn add(&self, text: &str, found: &[Found]) {
        self.cases.fetch_add(1, Ordering::Relaxed);
        self.matches.fetch_add(found.len(), Ordering::Relaxed);
        let inflected = found
            .iter()
            .filter(|f| fold_str(&text[f.span.clone()], CASE) != f.rendering)
            .count();
        self.inflected.fetch_add(inflected, Ordering::Relaxed);
    }

    fn report(&self, name: &str) {
        eprintln!(
            "{name}: {} cases, {} matches compared, {} of them not spelled as their form",
            self.cases.load(Ordering::Relaxed),
            self.matches.load(Ordering::Relaxed),
            self.inflected.load(Ordering::Relaxed)
        );
    }
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        // A failure prints its shrunk case; there is no source file to
        // record it beside.
        failure_persistence: None,
        ..Config::default()
    })
}

/// Runs the comparison on random glossaries and texts built from `specs`;
/// prints the counts under `name`.
fn agree(name: &str, specs: impl Strategy<Value = Vec<PieceSpec>>) {
    let tally = Tally::default();
    let result = runner().run(&(glossary(), specs), |(concepts, specs)| {
        let glossary = load(&yaml(&concepts));
        let oracle = Oracle::new(&glossary);
        let text = text(&oracle, &specs);
        let expected = oracle.find(&text);
        let found = matched(&Matcher::new(&glossary), &text);
        prop_assert_eq!(&found, &expected, "text {:?}\n{}", text, yaml(&concepts));
        tally.add(&text, &found);
        Ok(())
    });
    tally.report(name);
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn matcher_agrees_with_the_oracle_on_mixed_texts() {
    agree("mixed texts", pieces());
}

/// Only forms, densely: every piece a spelled form, most glued together,
/// so that overlapping and nested matches compete.
#[test]
fn matcher_agrees_with_the_oracle_on_forms_packed_together() {
    let packed = pieces().prop_map(|specs| {
        specs
            .into_iter()
            .map(|mut s| {
                s.kind %= 2;
                s.separator = [3u8, 0, 3, 7, 8, 3][usize::from(s.separator) % 6];
                s
            })
            .collect::<Vec<_>>()
    });
    agree("packed forms", packed);
}
