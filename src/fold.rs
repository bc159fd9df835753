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
//! ignorable characters, white space) run before segmentation. None of the
//! characters they touch has a canonical decomposition, so this equals running
//! them after NFC, except in a way idempotence needs: a combining mark after a
//! removed ignorable or a full-width letter composes with the letter
//! (`e` U+200B U+0301 folds to `é`, as its own fold would). Apostrophes,
//! hyphens and full-width forms are mapped again after case folding, which
//! can produce one (U+0149 `ŉ` folds to U+02BC `ʼn`).
//!
//! Offsets are stored as `u32`: the original and the folded text must each be
//! shorter than 4 GiB.

mod scan;
mod simple;

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

/// The pieces an offset map makes room for at first.
const MAP_ROOM: usize = 8;

/// Breakpoints of the folded-to-original map, looked up by binary search:
/// pure ASCII or Han text needs a single piece.
#[derive(Debug, Clone, Default)]
struct OffsetMap {
    pieces: Vec<Piece>,
    original_len: u32,
}

impl OffsetMap {
    #[inline]
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

/// The end of the marks that folding leaves out (Arabic vowel marks)
/// right after byte `at` of `text`: where a span ending at `at` should
/// end so as not to cut them off their letter.
pub fn marks_after(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else {
        return at;
    };
    let marks: usize = rest
        .chars()
        .take_while(|&c| {
            unicode_normalization::char::is_combining_mark(c)
                && matches!(classify(c), Class::Ignorable)
        })
        .map(char::len_utf8)
        .sum();
    at + marks
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
        // Bidirectional formatting controls (marks, embeddings, overrides,
        // isolates) are as invisible as zero-width characters: right-to-left
        // text often wraps a Latin name in them (UAX #9).
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Class::Ignorable,
        // Arabic tatweel and vowel marks (harakat, shadda, sukun, dagger
        // alef, Quranic annotation): most text is written without them, so
        // a name is the same name with them. Not the hamza and madda
        // marks, which are part of letters (`أ` is `ا` and U+0654). (Hebrew
        // points are not: the presentation forms decompose into them after
        // this step.)
        '\u{0640}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{0652}'
        | '\u{0656}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' => Class::Ignorable,
        _ if c.is_whitespace() => Class::Space,
        _ => Class::Char(fold_punctuation(c)),
    }
}

/// Full-width ASCII, apostrophes and hyphens (SPEC §2).
fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        '\u{2010}'..='\u{2013}' | '\u{2212}' => '-',
        '\u{FF01}'..='\u{FF5E}' => fullwidth_to_ascii(c),
        '\u{FF65}'..='\u{FF9F}' => halfwidth_to_katakana(c),
        _ => c,
    }
}

/// A character that every step leaves as it is and that never composes
/// with the character before it: CJK ideographs, kana and Hangul
/// syllables (no case, no decomposition, never the second half of a
/// composition). A mark after one may still compose with it.
fn is_plain_wide(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}')
}

fn fullwidth_to_ascii(c: char) -> char {
    // U+FF01..=U+FF5E mirror U+0021..=U+007E at a fixed distance.
    char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
}

/// Half-width katakana as the full-width letters they stand for (their
/// compatibility mapping): `ｶｰﾄﾞ` reads as `カード`, the voicing marks
/// `ﾞ ﾟ` becoming the combining ones that NFC joins to the letter before.
fn halfwidth_to_katakana(c: char) -> char {
    let mut mapped = std::iter::once(c).nfkc();
    match (mapped.next(), mapped.next()) {
        (Some(one), None) => one,
        _ => c,
    }
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
    /// Copy plain CJK stretches as they are and fold simple characters
    /// from a table (off only to test that the shortcuts change nothing).
    shortcuts: bool,
    out: String,
    map: OffsetMap,
    space: Option<Range<usize>>,
    segment: Segment,
    scratch: String,
}

