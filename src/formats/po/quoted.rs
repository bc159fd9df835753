//! One quoted string of a PO file, C-escaped as the GNU gettext manual
//! describes (§3.2 "The Format of PO Files": strings are in C syntax),
//! appended to a segment with each escape mapped to its whole sequence.

use crate::formats::ReadError;
use crate::segment::Segment;
use std::ops::Range;

/// Appends the content of the string that opens at `line.start` (a `"`)
/// and must close before `line.end`.
pub(super) fn append(
    text: &str,
    line: Range<usize>,
    segment: &mut Segment,
) -> Result<(), ReadError> {
    let bytes = text.as_bytes();
    let mut run = line.start + 1;
    let mut i = run;
    // Only ASCII bytes are compared, so `i` never stops inside a UTF-8
    // sequence when it cuts a run.
    while i < line.end {
        match bytes[i] {
            b'"' => {
                segment.push_verbatim(text, run..i);
                return after_close(text, i + 1..line.end);
            }
            b'\\' => {
                segment.push_verbatim(text, run..i);
                let (decoded, len) =
                    escape(&text[i..line.end]).ok_or_else(|| unterminated(line.start))?;
                segment.push_decoded(&decoded, i..i + len);
                i += len;
                run = i;
            }
            _ => i += 1,
        }
    }
    Err(unterminated(line.start))
}

/// Only white space may follow a closing quote on its line.
fn after_close(text: &str, rest: Range<usize>) -> Result<(), ReadError> {
    let tail = &text[rest.clone()];
    let trimmed = tail.trim_start();
    if trimmed.is_empty() {
        return Ok(());
    }
    Err(ReadError {
        offset: rest.start + tail.len() - trimmed.len(),
        message: "unexpected text after a closing `\"`: expected the end of the line (a string \
                  that goes on is written as a new quoted line)"
            .to_string(),
    })
}

/// The character an escape sequence at the start of `s` (a `\`) stands
/// for, and the sequence's length in bytes; `None` when the line ends
/// right after the backslash.
fn escape(s: &str) -> Option<(String, usize)> {
    let next = s[1..].chars().next()?;
    let simple = match next {
        'n' => Some('\n'),
        't' => Some('\t'),
        'r' => Some('\r'),
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        'f' => Some('\u{c}'),
        'v' => Some('\u{b}'),
        '0'..='7' => return Some(numeric(s, 1, 3, 8)),
        'x' => return Some(numeric(s, 2, 2, 16)),
        // `\"`, `\\`, `\'`, `\?`, and any other character gettext would
        // warn about: the character itself.
        c => Some(c),
    };
    simple.map(|c| (c.to_string(), 1 + next.len_utf8()))
}

/// An octal (`\101`) or hex (`\x41`) escape: up to `max` digits in
/// `radix` from byte `from`. A value that is no ASCII character stands for
/// one byte of a UTF-8 sequence, which alone is no character: U+FFFD.
fn numeric(s: &str, from: usize, max: usize, radix: u32) -> (String, usize) {
    let digits = s[from..]
        .chars()
        .take(max)
        .take_while(|c| c.is_digit(radix))
        .count();
    let value = u32::from_str_radix(&s[from..from + digits], radix).unwrap_or(u32::MAX);
    let c = match char::from_u32(value) {
        Some(c) if c.is_ascii() => c,
        _ => char::REPLACEMENT_CHARACTER,
    };
    (c.to_string(), from + digits)
}

fn unterminated(open: usize) -> ReadError {
    ReadError {
        offset: open,
        message: "unterminated string: expected a closing `\"` before the end of the line"
            .to_string(),
    }
}
