//! A text being checked: its bytes as read, its language, the segments of
//! human-language text a reader found in it, bilingual pairs inside the
//! file, and the lookup from byte offsets to 1-based lines and columns
//! (columns count chars).

use crate::formats::Format;
use crate::lang::LangTag;
use crate::segment::Segment;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One checked (or source) text.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user named it (`-` for stdin).
    pub path: PathBuf,
    /// The whole text; byte offsets of findings index into it.
    pub text: String,
    /// The text's language.
    pub lang: LangTag,
    /// The format the file was read as (decides its comment syntax).
    pub format: Format,
    /// The human-language text to check, in file order.
    pub segments: Vec<Segment>,
    /// Source texts kept in the same file (XLIFF units, PO entries,
    /// aligned paragraphs), each with the segment it was translated into.
    pub pairs: Vec<Pair>,
    line_starts: Vec<usize>,
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

/// Why a file's bytes are not text termlint can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Bytes that are not UTF-8.
    #[error("invalid UTF-8 at byte {offset}; save the file as UTF-8")]
    InvalidUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
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
        let line_starts = line_starts(&text);
        Document {
            path: path.into(),
            text,
            lang,
            format: Format::Plain,
            segments,
            pairs: Vec::new(),
            line_starts,
        }
    }

    /// The path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// 1-based line and column (in chars) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let prefix = &self.text[start..offset.min(self.text.len())];
        let mut column = prefix.chars().count() + 1;
        // A byte-order mark is invisible in editors; do not count it.
        if line == 0 && prefix.starts_with('\u{feff}') {
            column -= 1;
        }
        (line + 1, column)
    }

    /// The text of 1-based `line` without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let range = self.line_range(line);
        &self.text[range]
    }

    /// Byte range of 1-based `line` without its line ending.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let index = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[index];
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        let body = self.text[start..end].trim_end_matches(['\n', '\r']);
        start..start + body.len()
    }

    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }
}

/// Blocks of lines separated by blank lines, each one segment; text with
/// no blank line is one segment.
pub fn paragraphs(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                segments.push(Segment::verbatim(text, s..offset));
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        segments.push(Segment::verbatim(text, s..text.len()));
    }
    segments
}

/// Byte offsets where lines start; `\n`, `\r\n` and a lone `\r` end a line.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
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
}
