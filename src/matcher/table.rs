//! The compiled glossary's tables. Every string the matcher keeps — folded
//! forms, the glossary's spellings, the pieces a pattern verifies — lies
//! end to end in one buffer, and rows refer to it by byte span. A glossary
//! of 100,000 concepts has about two million such strings: as rows they
//! are a handful of allocations instead of millions, and the cache reads
//! them back as such.

use super::FormKind;
use serde::{Deserialize, Serialize};

/// Where one string lies in [`Texts`]: its first byte and length (a
/// length is short, so the cache stores it in a byte or two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Span {
    start: usize,
    len: usize,
}

impl Span {
    fn end(self) -> Option<usize> {
        self.start.checked_add(self.len)
    }
}

/// Where a run of rows lies in their table: the first and how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Rows {
    start: usize,
    len: usize,
}

impl Rows {
    fn of<T>(self, table: &[T]) -> &[T] {
        &table[self.start..self.start + self.len]
    }

    fn within(self, len: usize) -> bool {
        self.start
            .checked_add(self.len)
            .is_some_and(|end| end <= len)
    }
}

/// All strings of the tables, end to end.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Texts(String);

impl Texts {
    pub(super) fn push(&mut self, text: &str) -> Span {
        let start = self.0.len();
        self.0.push_str(text);
        Span {
            start,
            len: text.len(),
        }
    }

    /// `text` as a part of the string at `within` when it is one, else
    /// added: most pieces of a pattern are parts of its folded form.
    fn push_within(&mut self, text: &str, within: Span) -> Span {
        match memchr::memmem::find(self.bytes(within), text.as_bytes()) {
            Some(at) => Span {
                start: within.start + at,
                len: text.len(),
            },
            None => self.push(text),
        }
    }

    pub(super) fn get(&self, span: Span) -> &str {
        &self.0[span.start..span.start + span.len]
    }

    /// The bytes of `span`, without the character-boundary check of
    /// [`Texts::get`]: verification compares bytes.
    pub(super) fn bytes(&self, span: Span) -> &[u8] {
        &self.0.as_bytes()[span.start..span.start + span.len]
    }

    /// Whether `span` lies within the buffer on character boundaries (a
    /// table read back from the cache).
    fn holds(&self, span: Span) -> bool {
        span.end()
            .is_some_and(|end| self.0.is_char_boundary(span.start) && self.0.is_char_boundary(end))
    }
}

/// One rendering: its concept, folded form and glossary forms.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RenderingRow {
    concept: usize,
    folded: Span,
    forms: Rows,
}

/// One glossary form of a rendering.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct FormRow {
    entry: usize,
    kind: FormKind,
    text: Span,
}

/// A piece of a compiled form: text that must appear as is, or a word
/// (its stem, then one of the endings of list `endings`).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) enum PieceRow {
    Literal(Span),
    Word { stem: Span, endings: usize },
}

/// A form compiled for verification after its anchor was found: the
/// pieces after the anchor, and the rendering it is.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct PatternRow {
    pub(super) rendering: usize,
    pieces: Rows,
}

/// Renderings, their forms, patterns and their pieces, over one buffer of
/// text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Tables {
    pub(super) texts: Texts,
    renderings: Vec<RenderingRow>,
    forms: Vec<FormRow>,
    patterns: Vec<PatternRow>,
    pieces: Vec<PieceRow>,
}

/// A glossary form while the tables are built.
#[derive(Debug, Clone)]
pub(super) struct OwnedForm {
    pub(super) entry: usize,
    pub(super) kind: FormKind,
    pub(super) text: String,
}

