//! French, Spanish, Italian and Portuguese: number, and gender agreement on
//! words before the last one.
//!
//! Names in these languages fix the head noun's gender, so the last word
//! only changes number (`puerto` must not reach `puerta`). Words before it
//! may also swap gender endings, which covers adjectives that agree with a
//! plural or feminine head. Stem alternations beyond the listed patterns
//! (`alemán`/`alemanes`, `œil`/`yeux`) match exactly.

use super::{appended, first_rule, replaced, WordPattern, WordPlace};

/// French words ending in `-s`, `-x`, `-z` do not change in the plural.
const FR_REGULAR: &[&str] = &["", "s"];
/// French adjective agreement on a word before the last one.
const FR_AGREEING: &[&str] = &["", "s", "e", "es"];
/// French `-eau`, `-au`, `-eu` plurals (`bureaux`, `pneus`).
const FR_X: &[&str] = &["", "x", "s"];
/// French `-al` plurals (`régional`, `régionaux`, `festivals`).
const FR_AL: &[&str] = &["al", "aux", "als"];
/// French `-al` adjectives before the last word also agree in gender.
const FR_AL_AGREEING: &[&str] = &["al", "aux", "als", "ale", "ales"];
/// French `-ail` plurals (`travaux`, `détails`).
const FR_AIL: &[&str] = &["ail", "aux", "ails"];
/// French articles and prepositions.
const FR_FUNCTION_WORDS: &[&str] = &[
    "des", "les", "aux", "pour", "sur", "par", "dans", "avec", "une",
];

/// The pattern for a French word.
pub(super) fn french(word: &str, place: WordPlace) -> Option<WordPattern> {
    if FR_FUNCTION_WORDS.contains(&word) || ends_with_any(word, &["s", "x", "z"]) {
        return None;
    }
    let al = if place.is_last { FR_AL } else { FR_AL_AGREEING };
    if let Some(pattern) = first_rule(word, &[("ail", FR_AIL), ("al", al)]) {
        return Some(pattern);
    }
    if ends_with_any(word, &["eau", "au", "eu"]) {
        return appended(word, FR_X);
    }
    if place.is_last || word.ends_with('e') {
        appended(word, FR_REGULAR)
    } else {
        appended(word, FR_AGREEING)
    }
}

/// Spanish plural after a vowel.
const ES_VOWEL: &[&str] = &["", "s"];
/// Spanish plural after a consonant (`nacional`, `nacionales`).
const ES_CONSONANT: &[&str] = &["", "es"];
/// Spanish `-z` plurals (`luz`, `luces`).
const ES_Z: &[&str] = &["z", "ces"];
/// Spanish `-ión` loses its accent in the plural (`organizaciones`).
const ES_ION: &[&str] = &["ión", "iones"];
/// Spanish `-és` gentilics (`inglés`, `ingleses`, `inglesa`, `inglesas`).
const ES_ES: &[&str] = &["és", "eses", "esa", "esas"];
/// Spanish function words.
const ES_FUNCTION_WORDS: &[&str] = &[
    "del", "los", "las", "para", "por", "con", "sin", "sobre", "una",
];

/// The pattern for a Spanish word.
pub(super) fn spanish(word: &str, place: WordPlace) -> Option<WordPattern> {
    if ES_FUNCTION_WORDS.contains(&word) {
        return None;
    }
    if let Some(pattern) = first_rule(word, &[("ión", ES_ION), ("és", ES_ES), ("z", ES_Z)]) {
        return Some(pattern);
    }
    if ends_with_any(word, &["s", "x"]) {
        return None;
    }
    if !place.is_last {
        if let Some(pattern) = gender_agreement(word) {
            return Some(pattern);
        }
    }
    if ends_with_vowel(word) {
        appended(word, ES_VOWEL)
    } else {
        appended(word, ES_CONSONANT)
    }
}

/// Italian `-o` nouns and adjectives: `ministero`, `ministeri`.
const IT_O: &[&str] = &["o", "i"];
/// Italian `-a`: `cultura`, `culture`.
const IT_A: &[&str] = &["a", "e"];
/// Italian `-e`: `organizzazione`, `organizzazioni`.
const IT_E: &[&str] = &["e", "i"];
/// Italian `-co`: `parco`, `parchi`; `pubblico`, `pubblici`.
const IT_CO: &[&str] = &["co", "chi", "ci"];
/// Italian `-ca`: `banca`, `banche`.
const IT_CA: &[&str] = &["ca", "che"];
/// Italian `-go`: `lago`, `laghi`.
const IT_GO: &[&str] = &["go", "ghi", "gi"];
/// Italian `-ga`: `lega`, `leghe`.
const IT_GA: &[&str] = &["ga", "ghe"];
/// Italian `-io` with unstressed `i`: `studio`, `studi`.
const IT_IO: &[&str] = &["o", ""];
/// Italian `-cia`/`-gia`: `provincia`, `province`, `provincie`.
const IT_IA: &[&str] = &["ia", "ie", "e"];
/// Italian gender and number agreement before the last word.
const IT_AGREEING: &[&str] = &["o", "a", "e", "i"];
/// Italian agreement after `c`/`g`, which keeps its hard sound with `h`.
const IT_AGREEING_HARD: &[&str] = &["o", "a", "e", "i", "he", "hi"];
/// Italian articles and prepositions.
const IT_FUNCTION_WORDS: &[&str] = &[
    "del", "della", "dello", "dei", "degli", "delle", "per", "con", "dal", "dalla", "alla", "allo",
    "agli", "alle", "nel", "nella", "nello", "negli", "nelle", "sul", "sulla", "una", "gli",
];

