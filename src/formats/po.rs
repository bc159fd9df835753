//! Gettext PO and POT reader: each translated `msgstr` becomes a segment,
//! paired with its `msgid`; the header's `Language:` becomes the
//! document's language.
//!
//! The layout follows the GNU gettext manual, §3.2 "The Format of PO
//! Files": entries of comments (`#`), an optional `msgctxt`, `msgid`,
//! an optional `msgid_plural`, and `msgstr` or `msgstr[N]`, each keyword
//! followed by one or more quoted strings that concatenate with nothing
//! between them. Entries are usually separated by blank lines, but a new
//! `msgid` or comment after a `msgstr` starts a new entry as well.
//!
//! Not checked: the header entry (`msgid ""`), obsolete entries (`#~`),
//! untranslated ones (an empty `msgstr`, so a POT file yields nothing) and,
//! unless asked, those flagged `#, fuzzy`, whose translation is a guess
//! still waiting for review.

mod quoted;
#[cfg(test)]
mod tests;

use super::{Parsed, ReadError, ReadOptions};
use crate::document::Pair;
use crate::lang::LangTag;
use crate::segment::Segment;

/// Reads a PO or POT file.
pub fn read(text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    let mut parsed = Parsed::default();
    for entry in entries(text)? {
        if entry.is_header() {
            parsed.lang = entry.msgstr.first().and_then(header_lang);
        } else if !entry.obsolete && (options.check_fuzzy || !entry.fuzzy) {
            push_entry(&mut parsed, entry);
        }
    }
    Ok(parsed)
}

/// A keyword's strings, decoded into one segment.
#[derive(Debug)]
struct Field {
    segment: Segment,
    /// `N` of `msgstr[N]`; 0 for the other keywords.
    index: usize,
}

/// One entry as written.
#[derive(Debug, Default)]
struct Entry {
    fuzzy: bool,
    obsolete: bool,
    msgctxt: Option<Field>,
    msgid: Option<Field>,
    msgid_plural: Option<Field>,
    msgstr: Vec<Field>,
}

impl Entry {
    fn is_header(&self) -> bool {
        self.msgctxt.is_none()
            && self
                .msgid
                .as_ref()
                .is_some_and(|f| f.segment.text.is_empty())
    }

    fn is_empty(&self) -> bool {
        !self.fuzzy && !self.obsolete && self.msgctxt.is_none() && self.msgid.is_none()
    }

    /// The field that quoted lines continue.
    fn field_mut(&mut self, keyword: Keyword) -> Option<&mut Field> {
        match keyword {
            Keyword::Msgctxt => self.msgctxt.as_mut(),
            Keyword::Msgid => self.msgid.as_mut(),
            Keyword::MsgidPlural => self.msgid_plural.as_mut(),
            Keyword::Msgstr(_) => self.msgstr.last_mut(),
        }
    }
}

/// The keywords that open a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    Msgctxt,
    Msgid,
    MsgidPlural,
    Msgstr(usize),
}

/// Adds a segment and a pair for each non-empty `msgstr`.
fn push_entry(parsed: &mut Parsed, entry: Entry) {
    let Some(msgid) = entry.msgid else {
        return;
    };
    for field in entry.msgstr {
        if field.segment.text.is_empty() {
            continue;
        }
        // Gettext §3.2: `msgstr[0]` translates the singular (`msgid`), the
        // other forms the plural (`msgid_plural`).
        let source = match (&entry.msgid_plural, field.index) {
            (Some(plural), 1..) => plural,
            _ => &msgid,
        };
        let i = parsed.segments.len();
        parsed.pairs.push(Pair {
            targets: i..i + 1,
            // The segment's anchor is where its text starts, past an empty
            // first string (`msgstr ""` before a long message's lines).
            anchor: field.segment.anchor,
            source: vec![source.segment.clone()],
            source_lang: None,
        });
        parsed.segments.push(field.segment);
    }
}

/// The language of the header's `Language:` line (gettext §3.2 and
/// §6.1.2 "Filling in the Header Entry"). `pt_BR` is accepted as `pt-BR`;
/// a `@modifier` (`sr@latin`) is dropped.
fn header_lang(msgstr: &Field) -> Option<LangTag> {
    let value = msgstr
        .segment
        .text
        .lines()
        .find_map(|line| line.trim().strip_prefix("Language:"))?;
    let tag = value.trim().split('@').next().unwrap_or_default();
    LangTag::parse(tag).ok()
}

