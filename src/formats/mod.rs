//! Readers: turn a file of some format into the segments of human-language
//! text it holds (see [`crate::segment`]), the bilingual pairs inside it,
//! and the languages it declares. One module per format; none does I/O.

pub(crate) mod front_matter;
pub mod html;
pub mod markdown;
pub mod po;
pub mod tmx;
pub mod xliff;

use crate::document::Pair;
use crate::lang::LangTag;
use crate::segment::Segment;
use std::path::Path;

/// The longest quick-xml message kept, in chars: it quotes the markup it
/// stopped at, which in a broken file can run on for pages.
const MAX_XML_DETAIL: usize = 120;

/// quick-xml's reason for refusing a file, on one line and cut short: it
/// quotes markup as is, line breaks included (`</` and a line break end a
/// tag name). Shared by the XLIFF and TBX readers.
pub(crate) fn xml_detail(err: &quick_xml::Error) -> String {
    let detail = err.to_string();
    let joined = detail.split_whitespace().collect::<Vec<_>>().join(" ");
    match joined.char_indices().nth(MAX_XML_DETAIL) {
        Some((cut, _)) => format!("{}…", &joined[..cut]),
        None => joined,
    }
}

/// The formats termlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: paragraphs between blank lines.
    Plain,
    /// Markdown (CommonMark with tables and front matter).
    Markdown,
    /// HTML and XHTML.
    Html,
    /// XLIFF 1.2 and 2.x.
    Xliff,
    /// Gettext PO and POT.
    Po,
    /// TMX translation memories.
    Tmx,
}

/// How readers treat optional parts of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Front matter keys whose values are checked as prose.
    pub front_matter_keys: Vec<String>,
    /// Markdown and HTML: a comment right above a block holds that block's
    /// source text (Kubernetes and Rust book translations keep pages so).
    pub aligned_comments: bool,
    /// PO: check entries marked `fuzzy` (skipped by default).
    pub check_fuzzy: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            front_matter_keys: vec!["title".to_string(), "description".to_string()],
            aligned_comments: false,
            check_fuzzy: false,
        }
    }
}

/// What a reader found in a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The language the file declares for its text (front matter `lang:`,
    /// `<html lang>`, XLIFF `trgLang`/`target-language`, PO `Language:`, the
    /// first target `<tuv>` of a TMX).
    pub lang: Option<LangTag>,
    /// The language the file declares for its source text.
    pub source_lang: Option<LangTag>,
    /// Text to check, in file order.
    pub segments: Vec<Segment>,
    /// Source texts kept in the file and the segments translating them.
    pub pairs: Vec<Pair>,
}

/// A file the reader cannot make sense of.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ReadError {
    /// Byte offset of the problem in the file.
    pub offset: usize,
    /// What is wrong and what to do, lowercase.
    pub message: String,
}

/// The format of `path`, from its extension.
pub fn detect(path: &Path) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" | "mdx" | "mdown" | "mkd" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "xlf" | "xliff" => Format::Xliff,
        "po" | "pot" => Format::Po,
        "tmx" => Format::Tmx,
        _ => Format::Plain,
    }
}

/// Reads `text` as `format`.
pub fn read(format: Format, text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    match format {
        Format::Plain => Ok(Parsed {
            segments: crate::document::paragraphs(text),
            ..Parsed::default()
        }),
        Format::Markdown => markdown::read(text, options),
        Format::Html => html::read(text, options),
        Format::Xliff => xliff::read(text, options),
        Format::Po => po::read(text, options),
        Format::Tmx => tmx::read(text, options),
    }
}
