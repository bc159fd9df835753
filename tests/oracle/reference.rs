//! A reference matcher for SPEC §2, written to be obviously right rather
//! than fast: no automaton, no anchors, no shortcuts.
//!
//! Every glossary form is folded and cut into words and the text between
//! them; each word becomes the list of spellings the library's `inflect`
//! module allows (stem + each ending), everything else stays literal. Then,
//! at every position of the folded text that is a word boundary, every
//! form is tried by plain string comparison, alternative by alternative,
//! and each way it ends on a word boundary is a candidate. Overlaps are
//! settled leftmost-longest, then by the concept first in file order, then
//! by its first rendering. Reuses only `fold`, the boundary predicate and
//! `inflect::word_pattern`, the pieces SPEC §2 defines.

use std::collections::HashMap;
use std::ops::Range;
use termlint::boundary::{is_boundary, is_unspaced};
use termlint::fold::{fold, fold_str, FoldOptions};
use termlint::glossary::Glossary;
use termlint::inflect::{word_pattern, WordPlace};
use termlint::lang::LangTag;

const CASE: FoldOptions = FoldOptions { case: true };

/// One way a form may be written: per piece, the strings it may be.
struct Form {
    concept: usize,
    /// Index of the form's rendering (concept + folded form) in file order.
    rendering: usize,
    pieces: Vec<Vec<String>>,
}

/// A match: its span in the original text, the concept, and the folded
/// form (the rendering) it was found as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Range<usize>,
    pub concept: usize,
    pub rendering: String,
}

/// The glossary's forms, spelled out.
pub struct Oracle {
    forms: Vec<Form>,
    renderings: Vec<String>,
}

impl Oracle {
    pub fn new(glossary: &Glossary) -> Oracle {
        let mut forms = Vec::new();
        let mut renderings: Vec<String> = Vec::new();
        let mut ids: HashMap<(usize, String), usize> = HashMap::new();
        for (concept, c) in glossary.concepts.iter().enumerate() {
            for entry in &c.entries {
                for text in entry.official.iter().chain(&entry.variants) {
                    let folded = fold_str(text, CASE);
                    let next = renderings.len();
                    let rendering = *ids.entry((concept, folded.clone())).or_insert(next);
                    if rendering == next {
                        renderings.push(folded.clone());
                    }
                    forms.push(Form {
                        concept,
                        rendering,
                        pieces: spellings(&folded, &entry.lang, entry.inflect),
                    });
                }
            }
        }
        Oracle { forms, renderings }
    }

    /// Every spelling of one form piece by piece (for building texts).
    pub fn pieces(&self, form: usize) -> &[Vec<String>] {
        &self.forms[form].pieces
    }

    /// How many forms there are.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether there are no forms.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The matches in `text`, leftmost-longest.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let folded = fold(text, CASE);
        let t = folded.as_str();
        let mut candidates = Vec::new();
        for start in 0..=t.len() {
            if !t.is_char_boundary(start) || !is_boundary(t, start) {
                continue;
            }
            for form in &self.forms {
                for end in ends(t, start, &form.pieces) {
                    if end > start && is_boundary(t, end) {
                        candidates.push((start, end, form.concept, form.rendering));
                    }
                }
            }
        }
        candidates.sort_by_key(|&(start, end, concept, rendering)| {
            (start, std::cmp::Reverse(end), concept, rendering)
        });
        let mut cursor = 0;
        let mut found = Vec::new();
        for (start, end, concept, rendering) in candidates {
            if start >= cursor {
                cursor = end;
                found.push(Found {
                    span: folded.original_span(start..end),
                    concept,
                    rendering: self.renderings[rendering].clone(),
                });
            }
        }
        found
    }
}

/// Every position where `pieces` can be read in `text` from `pos`.
fn ends(text: &str, pos: usize, pieces: &[Vec<String>]) -> Vec<usize> {
    let Some((first, rest)) = pieces.split_first() else {
        return vec![pos];
    };
    let mut all = Vec::new();
    for spelling in first {
        if text[pos..].starts_with(spelling.as_str()) {
            all.extend(ends(text, pos + spelling.len(), rest));
        }
    }
    all
}

/// A folded form as pieces: each word with the spellings inflection
/// allows, the text between words as itself.
fn spellings(folded: &str, lang: &LangTag, inflect: bool) -> Vec<Vec<String>> {
    let tokens = tokens(folded);
    let last_word = tokens.iter().rposition(|(word, _)| *word);
    tokens
        .iter()
        .enumerate()
        .map(|(i, (word, token))| {
            let place = WordPlace {
                is_last: Some(i) == last_word,
            };
            match (*word && inflect)
                .then(|| word_pattern(lang, token, place))
                .flatten()
            {
                Some(p) => p.endings.iter().map(|e| format!("{}{e}", p.stem)).collect(),
                None => vec![token.to_string()],
            }
        })
        .collect()
}

/// Runs of word characters (letters, marks, digits of scripts written
/// with spaces) and runs of everything else.
fn tokens(text: &str) -> Vec<(bool, String)> {
    let mut tokens: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let word = (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
            && !is_unspaced(c);
        match tokens.last_mut() {
            Some((w, token)) if *w == word => token.push(c),
            _ => tokens.push((word, c.to_string())),
        }
    }
    tokens
}
