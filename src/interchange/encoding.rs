//! Decoding term files from any encoding: a byte-order mark wins, then the
//! encoding the user names, then what the file declares (an XML
//! declaration), then UTF-8 when the bytes are valid UTF-8, else the
//! legacy encoding a detector finds most likely.

use encoding_rs::Encoding;

/// Text decoded, and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding's name (`UTF-8`, `UTF-16BE`, `windows-1254`, …).
    pub encoding: &'static str,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The encoding named is unknown.
    #[error("unknown encoding `{0}`; use a name such as utf-8, utf-16, windows-1252 or shift_jis")]
    Unknown(String),
    /// The bytes are not valid in the encoding named or declared.
    #[error("the file is not valid {0}; name its encoding with --encoding")]
    Invalid(&'static str),
}

/// Decodes `bytes`; `named` is the user's `--encoding`.
pub fn decode(bytes: &[u8], named: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..]);
    }
    if let Some(label) = named {
        let encoding = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| DecodeError::Unknown(label.to_string()))?;
        return strict(utf16_default(encoding, bytes), bytes);
    }
    if let Some(encoding) = xml_declared(bytes) {
        return strict(encoding, bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    strict(detector.guess(None, chardetng::Utf8Detection::Deny), bytes)
}

/// `utf-16` without a byte-order mark: UTF-16LE unless the bytes look
/// big-endian (a zero byte first, as ASCII text in UTF-16BE has).
fn utf16_default(encoding: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE && bytes.first() == Some(&0) {
        encoding_rs::UTF_16BE
    } else {
        encoding
    }
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::Invalid(encoding.name()));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// The `encoding="…"` of an XML declaration in ASCII-compatible bytes.
fn xml_declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    let head = std::str::from_utf8(head).ok().or_else(|| {
        let valid = std::str::from_utf8(head).err()?.valid_up_to();
        std::str::from_utf8(&head[..valid]).ok()
    })?;
    let decl = head.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let value = decl
        .split("encoding")
        .nth(1)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let name = value[1..].split(quote).next()?;
    Encoding::for_label(name.as_bytes()).filter(|e| *e != encoding_rs::UTF_8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("Straße".as_bytes(), None).expect("utf-8").text,
            "Straße"
        );
        let with_bom = [&[0xEF, 0xBB, 0xBF][..], "Straße".as_bytes()].concat();
        assert_eq!(decode(&with_bom, None).expect("utf-8").text, "Straße");
    }

    #[test]
    fn utf16_be_with_bom() {
        let bytes: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Ürümqi".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let decoded = decode(&bytes, None).expect("utf-16be");
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("Ürümqi", "UTF-16BE")
        );
    }

    #[test]
    fn named_utf16_without_bom_guesses_byte_order() {
        let bytes: Vec<u8> = "de,en".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&bytes, Some("utf-16")).expect("utf-16").text,
            "de,en"
        );
    }

    #[test]
    fn xml_declaration_names_a_legacy_encoding() {
        let mut bytes = b"<?xml version=\"1.0\" encoding=\"windows-1254\"?><t>".to_vec();
        bytes.extend([0xDD, 0x73, 0x74, 0x61, 0x6E, 0x62, 0x75, 0x6C]); // İstanbul
        let decoded = decode(&bytes, None).expect("windows-1254");
        assert!(decoded.text.ends_with("İstanbul"));
    }

    #[test]
    fn legacy_bytes_are_detected() {
        let bytes = b"Stra\xdfe und M\xfcnchen und Gr\xf6\xdfe".to_vec();
        assert_eq!(
            decode(&bytes, None).expect("detected").text,
            "Straße und München und Größe"
        );
    }

    #[test]
    fn unknown_encoding_is_refused() {
        assert!(matches!(
            decode(b"x", Some("klingon")),
            Err(DecodeError::Unknown(_))
        ));
    }
}