impl<'t> Folder<'t> {
    fn new(text: &'t str, options: FoldOptions) -> Self {
        let map = OffsetMap {
            pieces: Vec::with_capacity(MAP_ROOM),
            original_len: offset(text.len()),
        };
        Folder {
            text,
            case: options.case,
            shortcuts: true,
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
            if self.shortcuts && is_plain_wide(c) {
                pos = self.push_plain_wide(pos);
                continue;
            }
            // Empty when `c` is neither ASCII nor a two- or three-byte
            // character that can stand alone.
            let (end, two_byte) = if c.len_utf8() <= 2 || simple::is_paged(c) {
                self.fast_stretch_end(pos)
            } else {
                (pos, false)
            };
            if end == pos {
                let end = pos + c.len_utf8();
                match self.simple_alone(c, end) {
                    Some(folded) => self.push_simple(pos..end, folded),
                    None => self.push_char(pos, c),
                }
                pos = end;
                continue;
            }
            // The stretch ends with a character followed by one that
            // starts a segment of its own, or with an ASCII character.
            // That one may carry combining marks, so it takes the general
            // path, unless what follows starts a segment of its own.
            let fast_end = if self.next_starts_alone(end) {
                end
            } else {
                end - 1
            };
            self.push_ascii(pos, fast_end, two_byte);
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

    /// End of the stretch from `pos` that folds byte for byte: ASCII,
    /// two-byte characters whose fold is one character of two bytes
    /// ([`simple::two_byte`]: `ä`, `Ö` → `ö`, `Ж` → `ж`, `Σ` → `σ`, Arabic
    /// and Hebrew letters) and three-byte ones that fold to themselves
    /// (Devanagari, Thai, Georgian letters), each followed by a character
    /// that starts a segment of its own. German, French, Russian, Greek,
    /// Arabic, Hindi, Thai or Georgian words then stay on the fast path
    /// through their letters. `pos` when the character there is none of
    /// these. Also whether the stretch holds a two-byte character.
    fn fast_stretch_end(&self, pos: usize) -> (usize, bool) {
        let bytes = self.text.as_bytes();
        let ascii_end =
            |at: usize| at + scan::first_non_ascii(&bytes[at..]).unwrap_or(bytes.len() - at);
        let mut end = ascii_end(pos);
        if !(self.case && self.shortcuts) {
            return (end, false);
        }
        let mut two_byte = false;
        loop {
            while let (Some(&lead), Some(&second)) = (bytes.get(end), bytes.get(end + 1)) {
                if simple::two_byte(lead, second).is_none()
                    || !self.next_starts_alone_in_stretch(end + 2)
                {
                    break;
                }
                two_byte = true;
                end += 2;
                if bytes.get(end).is_some_and(u8::is_ascii) {
                    end = ascii_end(end);
                }
            }
            if !(self.three_byte_same_at(end) && self.next_starts_alone_in_stretch(end + 3)) {
                break;
            }
            end += 3;
            if bytes.get(end).is_some_and(u8::is_ascii) {
                end = ascii_end(end);
            }
        }
        (end, two_byte)
    }

    /// Whether the character at `at` is one of three bytes that folds to
    /// itself ([`simple::three_byte_same`]: Devanagari, Thai, Georgian
    /// letters…).
    #[inline]
    fn three_byte_same_at(&self, at: usize) -> bool {
        match self.text.as_bytes().get(at..at + 3) {
            Some(&[lead @ (0xE0 | 0xE1), second, third]) => {
                simple::three_byte_same([lead, second, third])
            }
            _ => false,
        }
    }

    /// A stretch of [`is_plain_wide`] characters from `start`, copied as
    /// they are; the last one takes the general path when non-ASCII text
    /// follows (it may be a combining mark or a voicing mark that composes
    /// with it). Returns where the stretch ends.
    fn push_plain_wide(&mut self, start: usize) -> usize {
        let text = self.text;
        let mut end = start;
        let mut last = start;
        for c in text[start..].chars().take_while(|&c| is_plain_wide(c)) {
            last = end;
            end += c.len_utf8();
        }
        let fast_end = if self.next_starts_alone(end) {
            end
        } else {
            last
        };
        if fast_end > start {
            self.flush_segment();
            self.flush_space();
            let folded = self.out.len();
            self.out.push_str(&text[start..fast_end]);
            self.map.push(folded, start..fast_end, true);
        }
        if fast_end < end {
            let c = text[fast_end..].chars().next().unwrap_or_default();
            self.push_char(fast_end, c);
        }
        end
    }

    /// Whether the character at `at` (if any) starts a segment of its own,
    /// so that nothing before it needs to wait for it: ASCII, a CJK
    /// ideograph, kana or Hangul syllable (never the second half of a
    /// composition), or a simple character.
    fn next_starts_alone(&self, at: usize) -> bool {
        let next = self.text[at..].chars().next();
        next.is_none_or(|c| {
            c.is_ascii()
                || self.shortcuts && (is_plain_wide(c) || self.case && simple::starts_alone(c))
        })
    }

    /// [`Folder::next_starts_alone`] inside a stretch of [`Folder::fast_stretch_end`],
    /// where the next character is most often ASCII or another two-byte
    /// one, looked up from its bytes.
    #[inline]
    fn next_starts_alone_in_stretch(&self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        match (bytes.get(at), bytes.get(at + 1)) {
            (None, _) => true,
            (Some(b), _) if b.is_ascii() => true,
            (Some(&lead), Some(&second)) if simple::two_byte_starts_alone(lead, second) => true,
            _ => self.next_starts_alone(at),
        }
    }

    /// The table's fold of `c` (ending at byte `end`) when it stands alone:
    /// simple itself, and followed by a character that starts a segment of
    /// its own. The table holds case-folded text only.
    fn simple_alone(&self, c: char, end: usize) -> Option<&'static str> {
        if !self.case || !self.shortcuts {
            return None;
        }
        let folded = simple::lookup(c)?;
        self.next_starts_alone(end).then_some(folded)
    }

    /// A simple character's folded text for `original`.
    fn push_simple(&mut self, original: Range<usize>, folded: &str) {
        self.flush_segment();
        self.flush_space();
        let at = self.out.len();
        self.out.push_str(folded);
        let one_to_one = folded.len() == original.len() && folded.chars().nth(1).is_none();
        self.map.push(at, original, one_to_one);
    }

    /// ASCII text, with two-byte characters that fold byte for byte when
    /// `two_byte` (see [`Folder::fast_stretch_end`]), none of whose
    /// characters is followed by a combining mark.
    fn push_ascii(&mut self, start: usize, end: usize, two_byte: bool) {
        if start == end {
            return;
        }
        self.flush_segment();
        let bytes = self.text.as_bytes();
        let mut pos = start;
        while pos < end {
            let spaces = bytes[pos..end]
                .iter()
                .take_while(|b| is_ascii_space(b))
                .count();
            if spaces > 0 {
                self.extend_space(pos..pos + spaces);
                pos += spaces;
                continue;
            }
            self.flush_space();
            let stretch_end = scan::simple_stretch_end(bytes, pos, end);
            self.push_ascii_stretch(pos, stretch_end, two_byte);
            pos = stretch_end;
        }
    }

    /// Copies text of [`Folder::push_ascii`] whose white space is single
    /// bytes between other bytes: it folds byte for byte, so it is one run
    /// piece.
    fn push_ascii_stretch(&mut self, start: usize, end: usize, two_byte: bool) {
        let folded = self.out.len();
        self.out.push_str(&self.text[start..end]);
        if self.case {
            self.out[folded..].make_ascii_lowercase();
            if two_byte {
                self.lower_two_byte(folded);
            }
        }
        let mut pos = folded;
        while let Some(n) = scan::first_control_space(&self.out.as_bytes()[pos..]) {
            pos += n;
            self.out.replace_range(pos..pos + 1, " ");
        }
        self.map.push(folded, start..end, true);
    }

    /// Folds the two-byte characters in the output from byte `from` (`Ä`
    /// → `ä`, `Ж` → `ж`): the output there holds only ASCII, characters
    /// [`simple::two_byte`] folds, each to two bytes, and three-byte ones
    /// that fold to themselves.
    fn lower_two_byte(&mut self, from: usize) {
        let mut at = from;
        loop {
            let lead = match self.out.as_bytes().get(at) {
                None => return,
                Some(b) if !b.is_ascii() => at,
                Some(_) => match scan::first_non_ascii(&self.out.as_bytes()[at..]) {
                    Some(i) => at + i,
                    None => return,
                },
            };
            let bytes = self.out.as_bytes();
            // Past the character; one of three bytes folds to itself.
            at = lead + 2 + usize::from(bytes[lead] >= 0xE0);
            let original = [bytes[lead], bytes[lead + 1]];
            let Some(folded) = simple::two_byte(original[0], original[1]) else {
                continue;
            };
            if folded == original {
                continue;
            }
            let Ok(folded) = std::str::from_utf8(&folded) else {
                continue;
            };
            self.out.replace_range(lead..lead + 2, folded);
        }
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
    let nfc = match single_nfc_char(segment) {
        // Most segments are one character already in NFC (UAX #15 quick check).
        Some(_) => segment,
        None => {
            scratch.clear();
            scratch.extend(segment.chars().nfc());
            scratch
        }
    };
    let start = out.len();
    if case {
        case_fold_into(nfc, out);
    } else {
        out.push_str(nfc);
    }
    comma_below(out, start);
}

/// Romanian `ș` and `ț` are often typed with a cedilla instead of the comma
/// below (`ş`, `ţ`: older keyboards and code pages had no other), so both
/// sides read the cedilla as the comma: `Finanţelor` matches `Finanțelor`.
fn comma_below(out: &mut String, start: usize) {
    fn comma(c: char) -> char {
        match c {
            'ş' => 'ș',
            'Ş' => 'Ș',
            'ţ' => 'ț',
            'Ţ' => 'Ț',
            other => other,
        }
    }
    if out[start..].contains(|c| comma(c) != c) {
        let mapped: String = out[start..].chars().map(comma).collect();
        out.truncate(start);
        out.push_str(&mapped);
    }
}

fn single_nfc_char(segment: &str) -> Option<char> {
    let mut chars = segment.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    (is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes).then_some(c)
}

/// Case folds NFC `text` onto `out`, keeping the result in NFC.
fn case_fold_into(text: &str, out: &mut String) {
    let start = out.len();
    // U+0149 `ŉ` folds to U+02BC `ʼ` and `n` (CaseFolding.txt), so the
    // apostrophe step applies to the case-folded text too.
    out.extend(
        text.chars()
            .default_case_fold()
            .map(fold_punctuation)
            .map(dotless_i),
    );
    drop_dot_above_i(out, start);
    // Case folding can leave NFC: U+01F0 `ǰ` folds to `j` U+030C
    // (CaseFolding.txt), which NFC composes back (UAX #15).
    if &out[start..] != text && !is_nfc(&out[start..]) {
        let folded: String = out[start..].chars().nfc().collect();
        out.truncate(start);
        out.push_str(&folded);
    }
    drop_greek_accents(out, start);
}

/// Turkish and Azerbaijani capitals: `I` is the capital of dotless `ı`,
/// and dotted `İ` case folds to `i` with a combining dot above. Both sides
/// are matched with `ı` as `i` and without the dot above an `i` (see
/// [`drop_dot_above_i`]), so `BAKANLIĞI` matches `Bakanlığı` and
/// `BÜYÜKŞEHİR` matches `Büyükşehir`.
fn dotless_i(c: char) -> char {
    if c == 'ı' {
        'i'
    } else {
        c
    }
}

/// Removes U+0307 COMBINING DOT ABOVE right after an `i` in `out[start..]`
/// (what case folding makes of `İ`: the `i` has its dot already).
fn drop_dot_above_i(out: &mut String, start: usize) {
    const DOTTED: &str = "i\u{307}";
    if out[start..].contains(DOTTED) {
        let undotted = out[start..].replace(DOTTED, "i");
        out.truncate(start);
        out.push_str(&undotted);
    }
}

/// Greek capitals are written without accents (`ΥΠΟΥΡΓΕΙΟ` for
/// `Υπουργείο`), so case-insensitive matching compares Greek vowels
/// without them: the accented small vowels of NFC text become plain ones,
/// keeping the diaeresis (`ΐ` to `ϊ`), and an acute accent left on a Greek
/// letter goes too.
fn drop_greek_accents(out: &mut String, start: usize) {
    fn plain(c: char) -> char {
        match c {
            'ά' => 'α',
            'έ' => 'ε',
            'ή' => 'η',
            'ί' => 'ι',
            'ό' => 'ο',
            'ύ' => 'υ',
            'ώ' => 'ω',
            'ΐ' => 'ϊ',
            'ΰ' => 'ϋ',
            other => other,
        }
    }
    fn is_greek(c: char) -> bool {
        matches!(c, '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}')
    }
    const ACUTE: char = '\u{301}';
    let segment = &out[start..];
    let touched = segment.chars().any(|c| plain(c) != c)
        || (segment.contains(ACUTE) && segment.chars().any(is_greek));
    if !touched {
        return;
    }
    let mut plain_text = String::with_capacity(segment.len());
    let mut on_greek = false;
    for c in segment.chars() {
        if c == ACUTE && on_greek {
            continue;
        }
        on_greek = is_greek(c) || (on_greek && canonical_combining_class(c) != 0);
        plain_text.push(plain(c));
    }
    if !is_nfc(&plain_text) {
        plain_text = plain_text.chars().nfc().collect();
    }
    out.truncate(start);
    out.push_str(&plain_text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CASE: FoldOptions = FoldOptions { case: true };
    const KEEP_CASE: FoldOptions = FoldOptions { case: false };

    /// `input::MAX_TEXT_BYTES` relies on this: a folded text is at most
    /// three times as long as the original, so 1 GiB folds to under 4 GiB.
    #[test]
    fn no_character_folds_to_more_than_three_times_its_length() {
        let mut worst = (1.0f64, 'a');
        let mut buffer = String::new();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            buffer.clear();
            buffer.push(c);
            let folded = fold_str(&buffer, CASE).len();
            let ratio = folded as f64 / c.len_utf8() as f64;
            if ratio > worst.0 {
                worst = (ratio, c);
            }
        }
        assert!(worst.0 <= 3.0, "{:?} grows {}x", worst.1, worst.0);
    }

    fn f(text: &str) -> String {
        fold_str(text, CASE)
    }

    /// The original text behind the folded occurrence of `needle`.
    fn original_of<'t>(text: &'t str, needle: &str) -> &'t str {
        let folded = fold(text, CASE);
        let at = folded
            .as_str()
            .find(needle)
            .expect("needle occurs in folded text");
        &text[folded.original_span(at..at + needle.len())]
    }

