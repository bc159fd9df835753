//! markdown reader.

use super::{Parsed, ReadError, ReadOptions};

/// Reads a markdown file.
pub fn read(text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    unimplemented!("{}{options:?}", text.len())
}
