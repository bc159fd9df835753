//! Inflection (SPEC §2): how one word of a glossary form may change its
//! ending in text and still name the same thing, per language.
//!
//! Input is one folded word of a form plus its place in the form; output is
//! a [`WordPattern`]: a literal stem and the endings that may follow it. The
//! rules are deliberately narrow: endings are inflectional only (case,
//! number, agreement, possessive, Korean particles), never derivational, so
//! inflection may lift a match but never create one. A language without
//! rules, or a word the rules do not cover, matches exactly (`None`).

mod bg;
mod de;
mod el;
mod en;
mod fi;
mod hu;
mod ko;
mod nl;
mod nordic;
mod proclitic;
mod ro;
mod romance;
mod slavic;
mod tr;

pub use proclitic::{
    before as proclitics_before, elided_article, proclitics_for, Proclitics, ELIDED_ARTICLES,
};

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

/// The one `'static` list equal to `endings`, for reading compiled
/// glossaries back from the cache. Each distinct list is allocated once
/// for the life of the process; there are as many as inflection tables, a
/// few dozen.
pub fn interned_endings(endings: Vec<String>) -> &'static [&'static str] {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Table = HashMap<Vec<String>, &'static [&'static str]>;
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    let mut table = TABLE
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&interned) = table.get(&endings) {
        return interned;
    }
    let leaked: Vec<&'static str> = endings
        .iter()
        .map(|e| &*Box::leak(e.clone().into_boxed_str()))
        .collect();
    let leaked: &'static [&'static str] = Box::leak(leaked.into_boxed_slice());
    table.insert(endings, leaked);
    leaked
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
    word_pattern_for(lang.primary(), folded_word, place)
}

/// [`word_pattern`] keyed by the primary language subtag (`de` for `de-CH`),
/// so callers that already hold the subtag need no [`LangTag`].
pub fn word_pattern_for(primary: &str, folded_word: &str, place: WordPlace) -> Option<WordPattern> {
    let pattern = match primary {
        // Korean particles attach to any last word, short or with digits
        // (`G20은`), so Korean skips the literal-word check below.
        "ko" => ko::pattern(folded_word, place),
        _ if is_literal(folded_word) => None,
        "de" => de::pattern(folded_word, place),
        "en" => en::pattern(folded_word, place),
        "fr" => romance::french(folded_word, place),
        "es" => romance::spanish(folded_word, place),
        "it" => romance::italian(folded_word, place),
        "pt" => romance::portuguese(folded_word, place),
        "nl" => nl::pattern(folded_word, place),
        "ru" => slavic::russian(folded_word),
        "uk" => slavic::ukrainian(folded_word),
        "pl" => slavic::polish(folded_word),
        "cs" => slavic::czech(folded_word),
        "sk" => slavic::slovak(folded_word),
        "hr" | "sr" | "bs" => slavic::serbo_croatian(folded_word),
        "sl" => slavic::slovenian(folded_word),
        "el" => el::greek(folded_word),
        "ro" => ro::pattern(folded_word),
        "bg" => bg::bulgarian(folded_word),
        "mk" => bg::macedonian(folded_word),
        "sv" | "da" => nordic::pattern(folded_word, place),
        "nb" | "nn" | "no" => nordic::norwegian(folded_word, place),
        "tr" => tr::pattern(folded_word, place),
        "fi" => fi::pattern(folded_word, place),
        "hu" => hu::pattern(folded_word, place),
        _ => None,
    };
    debug_assert!(pattern
        .as_ref()
        .is_none_or(|p| keeps_bare_form(p, folded_word)));
    pattern
}

/// Whether the rules of the language with primary subtag `primary`
/// inflect only the last word of a form (Turkish, Finnish and Hungarian
/// case endings, Korean particles, the Nordic genitive and article): an
/// ending found on one name then belongs at the end of any other name in
/// that language.
pub fn inflects_last_word_only(primary: &str) -> bool {
    matches!(
        primary,
        "tr" | "fi" | "hu" | "ko" | "sv" | "da" | "nb" | "nn" | "no"
    )
}

/// Shortest stem, in characters, that stripping an ending may leave: short
/// stems would let unrelated words meet (`Park`/`Parker` at worst).
const MIN_STEM_CHARS: usize = 3;

/// Words that must appear exactly in every language but Korean: numbers,
/// codes and very short words carry no reliable ending.
fn is_literal(word: &str) -> bool {
    word.chars().count() < MIN_STEM_CHARS || word.chars().any(|c| c.is_numeric())
}

/// The invariant of [`WordPattern`]: the bare word is one of its readings.
fn keeps_bare_form(pattern: &WordPattern, word: &str) -> bool {
    word.strip_prefix(pattern.stem.as_str())
        .is_some_and(|rest| pattern.endings.contains(&rest))
}

/// A pattern keeping the whole word as stem; `endings` must contain `""`.
fn appended(word: &str, endings: &'static [&'static str]) -> Option<WordPattern> {
    Some(WordPattern {
        stem: word.to_owned(),
        endings,
    })
}

/// `word` without `suffix`, when it ends so and keeps [`MIN_STEM_CHARS`].
fn stem_before<'w>(word: &'w str, suffix: &str) -> Option<&'w str> {
    let stem = word.strip_suffix(suffix)?;
    (stem.chars().count() >= MIN_STEM_CHARS).then_some(stem)
}

