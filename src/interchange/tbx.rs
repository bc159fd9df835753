//! tbx interchange.

use super::{ImportError, ImportOptions};
use crate::glossary::Glossary;
use std::path::Path;

/// Reads a tbx file into a glossary.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary, ImportError> {
    unimplemented!("{path:?}{options:?}")
}

/// Writes `glossary` as tbx.
pub fn export(glossary: &Glossary) -> String {
    unimplemented!("{}", glossary.concepts.len())
}
