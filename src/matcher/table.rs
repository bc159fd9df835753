//! The compiled glossary's tables. Every string the matcher keeps — folded
//! forms, the glossary's spellings, the pieces a pattern verifies — lies
//! end to end in one buffer, and rows refer to it by byte span. A glossary
//! of 100,000 concepts has about two million such strings: as rows they
//! are a handful of allocations instead of millions, and the cache reads
//! them back as such.

use super::packed::{self, u32_at, Packed};
use super::FormKind;
use crate::inflect::Proclitics;
use serde::{Deserialize, Serialize};

/// A position or count in the tables, kept in 32 bits: the rows are most
/// of a large compiled glossary's memory. Tables of 4 GiB would need a
/// YAML glossary of more than a gigabyte, far beyond what parsing it
/// could hold in memory.
fn small(n: usize) -> u32 {
    u32::try_from(n).expect("invariant: the compiled glossary's tables stay below 4 GiB")
}

/// A run of `len` items from `start`: bytes of [`Texts`] or rows of a
/// table (a length is short, so the cache stores it in a byte or two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Run {
    start: u32,
    len: u32,
}

/// Where one string lies in [`Texts`].
pub(super) type Span = Run;

/// Where a run of rows lies in their table.
type Rows = Run;

impl Run {
    fn range(self) -> std::ops::Range<usize> {
        let start = self.start as usize;
        start..start.saturating_add(self.len as usize)
    }

    fn of<T>(self, table: &[T]) -> &[T] {
        &table[self.range()]
    }

    fn within(self, len: usize) -> bool {
        self.range().end <= len
    }
}

/// All strings of the tables, end to end.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Texts(#[serde(deserialize_with = "packed::text")] String);

impl Texts {
    pub(super) fn push(&mut self, text: &str) -> Span {
        let start = small(self.0.len());
        self.0.push_str(text);
        small(self.0.len());
        Span {
            start,
            len: small(text.len()),
        }
    }

    /// `text` as a part of the string at `within` when it is one, else
    /// added: most pieces of a pattern are parts of its folded form.
    fn push_within(&mut self, text: &str, within: Span) -> Span {
        match memchr::memmem::find(self.bytes(within), text.as_bytes()) {
            Some(at) => Span {
                start: within.start + small(at),
                len: small(text.len()),
            },
            None => self.push(text),
        }
    }

    pub(super) fn get(&self, span: Span) -> &str {
        &self.0[span.range()]
    }

    /// The bytes of `span`, without the character-boundary check of
    /// [`Texts::get`]: verification compares bytes.
    pub(super) fn bytes(&self, span: Span) -> &[u8] {
        &self.0.as_bytes()[span.range()]
    }

    /// Whether `span` lies within the buffer on character boundaries (a
    /// table read back from the cache).
    fn holds(&self, span: Span) -> bool {
        let range = span.range();
        self.0.is_char_boundary(range.start) && self.0.is_char_boundary(range.end)
    }
}

/// One rendering: its concept, folded form and glossary forms.
#[derive(Debug, Clone)]
struct RenderingRow {
    concept: u32,
    folded: Span,
    forms: Rows,
}

/// One glossary form of a rendering.
#[derive(Debug, Clone)]
struct FormRow {
    entry: u32,
    kind: FormKind,
    text: Span,
}

/// A piece of a compiled form: text that must appear as is, or a word
/// (its stem, then one of the endings of list `endings`).
#[derive(Debug, Clone, Copy)]
pub(super) enum PieceRow {
    Literal(Span),
    Word { stem: Span, endings: u32 },
}

/// A form compiled for verification after its anchor was found: the
/// pieces after the anchor, and the rendering it is.
#[derive(Debug, Clone)]
pub(super) struct PatternRow {
    rendering: u32,
    /// The rendering's concept, kept beside it: a candidate needs both,
    /// and the rendering's own row is elsewhere in memory.
    concept: u32,
    pieces: Rows,
    proclitics: Proclitics,
}

impl PatternRow {
    /// The rendering the pattern is.
    pub(super) fn rendering(&self) -> usize {
        self.rendering as usize
    }

    /// The concept of the rendering.
    pub(super) fn concept(&self) -> usize {
        self.concept as usize
    }

    /// The prefixes the form may be written after.
    pub(super) fn proclitics(&self) -> Proclitics {
        self.proclitics
    }
}

/// A span or run of rows: start, then length.
impl Packed for Run {
    const SIZE: usize = 8;

    fn pack(&self, out: &mut Vec<u8>) {
        self.start.pack(out);
        self.len.pack(out);
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        Some(Run {
            start: u32_at(bytes, 0),
            len: u32_at(bytes, 1),
        })
    }
}

