//! Russian, Ukrainian, Polish, Czech, Slovak, Croatian, Serbian, Bosnian
//! and Slovenian: the case ending of every word is replaced.
//!
//! Glossary forms are written in the nominative, so a word loses the
//! longest nominative ending it carries (noun or adjective, keeping a stem
//! of at least three letters) and the stem may then take any case ending of
//! the language. Only nominative endings are stripped: `Ростов` keeps its
//! `-ов`, so it never reaches `ростом`. Consonant alternations in the stem
//! (`Polska`/`Polsce`, fleeting vowels in `отец`/`отца`) are out of reach.

use super::{appended, first_rule, WordPattern};

/// Russian nominative endings, longest first.
const RU_NOMINATIVE: &[&str] = &[
    "ия", "ие", "ье", "ья", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "а", "я", "о", "е",
    "ё", "ы", "и", "ь", "й",
];

/// Russian case endings of nouns and adjectives, singular and plural.
const RU_CASES: &[&str] = &[
    "", "а", "я", "о", "е", "ё", "ы", "и", "у", "ю", "ь", "й", "ой", "ей", "ий", "ый", "ая", "яя",
    "ое", "ее", "ые", "ие", "ую", "юю", "ом", "ем", "ём", "ам", "ям", "ах", "ях", "ами", "ями",
    "ов", "ев", "ёв", "его", "ого", "ему", "ому", "ым", "им", "ых", "их", "ыми", "ими", "ою", "ею",
    "ию", "ия", "ии", "ией", "ием", "иям", "иях", "иями", "ью", "ье", "ья", "ьи", "ьё", "ьям",
    "ьях", "ьями", "ьев", "ьей", "ьём", "ьем",
];

/// Russian prepositions and conjunctions long enough to be stemmed.
const RU_FUNCTION_WORDS: &[&str] = &[
    "для",
    "при",
    "над",
    "под",
    "без",
    "или",
    "через",
    "между",
    "также",
];

/// The pattern for a Russian word.
pub(super) fn russian(word: &str) -> Option<WordPattern> {
    replace_case(word, RU_NOMINATIVE, RU_CASES, RU_FUNCTION_WORDS)
}

/// Ukrainian nominative endings, longest first.
const UK_NOMINATIVE: &[&str] = &[
    "ія", "ій", "ий", "а", "я", "о", "е", "є", "и", "і", "ї", "ь", "й",
];

/// Ukrainian case endings of nouns and adjectives, singular and plural.
const UK_CASES: &[&str] = &[
    "", "а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "ь", "й", "ий", "ій", "ої", "ого", "ому",
    "ім", "им", "их", "іх", "ими", "іми", "ою", "ею", "єю", "ом", "ем", "єм", "ам", "ям", "ах",
    "ях", "ами", "ями", "ів", "їв", "ей", "ові", "еві", "єві", "ію", "ія", "ії", "ією", "ям",
    "ього", "ьому", "ьої",
];

/// Ukrainian prepositions and conjunctions long enough to be stemmed.
const UK_FUNCTION_WORDS: &[&str] = &[
    "для",
    "при",
    "від",
    "над",
    "під",
    "без",
    "або",
    "через",
    "між",
];

/// The pattern for a Ukrainian word.
pub(super) fn ukrainian(word: &str) -> Option<WordPattern> {
    replace_case(word, UK_NOMINATIVE, UK_CASES, UK_FUNCTION_WORDS)
}

/// Polish nominative endings, longest first.
const PL_NOMINATIVE: &[&str] = &["ie", "a", "e", "o", "y", "i"];

/// Polish case endings of nouns and adjectives, singular and plural;
/// `-ze` covers the locative of `-ra` nouns (`kultura`, `kulturze`).
const PL_CASES: &[&str] = &[
    "", "a", "e", "o", "y", "i", "u", "ę", "ą", "ie", "ów", "om", "ami", "ach", "em", "ego", "emu",
    "ej", "ym", "ych", "ymi", "owi", "owie", "iem", "ich", "imi", "im", "iego", "iemu", "iej",
    "ia", "iu", "ią", "ię", "ii", "iom", "iami", "iach", "ze",
];

/// Polish prepositions and conjunctions long enough to be stemmed.
const PL_FUNCTION_WORDS: &[&str] = &[
    "dla", "przy", "nad", "pod", "bez", "przez", "oraz", "lub", "między",
];

/// The pattern for a Polish word.
pub(super) fn polish(word: &str) -> Option<WordPattern> {
    replace_case(word, PL_NOMINATIVE, PL_CASES, PL_FUNCTION_WORDS)
}

