//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// `../shared/data/<relative>` beside the repository, or `None` after
/// saying the test skips: the real material is not part of the repository.
pub fn shared_data(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: ../shared/data/{relative} not present");
        None
    }
}
