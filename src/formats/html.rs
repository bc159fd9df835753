//! html reader.

use super::{Parsed, ReadError, ReadOptions};

/// Reads a html file.
pub fn read(text: &str, options: &ReadOptions) -> Result<Parsed, ReadError> {
    unimplemented!("{}{options:?}", text.len())
}
