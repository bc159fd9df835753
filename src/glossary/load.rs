//! Reading glossary.yaml: parse, then validate into the model.

use super::Glossary;
use std::path::{Path, PathBuf};

/// A glossary that cannot be used, with the place that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct GlossaryError {
    /// The glossary file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong and what to do, lowercase, user values in backticks.
    pub message: String,
}

/// Reads and validates the glossary at `path`.
pub fn load(path: &Path) -> Result<Glossary, GlossaryError> {
    unimplemented!("{path:?}")
}

/// Validates glossary YAML already in memory; `path` is used in errors.
pub fn load_str(path: &Path, yaml: &str) -> Result<Glossary, GlossaryError> {
    unimplemented!("{path:?}{yaml}")
}
