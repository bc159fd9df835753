//! Hungarian: the case endings of a name's last word. A word ending in a
//! consonant takes them without a change of the stem: `Minisztérium`,
//! `Minisztériumban`, `Minisztériumnak`, `Minisztériummal`; `Egyetem`,
//! `Egyetemen`, `Egyetemre`. A word ending in `a` or `e` lengthens it to
//! `á` or `é` before them, and the instrumental and translative take `v`
//! there: `Akadémia`, `Akadémián`, `Akadémiának`, `Akadémiával`.
//!
//! The endings follow vowel harmony: back after a back last vowel
//! (`-ban`), front after a front one (`-ben`, rounded `-höz`). A last
//! vowel `e`, `é`, `i` or `í` after back vowels goes either way
//! (`Parlamentben`, `papírban`), so both sets are allowed there. The
//! instrumental and the translative double the last consonant
//! (`Hivatallal`, `Minisztériummá`), a consonant written with two letters
//! by its first letter (`Tanács`, `Tanáccsal`; `Kormány`, `Kormánnyal`). Words ending
//! in another vowel (`Unió`, `Unióban`), plurals and possessives are out
//! of reach. Only a
//! last word of four or more letters changes; the words before it match
//! exactly.

use super::{interned_endings, WordPattern, WordPlace};

/// Back-harmony case endings: inessive, illative, elative, dative,
/// adessive, allative, ablative, sublative, delative, superessive,
/// accusative, terminative, essive-formal, causal-final.
const BACK: &[&str] = &[
    "ban", "ba", "ból", "nak", "nál", "hoz", "tól", "ra", "ról", "on", "ot", "at", "t", "ig",
    "ként", "ért",
];
/// Front-harmony endings, unrounded last vowel.
const FRONT: &[&str] = &[
    "ben", "be", "ből", "nek", "nél", "hez", "től", "re", "ről", "en", "et", "t", "ig", "ként",
    "ért",
];
/// Front-harmony endings, rounded last vowel (`ö ő ü ű`).
const ROUNDED: &[&str] = &[
    "ben", "be", "ből", "nek", "nél", "höz", "től", "re", "ről", "ön", "öt", "et", "t", "ig",
    "ként", "ért",
];

/// The endings after a last `a`, which lengthens to `á` before them
/// (`Akadémiában`, `Akadémián`, `Akadémiát`, `Akadémiával`).
const BACK_AFTER_A: &[&str] = &[
    "ban", "ba", "ból", "nak", "nál", "hoz", "tól", "ra", "ról", "n", "t", "ig", "ért", "val", "vá",
];
/// The endings after a last `e`, which lengthens to `é` before them.
const FRONT_AFTER_E: &[&str] = &[
    "ben", "be", "ből", "nek", "nél", "hez", "től", "re", "ről", "n", "t", "ig", "ért", "vel", "vé",
];

/// Fewest letters of a word that takes the endings.
const MIN_LETTERS: usize = 4;

/// Consonants written with two letters (`cs`, `sz`…), whose doubling is
/// written `ccs`, `ssz`.
const DIGRAPHS: &[&str] = &["cs", "dz", "gy", "ly", "ny", "sz", "ty", "zs"];

/// The pattern for a Hungarian word.
pub(super) fn pattern(word: &str, place: WordPlace) -> Option<WordPattern> {
    if !place.is_last || word.chars().count() < MIN_LETTERS {
        return None;
    }
    let last = word.chars().last()?;
    if matches!(last, 'a' | 'e') {
        return Some(lengthened(word, last));
    }
    if !last.is_alphabetic() || is_vowel(last) {
        return None;
    }
    let (back, front) = harmony(word)?;
    // A consonant written with two letters doubles its first one (`cs`,
    // `ccs`): the stem stops before it, when three letters are left.
    let digraph = DIGRAPHS
        .iter()
        .find(|d| word.ends_with(**d))
        .filter(|d| word[..word.len() - d.len()].chars().count() >= 3);
    let (stem, tail, doubled) = match digraph {
        Some(d) => (&word[..word.len() - d.len()], *d, format!("{}{d}", &d[..1])),
        None if DIGRAPHS.iter().any(|d| word.ends_with(d)) => (word, "", String::new()),
        None => (word, "", last.to_string()),
    };
    let mut endings: Vec<String> = vec![tail.to_owned()];
    let mut add = |list: &[&str], a: &str| {
        endings.extend(list.iter().map(|e| format!("{tail}{e}")));
        if !doubled.is_empty() {
            // The instrumental and the translative: the last consonant
            // doubled, then `-al`/`-el` and `-á`/`-é`.
            endings.push(format!("{doubled}{a}l"));
            endings.push(format!("{doubled}{}", if a == "a" { "á" } else { "é" }));
        }
    };
    match (back, front) {
        (true, None) => add(BACK, "a"),
        (false, Some(rounded)) => add(if rounded { ROUNDED } else { FRONT }, "e"),
        (true, Some(rounded)) => {
            add(BACK, "a");
            add(if rounded { ROUNDED } else { FRONT }, "e");
        }
        (false, None) => return None,
    }
    endings.sort_unstable();
    endings.dedup();
    Some(WordPattern {
        stem: stem.to_owned(),
        endings: interned_endings(endings),
    })
}