    #[test]
    fn ascii_is_lowercased() {
        assert_eq!(f("Ministry of Culture"), "ministry of culture");
        assert_eq!(
            fold_str("Ministry of Culture", KEEP_CASE),
            "Ministry of Culture"
        );
    }

    #[test]
    fn sharp_s_folds_to_ss() {
        assert_eq!(f("Straße"), "strasse");
        assert_eq!(f("STRASSE"), f("Straße"));
        assert_eq!(f("GROẞE"), "grosse");
    }

    #[test]
    fn german_umlauts_fold_in_either_normalization_form() {
        assert_eq!(f("Ürümqi"), "ürümqi");
        assert_eq!(f("U\u{308}ru\u{308}mqi"), "ürümqi");
        assert_eq!(f("MINISTERIUM FÜR KULTUR"), "ministerium für kultur");
    }

    #[test]
    fn french_elision_with_typographic_apostrophe() {
        assert_eq!(f("l’Organisation"), "l'organisation");
        assert_eq!(f("l‘Union"), f("lʼunion"));
        assert_eq!(f("dell＇Unione"), "dell'unione");
        // U+0149 case folds to U+02BC, itself an apostrophe.
        assert_eq!(f("\u{149}"), "'n");
        assert_eq!(
            original_of("de l’Organisation", "organisation"),
            "Organisation"
        );
    }

