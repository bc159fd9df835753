//! Segments: the stretches of a file that hold human-language text, as
//! decoded text (entities and escapes resolved, markup left out) with the
//! way back to the file's bytes. Readers of each format produce them; the
//! matcher runs on each segment's text.

use crate::lang::LangTag;
use std::ops::Range;

/// Stands where inline content that is not prose (code, a URL, a tag) was
/// left out, so that no name is matched across it. It is neither a word
/// character nor white space, so it is a word boundary.
pub const GAP: char = '\u{fffc}';

/// One stretch of text of a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segment {
    /// The decoded text.
    pub text: String,
    /// Pieces of `text` and the bytes of the file they come from, in order.
    pieces: Vec<Piece>,
    /// Where the segment stands in the file, even when its text is empty.
    pub anchor: usize,
    /// The segment's own language when it differs from the document's
    /// (an HTML `lang` attribute, an XLIFF file's target language).
    pub lang: Option<LangTag>,
}

/// The pieces [`Segment::with_room`] makes room for: a paragraph of a few
/// lines, each line and each line break one piece.
const ROOM_PIECES: usize = 8;

/// A run of segment text and the file bytes it was read from. When both
/// have the same length the text is the bytes themselves; otherwise
/// (an entity, an escape) only the whole run maps back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    text: usize,
    text_len: usize,
    orig: usize,
    orig_len: usize,
}

impl Segment {
    /// A segment whose text is `file[range]` as is.
    pub fn verbatim(file: &str, range: Range<usize>) -> Segment {
        let mut segment = Segment::at(range.start);
        segment.push_verbatim(file, range);
        segment
    }

    /// An empty segment anchored at byte `anchor` of the file.
    pub fn at(anchor: usize) -> Segment {
        Segment {
            anchor,
            ..Segment::default()
        }
    }

    /// An empty segment at `anchor` with room for `bytes` of text, read
    /// in a few pieces, so that a block read line by line is not copied
    /// each time it outgrows its buffer.
    pub fn with_room(anchor: usize, bytes: usize) -> Segment {
        Segment {
            text: String::with_capacity(bytes),
            pieces: Vec::with_capacity(ROOM_PIECES),
            anchor,
            lang: None,
        }
    }

    /// Appends `file[range]` as is.
    pub fn push_verbatim(&mut self, file: &str, range: Range<usize>) {
        let text = &file[range.clone()];
        self.push_decoded(text, range);
    }

    /// Appends decoded `text` read from the file bytes `orig`.
    pub fn push_decoded(&mut self, text: &str, orig: Range<usize>) {
        if text.is_empty() && orig.is_empty() {
            return;
        }
        if self.text.is_empty() && self.pieces.is_empty() {
            self.anchor = orig.start;
        }
        self.pieces.push(Piece {
            text: self.text.len(),
            text_len: text.len(),
            orig: orig.start,
            orig_len: orig.len(),
        });
        self.text.push_str(text);
    }

    /// Appends a gap for left-out content at byte `at` of the file.
    pub fn push_gap(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with(GAP) {
            let mut buf = [0; 4];
            self.push_decoded(GAP.encode_utf8(&mut buf), at..at);
        }
    }

    /// Whether the segment holds only white space and gaps.
    pub fn is_blank(&self) -> bool {
        self.text.chars().all(|c| c.is_whitespace() || c == GAP)
    }

    /// The file bytes that the segment text `range` was read from.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original_start(range.start);
        let end = if range.is_empty() {
            start
        } else {
            self.original_end(range.end).max(start)
        };
        start..end
    }

    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text <= offset);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    fn original_start(&self, offset: usize) -> usize {
        match self.piece_at(offset) {
            Some(p) if p.text_len == p.orig_len => p.orig + (offset - p.text).min(p.orig_len),
            Some(p) if offset < p.text + p.text_len => p.orig,
            Some(p) => p.orig + p.orig_len,
            None => self.anchor,
        }
    }

    fn original_end(&self, offset: usize) -> usize {
        // The byte before `offset` decides: the end of its piece.
        let Some(p) = self.piece_at(offset.saturating_sub(1)) else {
            return self.anchor;
        };
        if p.text_len == p.orig_len {
            p.orig + (offset - p.text).min(p.orig_len)
        } else {
            p.orig + p.orig_len
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_text_maps_byte_for_byte() {
        let file = "# Titel\n\nDer Kulturindustriepark.";
        let s = Segment::verbatim(file, 9..file.len());
        let at = s.text.find("Kultur").expect("in text");
        let orig = s.original(at..at + 19);
        assert_eq!(&file[orig], "Kulturindustriepark");
    }

    #[test]
    fn decoded_entity_maps_to_the_whole_entity() {
        let file = "Shenzhen World Exhibition &amp; Convention Center";
        let mut s = Segment::at(0);
        s.push_verbatim(file, 0..26);
        s.push_decoded("&", 26..31);
        s.push_verbatim(file, 31..file.len());
        assert_eq!(s.text, "Shenzhen World Exhibition & Convention Center");
        assert_eq!(s.original(0..s.text.len()), 0..file.len());
        let amp = s.text.find('&').expect("decoded");
        assert_eq!(s.original(amp..amp + 1), 26..31);
    }

    #[test]
    fn pieces_from_two_lines_join_with_their_own_offsets() {
        let file = "Das Ministerium\n> für Kultur";
        let mut s = Segment::at(0);
        s.push_verbatim(file, 0..15);
        s.push_decoded(" ", 15..16);
        s.push_verbatim(file, 18..file.len());
        let end = s.text.len();
        assert_eq!(s.original(4..end), 4..file.len());
    }

    #[test]
    fn gaps_are_not_doubled_and_not_leading() {
        let mut s = Segment::at(0);
        s.push_gap(0);
        s.push_verbatim("ab", 0..2);
        s.push_gap(2);
        s.push_gap(2);
        assert_eq!(s.text, format!("ab{GAP}"));
    }
}
