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

/// The fold of the Latin-1 letter or sign whose UTF-8 is `C3 second`
/// (U+00C0 to U+00FF) when it is one character of the same two bytes,
/// given as its second byte (`Ä` → `ä`, `é` → `é`); `None` otherwise
/// (`ß` → `ss`).
pub(super) fn latin1(second: u8) -> Option<u8> {
    let index = usize::from(second.checked_sub(0x80)?);
    table().latin1.get(index).copied().flatten()
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
    /// [`latin1`] for each second byte from 0x80.
    latin1: [Option<u8>; 64],
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
            latin1: [None; 64],
        };
        for (second, slot) in (0x80..=0xBFu8).zip(&mut table.latin1) {
            let c = char::from(second + 0x40);
            *slot = index_of(c)
                .and_then(|index| table.entries[index])
                .and_then(|(start, len)| {
                    let start = usize::from(start);
                    table.text.get(start..start + usize::from(len))
                })
                .and_then(|folded| match folded.as_bytes() {
                    [0xC3, folded] => Some(*folded),
                    _ => None,
                });
        }
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
    fn latin1_letters_fold_byte_for_byte_in_their_block() {
        let second = |c: char| c.to_string().as_bytes()[1];
        assert_eq!(latin1(second('Ä')), Some(second('ä')));
        assert_eq!(latin1(second('ä')), Some(second('ä')));
        assert_eq!(latin1(second('Þ')), Some(second('þ')));
        assert_eq!(latin1(second('×')), Some(second('×')));
        assert_eq!(latin1(second('ß')), None, "two letters");
        assert_eq!(latin1(0x7F), None);
        // Every one agrees with the table.
        for c in '\u{C0}'..='\u{FF}' {
            let expect = lookup(c)
                .filter(|f| f.len() == 2 && f.starts_with(|l: char| l >= '\u{C0}'))
                .map(|f| f.as_bytes()[1]);
            assert_eq!(latin1(second(c)), expect, "{c}");
        }
    }
}
