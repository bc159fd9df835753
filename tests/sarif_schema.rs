//! `--format sarif` output checked against the OASIS SARIF 2.1.0 JSON
//! schema, kept beside the repository in
//! `../shared/data/schemas/sarif-schema-2.1.0.json`; the test skips when the
//! schema is not there. The schema is self-contained (draft-04, no remote
//! `$ref`), so validation never goes to the network.

use boon::{Compiler, SchemaIndex, Schemas};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const SCHEMA: &str = "../shared/data/schemas/sarif-schema-2.1.0.json";

/// One run of `termlint check`: the directory it runs in and its arguments.
struct Case {
    dir: &'static str,
    args: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        dir: ".",
        args: &["examples/forum.de.md"],
    },
    Case {
        dir: ".",
        args: &["examples/forum.de.md", "--source", "examples/forum.zh.md"],
    },
    Case {
        dir: ".",
        args: &["examples/clean.en.md"],
    },
    Case {
        dir: "tests/cmd/format-sarif.in",
        args: &[
            "berichte/Messe 2024, Ürümqi.de.md",
            "strings.de.xlf",
            "sauber.de.md",
        ],
    },
    Case {
        dir: "tests/cmd/zh-mid-sentence.in",
        args: &["xinwen.zh.md"],
    },
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compiles the SARIF schema, or `None` when it is not present.
fn sarif_schema() -> Option<(Schemas, SchemaIndex)> {
    let path = manifest_dir().join(SCHEMA);
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipping: {SCHEMA} not present");
        return None;
    };
    let json: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let mut compiler = Compiler::new();
    // Check `format: uri` too, so artifact URIs are proper RFC 3986.
    compiler.enable_format_assertions();
    let url = "file:///sarif-schema-2.1.0.json";
    compiler
        .add_resource(url, json)
        .expect("the schema is a valid draft-04 schema");
    let mut schemas = Schemas::new();
    let index = compiler
        .compile(url, &mut schemas)
        .expect("the schema compiles without fetching anything");
    Some((schemas, index))
}

/// Runs termlint in `dir` and parses its stdout as JSON.
fn run(dir: &str, format: &str, args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(manifest_dir().join(dir))
        .env("NO_COLOR", "1")
        .args(["check", "--fail-on", "never", "--format", format])
        .args(args)
        .output()
        .expect("termlint runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{dir} {args:?}: {stderr}");
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

#[test]
fn sarif_output_matches_the_schema() {
    let Some((schemas, index)) = sarif_schema() else {
        return;
    };
    for case in CASES {
        let log = run(case.dir, "sarif", case.args);
        if let Err(error) = schemas.validate(&log, index) {
            panic!("{} {:?}: {error:#}", case.dir, case.args);
        }
    }
}

#[test]
fn sarif_results_agree_with_json_findings() {
    for case in CASES {
        let log = run(case.dir, "sarif", case.args);
        let json = run(case.dir, "json", case.args);
        let results = log["runs"][0]["results"]
            .as_array()
            .expect("results is a list");
        let findings = json["findings"].as_array().expect("findings is a list");
        assert_eq!(results.len(), findings.len(), "{:?}", case.args);
        for (result, finding) in results.iter().zip(findings) {
            assert_agree(result, finding);
        }
    }
}

fn assert_agree(result: &Value, finding: &Value) {
    assert_eq!(result["ruleId"], finding["rule"]);
    let level = match finding["severity"].as_str() {
        Some("info") => "note",
        other => other.expect("severity is a string"),
    };
    assert_eq!(result["level"], level);
    assert_eq!(result["message"]["text"], finding["message"]);
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], finding["line"]);
    assert_eq!(region["startColumn"], finding["column"]);
    assert_eq!(region["endLine"], finding["end_line"]);
    assert_eq!(region["endColumn"], finding["end_column"]);
    assert_eq!(region["byteOffset"], finding["byte_start"]);
    let fingerprint = &result["partialFingerprints"]["termlint/v1"];
    assert_eq!(fingerprint.as_str().map(str::len), Some(16));
}

#[test]
fn artifact_uris_are_relative_and_percent_encoded() {
    let case = &CASES[3];
    let log = run(case.dir, "sarif", case.args);
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "berichte/Messe%202024%2C%20%C3%9Cr%C3%BCmqi.de.md");
    assert!(!Path::new(uri.as_str().expect("uri is a string")).is_absolute());
}

/// Guards against a validator that accepts everything: SARIF has no `info`
/// level (§3.27.10), so a log that uses it must fail.
#[test]
fn the_schema_rejects_a_level_sarif_does_not_have() {
    let Some((schemas, index)) = sarif_schema() else {
        return;
    };
    let mut log = run(".", "sarif", &["examples/forum.de.md"]);
    log["runs"][0]["results"][0]["level"] = Value::from("info");
    assert!(schemas.validate(&log, index).is_err());
}
