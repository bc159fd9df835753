//! Language tags (BCP 47): parsing, canonical case, fallback along subtags,
//! English display names, and the language a path names (`a.de.md`,
//! `de/a.md`, `a_de.txt`).

use std::fmt;
use std::path::Path;

/// A well-formed BCP 47 language tag in canonical case
/// (`de`, `de-CH`, `zh-Hans`, `pt-BR`, `sr-Latn-RS`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LangTag(String);

/// Why a string is not a language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a BCP 47 language tag (e.g. `de`, `de-CH`, `zh-Hans`)")]
pub struct LangError(pub String);

impl LangTag {
    /// Parses a tag; `_` is accepted as a separator (`zh_CN`). Case is
    /// canonicalized: language lowercase, script titlecase, region uppercase.
    pub fn parse(s: &str) -> Result<LangTag, LangError> {
        unimplemented!("{s}")
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`de` for `de-CH`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// This tag, then each shorter prefix (RFC 4647 lookup):
    /// `zh-Hans-CN`, `zh-Hans`, `zh`.
    pub fn fallbacks(&self) -> Vec<LangTag> {
        unimplemented!()
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The English name of a language for messages: `German`, `Swiss German`
/// or `German (CH)`, falling back to the tag itself.
pub fn english_name(tag: &LangTag) -> String {
    unimplemented!("{tag}")
}

/// The language a path names, if any: `x.de.md`, `de/x.md` (nearest
/// directory), `x_de.txt`, `zh-cn/x.md`. `known` says whether a candidate
/// tag is a language the caller cares about (e.g. the glossary's); ISO 639-1
/// codes are always accepted.
pub fn from_path(path: &Path, known: &dyn Fn(&LangTag) -> bool) -> Option<LangTag> {
    unimplemented!("{path:?}{}", known(&LangTag(String::new())))
}