/// The pattern for an Italian word; words ending in a consonant or an
/// accented vowel (`sport`, `città`) do not change.
pub(super) fn italian(word: &str, place: WordPlace) -> Option<WordPattern> {
    if IT_FUNCTION_WORDS.contains(&word) {
        return None;
    }
    if place.is_last {
        italian_number(word)
    } else {
        italian_agreement(word).or_else(|| italian_number(word))
    }
}

/// Italian plural of the last word.
fn italian_number(word: &str) -> Option<WordPattern> {
    italian_soft_plural(word).or_else(|| {
        first_rule(
            word,
            &[
                ("co", IT_CO),
                ("ca", IT_CA),
                ("go", IT_GO),
                ("ga", IT_GA),
                ("o", IT_O),
                ("a", IT_A),
                ("e", IT_E),
            ],
        )
    })
}

/// Italian plurals that keep or drop an unstressed `i` (`studio`/`studi`,
/// `provincia`/`province`), checked before the plain vowel rules.
fn italian_soft_plural(word: &str) -> Option<WordPattern> {
    if word.ends_with("io") {
        // The `i` stays in the stem, so the plural is the bare stem.
        return replaced(word, "o", IT_IO);
    }
    if ends_with_any(word, &["cia", "gia"]) {
        return replaced(word, "ia", IT_IA);
    }
    None
}

/// Italian agreement of a word before the last one.
fn italian_agreement(word: &str) -> Option<WordPattern> {
    let hard = ends_with_any(word, &["co", "ca", "go", "ga"]);
    let endings = if hard { IT_AGREEING_HARD } else { IT_AGREEING };
    let rules = [
        ("o", endings),
        ("a", endings),
        ("e", endings),
        ("i", endings),
    ];
    first_rule(word, &rules)
}

/// Portuguese plural after a vowel or an unlisted consonant.
const PT_REGULAR: &[&str] = &["", "s", "es"];
/// Portuguese `-ão`: `região`/`regiões`, `alemão`/`alemães`, `irmão`/`irmãos`.
const PT_AO: &[&str] = &["ão", "ões", "ães", "ãos"];
/// Portuguese `-al`: `nacional`, `nacionais`.
const PT_AL: &[&str] = &["al", "ais"];
/// Portuguese `-el`: `papel`, `papéis`.
const PT_EL: &[&str] = &["el", "éis"];
/// Portuguese `-ol`: `espanhol`, `espanhóis`.
const PT_OL: &[&str] = &["ol", "óis"];
/// Portuguese `-m`: `homem`, `homens`.
const PT_M: &[&str] = &["m", "ns"];
/// Portuguese `-ês` gentilics: `português`, `portugueses`, `portuguesa`.
const PT_ES: &[&str] = &["ês", "eses", "esa", "esas"];
/// Portuguese function words.
const PT_FUNCTION_WORDS: &[&str] = &[
    "dos", "das", "nos", "nas", "para", "por", "com", "uma", "pelo", "pela", "aos", "às",
];

/// The pattern for a Portuguese word.
pub(super) fn portuguese(word: &str, place: WordPlace) -> Option<WordPattern> {
    if PT_FUNCTION_WORDS.contains(&word) {
        return None;
    }
    let rules = [
        ("ão", PT_AO),
        ("ês", PT_ES),
        ("al", PT_AL),
        ("el", PT_EL),
        ("ol", PT_OL),
        ("m", PT_M),
    ];
    if let Some(pattern) = first_rule(word, &rules) {
        return Some(pattern);
    }
    if ends_with_any(word, &["s", "x"]) {
        return None;
    }
    if !place.is_last {
        if let Some(pattern) = gender_agreement(word) {
            return Some(pattern);
        }
    }
    appended(word, PT_REGULAR)
}

/// Spanish and Portuguese `-o`/`-a` agreement: `mundial` heads take
/// `nacional`, but `-o`/`-a` adjectives swap both gender and number.
const O_A_AGREEING: &[&str] = &["o", "a", "os", "as"];

/// Spanish and Portuguese agreement of a word before the last one.
fn gender_agreement(word: &str) -> Option<WordPattern> {
    first_rule(word, &[("o", O_A_AGREEING), ("a", O_A_AGREEING)])
}

/// Whether `word` ends in one of `suffixes`.
fn ends_with_any(word: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|s| word.ends_with(s))
}

