//! Word boundaries for matches (SPEC §2 "Boundaries"): whether a match found
//! in folded text may start or end at a given byte.
//!
//! Spaced scripts use UAX #29 word boundaries, evaluated on a small window
//! around the position so that checking one match never scans the document.
//! Next to a character of a script written without spaces (Han, Kana, Thai
//! and its neighbours, which UAX #29 cannot segment into words) every
//! position is a boundary, and so is every position next to an apostrophe,
//! between Hangul and another script, and at a middle dot next to Hangul.
//! No position before a combining mark is one, in any script.

use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// Characters of context kept on each side of the position, not counting
/// characters that attach to the one before them. The UAX #29 rules look at
/// most two such characters away (WB6, WB7, WB11, WB12).
const CONTEXT: usize = 16;

/// Whether a match may start or end at byte `pos` of folded `text`.
///
/// The ends of the text are boundaries; a position inside a character, or
/// past the end, is not.
pub fn is_boundary(text: &str, pos: usize) -> bool {
    if pos == 0 || pos == text.len() {
        return true;
    }
    if !text.is_char_boundary(pos) {
        return false;
    }
    let bytes = text.as_bytes();
    if let Some(plain) = ascii_boundary(bytes[pos - 1], bytes[pos]) {
        return plain;
    }
    let (Some(before), Some(after)) = (text[..pos].chars().next_back(), text[pos..].chars().next())
    else {
        return true;
    };
    // A match never parts a letter from the marks that follow it (a Thai
    // vowel sign, a virama), in any script: UAX #29 keeps them together
    // (WB4), and so must the scripts it does not segment.
    if is_combining_mark(after) || matches!(after, '\u{0E33}' | '\u{0EB3}') {
        return false;
    }
    if is_unspaced(before) || is_unspaced(after) {
        return true;
    }
    if is_korean_break(before, after) {
        return true;
    }
    // UAX #29 keeps `l'organisation` and `ministry's` one word (WB6, WB7);
    // SPEC §2 ends a word at the (folded) apostrophe, for elision. Between
    // two Cyrillic letters an apostrophe is part of the word (Ukrainian
    // and Belarusian `м'ясо`, `сям'я`), and UAX #29 decides.
    if (before == '\'' || after == '\'') && !inside_cyrillic_word(text, pos) {
        return true;
    }
    is_word_boundary(text, pos)
}

/// The answer for the commonest cases, from the two bytes around the
/// position alone: between two ASCII letters or digits there is never a
/// boundary (UAX #29 WB5, WB8–WB10), between one and an ASCII space always
/// (WB3d joins spaces only to spaces). Anything else needs the full rules.
fn ascii_boundary(before: u8, after: u8) -> Option<bool> {
    match (
        before.is_ascii_alphanumeric(),
        after.is_ascii_alphanumeric(),
    ) {
        (true, true) => Some(false),
        (true, false) if after == b' ' => Some(true),
        (false, true) if before == b' ' => Some(true),
        _ => None,
    }
}

/// Whether `c` belongs to a script written without spaces between words.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        // Han: CJK Unified Ideographs and Extension A, compatibility
        // ideographs, and planes 2 and 3 (Extensions B onwards and the
        // compatibility supplement); 々 〇 〻.
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
        | '\u{3005}' | '\u{3007}' | '\u{303B}'
        // Hiragana, Katakana (with ー U+30FC), Katakana Phonetic Extensions,
        // half-width Katakana.
        | '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{FF65}'..='\u{FF9F}'
        // Thai, Lao, Myanmar, Khmer: UAX #29 needs a dictionary for these.
        | '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
    )
}

/// Whether the apostrophe just before or after `pos` stands between two
/// Cyrillic letters.
fn inside_cyrillic_word(text: &str, pos: usize) -> bool {
    let apostrophe = if text[..pos].ends_with('\'') {
        pos - 1
    } else {
        pos
    };
    let before = text[..apostrophe].chars().next_back();
    let after = text[apostrophe + 1..].chars().next();
    let cyrillic = |c: Option<char>| {
        c.is_some_and(|c| {
            matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}') && c.is_alphabetic()
        })
    };
    cyrillic(before) && cyrillic(after)
}

/// Whether Korean writing ends a word between `before` and `after` where
/// UAX #29 does not: between Hangul and a letter or digit of another
/// script, since a name written in Latin letters takes its particles
/// without a space (`Linux를`, `API는`, `G20은`); and at a middle dot
/// (`·`, or `ㆍ` used as one) next to Hangul, which separates the names of
/// a list (`문화체육관광부·외교부`), where UAX #29 would join them as it
/// joins Catalan `l·l`.
fn is_korean_break(before: char, after: char) -> bool {
    let dot = |c: char| matches!(c, '\u{00B7}' | '\u{318D}');
    if (dot(before) && is_hangul(after)) || (is_hangul(before) && dot(after)) {
        return true;
    }
    is_hangul(before) != is_hangul(after) && before.is_alphanumeric() && after.is_alphanumeric()
}