/// A pattern replacing `suffix`; `endings` must contain `suffix`.
fn replaced(word: &str, suffix: &str, endings: &'static [&'static str]) -> Option<WordPattern> {
    stem_before(word, suffix).map(|stem| WordPattern {
        stem: stem.to_owned(),
        endings,
    })
}

/// The first `(suffix, endings)` rule whose suffix `word` ends with and
/// whose stem stays long enough; rules are listed longest suffix first.
fn first_rule(word: &str, rules: &[(&str, &'static [&'static str])]) -> Option<WordPattern> {
    rules
        .iter()
        .find_map(|(suffix, endings)| replaced(word, suffix, endings))
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers shared by the per-language tests.

    use super::{word_pattern_for, WordPlace};

    /// A word in the middle of a form.
    pub(crate) const INNER: WordPlace = WordPlace { is_last: false };
    /// The last word of a form.
    pub(crate) const LAST: WordPlace = WordPlace { is_last: true };

    /// Whether text word `text` may stand for form word `form` in `lang`.
    pub(crate) fn matches(lang: &str, form: &str, place: WordPlace, text: &str) -> bool {
        match word_pattern_for(lang, form, place) {
            Some(p) => p.endings.iter().any(|e| format!("{}{e}", p.stem) == text),
            None => form == text,
        }
    }

    /// Whether every word of `form` may stand for the same-placed word of
    /// `text`, both split on spaces.
    pub(crate) fn phrase_matches(lang: &str, form: &str, text: &str) -> bool {
        let form: Vec<&str> = form.split(' ').collect();
        let text: Vec<&str> = text.split(' ').collect();
        form.len() == text.len()
            && form.iter().zip(&text).enumerate().all(|(i, (f, t))| {
                let place = WordPlace {
                    is_last: i + 1 == form.len(),
                };
                matches(lang, f, place, t)
            })
    }

    /// Checks a last-word-only language against tables of (form word, text
    /// word) pairs: each of `taken` matches as the last word and not as an
    /// inner one, none of `refused` matches, every form word keeps the
    /// [`super::WordPattern`] invariant, and the (form, text) `phrase`
    /// matches word for word.
    pub(crate) fn assert_last_word_table(
        lang: &str,
        taken: &[(&str, &str)],
        refused: &[(&str, &str)],
        phrase: (&str, &str),
    ) {
        assert!(
            phrase_matches(lang, phrase.0, phrase.1),
            "{lang} {phrase:?}"
        );
        for (form, text) in taken {
            assert!(matches(lang, form, LAST, text), "{lang} {form} / {text}");
            assert!(!matches(lang, form, INNER, text), "{lang} {form} / {text}");
        }
        for (form, text) in refused {
            assert!(!matches(lang, form, LAST, text), "{lang} {form} / {text}");
        }
        let words: Vec<&str> = taken.iter().chain(refused).map(|(form, _)| *form).collect();
        assert_invariant(lang, &words);
    }

    /// Checks the [`super::WordPattern`] invariant for `words` in both places.
    pub(crate) fn assert_invariant(lang: &str, words: &[&str]) {
        for word in words {
            for place in [INNER, LAST] {
                let Some(p) = word_pattern_for(lang, word, place) else {
                    continue;
                };
                let rest = word.strip_prefix(p.stem.as_str());
                assert!(rest.is_some(), "{lang} `{word}`: stem `{}`", p.stem);
                let rest = rest.unwrap_or_default();
                assert!(p.endings.contains(&rest), "{lang} `{word}` lost `{rest}`");
                assert!(
                    p.stem.chars().count() >= 3 || lang == "ko",
                    "{lang} `{word}`"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{matches, LAST};
    use super::*;
    use proptest::prelude::*;

    /// Every language with rules, plus one without.
    const LANGS: &[&str] = &[
        "de", "en", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "ko", "tr", "fi", "hu", "zh",
    ];

    proptest! {
        #[test]
        fn every_pattern_keeps_the_bare_word(
            lang in proptest::sample::select(LANGS),
            word in "[a-zäöüéèàçñãõêíóúа-яёіїєąęółśżćń가-힣0-9']{0,12}",
            is_last in any::<bool>(),
        ) {
            if let Some(p) = word_pattern_for(lang, &word, WordPlace { is_last }) {
                prop_assert!(keeps_bare_form(&p, &word), "{lang} `{word}`: {p:?}");
                prop_assert!(lang == "ko" || p.stem.chars().count() >= MIN_STEM_CHARS);
            }
        }
    }

    #[test]
    fn unknown_language_matches_exactly() {
        assert_eq!(word_pattern_for("zh", "文化和旅游部", LAST), None);
        assert_eq!(word_pattern_for("ja", "文化庁", LAST), None);
        assert_eq!(word_pattern_for("et", "ministeerium", LAST), None);
    }

    #[test]
    fn words_with_digits_match_exactly() {
        assert_eq!(word_pattern_for("en", "covid19", LAST), None);
        assert_eq!(word_pattern_for("de", "g20", LAST), None);
    }

    #[test]
    fn short_words_match_exactly() {
        assert_eq!(word_pattern_for("en", "eu", LAST), None);
        assert!(!matches("de", "ab", LAST, "abs"));
    }
}
