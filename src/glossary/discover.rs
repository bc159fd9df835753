//! Finding the glossary: `-g FILE`, else `glossary.yaml` in the current
//! directory or the nearest parent.

use std::path::{Path, PathBuf};

/// The glossary file to use, if one can be found starting at `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join("glossary.yaml"))
        .find(|candidate| candidate.is_file())
}
