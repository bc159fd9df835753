//! Finnish: the case endings of a name whose last word ends in `-o`/`-ö`
//! or `-ia`/`-iä`, which take them without a change of the stem:
//! `ministeriö`, `ministeriön`, `ministeriössä`; `yliopisto`,
//! `yliopistossa`; `Akatemia`, `Akatemian`.
//!
//! The endings follow the vowel harmony of the last vowel. Only the last
//! word changes: the words before it are genitives in names
//! (`Helsingin yliopisto`) and keep their form. Words whose stem changes
//! (`Pankki`/`Pankin`, `Eduskunta`/`Eduskunnan`, `keskus`/`keskuksen`),
//! plurals and possessive suffixes are out of reach.

use super::{appended, WordPattern, WordPlace};

/// After `-o`: genitive, inessive, elative, illative, adessive, ablative,
/// allative, essive, translative, partitive.
const O: &[&str] = &[
    "", "n", "ssa", "sta", "on", "lla", "lta", "lle", "na", "ksi", "a", "ta",
];
/// After `-ö`: the same in front harmony.
const OE: &[&str] = &[
    "", "n", "ssä", "stä", "ön", "llä", "ltä", "lle", "nä", "ksi", "ä", "tä",
];
/// After `-ia`.
const A: &[&str] = &[
    "", "n", "ssa", "sta", "an", "lla", "lta", "lle", "na", "ksi", "a",
];
/// After `-iä`.
const AE: &[&str] = &[
    "", "n", "ssä", "stä", "än", "llä", "ltä", "lle", "nä", "ksi", "ä",
];

/// Fewest letters of a word that takes the endings.
const MIN_LETTERS: usize = 5;

/// The pattern for a Finnish word.
pub(super) fn pattern(word: &str, place: WordPlace) -> Option<WordPattern> {
    if !place.is_last || word.chars().count() < MIN_LETTERS || grades(word) {
        return None;
    }
    if word.ends_with('o') {
        appended(word, O)
    } else if word.ends_with('ö') {
        appended(word, OE)
    } else if word.ends_with("ia") {
        appended(word, A)
    } else if word.ends_with("iä") {
        appended(word, AE)
    } else {
        None
    }
}

/// Whether the consonant before the last vowel may change with the ending
/// (consonant gradation: `verohallinto`, `verohallinnon`): a `k`, `p` or
/// `t` there, except after `s` (`yliopisto`, `yliopiston`).
fn grades(word: &str) -> bool {
    let mut letters = word.chars().rev().skip(1);
    let before_vowel = letters.next();
    matches!(before_vowel, Some('k' | 'p' | 't')) && letters.next() != Some('s')
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_last_word_table;

    /// (form word, text word) pairs the rules take, last word.
    const TAKEN: &[(&str, &str)] = &[
        ("ministeriö", "ministeriössä"),
        ("ministeriö", "ministeriön"),
        ("ministeriö", "ministeriöön"),
        ("ministeriö", "ministeriötä"),
        ("yliopisto", "yliopistossa"),
        ("yliopisto", "yliopistoon"),
        ("virasto", "virastolle"),
        ("museo", "museossa"),
        ("akatemia", "akatemian"),
        ("akatemia", "akatemiaan"),
    ];

    /// Pairs the rules refuse: harmony, stem changes (gradation, `-s`
    /// stems, `-a` words), plurals, short words.
    const REFUSED: &[(&str, &str)] = &[
        ("ministeriö", "ministeriössa"),
        ("yliopisto", "yliopistossä"),
        ("verohallinto", "verohallinnon"),
        ("verohallinto", "verohallinton"),
        ("eduskunta", "eduskunnan"),
        ("pankki", "pankin"),
        ("keskus", "keskuksen"),
        ("yliopisto", "yliopistoissa"),
        ("talo", "talossa"),
    ];

    #[test]
    fn finnish_names_take_case_endings_on_the_last_word() {
        let phrase = ("helsingin yliopisto", "helsingin yliopistossa");
        assert_last_word_table("fi", TAKEN, REFUSED, phrase);
    }
}