/// The entries of the file, in order.
fn entries(text: &str) -> Result<Vec<Entry>, ReadError> {
    let mut parser = Parser {
        text,
        entries: Vec::new(),
        entry: Entry::default(),
        open: None,
    };
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        parser.line(start..start + body.len())?;
        start += raw.len();
    }
    parser.flush();
    Ok(parser.entries)
}

/// Reads lines into entries.
struct Parser<'t> {
    text: &'t str,
    entries: Vec<Entry>,
    entry: Entry,
    /// The field quoted lines continue, if any.
    open: Option<Keyword>,
}

impl Parser<'_> {
    fn line(&mut self, range: std::ops::Range<usize>) -> Result<(), ReadError> {
        let body = &self.text[range.clone()];
        let trimmed = body.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let at = range.start + body.len() - trimmed.len();
        match trimmed.bytes().next() {
            None => self.flush(),
            Some(b'#') => self.comment(trimmed),
            Some(b'"') => self.continuation(at..range.end)?,
            Some(_) => self.keyword(trimmed, at..range.end)?,
        }
        Ok(())
    }

    fn flush(&mut self) {
        let entry = std::mem::take(&mut self.entry);
        if !entry.is_empty() {
            self.entries.push(entry);
        }
        self.open = None;
    }

    fn comment(&mut self, line: &str) {
        // Comments come before an entry's keywords: after a `msgstr` they
        // belong to the next entry.
        if !self.entry.msgstr.is_empty() {
            self.flush();
        }
        self.open = None;
        if line.starts_with("#~") {
            self.entry.obsolete = true;
        } else if let Some(flags) = line.strip_prefix("#,") {
            self.entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
        }
    }

    fn continuation(&mut self, range: std::ops::Range<usize>) -> Result<(), ReadError> {
        let text = self.text;
        let field = self.open.and_then(|k| self.entry.field_mut(k));
        let Some(field) = field else {
            return Err(ReadError {
                offset: range.start,
                message: "a quoted string with no keyword before it: expected `msgid`, \
                          `msgstr` or `msgctxt` to open it"
                    .to_string(),
            });
        };
        quoted::append(text, range, &mut field.segment)
    }

    fn keyword(&mut self, line: &str, range: std::ops::Range<usize>) -> Result<(), ReadError> {
        let end = line
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(line.len());
        let keyword =
            parse_keyword(&line[..end]).ok_or_else(|| unknown(&line[..end], range.start))?;
        let rest = line[end..].trim_start();
        let open = range.end - rest.len();
        if !rest.starts_with('"') {
            return Err(ReadError {
                offset: open,
                message: format!("expected a quoted string after `{}`", &line[..end]),
            });
        }
        self.start_field(keyword, open);
        let field = self.entry.field_mut(keyword);
        match field {
            Some(field) => quoted::append(self.text, open..range.end, &mut field.segment),
            None => Ok(()),
        }
    }

    /// Opens the field of `keyword`, whose first string opens at `open`.
    fn start_field(&mut self, keyword: Keyword, open: usize) {
        let entry = &self.entry;
        let starts_entry = matches!(keyword, Keyword::Msgctxt | Keyword::Msgid)
            && (entry.msgid.is_some() || !entry.msgstr.is_empty() || entry.obsolete);
        if starts_entry {
            self.flush();
        }
        let field = Field {
            segment: Segment::at(open + 1),
            index: match keyword {
                Keyword::Msgstr(n) => n,
                _ => 0,
            },
        };
        let entry = &mut self.entry;
        match keyword {
            Keyword::Msgctxt => entry.msgctxt = Some(field),
            Keyword::Msgid => entry.msgid = Some(field),
            Keyword::MsgidPlural => entry.msgid_plural = Some(field),
            Keyword::Msgstr(_) => entry.msgstr.push(field),
        }
        self.open = Some(keyword);
    }
}

fn parse_keyword(word: &str) -> Option<Keyword> {
    match word {
        "msgctxt" => Some(Keyword::Msgctxt),
        "msgid" => Some(Keyword::Msgid),
        "msgid_plural" => Some(Keyword::MsgidPlural),
        "msgstr" => Some(Keyword::Msgstr(0)),
        _ => {
            let n = word.strip_prefix("msgstr[")?.strip_suffix(']')?;
            n.trim().parse().ok().map(Keyword::Msgstr)
        }
    }
}

fn unknown(word: &str, offset: usize) -> ReadError {
    ReadError {
        offset,
        message: format!(
            "unexpected `{word}`: expected a comment (`#`), a keyword (`msgid`, `msgstr`, \
             `msgstr[N]`, `msgctxt`) or a quoted string"
        ),
    }
}
