//! English: plural `-s/-es`, possessive `'s/s'`, and `-y`/`-ies` after a
//! consonant (`Ministry`, `Ministries`, `Ministry's`).
//!
//! Irregular plurals (`man`/`men`), `-f`/`-ves` and Latin plurals
//! (`analysis`/`analyses`) are not covered and match exactly.

use super::{appended, replaced, WordPattern, WordPlace};

/// Plural and possessive endings appended to the bare word.
const REGULAR: &[&str] = &["", "s", "es", "'s", "s'"];

/// A consonant + `y` word with `y` replaced: `ministry`, `ministries`.
const Y_TO_IES: &[&str] = &["y", "ies", "y's", "ies'"];

/// Short words inside names that never inflect.
const FUNCTION_WORDS: &[&str] = &[
    "and", "the", "for", "with", "from", "into", "upon", "nor", "via",
];

/// The pattern for an English word; the place does not matter because
/// English adjectives do not agree.
pub(super) fn pattern(word: &str, _place: WordPlace) -> Option<WordPattern> {
    if FUNCTION_WORDS.contains(&word) {
        return None;
    }
    if ends_consonant_y(word) {
        if let Some(pattern) = replaced(word, "y", Y_TO_IES) {
            return Some(pattern);
        }
    }
    appended(word, REGULAR)
}

/// Whether `word` ends in `y` after a consonant (`ministry`, not `day`).
fn ends_consonant_y(word: &str) -> bool {
    let mut tail = word.chars().rev();
    tail.next() == Some('y')
        && tail
            .next()
            .is_some_and(|c| c.is_alphabetic() && !is_vowel(c))
}

/// English vowel letters.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, INNER, LAST};

    #[test]
    fn english_plural_matches() {
        assert!(matches("en", "park", LAST, "parks"));
        assert!(matches("en", "business", LAST, "businesses"));
    }

    #[test]
    fn english_consonant_y_plural_matches() {
        assert!(matches("en", "ministry", LAST, "ministries"));
        assert!(matches("en", "ministry", INNER, "ministries"));
        assert!(!matches("en", "ministry", LAST, "ministrys"));
    }

    #[test]
    fn english_possessive_matches() {
        assert!(matches("en", "ministry", LAST, "ministry's"));
        assert!(matches("en", "ministry", LAST, "ministries'"));
        assert!(matches("en", "park", LAST, "park's"));
        assert!(matches("en", "park", LAST, "parks'"));
    }

    #[test]
    fn english_vowel_y_appends_s() {
        assert!(matches("en", "day", LAST, "days"));
        assert!(!matches("en", "day", LAST, "daies"));
    }

    #[test]
    fn english_derivation_is_not_inflection() {
        assert!(!matches("en", "minister", LAST, "ministerial"));
        assert!(!matches("en", "park", LAST, "parker"));
        assert!(!matches("en", "park", LAST, "parking"));
    }

    #[test]
    fn english_phrase_with_function_words() {
        assert!(phrase_matches(
            "en",
            "ministry of culture and tourism",
            "ministry of culture and tourism's"
        ));
        assert!(!matches("en", "the", INNER, "thes"));
    }

    #[test]
    fn english_patterns_keep_the_bare_word() {
        assert_invariant(
            "en",
            &[
                "ministry", "park", "day", "key", "city", "business", "analysis", "culture",
                "tourism", "of", "the", "by", "sky", "spy", "boy", "industry", "y",
            ],
        );
    }
}
