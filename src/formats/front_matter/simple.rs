//! Front matter of plain `key: value` lines, read without the YAML parser.
//!
//! Most pages' front matter is a few lines such as `title: Ein neuer
//! Bereich` and `date: 2023-07-16`. Setting up the YAML parser for them
//! took longer than reading the rest of a short page, so such a block is
//! read here, and anything this reader is not sure to read exactly as the
//! parser would (quotes, nesting, lists, comments after a value, a value
//! the parser could take for a number, a boolean or null) is left to it.

use std::ops::Range;

/// Words a plain YAML value or key may be read as other than a string
/// (booleans, null, and the float spellings), compared without case.
const NOT_STRINGS: [&str; 13] = [
    "null", "true", "false", "yes", "no", "on", "off", "y", "n", "inf", "infinity", "nan", "~",
];

/// The `key: value` pairs of YAML `text[body]`, when every line is such a
/// pair (plain key, plain one-line value, no indentation), blank, or a
/// comment, and no key is given twice; `None` otherwise. The values are
/// as the YAML parser reads them: the text after the colon, trimmed.
pub(super) fn pairs(text: &str, body: Range<usize>) -> Option<Vec<(&str, &str)>> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for line in text[body].lines() {
        if line.trim_start_matches(' ').is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once(": ")?;
        let value = value.trim_matches(' ');
        if !plain_key(key) || !plain_value(value) || pairs.iter().any(|(k, _)| *k == key) {
            return None;
        }
        pairs.push((key, value));
    }
    Some(pairs)
}

/// Whether the plain value `value` could be read as something other than
/// a string: a number, a boolean, null.
pub(super) fn maybe_not_string(value: &str) -> bool {
    value.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'))
        || NOT_STRINGS.iter().any(|w| value.eq_ignore_ascii_case(w))
}

/// A key of ASCII letters, digits, `_` and `-`, starting with a letter or
/// `_`, that is read as a string.
fn plain_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        && !maybe_not_string(key)
}

/// A one-line plain scalar that YAML reads as written: it does not start
/// with an indicator, holds no `: ` or ` #`, does not end with `:`, and
/// every character is printable (no tab or control character, no
/// byte-order mark).
fn plain_value(value: &str) -> bool {
    let starts_plain = value
        .chars()
        .next()
        .is_some_and(|c| !"-?:,[]{}#&*!|>'\"%@`".contains(c));
    starts_plain
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && value.chars().all(printable)
}

/// YAML's printable characters, less the tab, the byte-order mark and the
/// characters the parser takes for line breaks (next line, line and
/// paragraph separators).
fn printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> Option<Vec<(&str, &str)>> {
        pairs(body, 0..body.len())
    }

    #[test]
    fn plain_lines_are_read_with_blank_and_comment_lines() {
        let body = "title: Ein neuer Bereich  \n\n# a comment\ndate: 2023-07-16\nslug: a-b_c\n";
        assert_eq!(
            read(body),
            Some(vec![
                ("title", "Ein neuer Bereich"),
                ("date", "2023-07-16"),
                ("slug", "a-b_c")
            ])
        );
        assert_eq!(read(""), Some(vec![]));
        assert_eq!(
            read("title: C# and Tom's {book}\r\n"),
            Some(vec![("title", "C# and Tom's {book}")])
        );
    }

    #[test]
    fn anything_the_parser_may_read_otherwise_is_left_to_it() {
        for body in [
            "title: \"quoted\"",
            "title: 'quoted'",
            "title: a # comment",
            "title: a: b",
            "title: a:",
            "title:",
            "title:   ",
            "card:\n  title: A",
            " title: indented",
            "- item",
            "title: a\n  continued",
            "title: |\n  block",
            "title: &anchor a",
            "title: *alias",
            "title: !tag a",
            "title: [a, b]",
            "title: {a: b}",
            "title: a\ttab",
            "title: a\u{7}bell",
            "title: a\u{FEFF}",
            "title: a\u{85}b",
            "title: a\u{2028}b",
            "title: a\ntitle: b",
            "card.title: a",
            "\"title\": a",
            "true: a",
            "1: a",
            "title:a",
            "%YAML 1.2",
        ] {
            assert_eq!(read(body), None, "{body:?}");
        }
    }

    #[test]
    fn values_that_may_not_be_strings_are_told() {
        for value in [
            "2023", "-1", "+1", ".5", ".inf", "True", "NULL", "~", "yes", "Off", "nan",
        ] {
            assert!(maybe_not_string(value), "{value}");
        }
        for value in [
            "Ein neuer Bereich",
            "de",
            "zh-Hans",
            "nullable",
            "Yesterday",
        ] {
            assert!(!maybe_not_string(value), "{value}");
        }
    }
}
