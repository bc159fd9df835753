//! HTML reader: the text of a page as one segment per block (`p`, `li`,
//! `td`, headings…), inline markup read through, code, scripts and styles
//! left out; `title`, `alt`, `aria-label` and `placeholder` attributes and
//! the page description as segments of their own; `lang` attributes as the
//! page's language and each segment's own. Real pages are rarely
//! well-formed, so the reader never fails: whatever is not markup is text.

mod charref;
mod elements;
mod tokenizer;

#[cfg(test)]
mod tests;

use super::{Parsed, ReadError, ReadOptions};
use crate::document::Pair;
use crate::lang::LangTag;
use crate::segment::Segment;
use charref::Context;
use elements::Kind;
use std::ops::Range;
use tokenizer::{Tag, Token, Tokenizer};

/// Reads an HTML or XHTML file.
pub fn read(text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    let mut reader = Reader::new(text, options.aligned_comments);
    reader.run(0..text.len());
    Ok(reader.finish())
}

/// Attributes whose values are prose shown to readers.
const PROSE_ATTRIBUTES: [&str; 4] = ["title", "alt", "aria-label", "placeholder"];

/// `<meta name|property=… content=…>` whose content is the page's
/// description or title as search engines and link previews show it.
const PROSE_META: [&str; 5] = [
    "description",
    "og:title",
    "og:description",
    "twitter:title",
    "twitter:description",
];

/// An element that is open at the current position.
#[derive(Debug)]
struct Open {
    /// Lowercase tag name.
    name: String,
    /// The language of its content (its own `lang` or its parent's).
    lang: Option<LangTag>,
    /// Whether its content is left out (inside `code`, `script`…).
    skipped: bool,
    /// Whether it is inside SVG or MathML.
    foreign: bool,
}

/// A comment holding the source text of the blocks below it.
#[derive(Debug)]
struct SourceComment {
    /// The whole comment, `<!--` to `-->`.
    range: Range<usize>,
    /// The text between the delimiters.
    inner: Range<usize>,
}

/// Reads tokens into segments.
struct Reader<'a> {
    src: &'a str,
    aligned_comments: bool,
    /// The `<html lang>` of the page.
    doc_lang: Option<LangTag>,
    /// The `<meta http-equiv="content-language">` of the page.
    pragma_lang: Option<LangTag>,
    html_seen: bool,
    stack: Vec<Open>,
    /// The block of text being read.
    current: Option<Segment>,
    segments: Vec<Segment>,
    sources: Vec<SourceComment>,
}