/// Whether `c` is Hangul: syllables, jamo (conjoining, compatibility,
/// extended, half-width).
fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{AC00}'..='\u{D7A3}'
        | '\u{1100}'..='\u{11FF}'
        | '\u{3131}'..='\u{318E}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{D7B0}'..='\u{D7FF}'
        | '\u{FFA0}'..='\u{FFDC}'
    )
}

/// UAX #29 word boundary at `pos`, decided on a window around it.
fn is_word_boundary(text: &str, pos: usize) -> bool {
    let start = window_start(text, pos);
    let end = window_end(text, pos);
    let local = pos - start;
    text[start..end]
        .split_word_bound_indices()
        .map(|(at, _)| at)
        .take_while(|&at| at <= local)
        .any(|at| at == local)
}

/// Start of the window: `CONTEXT` characters back, moved further back while
/// it would split a run that UAX #29 reads as a whole (WB4 attaching
/// characters, WB15/WB16 regional-indicator pairs).
fn window_start(text: &str, pos: usize) -> usize {
    let mut counted = 0;
    let mut start = pos;
    for (at, c) in text[..pos].char_indices().rev() {
        start = at;
        if attaches_to_previous(c) || is_regional_indicator(c) {
            continue;
        }
        counted += 1;
        if counted == CONTEXT {
            break;
        }
    }
    start
}

/// End of the window: after `CONTEXT` characters and whatever attaches to
/// the last of them.
fn window_end(text: &str, pos: usize) -> usize {
    let mut counted = 0;
    for (at, c) in text[pos..].char_indices() {
        if attaches_to_previous(c) {
            continue;
        }
        if counted == CONTEXT {
            return pos + at;
        }
        counted += 1;
    }
    text.len()
}

