//! Finding the glossary: `-g FILE`, else `glossary.yaml` in the current
//! directory or the nearest parent.

use std::path::{Path, PathBuf};

/// The glossary file to use, searching `start` and then its parents. The
/// path is relative to `start` (`glossary.yaml`, `../glossary.yaml`), so
/// messages show it the way the user would type it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().enumerate().find_map(|(depth, dir)| {
        dir.join("glossary.yaml").is_file().then(|| {
            let mut relative: PathBuf = std::iter::repeat_n("..", depth).collect();
            relative.push("glossary.yaml");
            relative
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_parent_glossary_is_found_relative_to_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("glossary.yaml"), "version: 1\n").expect("write");
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).expect("mkdir");
        assert_eq!(discover(dir.path()), Some(PathBuf::from("glossary.yaml")));
        assert_eq!(discover(&deep), Some(PathBuf::from("../../glossary.yaml")));
    }
}
