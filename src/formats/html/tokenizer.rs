//! A tolerant HTML tokenizer: turns a stretch of a file into text runs,
//! tags with their attributes, and comments, each with its byte range.
//! It follows the WHATWG HTML tokenization rules (§13.2.5) where they
//! decide what is markup and what is text, and never fails: whatever is not
//! markup is text. Character references are left in text runs for
//! [`super::charref`] to decode.

use std::ops::Range;

/// One piece of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    /// Text, character references not yet decoded.
    Text(Range<usize>),
    /// A start tag.
    Start(Tag),
    /// An end tag: its lowercase name and its bytes.
    End(String, Range<usize>),
    /// A `<!-- … -->` comment: its whole bytes and its inner text.
    Comment(Range<usize>, Range<usize>),
    /// A doctype, processing instruction, CDATA section or bogus comment.
    Other(Range<usize>),
}

/// A start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tag {
    /// The tag name in ASCII lowercase.
    pub name: String,
    /// The bytes of the whole tag, `<` to `>`.
    pub range: Range<usize>,
    /// Its attributes, first of each name only.
    pub attrs: Vec<Attr>,
    /// Whether the tag ends with `/>`.
    pub self_closing: bool,
}

/// An attribute of a start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Attr {
    /// The attribute name in ASCII lowercase.
    pub name: String,
    /// The bytes of the value, without quotes (empty when there is none).
    pub value: Range<usize>,
}

impl Tag {
    /// The value bytes of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<Range<usize>> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.clone())
    }
}

/// Reads tokens from `src[pos..end]`.
pub(super) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    end: usize,
}

