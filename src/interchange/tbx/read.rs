//! Reading TBX XML into plain records: concepts, their language sections
//! and terms with a status, before any termlint rule is applied.
//!
//! Elements are matched by local name, so TBX v2 (`martif`, ISO
//! 30042:2008: `termEntry` / `langSet` / `tig` or `ntig`/`termGrp`) and
//! TBX v3 (`tbx`, ISO 30042:2019 §7: `conceptEntry` / `langSec` /
//! `termSec`) read alike, with or without a namespace.

use super::status::{is_status_type, Status};
use crate::lang::LangTag;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// One term and its status, if it has one.
#[derive(Debug, Clone, Default)]
pub struct TermRecord {
    /// The term as written, white space collapsed.
    pub text: String,
    /// From `administrativeStatus` or `normativeAuthorization`.
    pub status: Option<Status>,
}

/// One language section (`langSet`, `langSec`).
#[derive(Debug, Clone)]
pub struct LangRecord {
    /// Its `xml:lang`, canonicalized.
    pub lang: LangTag,
    /// Its terms in file order.
    pub terms: Vec<TermRecord>,
}

/// One concept (`termEntry`, `conceptEntry`).
#[derive(Debug, Clone, Default)]
pub struct ConceptRecord {
    /// The `id` attribute as written.
    pub id: Option<String>,
    /// The first `descrip type="definition"`.
    pub definition: Option<String>,
    /// The first `note`.
    pub note: Option<String>,
    /// `descrip type="Translation needed"` said `no`.
    pub dnt: bool,
    /// Language sections in file order.
    pub langs: Vec<LangRecord>,
}

/// Why the XML could not be read, and the byte offset where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// Byte offset into the decoded text, where one place is to blame.
    pub offset: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// An element whose text is being collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Term,
    Status,
    Definition,
    Note,
    TranslationNeeded,
}

/// Text being collected, with the depth of inline markup inside it.
#[derive(Debug)]
struct Capture {
    field: Field,
    depth: usize,
    text: String,
}

/// The reader's state between events.
#[derive(Debug, Default)]
struct Parser {
    concepts: Vec<ConceptRecord>,
    concept: Option<ConceptRecord>,
    lang: Option<LangRecord>,
    unit: Option<TermRecord>,
    capture: Option<Capture>,
    root: Option<String>,
}

/// Reads every concept of a TBX document.
pub fn read(text: &str) -> Result<Vec<ConceptRecord>, XmlError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut parser = Parser::default();
    loop {
        let at = offset(reader.buffer_position());
        let event = reader.read_event().map_err(|e| XmlError {
            offset: Some(offset(reader.error_position())),
            message: format!("malformed XML: {}", crate::formats::xml_detail(&e)),
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) => parser.start(&e).map_err(|message| XmlError {
                offset: Some(at),
                message,
            })?,
            Event::End(e) => parser.end(e.local_name().into_inner()),
            Event::Text(t) => parser.push_text(&t.xml10_content()),
            Event::CData(t) => parser.push_text(&t.xml10_content()),
            Event::GeneralRef(r) => parser.push_text(&resolve(&r)),
            _ => {}
        }
    }
    match parser.root.as_deref() {
        Some("martif" | "tbx") => Ok(parser.concepts),
        other => Err(XmlError {
            offset: None,
            message: not_tbx(other),
        }),
    }
}

fn not_tbx(root: Option<&str>) -> String {
    let found = root.map_or("no element".to_string(), |r| format!("`<{r}>`"));
    format!("not a TBX file: expected a `<tbx>` or `<martif>` root element, found {found}")
}

fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

/// The text an entity or character reference stands for; an entity only a
/// DTD could define is kept as written.
fn resolve(r: &BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match resolve_predefined_entity(r) {
        Some(s) => s.to_string(),
        None => format!("&{};", &**r),
    }
}

/// The value of the attribute whose local name is `name`.
fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == name)
        .map(|a| {
            let value = a.normalized_value(XmlVersion::Implicit1_0);
            collapse(&value.unwrap_or_else(|_| a.value.clone()))
        })
}

