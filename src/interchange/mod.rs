//! Glossary interchange: import from TBX, CSV/TSV, Vale styles and prh
//! dictionaries into glossary YAML, and export to TBX and CSV.

pub mod csv;
pub mod encoding;
pub mod prh;
pub mod tbx;
pub mod vale;
pub mod yaml;

use crate::glossary::Glossary;
use std::path::{Path, PathBuf};

/// A format a glossary can be imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// TermBase eXchange (ISO 30042): Basic, Core, Min.
    Tbx,
    /// CSV or TSV with a header row of language codes.
    Csv,
    /// A Vale style (substitution and vocabulary rules).
    Vale,
    /// A prh dictionary (`rules` with `expected`/`patterns`/`specs`).
    Prh,
}

/// A format a glossary can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// TBX-Basic.
    Tbx,
    /// CSV with a header row of language codes.
    Csv,
}

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct ImportError {
    /// The file (with `:line:column` in the message where known).
    pub path: PathBuf,
    /// What is wrong and what to do.
    pub message: String,
}

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The format; guessed from the path when `None`.
    pub from: Option<From>,
    /// The text encoding (`utf-16`, `windows-1254`, …); detected when `None`.
    pub encoding: Option<String>,
}

/// Reads `path` (a file, or a Vale style directory) into a glossary.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary, ImportError> {
    import_noted(path, options).map(|(glossary, _)| glossary)
}

/// Reads `path` into a glossary, with a note for each term the glossary
/// cannot hold (a TBX concept with only obsolete terms, say).
pub fn import_noted(
    path: &Path,
    options: &ImportOptions,
) -> Result<(Glossary, Vec<String>), ImportError> {
    let plain = |glossary: Glossary| (glossary, Vec::new());
    match options.from.map_or_else(|| guess(path), Ok)? {
        From::Tbx => tbx::import_noted(path, options),
        From::Csv => csv::import(path, options).map(plain),
        From::Vale => vale::import(path, options).map(plain),
        From::Prh => prh::import(path, options).map(plain),
    }
}

/// Writes `glossary` in format `to`.
pub fn export(glossary: &Glossary, to: To) -> String {
    match to {
        To::Tbx => tbx::export(glossary),
        To::Csv => csv::export(glossary),
    }
}

/// The format of `path`: a directory is a Vale style; then the extension;
/// a YAML file is a Vale rule when it says `extends:`, else prh.
fn guess(path: &Path) -> Result<From, ImportError> {
    if path.is_dir() {
        return Ok(From::Vale);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "tbx" | "xml" => Ok(From::Tbx),
        "csv" | "tsv" | "tab" | "txt" => Ok(From::Csv),
        "yml" | "yaml" => {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let vale = text.lines().any(|l| l.starts_with("extends:"));
            Ok(if vale { From::Vale } else { From::Prh })
        }
        _ => Err(ImportError {
            path: path.to_path_buf(),
            message: "cannot tell the format from the file name; pass --from tbx|csv|vale|prh"
                .to_string(),
        }),
    }
}
