use super::*;
use crate::glossary::load_str;
use std::path::Path;

fn audit_of(yaml: &str) -> Vec<Finding> {
    let glossary = load_str(Path::new("g.yaml"), yaml).expect("the test glossary loads");
    audit(&Checker::new(glossary), yaml).outcome.findings
}