/// §13.2.5: tab, LF, FF, space; CR too, since the input is not
/// preprocessed into LF line endings.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer over the bytes `range` of `src`; ranges start and end on
    /// char boundaries.
    pub fn new(src: &'a str, range: Range<usize>) -> Tokenizer<'a> {
        Tokenizer {
            src,
            pos: range.start,
            end: range.end.min(src.len()),
        }
    }

    /// Skips the content of a raw text or RCDATA element (`script`,
    /// `style`, `title`, `textarea`…) and returns its bytes: §13.2.5.2–3
    /// read everything up to an "appropriate end tag", `</name` followed by
    /// white space, `/` or `>`. (The script data escape states, which let
    /// `<!--` hide an end tag inside a script, are not followed.)
    pub fn raw_text(&mut self, name: &str) -> Range<usize> {
        let start = self.pos;
        let mut at = start;
        while let Some(found) = self.find_bytes(at, b"</") {
            let after = found + 2 + name.len();
            let matches_name = self
                .bytes()
                .get(found + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            let ends = self
                .byte(after)
                .is_none_or(|b| is_space(b) || b == b'/' || b == b'>');
            if matches_name && ends {
                self.pos = found;
                return start..found;
            }
            at = found + 2;
        }
        self.pos = self.end;
        start..self.end
    }

    fn bytes(&self) -> &'a [u8] {
        &self.src.as_bytes()[..self.end]
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes().get(at).copied()
    }

    fn starts_with(&self, at: usize, s: &[u8]) -> bool {
        self.bytes()
            .get(at..at + s.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(s))
    }

    /// Where `needle` next occurs at or after `from`.
    fn find_bytes(&self, from: usize, needle: &[u8]) -> Option<usize> {
        let hay = self.bytes().get(from..)?;
        hay.windows(needle.len())
            .position(|w| w == needle)
            .map(|i| from + i)
    }

    /// Position after the next `>` at or after `from`, or the end.
    fn after_gt(&self, from: usize) -> usize {
        self.find_bytes(from, b">").map_or(self.end, |i| i + 1)
    }

    /// The markup token starting at the `<` at `self.pos`, or `None` when
    /// that `<` is text (§13.2.5.6 tag open state).
    fn markup(&mut self) -> Option<Token> {
        let start = self.pos;
        let next = self.byte(start + 1)?;
        let token = match next {
            b'!' => self.declaration(start),
            b'?' => Token::Other(start..self.after_gt(start)),
            b'/' => self.end_tag(start)?,
            b if b.is_ascii_alphabetic() => Token::Start(self.start_tag(start)),
            _ => return None,
        };
        self.pos = match &token {
            Token::Start(tag) => tag.range.end,
            Token::End(_, range) | Token::Comment(range, _) | Token::Other(range) => range.end,
            Token::Text(range) => range.end,
        };
        Some(token)
    }

    /// `<!`: a comment, a CDATA section, or a doctype or bogus comment
    /// that ends at the next `>` (§13.2.5.42 markup declaration open state).
    fn declaration(&self, start: usize) -> Token {
        if self.starts_with(start, b"<!--") {
            return self.comment(start);
        }
        if self.starts_with(start, b"<![CDATA[") {
            let end = self.find_bytes(start, b"]]>").map_or(self.end, |i| i + 3);
            return Token::Other(start..end);
        }
        Token::Other(start..self.after_gt(start + 2))
    }

    /// A comment from `<!--` at `start`. §13.2.5.43–44: `<!-->` and
    /// `<!--->` are empty comments; §13.2.5.50–52: `-->` or `--!>` ends
    /// one; §13.2.5.44 etc.: at the end of the input it ends there.
    fn comment(&self, start: usize) -> Token {
        let inner = start + 4;
        for abrupt in [&b">"[..], b"->"] {
            if self.starts_with(inner, abrupt) {
                return Token::Comment(start..inner + abrupt.len(), inner..inner);
            }
        }
        let close = [&b"-->"[..], b"--!>"]
            .iter()
            .filter_map(|c| self.find_bytes(inner, c).map(|i| (i, i + c.len())))
            .min();
        match close {
            Some((i, end)) => Token::Comment(start..end, inner..i),
            None => Token::Comment(start..self.end, inner..self.end),
        }
    }

    /// `</` at `start`. §13.2.5.7 end tag open state: a letter starts an
    /// end tag, `</>` is dropped, anything else is a bogus comment, and at
    /// the end of the input `</` is text.
    fn end_tag(&self, start: usize) -> Option<Token> {
        let first = self.byte(start + 2)?;
        if first == b'>' {
            return Some(Token::Other(start..start + 3));
        }
        if !first.is_ascii_alphabetic() {
            return Some(Token::Other(start..self.after_gt(start + 2)));
        }
        let (name, after_name) = self.tag_name(start + 2);
        let (_, _, end) = self.attributes(after_name);
        Some(Token::End(name, start..end))
    }

    /// A start tag at `start` (a `<` followed by a letter).
    fn start_tag(&self, start: usize) -> Tag {
        let (name, after_name) = self.tag_name(start + 1);
        let (attrs, self_closing, end) = self.attributes(after_name);
        Tag {
            name,
            range: start..end,
            attrs,
            self_closing,
        }
    }

    /// §13.2.5.8 tag name state: up to white space, `/` or `>`.
    fn tag_name(&self, from: usize) -> (String, usize) {
        let end = self.scan(from, |b| is_space(b) || b == b'/' || b == b'>');
        (self.src[from..end].to_ascii_lowercase(), end)
    }

    /// Position of the first byte at or after `from` for which `stop`
    /// holds, or the end.
    fn scan(&self, from: usize, stop: impl Fn(u8) -> bool) -> usize {
        let bytes = self.bytes();
        (from..self.end)
            .find(|&i| stop(bytes[i]))
            .unwrap_or(self.end)
    }

    /// The attributes from `from` to the end of the tag, whether the tag
    /// is self-closing, and where the tag ends (after `>`, or the end of
    /// the input, where §13.2.5 would drop the tag; keeping it is harmless).
    fn attributes(&self, from: usize) -> (Vec<Attr>, bool, usize) {
        let mut attrs: Vec<Attr> = Vec::new();
        let mut at = from;
        let mut self_closing = false;
        loop {
            at = self.scan(at, |b| !is_space(b));
            match self.byte(at) {
                None => return (attrs, false, self.end),
                Some(b'>') => return (attrs, self_closing, at + 1),
                Some(b'/') => {
                    // §13.2.5.40: `/` counts only right before `>`.
                    self_closing = self.byte(at + 1) == Some(b'>');
                    at += 1;
                }
                Some(_) => {
                    self_closing = false;
                    let (attr, next) = self.attribute(at);
                    // §13.2.5.33: a repeated attribute name is dropped.
                    if !attrs.iter().any(|a| a.name == attr.name) {
                        attrs.push(attr);
                    }
                    at = next;
                }
            }
        }
    }

    /// One attribute at `from` and the position after it. §13.2.5.32–33:
    /// a name may begin with `=` and runs up to white space, `/`, `>` or
    /// `=`; §13.2.5.35–38: the value is quoted, or runs up to white space
    /// or `>`.
    fn attribute(&self, from: usize) -> (Attr, usize) {
        let name_end = self.scan(from + 1, |b| is_space(b) || matches!(b, b'/' | b'>' | b'='));
        let name = self.src[from..name_end].to_ascii_lowercase();
        let eq = self.scan(name_end, |b| !is_space(b));
        if self.byte(eq) != Some(b'=') {
            let value = name_end..name_end;
            return (Attr { name, value }, name_end);
        }
        let start = self.scan(eq + 1, |b| !is_space(b));
        let (value, next) = match self.byte(start) {
            Some(q @ (b'"' | b'\'')) => {
                let close = self.scan(start + 1, |b| b == q);
                (start + 1..close, (close + 1).min(self.end))
            }
            _ => {
                let end = self.scan(start, |b| is_space(b) || b == b'>');
                (start..end, end)
            }
        };
        (Attr { name, value }, next)
    }

    /// Text from `self.pos` up to the next `<` after it.
    fn text(&mut self) -> Token {
        let start = self.pos;
        let end = self.find_bytes(start + 1, b"<").unwrap_or(self.end);
        self.pos = end;
        Token::Text(start..end)
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if self.pos >= self.end {
            return None;
        }
        if self.byte(self.pos) == Some(b'<') {
            if let Some(token) = self.markup() {
                return Some(token);
            }
        }
        Some(self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> Vec<Token> {
        Tokenizer::new(src, 0..src.len()).collect()
    }

    fn start(src: &str) -> Tag {
        match tokens(src).into_iter().next() {
            Some(Token::Start(tag)) => tag,
            other => panic!("not a start tag: {other:?}"),
        }
    }

    #[test]
    fn attribute_values_quoted_unquoted_and_missing() {
        let src = r#"<IMG Alt="Rathaus" title='Platz' data-x=ab hidden>"#;
        let tag = start(src);
        assert_eq!(tag.name, "img");
        let value = |name: &str| tag.attr(name).map(|r| &src[r]);
        assert_eq!(value("alt"), Some("Rathaus"));
        assert_eq!(value("title"), Some("Platz"));
        assert_eq!(value("data-x"), Some("ab"));
        assert_eq!(value("hidden"), Some(""));
        assert_eq!(tag.range, 0..src.len());
    }

    #[test]
    fn repeated_attribute_keeps_the_first() {
        let src = r#"<p title="eins" TITLE="zwei">"#;
        assert_eq!(start(src).attr("title"), Some(10..14));
    }

    #[test]
    fn self_closing_only_right_before_gt() {
        assert!(start("<svg/>").self_closing);
        assert!(!start("<a href=/x/ >").self_closing);
    }

    #[test]
    fn lone_lt_and_bad_end_tags_are_text_or_dropped() {
        let src = "a < b </> c </3 x> <";
        let kinds: Vec<Token> = tokens(src);
        assert_eq!(
            kinds,
            vec![
                Token::Text(0..2),
                Token::Text(2..6),
                Token::Other(6..9),
                Token::Text(9..12),
                Token::Other(12..18),
                Token::Text(18..19),
                Token::Text(19..20),
            ]
        );
    }

    #[test]
    fn comments_end_at_the_first_close_or_abruptly() {
        let src = "<!-- a -- b --!>x<!-->y<!--->z<!-- open";
        let comments: Vec<Range<usize>> = tokens(src)
            .into_iter()
            .filter_map(|t| match t {
                Token::Comment(_, inner) => Some(inner),
                _ => None,
            })
            .collect();
        assert_eq!(comments, vec![4..12, 21..21, 27..27, 34..39]);
    }

    #[test]
    fn raw_text_ends_at_the_matching_end_tag_only() {
        let src = "<script>if (a</b) x = '</scripts>';</SCRIPT >Text";
        let mut t = Tokenizer::new(src, 0..src.len());
        assert!(matches!(t.next(), Some(Token::Start(_))));
        let body = t.raw_text("script");
        assert_eq!(&src[body], "if (a</b) x = '</scripts>';");
        assert!(matches!(t.next(), Some(Token::End(name, _)) if name == "script"));
        assert_eq!(t.next(), Some(Token::Text(45..49)));
    }
}