/// The pattern of a word ending in `a` or `e`: the vowel as written, or
/// lengthened before a case ending; `-ként` leaves it short
/// (`Akadémiaként`).
fn lengthened(word: &str, last: char) -> WordPattern {
    let (long, list) = if last == 'a' {
        ('á', BACK_AFTER_A)
    } else {
        ('é', FRONT_AFTER_E)
    };
    let mut endings = vec![last.to_string(), format!("{last}ként")];
    endings.extend(list.iter().map(|e| format!("{long}{e}")));
    endings.sort_unstable();
    WordPattern {
        // `a` and `e` are one byte.
        stem: word[..word.len() - 1].to_owned(),
        endings: interned_endings(endings),
    }
}

/// Whether the word's endings may be back ones, and whether they may be
/// front ones (then: rounded or not), from its vowels: the last vowel
/// decides, and a neutral last vowel (`e é i í`) after a back one allows
/// both. `None` for a word without vowels.
fn harmony(word: &str) -> Option<(bool, Option<bool>)> {
    let vowels: Vec<char> = word.chars().filter(|&c| is_vowel(c)).collect();
    let &last = vowels.last()?;
    let has_back = vowels.iter().any(|&c| is_back(c));
    Some(if is_back(last) {
        (true, None)
    } else if matches!(last, 'ö' | 'ő' | 'ü' | 'ű') {
        (false, Some(true))
    } else {
        (has_back, Some(false))
    })
}

fn is_back(c: char) -> bool {
    matches!(c, 'a' | 'á' | 'o' | 'ó' | 'u' | 'ú')
}

fn is_vowel(c: char) -> bool {
    is_back(c) || matches!(c, 'e' | 'é' | 'i' | 'í' | 'ö' | 'ő' | 'ü' | 'ű')
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_last_word_table, phrase_matches};

    /// (form word, text word) pairs the rules take, last word.
    const TAKEN: &[(&str, &str)] = &[
        ("minisztérium", "minisztériumban"),
        ("minisztérium", "minisztériumnak"),
        ("minisztérium", "minisztériummal"),
        ("minisztérium", "minisztériumot"),
        ("hivatal", "hivatallal"),
        ("hivatal", "hivatalt"),
        ("egyetem", "egyetemen"),
        ("egyetem", "egyetemre"),
        ("parlament", "parlamentben"),
        ("országgyűlés", "országgyűlésen"),
        ("országgyűlés", "országgyűléshez"),
        ("bizottság", "bizottságban"),
        ("tanács", "tanácsban"),
        ("tanács", "tanáccsal"),
        ("tanács", "tanáccsá"),
        ("hivatás", "hivatással"),
        ("egészség", "egészséggel"),
        ("kormány", "kormánnyal"),
        ("hatóság", "hatósággal"),
        ("bank", "bankban"),
        ("párt", "pártnak"),
        ("akadémia", "akadémián"),
        ("akadémia", "akadémiának"),
        ("akadémia", "akadémiával"),
        ("akadémia", "akadémiát"),
        ("akadémia", "akadémiaként"),
        ("kamara", "kamarában"),
        ("köztársasága", "köztársaságának"),
        ("elnöke", "elnökének"),
        ("elnöke", "elnökével"),
    ];

    /// Pairs the rules refuse: harmony, digraph doubling, a vowel left
    /// short or other vowel ends, plurals, short words.
    const REFUSED: &[(&str, &str)] = &[
        ("minisztérium", "minisztériumben"),
        ("egyetem", "egyetemban"),
        ("tanács", "tanácsal"),
        ("tanács", "tanácscsal"),
        ("akadémia", "akadémiaban"),
        ("akadémia", "akadémiák"),
        ("akadémia", "akadémiáben"),
        ("akadémia", "akadémi"),
        ("elnöke", "elnökéban"),
        ("unió", "unióban"),
        ("minisztérium", "minisztériumok"),
        ("vár", "várban"),
    ];

    #[test]
    fn hungarian_names_take_case_endings_on_the_last_word() {
        let phrase = ("pénzügyminisztérium", "pénzügyminisztériumban");
        assert_last_word_table("hu", TAKEN, REFUSED, phrase);
        assert!(phrase_matches(
            "hu",
            "magyar nemzeti bank",
            "magyar nemzeti bankban"
        ));
        assert!(!phrase_matches(
            "hu",
            "magyar nemzeti bank",
            "magyarban nemzeti bank"
        ));
    }
}
