//! Swedish, Danish and Norwegian: the last word of a name may take the
//! genitive `-s` and the definite article written onto it, `-en`/`-et`
//! (`-n` after a vowel), with or without the genitive: `Riksdagens` for
//! `Riksdagen`, `Regeringen` and `Regeringens` for `Regering`.
//!
//! Norwegian also writes the feminine definite article as `-a`
//! (`regjeringa`, `regjeringas` for `regjering`).
//!
//! Words before the last one match exactly: in names their endings are
//! fixed (`Europeiska kommissionen`). Plurals are not covered.

use super::{appended, WordPattern, WordPlace};

/// Genitive and definite endings of the last word.
const LAST: &[&str] = &["", "s", "en", "ens", "et", "ets", "n", "ns"];
/// Norwegian adds the feminine `-a`.
const LAST_NO: &[&str] = &["", "s", "en", "ens", "et", "ets", "n", "ns", "a", "as"];

/// The pattern for a Swedish or Danish word.
pub(super) fn pattern(word: &str, place: WordPlace) -> Option<WordPattern> {
    place.is_last.then(|| appended(word, LAST)).flatten()
}

/// The pattern for a Norwegian (Bokmål or Nynorsk) word.
pub(super) fn norwegian(word: &str, place: WordPlace) -> Option<WordPattern> {
    place.is_last.then(|| appended(word, LAST_NO)).flatten()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, INNER, LAST};

    #[test]
    fn nordic_genitive_and_definite_last_word() {
        assert!(matches("sv", "riksdagen", LAST, "riksdagens"));
        assert!(matches("sv", "regering", LAST, "regeringen"));
        assert!(matches("sv", "regering", LAST, "regeringens"));
        assert!(matches("da", "folketing", LAST, "folketinget"));
        assert!(matches("nb", "storting", LAST, "stortingets"));
        assert!(phrase_matches(
            "sv",
            "europeiska kommissionen",
            "europeiska kommissionens"
        ));
    }

    #[test]
    fn norwegian_feminine_article_and_not_in_swedish() {
        assert!(matches("nb", "regjering", LAST, "regjeringa"));
        assert!(matches("nn", "regjering", LAST, "regjeringas"));
        assert!(matches("no", "regjering", LAST, "regjeringen"));
        assert!(!matches("sv", "regering", LAST, "regeringa"));
        assert!(!matches("nb", "regjering", INNER, "regjeringa"));
    }

    #[test]
    fn nordic_words_before_the_last_and_other_endings_keep_their_letters() {
        assert!(!matches("sv", "europeiska", INNER, "europeiskas"));
        assert!(!matches("sv", "regering", LAST, "regeringar"));
        assert!(!matches("sv", "bank", LAST, "banker"));
    }

    #[test]
    fn nordic_patterns_keep_the_bare_word() {
        assert_invariant("sv", &["riksdagen", "regering", "europeiska", "bank"]);
        assert_invariant("da", &["folketing"]);
    }
}
