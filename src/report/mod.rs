//! Rendering findings: one module per output format, each writing to a
//! `&mut dyn Write`. Lines and columns are computed here, from the document.

pub mod concise;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::check::Outcome;
use crate::document::Document;
use crate::finding::{Finding, Severity};

/// One checked file and what was found in it.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The checked document.
    pub doc: Document,
    /// Its findings and coverage.
    pub outcome: Outcome,
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Summary {
    /// Counts the findings of `reports`.
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut summary = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for f in reports.iter().flat_map(|r| &r.outcome.findings) {
            match f.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// Whether any finding is at or above `threshold`.
    pub fn any_at_least(&self, threshold: Severity) -> bool {
        match threshold {
            Severity::Error => self.errors > 0,
            Severity::Warning => self.errors + self.warnings > 0,
            Severity::Info => self.errors + self.warnings + self.infos > 0,
        }
    }
}

/// Where a finding starts and ends, 1-based, columns in chars, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Start line.
    pub line: usize,
    /// Start column.
    pub column: usize,
    /// End line.
    pub end_line: usize,
    /// End column (exclusive).
    pub end_column: usize,
}

/// The bytes of the file `finding` covers: its span, counted in the file's
/// own code units when the file is UTF-16 or UTF-32 (SPEC §5: byte offsets
/// index the original file).
pub fn file_span(doc: &Document, finding: &Finding) -> std::ops::Range<usize> {
    doc.file_offset(finding.span.start)..doc.file_offset(finding.span.end)
}

impl Position {
    /// The position of `finding` in `doc`.
    pub fn of(doc: &Document, finding: &Finding) -> Position {
        let (line, column) = doc.line_col(finding.span.start);
        let (end_line, end_column) = doc.line_col(finding.span.end);
        Position {
            line,
            column,
            end_line,
            end_column,
        }
    }
}