/// Whether `word` ends in a vowel letter, accented or not.
fn ends_with_vowel(word: &str) -> bool {
    word.chars()
        .next_back()
        .is_some_and(|c| "aeiouáéíóúàèìòùâêôãõ".contains(c))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, INNER, LAST};

    #[test]
    fn french_plural_matches() {
        assert!(matches("fr", "organisation", LAST, "organisations"));
        assert!(matches("fr", "bureau", LAST, "bureaux"));
        assert!(matches("fr", "régional", LAST, "régionaux"));
        assert!(matches("fr", "travail", LAST, "travaux"));
    }

    #[test]
    fn french_adjective_agrees_before_last_word() {
        assert!(matches("fr", "mondial", INNER, "mondiale"));
        assert!(matches("fr", "mondial", INNER, "mondiales"));
        assert!(matches("fr", "mondial", INNER, "mondiaux"));
        assert!(matches("fr", "mondiale", INNER, "mondiales"));
        assert!(phrase_matches(
            "fr",
            "organisation mondiale de la santé",
            "organisations mondiales de la santé"
        ));
    }

    #[test]
    fn french_last_word_keeps_gender() {
        assert!(!matches("fr", "mondial", LAST, "mondiale"));
        assert!(!matches("fr", "fonds", LAST, "fondss"));
        assert!(!matches("fr", "ministre", LAST, "ministère"));
    }

    #[test]
    fn spanish_plural_matches() {
        assert!(matches("es", "ministerio", LAST, "ministerios"));
        assert!(matches("es", "organización", LAST, "organizaciones"));
        assert!(matches("es", "mundial", LAST, "mundiales"));
        assert!(matches("es", "nariz", LAST, "narices"));
        // A three-letter word keeps its letters: the stem would be too short.
        assert!(!matches("es", "luz", LAST, "luces"));
        assert!(matches("es", "inglés", LAST, "ingleses"));
    }

    #[test]
    fn spanish_adjective_agrees_before_last_word() {
        assert!(matches("es", "nuevo", INNER, "nuevas"));
        assert!(phrase_matches(
            "es",
            "organización mundial de la salud",
            "organizaciones mundiales de la salud"
        ));
    }

    #[test]
    fn spanish_last_word_keeps_gender() {
        assert!(!matches("es", "puerto", LAST, "puerta"));
        assert!(!matches("es", "ministerio", LAST, "ministerial"));
        assert!(!matches("es", "crisis", LAST, "crisiss"));
    }

    #[test]
    fn italian_plural_matches() {
        assert!(matches("it", "ministero", LAST, "ministeri"));
        assert!(matches("it", "organizzazione", LAST, "organizzazioni"));
        assert!(matches("it", "mondiale", INNER, "mondiali"));
        assert!(matches("it", "parco", LAST, "parchi"));
        assert!(matches("it", "banca", LAST, "banche"));
        assert!(matches("it", "studio", LAST, "studi"));
        assert!(matches("it", "provincia", LAST, "province"));
    }

    #[test]
    fn italian_adjective_agrees_before_last_word() {
        assert!(matches("it", "nazionale", INNER, "nazionali"));
        assert!(matches("it", "pubblico", INNER, "pubbliche"));
        assert!(phrase_matches(
            "it",
            "organizzazione mondiale della sanità",
            "organizzazioni mondiali della sanità"
        ));
    }

    #[test]
    fn italian_last_word_keeps_gender_and_invariables() {
        assert!(!matches("it", "porto", LAST, "porta"));
        assert!(!matches("it", "città", LAST, "cittài"));
        assert!(!matches("it", "sport", LAST, "sporti"));
    }

    #[test]
    fn portuguese_plural_matches() {
        assert!(matches("pt", "região", LAST, "regiões"));
        assert!(matches("pt", "nacional", LAST, "nacionais"));
        assert!(matches("pt", "ministério", LAST, "ministérios"));
        assert!(matches("pt", "homem", LAST, "homens"));
        assert!(matches("pt", "português", LAST, "portugueses"));
    }

    #[test]
    fn portuguese_adjective_agrees_before_last_word() {
        assert!(matches("pt", "novo", INNER, "novas"));
        assert!(!matches("pt", "novo", LAST, "nova"));
    }

    #[test]
    fn romance_patterns_keep_the_bare_word() {
        let words = [
            "organisation",
            "mondial",
            "mondiale",
            "bureau",
            "travail",
            "fonds",
            "prix",
            "ministerio",
            "organización",
            "luz",
            "inglés",
            "crisis",
            "nuevo",
            "salud",
            "ministero",
            "parco",
            "banca",
            "lago",
            "lega",
            "studio",
            "provincia",
            "città",
            "sport",
            "região",
            "nacional",
            "papel",
            "espanhol",
            "homem",
            "português",
            "de",
            "io",
            "mio",
            "zio",
            "tal",
            "sal",
        ];
        for lang in ["fr", "es", "it", "pt"] {
            assert_invariant(lang, &words);
        }
    }
}
