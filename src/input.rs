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
    /// Neither `--lang` nor the path tells the language.
    #[error("{}: cannot tell the text's language; name it with --lang (e.g. --lang de) or in the path (x.de.md, de/x.md)", path.display())]
    UnknownLanguage {
        /// The path.
        path: PathBuf,
    },
}

/// A file to check, and whether it was found by walking a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The file (`-` for stdin).
    pub path: PathBuf,
    /// Found inside a directory the user named (not named itself).
    pub walked: bool,
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

/// Expands directories into the files under them, sorted; files and `-`
/// stay as given. Hidden entries inside directories are skipped.
pub fn expand(paths: &[PathBuf]) -> (Vec<Target>, Vec<InputError>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut errors);
            targets.extend(files.into_iter().map(|path| Target { path, walked: true }));
        } else {
            let path = path.clone();
            targets.push(Target {
                path,
                walked: false,
            });
        }
    }
    (targets, errors)
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

/// The source text of `path` in `source_lang`, when it exists beside it:
/// `x.de.md` → `x.zh.md`, `x_de.txt` → `x_zh.txt`, `de/x.md` → `zh/x.md`
/// (SPEC §4). The language part is written as the tag, its lowercase, and
/// with `_` (`zh-CN`, `zh-cn`, `zh_CN`).
pub fn source_for(path: &Path, lang: &LangTag, source_lang: &LangTag) -> Option<PathBuf> {
    if lang == source_lang {
        return None;
    }
    let spellings = spellings(source_lang);
    candidates(path, lang, &spellings)
        .into_iter()
        .find(|candidate| candidate != path && candidate.is_file())
}

fn spellings(tag: &LangTag) -> Vec<String> {
    let mut out = vec![
        tag.as_str().to_string(),
        tag.as_str().to_lowercase(),
        tag.as_str().replace('-', "_"),
    ];
    out.dedup();
    out
}

fn names_lang(part: &str, lang: &LangTag) -> bool {
    LangTag::parse(part).is_ok_and(|tag| &tag == lang)
}

fn candidates(path: &Path, lang: &LangTag, spellings: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return out;
    };
    let parent = path.parent().unwrap_or(Path::new(""));
    let dots: Vec<&str> = name.split('.').collect();
    if dots.len() >= 3 && names_lang(dots[dots.len() - 2], lang) {
        for s in spellings {
            let mut parts = dots.clone();
            let at = parts.len() - 2;
            parts[at] = s;
            out.push(parent.join(parts.join(".")));
        }
    }
    let (stem, ext) = name.split_once('.').unwrap_or((name, ""));
    for (i, _) in stem.rmatch_indices('_').take(2) {
        if names_lang(&stem[i + 1..], lang) {
            for s in spellings {
                let renamed = format!(
                    "{}_{s}{}{ext}",
                    &stem[..i],
                    if ext.is_empty() { "" } else { "." }
                );
                out.push(parent.join(renamed));
            }
        }
    }
    let dirs: Vec<&std::ffi::OsStr> = parent.iter().collect();
    if let Some(at) = dirs
        .iter()
        .rposition(|d| d.to_str().is_some_and(|d| names_lang(d, lang)))
    {
        for s in spellings {
            let mut swapped: PathBuf = dirs[..at].iter().collect();
            swapped.push(s);
            swapped.extend(&dirs[at + 1..]);
            out.push(swapped.join(name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).expect("valid tag")
    }

    fn candidates_of(path: &str, lang: &str, source: &str) -> Vec<String> {
        candidates(Path::new(path), &tag(lang), &spellings(&tag(source)))
            .into_iter()
            .map(|p| p.display().to_string())
            .collect()
    }

    #[test]
    fn source_of_dotted_language_swaps_the_tag() {
        assert!(candidates_of("news/x.de.md", "de", "zh").contains(&"news/x.zh.md".to_string()));
    }

    #[test]
    fn source_of_language_directory_swaps_the_directory() {
        assert!(candidates_of("site/de/news/x.md", "de", "zh-CN")
            .contains(&"site/zh-cn/news/x.md".to_string()));
    }

    #[test]
    fn source_of_underscore_suffix_swaps_the_suffix() {
        assert!(candidates_of("a_de.txt", "de", "en").contains(&"a_en.txt".to_string()));
    }

    #[test]
    fn existing_pair_is_found_on_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("de")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("zh")).expect("mkdir");
        std::fs::write(dir.path().join("de/x.md"), "x").expect("write");
        std::fs::write(dir.path().join("zh/x.md"), "x").expect("write");
        let found = source_for(&dir.path().join("de/x.md"), &tag("de"), &tag("zh"));
        assert_eq!(found, Some(dir.path().join("zh/x.md")));
        assert_eq!(
            source_for(&dir.path().join("zh/x.md"), &tag("zh"), &tag("zh")),
            None
        );
    }
}
