//! German: case and number endings appended to nouns, adjective endings
//! swapped on attributive words before the head noun.
//!
//! German names put adjectives first (`Internationale Messe`, `Deutsches
//! Museum`), so a word before the last one that ends like an inflected
//! adjective swaps that ending; every other word keeps its letters and may
//! take a noun ending. `-er` and `-ern` are not noun endings here: they
//! would let `Park` reach `Parker`. Umlaut plurals (`Amt`/`Ämter`) are out
//! of reach on purpose.

use super::{appended, first_rule, stem_before, WordPattern, WordPlace};

/// Endings a German noun may take after its bare form: genitive `-s/-es`,
/// dative `-e`, plural `-e/-en/-n/-se`, weak nouns `-en/-ns/-ens`,
/// `-nis`/`-in` plurals `-se/-sen/-nen`.
const NOUN: &[&str] = &[
    "", "s", "es", "e", "en", "n", "ns", "ens", "se", "ses", "sen", "nen",
];

/// Latin nouns in `-um` (`Ministerium`, `Museum`, `Zentrum`): genitive
/// `-ums`, plural `-en` in place of `-um`.
const LATIN_UM: &[&str] = &["um", "ums", "en"];

/// Strong, weak and mixed adjective endings, plus `-ens`/`-ers`/`-ern` so a
/// noun that happens to end like an adjective (`Minister für …`) still
/// takes its genitive and dative plural.
const ATTRIBUTIVE: &[&str] = &["e", "en", "em", "er", "es", "ens", "ers", "ern"];

/// Adjective endings an attributive word may carry, longest first.
const ADJECTIVE_ENDINGS: &[&str] = &["en", "em", "er", "es", "e"];

/// Articles, prepositions and conjunctions inside names stay as written:
/// `der` + `-en` would be the unrelated `deren`.
const FUNCTION_WORDS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "und", "oder", "für", "von", "vom", "zur", "zum",
    "auf", "mit", "bei", "aus", "über", "unter", "nach", "durch", "gegen", "ein", "eine", "einer",
    "eines", "einem", "einen", "sowie", "beim",
];

/// The pattern for a German word.
pub(super) fn pattern(word: &str, place: WordPlace) -> Option<WordPattern> {
    if FUNCTION_WORDS.contains(&word) {
        return None;
    }
    if place.is_last {
        return noun(word);
    }
    attributive(word).or_else(|| noun(word))
}

/// A noun: Latin `-um` swaps its ending, anything else appends one.
fn noun(word: &str) -> Option<WordPattern> {
    first_rule(word, &[("um", LATIN_UM)]).or_else(|| appended(word, NOUN))
}

/// A word before the head noun that ends like an inflected adjective.
fn attributive(word: &str) -> Option<WordPattern> {
    ADJECTIVE_ENDINGS.iter().find_map(|ending| {
        stem_before(word, ending).map(|stem| WordPattern {
            stem: stem.to_owned(),
            endings: ATTRIBUTIVE,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, INNER, LAST};

    #[test]
    fn german_genitive_s_matches() {
        assert!(matches("de", "ministerium", LAST, "ministeriums"));
        assert!(matches(
            "de",
            "kulturindustriepark",
            LAST,
            "kulturindustrieparks"
        ));
        assert!(matches("de", "trägerplan", LAST, "trägerplans"));
    }

    #[test]
    fn german_genitive_phrase_matches() {
        assert!(phrase_matches(
            "de",
            "ministerium für kultur und tourismus",
            "ministeriums für kultur und tourismus"
        ));
    }

    #[test]
    fn german_latin_plural_replaces_um() {
        assert!(matches("de", "ministerium", LAST, "ministerien"));
        assert!(matches("de", "museum", LAST, "museen"));
        assert!(matches("de", "zentrum", INNER, "zentren"));
    }

    #[test]
    fn german_weak_and_plural_endings_match() {
        assert!(matches("de", "messe", LAST, "messen"));
        assert!(matches("de", "präsident", LAST, "präsidenten"));
        assert!(matches("de", "ministerin", LAST, "ministerinnen"));
        assert!(matches("de", "ergebnis", LAST, "ergebnisse"));
    }

    #[test]
    fn german_adjective_before_noun_agrees() {
        assert!(phrase_matches(
            "de",
            "hochwertige entwicklung",
            "hochwertigen entwicklung"
        ));
        assert!(matches("de", "internationale", INNER, "internationalen"));
        assert!(phrase_matches(
            "de",
            "deutsches museum",
            "deutschen museums"
        ));
        assert!(phrase_matches(
            "de",
            "internationale messe",
            "internationalen messen"
        ));
        assert!(!phrase_matches(
            "de",
            "internationale messe",
            "internationale messer"
        ));
    }

    #[test]
    fn german_noun_before_noun_keeps_genitive() {
        assert!(matches("de", "minister", INNER, "ministers"));
        assert!(matches(
            "de",
            "bundesministerium",
            INNER,
            "bundesministeriums"
        ));
    }

    #[test]
    fn german_compound_extension_is_not_inflection() {
        assert!(!matches(
            "de",
            "kulturindustriepark",
            LAST,
            "kulturindustrieentwicklung"
        ));
        assert!(!matches(
            "de",
            "kulturindustriepark",
            LAST,
            "kulturindustrieparkplan"
        ));
        assert!(!matches("de", "park", LAST, "parker"));
    }

    #[test]
    fn german_last_word_does_not_swap_adjective_endings() {
        assert!(!matches("de", "messe", LAST, "messer"));
        assert!(!matches("de", "ministers", LAST, "ministerium"));
        assert!(!matches("de", "ministerium", LAST, "ministers"));
    }

    #[test]
    fn german_function_words_stay_exact() {
        assert!(!matches("de", "der", INNER, "deren"));
        assert!(!matches("de", "für", INNER, "füre"));
    }

    #[test]
    fn german_patterns_keep_the_bare_word() {
        assert_invariant(
            "de",
            &[
                "ministerium",
                "kultur",
                "tourismus",
                "kulturindustriepark",
                "trägerplan",
                "messe",
                "internationale",
                "hochwertige",
                "entwicklung",
                "deutsches",
                "europäischen",
                "minister",
                "baum",
                "museum",
                "straße",
                "strasse",
                "amt",
                "grünem",
                "kunst",
                "ergebnis",
                "um",
                "ab",
                "der",
                "raum",
                "bundesamt",
            ],
        );
    }
}