    #[test]
    fn russian_is_case_folded() {
        assert_eq!(f("Министерство Культуры"), "министерство культуры");
        assert_eq!(
            original_of("в МИНИСТЕРСТВЕ", "министерстве"),
            "МИНИСТЕРСТВЕ"
        );
    }

    #[test]
    fn greek_final_sigma_folds_to_sigma() {
        assert_eq!(f("ΟΔΥΣΣΕΥΣ"), f("Οδυσσευς"));
        assert_eq!(f("ς"), "σ");
    }

    #[test]
    fn romanian_cedilla_and_comma_below_fold_alike() {
        assert_eq!(f("Ministerul Finanţelor"), f("Ministerul Finanțelor"));
        assert_eq!(f("ŞTIINŢĂ"), f("știință"));
        // Decomposed, and with case kept.
        assert_eq!(f("s\u{327}"), "ș");
        assert_eq!(fold_str("Ţara", KEEP_CASE), "Țara");
    }

    #[test]
    fn greek_capitals_without_accents_match_small_letters_with_them() {
        assert_eq!(f("ΥΠΟΥΡΓΕΙΟ ΟΙΚΟΝΟΜΙΚΩΝ"), f("Υπουργείο Οικονομικών"));
        assert_eq!(f("Υπουργείο"), "υπουργειο");
        assert_eq!(f("Ά ΐ ΰ"), "α ϊ ϋ");
        // Decomposed accents compose first, then go.
        assert_eq!(f("α\u{301}"), "α");
        // Entries that keep case keep the accents too.
        assert_eq!(fold_str("Υπουργείο", KEEP_CASE), "Υπουργείο");
    }

