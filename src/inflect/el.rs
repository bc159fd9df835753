//! Greek: the case ending of every word is replaced, as for the Slavic
//! languages. Folding has taken the accents off (Greek capitals are
//! written without them), so an accent that moves with the ending
//! (`Συμβούλιο`, `Συμβουλίου`; `Τράπεζα`, `Τραπεζών`) moves nothing here.
//!
//! A word that ends in no nominative ending (a genitive complement such as
//! `Οικονομικών` in `Υπουργείο Οικονομικών`) matches exactly. Neuter nouns
//! in `-μα` take their `-ματ-` cases (`Πρόγραμμα`, `Προγράμματος`); other
//! changes of the stem (`Ένωση`, `Ενώσεως`) are out of reach.

use super::{appended, first_rule, WordPattern};

/// Nominative endings, folded (no accents, `σ` for `ς`), longest first.
const NOMINATIVE: &[&str] = &["ια", "οσ", "ησ", "ασ", "η", "α", "ο"];

/// Case endings of nouns and adjectives, singular and plural, folded.
const CASES: &[&str] = &[
    "", "ο", "ου", "α", "ων", "οσ", "ε", "οι", "ουσ", "η", "ησ", "εσ", "ασ", "ια", "ιασ", "ιεσ",
    "ιων",
];

/// Neuter nouns in `-μα`: the bare word, then `-ματοσ`, `-ματα`, `-ματων`.
const MA_CASES: &[&str] = &["", "τοσ", "τα", "των"];

/// Prepositions and conjunctions long enough to be stemmed.
const FUNCTION_WORDS: &[&str] = &["μετα", "κατα", "παρα", "αντι", "μεσα", "χωρισ", "οπωσ"];

/// The pattern for a Greek word.
pub(super) fn greek(word: &str) -> Option<WordPattern> {
    if FUNCTION_WORDS.contains(&word) {
        return None;
    }
    if word.ends_with("μα") {
        return appended(word, MA_CASES);
    }
    let rules: Vec<(&str, &'static [&'static str])> =
        NOMINATIVE.iter().map(|ending| (*ending, CASES)).collect();
    first_rule(word, &rules)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, LAST};
    use crate::fold::{fold_str, FoldOptions};

    fn f(text: &str) -> String {
        fold_str(text, FoldOptions { case: true })
    }

    fn phrase(form: &str, text: &str) -> bool {
        phrase_matches("el", &f(form), &f(text))
    }

    #[test]
    fn greek_genitive_and_plural_of_names() {
        assert!(phrase("Υπουργείο Οικονομικών", "Υπουργείου Οικονομικών"));
        assert!(phrase("Ευρωπαϊκή Επιτροπή", "Ευρωπαϊκής Επιτροπής"));
        assert!(phrase("Ελληνική Δημοκρατία", "Ελληνικής Δημοκρατίας"));
        assert!(phrase("Δήμος Αθηναίων", "Δήμου Αθηναίων"));
        assert!(phrase(
            "Εθνικός Οργανισμός Τουρισμού",
            "Εθνικού Οργανισμού Τουρισμού"
        ));
        assert!(phrase("Τράπεζα της Ελλάδος", "Τράπεζας της Ελλάδος"));
    }

    #[test]
    fn greek_accents_that_move_with_the_ending_are_followed() {
        assert!(phrase("Συμβούλιο", "Συμβουλίου"));
        assert!(phrase("Τράπεζα", "Τραπεζών"));
        assert!(phrase("Πρόγραμμα", "Προγράμματος"));
        assert!(phrase("Υπουργείο Οικονομικών", "ΥΠΟΥΡΓΕΙΟΥ ΟΙΚΟΝΟΜΙΚΩΝ"));
    }

    #[test]
    fn greek_complements_and_short_words_keep_their_letters() {
        // `Οικονομικών` is a genitive complement: it does not change.
        assert!(!phrase("Υπουργείο Οικονομικών", "Υπουργείο Οικονομικού"));
        assert!(!matches("el", &f("της"), LAST, &f("τους")));
        assert!(!matches("el", &f("μετά"), LAST, &f("μετου")));
        // Derivation is not inflection.
        assert!(!matches("el", &f("Δήμος"), LAST, &f("Δημοτικός")));
    }

    #[test]
    fn greek_patterns_keep_the_bare_word() {
        let words = [
            "υπουργειο",
            "οικονομικων",
            "δημοκρατια",
            "οργανισμοσ",
            "επιτροπη",
            "τραπεζα",
            "προγραμμα",
            "βουλευτησ",
            "μετα",
            "τησ",
        ];
        assert_invariant("el", &words);
    }
}
