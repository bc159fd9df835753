//! Reading one file (or `-` for stdin) into a [`Document`]: bytes (up to a
//! size limit), binary check, decoding (UTF-8, or UTF-16/UTF-32 with a
//! byte-order mark), the format's reader, and the text's language
//! (`--lang`, else what the file declares, else a default, else the path).

mod decode;

use crate::document::{DecodeError, Document, Encoding};
use crate::formats::{self, ReadOptions};
use crate::lang::{from_path, LangTag};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A path that could not be checked; the run goes on and exits with 2.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file or directory could not be read.
    #[error("{}: cannot read: {}", path.display(), describe(error))]
    Read {
        /// The path.
        path: PathBuf,
        /// Why. Part of the message, so not the error's `source()`: a
        /// report of the whole chain would say it twice.
        error: io::Error,
    },
    /// The bytes do not decode (invalid UTF-8, a damaged UTF-16 or UTF-32
    /// file).
    #[error("{}:{line}:{column}: {problem}", path.display())]
    Decode {
        /// The path.
        path: PathBuf,
        /// Line of the bad byte.
        line: usize,
        /// Column of the bad byte.
        column: usize,
        /// The decoding problem.
        problem: DecodeError,
    },
    /// The file holds binary data (a NUL byte near its start).
    #[error("{}: binary file, not checked", path.display())]
    Binary {
        /// The path.
        path: PathBuf,
    },
    /// The format's reader cannot make sense of the file.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The path.
        path: PathBuf,
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file is larger than the size limit (`--max-file-size`).
    #[error(
        "{}: {} is over the size limit of {}; not checked (raise the limit with \
         --max-file-size, e.g. --max-file-size 1G, or 0 for none)",
        path.display(), size.describe(), format_size(*limit)
    )]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// How large it is.
        size: Size,
        /// The limit.
        limit: u64,
    },
    /// The file is larger than termlint can check at all.
    #[error(
        "{}: {} is more than termlint can check at once ({}); split the file",
        path.display(), size.describe(), format_size(MAX_TEXT_BYTES)
    )]
    BeyondCapacity {
        /// The path.
        path: PathBuf,
        /// How large it is (as text, after decoding).
        size: Size,
    },
    /// Neither `--lang` nor the path tells the language.
    #[error("{}: cannot tell the text's language; name it with --lang (e.g. --lang de) or in the path (x.de.md, de/x.md)", path.display())]
    UnknownLanguage {
        /// The path.
        path: PathBuf,
    },
    /// The source text a translation is paired with could not be read.
    #[error("{problem} (the source text of {})", translation.display())]
    SourceText {
        /// The translation that needed it.
        translation: PathBuf,
        /// Why the source could not be read.
        problem: Box<InputError>,
    },
}

/// An I/O error as a short lowercase reason with what to do.
fn describe(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory; check the path".to_string(),
        io::ErrorKind::PermissionDenied => {
            "permission denied; check the file's permissions".to_string()
        }
        io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        _ => err.to_string(),
    }
}

/// The most bytes of text termlint checks in one file, whatever the size
/// limit: folding stores offsets in 32 bits (under 4 GiB), and folded text
/// is at most three times as long as its original (a test of `fold` holds
/// every character to that).
pub const MAX_TEXT_BYTES: u64 = 1 << 30;

/// The size limit when none is given: 100 MiB. Real articles, XLIFF and PO
/// files stay far below it (a whole book is a few MB); a larger file in a
/// repository is almost always generated data, a dump or a log, and checking
/// it would take several times its size in memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 100 << 20;

/// How large a file is: exactly, or only known to be over some size (a
/// stream read up to the limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Exactly this many bytes.
    Exactly(u64),
    /// More than this many bytes.
    Over(u64),
}

impl Size {
    fn describe(self) -> String {
        match self {
            Size::Exactly(n) => format_size(n),
            Size::Over(n) => format!("more than {}", format_size(n)),
        }
    }
}

