//! `termlint glossary validate`: the problems that make a glossary silently
//! wrong, as findings on the glossary file, and its executable examples run.
//!
//! A glossary that loads is well-formed (SPEC §1); these are the problems a
//! loader cannot refuse because each form is fine on its own: forms that
//! several concepts claim, forms that never match, languages a concept
//! lacks, and examples whose findings changed. Every finding points at the
//! YAML node it is about, so the usual renderers show the glossary line.

mod examples;
mod forms;
mod place;

use crate::check::{Checker, Outcome};
use crate::document::Document;
use crate::finding::{Finding, Rule};
use crate::glossary::locate::{NodePath, Seg};
use crate::glossary::Glossary;
use crate::lang::LangTag;
use crate::report::FileReport;

/// Audits the glossary `checker` was built from; `yaml` is the glossary
/// file's text (findings point into it).
pub fn audit(checker: &Checker, yaml: &str) -> FileReport {
    let glossary = checker.glossary();
    let mut problems = forms::problems(checker);
    problems.extend(missing_languages(glossary));
    problems.extend(examples::problems(checker));
    let placer = place::Placer::new(yaml);
    let mut findings: Vec<Finding> = problems
        .into_iter()
        .filter_map(|p| p.finding(glossary, &placer))
        .collect();
    findings.sort_by_key(|f| (f.span.start, f.rule));
    let lang = LangTag::parse("und").expect("`und` is a well-formed language tag");
    FileReport {
        doc: Document::new(&glossary.path, yaml.to_string(), lang),
        outcome: Outcome {
            findings,
            coverage: None,
        },
    }
}

/// One glossary problem before it is placed in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    rule: Rule,
    /// The YAML node it is about.
    node: NodePath,
    /// The language it concerns, if one.
    lang: Option<LangTag>,
    /// Index of the concept.
    concept: usize,
    found: String,
    expected: String,
    message: String,
}

impl Problem {
    /// The finding, or `None` when the glossary turns the rule off.
    fn finding(self, glossary: &Glossary, placer: &place::Placer) -> Option<Finding> {
        let severity = glossary.severity(self.rule)?;
        let concept = &glossary.concepts[self.concept];
        Some(Finding {
            rule: self.rule,
            severity,
            path: glossary.path.clone(),
            language: self
                .lang
                .map_or_else(|| "und".to_string(), |l| l.as_str().to_string()),
            span: placer.span(&self.node, &self.found),
            concept: concept.id.clone(),
            found: self.found,
            expected: self.expected,
            note: concept.note.clone(),
            message: self.message,
            renderings: Vec::new(),
            counts: None,
        })
    }
}

/// The path of concept `i`'s node, followed by `rest`.
fn concept_node(i: usize, rest: &[Seg]) -> NodePath {
    let mut node = vec![Seg::Key("concepts".into()), Seg::Index(i)];
    node.extend_from_slice(rest);
    node
}

/// Concepts (not `dnt`) that lack a language the glossary uses: texts in
/// that language are never checked for them. One finding per concept, so a
/// glossary merged from many bilingual ones gives one line per concept
/// rather than one per concept and language.
fn missing_languages(glossary: &Glossary) -> Vec<Problem> {
    let languages = glossary.languages();
    let mut problems = Vec::new();
    for (i, concept) in glossary.concepts.iter().enumerate() {
        if concept.dnt {
            continue;
        }
        let missing: Vec<&LangTag> = languages
            .iter()
            .filter(|l| concept.entry_for(l).is_none())
            .collect();
        if let Some(problem) = missing_problem(i, &concept.id, &missing) {
            problems.push(problem);
        }
    }
    problems
}

/// How many missing languages a message names before it counts the rest.
const NAMED_LANGUAGES: usize = 8;

/// The finding for concept `i` lacking `missing` (in the glossary's order).
fn missing_problem(i: usize, id: &str, missing: &[&LangTag]) -> Option<Problem> {
    let (lang, expected, message) = match missing {
        [] => return None,
        [lang] => (
            Some((*lang).clone()),
            format!("add a `{lang}` entry, or mark the concept `dnt`"),
            format!(
                "concept `{id}` has no `{lang}` entry, so {lang} texts are not checked for it; \
                 add one, or mark the concept `dnt`"
            ),
        ),
        _ => {
            let mut named: Vec<String> = missing
                .iter()
                .take(NAMED_LANGUAGES)
                .map(|l| format!("`{l}`"))
                .collect();
            if missing.len() > NAMED_LANGUAGES {
                named.push(format!("{} more", missing.len() - NAMED_LANGUAGES));
            }
            let named = named.join(", ");
            (
                None,
                format!("add entries for {named}, or mark the concept `dnt`"),
                format!(
                    "concept `{id}` has no entry for {} of the glossary's languages ({named}), \
                     so texts in them are not checked for it; add them, or mark the concept `dnt`",
                    missing.len()
                ),
            )
        }
    };
    Some(Problem {
        rule: Rule::MissingLanguage,
        node: concept_node(i, &[Seg::Key("id".into())]),
        lang,
        concept: i,
        found: String::new(),
        expected,
        message,
    })
}

#[cfg(test)]
mod tests;
