//! The compiled-glossary cache: a large glossary's parsed concepts and
//! compiled matcher kept in the user's cache directory, keyed by the
//! glossary file's content, so that an unchanged glossary is not parsed
//! and compiled again on every run.
//!
//! A cache file is a header (magic, format version, termlint version, the
//! glossary's length and hash) followed by the checker in postcard, in
//! three sections (the anchors' trie, the glossary, the rest of the
//! matcher) decoded side by side. Any
//! file that does not check out is ignored and rewritten; a cache that
//! cannot be written is not an error. Files appear whole (written to a
//! temporary file, then renamed), and only the most recently used few are
//! kept.

pub(crate) mod sections;

use crate::check::Checker;
use crate::glossary::{self, GlossaryError};
use std::io::{BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// Glossary files smaller than this are compiled every time: that takes
/// about as long as reading the cache would (a few milliseconds).
pub const MIN_CACHED_BYTES: usize = 256 * 1024;

/// Cache files kept; older ones are removed when a new one is written.
const KEEP: usize = 4;

const MAGIC: &[u8; 8] = b"TERMLINT";
/// Bumped whenever the stored layout changes, or the rules that compile
/// a glossary (folding, a language's inflection): a compiled glossary
/// holds each word's endings, so one from before would match by the old
/// rules. 10: Hungarian names ending in `a` or `e`; 11: Hungarian
/// doubled two-letter consonants; 12: the crowded anchors' index keyed
/// past a word of many endings; 13: patterns numbered anchor by anchor,
/// each with its concept; 14: Arabic vowel marks and tatweel folded
/// away; 15: half-width katakana folded to full-width.
const FORMAT: u32 = 15;

/// Where compiled glossaries are kept: `$TERMLINT_CACHE_DIR`, else the
/// platform's user cache directory plus `termlint`.
pub fn directory() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var("TERMLINT_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    let base = if cfg!(windows) {
        var("LOCALAPPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| PathBuf::from(h).join("Library").join("Caches"))
    } else {
        var("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".cache")))
    };
    base.map(|b| b.join("termlint"))
}

/// A compiled glossary the cache does not hold yet: [`Pending::write`]
/// stores it (a caller may do that on another thread while checking).
#[derive(Debug)]
pub struct Pending {
    dir: PathBuf,
    key: Key,
}

impl Pending {
    /// Stores `checker`, compiled from the glossary this was made for. A
    /// cache that cannot be written only costs the next run time, so
    /// failures are ignored.
    pub fn write(self, checker: &Checker) {
        let _ = write(&self.dir, &self.key, checker);
    }
}

/// Loads the glossary at `path` and compiles it, through the cache in
/// `dir` when given (`None`: no cache, as `--no-cache`). When the glossary
/// was compiled and is large enough to be worth caching, the [`Pending`]
/// write is returned.
pub fn load_checker(
    path: &Path,
    dir: Option<&Path>,
) -> Result<(Checker, Option<Pending>), GlossaryError> {
    let read_error = |e: std::io::Error| glossary::read_error(path, &e);
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    let cached = dir.filter(|_| size >= MIN_CACHED_BYTES as u64);
    if let Some(dir) = cached {
        // The YAML is not needed when the cache has the glossary: it is
        // only hashed, a buffer at a time.
        let key = Key::of_file(path).map_err(read_error)?;
        if let Some(checker) = read(&dir.join(key.file_name()), &key, path) {
            return Ok((checker, None));
        }
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    // The key of what is compiled: the file may have changed since.
    let key = Key::of(&bytes);
    // Checked with SIMD and borrowed: the standard check takes a byte at a
    // time outside ASCII, and a large glossary is mostly names.
    let Ok(yaml) = simdutf8::basic::from_utf8(&bytes) else {
        let error = String::from_utf8(bytes).expect_err("invariant: the SIMD check found an error");
        return Err(glossary::utf8_error(path, &error));
    };
    let glossary = glossary::load_str(path, yaml)?;
    // Compiling needs the glossary, not its text.
    drop(bytes);
    let checker = Checker::new(glossary);
    let pending = cached.map(|dir| Pending {
        dir: dir.to_path_buf(),
        key,
    });
    Ok((checker, pending))
}

/// What identifies a glossary's compiled form.
#[derive(Debug)]
struct Key {
    len: u64,
    hash: u64,
}

impl Key {
    fn of(bytes: &[u8]) -> Key {
        Key {
            len: bytes.len() as u64,
            hash: xxh3_64(bytes),
        }
    }

    /// The key of the file at `path`, read a buffer at a time.
    fn of_file(path: &Path) -> std::io::Result<Key> {
        let mut file = std::fs::File::open(path)?;
        let mut hasher = Xxh3::new();
        let mut buf = vec![0; 1 << 20];
        let mut len = 0;
        loop {
            let n = match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            hasher.update(&buf[..n]);
            len += n as u64;
        }
        Ok(Key {
            len,
            hash: hasher.digest(),
        })
    }

    fn file_name(&self) -> String {
        format!("glossary-{:016x}-{:x}.bin", self.hash, self.len)
    }

    fn header(&self) -> Vec<u8> {
        let mut header = MAGIC.to_vec();
        header.extend(FORMAT.to_le_bytes());
        let version = env!("CARGO_PKG_VERSION").as_bytes();
        header.push(u8::try_from(version.len()).unwrap_or(u8::MAX));
        header.extend(version);
        header.extend(self.len.to_le_bytes());
        header.extend(self.hash.to_le_bytes());
        header
    }
}

fn read(file: &Path, key: &Key, glossary_path: &Path) -> Option<Checker> {
    let mut opened = std::fs::File::open(file).ok()?;
    let len = opened.metadata().ok()?.len();
    let expected = key.header();
    let mut header = vec![0; expected.len()];
    opened.read_exact(&mut header).ok()?;
    if header != expected {
        return None;
    }
    let start = expected.len() as u64;
    let found = sections::locate(&mut opened, start, len.checked_sub(start)?, 3)?;
    let open = |offset: u64| {
        let mut reader = std::fs::File::open(file).ok()?;
        reader.seek(std::io::SeekFrom::Start(offset)).ok()?;
        // Unbuffered: each section is read in large blocks.
        Some(reader)
    };
    let checker = Checker::restore(open, &found, glossary_path)?;
    // Mark it used, so pruning keeps it.
    let _ = std::fs::File::options()
        .append(true)
        .open(file)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    Some(checker)
}

/// Writes the cache file through a temporary file and a rename, so a
/// reader never sees half a file. It is not synced: after a crash a cache
/// file may be damaged, and a damaged file is ignored and rewritten.
fn write(dir: &Path, key: &Key, checker: &Checker) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let name = key.file_name();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written =
        write_file(&temp, key, checker).and_then(|()| std::fs::rename(&temp, dir.join(name)));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    prune(dir);
    Ok(())
}

/// Writes the header and the compiled glossary to a new file at `path`,
/// through a buffer: the file's bytes are never all in memory.
fn write_file(path: &Path, key: &Key, checker: &Checker) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    out.write_all(&key.header())?;
    checker.store(&mut out)?;
    out.into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    Ok(())
}

/// Removes all but the [`KEEP`] most recently used cache files, and
/// temporary files an interrupted run left an hour or more ago.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let name = name.trim_start_matches('.');
            name.starts_with("glossary-") && (name.ends_with(".bin") || name.ends_with(".tmp"))
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    let (temps, mut files): (Vec<_>, Vec<_>) = files.into_iter().partition(|(_, p)| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(".tmp"))
    });
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for (_, path) in temps.into_iter().filter(|(t, _)| *t < hour_ago) {
        let _ = std::fs::remove_file(path);
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, path) in files.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big_glossary(dir: &Path, n: usize) -> PathBuf {
        let mut yaml = String::from("version: 1\nconcepts:\n");
        for i in 0..n {
            yaml.push_str(&format!(
                "  - id: c{i}\n    note: concept number {i}\n    terms:\n      en: Kulturpark Number {i}\n      de:\n        official: Kulturpark Nummer {i}\n        variants: [Kultur-Park {i}]\n"
            ));
        }
        let path = dir.join("glossary.yaml");
        std::fs::write(&path, yaml).expect("glossary writes");
        path
    }

    /// Loads `path` through `cache` and stores what was compiled.
    fn store(path: &Path, cache: &Path) {
        let (checker, pending) = load_checker(path, Some(cache)).expect("loads");
        if let Some(pending) = pending {
            pending.write(&checker);
        }
    }

    #[test]
    fn second_load_comes_from_the_cache_and_finds_the_same() {
        let temp = tempfile::tempdir().expect("temp dir");
        let path = big_glossary(temp.path(), 3000);
        let cache = temp.path().join("cache");
        let (first, pending) = load_checker(&path, Some(&cache)).expect("loads");
        pending.expect("compiled, to be stored").write(&first);
        let (second, pending) = load_checker(&path, Some(&cache)).expect("loads");
        assert!(pending.is_none(), "read from the cache");
        let text = "Der Kultur-Park 17 und der Kulturparks Nummer 2999 und Kulturpark Number 5.";
        assert_eq!(first.matches(text), second.matches(text));
        assert!(!second.matches(text).is_empty());
        assert_eq!(second.glossary().path, path);
        assert_eq!(second.glossary().concepts.len(), 3000);
    }

    #[test]
    fn changed_glossary_is_compiled_again() {
        let temp = tempfile::tempdir().expect("temp dir");
        let path = big_glossary(temp.path(), 3000);
        let cache = temp.path().join("cache");
        store(&path, &cache);
        let mut yaml = std::fs::read_to_string(&path).expect("reads");
        yaml = yaml.replace("Kultur-Park 17]", "Kultur-Parc 17]");
        std::fs::write(&path, yaml).expect("writes");
        let (checker, pending) = load_checker(&path, Some(&cache)).expect("loads");
        assert!(pending.is_some(), "compiled again");
        assert_eq!(checker.matches("Kultur-Parc 17").len(), 1);
    }

    /// A big glossary in `dir`, compiled and stored in a cache beside it:
    /// its path, the cache directory and the one cache file.
    fn stored_glossary(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
        let path = big_glossary(dir, 3000);
        let cache = dir.join("cache");
        store(&path, &cache);
        let file = std::fs::read_dir(&cache)
            .expect("cache dir")
            .next()
            .expect("one file")
            .expect("entry")
            .path();
        (path, cache, file)
    }

    #[test]
    fn damaged_cache_file_is_ignored_and_replaced() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (path, cache, file) = stored_glossary(temp.path());
        let mut bytes = std::fs::read(&file).expect("reads");
        let half = bytes.len() / 2;
        bytes.truncate(half);
        std::fs::write(&file, &bytes).expect("writes");
        let (_, pending) = load_checker(&path, Some(&cache)).expect("loads");
        assert!(pending.is_some(), "compiled again");
        store(&path, &cache);
        let (_, pending) = load_checker(&path, Some(&cache)).expect("loads");
        assert!(pending.is_none(), "read from the cache");
    }

    #[test]
    fn cache_file_cut_anywhere_or_grown_is_ignored() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (path, cache, file) = stored_glossary(temp.path());
        let whole = std::fs::read(&file).expect("reads");
        let mut damaged: Vec<Vec<u8>> = (1..16)
            .map(|i| whole[..whole.len() * i / 16].to_vec())
            .collect();
        damaged.push([whole.as_slice(), b"more"].concat());
        for bytes in damaged {
            std::fs::write(&file, &bytes).expect("writes");
            let (checker, pending) = load_checker(&path, Some(&cache)).expect("loads");
            assert!(
                pending.is_some(),
                "{} bytes of {}: compiled again",
                bytes.len(),
                whole.len()
            );
            assert_eq!(checker.matches("Kultur-Park 17").len(), 1);
        }
    }

    #[test]
    fn cache_file_with_a_changed_byte_never_crashes_a_check() {
        let temp = tempfile::tempdir().expect("temp dir");
        let (path, cache, file) = stored_glossary(temp.path());
        let whole = std::fs::read(&file).expect("reads");
        let text = "Der Kultur-Park 17 und der Kulturparks Nummer 2999 und Kulturpark Number 5.";
        let mut rewritten = 0;
        for i in 1..=32 {
            let at = whole.len() * i / 33;
            let mut bytes = whole.clone();
            bytes[at] ^= 0x55;
            std::fs::write(&file, &bytes).expect("writes");
            let (checker, pending) = load_checker(&path, Some(&cache)).expect("loads");
            // Read back or compiled again, the check runs to its end.
            let _ = checker.matches(text);
            rewritten += usize::from(pending.is_some());
        }
        assert!(rewritten > 0, "some changes are noticed and compiled again");
    }

    #[test]
    fn small_glossary_and_no_cache_write_nothing() {
        let temp = tempfile::tempdir().expect("temp dir");
        let cache = temp.path().join("cache");
        let small = temp.path().join("small.yaml");
        std::fs::write(
            &small,
            "version: 1\nconcepts:\n  - id: a\n    terms:\n      en: A\n",
        )
        .expect("writes");
        assert!(load_checker(&small, Some(&cache))
            .expect("loads")
            .1
            .is_none());
        let big = big_glossary(temp.path(), 3000);
        assert!(load_checker(&big, None).expect("loads").1.is_none());
        assert!(!cache.exists());
    }

    #[test]
    fn key_read_a_buffer_at_a_time_is_the_key_of_the_whole_file() {
        let temp = tempfile::tempdir().expect("temp dir");
        let path = temp.path().join("g.yaml");
        let bytes: Vec<u8> = (0..(5 << 20) / 2 + 7)
            .map(|i: u32| (i % 251) as u8)
            .collect();
        std::fs::write(&path, &bytes).expect("writes");
        let streamed = Key::of_file(&path).expect("reads");
        let whole = Key::of(&bytes);
        assert_eq!((streamed.len, streamed.hash), (whole.len, whole.hash));
        assert_ne!(Key::of(&bytes[1..]).hash, whole.hash);
    }

    #[test]
    fn only_the_most_recent_files_are_kept() {
        let temp = tempfile::tempdir().expect("temp dir");
        for i in 0..KEEP + 2 {
            let name = format!("glossary-{i:016x}-1.bin");
            std::fs::write(temp.path().join(name), b"x").expect("writes");
        }
        prune(temp.path());
        assert_eq!(std::fs::read_dir(temp.path()).expect("dir").count(), KEEP);
    }
}
