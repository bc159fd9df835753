//! `check --format html -o FILE`: the review page is written whole to the
//! file, with one highlight per finding of the same check, and `-o` works
//! for every format without leaving anything behind on failure.

use std::path::Path;
use std::process::{Command, Output};

fn termlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("termlint runs")
}

const FORUM: [&str; 4] = [
    "examples/forum.de.md",
    "--source",
    "examples/forum.zh.md",
    "--format",
];

fn json_finding_count(args: &[&str]) -> usize {
    let output = termlint(&[args, &["json"]].concat());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    json["findings"].as_array().expect("findings list").len()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[test]
fn html_report_has_one_highlight_per_finding_and_links_to_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("report.html");
    let args = [&["check"][..], &FORUM, &["html", "-o", path_str(&page)]].concat();
    let output = termlint(&args);
    assert_eq!(output.status.code(), Some(1), "findings give exit 1");
    assert!(output.stdout.is_empty(), "the page goes to the file only");
    let html = std::fs::read_to_string(&page).expect("page written");
    let findings = json_finding_count(&[&["check"][..], &FORUM].concat());
    assert_eq!(findings, 7);
    assert_eq!(html.matches("<mark ").count(), findings);
    for n in 1..=findings {
        assert!(html.contains(&format!("<a class=\"flink\" href=\"#f1-{n}\"")));
        assert!(html.contains(&format!(" id=\"f1-{n}\" tabindex=\"0\"")));
    }
    // Side by side: the source in its language, the translation in its own.
    assert!(html.contains("<td class=\"text\" lang=\"zh\" dir=\"auto\">"));
    assert!(html.contains("<td class=\"text\" lang=\"de\" dir=\"auto\">"));
    assert!(html.contains("<form id=\"filters\""));
}

#[test]
fn output_file_holds_what_stdout_would_show() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ["human", "json", "concise"] {
        let file = dir.path().join(format!("out.{format}"));
        let to_file = termlint(&[
            "check",
            "examples/forum.de.md",
            "-f",
            format,
            "-o",
            path_str(&file),
        ]);
        let to_stdout = termlint(&["check", "examples/forum.de.md", "-f", format]);
        assert_eq!(to_file.status.code(), to_stdout.status.code());
        let written = std::fs::read(&file).expect("report written");
        assert_eq!(written, to_stdout.stdout, "{format} differs");
    }
}

#[test]
fn failed_run_leaves_the_output_file_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.html");
    std::fs::write(&file, "old report").expect("written");
    let output = termlint(&[
        "check",
        "examples/forum.de.md",
        "-g",
        "no-such-glossary.yaml",
        "-f",
        "html",
        "-o",
        path_str(&file),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "old report");
    let entries = std::fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(entries, 1, "no temporary file is left");
}

#[test]
fn output_into_a_missing_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("no/such/dir/report.html");
    let output = termlint(&[
        "check",
        "examples/forum.de.md",
        "-f",
        "html",
        "-o",
        path_str(&file),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("report.html: cannot write the report"),
        "{stderr}"
    );
    assert!(!file.exists());
}
