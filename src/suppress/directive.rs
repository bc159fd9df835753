//! Finding `termlint-…` directives in a document's comments. Each format
//! has its own comment syntax: HTML comments in Markdown, HTML and XLIFF,
//! translator comments (`# …`) in PO, and a line with an optional comment
//! leader (`#`, `//`, `<!--`) in plain text.

use crate::document::Document;
use crate::formats::Format;
use std::ops::Range;

/// Every directive starts with this; a comment starting with it but naming
/// no known directive is reported, since it is most likely a typo.
const PREFIX: &str = "termlint-";

/// What a directive asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// `termlint-disable-next-line`: the next line (PO: the next entry).
    NextLine,
    /// `termlint-disable`: from here to a `termlint-enable` or the end.
    Disable,
    /// `termlint-enable`: ends what `termlint-disable` started.
    Enable,
    /// `termlint-<anything else>`, as written.
    Unknown(String),
}

impl Kind {
    fn parse(word: &str) -> Kind {
        match word {
            "termlint-disable-next-line" => Kind::NextLine,
            "termlint-disable" => Kind::Disable,
            "termlint-enable" => Kind::Enable,
            other => Kind::Unknown(other.to_string()),
        }
    }

    /// The directive's name as users write it.
    pub(super) fn word(&self) -> &str {
        match self {
            Kind::NextLine => "termlint-disable-next-line",
            Kind::Disable => "termlint-disable",
            Kind::Enable => "termlint-enable",
            Kind::Unknown(word) => word,
        }
    }
}

/// One directive comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Directive {
    /// What it asks for.
    pub kind: Kind,
    /// The concept ids it names; empty means every concept.
    pub concepts: Vec<String>,
    /// The whole comment in the file.
    pub span: Range<usize>,
    /// Whether the comment is alone on its lines (then a
    /// `disable-next-line` above it looks past it).
    pub own_line: bool,
}

impl Directive {
    /// The directive as written, without comment markers or a reason.
    pub(super) fn text(&self) -> String {
        let mut words = vec![self.kind.word()];
        words.extend(self.concepts.iter().map(String::as_str));
        words.join(" ")
    }
}

/// A comment: its whole span and the span of its body.
struct Comment {
    span: Range<usize>,
    body: Range<usize>,
}

/// The directives of `doc`, in file order.
pub(super) fn find(doc: &Document) -> Vec<Directive> {
    let text = doc.text.as_str();
    // Most texts have no directive: one fast search settles it.
    if memchr::memmem::find(text.as_bytes(), PREFIX.as_bytes()).is_none() {
        return Vec::new();
    }
    let comments = match doc.format {
        Format::Markdown => markdown_comments(text),
        Format::Html | Format::Xliff | Format::Tmx => html_comments(text),
        Format::Po => po_comments(text),
        Format::Plain => plain_comments(text),
    };
    comments
        .into_iter()
        .filter_map(|c| parse(text, c))
        .collect()
}

/// Reads `termlint-word concept, concept -- reason`: concepts are separated
/// by spaces or commas, and `--` starts a free-text reason (as in ESLint).
fn parse(text: &str, comment: Comment) -> Option<Directive> {
    let body = text[comment.body].trim();
    if !body.starts_with(PREFIX) {
        return None;
    }
    let mut words = body
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take_while(|w| *w != "--");
    let kind = Kind::parse(words.next()?);
    let concepts = words.map(str::to_string).collect();
    Some(Directive {
        kind,
        concepts,
        own_line: alone_on_lines(text, &comment.span),
        span: comment.span,
    })
}

/// Whether only white space shares the lines of `span`.
fn alone_on_lines(text: &str, span: &Range<usize>) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    text[line_start..span.start].trim().is_empty() && text[span.end..line_end].trim().is_empty()
}

/// Lines with their start offsets, without line endings.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = offset;
        offset += line.len();
        (start, line.trim_end_matches(['\n', '\r']))
    })
}

