//! Character references (`&amp;`, `&auml;`, `&#x4E2D;`, `&#20013;`):
//! decodes text runs and attribute values into a segment, each reference
//! mapped to its whole bytes, following WHATWG HTML §13.2.5.72–80.
//! The named references come from the `entities` crate, the spec's table.

use crate::segment::Segment;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Where a text run stands; attribute values treat some references
/// differently for historical reasons (§13.2.5.73).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    /// Element content.
    Text,
    /// An attribute value.
    Attribute,
}

/// Appends `src[range]` to `segment`, decoding character references.
pub(super) fn push_text(segment: &mut Segment, src: &str, range: Range<usize>, context: Context) {
    let mut plain = range.start;
    let mut at = range.start;
    while let Some(amp) = src[at..range.end].find('&').map(|i| at + i) {
        at = amp + 1;
        if let Some((decoded, len)) = reference(&src[amp..range.end], context) {
            segment.push_verbatim(src, plain..amp);
            segment.push_decoded(&decoded, amp..amp + len);
            plain = amp + len;
            at = plain;
        }
    }
    segment.push_verbatim(src, plain..range.end);
}

/// The text of the reference at the start of `s` (which begins with `&`)
/// and its length in bytes, or `None` when it is not one (then `&` is
/// text, §13.2.5.72).
fn reference(s: &str, context: Context) -> Option<(String, usize)> {
    let rest = &s[1..];
    if let Some(number) = rest.strip_prefix('#') {
        return numeric(number).map(|(c, len)| (c.to_string(), len + 2));
    }
    named(rest, context).map(|(text, len)| (text.to_string(), len + 1))
}

/// §13.2.5.73: the longest name in the table that the input starts with.
/// A name read without `;` inside an attribute value and followed by `=`
/// or an alphanumeric is left as text (`?a=1&copy=2` is a URL, not ©).
fn named(s: &str, context: Context) -> Option<(&'static str, usize)> {
    let run = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if s.as_bytes().get(run) == Some(&b';') {
        if let Some(text) = table().get(&s[..=run]) {
            return Some((text, run + 1));
        }
    }
    let (text, len) = (1..=run)
        .rev()
        .find_map(|len| Some((*table().get(&s[..len])?, len)))?;
    let next = s.as_bytes().get(len).copied();
    let historical = next.is_some_and(|b| b == b'=' || b.is_ascii_alphanumeric());
    if context == Context::Attribute && historical {
        return None;
    }
    Some((text, len))
}

/// The named references, without the leading `&`; the names that may be
/// written without `;` are in the table both ways.
fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .map(|e| (e.entity.trim_start_matches('&'), e.characters))
            .collect()
    })
}

/// `&#…` after the `#`: the character and the length of the digits,
/// `x` and `;`. §13.2.5.75–77: without digits it is no reference.
fn numeric(s: &str) -> Option<(char, usize)> {
    let (radix, prefix) = match s.as_bytes().first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits = s[prefix..]
        .bytes()
        .take_while(|b| char::from(*b).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let value = s[prefix..prefix + digits]
        .chars()
        .filter_map(|c| c.to_digit(radix))
        .fold(0u32, |n, d| n.saturating_mul(radix).saturating_add(d));
    let semicolon = usize::from(s.as_bytes().get(prefix + digits) == Some(&b';'));
    Some((code_point(value), prefix + digits + semicolon))
}

/// §13.2.5.80 numeric character reference end state: zero, surrogates
/// and values past U+10FFFF become U+FFFD; 0x80–0x9F are read as
/// windows-1252, as browsers do.
fn code_point(value: u32) -> char {
    const C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => C1[(value - 0x80) as usize],
        0 => 0xFFFD,
        v => v,
    };
    char::from_u32(value).unwrap_or('\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(src: &str, context: Context) -> Segment {
        let mut segment = Segment::at(0);
        push_text(&mut segment, src, 0..src.len(), context);
        segment
    }

    #[test]
    fn named_numeric_and_hex_references_decode() {
        let s = decode(
            "M&uuml;nchen &amp; &#x4E2D;&#22269; &ndash;&rsquo;",
            Context::Text,
        );
        assert_eq!(s.text, "München & 中国 –\u{2019}");
    }

    #[test]
    fn reference_maps_to_its_whole_bytes() {
        let src = "Stra&szlig;e";
        let s = decode(src, Context::Text);
        let at = s.text.find('ß').expect("decoded");
        assert_eq!(s.original(at..at + 'ß'.len_utf8()), 4..11);
        assert_eq!(s.original(0..s.text.len()), 0..src.len());
    }

    #[test]
    fn legacy_name_without_semicolon_decodes_in_text() {
        assert_eq!(
            decode("a&nbspb &notit;", Context::Text).text,
            "a\u{a0}b ¬it;"
        );
    }

    #[test]
    fn legacy_name_before_equals_stays_in_attributes() {
        assert_eq!(
            decode("?a=1&copy=2", Context::Attribute).text,
            "?a=1&copy=2"
        );
        assert_eq!(decode("&copy 2024", Context::Attribute).text, "© 2024");
    }

    #[test]
    fn unknown_and_empty_references_are_text() {
        let s = decode("AT&T & &; &#; &#x; &bogus;", Context::Text);
        assert_eq!(s.text, "AT&T & &; &#; &#x; &bogus;");
    }

    #[test]
    fn out_of_range_numbers_become_replacement_characters() {
        let s = decode("&#0;&#xD800;&#99999999999;&#x80;", Context::Text);
        assert_eq!(s.text, "\u{fffd}\u{fffd}\u{fffd}€");
    }
}
