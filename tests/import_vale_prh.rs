//! Vale styles and prh dictionaries imported and run against those tools'
//! own tests: the substitution findings the Vale Google and Microsoft styles
//! expect on their fixtures (`features/rules.feature`), and the `specs` of
//! the prh WEB+DB PRESS dictionary, checked by the built `termlint`.
//!
//! The material lives beside the repository in `../shared/data`; each test
//! prints `skipping: … not present` and passes when it is absent.

mod common;

use common::shared_data;

use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use termlint::glossary::{Concept, Entry, Glossary};
use termlint::interchange::{prh, vale, ImportOptions};

/// The glossary as the JSON form of glossary YAML.
fn glossary_json(glossary: &Glossary) -> Value {
    let concepts: Vec<Value> = glossary.concepts.iter().map(concept_json).collect();
    json!({ "version": 1, "concepts": concepts })
}

fn concept_json(concept: &Concept) -> Value {
    let terms: serde_json::Map<String, Value> = concept
        .entries
        .iter()
        .map(|e| (e.lang.to_string(), entry_json(e)))
        .collect();
    let examples: Vec<Value> = concept
        .examples
        .iter()
        .map(|x| {
            let findings: Vec<Value> = x
                .findings
                .iter()
                .map(|(rule, found)| json!({ "rule": rule.to_string(), "found": found }))
                .collect();
            json!({ "text": x.text, "lang": x.lang.to_string(), "findings": findings })
        })
        .collect();
    json!({ "id": concept.id, "note": concept.note, "terms": terms, "examples": examples })
}

fn entry_json(entry: &Entry) -> Value {
    json!({
        "official": entry.official,
        "variants": entry.variants,
        "case_sensitive": entry.case_sensitive,
        "inflect": entry.inflect,
        "patterns": entry.patterns,
    })
}

/// One finding of `termlint check --format json`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Found {
    file: String,
    line: u64,
    column: u64,
    rule: String,
    found: String,
}

/// Writes `glossary` into `dir` and checks `files` with it.
fn check(dir: &Path, glossary: &Glossary, lang: &str, files: &[PathBuf]) -> Vec<Found> {
    let path = dir.join("glossary.yaml");
    let text = serde_json::to_string_pretty(&glossary_json(glossary)).expect("json writes");
    std::fs::write(&path, text).expect("glossary writes");
    let output = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .args(["check", "--lang", lang, "--format", "json", "--glossary"])
        .arg(&path)
        .args(files)
        .output()
        .expect("termlint runs");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "termlint printed no JSON ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    findings.iter().map(found).collect()
}

fn found(f: &Value) -> Found {
    let text = |k: &str| f[k].as_str().unwrap_or_default().to_string();
    Found {
        file: text("file"),
        line: f["line"].as_u64().unwrap_or(0),
        column: f["column"].as_u64().unwrap_or(0),
        rule: text("rule"),
        found: text("found"),
    }
}

// ---------------------------------------------------------------- Vale

/// One `Scenario` of a rules.feature: the fixture and its expected lines
/// `test.md:line:column:Style.Rule:message`.
struct Scenario {
    fixture: String,
    expected: Vec<(u64, u64, String)>,
}

fn scenarios(feature: &str) -> Vec<Scenario> {
    let mut out: Vec<Scenario> = Vec::new();
    for line in feature.lines().map(str::trim) {
        if line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("When I test \"") {
            let fixture = rest.trim_end_matches('"').to_string();
            out.push(Scenario {
                fixture,
                expected: Vec::new(),
            });
        } else if let (Some(last), Some(rest)) = (out.last_mut(), line.strip_prefix("test.md:")) {
            let mut parts = rest.splitn(4, ':');
            let line_no = parts.next().and_then(|p| p.parse().ok());
            let column = parts.next().and_then(|p| p.parse().ok());
            if let (Some(l), Some(c), Some(rule)) = (line_no, column, parts.next()) {
                last.expected.push((l, c, rule.to_string()));
            }
        }
    }
    out
}

/// The style's substitution rule files, as `Style.Rule` and path.
fn substitution_rules(style_dir: &Path, style: &str) -> Vec<(String, PathBuf)> {
    let mut rules: Vec<(String, PathBuf)> = std::fs::read_dir(style_dir)
        .expect("style directory reads")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            text.lines().any(|l| l.trim() == "extends: substitution")
        })
        .filter_map(|p| {
            let stem = p.file_stem()?.to_str()?.to_string();
            Some((format!("{style}.{stem}"), p))
        })
        .collect();
    rules.sort();
    rules
}

