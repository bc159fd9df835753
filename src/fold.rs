//! Folding (SPEC §2): turns text into the form both sides are compared in,
//! keeping a map from every folded byte back to the original bytes.
//!
//! Text is folded unit by unit. A unit is either a run of white space, which
//! becomes one ASCII space, or a normalization segment: a starter, the
//! combining marks after it, and any later starter that composes with it
//! (NFD Hangul jamo, UAX #15). A segment is put in NFC, case folded, and put
//! in NFC again. Every folded byte maps back to the whole unit it came from.
//!
//! The character-level steps (full-width ASCII, apostrophes, hyphens,
//! ignorable characters) run before segmentation. None of the characters they
//! touch has a canonical decomposition or case folds to anything but its own
//! kind, so the result equals applying them after case folding, with one
//! difference that folding needs to be idempotent: a combining mark after a
//! removed ignorable or a full-width letter composes with the letter
//! (`e` U+200B U+0301 folds to `é`, as its own fold would).
//!
//! Offsets are stored as `u32`: the original and the folded text must each be
//! shorter than 4 GiB.

use std::ops::Range;

use caseless::Caseless;
use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::{is_nfc, is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What to fold besides the always-on steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldOptions {
    /// Apply full Unicode case folding (off for `case_sensitive` comparisons).
    pub case: bool,
}

/// Folded text and the way back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    text: String,
    map: OffsetMap,
}

impl Folded {
    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range that produced the folded range `folded`.
    ///
    /// The range runs from the start of the unit that produced the first
    /// folded byte to the end of the unit that produced the last one, so
    /// ignorable characters after the last unit are left out and a folded
    /// space covers the whole white-space run. A bound inside a multi-byte
    /// expansion (inside the `ss` of `ß`) widens to the whole unit. An empty
    /// range maps to the start of the unit at its position, or to the end of
    /// the original at the end of the folded text. Bounds past the end of the
    /// folded text are clamped to it.
    pub fn original_span(&self, folded: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let start = folded.start.min(len);
        let end = folded.end.clamp(start, len);
        if start == len {
            let end_of_original = self.map.original_len as usize;
            return end_of_original..end_of_original;
        }
        let first = self.unit_start(start);
        if start == end {
            return first..first;
        }
        first..self.unit_end(end - 1)
    }

    /// Start of the unit that produced folded byte `pos` (`pos < len`).
    fn unit_start(&self, pos: usize) -> usize {
        let piece = self.map.piece_at(pos);
        if piece.run {
            let char_start = floor_char_boundary(&self.text, pos);
            piece.original as usize + (char_start - piece.folded as usize)
        } else {
            piece.original as usize
        }
    }

    /// End of the unit that produced folded byte `pos` (`pos < len`).
    fn unit_end(&self, pos: usize) -> usize {
        let piece = self.map.piece_at(pos);
        if piece.run {
            let char_end = ceil_char_boundary(&self.text, pos + 1);
            piece.original as usize + (char_end - piece.folded as usize)
        } else {
            piece.original_end as usize
        }
    }
}

/// Folds `text`, keeping the offset map.
///
/// # Panics
///
/// If `text` or its folded form is 4 GiB or longer.
pub fn fold(text: &str, options: FoldOptions) -> Folded {
    Folder::new(text, options).run()
}

/// Folds `text` when no way back is needed (glossary forms).
pub fn fold_str(text: &str, options: FoldOptions) -> String {
    fold(text, options).text
}

/// Where a stretch of folded text came from.
///
/// A `run` piece is a sequence of units that are each one character folding
/// to one character of the same byte length (ASCII, most letters, Han), so
/// folded and original bytes correspond one to one. Any other unit gets a
/// piece of its own, and every folded byte in it maps to the whole unit.
#[derive(Debug, Clone, Copy)]
struct Piece {
    folded: u32,
    original: u32,
    original_end: u32,
    run: bool,
}

/// Breakpoints of the folded-to-original map, looked up by binary search:
/// pure ASCII or Han text needs a single piece.
#[derive(Debug, Clone, Default)]
struct OffsetMap {
    pieces: Vec<Piece>,
    original_len: u32,
}

