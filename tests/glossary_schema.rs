//! The committed `schema/glossary.schema.json` is the schema termlint
//! generates, and it describes real glossaries: every glossary of the
//! repository that termlint loads is valid against it, and the broken ones
//! of the command-line cases that it can tell are refused.

use boon::{Compiler, SchemaIndex, Schemas};
use serde_json::Value;
use std::path::{Path, PathBuf};

const SCHEMA: &str = "schema/glossary.schema.json";

/// Command-line cases whose glossary breaks the format in a way the schema
/// can see (other broken ones, such as a duplicate id, need the loader).
const REFUSED: &[&str] = &[
    "exit-2-glossary-bad-language-key",
    "exit-2-glossary-empty-term",
    "exit-2-glossary-missing-id",
    "exit-2-glossary-unknown-field",
    "exit-2-glossary-version-2",
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn compiled() -> (Schemas, SchemaIndex) {
    let text = termlint::glossary::schema::json_schema();
    let json: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let mut compiler = Compiler::new();
    compiler
        .add_resource("glossary.schema.json", json)
        .expect("the schema is a resource");
    let mut schemas = Schemas::new();
    let index = compiler
        .compile("glossary.schema.json", &mut schemas)
        .expect("the schema compiles");
    (schemas, index)
}

/// A YAML file as the JSON value yaml-language-server would validate.
fn yaml_as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("the glossary is readable");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).expect("the glossary is YAML");
    serde_json::to_value(yaml).expect("YAML maps have string keys")
}

fn is_valid(schema: &(Schemas, SchemaIndex), path: &Path) -> Result<(), String> {
    let (schemas, index) = schema;
    schemas
        .validate(&yaml_as_json(path), *index)
        .map_err(|e| format!("{}: {e:#}", path.display()))
}

fn loads(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .is_ok_and(|text| termlint::glossary::load_str(path, &text).is_ok())
}

fn case_glossaries() -> Vec<PathBuf> {
    let cases = std::fs::read_dir(manifest_dir().join("tests/cmd")).expect("tests/cmd exists");
    let mut paths: Vec<PathBuf> = cases
        .filter_map(|e| e.ok().map(|e| e.path().join("glossary.yaml")))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
}

#[test]
fn committed_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string(manifest_dir().join(SCHEMA)).unwrap_or_default();
    assert!(
        committed == termlint::glossary::schema::json_schema(),
        "{SCHEMA} is out of date; run `cargo run -- glossary schema > {SCHEMA}`"
    );
}

#[test]
fn bundled_glossary_is_valid() {
    let schema = compiled();
    if let Err(e) = is_valid(&schema, &manifest_dir().join("glossary.yaml")) {
        panic!("{e}");
    }
}

#[test]
fn every_glossary_termlint_loads_is_valid() {
    let schema = compiled();
    let errors: Vec<String> = case_glossaries()
        .iter()
        .filter(|p| loads(p))
        .filter_map(|p| is_valid(&schema, p).err())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn broken_glossaries_are_refused() {
    let schema = compiled();
    for case in REFUSED {
        let path = manifest_dir().join(format!("tests/cmd/{case}.in/glossary.yaml"));
        assert!(
            is_valid(&schema, &path).is_err(),
            "{case} passes the schema"
        );
    }
}