/// The run at word `n` of `bytes`.
fn run_at(bytes: &[u8], n: usize) -> Run {
    Run {
        start: u32_at(bytes, n),
        len: u32_at(bytes, n + 1),
    }
}

impl Packed for RenderingRow {
    const SIZE: usize = 20;

    fn pack(&self, out: &mut Vec<u8>) {
        self.concept.pack(out);
        self.folded.pack(out);
        self.forms.pack(out);
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        Some(RenderingRow {
            concept: u32_at(bytes, 0),
            folded: run_at(bytes, 1),
            forms: run_at(bytes, 3),
        })
    }
}

/// [`FormKind::Variant`] among the ranks of official forms.
const VARIANT: u32 = u32::MAX;

impl Packed for FormRow {
    const SIZE: usize = 16;

    fn pack(&self, out: &mut Vec<u8>) {
        self.entry.pack(out);
        let kind = match self.kind {
            FormKind::Official { rank } => small(rank).min(VARIANT - 1),
            FormKind::Variant => VARIANT,
        };
        kind.pack(out);
        self.text.pack(out);
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        let kind = match u32_at(bytes, 1) {
            VARIANT => FormKind::Variant,
            rank => FormKind::Official {
                rank: rank as usize,
            },
        };
        Some(FormRow {
            entry: u32_at(bytes, 0),
            kind,
            text: run_at(bytes, 2),
        })
    }
}

/// A literal's endings number, where a word has its list's.
const LITERAL: u32 = u32::MAX;

impl Packed for PieceRow {
    const SIZE: usize = 12;

    fn pack(&self, out: &mut Vec<u8>) {
        let (span, endings) = match *self {
            PieceRow::Literal(span) => (span, LITERAL),
            PieceRow::Word { stem, endings } => (stem, endings),
        };
        span.pack(out);
        endings.pack(out);
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        let span = run_at(bytes, 0);
        Some(match u32_at(bytes, 2) {
            LITERAL => PieceRow::Literal(span),
            endings => PieceRow::Word {
                stem: span,
                endings,
            },
        })
    }
}

impl Packed for PatternRow {
    const SIZE: usize = 20;

    fn pack(&self, out: &mut Vec<u8>) {
        self.rendering.pack(out);
        self.concept.pack(out);
        self.pieces.pack(out);
        let proclitics: u32 = match self.proclitics {
            Proclitics::None => 0,
            Proclitics::Arabic => 1,
            Proclitics::Hebrew => 2,
        };
        proclitics.pack(out);
    }

    fn unpack(bytes: &[u8]) -> Option<Self> {
        let proclitics = match u32_at(bytes, 4) {
            0 => Proclitics::None,
            1 => Proclitics::Arabic,
            2 => Proclitics::Hebrew,
            _ => return None,
        };
        Some(PatternRow {
            rendering: u32_at(bytes, 0),
            concept: u32_at(bytes, 1),
            pieces: run_at(bytes, 2),
            proclitics,
        })
    }
}

/// Renderings, their forms, patterns and their pieces, over one buffer of
/// text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Tables {
    pub(super) texts: Texts,
    #[serde(with = "packed::rows")]
    renderings: Vec<RenderingRow>,
    #[serde(with = "packed::rows")]
    forms: Vec<FormRow>,
    #[serde(with = "packed::rows")]
    patterns: Vec<PatternRow>,
    #[serde(with = "packed::rows")]
    pieces: Vec<PieceRow>,
}

