//! `--changed-since <git-ref>`: keep only findings on lines changed since
//! a git revision, so a pull request on a large site shows what it touched.
//!
//! Asks git for the difference between the revision and the work tree
//! (committed, staged and unstaged changes alike) with no context lines, and
//! takes the added side of each hunk as the changed lines; untracked files
//! that are not ignored count as changed throughout. Lines only deleted
//! change nothing that is left to check. Files are compared by their
//! canonical paths, so termlint may be run from any directory of the work
//! tree; text read from stdin is in no file git knows, so none of its
//! findings are kept.

mod diff;
#[cfg(test)]
mod tests;

use crate::finding::Finding;
use crate::report::FileReport;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The lines of a file that is new to git: all of them.
const WHOLE_FILE: Range<usize> = 1..usize::MAX;

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
    /// Canonical path → 1-based line ranges (end exclusive).
    files: HashMap<PathBuf, Vec<Range<usize>>>,
}

impl ChangedLines {
    /// Asks git for the lines changed since `reference` (committed and not).
    pub fn since(reference: &str) -> Result<ChangedLines, ChangedError> {
        ChangedLines::since_in(Path::new("."), reference)
    }

    /// The same, for the work tree that holds `dir`.
    fn since_in(dir: &Path, reference: &str) -> Result<ChangedLines, ChangedError> {
        let git = Git { reference };
        if reference.starts_with('-') {
            // git would take it for an option.
            return Err(git.error("a revision cannot start with `-`".to_string()));
        }
        let root = git.run(dir, &["rev-parse", "--show-toplevel"])?;
        let root = canonical(Path::new(root.trim_end_matches(['\n', '\r'])));
        let mut changed = ChangedLines::default();
        let diff = git.run(&root, &diff_args(reference))?;
        for (path, lines) in diff::parse(&diff) {
            changed.add(canonical(&root.join(path)), lines);
        }
        let untracked = git.run(&root, &untracked_args())?;
        for path in untracked.split('\0').filter(|p| !p.is_empty()) {
            changed.add(canonical(&root.join(path)), vec![WHOLE_FILE]);
        }
        Ok(changed)
    }

    fn add(&mut self, path: PathBuf, lines: Vec<Range<usize>>) {
        self.files.entry(path).or_default().extend(lines);
    }

    /// Drops every finding not on a changed line (new files count whole).
    pub fn filter(&self, reports: &mut [FileReport]) {
        for report in reports {
            let lines = std::fs::canonicalize(&report.doc.path)
                .ok()
                .and_then(|p| self.files.get(&p));
            let doc = &report.doc;
            let findings = std::mem::take(&mut report.outcome.findings);
            report.outcome.findings = match lines {
                None => Vec::new(),
                Some(lines) => findings
                    .into_iter()
                    .filter(|f| touches(lines, span_lines(doc, f)))
                    .collect(),
            };
        }
    }
}

/// The 1-based lines a finding spans; a `missing` finding, which has no
/// text, is on its anchor's line.
fn span_lines(doc: &crate::document::Document, f: &Finding) -> (usize, usize) {
    (doc.line_col(f.span.start).0, doc.line_col(f.span.end).0)
}

fn touches(changed: &[Range<usize>], (first, last): (usize, usize)) -> bool {
    changed.iter().any(|r| r.start <= last && first < r.end)
}

/// `git diff` as a machine reads it, whatever the user's configuration:
/// no context, no colour, no external or text-converting diff drivers
/// (their lines would not be the file's), paths from the repository root
/// with the usual prefixes and unquoted UTF-8.
fn diff_args(reference: &str) -> Vec<&str> {
    vec![
        "-c",
        "core.quotePath=false",
        "-c",
        "diff.relative=false",
        "diff",
        "--unified=0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        reference,
        "--",
    ]
}

/// Untracked files that are not ignored, from the root, NUL-separated (so
/// that no name is quoted).
fn untracked_args() -> Vec<&'static str> {
    vec![
        "ls-files",
        "--others",
        "--exclude-standard",
        "--full-name",
        "-z",
    ]
}

/// The canonical form of `path`, or `path` itself when it does not exist.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Runs git for one revision, turning its failures into [`ChangedError`]s.
struct Git<'r> {
    reference: &'r str,
}

impl Git<'_> {
    fn error(&self, message: String) -> ChangedError {
        ChangedError {
            reference: self.reference.to_string(),
            message,
        }
    }

    /// git's standard output, or its first line of complaint and what to do.
    fn run(&self, dir: &Path, args: &[&str]) -> Result<String, ChangedError> {
        let output = Command::new("git")
            .args(args)
            .current_dir(dir)
            .output()
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => self.error(
                    "git is not installed or not on PATH; install it or leave out --changed-since"
                        .to_string(),
                ),
                _ => self.error(format!("cannot run git: {e}")),
            })?;
        if output.status.success() {
            return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        Err(self.error(format!("git: {}; {}", first.trim(), advice(first))))
    }
}

/// What to do about git's complaint.
fn advice(complaint: &str) -> &'static str {
    if complaint.contains("not a git repository") {
        "run termlint inside a git work tree or leave out --changed-since"
    } else {
        "name a commit, branch or tag of this repository (a shallow CI \
         checkout may need `git fetch` of the base branch first)"
    }
}
