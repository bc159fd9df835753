//! `--fix` and `--diff`: replace forbidden variants and untranslated forms
//! with the preferred official form where that is unambiguous, and write
//! every changed file atomically — or print the patch without writing.

use crate::glossary::Glossary;
use crate::report::FileReport;
use std::path::PathBuf;

/// The edits for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFix {
    /// The file.
    pub path: PathBuf,
    /// The text as read.
    pub before: String,
    /// The text with every safe replacement made.
    pub after: String,
    /// How many findings the replacements fix.
    pub fixed: usize,
}

/// A fix that could not be written; nothing was written.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct FixError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong and what to do.
    pub message: String,
}

/// The safe replacements for the findings of `reports`.
pub fn plan(reports: &[FileReport], glossary: &Glossary) -> Vec<FileFix> {
    unimplemented!("{}{}", reports.len(), glossary.concepts.len())
}

/// A unified diff of `fixes`.
pub fn diff(fixes: &[FileFix]) -> String {
    unimplemented!("{}", fixes.len())
}

/// Writes every fix atomically; writes nothing when any file cannot be
/// written or changed since it was read.
pub fn write(fixes: &[FileFix]) -> Result<(), FixError> {
    unimplemented!("{}", fixes.len())
}