impl<'a> Reader<'a> {
    fn new(src: &'a str, aligned_comments: bool) -> Reader<'a> {
        Reader {
            src,
            aligned_comments,
            doc_lang: None,
            pragma_lang: None,
            html_seen: false,
            stack: Vec::new(),
            current: None,
            segments: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Reads the bytes `range` of the file.
    fn run(&mut self, range: Range<usize>) {
        let mut tokens = Tokenizer::new(self.src, range);
        while let Some(token) = tokens.next() {
            match token {
                Token::Text(range) => self.text(range),
                Token::Start(tag) => self.start_tag(&tag, &mut tokens),
                Token::End(name, range) => self.end_tag(&name, range),
                Token::Comment(range, inner) => self.comment(range, inner),
                Token::Other(_) => {}
            }
        }
        self.flush();
    }

    /// The segments in file order, the pairs and the page's language.
    fn finish(mut self) -> Parsed {
        self.flush();
        // Attribute segments were kept while the block around them was
        // still being read; put them back in file order.
        self.segments.sort_by_key(|s| s.anchor);
        let pairs = self.pairs();
        Parsed {
            lang: self.doc_lang.or(self.pragma_lang),
            source_lang: None,
            segments: self.segments,
            pairs,
        }
    }

    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    fn skipped(&self) -> bool {
        self.top().is_some_and(|o| o.skipped)
    }

    fn foreign(&self) -> bool {
        self.top().is_some_and(|o| o.foreign)
    }

    fn lang(&self) -> Option<&LangTag> {
        self.top().and_then(|o| o.lang.as_ref())
    }

    /// A segment's own language: `lang` unless it is the page's.
    fn segment_lang(&self, lang: Option<&LangTag>) -> Option<LangTag> {
        lang.filter(|l| Some(*l) != self.doc_lang.as_ref()).cloned()
    }

    /// Ends the block of text being read.
    fn flush(&mut self) {
        if let Some(segment) = self.current.take() {
            if !segment.is_blank() {
                self.segments.push(segment);
            }
        }
    }

    /// The segment that text at byte `at` goes to: the current one, or a
    /// new one when there is none or the language changes here.
    fn segment_at(&mut self, at: usize) -> &mut Segment {
        let lang = self.segment_lang(self.lang());
        if self.current.as_ref().is_some_and(|s| s.lang != lang) {
            self.flush();
        }
        self.current.get_or_insert_with(|| {
            let mut segment = Segment::at(at);
            segment.lang = lang;
            segment
        })
    }

    fn text(&mut self, range: Range<usize>) {
        if self.skipped() {
            return;
        }
        let mut start = range.start;
        if self.current.is_none() {
            // A block starts at its first visible character.
            let blank = self.src[range.clone()].len() - self.src[range.clone()].trim_start().len();
            start += blank;
        }
        if start < range.end {
            let src = self.src;
            charref::push_text(self.segment_at(start), src, start..range.end, Context::Text);
        }
    }

    fn start_tag(&mut self, tag: &Tag, tokens: &mut Tokenizer<'_>) {
        if tag.name == "html" && !self.html_seen {
            self.html_seen = true;
            self.doc_lang = self.lang_attribute(tag);
        }
        let foreign = self.foreign();
        if !foreign {
            self.close_implied(&tag.name);
        }
        let kind = elements::kind(&tag.name);
        let lang = self.lang_attribute(tag).or_else(|| self.lang().cloned());
        if !self.skipped() {
            self.boundary(kind, tag.range.clone());
            self.attributes(tag, lang.as_ref());
        }
        let closed = elements::is_void(&tag.name)
            || (tag.self_closing && (foreign || elements::is_foreign_root(&tag.name)));
        if closed {
            return;
        }
        self.stack.push(Open {
            name: tag.name.clone(),
            lang,
            skipped: self.skipped() || !matches!(kind, Kind::Inline | Kind::Block),
            foreign: foreign || elements::is_foreign_root(&tag.name),
        });
        if !foreign && elements::is_raw_text(&tag.name) {
            let content = tokens.raw_text(&tag.name);
            self.text(content);
        }
    }

    fn end_tag(&mut self, name: &str, range: Range<usize>) {
        // §13.2.6.4.7: an end tag `</br>` is read as `<br>`.
        if name == "br" && !self.foreign() {
            if !self.skipped() {
                self.boundary(Kind::Break, range);
            }
            return;
        }
        if let Some(index) = self.open_index(name) {
            self.stack.truncate(index);
        }
        let kind = elements::kind(name);
        if !self.skipped() && matches!(kind, Kind::Block | Kind::SkippedBlock) {
            self.flush();
        }
    }

    /// What the start or end of an element of `kind` at `range` does to
    /// the text being read.
    fn boundary(&mut self, kind: Kind, range: Range<usize>) {
        match kind {
            Kind::Block | Kind::SkippedBlock => self.flush(),
            Kind::Gap => {
                if let Some(segment) = &mut self.current {
                    segment.push_gap(range.start);
                }
            }
            Kind::Break => {
                if let Some(segment) = &mut self.current {
                    segment.push_decoded(" ", range);
                }
            }
            Kind::Inline | Kind::Annotation => {}
        }
    }

    /// The open element an end tag `name` closes. §13.2.6.4.7 "any other
    /// end tag": an inline end tag does not close past a block, so a
    /// stray `</span>` cannot end the paragraph it stands in.
    fn open_index(&self, name: &str) -> Option<usize> {
        let inline = elements::kind(name) == Kind::Inline;
        for (index, open) in self.stack.iter().enumerate().rev() {
            if open.name == name {
                return Some(index);
            }
            if inline && !open.foreign && elements::kind(&open.name) == Kind::Block {
                return None;
            }
        }
        None
    }

    /// Closes the elements that start tag `name` ends without an end tag
    /// (a `p` before a `div`, a `li` before the next `li`).
    fn close_implied(&mut self, name: &str) {
        let Some((targets, stops)) = elements::implied_end(name) else {
            return;
        };
        for index in (0..self.stack.len()).rev() {
            let open = self.stack[index].name.as_str();
            if targets.contains(&open) {
                self.stack.truncate(index);
                return;
            }
            if stops(open) {
                return;
            }
        }
    }

    /// The language an element declares. §3.2.6.2: `xml:lang` wins over
    /// `lang` when both are set; a value that is no language tag is
    /// ignored, so the element keeps its parent's language.
    fn lang_attribute(&self, tag: &Tag) -> Option<LangTag> {
        ["xml:lang", "lang"]
            .iter()
            .filter_map(|name| tag.attr(name))
            .find_map(|value| LangTag::parse(self.src[value].trim()).ok())
    }

    /// Segments for the prose attributes of `tag`, in `lang`.
    fn attributes(&mut self, tag: &Tag, lang: Option<&LangTag>) {
        for attr in &tag.attrs {
            if PROSE_ATTRIBUTES.contains(&attr.name.as_str()) {
                self.attribute_segment(attr.value.clone(), lang);
            }
        }
        if tag.name == "meta" {
            self.meta(tag, lang);
        }
    }

    /// `<meta>`: the page description, and the language a page without
    /// `<html lang>` declares by `http-equiv` (§3.2.6.2, "pragma-set
    /// default language": only a single language counts).
    fn meta(&mut self, tag: &Tag, lang: Option<&LangTag>) {
        let Some(content) = tag.attr("content") else {
            return;
        };
        let is = |attr: &str, values: &[&str]| {
            tag.attr(attr).is_some_and(|v| {
                let v = self.src[v].trim();
                values.iter().any(|w| w.eq_ignore_ascii_case(v))
            })
        };
        if is("name", &PROSE_META) || is("property", &PROSE_META) {
            self.attribute_segment(content, lang);
        } else if is("http-equiv", &["content-language"])
            && !self.src[content.clone()].contains(',')
        {
            self.pragma_lang = LangTag::parse(self.src[content].trim()).ok();
        }
    }

    fn attribute_segment(&mut self, value: Range<usize>, lang: Option<&LangTag>) {
        let mut segment = Segment::at(value.start);
        segment.lang = self.segment_lang(lang);
        charref::push_text(&mut segment, self.src, value, Context::Attribute);
        if !segment.is_blank() {
            self.segments.push(segment);
        }
    }

    /// In aligned-comments mode, a comment of prose holds the source of
    /// the blocks after it.
    fn comment(&mut self, range: Range<usize>, inner: Range<usize>) {
        if !self.aligned_comments || self.skipped() || !is_prose(&self.src[inner.clone()]) {
            return;
        }
        self.flush();
        self.sources.push(SourceComment { range, inner });
    }

    /// Each source comment with the segments after it, up to the next.
    fn pairs(&self) -> Vec<Pair> {
        let index = |at: usize| self.segments.partition_point(|s| s.anchor < at);
        let mut pairs = Vec::new();
        for (i, comment) in self.sources.iter().enumerate() {
            let end = self
                .sources
                .get(i + 1)
                .map_or(self.segments.len(), |next| index(next.range.start));
            let targets = index(comment.range.end)..end;
            let anchor = match self.segments.get(targets.start) {
                Some(first) if !targets.is_empty() => first.anchor,
                _ => comment.range.end,
            };
            pairs.push(Pair {
                targets,
                anchor,
                source: self.source_segments(comment.inner.clone()),
                source_lang: None,
            });
        }
        pairs
    }

    /// The comment text `inner` read as HTML of its own.
    fn source_segments(&self, inner: Range<usize>) -> Vec<Segment> {
        let mut reader = Reader::new(self.src, false);
        reader.run(inner);
        reader.finish().segments
    }
}

/// Whether a comment's text is prose rather than a marker for a tool
/// (`more`, `googleoff: index`, `wp:paragraph {…}`, `[if IE]`,
/// `#include …`, termlint's own `termlint-disable …`): two words or more, or text in a script written without
/// spaces (Chinese, Japanese, Thai).
fn is_prose(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let marker = first.contains(':')
        || first.starts_with(['[', '#', '/', '@', '<', '{', '%'])
        || first.starts_with("termlint-");
    let unspaced = text
        .chars()
        .any(|c| ('\u{0e00}'..='\u{0eff}').contains(&c) || c >= '\u{2e80}' && c.is_alphabetic());
    !marker && text.chars().any(char::is_alphabetic) && (words.next().is_some() || unspaced)
}
