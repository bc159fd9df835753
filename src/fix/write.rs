//! Writing fixes without ever leaving a file half-written: every new text
//! goes to a temporary file beside its original first, and only when all of
//! them are ready and no original changed meanwhile are they renamed over
//! the originals (a rename within one directory replaces a file atomically).

use super::{FileFix, FixError};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A temporary file that is removed unless it was renamed into place.
struct TempFile {
    path: PathBuf,
    kept: bool,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.kept {
            // Best effort: the original is untouched either way.
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// A new text, written and synced beside the file it replaces.
struct Staged<'f> {
    fix: &'f FileFix,
    /// The file to replace: the path with symbolic links resolved, so that
    /// a link keeps pointing at the fixed file.
    target: PathBuf,
    temp: TempFile,
}

/// Stages every fix, checks every original again, then renames them all.
pub(super) fn write_all(fixes: &[FileFix]) -> Result<(), FixError> {
    let staged = fixes.iter().map(stage).collect::<Result<Vec<_>, _>>()?;
    for s in &staged {
        unchanged(s.fix, &s.target)?;
    }
    for s in staged {
        commit(s)?;
    }
    Ok(())
}

fn error(path: &Path, message: impl Into<String>) -> FixError {
    FixError {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

fn io_error(path: &Path, doing: &str, err: &io::Error) -> FixError {
    let reason = match err.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => err.to_string(),
    };
    error(
        path,
        format!("cannot {doing}: {reason}; nothing was written"),
    )
}

/// Writes the new text of `fix` to a temporary file beside its original,
/// with the original's permissions, and syncs it.
fn stage(fix: &FileFix) -> Result<Staged<'_>, FixError> {
    let path = &fix.path;
    if path.as_os_str() == "-" {
        return Err(error(
            path,
            "cannot fix standard input in place; use --diff to see the changes",
        ));
    }
    let target = fs::canonicalize(path).map_err(|e| io_error(path, "read the file", &e))?;
    unchanged(fix, &target)?;
    let permissions = writable(&target, path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let (temp, mut file) = create_temp(dir, &target).map_err(|e| {
        io_error(
            path,
            &format!("create a temporary file in {}", dir.display()),
            &e,
        )
    })?;
    file.write_all(&fix.encoding.encode(&fix.after))
        .and_then(|()| file.set_permissions(permissions))
        .and_then(|()| file.sync_all())
        .map_err(|e| io_error(path, "write the temporary file", &e))?;
    Ok(Staged { fix, target, temp })
}

/// The original's permissions, when it may be written. Renaming over a
/// file needs only the directory's permission, so a read-only file is
/// refused here, whoever runs termlint.
fn writable(target: &Path, path: &Path) -> Result<fs::Permissions, FixError> {
    let meta = fs::metadata(target).map_err(|e| io_error(path, "read the file", &e))?;
    if meta.permissions().readonly() {
        return Err(error(path, "file is read-only; nothing was written"));
    }
    // Opening for writing (without truncating) asks the system, which also
    // knows about ownership and access lists.
    OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|e| io_error(path, "write the file", &e))?;
    Ok(meta.permissions())
}

/// A new file beside `target` named after it; the name is claimed with
/// `create_new`, so an existing file is never overwritten. A process killed
/// before the rename leaves it behind; the name is hidden and recognised by
/// the walker ([`crate::walk::is_leftover`]), which never checks it.
fn create_temp(dir: &Path, target: &Path) -> io::Result<(TempFile, File)> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let pid = std::process::id();
    let mut attempt = 0;
    loop {
        let path = dir.join(format!(".{name}.termlint-{pid}-{attempt}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((TempFile { path, kept: false }, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Fails unless `target` still holds the text the fix was planned on.
fn unchanged(fix: &FileFix, target: &Path) -> Result<(), FixError> {
    let now = fs::read(target).map_err(|e| io_error(&fix.path, "read the file again", &e))?;
    if now != fix.encoding.encode(&fix.before) {
        return Err(error(
            &fix.path,
            "changed while termlint ran; run again (nothing was written)",
        ));
    }
    Ok(())
}

/// Renames the staged file over its original and syncs the directory so
/// that the rename itself survives a crash.
fn commit(mut staged: Staged<'_>) -> Result<(), FixError> {
    let path = &staged.fix.path;
    fs::rename(&staged.temp.path, &staged.target)
        .map_err(|e| io_error(path, "replace the file", &e))?;
    staged.temp.kept = true;
    if let Some(dir) = staged.target.parent() {
        // Best effort: some systems cannot open a directory for syncing,
        // and the new file is complete either way.
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Encoding;

    fn fix_in(dir: &Path, name: &str, before: &str, after: &str) -> FileFix {
        let path = dir.join(name);
        fs::write(&path, before).expect("write fixture");
        FileFix {
            path,
            before: before.to_owned(),
            after: after.to_owned(),
            fixed: 1,
            encoding: Encoding::Utf8,
        }
    }

    fn entries(dir: &Path) -> usize {
        fs::read_dir(dir).expect("list dir").count()
    }

    #[test]
    fn every_file_is_replaced_and_no_temporary_file_is_left() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = fix_in(dir.path(), "a.de.md", "alt\n", "neu\n");
        let b = fix_in(dir.path(), "b.de.md", "alt\r\n", "neu\r\n");
        write_all(&[a.clone(), b.clone()]).expect("written");
        assert_eq!(fs::read_to_string(&a.path).expect("read"), "neu\n");
        assert_eq!(fs::read_to_string(&b.path).expect("read"), "neu\r\n");
        assert_eq!(entries(dir.path()), 2);
    }

    #[test]
    fn a_changed_file_stops_every_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = fix_in(dir.path(), "a.de.md", "alt\n", "neu\n");
        let b = fix_in(dir.path(), "b.de.md", "alt\n", "neu\n");
        fs::write(&b.path, "edited\n").expect("edit");
        let err = write_all(&[a.clone(), b]).expect_err("refused");
        assert!(
            err.message.starts_with("changed while termlint ran"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&a.path).expect("read"), "alt\n");
        assert_eq!(entries(dir.path()), 2);
    }

    #[test]
    fn utf16_file_is_written_back_in_utf16() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.de.txt");
        let before = "\u{feff}alt\r\n";
        fs::write(&path, Encoding::Utf16Be.encode(before)).expect("write fixture");
        let fix = FileFix {
            path: path.clone(),
            before: before.to_owned(),
            after: "\u{feff}neu\r\n".to_owned(),
            fixed: 1,
            encoding: Encoding::Utf16Be,
        };
        write_all(&[fix]).expect("written");
        let after = fs::read(&path).expect("read");
        assert_eq!(after, Encoding::Utf16Be.encode("\u{feff}neu\r\n"));
    }

    #[test]
    fn standard_input_is_not_written() {
        let fix = FileFix {
            path: PathBuf::from("-"),
            before: String::new(),
            after: "x".to_owned(),
            fixed: 1,
            encoding: Encoding::Utf8,
        };
        let err = write_all(&[fix]).expect_err("refused");
        assert!(err.message.contains("--diff"), "{err}");
    }
}
