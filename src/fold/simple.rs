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
//! The scripts from U+0800 to U+1FFF (the Indic scripts, Thai, Lao,
//! Tibetan, Myanmar, Georgian, Ethiopic, Khmer, Vietnamese's Latin
//! Extended Additional, Greek Extended…) have tables of their own, one per
//! 256 code points, each made when text first uses it.

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

/// The code points of the tables made one page at a time.
const PAGED: (u32, u32) = (0x800, 0x2000);

/// The case-folded text of `c` when it is simple and in a table.
pub(super) fn lookup(c: char) -> Option<&'static str> {
    if let Some(page) = page_of(c) {
        return page.get((u32::from(c) & 0xFF) as usize);
    }
    let index = index_of(c)?;
    table().folds.get(index)
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
        && table().folds.has((code - 0x80) as usize)
}

/// Whether the three-byte character `bytes` (from U+0800 to U+1FFF: the
/// Indic scripts, Thai, Lao, Georgian, Ethiopic…) is simple and folds to
/// itself (`क`, `ก`, `ა`; not the Georgian capital `Ა`, nor a mark that
/// joins the letter before it). Any other bytes are not.
#[inline]
pub(super) fn three_byte_same(bytes: [u8; 3]) -> bool {
    let [lead, second, third] = bytes;
    let paged = lead == 0xE1 || lead == 0xE0 && second >= 0xA0;
    if !paged || second & 0xC0 != 0x80 || third & 0xC0 != 0x80 {
        return false;
    }
    let code =
        (u32::from(lead & 0x0F) << 12) | (u32::from(second & 0x3F) << 6) | u32::from(third & 0x3F);
    char::from_u32(code)
        .and_then(page_of)
        .is_some_and(|page| page.same((code & 0xFF) as usize))
}

/// Whether `c` is in the tables made one page at a time ([`PAGED`]).
#[inline]
pub(super) fn is_paged(c: char) -> bool {
    (PAGED.0..PAGED.1).contains(&u32::from(c))
}

/// Whether `c` never joins the segment before it: ASCII, or simple.
pub(super) fn starts_alone(c: char) -> bool {
    if let Some(page) = page_of(c) {
        return page.has((u32::from(c) & 0xFF) as usize);
    }
    c.is_ascii() || index_of(c).is_some_and(|index| table().folds.has(index))
}

/// Code points in a row, each simple one's folded text one after the
/// other, and where each one's is (start, length): one lookup, no
/// decoding.
struct Folds {
    text: String,
    entries: Vec<Option<(u16, u8)>>,
    /// Whether each code point is simple and folds to itself.
    same: Vec<bool>,
}

impl Folds {
    fn of(codes: impl Iterator<Item = u32>) -> Folds {
        let mut text = String::new();
        let mut same = Vec::new();
        let entries = codes
            .map(|code| {
                let c = char::from_u32(code);
                let folded = c.and_then(compute);
                same.push(folded.is_some() && folded.as_deref() == c.map(String::from).as_deref());
                let folded = folded?;
                let start = u16::try_from(text.len()).ok()?;
                let len = u8::try_from(folded.len()).ok()?;
                text.push_str(&folded);
                Some((start, len))
            })
            .collect();
        Folds {
            text,
            entries,
            same,
        }
    }

    /// Whether code point number `index` of the row is simple and folds
    /// to itself.
    fn same(&self, index: usize) -> bool {
        self.same.get(index).copied().unwrap_or(false)
    }

    /// The folded text of code point number `index` of the row, when it
    /// is simple.
    fn get(&self, index: usize) -> Option<&str> {
        let (start, len) = (*self.entries.get(index)?)?;
        let start = usize::from(start);
        self.text.get(start..start + usize::from(len))
    }

    /// Whether code point number `index` of the row is simple.
    fn has(&self, index: usize) -> bool {
        self.entries.get(index).is_some_and(Option::is_some)
    }
}

/// The page of `c` when `c` is in [`PAGED`], made on first use.
fn page_of(c: char) -> Option<&'static Folds> {
    const COUNT: usize = ((PAGED.1 - PAGED.0) >> 8) as usize;
    static PAGES: [OnceLock<Folds>; COUNT] = [const { OnceLock::new() }; COUNT];
    let code = u32::from(c);
    if !is_paged(c) {
        return None;
    }
    let first = code & !0xFF;
    let page = &PAGES[((first - PAGED.0) >> 8) as usize];
    Some(page.get_or_init(|| Folds::of(first..first + 0x100)))
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

/// The folds of every code point of [`RANGES`], in order.
struct Table {
    folds: Folds,
    /// [`two_byte`] for each code point from U+0080 to U+07FF.
    two_byte: Vec<Option<[u8; 2]>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let folds = Folds::of(RANGES.iter().flat_map(|&(start, end)| start..end));
        // The table's first range starts at U+0080: its first 1,920
        // entries are the two-byte characters, in order.
        let two_byte = (0..0x780)
            .map(|index| match folds.get(index).map(str::as_bytes) {
                // One character of two bytes, not two ASCII ones (`ß` → `ss`).
                Some(&[lead, second]) if lead >= 0xC2 => Some([lead, second]),
                _ => None,
            })
            .collect();
        Table { folds, two_byte }
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
    fn scripts_from_u0800_fold_from_their_pages() {
        let folded = |c| lookup(c).map(str::to_string);
        assert_eq!(folded('क').as_deref(), Some("क"), "Devanagari");
        assert_eq!(folded('ก').as_deref(), Some("ก"), "Thai");
        assert_eq!(
            folded('\u{1C90}').as_deref(),
            Some("\u{10D0}"),
            "Georgian Mtavruli"
        );
        assert_eq!(folded('Ạ').as_deref(), Some("ạ"), "Vietnamese");
        assert_eq!(folded('\u{1FB3}').as_deref(), Some("αι"), "Greek Extended");
        assert_eq!(folded('\u{93C}'), None, "a nukta joins");
        assert_eq!(
            folded('\u{9BE}'),
            None,
            "composes with the letter before it"
        );
        assert_eq!(folded('\u{1161}'), None, "a Hangul vowel jamo composes");
        assert_eq!(folded('\u{1680}'), None, "Ogham space");
        assert!(starts_alone('क') && !starts_alone('\u{93C}'));
        // Every code point of the pages agrees with folding it alone.
        for c in ('\u{800}'..'\u{2000}').filter(|&c| lookup(c).is_some()) {
            let mut alone = String::new();
            fold_segment(
                c.encode_utf8(&mut [0; 4]),
                true,
                &mut String::new(),
                &mut alone,
            );
            assert_eq!(lookup(c), Some(alone.as_str()), "{c:?}");
        }
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