/// Every `<!-- … -->` of an HTML or XLIFF file (an unclosed one runs to the
/// end and is no directive).
fn html_comments(text: &str) -> Vec<Comment> {
    let mut comments = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
        let Some(close) = text[open + 4..].find("-->").map(|i| open + 4 + i) else {
            break;
        };
        comments.push(Comment {
            span: open..close + 3,
            body: open + 4..close,
        });
        from = close + 3;
    }
    comments
}

/// HTML comments standing alone on their lines, outside fenced code. A
/// comment inside a paragraph or indented four spaces (code) is left alone,
/// so that a page documenting termlint can show directives in examples.
fn markdown_comments(text: &str) -> Vec<Comment> {
    let mut comments = Vec::new();
    let mut fence: Option<Fence> = None;
    let mut resume = 0;
    for (start, line) in lines(text) {
        if start < resume {
            continue;
        }
        if let Some(open) = &fence {
            if open.closed_by(line) {
                fence = None;
            }
            continue;
        }
        fence = Fence::opened_by(line);
        if fence.is_some() {
            continue;
        }
        if let Some(comment) = own_line_comment(text, start) {
            resume = comment.span.end;
            comments.push(comment);
        }
    }
    comments
}

/// A comment opening at the line starting at `start` (after at most three
/// spaces, CommonMark's limit before a line becomes code) and closing at the
/// end of a line.
fn own_line_comment(text: &str, start: usize) -> Option<Comment> {
    let line = &text[start..];
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 || !line[indent..].starts_with("<!--") {
        return None;
    }
    let open = start + indent;
    let close = text[open + 4..].find("-->").map(|i| open + 4 + i)?;
    let comment = Comment {
        span: open..close + 3,
        body: open + 4..close,
    };
    alone_on_lines(text, &comment.span).then_some(comment)
}

/// An open fenced code block: its fence character and length.
struct Fence {
    marker: char,
    len: usize,
}

impl Fence {
    /// CommonMark §4.5: three or more backticks or tildes after at most
    /// three spaces.
    fn opened_by(line: &str) -> Option<Fence> {
        let trimmed = line.trim_start_matches(' ');
        if line.len() - trimmed.len() > 3 {
            return None;
        }
        let marker = trimmed.chars().next().filter(|c| matches!(c, '`' | '~'))?;
        let len = trimmed.len() - trimmed.trim_start_matches(marker).len();
        (len >= 3).then_some(Fence { marker, len })
    }

    /// A closing fence is at least as long and has nothing after it.
    fn closed_by(&self, line: &str) -> bool {
        Fence::opened_by(line).is_some_and(|f| {
            let rest = line.trim().trim_start_matches(self.marker);
            f.marker == self.marker && f.len >= self.len && rest.is_empty()
        })
    }
}

/// Translator comments: `#` followed by white space. `#.` (extracted),
/// `#,` (flags), `#:` (references) and `#|` (previous) come from tools or
/// source code, not from the translator, so they hold no directives.
fn po_comments(text: &str) -> Vec<Comment> {
    lines(text)
        .filter_map(|(start, line)| {
            let rest = line.strip_prefix('#')?;
            rest.starts_with(char::is_whitespace)
                .then(|| line_comment(start, line, 1..line.len()))
        })
        .collect()
}

/// A plain-text line whose content is a directive, after an optional
/// comment leader.
fn plain_comments(text: &str) -> Vec<Comment> {
    lines(text)
        .map(|(start, line)| {
            let trimmed = line.trim_start();
            let lead = line.len() - trimmed.len();
            let body = if let Some(rest) = trimmed.strip_prefix("<!--") {
                let rest = rest.trim_end();
                lead + 4..lead + 4 + rest.strip_suffix("-->").unwrap_or(rest).len()
            } else {
                let leader = ["#", "//"].iter().find(|l| trimmed.starts_with(**l));
                lead + leader.map_or(0, |l| l.len())..line.len()
            };
            line_comment(start, line, body)
        })
        .collect()
}

/// A comment that is a whole line (white space around it left out).
fn line_comment(start: usize, line: &str, body: Range<usize>) -> Comment {
    let lead = line.len() - line.trim_start().len();
    let end = line.trim_end().len();
    Comment {
        span: start + lead..start + end.max(lead),
        body: start + body.start..start + body.end,
    }
}
