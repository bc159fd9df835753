//! Prefixes written onto a name: Arabic and Hebrew write conjunctions,
//! prepositions and (Hebrew) the article as one word with what follows.
//! Arabic `لوزارة المالية` is `ل` "for" + `وزارة المالية`, Hebrew
//! `ובמשרד האוצר` is `ו` "and" + `ב` "in" + `משרד האוצר`. A form of such a
//! language, unless its entry says `inflect: false`, also matches right
//! after them. The match starts after the prefix: the report shows the
//! name, and `--fix` keeps the prefix.
//!
//! Where a prefix swallows a letter of the article it is followed too:
//! Arabic `ل` before the article `ال` drops its alif (`للأمم المتحدة` for
//! `ل` + `الأمم المتحدة`), and Hebrew `ב`, `כ`, `ל` swallow the article `ה`
//! (`בכנסת` for `ב` + `הכנסת`). [`elided_article`] names the letter; the
//! match then starts after the prefix, with the name's first letter
//! missing (`لأمم المتحدة`, `כנסת`).

use serde::{Deserialize, Serialize};

use crate::boundary::is_boundary;

/// Which prefixes a form's language writes onto the word that follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Proclitics {
    /// None: the form matches only where a word starts.
    #[default]
    None,
    /// Arabic: `و` or `ف`, then `ب`, `ل` or `ك`.
    Arabic,
    /// Hebrew: `ו`, `ש`, `ב`, `כ`, `ל`, `מ` and the article `ה`.
    Hebrew,
}

/// The prefixes of a language, by its primary subtag.
pub fn proclitics_for(primary: &str) -> Proclitics {
    match primary {
        "ar" => Proclitics::Arabic,
        "he" | "iw" => Proclitics::Hebrew,
        _ => Proclitics::None,
    }
}

/// Letters a prefix may be made of, in either language.
fn is_prefix_letter(c: char) -> bool {
    matches!(
        c,
        'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ו' | 'ש' | 'ב' | 'כ' | 'ל' | 'מ' | 'ה'
    )
}

/// At most this many letters make one prefix (Hebrew `וכשה`).
const MAX_LETTERS: usize = 4;

/// The language whose prefix `text` has right before `pos`, when the word
/// that holds `pos` starts with a whole prefix there; vowel marks on its
/// letters are allowed. `None` when `pos` is not preceded so.
pub fn before(text: &str, pos: usize) -> Option<Proclitics> {
    let prefix = prefix_before(text, pos)?;
    if is_arabic(&prefix) {
        Some(Proclitics::Arabic)
    } else if is_hebrew(&prefix) {
        Some(Proclitics::Hebrew)
    } else {
        None
    }
}

/// The prefix letters (vowel marks dropped) from the start of the word
/// that holds `pos` up to `pos`, when they are all letters a prefix may be
/// made of; `None` otherwise.
fn prefix_before(text: &str, pos: usize) -> Option<String> {
    let head = text.get(..pos)?;
    let mut start = pos;
    let mut letters = 0;
    for (i, c) in head.char_indices().rev() {
        if unicode_normalization::char::is_combining_mark(c) && letters < MAX_LETTERS {
            continue;
        }
        if !is_prefix_letter(c) || letters == MAX_LETTERS {
            break;
        }
        letters += 1;
        start = i;
    }
    if letters == 0 || !is_boundary(text, start) {
        return None;
    }
    let prefix: String = text[start..pos]
        .chars()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .collect();
    Some(prefix)
}

/// Letters of the article that a prefix swallows, each two bytes of UTF-8:
/// the Arabic alif of `ال` and the Hebrew `ה`.
pub const ELIDED_ARTICLES: [[u8; 2]; 2] = [[0xD8, 0xA7], [0xD7, 0x94]];

/// The article's letter that the prefix right before `pos` swallowed, when
/// the name at `pos` may be read with it in front: after an Arabic prefix
/// ending in `ل`, where `pos` holds the article's `ل` (`للأمم`), the alif;
/// after a Hebrew prefix ending in `ב`, `כ` or `ל` and holding no article
/// itself (`בכנסת`, `ולכנסת`), the `ה`.
pub fn elided_article(text: &str, pos: usize) -> Option<[u8; 2]> {
    let [alif, he] = ELIDED_ARTICLES;
    let prefix = prefix_before(text, pos)?;
    if is_arabic(&prefix) && prefix.ends_with('ل') && text[pos..].starts_with('ل') {
        Some(alif)
    } else if is_hebrew(&prefix) && prefix.ends_with(['ב', 'כ', 'ל']) {
        Some(he)
    } else {
        None
    }
}

