//! Romanian: the article is written onto the noun, and a name's genitive
//! and dative change it: `Ministerul`, `Ministerului`; `Comisia`,
//! `Comisiei`; `Numele`, `Numelui`. Adjectives in `-ă` take `-e`
//! (`Națională`, `Naționale`).
//!
//! Changes of the stem (`Banca`, `Băncii`; `Curtea`, `Curții`) are out of
//! reach, and a word in neither shape (a genitive complement such as
//! `Finanțelor`) matches exactly.

use super::{appended, replaced, WordPattern};

/// A noun with the masculine or neuter article: `-ul`, `-ului`.
const UL: &[&str] = &["", "ui"];
/// A feminine noun in `-ia` with its article: `-ia`, `-iei`.
const IA: &[&str] = &["a", "ei"];
/// A noun with the article `-le`: `-le`, `-lui`.
const LE: &[&str] = &["le", "lui"];
/// An adjective or noun in `-ă`: `-ă`, `-e`.
const A: &[&str] = &["ă", "e"];

/// The pattern for a Romanian word.
pub(super) fn pattern(word: &str) -> Option<WordPattern> {
    if word.ends_with("ul") {
        appended(word, UL)
    } else if word.ends_with("ia") {
        replaced(word, "a", IA)
    } else if word.ends_with("le") {
        replaced(word, "le", LE)
    } else if word.ends_with('ă') {
        replaced(word, "ă", A)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, LAST};

    #[test]
    fn romanian_genitive_of_names_with_the_article() {
        assert!(phrase_matches(
            "ro",
            "ministerul finanțelor",
            "ministerului finanțelor"
        ));
        assert!(phrase_matches(
            "ro",
            "guvernul româniei",
            "guvernului româniei"
        ));
        assert!(matches("ro", "comisia", LAST, "comisiei"));
        assert!(matches("ro", "numele", LAST, "numelui"));
        assert!(phrase_matches(
            "ro",
            "agenția națională",
            "agenției naționale"
        ));
    }

    #[test]
    fn romanian_complements_and_stem_changes_match_exactly() {
        assert!(!phrase_matches(
            "ro",
            "ministerul finanțelor",
            "ministerul finanțele"
        ));
        assert!(!matches("ro", "banca", LAST, "băncii"));
        assert!(!matches("ro", "ministerul", LAST, "ministerulă"));
    }

    #[test]
    fn romanian_patterns_keep_the_bare_word() {
        assert_invariant(
            "ro",
            &[
                "ministerul",
                "finanțelor",
                "comisia",
                "numele",
                "națională",
                "banca",
            ],
        );
    }
}
