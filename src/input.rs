//! Reading what the user named: files, directories (walked in sorted order,
//! hidden entries skipped) and `-` for stdin; decoding; and the language of
//! each text (`--lang`, else from the path).

use crate::document::{decode, DecodeError, Document};
use crate::glossary::Glossary;
use crate::lang::{from_path, LangTag};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A path that could not be checked; the run goes on and exits with 2.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file or directory could not be read.
    #[error("{}: cannot read: {source}", path.display())]
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
    /// Neither `--lang` nor the path tells the language.
    #[error("{}: cannot tell the text's language; name it with --lang (e.g. --lang de) or in the path (x.de.md, de/x.md)", path.display())]
    UnknownLanguage {
        /// The path.
        path: PathBuf,
    },
}

/// Expands directories into the files under them, sorted; files and `-`
/// stay as given. Hidden entries inside directories are skipped.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            walk(path, &mut files, &mut errors);
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            let path = dir.to_path_buf();
            return errors.push(InputError::Read { path, source });
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files, errors);
        } else if path.is_file() {
            files.push(path);
        }
    }
}

/// Reads a path (`-` is stdin) as text.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let bytes = read_bytes(path).map_err(|source| InputError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    decode(bytes.clone()).map_err(|source| {
        let DecodeError::InvalidUtf8 { offset } = source;
        let (line, column) = position_of(&bytes, offset);
        InputError::Decode {
            path: path.to_path_buf(),
            line,
            column,
            source,
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

/// The language of the text at `path`: `given`, else what the path names.
pub fn language(
    path: &Path,
    given: Option<&LangTag>,
    glossary: &Glossary,
) -> Result<LangTag, InputError> {
    if let Some(tag) = given {
        return Ok(tag.clone());
    }
    let known = glossary.languages();
    from_path(path, &|tag| known.contains(tag)).ok_or_else(|| InputError::UnknownLanguage {
        path: path.to_path_buf(),
    })
}

/// Reads `path` into a document of language `lang`.
pub fn load(path: &Path, lang: LangTag) -> Result<Document, InputError> {
    let text = read_text(path)?;
    Ok(Document::new(path, text, lang))
}