/// A piece while the tables are built: its text, and for a word the
/// number of its list of endings.
#[derive(Debug, Clone)]
pub(super) enum OwnedPiece<'a> {
    Literal(&'a str),
    Word(&'a str, usize),
}

impl Tables {
    /// Adds a rendering with its forms; its number is returned.
    pub(super) fn push_rendering(
        &mut self,
        concept: usize,
        folded: &str,
        forms: &[OwnedForm],
    ) -> usize {
        let folded_text = folded;
        let folded = self.texts.push(folded);
        let start = self.forms.len();
        for form in forms {
            // Unspaced scripts have no capitals: their forms are often
            // their folded form.
            let text = if form.text == folded_text {
                folded
            } else {
                self.texts.push(&form.text)
            };
            self.forms.push(FormRow {
                entry: form.entry,
                kind: form.kind,
                text,
            });
        }
        let forms = Rows {
            start,
            len: forms.len(),
        };
        self.renderings.push(RenderingRow {
            concept,
            folded,
            forms,
        });
        self.renderings.len() - 1
    }

    /// Adds a pattern of `rendering` made of `pieces`.
    pub(super) fn push_pattern<'a>(
        &mut self,
        rendering: usize,
        pieces: impl IntoIterator<Item = OwnedPiece<'a>>,
    ) {
        let start = self.pieces.len();
        let folded = self.renderings[rendering].folded;
        for piece in pieces {
            let row = match piece {
                OwnedPiece::Literal(text) => {
                    PieceRow::Literal(self.texts.push_within(text, folded))
                }
                OwnedPiece::Word(stem, endings) => PieceRow::Word {
                    stem: self.texts.push_within(stem, folded),
                    endings,
                },
            };
            self.pieces.push(row);
        }
        let pieces = Rows {
            start,
            len: self.pieces.len() - start,
        };
        self.patterns.push(PatternRow { rendering, pieces });
    }

    pub(super) fn rendering_count(&self) -> usize {
        self.renderings.len()
    }

    pub(super) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Rendering number `index`.
    pub(super) fn rendering(&self, index: usize) -> Rendering<'_> {
        let row = &self.renderings[index];
        Rendering {
            concept: row.concept,
            folded: self.texts.get(row.folded),
            forms: row.forms.of(&self.forms),
            texts: &self.texts,
        }
    }

    /// The concept of rendering `index`.
    pub(super) fn concept_of(&self, index: usize) -> usize {
        self.renderings[index].concept
    }

    pub(super) fn pattern(&self, index: usize) -> &PatternRow {
        &self.patterns[index]
    }

    pub(super) fn pieces(&self, pattern: &PatternRow) -> &[PieceRow] {
        pattern.pieces.of(&self.pieces)
    }

    /// Whether every row refers within the tables, every span to whole
    /// characters of the text, every word to one of `endings` lists, and
    /// every form to an entry its concept has (`entries` per concept):
    /// tables read back from the cache are checked before use.
    pub(super) fn consistent(&self, endings: usize, entries: &[usize]) -> bool {
        let texts = &self.texts;
        let renderings = self.renderings.iter().all(|r| {
            texts.holds(r.folded)
                && r.forms.within(self.forms.len())
                && entries.get(r.concept).is_some_and(|&count| {
                    r.forms
                        .of(&self.forms)
                        .iter()
                        .all(|f| f.entry < count && texts.holds(f.text))
                })
        });
        let patterns = self
            .patterns
            .iter()
            .all(|p| p.rendering < self.renderings.len() && p.pieces.within(self.pieces.len()));
        let pieces = self.pieces.iter().all(|piece| match *piece {
            PieceRow::Literal(text) => texts.holds(text),
            PieceRow::Word { stem, endings: e } => texts.holds(stem) && e < endings,
        });
        renderings && patterns && pieces
    }
}

/// All forms of one concept that fold to the same text: one *rendering*.
#[derive(Debug, Clone, Copy)]
pub struct Rendering<'m> {
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// The folded form.
    pub folded: &'m str,
    forms: &'m [FormRow],
    texts: &'m Texts,
}

impl<'m> Rendering<'m> {
    /// Every glossary form with this folded text, in file order.
    pub fn forms(&self) -> impl ExactSizeIterator<Item = FormRef<'m>> + Clone + 'm {
        let texts = self.texts;
        self.forms.iter().map(move |f| FormRef {
            entry: f.entry,
            kind: f.kind,
            text: texts.get(f.text),
        })
    }

    /// The first of [`Rendering::forms`].
    pub fn first_form(&self) -> Option<FormRef<'m>> {
        self.forms().next()
    }
}

/// One form as the glossary writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormRef<'m> {
    /// Index of the entry in its concept.
    pub entry: usize,
    /// Official or variant.
    pub kind: FormKind,
    /// The form as written in the glossary.
    pub text: &'m str,
}
