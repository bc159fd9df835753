//! prh import.

use super::{ImportError, ImportOptions};
use crate::glossary::Glossary;
use std::path::Path;

/// Reads a prh file into a glossary.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary, ImportError> {
    unimplemented!("{path:?}{options:?}")
}
