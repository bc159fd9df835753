//! A text being checked: its text as decoded, the encoding its file uses,
//! its language, the segments of human-language text a reader found in
//! it, bilingual pairs inside the file, and the lookup from byte offsets
//! to 1-based lines and columns (columns count chars) and to byte offsets
//! in the file.

use crate::formats::Format;
use crate::lang::LangTag;
use crate::segment::Segment;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One checked (or source) text.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user named it (`-` for stdin).
    pub path: PathBuf,
    /// The whole text; byte offsets of findings index into it. A file's
    /// byte-order mark is kept (as U+FEFF), so that for a UTF-8 file these
    /// offsets are the file's own.
    pub text: String,
    /// How the file stores the text.
    pub encoding: Encoding,
    /// The text's language.
    pub lang: LangTag,
    /// The format the file was read as (decides its comment syntax).
    pub format: Format,
    /// The human-language text to check, in file order.
    pub segments: Vec<Segment>,
    /// Source texts kept in the same file (XLIFF units, PO entries,
    /// aligned paragraphs), each with the segment it was translated into.
    pub pairs: Vec<Pair>,
    /// Where lines start, worked out on the first position asked for: a
    /// file without findings never needs them.
    line_starts: OnceLock<Vec<usize>>,
    /// How many characters lie before every [`MARK_STEP`]th byte, worked
    /// out when a column or a file offset needs a long stretch counted.
    marks: OnceLock<Vec<Mark>>,
    /// Set once the text is shed: the positions kept for later.
    kept: Option<Vec<KeptPosition>>,
}

/// The line, column and file offset of one byte offset of a shed text.
#[derive(Debug, Clone, Copy)]
struct KeptPosition {
    offset: usize,
    line: usize,
    column: usize,
    file_offset: usize,
}

/// The text encodings termlint reads: UTF-8 (with or without a byte-order
/// mark), and UTF-16 and UTF-32 when the file starts with their byte-order
/// mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    #[default]
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-32, little-endian.
    Utf32Le,
    /// UTF-32, big-endian.
    Utf32Be,
}

impl Encoding {
    /// The encoding's name as users know it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf32Le => "UTF-32LE",
            Encoding::Utf32Be => "UTF-32BE",
        }
    }

    /// `text` in this encoding; a byte-order mark is written only where
    /// `text` starts with U+FEFF, as a decoded file's text does.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            Encoding::Utf32Le => text
                .chars()
                .flat_map(|c| u32::from(c).to_le_bytes())
                .collect(),
            Encoding::Utf32Be => text
                .chars()
                .flat_map(|c| u32::from(c).to_be_bytes())
                .collect(),
        }
    }
}

/// Bytes of text between two [`Mark`]s: small enough that counting from a
/// mark is quick, large enough that the marks take under 5% of the text.
const MARK_STEP: usize = 512;

/// How many characters and UTF-16 units come before a byte of the text:
/// kept every [`MARK_STEP`] bytes (at the first character starting there)
/// so that a column or a file offset is counted from the nearest mark, not
/// from the start of a line that may be the whole file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Mark {
    byte: usize,
    chars: usize,
    units: usize,
}

/// A source text inside the file and the segments that translate it (an
/// XLIFF unit, a PO entry, a paragraph kept in a comment above its
/// translation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// Indexes of the translated segments in [`Document::segments`]; may be
    /// empty (the anchor of the first is then `anchor`).
    pub targets: Range<usize>,
    /// Where a finding about a name the translation lost stands.
    pub anchor: usize,
    /// The source text, as segments with spans in the same file.
    pub source: Vec<Segment>,
    /// The source's language, when the file says it.
    pub source_lang: Option<LangTag>,
}

