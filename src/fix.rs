//! `--fix` and `--diff`: replace forbidden variants and untranslated forms
//! with the preferred official form where that is unambiguous, and write
//! every changed file atomically — or print the patch without writing.
//!
//! Consumes the [`FileReport`]s of a run and the glossary; produces one
//! [`FileFix`] per file that changes. [`plan`] decides (see that module for
//! what counts as safe), [`diff`] renders a unified diff, `write`
//! replaces the files.

mod diff;
mod plan;
mod verbatim;
mod write;

use crate::document::Encoding;
use crate::formats::ReadOptions;
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
    /// The file's encoding, which the new text is written in too.
    pub encoding: Encoding,
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

/// The safe replacements for the findings of `reports`, one [`FileFix`]
/// per file that changes, in the order of `reports`.
///
/// A `forbidden` or `untranslated` finding is replaced by its expected form
/// when the text found is exactly one glossary form of the concept (case and
/// white space aside), or — for a form of the text's own language — that
/// form plus an ending the one-word expected form can take as well
/// (`Kulturindustrieparks`). A `case` finding is replaced when it differs
/// from the expected form in capitals only. Everything else, notably a name
/// whose inflection falls on another word, stays a finding. Text that was
/// decoded (an entity, an escape, inline markup) or that crosses a line
/// break is never replaced, and neither is one whose new text the file's
/// format would not read back as written (an `&` or `<` in XML or HTML, a
/// `"` in a PO string): the file is read again with `read`, its format's
/// options, and every replacement must come back verbatim.
pub fn plan(reports: &[FileReport], glossary: &Glossary, read: &ReadOptions) -> Vec<FileFix> {
    reports
        .iter()
        .filter_map(|report| plan::file_fix(report, glossary, read))
        .collect()
}

/// A unified diff of `fixes` (`--- a/…`, `+++ b/…`, hunks with three lines
/// of context), empty when there is nothing to change.
pub fn diff(fixes: &[FileFix]) -> String {
    let mut out = String::new();
    for fix in fixes {
        diff::file_diff(fix, &mut out);
    }
    out
}

/// Writes every fix atomically; writes nothing when any file cannot be
/// written or changed since it was read.
///
/// Each file is written to a temporary file beside it with the original's
/// permissions, synced, and renamed over the original only once every file
/// has been staged and found unchanged.
pub fn write(fixes: &[FileFix]) -> Result<(), FixError> {
    write::write_all(fixes)
}