/// A byte count as `--max-file-size` takes it: `100M`, `1.5G`, `900 bytes`
/// (K, M and G are powers of 1024).
pub fn format_size(bytes: u64) -> String {
    for (unit, size) in [("G", 1u64 << 30), ("M", 1 << 20), ("K", 1 << 10)] {
        if bytes >= size {
            return if bytes.is_multiple_of(size) {
                format!("{}{unit}", bytes / size)
            } else {
                // Lossy only past 2^53 bytes, far beyond any file.
                #[allow(clippy::cast_precision_loss)]
                let scaled = bytes as f64 / size as f64;
                format!("{scaled:.1}{unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// Parses a `--max-file-size` value: a number of bytes, optionally with a
/// K, M or G suffix (powers of 1024); `0` means no limit (`None`).
pub fn parse_size(text: &str) -> Result<Option<u64>, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().last() {
        Some((at, c)) if c.is_ascii_alphabetic() => (&text[..at], Some(c.to_ascii_uppercase())),
        _ => (text, None),
    };
    let shift = match unit {
        None => 0,
        Some('K') => 10,
        Some('M') => 20,
        Some('G') => 30,
        Some(_) => {
            return Err(format!(
                "unknown unit in `{text}`; use K, M or G, e.g. 100M"
            ))
        }
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size; write e.g. 100M, 1G or 0 for no limit"))?;
    let bytes = number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))?;
    Ok((bytes > 0).then_some(bytes))
}

/// Reads at most `limit` bytes of `path` (`-` for stdin): a larger file is
/// refused before it is read (or, for a stream, as soon as it passes the
/// limit), so memory never grows past the limit.
fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let io_error = |error| InputError::Read {
        path: path.to_path_buf(),
        error,
    };
    let too_large = |size| InputError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    } else {
        let file = std::fs::File::open(path).map_err(io_error)?;
        let len = file.metadata().map_err(io_error)?.len();
        if len > limit {
            return Err(too_large(Size::Exactly(len)));
        }
        bytes.reserve_exact(usize::try_from(len).unwrap_or_default());
        // The length was only a hint: the file may grow, or be a device.
        file.take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    }
    if bytes.len() as u64 > limit {
        return Err(too_large(Size::Over(limit)));
    }
    Ok(bytes)
}

/// Decodes a file's bytes (see [`decode`]); a file whose text is binary
/// data is refused.
fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<(String, Encoding), InputError> {
    let binary = || InputError::Binary {
        path: path.to_path_buf(),
    };
    let encoding = decode::sniff(&bytes);
    if encoding == Encoding::Utf8 && is_binary(&bytes) {
        return Err(binary());
    }
    let text = decode::decode(bytes, encoding).map_err(|e| InputError::Decode {
        path: path.to_path_buf(),
        line: e.line,
        column: e.column,
        problem: e.error,
    })?;
    if has_nul_in_first_chars(&text) {
        return Err(binary());
    }
    if text.len() as u64 > MAX_TEXT_BYTES {
        return Err(InputError::BeyondCapacity {
            path: path.to_path_buf(),
            size: Size::Exactly(text.len() as u64),
        });
    }
    Ok((text, encoding))
}

/// Line and column (in chars) of byte `offset` of `text`.
fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    decode::end_position(&text[..offset])
}

/// Which language a file is in, when its own metadata and path are asked.
#[derive(Debug, Clone, Copy)]
pub struct LangChoice<'a> {
    /// Given on the command line: wins over everything.
    pub given: Option<&'a LangTag>,
    /// Used when the file declares no language (e.g. the glossary's
    /// `source_language` for a source text); the path comes last.
    pub default: Option<&'a LangTag>,
}

/// How to read one file.
#[derive(Debug, Clone, Copy)]
pub struct Load<'a> {
    /// The language to use or look for.
    pub lang: LangChoice<'a>,
    /// The readers' options.
    pub read: &'a ReadOptions,
    /// The glossary's languages, which a path may name.
    pub languages: &'a [LangTag],
    /// Files larger than this many bytes are not read (`None`: no limit
    /// but [`MAX_TEXT_BYTES`]).
    pub max_size: Option<u64>,
}

/// Reads `path` (`-` for stdin) with its format's reader.
pub fn load(path: &Path, how: &Load<'_>) -> Result<Document, InputError> {
    let limit = how
        .max_size
        .map_or(MAX_TEXT_BYTES, |m| m.min(MAX_TEXT_BYTES));
    let bytes = read_bytes(path, limit).map_err(|e| match e {
        InputError::TooLarge { path, size, limit } if limit == MAX_TEXT_BYTES => {
            InputError::BeyondCapacity { path, size }
        }
        other => other,
    })?;
    let (text, encoding) = decode_text(path, bytes)?;
    let format = formats::detect(path);
    let parsed = formats::read(format, &text, how.read).map_err(|e| {
        let (line, column) = position_of(&text, e.offset);
        let message = e.message;
        InputError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    })?;
    let lang = language(path, how, parsed.lang.as_ref())?;
    let mut doc = Document::with_segments(path, text, lang, parsed.segments);
    doc.pairs = parsed.pairs;
    doc.format = format;
    doc.encoding = encoding;
    Ok(doc)
}

/// Git's rule: a NUL byte in the first 8000 bytes means binary.
fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8000)]).is_some()
}

