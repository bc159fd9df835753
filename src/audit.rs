//! `termlint glossary validate`: the problems that make a glossary silently
//! wrong, as findings on the glossary file, and its executable examples run.

use crate::check::Checker;
use crate::report::FileReport;

/// Audits the glossary `checker` was built from; `yaml` is the glossary
/// file's text (findings point into it).
pub fn audit(checker: &Checker, yaml: &str) -> FileReport {
    unimplemented!("{}{}", checker.glossary().concepts.len(), yaml.len())
}
