//! Turkish: the case endings of an institution's name. Such names end in a
//! compound noun whose last word carries the possessive `-(s)ı`
//! (`Maliye Bakanlığı`, `İstanbul Büyükşehir Belediyesi`, `Türk Dil
//! Kurumu`), and Turkish spelling writes their case endings straight onto
//! it, with the buffer `n` and no apostrophe: `Maliye Bakanlığının`,
//! `Belediyesine`, `Kurumunda`, `Bakanlığıyla`.
//!
//! Folding reads `ı` as `i`, so after an `i` the back and front endings
//! (`-nda`/`-nde`) are both allowed; after `u` only the back ones, after `ü`
//! only the front ones. Only a last word of five or more letters that ends
//! in one of these vowels after a consonant takes them; words before it,
//! and names written after an apostrophe (`İstanbul'da`, already a word
//! end), match as they are. Other suffixes, plurals and stem changes are
//! out of reach.

use super::{appended, WordPattern, WordPlace};

/// After `ı` or `i` (one letter once folded): genitive, accusative,
/// dative, locative, ablative, the locative's `-ki`, the equative and
/// `ile` written on.
const I: &[&str] = &[
    "", "nin", "ni", "na", "ne", "nda", "nde", "ndan", "nden", "ndaki", "ndeki", "nca", "nce",
    "yla", "yle",
];
/// After `u`: the back endings.
const U: &[&str] = &["", "nun", "nu", "na", "nda", "ndan", "ndaki", "nca", "yla"];
/// After `ü`: the front endings.
const UE: &[&str] = &["", "nün", "nü", "ne", "nde", "nden", "ndeki", "nce", "yle"];

/// Fewest letters of a word that takes the endings: a possessive compound
/// (`Odası`, `Kurumu`), not a short name (`Ali`, whose endings follow an
/// apostrophe).
const MIN_LETTERS: usize = 5;

/// The pattern for a Turkish word.
pub(super) fn pattern(word: &str, place: WordPlace) -> Option<WordPattern> {
    if !place.is_last || word.chars().count() < MIN_LETTERS {
        return None;
    }
    let mut letters = word.chars().rev();
    let (last, before) = (letters.next()?, letters.next()?);
    if is_vowel(before) {
        return None;
    }
    match last {
        'i' => appended(word, I),
        'u' => appended(word, U),
        'ü' => appended(word, UE),
        _ => None,
    }
}

/// A Turkish vowel, folded (`ı` and `İ` are `i` by then).
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'ö' | 'u' | 'ü')
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_last_word_table;

    /// (form word, text word) pairs, folded (`ı` is `i`), last word.
    const TAKEN: &[(&str, &str)] = &[
        ("belediyesi", "belediyesine"),
        ("belediyesi", "belediyesinde"),
        ("bakanliği", "bakanliğindan"),
        ("bakanliği", "bakanliğiyla"),
        ("kurumu", "kurumunda"),
        ("kurumu", "kurumunun"),
        ("örgütü", "örgütüne"),
        ("müdürlüğü", "müdürlüğündeki"),
    ];

    /// Pairs the rules refuse: harmony after `u` and `ü`, a plural, short
    /// words, a vowel before the last one, consonant and other vowel ends.
    const REFUSED: &[(&str, &str)] = &[
        ("kurumu", "kurumunde"),
        ("örgütü", "örgütüna"),
        ("valisi", "valisinler"),
        ("ali", "alina"),
        ("radyoi", "radyoinin"),
        ("istanbul", "istanbulda"),
        ("türkiye", "türkiyenin"),
    ];

    #[test]
    fn turkish_institutions_take_case_endings_without_an_apostrophe() {
        let phrase = ("maliye bakanliği", "maliye bakanliğinin");
        assert_last_word_table("tr", TAKEN, REFUSED, phrase);
    }
}
