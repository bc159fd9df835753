//! Expanding what the user named into files: directories are walked in
//! sorted order honouring `.gitignore`, hidden entries are skipped (and
//! counted for a note), `--include`/`--exclude` globs filter walked files.
//! Symbolic links are followed; a link back to a directory being walked is
//! left out with a note (its files are checked once, where they are), and
//! so are temporary files that an interrupted `--fix` left behind.

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
    /// Temporary files of termlint's own (see [`is_leftover`]) left out.
    pub leftovers: Vec<PathBuf>,
    /// Symbolic links to a directory that contains them, left out.
    pub loops: Vec<Loop>,
    /// Problems walking (unreadable directories): the path and why.
    pub errors: Vec<(PathBuf, String)>,
}

/// A symbolic link that leads back to a directory the walk is already in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loop {
    /// The link.
    pub link: PathBuf,
    /// The directory it leads back to.
    pub ancestor: PathBuf,
}

/// Whether `name` is a temporary file termlint writes beside a file and
/// renames over it (`.x.de.md.termlint-<pid>-<n>.tmp`): one is left only
/// when termlint was killed while writing, and is never text to check.
pub fn is_leftover(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp") && name.contains(".termlint-")
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
    let before = Counts::of(walked);
    let overrides = overrides(dir, options)?;
    let hidden: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let seen = Arc::clone(&hidden);
    let leftovers: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let left = Arc::clone(&leftovers);
    let walker = WalkBuilder::new(dir)
        .hidden(false)
        // A .gitignore is honoured even outside a git repository.
        .require_git(false)
        .follow_links(true)
        .overrides(overrides)
        .filter_entry(move |entry| {
            let name = entry.file_name().to_string_lossy();
            let is_hidden = entry.depth() > 0 && name.starts_with('.');
            // Version control and ignore files are never text to check;
            // only other hidden entries are worth a note.
            let is_tooling = matches!(name.as_ref(), ".git" | ".gitignore" | ".ignore");
            let list = match is_leftover(&name) {
                true => &left,
                false => &seen,
            };
            if is_hidden && !is_tooling {
                if let Ok(mut list) = list.lock() {
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
            Err(err) => match loop_of(&err) {
                Some(found) => walked.loops.push(found),
                None => walked.errors.push(walk_error(dir, &err)),
            },
        }
    }
    if let Ok(mut list) = hidden.lock() {
        walked.hidden.append(&mut list);
    }
    if let Ok(mut list) = leftovers.lock() {
        walked.leftovers.append(&mut list);
    }
    before.sort_new(walked, dir);
    Ok(())
}

/// How long each list of a [`Walked`] was before a directory's walk.
struct Counts {
    targets: usize,
    hidden: usize,
    leftovers: usize,
    loops: usize,
    errors: usize,
}

impl Counts {
    fn of(walked: &Walked) -> Counts {
        Counts {
            targets: walked.targets.len(),
            hidden: walked.hidden.len(),
            leftovers: walked.leftovers.len(),
            loops: walked.loops.len(),
            errors: walked.errors.len(),
        }
    }

    /// Puts what one directory's walk added in sorted order: each
    /// directory's entries by name, a subdirectory's in its place. The
    /// walk itself is not sorted: its sorting compared names taken apart
    /// from whole paths again and again, which was most of its time.
    fn sort_new(&self, walked: &mut Walked, dir: &Path) {
        let key = |path: &Path| sort_key(path.strip_prefix(dir).unwrap_or(path));
        walked.targets[self.targets..].sort_by_cached_key(|t| key(&t.path));
        walked.hidden[self.hidden..].sort_by_cached_key(|p| key(p));
        walked.leftovers[self.leftovers..].sort_by_cached_key(|p| key(p));
        walked.loops[self.loops..].sort_by_cached_key(|l| key(&l.link));
        walked.errors[self.errors..].sort_by_cached_key(|(p, _)| key(p));
    }
}

/// `path`'s bytes with every separator made the lowest byte: comparing
/// two keys compares the paths name by name, as a sorted walk visits them
/// (`a/b/x.md` before `a/b.md`, since `b` comes before `b.md`).
fn sort_key(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
}

/// The loop an error of the walk reports, if it is one.
fn loop_of(err: &ignore::Error) -> Option<Loop> {
    match err {
        ignore::Error::Loop { ancestor, child } => Some(Loop {
            link: child.clone(),
            ancestor: ancestor.clone(),
        }),
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => loop_of(err),
        _ => None,
    }
}

/// The path an error of the walk is about (else the directory walked) and
/// a short reason.
fn walk_error(dir: &Path, err: &ignore::Error) -> (PathBuf, String) {
    fn path_of(err: &ignore::Error) -> Option<&Path> {
        match err {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            _ => None,
        }
    }
    let path = path_of(err).unwrap_or(dir).to_path_buf();
    let reason = match err.io_error().map(std::io::Error::kind) {
        Some(std::io::ErrorKind::PermissionDenied) => {
            "cannot read: permission denied; check the directory's permissions".to_string()
        }
        Some(_) | None => {
            let text = err.to_string();
            let prefix = format!("{}: ", path.display());
            text.strip_prefix(&prefix).unwrap_or(&text).to_string()
        }
    };
    (path, reason)
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
    fn a_directory_is_walked_in_its_place_among_its_siblings() {
        let dir = tempfile::tempdir().expect("temp dir");
        let files = [
            "b/x.md", "b.md", "b-c.md", "a/z/y.md", "ab.md", "Z.md", "ü.md", "b/a/q.md", ".h/x.md",
            ".g.md",
        ];
        for path in files {
            let full = dir.path().join(path);
            fs::create_dir_all(full.parent().expect("has parent")).expect("mkdir");
            fs::write(full, "x").expect("write");
        }
        let walked = expand(&[dir.path().to_path_buf()], &WalkOptions::default()).expect("walk");
        // Name by name, bytewise: a directory's files come where its name
        // sorts, `b/…` before `b-c.md` and `b.md`.
        assert_eq!(
            names(&walked, dir.path()),
            ["Z.md", "a/z/y.md", "ab.md", "b/a/q.md", "b/x.md", "b-c.md", "b.md", "ü.md"]
        );
        let hidden: Vec<_> = walked
            .hidden
            .iter()
            .map(|p| p.strip_prefix(dir.path()).expect("under root"))
            .collect();
        assert_eq!(hidden, [Path::new(".g.md"), Path::new(".h")]);
        // The same order as sorting the paths name by name.
        let mut sorted = walked.targets.clone();
        sorted.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(sorted, walked.targets);
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

    #[cfg(unix)]
    #[test]
    fn link_back_to_an_ancestor_is_a_loop_not_an_error() {
        let dir = tree();
        std::os::unix::fs::symlink("..", dir.path().join("drafts/up")).expect("symlink");
        let walked = expand(&[dir.path().to_path_buf()], &WalkOptions::default()).expect("walk");
        assert!(walked.errors.is_empty(), "{:?}", walked.errors);
        assert_eq!(walked.loops.len(), 1);
        assert_eq!(walked.loops[0].link, dir.path().join("drafts/up"));
        assert_eq!(
            names(&walked, dir.path()),
            ["a.de.md", "b.de.md", "drafts/c.de.md", "notes.txt"]
        );
    }

    #[test]
    fn leftover_temporary_files_are_told_apart_from_hidden_files() {
        let dir = tree();
        let temp = dir.path().join(".a.de.md.termlint-4242-0.tmp");
        fs::write(&temp, "half").expect("write");
        let walked = expand(&[dir.path().to_path_buf()], &WalkOptions::default()).expect("walk");
        assert_eq!(walked.leftovers, [temp]);
        assert_eq!(walked.hidden.len(), 1);
        assert!(!is_leftover(".hidden.de.md"));
        assert!(!is_leftover("a.termlint-1.tmp"));
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
