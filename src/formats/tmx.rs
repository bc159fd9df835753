//! TMX reader (translation memories, TMX 1.4b; 1.1–1.3 `lang` accepted):
//! each `<tu>` holds one `<tuv>` per language; the source language's
//! `<seg>` becomes the pair's source, every other language's a segment to
//! check, in its own language.
//!
//! The source language is the `<tu>`'s `srclang`, else the `<header>`'s
//! (TMX 1.4b §3.1, §3.2.1). Where neither names a language (`*all*`, or
//! missing), the unit's first `<tuv>` is its source. Inline elements of a
//! `<seg>` (TMX 1.4b §3.7) read as XLIFF's do: `<bpt>`/`<ept>` codes are
//! skipped without breaking the text, `<hi>` wraps text of the same flow,
//! and `<ph>`, `<it>` and `<ut>` stand for native code (a gap). Headers,
//! `<prop>`, `<note>` and `<ude>` hold no text to check and are skipped.

use super::xliff::{content, lang_attr, xml::Xml};
use super::{Parsed, ReadError, ReadOptions};
use crate::document::Pair;
use crate::lang::LangTag;
use crate::segment::Segment;
use quick_xml::events::{BytesStart, Event};

/// Reads a TMX file.
pub fn read(text: &str, _options: &ReadOptions) -> Result<Parsed, ReadError> {
    let mut reader = Reader {
        xml: Xml::new(text),
        header_source: None,
        unit: None,
        units: Vec::new(),
    };
    reader.run()?;
    Ok(finish(reader.header_source, reader.units))
}

/// One `<tu>` read so far.
#[derive(Debug, Default)]
struct Unit {
    /// Its own `srclang`, when a language tag.
    source_lang: Option<LangTag>,
    /// The language of the `<tuv>` being read.
    current: Option<LangTag>,
    /// Each variant's language and text, in file order.
    variants: Vec<(Option<LangTag>, Segment)>,
}

struct Reader<'t> {
    xml: Xml<'t>,
    /// The header's `srclang`, when a language tag.
    header_source: Option<LangTag>,
    unit: Option<Unit>,
    units: Vec<Unit>,
}

impl Reader<'_> {
    fn run(&mut self) -> Result<(), ReadError> {
        loop {
            let (_, event) = self.xml.next()?;
            match event {
                Event::Start(e) => self.start(&e)?,
                Event::Empty(e) if e.local_name().as_ref() == "header" => {
                    self.header_source = lang_attr(&e, "srclang");
                }
                Event::End(e) => self.end(e.local_name().as_ref()),
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>) -> Result<(), ReadError> {
        match (e.local_name().as_ref(), self.unit.as_mut()) {
            ("tmx" | "body", None) => {}
            ("header", None) => {
                self.header_source = lang_attr(e, "srclang");
                self.xml.skip(e)?;
            }
            ("tu", None) => {
                self.unit = Some(Unit {
                    source_lang: lang_attr(e, "srclang"),
                    ..Unit::default()
                });
            }
            ("tuv", Some(unit)) => {
                // TMX 1.4 names the language `xml:lang`, earlier versions `lang`.
                unit.current = lang_attr(e, "xml:lang").or_else(|| lang_attr(e, "lang"));
            }
            ("seg", Some(_)) => {
                let segment = content::read(&mut self.xml, "seg")?;
                if let Some(unit) = self.unit.as_mut() {
                    unit.variants.push((unit.current.clone(), segment));
                }
            }
            _ => self.xml.skip(e)?,
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        if name == "tu" {
            if let Some(unit) = self.unit.take() {
                self.units.push(unit);
            }
        }
    }
}

/// The segments and pairs of every unit.
fn finish(header_source: Option<LangTag>, units: Vec<Unit>) -> Parsed {
    let mut found = Vec::new();
    let mut source_lang = header_source.clone();
    for unit in units {
        let declared = unit.source_lang.or_else(|| header_source.clone());
        let mut variants = unit.variants.into_iter();
        let (sources, targets): (Vec<_>, Vec<_>) = match &declared {
            Some(lang) => variants.partition(|(l, _)| l.as_ref() == Some(lang)),
            None => (variants.next().into_iter().collect(), variants.collect()),
        };
        let unit_source = declared.or_else(|| sources.first().and_then(|(l, _)| l.clone()));
        source_lang = source_lang.or_else(|| unit_source.clone());
        let sources: Vec<Segment> = sources.into_iter().map(|(_, s)| s).collect();
        for (lang, target) in targets.into_iter().filter(|(_, s)| !s.is_blank()) {
            found.push((lang, target, sources.clone(), unit_source.clone()));
        }
    }
    let mut langs: Vec<&LangTag> = found.iter().filter_map(|(l, ..)| l.as_ref()).collect();
    let lang = langs.first().map(|l| (*l).clone());
    langs.sort();
    langs.dedup();
    let mixed = langs.len() > 1;
    let mut parsed = Parsed {
        lang,
        source_lang,
        ..Parsed::default()
    };
    for (lang, mut target, source, source_lang) in found {
        // Units in several target languages: each segment carries its own,
        // and the document keeps the first.
        if mixed {
            target.lang = lang;
        }
        let i = parsed.segments.len();
        parsed.pairs.push(Pair {
            targets: i..i + 1,
            anchor: target.anchor,
            source,
            source_lang,
        });
        parsed.segments.push(target);
    }
    parsed
}

#[cfg(test)]
mod tests;
