//! The compiled-glossary cache seen from the command line: a large
//! glossary is stored after the first run and read on the next, with the
//! same report; an edit to the glossary takes effect at once; `--no-cache`
//! neither reads nor writes.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// A glossary above the cache's size threshold (256 KB).
fn large_glossary(dir: &Path) -> std::path::PathBuf {
    let mut yaml = String::from("version: 1\nconcepts:\n");
    for i in 0..2500 {
        yaml.push_str(&format!(
            "  - id: park-{i}\n    note: Cultural industry park number {i}\n    terms:\n      en: Cultural Park {i}\n      de:\n        official: Kulturpark {i}\n        variants: [Kultur-Park {i}]\n"
        ));
    }
    let path = dir.join("glossary.yaml");
    fs::write(&path, yaml).expect("glossary writes");
    assert!(fs::metadata(&path).expect("metadata").len() > 256 * 1024);
    path
}

fn check(dir: &Path, cache: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(dir)
        .env("TERMLINT_CACHE_DIR", cache)
        .args(["check", "--format", "json", "--fail-on", "never"])
        .args(extra)
        .arg("text.de.md")
        .output()
        .expect("termlint runs")
}

fn cache_files(cache: &Path) -> usize {
    fs::read_dir(cache).map_or(0, |d| d.count())
}

#[test]
fn second_run_reads_the_cache_and_reports_the_same() {
    let temp = tempfile::tempdir().expect("temp dir");
    let cache = temp.path().join("cache");
    large_glossary(temp.path());
    fs::write(
        temp.path().join("text.de.md"),
        "Der Kultur-Park 12 liegt neben dem Cultural Park 2400 und dem Kulturparks 7.\n",
    )
    .expect("text writes");
    let first = check(temp.path(), &cache, &[]);
    assert_eq!(cache_files(&cache), 1, "the compiled glossary is stored");
    let second = check(temp.path(), &cache, &[]);
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(first.stdout, second.stdout);
    let report = String::from_utf8_lossy(&second.stdout);
    assert!(report.contains("\"rule\": \"forbidden\""), "{report}");
    assert!(report.contains("\"rule\": \"untranslated\""), "{report}");
}

#[test]
fn edited_glossary_takes_effect_at_once() {
    let temp = tempfile::tempdir().expect("temp dir");
    let cache = temp.path().join("cache");
    let glossary = large_glossary(temp.path());
    fs::write(temp.path().join("text.de.md"), "Der Kultur-Parc 12.\n").expect("text writes");
    let before = check(temp.path(), &cache, &[]);
    assert!(!String::from_utf8_lossy(&before.stdout).contains("forbidden"));
    let yaml = fs::read_to_string(&glossary).expect("reads");
    fs::write(
        &glossary,
        yaml.replace("[Kultur-Park 12]", "[Kultur-Parc 12]"),
    )
    .expect("writes");
    let after = check(temp.path(), &cache, &[]);
    assert!(String::from_utf8_lossy(&after.stdout).contains("forbidden"));
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let temp = tempfile::tempdir().expect("temp dir");
    let cache = temp.path().join("cache");
    large_glossary(temp.path());
    fs::write(temp.path().join("text.de.md"), "Der Kultur-Park 12.\n").expect("text writes");
    let output = check(temp.path(), &cache, &["--no-cache"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(cache_files(&cache), 0);
}
