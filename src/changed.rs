//! `--changed-since <git-ref>`: keep only findings on lines changed since
//! a git revision, so a pull request on a large site shows what it touched.

use crate::report::FileReport;
use std::path::PathBuf;

/// Why the changed lines could not be found.
#[derive(Debug, thiserror::Error)]
#[error("--changed-since {reference}: {message}")]
pub struct ChangedError {
    /// The revision asked for.
    pub reference: String,
    /// What went wrong and what to do.
    pub message: String,
}

/// Lines changed since a revision, per file.
#[derive(Debug, Clone, Default)]
pub struct ChangedLines {
    files: Vec<(PathBuf, Vec<std::ops::Range<usize>>)>,
}

impl ChangedLines {
    /// Asks git for the lines changed since `reference` (committed and not).
    pub fn since(reference: &str) -> Result<ChangedLines, ChangedError> {
        unimplemented!("{reference}")
    }

    /// Drops every finding not on a changed line (new files count whole).
    pub fn filter(&self, reports: &mut [FileReport]) {
        unimplemented!("{}{}", reports.len(), self.files.len())
    }
}
