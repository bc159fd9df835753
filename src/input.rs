//! Reading one file (or `-` for stdin) into a [`Document`]: bytes, binary
//! check, decoding, the format's reader, and the text's language (`--lang`,
//! else what the file declares, else a default, else the path).

use crate::document::{DecodeError, Document};
use crate::formats::{self, ReadOptions};
use crate::lang::{from_path, LangTag};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A path that could not be checked; the run goes on and exits with 2.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file or directory could not be read.
    #[error("{}: cannot read: {}", path.display(), describe(source))]
    Read {
        /// The path.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{}:{line}:{column}: {source}", path.display())]
    Decode {
        /// The path.
        path: PathBuf,
        /// Line of the bad byte.
        line: usize,
        /// Column of the bad byte.
        column: usize,
        /// The decoding problem.
        source: DecodeError,
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
    /// Neither `--lang` nor the path tells the language.
    #[error("{}: cannot tell the text's language; name it with --lang (e.g. --lang de) or in the path (x.de.md, de/x.md)", path.display())]
    UnknownLanguage {
        /// The path.
        path: PathBuf,
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

/// Decodes file bytes as UTF-8 (a byte-order mark is kept so that byte
/// offsets still index the file); invalid UTF-8 is reported at its line
/// and column.
fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, column) = position_of(e.as_bytes(), offset);
        InputError::Decode {
            path: path.to_path_buf(),
            line,
            column,
            source: DecodeError::InvalidUtf8 { offset },
        }
    })
}

fn read_bytes(path: &Path) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

/// Line and column (in chars of the valid prefix) of a byte offset.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let prefix = String::from_utf8_lossy(&bytes[..offset]);
    let line = prefix.matches('\n').count() + 1;
    let last = prefix.rsplit('\n').next().unwrap_or("");
    (line, last.chars().count() + 1)
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
}

/// Reads `path` (`-` for stdin) with its format's reader.
pub fn load(path: &Path, how: &Load<'_>) -> Result<Document, InputError> {
    let bytes = read_bytes(path).map_err(|source| InputError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if is_binary(&bytes) {
        return Err(InputError::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = decode_text(path, bytes)?;
    let format = formats::detect(path);
    let parsed = formats::read(format, &text, how.read).map_err(|e| {
        let (line, column) = position_of(text.as_bytes(), e.offset.min(text.len()));
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
    Ok(doc)
}

/// Git's rule: a NUL byte in the first 8000 bytes means binary.
fn is_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8000).any(|&b| b == 0)
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
}