    #[test]
    fn turkish_capitals_fold_like_their_small_letters() {
        assert_eq!(f("İstanbul"), "istanbul");
        assert_eq!(
            f("İSTANBUL BÜYÜKŞEHİR BELEDİYESİ"),
            f("İstanbul Büyükşehir Belediyesi")
        );
        assert_eq!(
            f("SANAYİ VE TEKNOLOJİ BAKANLIĞI"),
            f("Sanayi ve Teknoloji Bakanlığı")
        );
        assert_eq!(f("Bakanlığı"), "bakanliği");
        // The dot above goes only after an `i`, and a letter it leaves
        // composable is composed.
        assert_eq!(f("i\u{307}\u{301}"), "í");
        assert_eq!(f("a\u{307}"), "ȧ");
        assert_eq!(fold_str("İı", KEEP_CASE), "İı");
    }

    #[test]
    fn nfd_vietnamese_composes() {
        let nfd = "Vie\u{323}\u{302}t Nam";
        assert_eq!(f(nfd), "việt nam");
        assert_eq!(f(nfd), f("Việt Nam"));
        assert_eq!(original_of(nfd, "việt"), "Vie\u{323}\u{302}t");
    }

    #[test]
    fn georgian_hindi_thai_and_vietnamese_fold_and_map_back() {
        // Mtavruli capitals fold to the Mkhedruli letters around them.
        assert_eq!(f("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ საქართველო"), "საქართველო საქართველო");
        assert_eq!(original_of("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ და საქართველო", "და"), "და");
        // A virama or a tone mark joins the letter before it.
        let hindi = "संस्कृति मंत्रालय ने";
        assert_eq!(f(hindi), hindi);
        assert_eq!(original_of(hindi, "मंत्रालय"), "मंत्रालय");
        let thai = "กระทรวงวัฒนธรรมและการท่องเที่ยว";
        assert_eq!(f(thai), thai);
        assert_eq!(original_of(thai, "ท่องเที่ยว"), "ท่องเที่ยว");
        assert_eq!(f("HẠ NỘI, Việt Nam"), "hạ nội, việt nam");
        assert_eq!(original_of("Thủ đô HẠ NỘI", "nội"), "NỘI");
    }

    #[test]
    fn singleton_decompositions_are_normalized() {
        assert_eq!(f("\u{212B}ngstr\u{f6}m"), "ångström");
        assert_eq!(f("\u{2126}"), "ω");
        assert_eq!(fold_str("\u{212B}", KEEP_CASE), "\u{C5}");
    }

    #[test]
    fn nfd_hangul_composes() {
        let nfd = "\u{1106}\u{1175}\u{11AB}\u{1100}\u{116E}\u{11A8} 문화";
        assert_eq!(f(nfd), "민국 문화");
        assert_eq!(original_of(nfd, "민"), "\u{1106}\u{1175}\u{11AB}");
    }

    #[test]
    fn korean_particle_stays_after_name() {
        assert_eq!(f("문화체육관광부는"), "문화체육관광부는");
    }

    #[test]
    fn fullwidth_paren_is_ascii() {
        assert_eq!(f("（ICIF）"), "(icif)");
        assert_eq!(f("ＡＢＣ１２３"), "abc123");
        assert_eq!(fold_str("Ａ", KEEP_CASE), "A");
    }

    #[test]
    fn fullwidth_letter_composes_with_following_mark() {
        assert_eq!(f("Ｅ\u{301}"), "é");
    }

    #[test]
    fn nbsp_and_newlines_collapse_to_one_space() {
        assert_eq!(f("a\u{A0}b\u{202F}c\u{2007}d\u{3000}e"), "a b c d e");
        assert_eq!(f("a \n\n\t b\u{2028}c"), "a b c");
    }

    #[test]
    fn crlf_is_one_space() {
        let folded = fold("Park\r\nPlan", CASE);
        assert_eq!(folded.as_str(), "park plan");
        assert_eq!(folded.original_span(4..5), 4..6);
    }

