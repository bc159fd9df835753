//! `--changed-since` from the command line, in a real git repository: only
//! findings on lines changed since the revision are reported.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=termlint",
            "-c",
            "user.email=termlint@example.org",
        ])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn only_findings_on_changed_lines_are_reported() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipping: git is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::write(
        root.join("glossary.yaml"),
        "version: 1\nconcepts:\n  - id: who\n    terms:\n      en: World Health Organization\n      de: Weltgesundheitsorganisation\n",
    )
    .expect("write glossary");
    let old = "Die World Health Organization tagte.\n\nEin Absatz ohne Namen.\n";
    std::fs::write(root.join("bericht.de.md"), old).expect("write text");
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);
    let new = "Die World Health Organization tagte.\n\nDie World Health Organization reiste ab.\n";
    std::fs::write(root.join("bericht.de.md"), new).expect("edit text");

    let output = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(root)
        .args([
            "check",
            "--changed-since",
            "HEAD",
            "--format",
            "concise",
            "bericht.de.md",
        ])
        .output()
        .expect("termlint runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout,
        "bericht.de.md:3:5: error[untranslated] English name 'World Health Organization' left in German text; use 'Weltgesundheitsorganisation'\n"
    );
    assert_eq!(output.status.code(), Some(1));

    let unknown = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(root)
        .args(["check", "--changed-since", "no-such-ref", "bericht.de.md"])
        .output()
        .expect("termlint runs");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(unknown.stdout.is_empty());
}
