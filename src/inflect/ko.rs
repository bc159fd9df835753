//! Korean: particles written without a space after the last word of a name
//! (`문화체육관광부의`, `쿠버네티스는`, `서울시에서`).
//!
//! The name itself never changes; only the last word may carry particles.
//! Where a particle has two shapes, the one that fits the last syllable is
//! allowed (`는` after a vowel, `은` after a consonant); after a word not
//! written in Hangul (`Kubernetes는`) both are.

use super::{WordPattern, WordPlace};

/// Builds a particle list: `""`, the particles every word takes, then the
/// given shape-dependent ones.
macro_rules! particles {
    ($($extra:literal),* $(,)?) => {
        &[
            "", "의", "에", "에서", "에게", "께", "께서", "도", "만", "까지", "부터", "보다",
            "처럼", "한테", "에서는", "에는", "에서도", "에도", "에서의", "에게는", "에게도",
            "까지는", "부터는", "만의", "만은", "뿐", "마다", "조차", "밖에", "에서만", "에만",
            $($extra),*
        ]
    };
}

/// After a syllable ending in a vowel.
const AFTER_VOWEL: &[&str] = particles!(
    "는",
    "가",
    "를",
    "와",
    "와의",
    "로",
    "로는",
    "로서",
    "로써",
    "로의",
    "로도",
    "나",
    "랑",
    "다",
    "였다",
    "입니다",
    "며",
    "고",
    "야",
    "여",
);

/// After a syllable ending in a consonant other than `ㄹ`.
const AFTER_CONSONANT: &[&str] = particles!(
    "은",
    "이",
    "을",
    "과",
    "과의",
    "으로",
    "으로는",
    "으로서",
    "으로써",
    "으로의",
    "으로도",
    "이나",
    "이랑",
    "이다",
    "이었다",
    "입니다",
    "이며",
    "이고",
    "아",
    "이여",
);

/// After `ㄹ`, which takes `로` like a vowel but `은/이/을/과` like a consonant.
const AFTER_RIEUL: &[&str] = particles!(
    "은",
    "이",
    "을",
    "과",
    "과의",
    "로",
    "로는",
    "로서",
    "로써",
    "로의",
    "로도",
    "이나",
    "이랑",
    "이다",
    "이었다",
    "입니다",
    "이며",
    "이고",
    "아",
    "이여",
);

/// After a word whose pronunciation the script does not show.
const AFTER_ANY: &[&str] = particles!(
    "는",
    "가",
    "를",
    "와",
    "와의",
    "로",
    "로는",
    "로서",
    "로써",
    "로의",
    "로도",
    "나",
    "랑",
    "은",
    "이",
    "을",
    "과",
    "과의",
    "으로",
    "으로는",
    "으로서",
    "으로써",
    "으로의",
    "으로도",
    "이나",
    "이랑",
    "이다",
    "이었다",
    "였다",
    "입니다",
    "이며",
    "이고",
);

/// The pattern for a Korean word: particles after the last word only.
pub(super) fn pattern(word: &str, place: WordPlace) -> Option<WordPattern> {
    if !place.is_last || word.is_empty() {
        return None;
    }
    Some(WordPattern {
        stem: word.to_owned(),
        endings: particles_after(word),
    })
}

/// The particle list that fits how `word` ends.
fn particles_after(word: &str) -> &'static [&'static str] {
    match word.chars().next_back().and_then(final_consonant) {
        Some(0) => AFTER_VOWEL,
        Some(RIEUL) => AFTER_RIEUL,
        Some(_) => AFTER_CONSONANT,
        None => AFTER_ANY,
    }
}

/// Index of `ㄹ` among the final consonants of a Hangul syllable.
const RIEUL: u32 = 8;

/// The final-consonant index of a precomposed Hangul syllable (0 = none),
/// or `None` for any other character (Unicode §3.12 syllable arithmetic).
fn final_consonant(c: char) -> Option<u32> {
    const FIRST: u32 = 0xAC00;
    const LAST: u32 = 0xD7A3;
    const FINALS: u32 = 28;
    let code = u32::from(c);
    (FIRST..=LAST)
        .contains(&code)
        .then(|| (code - FIRST) % FINALS)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_invariant, matches, INNER, LAST};
    use super::super::word_pattern_for;

    #[test]
    fn korean_particle_after_name() {
        assert!(matches("ko", "쿠버네티스", LAST, "쿠버네티스는"));
        assert!(matches("ko", "문화체육관광부", LAST, "문화체육관광부의"));
        assert!(matches("ko", "서울시", LAST, "서울시에서"));
        assert!(matches(
            "ko",
            "문화체육관광부",
            LAST,
            "문화체육관광부에서는"
        ));
        assert!(matches("ko", "문화체육관광부", LAST, "문화체육관광부"));
    }

    #[test]
    fn korean_particle_fits_last_syllable() {
        assert!(matches("ko", "문화체육관광부", LAST, "문화체육관광부는"));
        assert!(!matches("ko", "문화체육관광부", LAST, "문화체육관광부은"));
        assert!(matches("ko", "한국은행", LAST, "한국은행은"));
        assert!(matches("ko", "한국은행", LAST, "한국은행으로"));
        assert!(matches("ko", "서울", LAST, "서울로"));
        assert!(matches("ko", "서울", LAST, "서울이"));
    }

    #[test]
    fn korean_particle_after_latin_name() {
        assert!(matches("ko", "kubernetes", LAST, "kubernetes는"));
        assert!(matches("ko", "g20", LAST, "g20은"));
    }

    #[test]
    fn korean_inner_words_match_exactly() {
        assert_eq!(word_pattern_for("ko", "문화체육관광부", INNER), None);
        assert!(!matches("ko", "문화", INNER, "문화의"));
    }

    #[test]
    fn korean_compound_is_not_a_particle() {
        assert!(!matches("ko", "문화", LAST, "문화재"));
        assert!(!matches("ko", "서울시", LAST, "서울시청"));
    }

    #[test]
    fn korean_patterns_keep_the_bare_word() {
        assert_invariant(
            "ko",
            &[
                "쿠버네티스",
                "문화체육관광부",
                "서울",
                "한국은행",
                "g20",
                "부",
            ],
        );
    }
}
