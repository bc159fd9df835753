//! XLIFF reader (1.2 and 2.x): each translated `<target>` becomes a segment,
//! paired with its `<source>`; the file's target and source languages
//! become the document's.
//!
//! XLIFF 1.2 keeps one `<source>`/`<target>` per `<trans-unit>`
//! (XLIFF 1.2 §2.2, inside `<body>` and `<group>`); XLIFF 2.x keeps them per
//! `<segment>` of a `<unit>` (XLIFF 2.1 §4.2.2.5), so a 2.x unit yields one
//! pair per segment. Everything else (headers, notes, `<alt-trans>`,
//! `<seg-source>`, `<ignorable>`, module elements) holds no text to check
//! and is skipped whole.
//!
//! A unit with no target or an empty one is not translated yet: it has no
//! text to check and nothing that could have lost a name, so it yields
//! neither a segment nor a pair.

pub(super) mod content;
#[cfg(test)]
mod tests;
pub(super) mod xml;

use super::{Parsed, ReadError, ReadOptions};
use crate::document::Pair;
use crate::lang::LangTag;
use crate::segment::Segment;
use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;
use xml::Xml;

/// Reads an XLIFF 1.2 or 2.x file.
pub fn read(text: &str, _options: &ReadOptions) -> Result<Parsed, ReadError> {
    let mut walker = Walker::new(text);
    walker.run()?;
    Ok(walker.finish())
}

/// The languages a `<file>` (or the 2.x root) declares.
#[derive(Debug, Clone, Default)]
struct Langs {
    target: Option<LangTag>,
    source: Option<LangTag>,
}

/// The source and target read so far in one 1.2 `<trans-unit>` or one 2.x
/// `<segment>`.
#[derive(Debug, Default)]
struct Unit {
    source: Option<Segment>,
    target: Option<Segment>,
}

/// A translated target, its source, and the `<file>` it came from.
#[derive(Debug)]
struct Found {
    target: Segment,
    source: Option<Segment>,
    file: usize,
}

/// Walks the XML events of a whole file.
struct Walker<'t> {
    xml: Xml<'t>,
    root: Langs,
    files: Vec<Langs>,
    unit: Option<Unit>,
    found: Vec<Found>,
}

impl<'t> Walker<'t> {
    fn new(text: &'t str) -> Walker<'t> {
        Walker {
            xml: Xml::new(text),
            root: Langs::default(),
            files: Vec::new(),
            unit: None,
            found: Vec::new(),
        }
    }

    fn run(&mut self) -> Result<(), ReadError> {
        loop {
            let (core, event) = self.xml.next()?;
            match event {
                Event::Start(e) if core => self.start(&e)?,
                Event::Start(e) => self.xml.skip(&e)?,
                Event::End(e) if core => self.end(e.local_name().as_ref()),
                Event::Empty(e) if core && e.local_name().as_ref() == "file" => {
                    self.open_file(&e);
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>) -> Result<(), ReadError> {
        if attr(e, "translate").as_deref() == Some("no") {
            return self.xml.skip(e);
        }
        match e.local_name().as_ref() {
            "xliff" => self.root = root_langs(e),
            "file" => self.open_file(e),
            "body" | "group" | "unit" => {}
            "trans-unit" | "segment" => self.unit = Some(Unit::default()),
            "source" | "target" if self.unit.is_some() => self.read_text(e)?,
            _ => self.xml.skip(e)?,
        }
        Ok(())
    }

    fn open_file(&mut self, e: &BytesStart<'_>) {
        // XLIFF 1.2 §2.2 puts the languages on `<file>`; XLIFF 2.1 §4.2.2.1
        // puts them on the root, which every `<file>` then shares.
        let own = Langs {
            target: lang_attr(e, "target-language"),
            source: lang_attr(e, "source-language"),
        };
        self.files.push(Langs {
            target: own.target.or_else(|| self.root.target.clone()),
            source: own.source.or_else(|| self.root.source.clone()),
        });
    }

    fn read_text(&mut self, e: &BytesStart<'_>) -> Result<(), ReadError> {
        let name = e.local_name();
        let segment = content::read(&mut self.xml, name.as_ref())?;
        if let Some(unit) = self.unit.as_mut() {
            match name.as_ref() {
                "source" => unit.source = Some(segment),
                _ => unit.target = Some(segment),
            }
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        if !matches!(name, "trans-unit" | "segment") {
            return;
        }
        let Some(unit) = self.unit.take() else {
            return;
        };
        match unit.target {
            Some(target) if !target.is_blank() => self.found.push(Found {
                target,
                source: unit.source,
                file: self.files.len().saturating_sub(1),
            }),
            _ => {}
        }
    }

    fn finish(self) -> Parsed {
        let files = if self.files.is_empty() {
            vec![self.root.clone()]
        } else {
            self.files
        };
        let mixed = distinct(files.iter().map(|f| &f.target)) > 1;
        let mut parsed = Parsed {
            lang: files.iter().find_map(|f| f.target.clone()),
            source_lang: files.iter().find_map(|f| f.source.clone()),
            ..Parsed::default()
        };
        for found in self.found {
            let langs = files.get(found.file).cloned().unwrap_or_default();
            push_found(&mut parsed, found, &langs, mixed);
        }
        parsed
    }
}

/// Adds one target segment and its pair.
fn push_found(parsed: &mut Parsed, found: Found, langs: &Langs, mixed: bool) {
    let mut target = found.target;
    // Files of several target languages in one document: each segment
    // carries its own, and the document keeps the first file's.
    if mixed {
        target.lang = langs.target.clone();
    }
    let i = parsed.segments.len();
    parsed.pairs.push(Pair {
        targets: i..i + 1,
        anchor: target.anchor,
        source: found.source.into_iter().collect(),
        source_lang: langs.source.clone(),
    });
    parsed.segments.push(target);
}

/// How many different declared languages there are.
fn distinct<'a>(langs: impl Iterator<Item = &'a Option<LangTag>>) -> usize {
    let mut seen: Vec<&LangTag> = langs.flatten().collect();
    seen.sort();
    seen.dedup();
    seen.len()
}

/// The languages on the 2.x root (`srcLang`, `trgLang`, XLIFF 2.1 §4.2.1.1).
fn root_langs(e: &BytesStart<'_>) -> Langs {
    Langs {
        target: lang_attr(e, "trgLang"),
        source: lang_attr(e, "srcLang"),
    }
}

/// A language attribute; one that is no language tag is left out.
pub(super) fn lang_attr(e: &BytesStart<'_>, name: &str) -> Option<LangTag> {
    attr(e, name).and_then(|v| LangTag::parse(v.trim()).ok())
}

/// The unescaped value of attribute `name`.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let found = e.try_get_attribute(name).ok().flatten()?;
    // XML 1.0 §3.3.3: attribute values are normalized (entities resolved,
    // white space folded); the attributes read here are single tokens.
    let value = found.normalized_value(XmlVersion::Implicit1_0).ok()?;
    Some(value.into_owned())
}