/// The rules a fixture's `.vale.ini` turns on, or `None` (every rule).
fn enabled_rules(fixture: &Path) -> Option<BTreeSet<String>> {
    let ini = std::fs::read_to_string(fixture.join(".vale.ini")).ok()?;
    let on = ini
        .lines()
        .filter_map(|l| l.split_once('='))
        .filter(|(_, v)| v.trim().eq_ignore_ascii_case("yes"))
        .map(|(k, _)| k.trim().to_string())
        .collect();
    Some(on)
}

/// Expected and reported positions of one fixture's substitution findings.
struct Outcome {
    fixture: String,
    expected: BTreeSet<(u64, u64)>,
    reported: BTreeSet<(u64, u64)>,
}

fn run_fixture(root: &Path, style: &str, scenario: &Scenario) -> Option<Outcome> {
    let fixture = root.join("fixtures").join(&scenario.fixture);
    if !fixture.is_dir() {
        return None;
    }
    let enabled = enabled_rules(&fixture);
    let rules: Vec<(String, PathBuf)> = substitution_rules(&root.join(style), style)
        .into_iter()
        .filter(|(name, _)| enabled.as_ref().is_none_or(|on| on.contains(name)))
        .collect();
    // The style directory with only the rules the fixture turns on.
    let temp = tempfile::tempdir().expect("temp dir");
    let style_dir = temp.path().join(style);
    std::fs::create_dir(&style_dir).expect("style dir");
    for (_, path) in &rules {
        let name = path.file_name().expect("rule file name");
        std::fs::copy(path, style_dir.join(name)).expect("rule copies");
    }
    let glossary = vale::import(&style_dir, &ImportOptions::default()).expect("style imports");
    let names: BTreeSet<&str> = rules.iter().map(|(n, _)| n.as_str()).collect();
    let expected = scenario
        .expected
        .iter()
        .filter(|(_, _, rule)| names.contains(rule.as_str()))
        .map(|(l, c, _)| (*l, *c))
        .collect();
    let files = [fixture.join("test.md")];
    let reported = check(temp.path(), &glossary, "en", &files)
        .into_iter()
        .filter(|f| f.rule == "forbidden")
        .map(|f| (f.line, f.column))
        .collect();
    Some(Outcome {
        fixture: format!("{style}/{}", scenario.fixture),
        expected,
        reported,
    })
}

fn vale_style(style: &str) {
    let Some(root) = shared_data(&format!("vale-styles/{style}")) else {
        return;
    };
    let feature = std::fs::read_to_string(root.join("features/rules.feature")).expect("feature");
    let outcomes: Vec<Outcome> = scenarios(&feature)
        .iter()
        .filter_map(|s| run_fixture(&root, style, s))
        .collect();
    let mut matched = 0;
    let mut total = 0;
    for o in &outcomes {
        let hits = o.expected.intersection(&o.reported).count();
        println!(
            "{}: {hits} of {} expected substitution findings, {} reported",
            o.fixture,
            o.expected.len(),
            o.reported.len()
        );
        matched += hits;
        total += o.expected.len();
        assert_eq!(o.expected, o.reported, "{}", o.fixture);
    }
    println!("{style}: {matched} of {total} substitution findings reproduced");
}

#[test]
fn vale_google_substitutions_reproduce_its_rules_feature() {
    vale_style("Google");
}

#[test]
fn vale_microsoft_substitutions_reproduce_its_rules_feature() {
    vale_style("Microsoft");
}

#[test]
fn vale_style_directory_imports_every_substitution_rule() {
    let Some(dir) = shared_data("vale-styles/Google/Google") else {
        return;
    };
    let glossary = vale::import(&dir, &ImportOptions::default()).expect("style imports");
    let preceding = glossary
        .concepts
        .iter()
        .find(|c| c.entries[0].official == ["preceding"])
        .expect("`above: preceding` is a concept");
    assert_eq!(preceding.entries[0].variants, ["above"]);
    assert_eq!(preceding.entries[0].lang.to_string(), "en");
    let latin = glossary.concepts.iter().find(|c| c.id == "that-is");
    assert!(latin.is_some_and(|c| !c.entries[0].patterns.is_empty()));
}

