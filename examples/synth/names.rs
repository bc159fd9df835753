//! Unique name stems: each concept gets a four-syllable code word, spelled
//! in German (with umlauts and ß), English (without them), Chinese (one Han
//! character per syllable, no spaces) and Russian (Cyrillic).
//!
//! Every syllable is two letters long, so a code word splits back into its
//! syllables one way only, and distinct codes give distinct names in every
//! script. The Han and Cyrillic characters used here never occur in the
//! filler prose, so a name is only found where the corpus put one.

/// Syllables a name may start with (no umlaut, no ß: they capitalise badly).
const PLAIN: usize = 20;

/// One syllable in every script.
struct Syllable {
    de: &'static str,
    en: &'static str,
    zh: char,
    ru: &'static str,
}

const fn syl(de: &'static str, en: &'static str, zh: char, ru: &'static str) -> Syllable {
    Syllable { de, en, zh, ru }
}

const SYLLABLES: [Syllable; 24] = [
    syl("ka", "ka", '卡', "ка"),
    syl("lo", "lo", '洛', "ло"),
    syl("mi", "mi", '米', "ми"),
    syl("ne", "ne", '尼', "не"),
    syl("su", "su", '苏', "су"),
    syl("ta", "ta", '塔', "та"),
    syl("ri", "ri", '里', "ри"),
    syl("po", "po", '波', "по"),
    syl("ve", "ve", '维', "ве"),
    syl("ha", "ha", '哈', "ха"),
    syl("gu", "gu", '古', "гу"),
    syl("ze", "ze", '泽', "зе"),
    syl("bo", "bo", '博', "бо"),
    syl("li", "li", '利', "ли"),
    syl("na", "na", '纳', "на"),
    syl("ro", "ro", '罗', "ро"),
    syl("de", "de", '德', "де"),
    syl("fi", "fi", '菲', "фи"),
    syl("ku", "ku", '库', "ку"),
    syl("sa", "sa", '萨', "са"),
    syl("mö", "mo", '莫', "мё"),
    syl("lü", "lu", '吕', "лю"),
    syl("wä", "wa", '瓦', "ва"),
    syl("ße", "sse", '瑟', "се"),
];

/// How many distinct codes exist (first syllable plain, three free).
pub const CODES: u64 = (PLAIN * 24 * 24 * 24) as u64;

/// Han characters of names: the filler prose must not use them.
#[cfg(test)]
pub fn han_alphabet() -> impl Iterator<Item = char> {
    SYLLABLES.iter().map(|s| s.zh)
}

/// One name in every script.
#[derive(Debug, Clone)]
pub struct Name {
    /// German, capitalised: `Kalömine`.
    pub de: String,
    /// English, capitalised, umlauts and ß spelled out: `Kalomine`.
    pub en: String,
    /// Chinese: `卡洛莫尼`.
    pub zh: String,
    /// Russian, capitalised: `Каломёне`.
    pub ru: String,
}

impl Name {
    /// The name of code `code` (`< CODES`).
    pub fn of(code: u64) -> Name {
        let first = (code % PLAIN as u64) as usize;
        let mut rest = code / PLAIN as u64;
        let mut parts = vec![first];
        for _ in 0..3 {
            parts.push((rest % 24) as usize);
            rest /= 24;
        }
        let join = |f: fn(&Syllable) -> String| -> String {
            parts.iter().map(|&p| f(&SYLLABLES[p])).collect()
        };
        Name {
            de: capitalise(&join(|s| s.de.to_string())),
            en: capitalise(&join(|s| s.en.to_string())),
            zh: join(|s| s.zh.to_string()),
            ru: capitalise(&join(|s| s.ru.to_string())),
        }
    }

    /// The English spelling in lower case, for concept ids.
    pub fn slug(&self) -> String {
        self.en.to_lowercase()
    }
}

/// `word` with its first letter in upper case.
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Scrambles concept numbers into codes: a bijection on `0..CODES`, so
/// neighbouring concepts get unrelated names.
pub struct Scramble {
    mul: u64,
    add: u64,
}

impl Scramble {
    /// A scramble drawn from `rng`.
    pub fn new(rng: &mut super::rng::Rng) -> Scramble {
        // CODES = 2^12 · 3^4 · 5: a multiplier prime to 30 is invertible.
        let mut mul = rng.next_u64() % CODES;
        while mul.is_multiple_of(2) || mul.is_multiple_of(3) || mul.is_multiple_of(5) {
            mul += 1;
        }
        Scramble {
            mul,
            add: rng.next_u64() % CODES,
        }
    }

    /// The code of concept `i`.
    pub fn code(&self, i: u64) -> u64 {
        ((u128::from(i) * u128::from(self.mul) + u128::from(self.add)) % u128::from(CODES)) as u64
    }
}

/// A four-letter acronym for concept `i` (distinct for `i < 26^4`).
pub fn acronym(i: u64) -> String {
    let mut n = i;
    let mut out = String::new();
    for _ in 0..4 {
        out.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn distinct_codes_give_distinct_names_in_every_script() {
        let names: Vec<Name> = (0..5000).map(|c| Name::of(c * 55 + 3)).collect();
        for pick in [
            |n: &Name| n.de.clone(),
            |n: &Name| n.en.clone(),
            |n: &Name| n.zh.clone(),
            |n: &Name| n.ru.clone(),
        ] {
            let set: BTreeSet<String> = names.iter().map(pick).collect();
            assert_eq!(set.len(), names.len());
        }
    }

    #[test]
    fn scramble_is_a_bijection_on_a_prefix() {
        let mut rng = crate::synth::rng::Rng::new(3, 0);
        let s = Scramble::new(&mut rng);
        let set: BTreeSet<u64> = (0..100_000).map(|i| s.code(i)).collect();
        assert_eq!(set.len(), 100_000);
    }
}