/// A glossary form while the tables are built.
#[derive(Debug, Clone)]
pub(super) struct OwnedForm<'g> {
    pub(super) entry: usize,
    pub(super) kind: FormKind,
    /// The form as the glossary writes it.
    pub(super) text: &'g str,
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
        forms: &[OwnedForm<'_>],
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
                self.texts.push(form.text)
            };
            self.forms.push(FormRow {
                entry: small(form.entry),
                kind: form.kind,
                text,
            });
        }
        let forms = Rows {
            start: small(start),
            len: small(forms.len()),
        };
        self.renderings.push(RenderingRow {
            concept: small(concept),
            folded,
            forms,
        });
        self.renderings.len() - 1
    }

    /// Adds a pattern of `rendering` made of `pieces`, that may also be
    /// written after `proclitics`.
    pub(super) fn push_pattern<'a>(
        &mut self,
        rendering: usize,
        pieces: impl IntoIterator<Item = OwnedPiece<'a>>,
        proclitics: Proclitics,
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
                    endings: small(endings),
                },
            };
            self.pieces.push(row);
        }
        let pieces = Rows {
            start: small(start),
            len: small(self.pieces.len() - start),
        };
        self.patterns.push(PatternRow {
            rendering: small(rendering),
            concept: self.renderings[rendering].concept,
            pieces,
            proclitics,
        });
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
            concept: row.concept as usize,
            folded: self.texts.get(row.folded),
            forms: row.forms.of(&self.forms),
            texts: &self.texts,
        }
    }

    /// The concept of rendering `index`.
    pub(super) fn concept_of(&self, index: usize) -> usize {
        self.renderings[index].concept as usize
    }

    pub(super) fn pattern(&self, index: usize) -> &PatternRow {
        &self.patterns[index]
    }

    pub(super) fn pieces(&self, pattern: &PatternRow) -> &[PieceRow] {
        pattern.pieces.of(&self.pieces)
    }

    /// Whether every row refers within the tables, every span to whole
    /// characters of the text, and every word to one of `endings` lists:
    /// tables read back from the cache are checked before use, while the
    /// glossary is still being read; [`Tables::entries_within`] checks the
    /// forms against it.
    pub(super) fn sound(&self, endings: usize) -> bool {
        let texts = &self.texts;
        let renderings = self
            .renderings
            .iter()
            .all(|r| texts.holds(r.folded) && r.forms.within(self.forms.len()));
        let forms = self.forms.iter().all(|f| texts.holds(f.text));
        let patterns = self.patterns.iter().all(|p| {
            self.renderings.get(p.rendering()).map(|r| r.concept) == Some(p.concept)
                && p.pieces.within(self.pieces.len())
        });
        let pieces = self.pieces.iter().all(|piece| match *piece {
            PieceRow::Literal(text) => texts.holds(text),
            PieceRow::Word { stem, endings: e } => texts.holds(stem) && (e as usize) < endings,
        });
        renderings && forms && patterns && pieces
    }

    /// Whether every rendering's concept is one of the glossary's and
    /// every form names an entry its concept has (`entries[c]` entries for
    /// concept `c`).
    pub(super) fn entries_within(&self, entries: &[usize]) -> bool {
        self.renderings.iter().all(|r| {
            let count = entries.get(r.concept as usize);
            let forms = self.forms.get(r.forms.range());
            count
                .zip(forms)
                .is_some_and(|(&count, forms)| forms.iter().all(|f| (f.entry as usize) < count))
        })
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
            entry: f.entry as usize,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &str) -> OwnedForm<'_> {
        OwnedForm {
            entry: 0,
            kind: FormKind::Official { rank: 0 },
            text,
        }
    }

    /// Two concepts of one rendering each, and a pattern of the second.
    fn tables() -> Tables {
        let mut tables = Tables::default();
        tables.push_rendering(0, "bank of spain", &[form("Bank of Spain")]);
        let second = tables.push_rendering(1, "bank of france", &[form("Bank of France")]);
        let pieces = [OwnedPiece::Literal(" of france")];
        tables.push_pattern(second, pieces, Proclitics::None);
        tables
    }

    #[test]
    fn a_pattern_carries_its_renderings_concept_through_the_cache() {
        let tables = tables();
        let pattern = tables.pattern(0);
        assert_eq!((pattern.rendering(), pattern.concept()), (1, 1));
        let bytes = postcard::to_allocvec(&tables).expect("writes");
        let back: Tables = postcard::from_bytes(&bytes).expect("reads back");
        assert_eq!(back.pattern(0).concept(), 1);
        assert!(back.sound(0) && back.entries_within(&[1, 1]));
    }

    #[test]
    fn forms_naming_an_entry_or_concept_the_glossary_lacks_are_refused() {
        let tables = tables();
        assert!(tables.entries_within(&[1, 1]));
        // The second concept has no entry; a glossary of one concept.
        assert!(!tables.entries_within(&[1, 0]));
        assert!(!tables.entries_within(&[1]));
    }

    #[test]
    fn a_pattern_whose_concept_is_not_its_renderings_is_refused() {
        let mut tables = tables();
        assert!(tables.sound(0));
        tables.patterns[0].concept = 0;
        assert!(!tables.sound(0));
        tables.patterns[0].concept = 1;
        tables.patterns[0].rendering = 2;
        assert!(!tables.sound(0));
    }

    #[test]
    fn a_form_outside_the_text_is_refused() {
        let mut tables = tables();
        tables.forms[1].text = Span {
            start: 10_000,
            len: 1,
        };
        assert!(!tables.sound(0));
    }
}
