//! Markdown reader: CommonMark with tables, footnotes, strikethrough,
//! heading attributes and YAML/TOML front matter. Each block of prose
//! (paragraph, heading, list item, table cell, footnote) becomes one
//! segment; inline markup is left out so that a name split by emphasis
//! still reads as one, and code, HTML, URLs and shortcodes become gaps.
//! With aligned comments, a comment above translated blocks is their
//! source text (see the `aligned` module).

mod aligned;
mod mask;

use super::front_matter;
use super::{Parsed, ReadError, ReadOptions};
use crate::segment::Segment;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Reads a Markdown file.
pub fn read(text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    let masks = mask::masks(text);
    let block = front_matter::detect(text);
    let values = match &block {
        Some(b) => front_matter::values(text, b, &options.front_matter_keys)?,
        None => front_matter::Values::default(),
    };
    let body = block.as_ref().map_or(0, |b| b.end)..text.len();
    let walked = walk(text, body, &masks);
    let pairs = if options.aligned_comments {
        let page = aligned::Page {
            text,
            masks: &masks,
            front_matter: block.as_ref(),
            fields: &values.fields,
            keys: &options.front_matter_keys,
        };
        aligned::pairs(&page, &walked)
    } else {
        Vec::new()
    };
    let mut segments: Vec<Segment> = values.fields.into_iter().map(|(_, s)| s).collect();
    segments.extend(walked.segments);
    Ok(Parsed {
        lang: values.lang,
        source_lang: None,
        segments,
        pairs,
    })
}

/// What reading a stretch of Markdown found.
#[derive(Debug, Default)]
struct Walked {
    /// Blocks of prose, in file order.
    segments: Vec<Segment>,
    /// HTML comment blocks, in file order.
    comments: Vec<Comment>,
}

/// An HTML comment that stands as a block of its own.
#[derive(Debug, Clone)]
struct Comment {
    /// The whole block.
    block: Range<usize>,
    /// Between `<!--` and `-->`.
    inner: Range<usize>,
    /// How many segments came before it.
    after_segments: usize,
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        // Strips `{#id}` and MDX `{/*id*/}` from headings: anchors, not text.
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Reads the Markdown in `text[range]`; offsets stay those of `text`.
fn walk(text: &str, range: Range<usize>, masks: &[Range<usize>]) -> Walked {
    let mut walker = Walker {
        text,
        masks,
        walked: Walked::default(),
        current: None,
        code_depth: 0,
        in_autolink: false,
        block_end: 0,
    };
    let offset = range.start;
    for (event, r) in Parser::new_ext(&text[range], parser_options()).into_offset_iter() {
        walker.event(event, r.start + offset..r.end + offset);
    }
    walker.flush();
    walker.walked
}

/// Turns parser events into segments.
struct Walker<'t> {
    text: &'t str,
    masks: &'t [Range<usize>],
    walked: Walked,
    /// The block being read.
    current: Option<Segment>,
    /// Inside a code block: its text is not prose.
    code_depth: usize,
    /// Inside `<https://…>`: the link text is the URL.
    in_autolink: bool,
    /// Where the block last started ends: a bound on the text of the
    /// segment it starts.
    block_end: usize,
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(&tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, range),
            Event::SoftBreak | Event::HardBreak => {
                self.segment(range.start).push_decoded(" ", range)
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_) => self.gap(range.start),
            Event::Rule => self.flush(),
            Event::Html(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Link { link_type, .. } => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    self.in_autolink = true;
                    self.gap(range.start);
                }
            }
            // Alt text is prose, but not part of the sentence around it.
            Tag::Image { .. } => self.gap(range.start),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {}
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                self.flush();
                self.code_depth += 1;
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html_block(range);
            }
            _ => {
                self.flush();
                self.block_end = range.end;
            }
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Link => {
                if self.in_autolink {
                    self.in_autolink = false;
                    self.gap_at_end();
                }
            }
            TagEnd::Image => self.gap_at_end(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => {
                self.code_depth = self.code_depth.saturating_sub(1);
                self.flush();
            }
            _ => self.flush(),
        }
    }

    /// Records a block that is an HTML comment; other HTML is skipped.
    fn html_block(&mut self, block: Range<usize>) {
        let source = &self.text[block.clone()];
        let lead = source.len() - source.trim_start().len();
        if !source[lead..].starts_with("<!--") {
            return;
        }
        let start = block.start + lead + 4;
        let len = self.text[start..block.end]
            .find("-->")
            .unwrap_or(block.end - start);
        self.walked.comments.push(Comment {
            block,
            inner: start..start + len,
            after_segments: self.walked.segments.len(),
        });
    }

    /// Text as the parser decoded it: verbatim when it is the file's
    /// bytes, with masked stretches (URLs, shortcodes) left out.
    fn text(&mut self, decoded: &str, range: Range<usize>) {
        if self.code_depth > 0 || self.in_autolink {
            return;
        }
        let masked = overlapping(self.masks, &range);
        if decoded == &self.text[range.clone()] {
            self.verbatim_unmasked(range, masked);
        } else if masked.is_empty() {
            self.segment(range.start).push_decoded(decoded, range);
        } else {
            // An entity or escape inside a URL or shortcode: all of it goes.
            self.gap(range.start);
        }
    }

    fn verbatim_unmasked(&mut self, range: Range<usize>, masked: &[Range<usize>]) {
        let text = self.text;
        let mut at = range.start;
        for m in masked {
            if m.start > at {
                self.segment(at).push_verbatim(text, at..m.start);
            }
            self.gap(m.start.max(at));
            at = at.max(m.end);
        }
        if at < range.end {
            self.segment(at).push_verbatim(text, at..range.end);
        }
    }

    fn segment(&mut self, at: usize) -> &mut Segment {
        let room = self.block_end.saturating_sub(at).min(MAX_ROOM);
        self.current
            .get_or_insert_with(|| Segment::with_room(at, room))
    }

    fn gap(&mut self, at: usize) {
        if let Some(segment) = &mut self.current {
            segment.push_gap(at);
        }
    }

    /// A gap after what the segment holds so far.
    fn gap_at_end(&mut self) {
        if let Some(segment) = &mut self.current {
            let end = segment.original(0..segment.text.len()).end;
            segment.push_gap(end);
        }
    }

    /// Ends the block being read; blocks without prose are dropped.
    fn flush(&mut self) {
        if let Some(segment) = self.current.take().filter(|s| !s.is_blank()) {
            self.walked.segments.push(segment);
        }
    }
}

/// The most text room made for a segment before it is read: a list item's
/// block also holds the lists nested in it, which become segments of their
/// own.
const MAX_ROOM: usize = 4096;

/// The masks that overlap `range` (`masks` is sorted and disjoint).
fn overlapping<'m>(masks: &'m [Range<usize>], range: &Range<usize>) -> &'m [Range<usize>] {
    let first = masks.partition_point(|m| m.end <= range.start);
    let count = masks[first..].partition_point(|m| m.start < range.end);
    &masks[first..first + count]
}

#[cfg(test)]
mod tests;