/// Why a file's bytes are not text termlint can read. Offsets are bytes
/// of the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Bytes that are not UTF-8.
    #[error("invalid UTF-8 at byte {offset}; save the file as UTF-8")]
    InvalidUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
    },
    /// A UTF-16 surrogate without its other half: the file is damaged
    /// (cut in the middle of a character, or written by a broken tool).
    #[error(
        "unpaired UTF-16 surrogate 0x{unit:04X} at byte {offset}; the file is damaged here: \
         retype the character and save the file again"
    )]
    UnpairedSurrogate {
        /// Offset of the surrogate.
        offset: usize,
        /// The surrogate code unit.
        unit: u16,
    },
    /// A UTF-32 code unit that is no character (a surrogate, or past
    /// U+10FFFF).
    #[error(
        "invalid UTF-32 value 0x{value:08X} at byte {offset}; the file is damaged here: \
         retype the character and save the file again"
    )]
    InvalidUtf32 {
        /// Offset of the code unit.
        offset: usize,
        /// Its value.
        value: u32,
    },
    /// The file ends inside a code unit.
    #[error(
        "{encoding} file ends inside a character at byte {offset}; the file is cut short, \
         save it again"
    )]
    Truncated {
        /// Offset of the incomplete code unit.
        offset: usize,
        /// The encoding's name.
        encoding: &'static str,
    },
}

impl Document {
    /// A plain text: one segment per paragraph (blocks of lines between
    /// blank lines).
    pub fn new(path: impl Into<PathBuf>, text: String, lang: LangTag) -> Document {
        let segments = paragraphs(&text);
        Document::with_segments(path, text, lang, segments)
    }

    /// A text whose reader found `segments`.
    pub fn with_segments(
        path: impl Into<PathBuf>,
        text: String,
        lang: LangTag,
        segments: Vec<Segment>,
    ) -> Document {
        Document {
            path: path.into(),
            text,
            encoding: Encoding::Utf8,
            lang,
            format: Format::Plain,
            segments,
            pairs: Vec::new(),
            line_starts: OnceLock::new(),
            marks: OnceLock::new(),
            kept: None,
        }
    }

