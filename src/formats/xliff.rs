//! xliff reader.

use super::{Parsed, ReadError, ReadOptions};

/// Reads a xliff file.
pub fn read(text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    unimplemented!("{}{options:?}", text.len())
}