/// Czech nominative endings, longest first.
const CS_NOMINATIVE: &[&str] = &["ý", "á", "é", "í", "o", "a", "e", "ě"];

/// Czech case endings of nouns and adjectives, singular and plural.
const CS_CASES: &[&str] = &[
    "", "a", "u", "e", "ě", "y", "i", "o", "ou", "em", "ům", "ů", "ech", "ích", "ách", "ami",
    "emi", "mi", "ám", "ím", "ého", "ému", "ém", "ým", "ých", "ými", "é", "á", "í", "ý", "ího",
    "ímu", "ími", "ovi", "ové",
];

/// Czech feminines in `-ka`, `-ha`, `-ra` change the consonant before
/// `-e` (`republika`, `v republice`; `Praha`, `v Praze`): the stem stops
/// before it and the endings carry it.
const CS_ALTERNATING: &[(&str, &[&str])] = &[
    (
        "ka",
        &[
            "ka", "ky", "ce", "ku", "ko", "kou", "k", "kám", "kách", "kami",
        ],
    ),
    (
        "ha",
        &[
            "ha", "hy", "ze", "hu", "ho", "hou", "h", "hám", "hách", "hami",
        ],
    ),
    (
        "ra",
        &[
            "ra", "ry", "ře", "ru", "ro", "rou", "r", "rám", "rách", "rami",
        ],
    ),
];

/// Czech prepositions and conjunctions long enough to be stemmed.
const CS_FUNCTION_WORDS: &[&str] = &[
    "pro", "při", "nad", "pod", "bez", "přes", "mezi", "nebo", "také", "jako",
];

/// The pattern for a Czech word.
pub(super) fn czech(word: &str) -> Option<WordPattern> {
    if CS_FUNCTION_WORDS.contains(&word) {
        return None;
    }
    first_rule(word, CS_ALTERNATING)
        .or_else(|| replace_case(word, CS_NOMINATIVE, CS_CASES, CS_FUNCTION_WORDS))
}

/// Slovak nominative endings, longest first.
const SK_NOMINATIVE: &[&str] = &["ia", "ie", "ý", "á", "é", "í", "o", "a", "e"];

/// Slovak case endings of nouns and adjectives, singular and plural.
const SK_CASES: &[&str] = &[
    "", "a", "u", "e", "y", "i", "o", "ou", "om", "ov", "ám", "ách", "ami", "mi", "och", "ého",
    "ému", "ej", "ým", "ých", "ými", "é", "á", "í", "ý", "ie", "ia", "iu", "ii", "ím", "ích",
    "ími", "iam", "iach", "iami", "iou", "ovi",
];

/// Slovak prepositions and conjunctions long enough to be stemmed.
const SK_FUNCTION_WORDS: &[&str] = &[
    "pre", "pri", "nad", "pod", "bez", "cez", "medzi", "alebo", "tiež", "ako",
];

/// The pattern for a Slovak word.
pub(super) fn slovak(word: &str) -> Option<WordPattern> {
    replace_case(word, SK_NOMINATIVE, SK_CASES, SK_FUNCTION_WORDS)
}

/// Croatian, Bosnian and Latin-script Serbian nominative endings.
const HR_NOMINATIVE: &[&str] = &["a", "o", "e", "i"];

/// Their case endings of nouns and adjectives, singular and plural.
const HR_CASES: &[&str] = &[
    "", "a", "e", "i", "o", "u", "om", "em", "ima", "ama", "og", "oga", "omu", "oj", "ih", "im",
    "ome", "ega", "emu",
];

/// Cyrillic Serbian nominative endings.
const SR_NOMINATIVE: &[&str] = &["а", "о", "е", "и"];

/// Cyrillic Serbian case endings.
const SR_CASES: &[&str] = &[
    "", "а", "е", "и", "о", "у", "ом", "ем", "има", "ама", "ог", "ога", "ому", "ој", "их", "им",
    "оме", "ега", "ему",
];

/// Slovenian nominative endings.
const SL_NOMINATIVE: &[&str] = &["a", "o", "e", "i"];

/// Slovenian case endings of nouns and adjectives, singular, dual and
/// plural.
const SL_CASES: &[&str] = &[
    "", "a", "e", "i", "o", "u", "om", "em", "ih", "im", "ima", "ami", "ah", "ega", "emu", "ov",
    "ev", "ama",
];