/// `s` trimmed, every run of white space one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Parser {
    fn start(&mut self, e: &BytesStart) -> Result<(), String> {
        if let Some(capture) = &mut self.capture {
            capture.depth += 1;
            return Ok(());
        }
        let name = e.local_name().into_inner();
        self.root.get_or_insert_with(|| name.to_string());
        match name {
            "termEntry" | "conceptEntry" => {
                self.concept = Some(ConceptRecord {
                    id: attribute(e, "id"),
                    ..ConceptRecord::default()
                });
            }
            "langSet" | "langSec" => self.lang = Some(lang_record(e)?),
            "tig" | "ntig" | "termSec" => self.unit = Some(TermRecord::default()),
            name => self.capture = capture_for(name, e),
        }
        Ok(())
    }

    fn push_text(&mut self, text: &str) {
        if let Some(capture) = &mut self.capture {
            capture.text.push_str(text);
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(capture) = &mut self.capture {
            if capture.depth > 0 {
                capture.depth -= 1;
                return;
            }
        }
        if let Some(capture) = self.capture.take() {
            self.finish_capture(capture);
            return;
        }
        match name {
            "termEntry" | "conceptEntry" => self.finish_concept(),
            "langSet" | "langSec" => self.finish_lang(),
            "tig" | "ntig" | "termSec" => self.finish_unit(),
            _ => {}
        }
    }

    fn finish_capture(&mut self, capture: Capture) {
        let text = collapse(&capture.text);
        match capture.field {
            Field::Term => self.set_term(text),
            Field::Status => {
                if let Some(unit) = &mut self.unit {
                    unit.status = Status::parse(&text).or(unit.status);
                }
            }
            Field::Definition => self.set_concept(|c| {
                c.definition.get_or_insert(text);
            }),
            Field::Note => self.set_concept(|c| {
                c.note.get_or_insert(text);
            }),
            Field::TranslationNeeded => {
                let no = text.eq_ignore_ascii_case("no");
                self.set_concept(|c| c.dnt |= no);
            }
        }
    }

    fn set_concept(&mut self, set: impl FnOnce(&mut ConceptRecord)) {
        if let Some(concept) = &mut self.concept {
            set(concept);
        }
    }

    /// A term inside a `tig`/`ntig`/`termSec` waits for its status; one
    /// outside any (TBX-Min style) is complete at once.
    fn set_term(&mut self, text: String) {
        match &mut self.unit {
            Some(unit) => unit.text = text,
            None => self.push_term(TermRecord { text, status: None }),
        }
    }

    fn push_term(&mut self, term: TermRecord) {
        if let Some(lang) = &mut self.lang {
            if !term.text.is_empty() {
                lang.terms.push(term);
            }
        }
    }

    fn finish_unit(&mut self) {
        if let Some(unit) = self.unit.take() {
            self.push_term(unit);
        }
    }

    fn finish_lang(&mut self) {
        if let (Some(lang), Some(concept)) = (self.lang.take(), &mut self.concept) {
            concept.langs.push(lang);
        }
    }

    fn finish_concept(&mut self) {
        if let Some(concept) = self.concept.take() {
            self.concepts.push(concept);
        }
    }
}

/// A language section's record; its `xml:lang` must be a language tag.
fn lang_record(e: &BytesStart) -> Result<LangRecord, String> {
    let raw = attribute(e, "lang").ok_or_else(|| {
        let name = e.local_name().into_inner().to_string();
        format!("`{name}` has no `xml:lang`; every language section needs one")
    })?;
    let lang = LangTag::parse(&raw).map_err(|err| err.to_string())?;
    Ok(LangRecord {
        lang,
        terms: Vec::new(),
    })
}

/// Which text of element `name` termlint keeps, if any.
fn capture_for(name: &str, e: &BytesStart) -> Option<Capture> {
    let kind = attribute(e, "type").unwrap_or_default();
    let field = match name {
        "term" => Field::Term,
        "termNote" if is_status_type(&kind) => Field::Status,
        "descrip" if kind == "definition" => Field::Definition,
        // Weblate marks a do-not-translate entry this way.
        "descrip" if kind.eq_ignore_ascii_case("translation needed") => Field::TranslationNeeded,
        "note" => Field::Note,
        _ => return None,
    };
    Some(Capture {
        field,
        depth: 0,
        text: String::new(),
    })
}