    /// The path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 1-based line and column (in chars) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        if let Some(kept) = self.kept_at(offset) {
            return (kept.line, kept.column);
        }
        let offset = self.char_floor(offset);
        let line = self.line_index(offset);
        let start = self.line_starts()[line];
        let mut column = self.chars_between(start, offset) + 1;
        // A byte-order mark is invisible in editors; do not count it.
        if line == 0 && offset > start && self.text[start..].starts_with('\u{feff}') {
            column -= 1;
        }
        (line + 1, column)
    }

    /// The offset in the file's bytes of byte `offset` of the text: the
    /// same for UTF-8, counted in the file's code units for UTF-16 and
    /// UTF-32.
    pub fn file_offset(&self, offset: usize) -> usize {
        if let Some(kept) = self.kept_at(offset) {
            return kept.file_offset;
        }
        let offset = self.char_floor(offset);
        match self.encoding {
            Encoding::Utf8 => offset,
            Encoding::Utf16Le | Encoding::Utf16Be => 2 * self.units_before(offset),
            Encoding::Utf32Le | Encoding::Utf32Be => 4 * self.chars_before(offset),
        }
    }

    /// Drops the text, its segments and pairs, keeping only what reports
    /// need of `offsets` (the bounds of the findings): their lines,
    /// columns and file offsets. A large run keeps every checked file's
    /// report until the end, and the texts were most of its memory.
    ///
    /// Afterwards [`Document::line_col`] and [`Document::file_offset`]
    /// answer for those offsets (for any other, the nearest kept one
    /// before it, or the start), and the text is empty.
    pub fn shed_text(&mut self, offsets: impl IntoIterator<Item = usize>) {
        let mut offsets: Vec<usize> = offsets.into_iter().collect();
        offsets.sort_unstable();
        offsets.dedup();
        let kept = offsets
            .into_iter()
            .map(|offset| {
                let (line, column) = self.line_col(offset);
                let file_offset = self.file_offset(offset);
                KeptPosition {
                    offset,
                    line,
                    column,
                    file_offset,
                }
            })
            .collect();
        self.text = String::new();
        self.segments = Vec::new();
        self.pairs = Vec::new();
        self.line_starts = OnceLock::new();
        self.marks = OnceLock::new();
        self.kept = Some(kept);
    }

    /// The kept position for `offset` of a shed text; `None` while the
    /// text is there.
    fn kept_at(&self, offset: usize) -> Option<KeptPosition> {
        let kept = self.kept.as_ref()?;
        let after = kept.partition_point(|k| k.offset <= offset);
        Some(after.checked_sub(1).map_or(
            KeptPosition {
                offset: 0,
                line: 1,
                column: 1,
                file_offset: 0,
            },
            |i| kept[i],
        ))
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| line_starts(&self.text))
    }

    fn marks(&self) -> &[Mark] {
        self.marks.get_or_init(|| marks(&self.text))
    }

    /// Characters in `text[start..end]` (both character boundaries): counted
    /// directly when the stretch is short, from the marks when it is long
    /// (a long line of Chinese, a minified file).
    fn chars_between(&self, start: usize, end: usize) -> usize {
        if end - start <= 8 * MARK_STEP {
            count_chars(&self.text.as_bytes()[start..end]).0
        } else {
            self.chars_before(end) - self.chars_before(start)
        }
    }

    /// `offset` within the text, moved back to the start of its character.
    fn char_floor(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The nearest [`Mark`] at or before `offset`.
    fn mark_before(&self, offset: usize) -> Mark {
        let marks = self.marks();
        let mut index = (offset / MARK_STEP).min(marks.len() - 1);
        // A mark sits at the first character that starts at or after its
        // step, which may be just past `offset`.
        if marks[index].byte > offset {
            index -= 1;
        }
        marks[index]
    }

    /// Characters before `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let mark = self.mark_before(offset);
        mark.chars + self.text[mark.byte..offset].chars().count()
    }

    /// UTF-16 code units before `offset` (a character boundary).
    fn units_before(&self, offset: usize) -> usize {
        let mark = self.mark_before(offset);
        mark.units + self.text[mark.byte..offset].encode_utf16().count()
    }

    /// The text of 1-based `line` without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let range = self.line_range(line);
        &self.text[range]
    }

    /// Byte range of 1-based `line` without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let starts = self.line_starts();
        let index = line.saturating_sub(1).min(starts.len() - 1);
        let start = starts[index];
        let end = starts.get(index + 1).copied().unwrap_or(self.text.len());
        let body = self.text[start..end].trim_end_matches(['\n', '\r']);
        start..start + body.len()
    }

    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }
}

/// Blocks of lines separated by blank lines, each one segment; text with
/// no blank line is one segment. A suppression comment's line is left out
/// of its paragraph (a gap stands in its place).
pub fn paragraphs(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut paragraph: Option<Segment> = None;
    // Start of the run of text lines not yet added to the paragraph.
    let mut run: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        if line.trim().is_empty() {
            if let Some(mut done) = paragraph.take() {
                flush(text, &mut done, &mut run, at);
                segments.push(done);
            }
            continue;
        }
        let current = paragraph.get_or_insert_with(|| Segment::at(at));
        if is_directive_line(line) {
            flush(text, current, &mut run, at);
            current.push_gap(at);
        } else if run.is_none() {
            run = Some(at);
        }
    }
    if let Some(mut done) = paragraph {
        flush(text, &mut done, &mut run, text.len());
        segments.push(done);
    }
    segments
}

/// Adds the pending run of text lines, up to `end`, to `paragraph`.
fn flush(text: &str, paragraph: &mut Segment, run: &mut Option<usize>, end: usize) {
    if let Some(start) = run.take() {
        paragraph.push_verbatim(text, start..end);
    }
}

/// Whether a plain-text line is a suppression comment (`# termlint-disable
/// …`, `// termlint-…`, `<!-- termlint-… -->`, or the directive alone):
/// it is not text to check, and `--fix` must not change it.
fn is_directive_line(line: &str) -> bool {
    let body = line.trim_start();
    let body = ["<!--", "#", "//"]
        .iter()
        .find_map(|leader| body.strip_prefix(leader))
        .unwrap_or(body);
    body.trim_start().starts_with("termlint-")
}

