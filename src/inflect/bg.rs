//! Bulgarian and Macedonian have lost their cases but write the definite
//! article onto the word: Bulgarian `Министерството на финансите` is the
//! `Министерство на финансите` with its article, Macedonian
//! `Министерството за финансии` likewise. A word may take the article
//! of its shape. Plurals are not covered, and a plural that has its
//! article (`финансите`) matches exactly.

use super::{appended, WordPattern};

/// Bulgarian articles: neuter `-то`, feminine `-та`, and for masculines
/// the full and short article, hard and soft.
const BG_NEUTER: &[&str] = &["", "то"];
const BG_FEMININE: &[&str] = &["", "та"];
const BG_MASCULINE: &[&str] = &["", "ът", "а", "ят", "я"];

/// Macedonian articles: the `-т-` article of each gender (the `-в-` and
/// `-н-` ones, "this" and "that", name a place, not the institution).
const MK_NEUTER: &[&str] = &["", "то"];
const MK_FEMININE: &[&str] = &["", "та"];
const MK_MASCULINE: &[&str] = &["", "от"];

/// Short words inside names that take no article.
const FUNCTION_WORDS: &[&str] = &["на", "за", "по", "от", "към", "при", "във", "със", "или"];

/// The pattern for a Bulgarian word.
pub(super) fn bulgarian(word: &str) -> Option<WordPattern> {
    with_article(word, BG_NEUTER, BG_FEMININE, BG_MASCULINE)
}

/// The pattern for a Macedonian word.
pub(super) fn macedonian(word: &str) -> Option<WordPattern> {
    with_article(word, MK_NEUTER, MK_FEMININE, MK_MASCULINE)
}

fn with_article(
    word: &str,
    neuter: &'static [&'static str],
    feminine: &'static [&'static str],
    masculine: &'static [&'static str],
) -> Option<WordPattern> {
    // A plural with its article (`финансите`) takes no other.
    if FUNCTION_WORDS.contains(&word) || word.ends_with("те") {
        return None;
    }
    let last = word.chars().next_back()?;
    let articles = match last {
        'о' | 'е' => neuter,
        'а' | 'я' => feminine,
        _ if last.is_alphabetic() && !matches!(last, 'и' | 'у' | 'ю') => masculine,
        _ => return None,
    };
    appended(word, articles)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, LAST};

    #[test]
    fn bulgarian_names_with_their_article() {
        assert!(phrase_matches(
            "bg",
            "министерство на финансите",
            "министерството на финансите"
        ));
        assert!(matches("bg", "агенция", LAST, "агенцията"));
        assert!(matches("bg", "съвет", LAST, "съветът"));
        assert!(matches("bg", "съвет", LAST, "съвета"));
        assert!(matches("mk", "министерство", LAST, "министерството"));
        assert!(matches("mk", "совет", LAST, "советот"));
    }

    #[test]
    fn bulgarian_articles_fit_the_word_and_function_words_take_none() {
        assert!(!matches("bg", "агенция", LAST, "агенцияът"));
        assert!(!matches("bg", "министерство", LAST, "министерствота"));
        assert!(!matches("bg", "на", LAST, "ната"));
        assert!(!matches("bg", "финансите", LAST, "финанситето"));
    }

    #[test]
    fn bulgarian_patterns_keep_the_bare_word() {
        assert_invariant(
            "bg",
            &["министерство", "финансите", "агенция", "съвет", "на"],
        );
        assert_invariant("mk", &["министерство", "финансии", "совет"]);
    }
}
