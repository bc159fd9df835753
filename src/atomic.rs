//! Writing a whole file or nothing: the text goes to a temporary file in
//! the same directory (a rename is atomic only within one file system),
//! is synced, and is renamed over the target.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically; on failure the old file (if any)
/// is left whole and the temporary file is removed.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_path(path);
    let written = write_synced(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        // Best effort: the temporary file is useless after a failure.
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// `.name.termlint-<pid>.tmp`: hidden, and recognised by the walker as a
/// leftover should termlint be killed before the rename
/// ([`crate::walk::is_leftover`]).
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "termlint".to_string());
    path.with_file_name(format!(".{name}.termlint-{}.tmp", std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_file_is_written_and_no_temporary_file_is_left() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.yaml");
        write(&path, b"version: 1\n").expect("written");
        assert_eq!(std::fs::read(&path).expect("read"), b"version: 1\n");
        let entries = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(entries, 1);
    }

    #[test]
    fn missing_directory_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no/such/dir/out.yaml");
        assert!(write(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
