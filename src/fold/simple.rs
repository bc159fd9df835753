//! Characters that fold on their own, looked up in a table instead of
//! going through normalization segments one at a time.
//!
//! A *simple* character never joins the normalization segment before it
//! (combining class 0, NFC quick check Yes) and is not white space or
//! ignorable. When the character after it is ASCII or simple too, nothing
//! can join its segment either, so its fold is the fold of the character
//! alone: NFC, full case folding, NFC again — computed once per character
//! and kept. The table covers the ranges most text outside ASCII and
//! CJK ideographs is written in: Latin, Greek, Cyrillic, Armenian, Hebrew,
//! Arabic, general punctuation, CJK punctuation and full-width forms.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized};

use super::{classify, fold_segment, Class};

/// The code points the table covers, as half-open ranges.
const RANGES: [(u32, u32); 4] = [
    (0x80, 0x800),
    (0x2000, 0x2070),
    (0x3000, 0x3040),
    (0xFF00, 0xFFF0),
];

/// The case-folded text of `c` when it is simple and in the table.
pub(super) fn lookup(c: char) -> Option<&'static str> {
    let index = index_of(c)?;
    let (start, len) = table().entries[index]?;
    let start = usize::from(start);
    table().text.get(start..start + usize::from(len))
}

/// The fold of the two-byte character `lead second` (U+0080 to U+07FF:
/// Latin-1, Latin Extended, Greek, Cyrillic, Armenian, Hebrew, Arabic…)
/// when it is simple and its fold is one character of two bytes as well
/// (`Ä` → `ä`, `Ж` → `ж`, `Σ` → `σ`, `ب` → `ب`); `None` otherwise (`ß` →
/// `ss`, a combining mark, a byte pair that is not such a character).
#[inline]
pub(super) fn two_byte(lead: u8, second: u8) -> Option<[u8; 2]> {
    if lead.wrapping_sub(0xC2) >= 30 || second & 0xC0 != 0x80 {
        return None;
    }
    let code = (usize::from(lead & 0x1F) << 6) | usize::from(second & 0x3F);
    table().two_byte[code - 0x80]
}

/// Whether the two-byte character `lead second` is simple (it then starts
/// a segment of its own), whatever its fold's length.
#[inline]
pub(super) fn two_byte_starts_alone(lead: u8, second: u8) -> bool {
    let code = (u32::from(lead & 0x1F) << 6) | u32::from(second & 0x3F);
    (0xC2..=0xDF).contains(&lead)
        && (0x80..=0xBF).contains(&second)
        && table().entries[(code - 0x80) as usize].is_some()
}

/// Whether `c` never joins the segment before it: ASCII, or simple.
pub(super) fn starts_alone(c: char) -> bool {
    c.is_ascii() || index_of(c).is_some_and(|index| table().entries[index].is_some())
}

fn index_of(c: char) -> Option<usize> {
    let code = u32::from(c);
    let mut base = 0;
    for (start, end) in RANGES {
        if (start..end).contains(&code) {
            return usize::try_from(code - start + base).ok();
        }
        base += end - start;
    }
    None
}

/// Every simple character's folded text, one after the other, and where
/// each one's is (start, length): one lookup, no decoding.
struct Table {
    text: String,
    entries: Vec<Option<(u16, u8)>>,
    /// [`two_byte`] for each code point from U+0080 to U+07FF.
    two_byte: Vec<Option<[u8; 2]>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut text = String::new();
        let entries = RANGES
            .iter()
            .flat_map(|&(start, end)| start..end)
            .map(|code| {
                let folded = char::from_u32(code).and_then(compute)?;
                let start = u16::try_from(text.len()).ok()?;
                let len = u8::try_from(folded.len()).ok()?;
                text.push_str(&folded);
                Some((start, len))
            })
            .collect();
        let mut table = Table {
            text,
            entries,
            two_byte: Vec::new(),
        };
        // The table's first range starts at U+0080: its first 1,920
        // entries are the two-byte characters, in order.
        table.two_byte = (0x80..0x800)
            .map(|code: usize| {
                let (start, len) = table.entries[code - 0x80]?;
                let start = usize::from(start);
                let folded = table.text.get(start..start + usize::from(len))?;
                match (folded.as_bytes(), folded.chars().count()) {
                    (&[lead, second], 1) => Some([lead, second]),
                    _ => None,
                }
            })
            .collect();
        table
    })
}

