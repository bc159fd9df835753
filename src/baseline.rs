//! Baselines: record today's findings (`--write-baseline FILE`) and later
//! report only new ones (`--baseline FILE`). A finding's fingerprint is its
//! file, concept, rule, found text and occurrence number, not its line, so
//! edits elsewhere in a file do not bring old findings back.
//!
//! The found text is case folded (so a recased variant is the same finding)
//! and the occurrence number counts earlier findings of the same file, rule,
//! concept and found text. A file with one more such finding than the
//! baseline records reports one; which of the equal findings is reported is
//! the last, since the baseline cannot tell them apart.
//!
//! The file is JSON, one finding per line, sorted, so that a change to it
//! reads well in a diff:
//!
//! ```json
//! {
//!   "version": 1,
//!   "tool": "termlint",
//!   "findings": [
//!     {"file":"news/a.de.md","rule":"forbidden","concept":"mct","found":"kultur- und tourismusministerium","occurrence":0}
//!   ]
//! }
//! ```

use crate::finding::Finding;
use crate::fold::{fold_str, FoldOptions};
use crate::report::FileReport;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// The only baseline format version.
const VERSION: u32 = 1;

/// The recorded fingerprints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    fingerprints: Vec<Fingerprint>,
}

/// What identifies a finding across edits of its file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fingerprint {
    file: String,
    rule: String,
    concept: String,
    found: String,
    occurrence: usize,
}

/// The file as written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    tool: String,
    findings: Vec<Fingerprint>,
}

/// Read first, so that a file of a later version is refused for its
/// version rather than for a field this version does not know.
#[derive(Deserialize)]
struct Header {
    version: u32,
}

/// A baseline file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct BaselineError {
    /// The baseline file.
    pub path: PathBuf,
    /// What is wrong and what to do.
    pub message: String,
}

impl BaselineError {
    fn new(path: &Path, message: String) -> BaselineError {
        BaselineError {
            path: path.to_path_buf(),
            message,
        }
    }
}

impl Baseline {
    /// How many findings the baseline records.
    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    /// Whether the baseline records no finding.
    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }

    /// The fingerprints of every finding in `reports`.
    pub fn of(reports: &[FileReport]) -> Baseline {
        let mut fingerprints: Vec<Fingerprint> = reports
            .iter()
            .flat_map(|r| fingerprints(&r.outcome.findings))
            .collect();
        fingerprints.sort();
        Baseline { fingerprints }
    }

    /// Reads a baseline file.
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            let message = match e.kind() {
                std::io::ErrorKind::NotFound => format!(
                    "no such baseline file; create it with --write-baseline {}",
                    path.display()
                ),
                _ => format!("cannot read the baseline: {e}"),
            };
            BaselineError::new(path, message)
        })?;
        parse(&text).map_err(|message| BaselineError::new(path, message))
    }

    /// Writes the baseline to `path` atomically: to a temporary file beside
    /// it, then renamed over it, so that a failed run leaves the old
    /// baseline whole.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        crate::atomic::write(path, self.render().as_bytes()).map_err(|e| {
            BaselineError::new(
                path,
                format!("cannot write the baseline: {e}; check that its directory exists and is writable"),
            )
        })
    }

    /// Drops from `reports` every finding the baseline knows.
    pub fn filter(&self, reports: &mut [FileReport]) {
        let known: HashSet<&Fingerprint> = self.fingerprints.iter().collect();
        for report in reports {
            let prints = fingerprints(&report.outcome.findings);
            let findings = std::mem::take(&mut report.outcome.findings);
            report.outcome.findings = findings
                .into_iter()
                .zip(prints)
                .filter(|(_, print)| !known.contains(print))
                .map(|(finding, _)| finding)
                .collect();
        }
    }

    /// The file's text: pretty JSON, but each finding on one line.
    fn render(&self) -> String {
        let mut out =
            format!("{{\n  \"version\": {VERSION},\n  \"tool\": \"termlint\",\n  \"findings\": [");
        for (i, print) in self.fingerprints.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            // A struct of strings and a number always serializes.
            let line = serde_json::to_string(print).unwrap_or_default();
            out.push_str(&format!("{sep}\n    {line}"));
        }
        if !self.fingerprints.is_empty() {
            out.push_str("\n  ");
        }
        out.push_str("]\n}\n");
        out
    }
}

/// The fingerprints of one file's findings, in the findings' order.
fn fingerprints(findings: &[Finding]) -> Vec<Fingerprint> {
    let mut seen: Vec<Fingerprint> = Vec::with_capacity(findings.len());
    for f in findings {
        let mut print = Fingerprint {
            file: portable_path(&f.path),
            rule: f.rule.id().to_string(),
            concept: f.concept.clone(),
            found: fold_str(&f.found, FoldOptions { case: true }),
            occurrence: 0,
        };
        print.occurrence = seen.iter().filter(|s| same_kind(s, &print)).count();
        seen.push(print);
    }
    seen
}

fn same_kind(a: &Fingerprint, b: &Fingerprint) -> bool {
    (&a.file, &a.rule, &a.concept, &a.found) == (&b.file, &b.rule, &b.concept, &b.found)
}

/// The path as given, with `/` between components and no leading `./`, so
/// that a baseline written on Windows works on Linux and `./a.md` equals
/// `a.md`.
fn portable_path(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::RootDir => out.push('/'),
            Component::Prefix(prefix) => out.push_str(&prefix.as_os_str().to_string_lossy()),
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    out
}

/// Parses a baseline file's text; errors say what is wrong and what to do.
fn parse(text: &str) -> Result<Baseline, String> {
    let header: Header = serde_json::from_str(text).map_err(|e| invalid(&e))?;
    if header.version != VERSION {
        return Err(format!(
            "baseline version {} is not supported (only {VERSION}); write a new one with --write-baseline",
            header.version
        ));
    }
    let file: BaselineFile = serde_json::from_str(text).map_err(|e| invalid(&e))?;
    let mut fingerprints = file.findings;
    fingerprints.sort();
    Ok(Baseline { fingerprints })
}

fn invalid(e: &serde_json::Error) -> String {
    format!("not a termlint baseline: {e}; fix it or write a new one with --write-baseline")
}

#[cfg(test)]
mod tests;