/// `و` or `ف` "and", then `ب` "in", `ل` "for" or `ك` "like"; one or both.
fn is_arabic(prefix: &str) -> bool {
    let rest = prefix.strip_prefix(['و', 'ف']).unwrap_or(prefix);
    let rest = rest.strip_prefix(['ب', 'ل', 'ك']).unwrap_or(rest);
    rest.is_empty() && !prefix.is_empty()
}

/// `ו` "and" first, the article `ה` last, and between them `ש` "that"
/// and `ב`, `כ`, `ל`, `מ` ("in", "as", "to", "from"), each once.
fn is_hebrew(prefix: &str) -> bool {
    let rest = prefix.strip_prefix('ו').unwrap_or(prefix);
    let rest = rest.strip_suffix('ה').unwrap_or(rest);
    let middle: Vec<char> = rest.chars().collect();
    let allowed = middle
        .iter()
        .all(|c| matches!(c, 'ש' | 'ב' | 'כ' | 'ל' | 'מ'));
    let distinct = middle
        .iter()
        .enumerate()
        .all(|(i, c)| !middle[..i].contains(c));
    allowed && distinct && !prefix.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_name(text: &str, name: &str) -> Option<Proclitics> {
        let pos = text.find(name).expect("the name is in the text");
        before(text, pos)
    }

    #[test]
    fn arabic_conjunctions_and_prepositions_before_a_name() {
        for text in [
            "لوزارة",
            "بوزارة",
            "كوزارة",
            "ووزارة",
            "فوزارة",
            "ولوزارة",
            "فبوزارة",
        ] {
            assert_eq!(at_name(text, "وزارة"), Some(Proclitics::Arabic), "{text}");
        }
        // A vowel mark on the prefix.
        assert_eq!(at_name("لِوزارة", "وزارة"), Some(Proclitics::Arabic));
        assert_eq!(at_name("قال لوزارة", "وزارة"), Some(Proclitics::Arabic));
    }

    #[test]
    fn arabic_letters_that_are_no_prefix_hold_no_match() {
        // `ت` is no prefix; `لب` is in the wrong order; three prepositions
        // do not stack.
        for text in ["توزارة", "لبوزارة", "وبلكوزارة", "الوزارة"] {
            assert_eq!(at_name(text, "وزارة"), None, "{text}");
        }
    }

    #[test]
    fn hebrew_prefixes_before_a_name() {
        for text in [
            "במשרד",
            "למשרד",
            "ממשרד",
            "ומשרד",
            "שבמשרד",
            "ובמשרד",
            "כשהמשרד",
            "והמשרד",
        ] {
            assert_eq!(at_name(text, "משרד"), Some(Proclitics::Hebrew), "{text}");
        }
        for text in ["אבמשרד", "בבמשרד", "הבמשרד"] {
            assert_eq!(at_name(text, "משרד"), None, "{text}");
        }
    }

    #[test]
    fn the_article_a_prefix_swallowed_is_named() {
        let at = |text: &str, name: &str| {
            let pos = text.find(name).expect("the name is in the text");
            elided_article(text, pos)
        };
        let [alif, he] = ELIDED_ARTICLES;
        assert_eq!("ا".as_bytes(), alif);
        assert_eq!("ה".as_bytes(), he);
        for text in ["للأمم", "وللأمم", "فللأمم"] {
            assert_eq!(at(text, "لأمم"), Some(alif), "{text}");
        }
        for text in ["בכנסת", "לכנסת", "ובכנסת", "שבכנסת"] {
            assert_eq!(at(text, "כנסת"), Some(he), "{text}");
        }
        // `ب` keeps the article whole (`بالأمم`); `لوزارة` has no article;
        // `מ` and a written `ה` swallow nothing.
        assert_eq!(at("بلأمم", "لأمم"), None);
        assert_eq!(at("لوزارة", "وزارة"), None);
        assert_eq!(at("מכנסת", "כנסת"), None);
        assert_eq!(at("בהכנסת", "כנסת"), None);
        assert_eq!(at("ما لأمم", "لأمم"), None);
    }

    #[test]
    fn latin_and_han_text_has_no_prefixes() {
        assert_eq!(at_name("Kulturindustriepark", "park"), None);
        assert_eq!(at_name("文化和旅游部", "旅游部"), None);
        assert_eq!(at_name("park", "park"), None);
    }
}