/// The same rule for decoded text (UTF-16 and UTF-32 files): a NUL among
/// its first 8000 characters.
fn has_nul_in_first_chars(text: &str) -> bool {
    let prefix = &text.as_bytes()[..text.len().min(4 * 8000)];
    memchr::memchr(0, prefix).is_some_and(|at| text[..at].chars().count() < 8000)
}

fn language(
    path: &Path,
    how: &Load<'_>,
    declared: Option<&LangTag>,
) -> Result<LangTag, InputError> {
    if let Some(tag) = how.lang.given.or(declared).or(how.lang.default) {
        return Ok(tag.clone());
    }
    let known = how.languages;
    from_path(path, &|tag| known.binary_search(tag).is_ok()).ok_or_else(|| {
        InputError::UnknownLanguage {
            path: path.to_path_buf(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_column_and_byte() {
        let err = decode_text(Path::new("a.de.md"), b"Erste Zeile\nzwei \xff".to_vec());
        let Err(err) = err else {
            panic!("invalid UTF-8 is refused");
        };
        assert_eq!(
            err.to_string(),
            "a.de.md:2:6: invalid UTF-8 at byte 17; save the file as UTF-8"
        );
    }

    #[test]
    fn nul_byte_means_binary() {
        assert!(is_binary(b"PNG\0\x01"));
        assert!(!is_binary("Straße".as_bytes()));
    }

    #[test]
    fn utf16_with_a_nul_character_is_binary() {
        let bytes = Encoding::Utf16Le.encode("\u{feff}ab\0");
        let err = decode_text(Path::new("x.bin"), bytes).expect_err("binary");
        assert!(matches!(err, InputError::Binary { .. }), "{err}");
        let text = Encoding::Utf16Be.encode("\u{feff}Straße");
        let decoded = decode_text(Path::new("x.txt"), text).expect("decoded");
        assert_eq!(decoded, ("\u{feff}Straße".to_string(), Encoding::Utf16Be));
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("100M"), Ok(Some(100 << 20)));
        assert_eq!(parse_size("1g"), Ok(Some(1 << 30)));
        assert_eq!(parse_size("512"), Ok(Some(512)));
        assert_eq!(parse_size("0"), Ok(None));
        assert_eq!(parse_size("0K"), Ok(None));
        assert!(parse_size("10X").is_err_and(|e| e.contains("K, M or G")));
        assert!(parse_size("M").is_err());
        assert!(parse_size("-1M").is_err());
        assert!(parse_size("99999999999999999G").is_err_and(|e| e.contains("too large")));
    }

    #[test]
    fn sizes_are_shown_as_the_option_takes_them() {
        assert_eq!(format_size(100 << 20), "100M");
        assert_eq!(format_size((1 << 30) + (1 << 29)), "1.5G");
        assert_eq!(format_size(2048 + 100), "2.1K");
        assert_eq!(format_size(900), "900 bytes");
    }

    #[test]
    fn nul_counts_among_the_first_8000_characters_not_bytes() {
        let before = |n: usize| format!("{}\0", "ü".repeat(n));
        assert!(has_nul_in_first_chars(&before(7999)));
        assert!(!has_nul_in_first_chars(&before(8000)));
        assert!(!has_nul_in_first_chars("plain text"));
        assert!(is_binary(b"PNG\0"));
        assert!(!is_binary(&[b"a".repeat(8000), vec![0]].concat()));
    }

    #[test]
    fn reading_stops_at_the_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'a'; 2000]).expect("write");
        let err = read_bytes(&path, 1000).expect_err("over the limit");
        assert!(
            matches!(
                err,
                InputError::TooLarge {
                    size: Size::Exactly(2000),
                    limit: 1000,
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(read_bytes(&path, 2000).map(|b| b.len()).ok(), Some(2000));
    }

    #[test]
    fn beyond_capacity_message_says_to_split_the_file() {
        let err = InputError::BeyondCapacity {
            path: PathBuf::from("dump.txt"),
            size: Size::Over(MAX_TEXT_BYTES),
        };
        assert_eq!(
            err.to_string(),
            "dump.txt: more than 1G is more than termlint can check at once (1G); split the file"
        );
    }

    #[test]
    fn too_large_message_names_size_limit_and_option() {
        let err = InputError::TooLarge {
            path: PathBuf::from("dump.de.txt"),
            size: Size::Exactly(210 << 20),
            limit: 100 << 20,
        };
        assert_eq!(
            err.to_string(),
            "dump.de.txt: 210M is over the size limit of 100M; not checked (raise the limit \
             with --max-file-size, e.g. --max-file-size 1G, or 0 for none)"
        );
    }
}