fn compute(c: char) -> Option<String> {
    let Class::Char(mapped) = classify(c) else {
        return None;
    };
    let alone = canonical_combining_class(mapped) == 0
        && is_nfc_quick(std::iter::once(mapped)) == IsNormalized::Yes;
    if !alone {
        return None;
    }
    let (mut scratch, mut out) = (String::new(), String::new());
    fold_segment(
        mapped.encode_utf8(&mut [0; 4]),
        true,
        &mut scratch,
        &mut out,
    );
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_punctuation_are_simple_marks_and_spaces_are_not() {
        let folded = |c| lookup(c).map(str::to_string);
        assert_eq!(folded('Ü').as_deref(), Some("ü"));
        assert_eq!(folded('ß').as_deref(), Some("ss"));
        assert_eq!(folded('Ж').as_deref(), Some("ж"));
        assert_eq!(folded('，').as_deref(), Some(","));
        assert_eq!(folded('’').as_deref(), Some("'"));
        assert_eq!(folded('\u{0301}'), None, "a combining mark joins");
        assert_eq!(folded('\u{00A0}'), None, "white space");
        assert_eq!(folded('\u{00AD}'), None, "ignorable");
        assert_eq!(folded('\u{3000}'), None, "ideographic space");
        assert_eq!(folded('北'), None, "outside the table");
    }

    #[test]
    fn two_byte_letters_fold_byte_for_byte() {
        let bytes = |c: char| {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            [b[0], b[1]]
        };
        let folded = |c: char| two_byte(bytes(c)[0], bytes(c)[1]);
        assert_eq!(folded('Ä'), Some(bytes('ä')));
        assert_eq!(folded('ä'), Some(bytes('ä')));
        assert_eq!(folded('Ж'), Some(bytes('ж')));
        assert_eq!(folded('Σ'), Some(bytes('σ')));
        assert_eq!(folded('ς'), Some(bytes('σ')));
        assert_eq!(folded('Ÿ'), Some(bytes('ÿ')), "into another lead byte");
        assert_eq!(folded('ب'), Some(bytes('ب')), "no case: itself");
        assert_eq!(folded('ß'), None, "two letters");
        assert_eq!(folded('İ'), None, "three bytes");
        assert_eq!(folded('\u{2BC}'), None, "an apostrophe: one byte");
        assert_eq!(folded('\u{301}'), None, "a combining mark");
        assert_eq!(folded('\u{A0}'), None, "white space");
        assert_eq!(folded('\u{AD}'), None, "ignorable");
        assert_eq!(two_byte(0xC3, 0x41), None, "not a continuation byte");
        assert_eq!(two_byte(0xC1, 0x81), None, "an overlong lead");
        assert_eq!(two_byte(0xE0, 0x80), None, "a three-byte lead");
        assert!(!two_byte_starts_alone(0xC3, 0x41));
        assert!(!two_byte_starts_alone(0xE0, 0x80));
        // Every one agrees with the table.
        for c in '\u{80}'..='\u{7FF}' {
            let expect = lookup(c)
                .filter(|f| f.len() == 2 && f.chars().count() == 1)
                .map(|f| [f.as_bytes()[0], f.as_bytes()[1]]);
            assert_eq!(folded(c), expect, "{c:?}");
            assert_eq!(
                two_byte_starts_alone(bytes(c)[0], bytes(c)[1]),
                starts_alone(c),
                "{c:?}"
            );
        }
    }
}