/// Word_Break Extend, Format or ZWJ (UAX #29 WB4), approximated from above:
/// counting too many characters as attaching only widens the window.
fn attaches_to_previous(c: char) -> bool {
    is_combining_mark(c)
        || matches!(c,
            '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200C}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0000}'..='\u{E0FFF}'
        )
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boundaries(text: &str) -> Vec<usize> {
        (0..=text.len())
            .filter(|&pos| is_boundary(text, pos))
            .collect()
    }

    #[test]
    fn ends_of_text_are_boundaries() {
        assert!(is_boundary("", 0));
        assert!(is_boundary("park", 0));
        assert!(is_boundary("park", 4));
    }

    #[test]
    fn positions_inside_a_char_or_past_the_end_are_not() {
        assert!(!is_boundary("für", 2));
        assert!(!is_boundary("park", 5));
    }

    #[test]
    fn compound_word_has_no_inner_boundary() {
        let text = "die kulturindustrieparks sind";
        assert!(is_boundary(text, 4));
        assert!(is_boundary(text, 24));
        assert!(!is_boundary(text, 23));
        assert!(!is_boundary(text, 10));
    }

    #[test]
    fn full_stop_between_letters_keeps_one_word() {
        assert!(!is_boundary("park.de", 4));
        assert!(!is_boundary("park.de", 5));
    }

    #[test]
    fn hyphen_separates_words() {
        assert!(is_boundary("kultur-und", 6));
        assert!(is_boundary("kultur-und", 7));
    }

    #[test]
    fn every_han_position_is_a_boundary() {
        let text = "文化和旅游部发布";
        let expected: Vec<usize> = (0..=text.len()).step_by(3).collect();
        assert_eq!(boundaries(text), expected);
    }

    #[test]
    fn latin_word_between_han_is_bounded() {
        let text = "的icif展";
        assert!(is_boundary(text, 3));
        assert!(is_boundary(text, 7));
        assert!(!is_boundary(text, 5));
    }

    #[test]
    fn kana_and_thai_need_no_boundary() {
        assert!(is_boundary("トーキョー", 6));
        assert!(is_boundary("กระทรวงวัฒนธรรม", 9));
    }

    #[test]
    fn hangul_next_to_another_script_is_a_boundary() {
        // `Linux를`: a particle after a name in Latin letters.
        assert_eq!(boundaries("Linux를 써"), vec![0, 5, 8, 9, 12]);
        assert!(is_boundary("G20은", 3));
        assert!(is_boundary("쿠버네티스API", "쿠버네티스".len()));
        // Inside Hangul and inside Latin, UAX #29 as before.
        assert!(!is_boundary("문화부", 3));
        assert!(!is_boundary("Linux", 2));
    }

    #[test]
    fn middle_dot_separates_korean_names_not_catalan_letters() {
        let list = "문화부·외교부";
        assert!(is_boundary(list, "문화부".len()));
        assert!(is_boundary(list, "문화부·".len()));
        let jamo_dot = "문화부ㆍ외교부";
        assert!(is_boundary(jamo_dot, "문화부".len()));
        assert!(is_boundary(jamo_dot, "문화부ㆍ".len()));
        assert!(!is_boundary("col·lecció", 3));
        assert!(!is_boundary("col·lecció", 5));
    }

    #[test]
    fn marks_stay_with_their_letter_in_unspaced_scripts() {
        // Thai: คนี is one cluster after น; ทำ ends in SARA AM.
        assert!(!is_boundary("คนี", "คน".len()));
        assert!(!is_boundary("คนุ", "คน".len()));
        assert!(!is_boundary("ทำ", "ท".len()));
        assert!(is_boundary("คนดี", "คน".len()));
        // A mark after Han never starts a match either.
        assert!(!is_boundary("北\u{300}", "北".len()));
    }

    #[test]
    fn apostrophe_inside_a_cyrillic_word_is_no_boundary() {
        let text = "м'ясна поляна";
        assert!(!is_boundary(text, "м".len()));
        assert!(!is_boundary(text, "м'".len()));
        assert!(is_boundary(text, "м'ясна".len()));
        // Elision in Latin letters still ends the word.
        assert!(is_boundary("l'organisation", 2));
    }

    #[test]
    fn apostrophe_ends_french_elision() {
        assert!(is_boundary("l'organisation", 2));
        assert!(is_boundary("dell'unione", 5));
    }

    #[test]
    fn apostrophe_starts_english_possessive() {
        assert!(is_boundary("ministry's", 8));
        assert!(!is_boundary("ministry's", 7));
    }

    #[test]
    fn digits_and_letters_form_one_word() {
        assert!(!is_boundary("38jiayuan", 2));
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let text = "cafe\u{301} noir";
        assert!(!is_boundary(text, 4));
        assert!(is_boundary(text, 6));
    }

    #[test]
    fn long_run_of_marks_widens_the_window() {
        let marks = "\u{301}".repeat(40);
        let text = format!("a{marks}.b");
        let dot = 1 + marks.len();
        // WB4 then WB6/WB7: `a`, its marks, `.` and `b` are one word.
        assert!(!is_boundary(&text, dot));
        assert!(!is_boundary(&text, dot + 1));
    }

    #[test]
    fn regional_indicator_pairs_are_kept_across_a_long_run() {
        let flags = "🇩🇪".repeat(20);
        let text = format!("{flags}x");
        let pair = "🇩🇪".len();
        assert!(is_boundary(&text, 19 * pair));
        assert!(!is_boundary(&text, 19 * pair + pair / 2));
    }

    #[test]
    fn window_result_matches_whole_text_segmentation() {
        let text = "the ministry of culture and tourism, ürümqi-2024 park.de 3.14 o'neill";
        let whole: Vec<usize> = text
            .split_word_bound_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .filter(|&at| {
                let before = text[..at].chars().next_back();
                let after = text[at..].chars().next();
                before != Some('\'') && after != Some('\'')
            })
            .collect();
        let local: Vec<usize> = boundaries(text)
            .into_iter()
            .filter(|&at| !text[..at].ends_with('\'') && !text[at..].starts_with('\''))
            .collect();
        assert_eq!(local, whole);
    }

    fn spaced_char() -> impl proptest::strategy::Strategy<Value = char> {
        use proptest::prelude::*;
        prop_oneof![
            4 => proptest::char::range('a', 'z'),
            1 => prop::sample::select(vec![' ', '.', ',', ':', '-', '_', '0', '7', '@']),
            1 => proptest::char::range('\u{300}', '\u{36F}'),
            1 => proptest::char::range('\u{1F1E6}', '\u{1F1FF}'),
            1 => proptest::char::range('\u{5D0}', '\u{5EA}'),
            1 => prop::sample::select(vec!['\u{5F3}', '\u{5F4}', '"', '\u{200D}', '😀']),
        ]
    }

    #[test]
    fn ascii_shortcut_agrees_with_the_full_rules() {
        let around = [
            "", "a", "1", " ", ".", ":", "'", "_", "\u{300}", "\u{200D}", "é", "北",
        ];
        let pair = ["a", "Z", "0", "9", " "];
        for first in around {
            for b in pair {
                for a in pair {
                    for last in around {
                        let text = format!("{first}{b}{a}{last}");
                        let pos = first.len() + 1;
                        let full = is_word_boundary(&text, pos);
                        if ascii_boundary(b.as_bytes()[0], a.as_bytes()[0]).is_some() {
                            assert_eq!(is_boundary(&text, pos), full, "{text:?} at {pos}");
                        }
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn window_agrees_with_whole_text(chars in proptest::collection::vec(spaced_char(), 0..80)) {
            let text: String = chars.into_iter().collect();
            let whole: Vec<usize> = text
                .split_word_bound_indices()
                .map(|(at, _)| at)
                .chain([text.len()])
                .collect();
            proptest::prop_assert_eq!(boundaries(&text), whole);
        }
    }
}
