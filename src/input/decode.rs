//! Decoding a file's bytes into text: UTF-8, or UTF-16 / UTF-32 when the
//! file starts with their byte-order mark (Windows tools still save text
//! so). The byte-order mark stays in the text as U+FEFF, so that the text
//! encodes back to the very same bytes and offsets can be mapped back.
//!
//! Bytes that do not decode — invalid UTF-8, an unpaired UTF-16 surrogate,
//! a UTF-32 value that is no character, a truncated last code unit — are
//! refused with their place, never replaced: a replaced character would
//! hide a damaged name, and `--fix` must write back exactly what it read.

use crate::document::{DecodeError, Encoding};

/// Text that could not be decoded, with the line and column (in
/// characters) of the first bad byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Undecodable {
    pub line: usize,
    pub column: usize,
    pub error: DecodeError,
}

/// The encoding a byte-order mark announces; UTF-8 when there is none.
/// UTF-32LE is tested first: its mark starts with UTF-16LE's.
pub(super) fn sniff(bytes: &[u8]) -> Encoding {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Encoding::Utf32Le,
        [0, 0, 0xFE, 0xFF, ..] => Encoding::Utf32Be,
        [0xFF, 0xFE, ..] => Encoding::Utf16Le,
        [0xFE, 0xFF, ..] => Encoding::Utf16Be,
        _ => Encoding::Utf8,
    }
}

/// Decodes `bytes` as `encoding`.
pub(super) fn decode(bytes: Vec<u8>, encoding: Encoding) -> Result<String, Undecodable> {
    match encoding {
        Encoding::Utf8 => utf8(bytes),
        Encoding::Utf16Le => utf16(&bytes, u16::from_le_bytes, encoding),
        Encoding::Utf16Be => utf16(&bytes, u16::from_be_bytes, encoding),
        Encoding::Utf32Le => utf32(&bytes, u32::from_le_bytes, encoding),
        Encoding::Utf32Be => utf32(&bytes, u32::from_be_bytes, encoding),
    }
}

fn utf8(bytes: Vec<u8>) -> Result<String, Undecodable> {
    // Checked with vector instructions, then copied: the copy costs less
    // than the standard library's byte-wise check of non-ASCII text.
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(text.to_owned());
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..offset]);
        undecodable(&prefix, DecodeError::InvalidUtf8 { offset })
    })
}

fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    encoding: Encoding,
) -> Result<String, Undecodable> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2 * 3);
    let mut offset = 0;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                offset += 2 * c.len_utf16();
            }
            Err(e) => {
                let unit = e.unpaired_surrogate();
                return Err(undecodable(
                    &text,
                    DecodeError::UnpairedSurrogate { offset, unit },
                ));
            }
        }
    }
    truncated(text, bytes.len(), 2, encoding)
}

fn utf32(
    bytes: &[u8],
    unit: fn([u8; 4]) -> u32,
    encoding: Encoding,
) -> Result<String, Undecodable> {
    let mut text = String::with_capacity(bytes.len());
    for (i, chunk) in bytes.chunks_exact(4).enumerate() {
        let value = unit([chunk[0], chunk[1], chunk[2], chunk[3]]);
        match char::from_u32(value) {
            Some(c) => text.push(c),
            None => {
                let offset = 4 * i;
                return Err(undecodable(
                    &text,
                    DecodeError::InvalidUtf32 { offset, value },
                ));
            }
        }
    }
    truncated(text, bytes.len(), 4, encoding)
}

/// `text`, unless the file's length leaves part of a code unit at its end.
fn truncated(
    text: String,
    len: usize,
    unit: usize,
    encoding: Encoding,
) -> Result<String, Undecodable> {
    if len.is_multiple_of(unit) {
        return Ok(text);
    }
    let error = DecodeError::Truncated {
        offset: len - len % unit,
        encoding: encoding.name(),
    };
    Err(undecodable(&text, error))
}

/// The error at the end of `decoded`, the text before the bad bytes.
fn undecodable(decoded: &str, error: DecodeError) -> Undecodable {
    let (line, column) = end_position(decoded);
    Undecodable {
        line,
        column,
        error,
    }
}

