//! Dutch: plural `-s/-'s/-en/-n` on nouns, attributive `-e` on words before
//! the last one.
//!
//! Spelling changes between the bare and the inflected form (vowel doubling
//! `nationaal`/`nationale`, consonant doubling `bus`/`bussen`, `f`/`v` and
//! `s`/`z` alternation) are out of reach: such forms need a variant.

use super::{appended, replaced, WordPattern, WordPlace};

/// Plural and genitive endings of a noun.
const NOUN: &[&str] = &["", "s", "'s", "en", "n"];
/// A word before the last one may also take attributive `-e`.
const ATTRIBUTIVE: &[&str] = &["", "s", "'s", "en", "n", "e"];
/// An attributive `-e` that may drop (`nationale`/`national-`).
const E_DROPS: &[&str] = &["e", ""];
/// Articles and prepositions.
const FUNCTION_WORDS: &[&str] = &[
    "van", "het", "een", "voor", "der", "met", "tot", "bij", "aan", "uit", "over",
];

/// The pattern for a Dutch word.
pub(super) fn pattern(word: &str, place: WordPlace) -> Option<WordPattern> {
    if FUNCTION_WORDS.contains(&word) {
        return None;
    }
    if place.is_last {
        return appended(word, NOUN);
    }
    let drops_e = word.ends_with('e') && !word.ends_with("ee");
    let dropped = drops_e.then(|| replaced(word, "e", E_DROPS)).flatten();
    dropped.or_else(|| appended(word, ATTRIBUTIVE))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, INNER, LAST};

    #[test]
    fn dutch_plural_matches() {
        assert!(matches("nl", "ministerie", LAST, "ministeries"));
        assert!(matches("nl", "park", LAST, "parken"));
        assert!(matches("nl", "euro", LAST, "euro's"));
    }

    #[test]
    fn dutch_attributive_e_matches() {
        assert!(matches("nl", "nationale", INNER, "national"));
        assert!(matches("nl", "klein", INNER, "kleine"));
        assert!(phrase_matches(
            "nl",
            "europese commissie",
            "europese commissies"
        ));
    }

    #[test]
    fn dutch_last_word_keeps_its_letters() {
        assert!(!matches("nl", "park", LAST, "parkeer"));
        assert!(!matches("nl", "minister", LAST, "ministerie"));
        // Vowel alternation is documented as out of reach.
        assert!(!matches("nl", "groot", INNER, "grote"));
    }

    #[test]
    fn dutch_patterns_keep_the_bare_word() {
        assert_invariant(
            "nl",
            &[
                "ministerie",
                "park",
                "euro",
                "nationale",
                "klein",
                "commissie",
                "zee",
                "van",
            ],
        );
    }
}