/// South Slavic prepositions and conjunctions long enough to be stemmed.
const SOUTH_FUNCTION_WORDS: &[&str] = &[
    "pri",
    "nad",
    "pod",
    "bez",
    "ili",
    "kod",
    "kroz",
    "preko",
    "при",
    "над",
    "под",
    "без",
    "или",
    "код",
    "кроз",
    "преко",
];

/// The pattern for a Croatian, Bosnian or Serbian word, in either script.
pub(super) fn serbo_croatian(word: &str) -> Option<WordPattern> {
    let cyrillic = word.chars().any(|c| matches!(c, '\u{400}'..='\u{4FF}'));
    let (nominative, cases) = if cyrillic {
        (SR_NOMINATIVE, SR_CASES)
    } else {
        (HR_NOMINATIVE, HR_CASES)
    };
    replace_case(word, nominative, cases, SOUTH_FUNCTION_WORDS)
}

/// The pattern for a Slovenian word.
pub(super) fn slovenian(word: &str) -> Option<WordPattern> {
    replace_case(word, SL_NOMINATIVE, SL_CASES, SOUTH_FUNCTION_WORDS)
}

/// Strips the longest `nominative` ending and allows every `cases` ending;
/// a word without one (`туризм`) keeps its letters and takes them as is.
fn replace_case(
    word: &str,
    nominative: &[&str],
    cases: &'static [&'static str],
    function_words: &[&str],
) -> Option<WordPattern> {
    if function_words.contains(&word) {
        return None;
    }
    let rules: Vec<(&str, &'static [&'static str])> =
        nominative.iter().map(|ending| (*ending, cases)).collect();
    first_rule(word, &rules).or_else(|| appended(word, cases))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, phrase_matches, LAST};

    #[test]
    fn czech_cases_of_ministry_and_republic() {
        assert!(phrase_matches(
            "cs",
            "ministerstvo financí",
            "ministerstva financí"
        ));
        assert!(matches("cs", "ministerstvo", LAST, "ministerstvem"));
        assert!(matches("cs", "ministerstvo", LAST, "ministerstvu"));
        assert!(phrase_matches("cs", "česká republika", "české republice"));
        assert!(phrase_matches("cs", "česká republika", "českou republikou"));
        assert!(matches("cs", "praha", LAST, "praze"));
        assert!(matches("cs", "státní", LAST, "státního"));
        assert!(matches("cs", "úřad", LAST, "úřadu"));
    }

    #[test]
    fn czech_and_slovak_derivation_is_not_inflection() {
        assert!(!matches("cs", "republika", LAST, "republikán"));
        assert!(!matches("cs", "pro", LAST, "proa"));
        assert!(!matches("sk", "republika", LAST, "republikánsky"));
        assert!(!matches("sk", "pre", LAST, "prea"));
    }

    #[test]
    fn slovak_cases_of_ministry_and_republic() {
        assert!(phrase_matches(
            "sk",
            "ministerstvo financií slovenskej republiky",
            "ministerstva financií slovenskej republiky"
        ));
        assert!(matches("sk", "ministerstvo", LAST, "ministerstvom"));
        assert!(phrase_matches(
            "sk",
            "slovenská republika",
            "slovenskej republike"
        ));
        assert!(matches("sk", "organizácia", LAST, "organizácie"));
        assert!(matches("sk", "organizácia", LAST, "organizáciou"));
    }

    #[test]
    fn croatian_serbian_and_slovenian_cases_of_ministry() {
        assert!(phrase_matches(
            "hr",
            "ministarstvo financija",
            "ministarstva financija"
        ));
        assert!(matches("hr", "ministarstvo", LAST, "ministarstvom"));
        assert!(phrase_matches("hr", "hrvatska vlada", "hrvatskoj vladi"));
        assert!(phrase_matches(
            "sr",
            "министарство финансија",
            "министарству финансија"
        ));
        assert!(matches("sr", "vlada", LAST, "vladom"));
        assert!(matches("bs", "vlada", LAST, "vlade"));
        assert!(matches("sl", "ministrstvo", LAST, "ministrstvu"));
        assert!(phrase_matches("sl", "slovenska vojska", "slovenske vojske"));
    }

    #[test]
    fn south_slavic_derivation_is_not_inflection() {
        assert!(!matches("hr", "vlada", LAST, "vladavina"));
        assert!(!matches("sr", "влада", LAST, "владавина"));
        assert!(!matches("sl", "pri", LAST, "prio"));
    }

    #[test]
    fn russian_genitive_of_ministry() {
        assert!(phrase_matches(
            "ru",
            "министерство культуры и туризма",
            "министерства культуры и туризма"
        ));
    }

    #[test]
    fn russian_instrumental_of_ministry() {
        assert!(matches("ru", "министерство", LAST, "министерством"));
        assert!(matches("ru", "министерство", LAST, "министерстве"));
    }

    #[test]
    fn russian_zero_ending_noun_takes_cases() {
        assert!(matches("ru", "туризм", LAST, "туризма"));
        assert!(matches("ru", "туризм", LAST, "туризмом"));
    }

    #[test]
    fn russian_adjective_and_noun_agree() {
        assert!(phrase_matches(
            "ru",
            "всемирная организация здравоохранения",
            "всемирной организации здравоохранения"
        ));
        assert!(phrase_matches(
            "ru",
            "всемирная организация здравоохранения",
            "всемирную организацию здравоохранения"
        ));
        assert!(matches("ru", "российская", LAST, "российской"));
    }

    #[test]
    fn russian_non_nominative_endings_are_not_stripped() {
        assert!(!matches("ru", "ростов", LAST, "ростом"));
        assert!(matches("ru", "ростов", LAST, "ростова"));
    }

    #[test]
    fn russian_derivation_is_not_inflection() {
        assert!(!matches("ru", "министерство", LAST, "министр"));
        assert!(!matches("ru", "культура", LAST, "культурный"));
        assert!(!matches("ru", "при", LAST, "прием"));
    }

    #[test]
    fn ukrainian_cases_of_ministry() {
        assert!(phrase_matches(
            "uk",
            "міністерство культури",
            "міністерства культури"
        ));
        assert!(phrase_matches(
            "uk",
            "міністерство культури",
            "міністерством культури"
        ));
        assert!(matches("uk", "міністерство", LAST, "міністерстві"));
        assert!(matches("uk", "культура", LAST, "культурою"));
    }

    #[test]
    fn ukrainian_derivation_is_not_inflection() {
        assert!(!matches("uk", "культура", LAST, "культурний"));
        assert!(!matches("uk", "від", LAST, "віда"));
    }

    #[test]
    fn polish_cases_of_ministry() {
        assert!(phrase_matches(
            "pl",
            "ministerstwo kultury",
            "ministerstwa kultury"
        ));
        assert!(matches("pl", "ministerstwo", LAST, "ministerstwem"));
        assert!(matches("pl", "ministerstwo", LAST, "ministerstwie"));
        assert!(matches("pl", "kultura", LAST, "kulturze"));
    }

    #[test]
    fn polish_feminine_and_adjective_cases() {
        assert!(matches("pl", "organizacja", LAST, "organizacji"));
        assert!(matches("pl", "organizacja", LAST, "organizację"));
        assert!(phrase_matches(
            "pl",
            "narodowy bank polski",
            "narodowego banku polskiego"
        ));
    }

    #[test]
    fn polish_derivation_is_not_inflection() {
        assert!(!matches("pl", "ministerstwo", LAST, "minister"));
        assert!(!matches("pl", "kultura", LAST, "kulturalny"));
    }

    #[test]
    fn slavic_patterns_keep_the_bare_word() {
        let ru = [
            "министерство",
            "культуры",
            "туризма",
            "туризм",
            "всемирная",
            "организация",
            "здравоохранения",
            "ростов",
            "область",
            "край",
            "здание",
            "российские",
            "для",
            "и",
            "мир",
            "гений",
            "её",
            "статья",
        ];
        assert_invariant("ru", &ru);
        let uk = [
            "міністерство",
            "культури",
            "україна",
            "державний",
            "рада",
            "від",
            "і",
        ];
        assert_invariant("uk", &uk);
        let cs = [
            "ministerstvo",
            "financí",
            "česká",
            "republika",
            "praha",
            "kultura",
            "státní",
            "úřad",
            "pro",
            "a",
        ];
        assert_invariant("cs", &cs);
        let sk = [
            "ministerstvo",
            "financií",
            "slovenskej",
            "republika",
            "organizácia",
            "pre",
        ];
        assert_invariant("sk", &sk);
        assert_invariant(
            "hr",
            &["ministarstvo", "financija", "hrvatska", "vlada", "pri"],
        );
        assert_invariant("sr", &["министарство", "финансија", "vlada"]);
        assert_invariant("sl", &["ministrstvo", "finance", "slovenska"]);
        let pl = [
            "ministerstwo",
            "kultury",
            "organizacja",
            "narodowy",
            "bank",
            "polski",
            "zdrowie",
            "dla",
            "i",
            "kraj",
        ];
        assert_invariant("pl", &pl);
    }
}
