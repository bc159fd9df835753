//! The text of one `<source>` or `<target>`: character data, entities and
//! character references decoded, CDATA as is, inline codes left out as
//! gaps, each piece mapped back to the file's bytes.
//!
//! Inline elements (XLIFF 1.2 §2.4, XLIFF 2.1 §4.2.3) come in two kinds.
//! Those that wrap translatable text (`<g>`, `<pc>`, `<mrk>`) continue the
//! text around them: `<g id="1">Ministerium</g> für Kultur` is one name;
//! a `<mrk>` marked not to be translated is left out like a code.
//! Placeholders for native codes (`<x/>`, `<ph>`, `<it>`, `<ph/>`) stand
//! for something that is not text, so they are gaps and whatever they hold
//! is skipped. Paired codes that switch formatting on and off (`<bx/>`,
//! `<ex/>`, `<bpt>`, `<ept>`, `<sc/>`, `<ec/>`) are skipped without a gap:
//! `<bpt>…</bpt>Ministerium<ept>…</ept> für Kultur` is still one name.

use super::xml::Xml;
use crate::formats::ReadError;
use crate::segment::Segment;
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::ops::Range;

/// `<![CDATA[` and `]]>` around CDATA content (XML 1.0 §2.7).
const CDATA_OPEN: usize = "<![CDATA[".len();
const CDATA_CLOSE: usize = "]]>".len();

/// Reads the content of `element`, whose start tag was just read, up to
/// and including its end tag.
pub(in crate::formats) fn read(xml: &mut Xml<'_>, element: &str) -> Result<Segment, ReadError> {
    let mut content = Content {
        text: xml.text(),
        segment: Segment::at(xml.position()),
        depth: 0,
    };
    loop {
        let before = xml.position();
        let (core, event) = xml.next()?;
        let span = before..xml.position();
        match event {
            Event::End(_) if content.depth == 0 => return Ok(content.segment),
            Event::End(_) => content.depth -= 1,
            Event::Start(e) if core && wraps_text(&e) => content.depth += 1,
            Event::Start(e) => {
                xml.skip(&e)?;
                if !(core && marks_formatting(&e)) {
                    content.segment.push_gap(span.start);
                }
            }
            Event::Empty(e) => content.empty(&e, core, span),
            Event::Eof => return Err(xml.unclosed(element)),
            event => content.text_event(&event, span),
        }
    }
}

/// The segment being built and how deep inside text-wrapping elements the
/// reader is.
struct Content<'t> {
    text: &'t str,
    segment: Segment,
    depth: usize,
}

impl Content<'_> {
    fn text_event(&mut self, event: &Event<'_>, span: Range<usize>) {
        match event {
            Event::Text(_) => self.segment.push_verbatim(self.text, span),
            Event::CData(_) => {
                let inner = span.start + CDATA_OPEN..span.end.saturating_sub(CDATA_CLOSE);
                if inner.start <= inner.end {
                    self.segment.push_verbatim(self.text, inner);
                }
            }
            Event::GeneralRef(r) => self.reference(r, span),
            // Comments and processing instructions are not content: the
            // text on both sides joins up.
            _ => {}
        }
    }

    /// An entity or character reference (XML 1.0 §4.1): decoded, mapped to
    /// the whole `&…;`. An entity only a DTD could define is a gap.
    fn reference(&mut self, r: &BytesRef<'_>, span: Range<usize>) {
        let decoded = match r.resolve_char_ref() {
            Ok(Some(c)) => Some(c.to_string()),
            Ok(None) => quick_xml::escape::resolve_predefined_entity(r).map(str::to_string),
            Err(_) => None,
        };
        match decoded {
            Some(d) => self.segment.push_decoded(&d, span),
            None => self.segment.push_gap(span.start),
        }
    }

    fn empty(&mut self, e: &BytesStart<'_>, core: bool, span: Range<usize>) {
        match e.local_name().as_ref() {
            // XLIFF 2.1 §4.2.3.2: `<cp hex>` stands for a character XML
            // cannot carry; it is text.
            "cp" if core => match code_point(e) {
                Some(c) => self.segment.push_decoded(c.encode_utf8(&mut [0; 4]), span),
                None => self.segment.push_gap(span.start),
            },
            // XLIFF 2.1 §4.2.3.6-7 and 1.2 `<mrk/>`: annotation markers, the
            // annotated text goes on across them.
            "sm" | "em" | "mrk" | "g" | "pc" if core => {}
            // Starts and ends of paired codes (bold on, bold off) format
            // the text, they do not interrupt it: a name may run across.
            "bx" | "ex" | "sc" | "ec" if core => {}
            _ => self.segment.push_gap(span.start),
        }
    }
}

/// XLIFF 1.2 `<bpt>`/`<ept>`: native codes that open and close
/// formatting around text; what they hold is code, but the text goes on.
fn marks_formatting(e: &BytesStart<'_>) -> bool {
    matches!(e.local_name().as_ref(), "bpt" | "ept")
}

/// Elements whose content is text of the same flow (TMX's `<hi>` too),
/// unless it is marked not to be translated.
fn wraps_text(e: &BytesStart<'_>) -> bool {
    matches!(e.local_name().as_ref(), "g" | "pc" | "mrk" | "hi") && !protected(e)
}

/// `<mrk translate="no">` (XLIFF 2) and `<mrk mtype="protected">` (XLIFF
/// 1.2): text the translator must leave as it is (a product name, a
/// quotation), so it is left out like a code, with a gap.
fn protected(e: &BytesStart<'_>) -> bool {
    super::attr(e, "translate").as_deref() == Some("no")
        || super::attr(e, "mtype").as_deref() == Some("protected")
}

/// The character of `<cp hex="…"/>`.
fn code_point(e: &BytesStart<'_>) -> Option<char> {
    let hex = super::attr(e, "hex")?;
    u32::from_str_radix(hex.trim(), 16)
        .ok()
        .and_then(char::from_u32)
}