    #[test]
    fn whitespace_run_continues_across_ignorables() {
        assert_eq!(f("a \u{200B} b"), "a b");
        assert_eq!(f("a\u{200B} b"), "a b");
    }

    #[test]
    fn arabic_vowel_marks_and_tatweel_are_ignored() {
        let plain = fold_str("وزارة المالية", FoldOptions { case: true });
        for written in ["وَزَارَةُ المَالِيَّةِ", "وزارة الماليـــة"]
        {
            assert_eq!(fold_str(written, FoldOptions { case: true }), plain);
        }
        // Hamza and madda stay: they are part of the letter.
        assert_eq!(fold_str("أمة", FoldOptions { case: true }), "أمة");
        assert_ne!(
            fold_str("أمة", FoldOptions { case: true }),
            fold_str("امة", FoldOptions { case: true })
        );
    }

    #[test]
    fn halfwidth_katakana_reads_as_fullwidth() {
        let options = FoldOptions { case: true };
        assert_eq!(fold_str("ｶｰﾄﾞ", options), "カード");
        assert_eq!(fold_str("ﾊﾟｿｺﾝ･ｿﾌﾄ", options), "パソコン・ソフト");
        let text = "新ｶｰﾄﾞ";
        let folded = fold(text, options);
        assert_eq!(folded.as_str(), "新カード");
        // `ド` comes from `ﾄﾞ`, six bytes of the original.
        assert_eq!(folded.original_span(9..12), 9..15);
    }

    #[test]
    fn soft_hyphen_is_ignored() {
        assert_eq!(f("Kultur\u{AD}industrie"), "kulturindustrie");
        assert_eq!(
            original_of("Kultur\u{AD}industrie", "kulturindustrie"),
            "Kultur\u{AD}industrie"
        );
    }

    #[test]
    fn zero_width_characters_are_ignored() {
        assert_eq!(f("\u{FEFF}a\u{200B}b\u{200C}c\u{2060}d"), "abcd");
        assert_eq!(f("\u{2067}a\u{200F}b\u{202C}\u{2069} c"), "ab c");
    }

    #[test]
    fn removed_ignorable_lets_mark_compose() {
        assert_eq!(f("e\u{200B}\u{301}"), "é");
    }

    #[test]
    fn emoji_zwj_sequence_loses_its_joiners() {
        assert_eq!(f("👩\u{200D}💻 Team"), "👩💻 team");
    }

    #[test]
    fn hyphens_fold_to_ascii() {
        let dashes = "a\u{2010}b\u{2011}c\u{2012}d\u{2013}e\u{2212}f-g";
        assert_eq!(f(dashes), "a-b-c-d-e-f-g");
        assert_eq!(f("Kultur– und"), "kultur- und");
    }

    #[test]
    fn case_folding_that_leaves_nfc_is_renormalized() {
        // U+01F0 folds to `j` U+030C, canonically `ǰ` again.
        assert_eq!(f("\u{1F0}"), "\u{1F0}");
        assert_eq!(f("J\u{30C}"), "\u{1F0}");
    }

    #[test]
    fn empty_and_vanishing_text() {
        for text in ["", "\u{200B}\u{AD}\u{FEFF}"] {
            let folded = fold(text, CASE);
            assert_eq!(folded.as_str(), "");
            assert_eq!(folded.original_span(0..0), text.len()..text.len());
        }
    }

    #[test]
    fn span_of_collapsed_whitespace_covers_the_run() {
        let text = "a \u{A0}\n b";
        let folded = fold(text, CASE);
        assert_eq!(folded.as_str(), "a b");
        assert_eq!(folded.original_span(1..2), 1..text.len() - 1);
    }

    #[test]
    fn span_excludes_trailing_ignorables() {
        let text = "Park\u{200B}\u{AD} x";
        let folded = fold(text, CASE);
        assert_eq!(folded.original_span(0..4), 0..4);
        assert_eq!(folded.original_span(4..5), 9..10);
    }

    #[test]
    fn span_inside_an_expansion_covers_the_unit() {
        let text = "Straße";
        let folded = fold(text, CASE);
        // `ss` is folded bytes 4..6, from `ß` at original 4..6.
        assert_eq!(folded.original_span(5..6), 4..6);
        assert_eq!(folded.original_span(4..5), 4..6);
        assert_eq!(folded.original_span(5..5), 4..4);
    }

    #[test]
    fn span_inside_a_multibyte_char_snaps_to_the_char() {
        let text = "文化和旅游部";
        let folded = fold(text, CASE);
        assert_eq!(folded.original_span(4..7), 3..9);
    }

    #[test]
    fn span_of_empty_range_at_end_is_original_end() {
        let text = "ＡＢ\u{200B}";
        let folded = fold(text, CASE);
        assert_eq!(folded.as_str(), "ab");
        assert_eq!(folded.original_span(2..2), text.len()..text.len());
        assert_eq!(folded.original_span(0..2), 0..6);
        assert_eq!(folded.original_span(1..9), 3..6);
    }

