//! Inflection (SPEC §2): how one word of a glossary form may change its
//! ending in text and still name the same thing, per language.

use crate::lang::LangTag;

/// How a word may appear: a literal stem followed by one of `endings`.
/// Invariant: the uninflected word equals `stem + e` for some `e` in
/// `endings`, so inflection only ever lifts a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPattern {
    /// Folded prefix of the word that must appear as is.
    pub stem: String,
    /// Folded endings allowed right after the stem (`""` for none).
    pub endings: &'static [&'static str],
}

/// Where a word sits in its form; some languages inflect only the last word
/// (Korean particles follow the whole name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordPlace {
    /// The word is the last inflectable word of the form.
    pub is_last: bool,
}

/// The pattern for one folded word of a form in `lang`, or `None` when the
/// language has no rules or the word must match exactly.
pub fn word_pattern(lang: &LangTag, folded_word: &str, place: WordPlace) -> Option<WordPattern> {
    unimplemented!("{lang}{folded_word}{place:?}")
}