impl OffsetMap {
    fn push(&mut self, folded: usize, original: Range<usize>, run: bool) {
        if run {
            if let Some(last) = self.pieces.last_mut() {
                if last.run && last.original_end as usize == original.start {
                    last.original_end = offset(original.end);
                    return;
                }
            }
        }
        self.pieces.push(Piece {
            folded: offset(folded),
            original: offset(original.start),
            original_end: offset(original.end),
            run,
        });
    }

    /// The piece holding folded byte `pos`; the first piece starts at 0.
    fn piece_at(&self, pos: usize) -> Piece {
        let after = self.pieces.partition_point(|p| p.folded as usize <= pos);
        self.pieces[after.saturating_sub(1)]
    }
}

fn offset(pos: usize) -> u32 {
    u32::try_from(pos).expect("invariant: folded and original text are shorter than 4 GiB")
}

fn floor_char_boundary(text: &str, mut pos: usize) -> usize {
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

fn ceil_char_boundary(text: &str, mut pos: usize) -> usize {
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

/// A character after the character-level steps.
enum Class {
    Ignorable,
    Space,
    Char(char),
}

fn classify(c: char) -> Class {
    match c {
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Class::Ignorable,
        _ if c.is_whitespace() => Class::Space,
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => Class::Char('\''),
        '\u{2010}'..='\u{2013}' | '\u{2212}' => Class::Char('-'),
        '\u{FF01}'..='\u{FF5E}' => Class::Char(fullwidth_to_ascii(c)),
        _ => Class::Char(c),
    }
}

fn fullwidth_to_ascii(c: char) -> char {
    // U+FF01..=U+FF5E mirror U+0021..=U+007E at a fixed distance.
    char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
}

fn is_ascii_space(b: &u8) -> bool {
    // char::is_whitespace on ASCII; u8::is_ascii_whitespace omits U+000B.
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The normalization segment being collected, with the characters already
/// through the character-level steps.
#[derive(Default)]
struct Segment {
    start: usize,
    end: usize,
    chars: String,
    count: usize,
}

impl Segment {
    fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn begin(&mut self, at: usize) {
        self.start = at;
        self.chars.clear();
        self.count = 0;
    }

    fn push(&mut self, c: char, end: usize) {
        self.chars.push(c);
        self.count += 1;
        self.end = end;
    }

    /// Whether `c` belongs to this segment rather than starting the next.
    fn joins(&self, c: char) -> bool {
        if self.is_empty() {
            return false;
        }
        if canonical_combining_class(c) != 0 {
            return true;
        }
        // Only characters with NFC_Quick_Check=Maybe can be the second half
        // of a composition (UAX #15): Hangul V and T jamo, some vowel signs.
        if c.is_ascii() || is_nfc_quick(std::iter::once(c)) != IsNormalized::Maybe {
            return false;
        }
        let last = self.chars.chars().nfc().last();
        last.is_some_and(|l| canonical_combining_class(l) == 0 && compose(l, c).is_some())
    }
}

struct Folder<'t> {
    text: &'t str,
    case: bool,
    out: String,
    map: OffsetMap,
    space: Option<Range<usize>>,
    segment: Segment,
    scratch: String,
}

impl<'t> Folder<'t> {
    fn new(text: &'t str, options: FoldOptions) -> Self {
        let map = OffsetMap {
            pieces: Vec::new(),
            original_len: offset(text.len()),
        };
        Folder {
            text,
            case: options.case,
            out: String::with_capacity(text.len()),
            map,
            space: None,
            segment: Segment::default(),
            scratch: String::new(),
        }
    }

    fn run(mut self) -> Folded {
        let text = self.text;
        let mut pos = 0;
        while let Some(c) = text[pos..].chars().next() {
            if !c.is_ascii() {
                self.push_char(pos, c);
                pos += c.len_utf8();
                continue;
            }
            let end = pos
                + text.as_bytes()[pos..]
                    .iter()
                    .take_while(|b| b.is_ascii())
                    .count();
            // The last ASCII character before non-ASCII text may carry
            // combining marks, so it takes the general path.
            let fast_end = if end < text.len() { end - 1 } else { end };
            self.push_ascii(pos, fast_end);
            if fast_end < end {
                self.push_char(fast_end, char::from(text.as_bytes()[fast_end]));
            }
            pos = end;
        }
        self.flush_segment();
        self.flush_space();
        Folded {
            text: self.out,
            map: self.map,
        }
    }

    /// ASCII text none of whose characters is followed by a combining mark.
    fn push_ascii(&mut self, start: usize, end: usize) {
        if start == end {
            return;
        }
        self.flush_segment();
        let bytes = self.text.as_bytes();
        let mut pos = start;
        while pos < end {
            let word_end = bytes[pos..end]
                .iter()
                .position(is_ascii_space)
                .map_or(end, |n| pos + n);
            if word_end > pos {
                self.flush_space();
                self.push_ascii_word(pos, word_end);
            }
            let space_end = bytes[word_end..end]
                .iter()
                .position(|b| !is_ascii_space(b))
                .map_or(end, |n| word_end + n);
            if space_end > word_end {
                self.extend_space(word_end..space_end);
            }
            pos = space_end;
        }
    }

    fn push_ascii_word(&mut self, start: usize, end: usize) {
        let folded = self.out.len();
        self.out.push_str(&self.text[start..end]);
        if self.case {
            self.out[folded..].make_ascii_lowercase();
        }
        self.map.push(folded, start..end, true);
    }

    fn push_char(&mut self, at: usize, c: char) {
        let end = at + c.len_utf8();
        match classify(c) {
            Class::Ignorable => {}
            Class::Space => {
                self.flush_segment();
                self.extend_space(at..end);
            }
            Class::Char(mapped) if self.segment.joins(mapped) => self.segment.push(mapped, end),
            Class::Char(mapped) => {
                self.flush_segment();
                self.flush_space();
                self.segment.begin(at);
                self.segment.push(mapped, end);
            }
        }
    }

    fn extend_space(&mut self, range: Range<usize>) {
        match &mut self.space {
            Some(run) => run.end = range.end,
            None => self.space = Some(range),
        }
    }

    fn flush_space(&mut self) {
        if let Some(run) = self.space.take() {
            let folded = self.out.len();
            self.out.push(' ');
            // One ASCII white-space byte folds to one byte: a run piece.
            let one_byte = run.len() == 1;
            self.map.push(folded, run, one_byte);
        }
    }

    fn flush_segment(&mut self) {
        if self.segment.is_empty() {
            return;
        }
        let folded = self.out.len();
        fold_segment(
            &self.segment.chars,
            self.case,
            &mut self.scratch,
            &mut self.out,
        );
        let original = self.segment.start..self.segment.end;
        let produced = &self.out[folded..];
        let one_to_one = self.segment.count == 1
            && produced.len() == original.len()
            && produced.chars().nth(1).is_none();
        self.map.push(folded, original, one_to_one);
        self.segment.begin(self.segment.end);
    }
}

/// NFC, case folding, NFC again, appended to `out`.
fn fold_segment(segment: &str, case: bool, scratch: &mut String, out: &mut String) {
    if segment.is_ascii() {
        let start = out.len();
        out.push_str(segment);
        if case {
            out[start..].make_ascii_lowercase();
        }
        return;
    }
    scratch.clear();
    scratch.extend(segment.chars().nfc());
    if !case {
        out.push_str(scratch);
        return;
    }
    let start = out.len();
    out.extend(scratch.chars().default_case_fold());
    // Case folding can leave NFC: U+01F0 `ǰ` folds to `j` U+030C
    // (CaseFolding.txt), which NFC composes back (UAX #15).
    if !is_nfc(&out[start..]) {
        scratch.clear();
        scratch.extend(out[start..].chars().nfc());
        out.truncate(start);
        out.push_str(scratch);
    }
}