/// Line and column (in chars) just after `text`; lines end as in
/// [`crate::document`]: `\n`, `\r\n` or a lone `\r`. The byte-order mark
/// is not a column.
pub(super) fn end_position(text: &str) -> (usize, usize) {
    let last_break = text.rfind(['\n', '\r']);
    let line =
        1 + text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
    let last = last_break.map_or(text, |at| &text[at + 1..]);
    let last = last.strip_prefix('\u{feff}').unwrap_or(last);
    (line, last.chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        Encoding::Utf16Le.encode(text)
    }

    #[test]
    fn byte_order_marks_name_the_encoding() {
        assert_eq!(sniff(b"\xff\xfe\0\0a\0\0\0"), Encoding::Utf32Le);
        assert_eq!(sniff(b"\0\0\xfe\xff"), Encoding::Utf32Be);
        assert_eq!(sniff(b"\xff\xfea\0"), Encoding::Utf16Le);
        assert_eq!(sniff(b"\xfe\xff\0a"), Encoding::Utf16Be);
        assert_eq!(sniff(b"\xef\xbb\xbfa"), Encoding::Utf8);
        assert_eq!(sniff(b""), Encoding::Utf8);
    }

    #[test]
    fn utf16_and_utf32_decode_with_the_mark_kept() {
        let text = "\u{feff}Ürümqi 😀\r\n";
        for encoding in [
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Utf32Le,
            Encoding::Utf32Be,
        ] {
            let bytes = encoding.encode(text);
            assert_eq!(sniff(&bytes), encoding);
            assert_eq!(decode(bytes, encoding).as_deref(), Ok(text));
        }
    }

    #[test]
    fn unpaired_surrogate_is_refused_at_its_place() {
        let mut bytes = utf16le("\u{feff}ab\ncd");
        bytes.extend([0x00, 0xD8]);
        bytes.extend(utf16le("ef"));
        let err = decode(bytes, Encoding::Utf16Le).expect_err("refused");
        assert_eq!((err.line, err.column), (2, 3));
        assert_eq!(
            err.error,
            DecodeError::UnpairedSurrogate {
                offset: 12,
                unit: 0xD800
            }
        );
    }

    #[test]
    fn low_surrogate_first_is_refused() {
        let mut bytes = Encoding::Utf16Be.encode("\u{feff}");
        bytes.extend([0xDC, 0x00]);
        let err = decode(bytes, Encoding::Utf16Be).expect_err("refused");
        assert_eq!(
            err.error,
            DecodeError::UnpairedSurrogate {
                offset: 2,
                unit: 0xDC00
            }
        );
        assert_eq!((err.line, err.column), (1, 1));
    }

    #[test]
    fn surrogate_value_in_utf32_is_refused() {
        let mut bytes = Encoding::Utf32Le.encode("\u{feff}x");
        bytes.extend(0xD800u32.to_le_bytes());
        let err = decode(bytes, Encoding::Utf32Le).expect_err("refused");
        assert_eq!(
            err.error,
            DecodeError::InvalidUtf32 {
                offset: 8,
                value: 0xD800
            }
        );
        assert_eq!((err.line, err.column), (1, 2));
    }

    #[test]
    fn odd_length_utf16_is_refused_at_its_end() {
        let mut bytes = utf16le("\u{feff}ab");
        bytes.push(b'c');
        let err = decode(bytes, Encoding::Utf16Le).expect_err("refused");
        assert_eq!(
            err.error,
            DecodeError::Truncated {
                offset: 6,
                encoding: "UTF-16LE"
            }
        );
        assert_eq!((err.line, err.column), (1, 3));
    }

    #[test]
    fn invalid_utf8_names_its_byte() {
        let err = decode(b"ab\r\ncd\xff".to_vec(), Encoding::Utf8).expect_err("refused");
        assert_eq!(err.error, DecodeError::InvalidUtf8 { offset: 6 });
        assert_eq!((err.line, err.column), (2, 3));
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        assert_eq!(end_position("a\rb\r\nc\nde"), (4, 3));
        assert_eq!(end_position(""), (1, 1));
    }
}
