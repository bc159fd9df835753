use super::*;
use crate::check::Outcome;
use crate::document::Document;
use crate::finding::testing::forbidden;
use crate::lang::LangTag;

/// A report of `path` with a `forbidden` finding of `concept` at every
/// occurrence of `found` in `text`.
fn report(path: &str, text: &str, concept: &str, found: &str) -> FileReport {
    let lang = LangTag::parse("de").expect("valid tag");
    let doc = Document::new(path, text.to_string(), lang);
    let findings = text
        .match_indices(found)
        .map(|(start, _)| forbidden(std::path::Path::new(path), start, concept, found))
        .collect();
    FileReport {
        doc,
        outcome: Outcome {
            findings,
            coverage: None,
        },
    }
}

fn starts(report: &FileReport) -> Vec<usize> {
    report
        .outcome
        .findings
        .iter()
        .map(|f| f.span.start)
        .collect()
}

#[test]
fn lines_inserted_above_do_not_bring_findings_back() {
    let before = report("a.de.md", "Urumchi liegt im Westen.\n", "urumqi", "Urumchi");
    let baseline = Baseline::of(&[before]);
    let text = "Neue Zeile.\n\nNoch eine.\nUrumchi liegt im Westen.\n";
    let mut after = [report("a.de.md", text, "urumqi", "Urumchi")];
    baseline.filter(&mut after);
    assert!(after[0].outcome.findings.is_empty());
}

#[test]
fn a_new_occurrence_is_reported() {
    let baseline = Baseline::of(&[report("a.md", "Urumchi, Urumchi.\n", "urumqi", "Urumchi")]);
    let text = "Urumchi, Urumchi.\nURUMCHI wieder.\n";
    let mut after = [report("a.md", text, "urumqi", "URUMCHI")];
    after[0]
        .outcome
        .findings
        .extend(report("a.md", text, "urumqi", "Urumchi").outcome.findings);
    after[0].outcome.findings.sort_by_key(|f| f.span.start);
    baseline.filter(&mut after);
    assert_eq!(
        starts(&after[0]),
        vec![text.find("URUMCHI").expect("there")]
    );
}

#[test]
fn other_files_and_concepts_are_not_covered() {
    let baseline = Baseline::of(&[report("a.md", "Urumchi\n", "urumqi", "Urumchi")]);
    let mut after = [
        report("b.md", "Urumchi\n", "urumqi", "Urumchi"),
        report("a.md", "Urumchi\n", "other", "Urumchi"),
    ];
    baseline.filter(&mut after);
    assert_eq!(starts(&after[0]), vec![0]);
    assert_eq!(starts(&after[1]), vec![0]);
}

#[test]
fn dot_slash_and_plain_paths_match() {
    let baseline = Baseline::of(&[report("./docs/a.md", "Urumchi\n", "u", "Urumchi")]);
    let mut after = [report("docs/a.md", "Urumchi\n", "u", "Urumchi")];
    baseline.filter(&mut after);
    assert!(after[0].outcome.findings.is_empty());
}

#[test]
fn written_file_reads_back_and_diffs_line_by_line() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("baseline.json");
    let baseline = Baseline::of(&[report("a.md", "Urumchi Urumchi\n", "urumqi", "Urumchi")]);
    baseline.write(&path).expect("writable");
    let text = std::fs::read_to_string(&path).expect("written");
    assert_eq!(
        text,
        "{\n  \"version\": 1,\n  \"tool\": \"termlint\",\n  \"findings\": [\n    \
         {\"file\":\"a.md\",\"rule\":\"forbidden\",\"concept\":\"urumqi\",\"found\":\"urumchi\",\"occurrence\":0},\n    \
         {\"file\":\"a.md\",\"rule\":\"forbidden\",\"concept\":\"urumqi\",\"found\":\"urumchi\",\"occurrence\":1}\n  ]\n}\n"
    );
    assert_eq!(Baseline::read(&path).expect("readable"), baseline);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listable")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("baseline.json")]);
}

#[test]
fn empty_baseline_round_trips() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("b.json");
    Baseline::default().write(&path).expect("writable");
    assert_eq!(
        Baseline::read(&path).expect("readable"),
        Baseline::default()
    );
}

#[test]
fn bad_json_names_line_and_column() {
    let err = parse("{\n  \"version\": 1,\n  oops\n}").expect_err("not JSON");
    assert!(err.contains("line 3 column 3"), "{err}");
    assert!(err.contains("--write-baseline"), "{err}");
}

#[test]
fn other_versions_are_refused() {
    let err = parse(r#"{"version": 2, "tool": "termlint", "findings": [], "new": 1}"#)
        .expect_err("version 2");
    assert!(
        err.starts_with("baseline version 2 is not supported"),
        "{err}"
    );
}

#[test]
fn missing_file_says_how_to_create_it() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let err = Baseline::read(&dir.path().join("none.json")).expect_err("absent");
    assert!(err
        .message
        .starts_with("no such baseline file; create it with --write-baseline"));
}

#[test]
fn write_into_a_missing_directory_fails_naming_the_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("no/such/dir/b.json");
    let err = Baseline::default().write(&path).expect_err("no directory");
    assert_eq!(err.path, path);
    assert!(
        err.message.contains("check that its directory exists"),
        "{}",
        err.message
    );
}