    #[test]
    fn pure_ascii_and_han_need_one_piece() {
        assert_eq!(fold("Hello,\tWorld\n", CASE).map.pieces.len(), 1);
        assert_eq!(fold("文化和旅游部发布", CASE).map.pieces.len(), 1);
    }

    /// Folds each character before `suffix`, separated by spaces so that one
    /// fold covers them all, and returns those whose fold is not stable.
    fn unstable_folds(chars: impl Iterator<Item = char>, suffix: &str) -> Vec<String> {
        let text: String = chars.map(|c| format!("{c}{suffix} ")).collect();
        let mut unstable = Vec::new();
        for options in [CASE, KEEP_CASE] {
            let once = fold_str(&text, options);
            let twice = fold_str(&once, options);
            let words = once.split(' ').zip(twice.split(' '));
            unstable.extend(words.filter(|(a, b)| a != b).map(|(a, _)| format!("{a:?}")));
        }
        unstable
    }

    #[test]
    fn every_cased_or_decomposable_char_folds_idempotently() {
        // Leaves out the Han and unassigned planes: no case folding and no
        // canonical decomposition there, except the compatibility ideographs.
        let chars = || {
            ('\0'..'\u{3400}')
                .chain('\u{A000}'..='\u{FFFF}')
                .chain('\u{10000}'..'\u{20000}')
                .chain('\u{2F800}'..'\u{2FA20}')
        };
        for suffix in ["", "\u{301}", "\u{345}"] {
            assert_eq!(unstable_folds(chars(), suffix), Vec::<String>::new());
        }
    }

    #[test]
    #[ignore = "slow: every character with several mark sequences"]
    fn every_char_folds_idempotently() {
        for suffix in ["", "\u{301}", "\u{345}", "\u{323}\u{302}", "\u{308}"] {
            assert_eq!(
                unstable_folds('\0'..=char::MAX, suffix),
                Vec::<String>::new()
            );
        }
    }

