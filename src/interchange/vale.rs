//! vale import.

use super::{ImportError, ImportOptions};
use crate::glossary::Glossary;
use std::path::Path;

/// Reads a vale file into a glossary.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary, ImportError> {
    unimplemented!("{path:?}{options:?}")
}