/// The imported glossary, written out and read back, passes validation.
fn loads_back(glossary: &Glossary) {
    let text = serde_json::to_string(&glossary_json(glossary)).expect("json writes");
    if let Err(e) = termlint::glossary::load_str(Path::new("glossary.yaml"), &text) {
        panic!("imported glossary does not load back: {e}");
    }
}

#[test]
fn vale_styles_import_into_valid_glossaries() {
    for style in ["Google/Google", "Microsoft/Microsoft", "GitLab"] {
        let Some(dir) = shared_data(&format!("vale-styles/{style}")) else {
            continue;
        };
        let glossary = vale::import(&dir, &ImportOptions::default()).expect("style imports");
        println!("{style}: {} concepts", glossary.concepts.len());
        assert!(!glossary.concepts.is_empty(), "{style}");
        loads_back(&glossary);
    }
}

#[test]
fn vale_accept_vocabulary_gives_case_sensitive_official_forms() {
    let temp = tempfile::tempdir().expect("temp dir");
    let vocab = temp.path().join("Vocab").join("Docs");
    std::fs::create_dir_all(&vocab).expect("vocab dir");
    std::fs::write(vocab.join("accept.txt"), "GitHub\n[Tt]ermlint\n").expect("writes");
    std::fs::write(vocab.join("reject.txt"), "github\n").expect("writes");
    let glossary = vale::import(temp.path(), &ImportOptions::default()).expect("imports");
    assert_eq!(glossary.concepts.len(), 1);
    let entry = &glossary.concepts[0].entries[0];
    assert_eq!(entry.official, ["GitHub"]);
    assert!(entry.case_sensitive);
}

// ---------------------------------------------------------------- prh

/// Each example whose `forbidden` findings differ from what termlint
/// reported for its file.
fn spec_failures(
    examples: &[(String, &termlint::glossary::Example)],
    reported: &[Found],
) -> Vec<String> {
    let mut failures = Vec::new();
    for (n, (id, example)) in examples.iter().enumerate() {
        let name = format!("example-{n}.txt");
        let got: Vec<String> = reported
            .iter()
            .filter(|f| f.file.ends_with(&name) && f.rule == "forbidden")
            .map(|f| f.found.clone())
            .collect();
        let want: Vec<String> = example.findings.iter().map(|(_, f)| f.clone()).collect();
        if got != want {
            failures.push(format!(
                "{id}: `{}`: want {want:?}, got {got:?}",
                example.text
            ));
        }
    }
    failures
}

#[test]
fn prh_web_db_press_specs_pass_as_examples() {
    let Some(path) = shared_data("prh-rules/media/WEB+DB_PRESS.yml") else {
        return;
    };
    let glossary = prh::import(&path, &ImportOptions::default()).expect("dictionary imports");
    let temp = tempfile::tempdir().expect("temp dir");
    let examples: Vec<(String, &termlint::glossary::Example)> = glossary
        .concepts
        .iter()
        .flat_map(|c| c.examples.iter().map(move |x| (c.id.clone(), x)))
        .collect();
    let files: Vec<PathBuf> = examples
        .iter()
        .enumerate()
        .map(|(n, (_, x))| {
            let file = temp.path().join(format!("example-{n}.txt"));
            std::fs::write(&file, &x.text).expect("example writes");
            file
        })
        .collect();
    let reported = check(temp.path(), &glossary, "ja", &files);
    let failures = spec_failures(&examples, &reported);
    let passed = examples.len() - failures.len();
    println!(
        "prh WEB+DB PRESS: {passed} of {} specs pass",
        examples.len()
    );
    assert!(!examples.is_empty());
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn prh_imports_are_followed() {
    let Some(path) = shared_data("prh-rules/media/techbooster.yml") else {
        return;
    };
    let glossary = prh::import(&path, &ImportOptions::default()).expect("dictionary imports");
    let alone = std::fs::read_to_string(&path).expect("reads");
    let own_rules = alone.matches("expected:").count();
    assert!(glossary.concepts.len() > own_rules / 2);
    loads_back(&glossary);
    assert!(glossary
        .concepts
        .iter()
        .all(|c| c.entries[0].lang.to_string() == "ja"));
}

#[test]
fn prh_react_dev_dictionary_imports() {
    let Some(path) = shared_data("react-dev-l10n/ja/textlint/prh.yml") else {
        return;
    };
    let glossary = prh::import(&path, &ImportOptions::default()).expect("dictionary imports");
    assert!(!glossary.concepts.is_empty());
    loads_back(&glossary);
}
