//! Executable examples: each concept's `examples` checked as texts, their
//! findings compared with the ones the glossary lists.

use super::{concept_node, Problem};
use crate::check::Checker;
use crate::document::Document;
use crate::finding::Rule;
use crate::glossary::locate::Seg;
use crate::glossary::Example;

/// An `example-failed` problem for every example whose findings differ.
pub(super) fn problems(checker: &Checker) -> Vec<Problem> {
    let concepts = checker.glossary().concepts.iter().enumerate();
    concepts
        .flat_map(|(i, concept)| {
            concept
                .examples
                .iter()
                .enumerate()
                .filter_map(move |(k, example)| failed(checker, i, k, example))
        })
        .collect()
}

/// The findings checking `example.text` gives, as (rule, found) pairs.
pub(super) fn run(checker: &Checker, example: &Example) -> Vec<(Rule, String)> {
    let doc = Document::new("<example>", example.text.clone(), example.lang.clone());
    let outcome = checker.check(&doc, None);
    outcome
        .findings
        .into_iter()
        .map(|f| (f.rule, f.found))
        .collect()
}

/// The problem of example `k` of concept `i`, if its findings differ
/// (compared as multisets: order does not matter, `found` must be exact).
fn failed(checker: &Checker, i: usize, k: usize, example: &Example) -> Option<Problem> {
    let got = run(checker, example);
    if sorted(&got) == sorted(&example.findings) {
        return None;
    }
    let id = &checker.glossary().concepts[i].id;
    let message = format!(
        "example {} of `{id}` gives {}, but lists {}; fix the glossary or the example's `findings`",
        k + 1,
        describe(&got),
        describe(&example.findings)
    );
    Some(Problem {
        rule: Rule::ExampleFailed,
        node: concept_node(i, &[Seg::Key("examples".into()), Seg::Index(k)]),
        lang: Some(example.lang.clone()),
        concept: i,
        found: example.text.clone(),
        expected: format!("expected {}", describe(&example.findings)),
        message,
    })
}

fn sorted(findings: &[(Rule, String)]) -> Vec<(Rule, String)> {
    let mut findings = findings.to_vec();
    findings.sort();
    findings
}

/// `no findings`, or `` `rule` `found`, … `` in order.
fn describe(findings: &[(Rule, String)]) -> String {
    if findings.is_empty() {
        return "no findings".to_string();
    }
    findings
        .iter()
        .map(|(rule, found)| format!("`{rule}` `{found}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
