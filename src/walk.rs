//! Expanding what the user named into files: directories are walked in
//! sorted order honouring `.gitignore`, hidden entries are skipped (and
//! counted for a note), `--include`/`--exclude` globs filter walked files.

use ignore::overrides::OverrideBuilder;
use ignore::WalkBuilder;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A file to check, and whether it was found by walking a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The file (`-` for stdin).
    pub path: PathBuf,
    /// Found inside a directory the user named (not named itself).
    pub walked: bool,
}

/// Which walked files to keep.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// Globs a walked file must match (any of them), e.g. `*.md`.
    pub include: Vec<String>,
    /// Globs that drop a walked file, e.g. `drafts/**`.
    pub exclude: Vec<String>,
}

/// The files found, and what could not be walked or was left out.
#[derive(Debug, Default)]
pub struct Walked {
    /// Files to check, in the order given, directories' files sorted.
    pub targets: Vec<Target>,
    /// Hidden entries left out of directory walks.
    pub hidden: Vec<PathBuf>,
    /// Problems walking (unreadable directories, symlink loops).
    pub errors: Vec<(PathBuf, String)>,
}

/// A glob that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid glob `{glob}`: {reason}")]
pub struct GlobError {
    /// The glob as given.
    pub glob: String,
    /// Why it is invalid.
    pub reason: String,
}

/// Expands `paths`: files and `-` stay as given, directories are walked.
pub fn expand(paths: &[PathBuf], options: &WalkOptions) -> Result<Walked, GlobError> {
    check_globs(options)?;
    let mut walked = Walked::default();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            walk(path, options, &mut walked)?;
        } else {
            let path = path.clone();
            walked.targets.push(Target {
                path,
                walked: false,
            });
        }
    }
    Ok(walked)
}

fn walk(dir: &Path, options: &WalkOptions, walked: &mut Walked) -> Result<(), GlobError> {
    let overrides = overrides(dir, options)?;
    let hidden: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let seen = Arc::clone(&hidden);
    let walker = WalkBuilder::new(dir)
        .hidden(false)
        // A .gitignore is honoured even outside a git repository.
        .require_git(false)
        .follow_links(true)
        .overrides(overrides)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            let name = entry.file_name().to_string_lossy();
            let is_hidden = entry.depth() > 0 && name.starts_with('.');
            // Version control and ignore files are never text to check;
            // only other hidden entries are worth a note.
            let is_tooling = matches!(name.as_ref(), ".git" | ".gitignore" | ".ignore");
            if is_hidden && !is_tooling {
                if let Ok(mut list) = seen.lock() {
                    list.push(entry.path().to_path_buf());
                }
            }
            !is_hidden
        })
        .build();
    for result in walker {
        match result {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                let path = entry.into_path();
                walked.targets.push(Target { path, walked: true });
            }
            Ok(_) => {}
            Err(err) => walked.errors.push((dir.to_path_buf(), err.to_string())),
        }
    }
    if let Ok(mut list) = hidden.lock() {
        walked.hidden.append(&mut list);
    }
    Ok(())
}

fn overrides(dir: &Path, options: &WalkOptions) -> Result<ignore::overrides::Override, GlobError> {
    let mut builder = OverrideBuilder::new(dir);
    let globs = options
        .include
        .iter()
        .cloned()
        .chain(options.exclude.iter().map(|g| format!("!{g}")));
    for glob in globs {
        builder.add(&glob).map_err(|e| glob_error(&glob, &e))?;
    }
    builder.build().map_err(|e| glob_error("", &e))
}

/// Checks every glob up front, so a bad one is refused even when no
/// directory is walked.
pub fn check_globs(options: &WalkOptions) -> Result<(), GlobError> {
    overrides(Path::new("."), options).map(|_| ())
}

/// The reason without the glob repeated (and without the `!` that marks an
/// exclusion inside the override list).
fn glob_error(glob: &str, err: &ignore::Error) -> GlobError {
    let text = err.to_string();
    let reason = text.rsplit(": ").next().unwrap_or(&text).to_string();
    GlobError {
        glob: glob.trim_start_matches('!').to_string(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (path, text) in [
            ("b.de.md", "b"),
            ("a.de.md", "a"),
            ("drafts/c.de.md", "c"),
            ("build/out.de.md", "o"),
            (".hidden.de.md", "h"),
            (".gitignore", "build/\n"),
            ("notes.txt", "n"),
        ] {
            let full = dir.path().join(path);
            fs::create_dir_all(full.parent().expect("has parent")).expect("mkdir");
            fs::write(full, text).expect("write");
        }
        dir
    }

    fn names(walked: &Walked, root: &Path) -> Vec<String> {
        walked
            .targets
            .iter()
            .map(|t| {
                t.path
                    .strip_prefix(root)
                    .expect("under root")
                    .display()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn walk_is_sorted_honours_gitignore_and_skips_hidden() {
        let dir = tree();
        let walked = expand(&[dir.path().to_path_buf()], &WalkOptions::default()).expect("walk");
        assert_eq!(
            names(&walked, dir.path()),
            ["a.de.md", "b.de.md", "drafts/c.de.md", "notes.txt"]
        );
        assert_eq!(
            walked.hidden.len(),
            1,
            "the hidden file is counted, .gitignore is not"
        );
        assert!(walked.targets.iter().all(|t| t.walked));
    }

    #[test]
    fn include_and_exclude_filter_walked_files() {
        let dir = tree();
        let options = WalkOptions {
            include: vec!["*.md".to_string()],
            exclude: vec!["drafts/**".to_string()],
        };
        let walked = expand(&[dir.path().to_path_buf()], &options).expect("walk");
        assert_eq!(names(&walked, dir.path()), ["a.de.md", "b.de.md"]);
    }

    #[test]
    fn named_files_stay_as_given() {
        let walked = expand(
            &[PathBuf::from("-"), PathBuf::from("x.de.md")],
            &WalkOptions::default(),
        )
        .expect("expand");
        let paths: Vec<_> = walked
            .targets
            .iter()
            .map(|t| (t.path.clone(), t.walked))
            .collect();
        assert_eq!(
            paths,
            [
                (PathBuf::from("-"), false),
                (PathBuf::from("x.de.md"), false)
            ]
        );
    }

    #[test]
    fn invalid_glob_is_refused() {
        let dir = tree();
        let options = WalkOptions {
            include: vec!["a[".to_string()],
            exclude: Vec::new(),
        };
        let err = expand(&[dir.path().to_path_buf()], &options).expect_err("bad glob");
        assert_eq!(
            err.to_string(),
            "invalid glob `a[`: unclosed character class; missing ']'"
        );
        let named_file = expand(&[PathBuf::from("x.de.md")], &options).expect_err("bad glob");
        assert_eq!(named_file.glob, "a[");
    }
}