    fn any_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => proptest::char::range(' ', '~'),
            1 => prop::sample::select(vec!['\t', '\n', '\r']),
            2 => proptest::char::range('\u{A0}', '\u{FF}'),
            2 => proptest::char::range('\u{300}', '\u{36F}'),
            2 => proptest::char::range('\u{4E00}', '\u{4E40}'),
            1 => proptest::char::range('\u{1100}', '\u{1112}'),
            1 => proptest::char::range('\u{1161}', '\u{1175}'),
            1 => proptest::char::range('\u{11A8}', '\u{11C2}'),
            1 => proptest::char::range('\u{AC00}', '\u{AC40}'),
            1 => prop::sample::select(vec!['か', 'ハ', '\u{3099}', '\u{309A}', 'ゔ', '\u{F900}']),
            2 => proptest::char::range('\u{400}', '\u{45F}'),
            1 => proptest::char::range('\u{80}', '\u{7FF}'),
            1 => proptest::char::range('\u{800}', '\u{1FFF}'),
            1 => proptest::char::range('\u{900}', '\u{9FF}'),
            1 => proptest::char::range('\u{E00}', '\u{E7F}'),
            1 => proptest::char::range('\u{10A0}', '\u{10FF}'),
            1 => proptest::char::range('\u{1C90}', '\u{1CBF}'),
            1 => proptest::char::range('\u{1E00}', '\u{1FFF}'),
            1 => proptest::char::range('\u{370}', '\u{3FF}'),
            1 => proptest::char::range('\u{FF01}', '\u{FF5E}'),
            1 => proptest::char::range('\u{100}', '\u{24F}'),
            1 => proptest::char::range('\u{590}', '\u{6FF}'),
            1 => proptest::char::range('\u{2000}', '\u{206F}'),
            1 => proptest::char::range('\u{3000}', '\u{303F}'),
            2 => prop::sample::select(SPECIAL.to_vec()),
        ]
    }

    const SPECIAL: &[char] = &[
        '\u{3000}', '\u{A0}', '\u{202F}', '\u{2007}', '\u{2028}', '\u{2019}', '\u{2018}',
        '\u{2BC}', '\'', '\u{FF07}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2212}',
        '-', '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{212B}',
        '\u{200E}', '\u{202B}', '\u{2067}', '\u{2069}', '\u{2126}', 'ẞ', 'İ', '\u{1F0}', '\u{345}',
        '\u{1FB3}', '\u{390}', 'ς', '👩',
    ];

    fn any_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(any_char(), 0..40).prop_map(String::from_iter)
    }

    /// Text mostly in scripts of three-byte letters, with their marks and
    /// joiners, and some ASCII and two-byte letters between them.
    fn three_byte_text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => proptest::char::range('\u{900}', '\u{97F}'),
            4 => proptest::char::range('\u{E00}', '\u{E7F}'),
            3 => proptest::char::range('\u{10A0}', '\u{10FF}'),
            1 => proptest::char::range('\u{1C90}', '\u{1CBF}'),
            1 => proptest::char::range('\u{980}', '\u{9FF}'),
            1 => proptest::char::range('\u{1000}', '\u{109F}'),
            1 => proptest::char::range('\u{1780}', '\u{17FF}'),
            1 => proptest::char::range('\u{1E00}', '\u{1FFF}'),
            1 => proptest::char::range('\u{300}', '\u{36F}'),
            2 => prop::sample::select(vec![' ', 'a', 'Z', '.', '\u{200C}', '\u{200D}', '\u{A0}', 'Ä', 'ß', 'Ж', '\u{2019}']),
        ];
        proptest::collection::vec(c, 0..40).prop_map(String::from_iter)
    }

    /// A glossary form: words that start and end with a letter.
    fn form() -> impl Strategy<Value = String> {
        let letter = prop_oneof![
            proptest::char::range('A', 'z').prop_filter("letter", |c| c.is_alphabetic()),
            prop::sample::select(vec!['ß', 'Ü', 'é', 'Ａ', 'Ж', 'я', 'Σ', '文', '부', 'İ']),
        ];
        let inner = prop_oneof![
            4 => letter.clone(),
            1 => prop::sample::select(vec![
                ' ', '\u{A0}', '\u{2019}', '-', '\u{2013}', '\u{AD}', '\u{301}', '\u{308}',
            ]),
        ];
        (
            letter.clone(),
            proptest::collection::vec(inner, 0..12),
            letter,
        )
            .prop_map(|(first, inner, last)| {
                std::iter::once(first)
                    .chain(inner)
                    .chain([last])
                    .collect::<String>()
            })
    }

    fn folded_char_bounds(folded: &str) -> Vec<usize> {
        (0..=folded.len())
            .filter(|&i| folded.is_char_boundary(i))
            .collect()
    }

    /// [`scan::simple_stretch_end`] as first written, a byte at a time.
    fn simple_stretch_end_by_bytes(bytes: &[u8], start: usize, end: usize) -> usize {
        let mut pos = start;
        while let Some(n) = bytes[pos..end].iter().position(is_ascii_space) {
            let space = pos + n;
            match bytes.get(space + 1) {
                Some(next) if space + 1 < end && !is_ascii_space(next) => pos = space + 1,
                _ => return space,
            }
        }
        end
    }

    proptest! {
        #[test]
        fn byte_scans_agree_with_a_byte_at_a_time(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'Z', b' ', b'\n', b'\r', b'\t', 0x0b, 0x0c, 0xc3, 0xbc]),
                0..200,
            ),
            cut in 0usize..200,
        ) {
            let end = cut.min(bytes.len());
            let start = bytes[..end].iter().position(|b| !is_ascii_space(b)).unwrap_or(end);
            prop_assert_eq!(
                scan::simple_stretch_end(&bytes, start, end),
                simple_stretch_end_by_bytes(&bytes, start, end)
            );
            prop_assert_eq!(
                scan::first_non_ascii(&bytes),
                bytes.iter().position(|b| !b.is_ascii())
            );
            prop_assert_eq!(
                scan::first_control_space(&bytes),
                bytes.iter().position(|b| *b != b' ' && is_ascii_space(b))
            );
        }

        #[test]
        fn shortcuts_changes_nothing(text in prop_oneof![any_text(), three_byte_text()]) {
            let mut general = Folder::new(&text, CASE);
            general.shortcuts = false;
            let general = general.run();
            let fast = fold(&text, CASE);
            prop_assert_eq!(fast.as_str(), general.as_str());
            for a in 0..=fast.as_str().len() {
                for b in a..=fast.as_str().len() {
                    prop_assert_eq!(fast.original_span(a..b), general.original_span(a..b));
                }
            }
        }

        #[test]
        fn fold_is_idempotent(text in any_text()) {
            let once = f(&text);
            prop_assert_eq!(f(&once), once.clone());
            let kept = fold_str(&text, KEEP_CASE);
            prop_assert_eq!(fold_str(&kept, KEEP_CASE), kept);
        }

        #[test]
        fn spans_land_on_char_boundaries(text in any_text()) {
            let folded = fold(&text, CASE);
            let bounds = folded_char_bounds(folded.as_str());
            for (i, &a) in bounds.iter().enumerate() {
                for &b in &bounds[i..] {
                    let span = folded.original_span(a..b);
                    prop_assert!(span.start <= span.end, "{a}..{b} -> {span:?}");
                    prop_assert!(text.is_char_boundary(span.start));
                    prop_assert!(text.is_char_boundary(span.end));
                    prop_assert!(span.end <= text.len());
                }
            }
        }

        #[test]
        fn spans_are_monotone(text in any_text()) {
            let folded = fold(&text, CASE);
            let starts: Vec<usize> = (0..=folded.as_str().len())
                .map(|at| folded.original_span(at..at).start)
                .collect();
            prop_assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
        }

        #[test]
        fn inserted_form_maps_back_to_its_place(
            before in any_text(),
            form in form(),
            after in any_text(),
        ) {
            let text = format!("{before} {form} {after}");
            let folded = fold(&text, CASE);
            let needle = f(&form);
            let at = f(&format!("{before} ")).len();
            prop_assert!(folded.as_str().contains(&needle));
            prop_assert_eq!(&folded.as_str()[at..at + needle.len()], needle.as_str());
            let start = before.len() + 1;
            prop_assert_eq!(folded.original_span(at..at + needle.len()), start..start + form.len());
        }
    }
}