/// A [`Mark`] at (or just before) every [`MARK_STEP`]th byte of `text`.
/// Counts bytes, not decoded characters: every byte but a continuation
/// byte starts a character, and a four-byte one is two UTF-16 units.
fn marks(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut marks = Vec::with_capacity(bytes.len() / MARK_STEP + 1);
    marks.push(Mark::default());
    let (mut chars, mut units, mut at) = (0, 0, 0);
    loop {
        let step = (MARK_STEP * marks.len()).min(bytes.len());
        let (c, u) = count_chars(&bytes[at..step]);
        (chars, units) = (chars + c, units + u);
        // A mark sits at the first character starting at or after its
        // step; continuation bytes count for nothing.
        at = step
            + bytes[step..]
                .iter()
                .take_while(|&&b| is_continuation(b))
                .count();
        if at >= bytes.len() {
            return marks;
        }
        marks.push(Mark {
            byte: at,
            chars,
            units,
        });
    }
}

/// Characters and UTF-16 units in `bytes`, which start on a character.
fn count_chars(bytes: &[u8]) -> (usize, usize) {
    // Narrow sums over a branch-free loop: compiled to vector instructions.
    let (mut chars, mut astral) = (0u32, 0u32);
    for &b in bytes {
        chars += u32::from(!is_continuation(b));
        astral += u32::from(b >= 0xF0);
    }
    (chars as usize, (chars + astral) as usize)
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Byte offsets where lines start; `\n`, `\r\n` and a lone `\r` end a line.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        let ends_line = bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n');
        if ends_line {
            starts.push(i + 1);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new(
            "t.txt",
            text.to_string(),
            LangTag::parse("de").expect("valid tag"),
        )
    }

    #[test]
    fn columns_count_chars_not_bytes() {
        let d = doc("Ürümqi und Straße");
        assert_eq!(d.line_col("Ürümqi und ".len()), (1, 12));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let d = doc("a\r\nb\rc\nd");
        assert_eq!(d.line_col(3), (2, 1));
        assert_eq!(d.line_col(5), (3, 1));
        assert_eq!(d.line_col(7), (4, 1));
        assert_eq!(d.line_text(1), "a");
        assert_eq!(d.line_text(2), "b");
    }

    #[test]
    fn bom_is_not_a_column() {
        let d = doc("\u{feff}Park");
        assert_eq!(d.line_col(3), (1, 1));
    }

    #[test]
    fn columns_on_a_long_line_count_every_char() {
        // Steps of the column lookup fall inside multi-byte characters.
        let text = "ü€😀x".repeat(5000);
        let d = doc(&text);
        for (chars, (at, _)) in text.char_indices().enumerate().step_by(997) {
            assert_eq!(d.line_col(at), (1, chars + 1), "at byte {at}");
        }
        assert_eq!(d.line_col(text.len()), (1, 20_001));
    }

    /// The marks and line starts as first written: one decoded character
    /// or one byte at a time.
    fn marks_by_chars(text: &str) -> Vec<Mark> {
        let mut marks = vec![Mark::default()];
        let (mut chars, mut units) = (0, 0);
        for (byte, c) in text.char_indices() {
            if byte >= MARK_STEP * marks.len() {
                marks.push(Mark { byte, chars, units });
            }
            chars += 1;
            units += c.len_utf16();
        }
        marks
    }

    fn line_starts_by_bytes(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        starts
    }

    proptest::proptest! {
        #[test]
        fn marks_and_line_starts_agree_with_a_char_by_char_count(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "ü", "€", "😀", "\r", "\n", "\r\n", "Straße ", "北京"]),
                0..1500,
            )
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(marks(&text), marks_by_chars(&text));
            proptest::prop_assert_eq!(line_starts(&text), line_starts_by_bytes(&text));
        }

        #[test]
        fn columns_agree_with_a_char_by_char_count(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "ü", "€", "😀", "\n", "\r\n", "Straße ", "北京"]),
                0..3000,
            ),
            step in 1usize..200,
            long_lines: bool,
        ) {
            // Long lines have their columns counted from the marks.
            let text: String = pieces
                .iter()
                .enumerate()
                .filter(|(i, p)| !long_lines || i % 3000 == 0 || !p.ends_with('\n'))
                .map(|(_, p)| *p)
                .collect();
            let d = doc(&text);
            let (mut line, mut column) = (1, 1);
            for (i, (at, c)) in text.char_indices().enumerate() {
                if i % step == 0 {
                    proptest::prop_assert_eq!(d.line_col(at), (line, column), "at byte {}", at);
                }
                if c == '\n' {
                    (line, column) = (line + 1, 1);
                } else {
                    column += 1;
                }
            }
        }
    }

    #[test]
    fn file_offsets_count_the_file_code_units() {
        let text = "\u{feff}a😀\nü".to_string();
        let mut d = doc(&text);
        let u = text.len() - "ü".len();
        assert_eq!(d.file_offset(u), u);
        d.encoding = Encoding::Utf16Le;
        // BOM 1 unit, a 1, 😀 2, newline 1.
        assert_eq!(d.file_offset(u), 2 * 5);
        d.encoding = Encoding::Utf32Be;
        assert_eq!(d.file_offset(u), 4 * 4);
        assert_eq!(d.line_col(u), (2, 1));
    }

    #[test]
    fn a_shed_text_keeps_the_positions_of_the_offsets_named() {
        let text = "\u{feff}Ürümqi 😀\r\nund\rStraße 北京\n".to_string();
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(3).collect();
        for encoding in [Encoding::Utf8, Encoding::Utf16Be, Encoding::Utf32Le] {
            let mut d = doc(&text);
            d.encoding = encoding;
            let before: Vec<_> = offsets
                .iter()
                .map(|&o| (d.line_col(o), d.file_offset(o)))
                .collect();
            d.shed_text(offsets.iter().rev().copied());
            assert!(d.text.is_empty() && d.segments.is_empty());
            let after: Vec<_> = offsets
                .iter()
                .map(|&o| (d.line_col(o), d.file_offset(o)))
                .collect();
            assert_eq!(after, before, "{encoding:?}");
            // An offset never named answers as the kept one before it.
            assert_eq!(d.line_col(offsets[1] + 1), before[1].0);
            assert_eq!(d.line_text(2), "");
        }
    }

    #[test]
    fn encoding_writes_the_text_back_byte_for_byte() {
        let text = "\u{feff}Straße 😀\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(Encoding::Utf16Le.encode(text), le);
        assert_eq!(&Encoding::Utf32Be.encode("A")[..], &[0, 0, 0, 0x41]);
        assert_eq!(Encoding::Utf8.encode(text), text.as_bytes());
    }

    #[test]
    fn offset_at_end_is_on_last_line() {
        let d = doc("a\nbc");
        assert_eq!(d.line_col(4), (2, 3));
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let d = doc("Erster Absatz\nzweite Zeile\n\n  \nZweiter Absatz");
        let texts: Vec<&str> = d.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Erster Absatz\nzweite Zeile\n", "Zweiter Absatz"]
        );
        assert_eq!(d.segments[1].anchor, 31);
    }

    #[test]
    fn suppression_comment_lines_are_not_text() {
        let text = "Erste Zeile\n# termlint-disable-next-line urumqi -- Zitat\nUrumchi\n\n\
                    // termlint-enable\n\n<!-- termlint-disable -->\nEnde";
        let d = doc(text);
        let texts: Vec<&str> = d.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["Erste Zeile\n\u{fffc}Urumchi\n", "", "Ende"]);
        // The text after the comment maps back to its own bytes.
        let urumchi = text.find("Urumchi").expect("in text");
        let first = &d.segments[0];
        let at = first.text.find("Urumchi").expect("in segment");
        assert_eq!(first.original(at..at + 7), urumchi..urumchi + 7);
        // A line that only mentions termlint is text.
        let d = doc("termlint ist ein Werkzeug");
        assert_eq!(d.segments[0].text, "termlint ist ein Werkzeug");
    }
}
