//! Unit tests of the glossary audit: one small glossary per problem.

use super::*;
use crate::finding::Severity;
use crate::glossary::load_str;
use std::path::Path;

fn audit_of(yaml: &str) -> Vec<Finding> {
    let glossary = load_str(Path::new("g.yaml"), yaml).expect("the test glossary loads");
    audit(&Checker::new(glossary), yaml).outcome.findings
}

fn rules(findings: &[Finding]) -> Vec<(Rule, &str)> {
    findings
        .iter()
        .map(|f| (f.rule, f.found.as_str()))
        .collect()
}

/// The text a finding's span covers in `yaml`.
fn at<'y>(yaml: &'y str, finding: &Finding) -> &'y str {
    &yaml[finding.span.clone()]
}

#[test]
fn clean_glossary_has_no_findings() {
    let yaml = "version: 1\nconcepts:\n  - id: a\n    terms:\n      en: Alpha\n      de: Alpha\n";
    assert!(audit_of(yaml).is_empty());
}

#[test]
fn form_of_two_concepts_is_ambiguous_at_the_later_one() {
    let yaml = "\
version: 1
concepts:
  - id: who
    terms:
      fr: OMS
  - id: oms-software
    terms:
      fr: oms
";
    let findings = audit_of(yaml);
    assert_eq!(rules(&findings), [(Rule::AmbiguousForm, "oms")]);
    assert_eq!(findings[0].concept, "oms-software");
    assert_eq!(findings[0].severity, Severity::Warning);
    assert_eq!(at(yaml, &findings[0]), "oms");
    assert!(findings[0].message.contains("`who`"));
}

#[test]
fn variant_of_one_concept_official_of_another() {
    let yaml = "\
version: 1
concepts:
  - id: beijing
    terms:
      de: Peking
  - id: opera
    terms:
      de:
        official: Jingju
        variants: [Peking]
";
    let findings = audit_of(yaml);
    assert_eq!(rules(&findings), [(Rule::VariantIsOfficial, "Peking")]);
    assert_eq!(findings[0].concept, "opera");
    assert_eq!(findings[0].line_of(yaml), 10);
}

#[test]
fn shorter_form_inside_longer_form_is_swallowed_info() {
    let yaml = "\
version: 1
concepts:
  - id: park
    terms:
      de: Kulturpark
      en: culture park
  - id: qinhuai
    terms:
      de:
        official: Kulturpark Qinhuai
        variants: [Park]
      en: Qinhuai Park
";
    let findings = audit_of(yaml);
    // `Park` is part of `Kulturpark` only inside a word, and of its own concept's form.
    assert_eq!(rules(&findings), [(Rule::SwallowedForm, "Kulturpark")]);
    assert_eq!(findings[0].severity, Severity::Info);
    assert!(findings[0].message.contains("`Kulturpark Qinhuai`"));
}

#[test]
fn dnt_forms_are_swallowed_in_every_language() {
    let yaml = "\
version: 1
concepts:
  - id: icif
    dnt: true
    terms:
      en: ICIF
  - id: fair
    terms:
      de: ICIF Messe
      en: ICIF Fair
";
    assert_eq!(rules(&audit_of(yaml)), [(Rule::SwallowedForm, "ICIF")]);
}

#[test]
fn forms_of_one_entry_that_fold_together_collide() {
    let yaml = "\
version: 1
concepts:
  - id: gh
    terms:
      en:
        official: [GitHub, Github]
        variants: [Git Hub, Git Hub]
";
    let findings = audit_of(yaml);
    assert_eq!(
        rules(&findings),
        [
            (Rule::FoldedCollision, "Github"),
            (Rule::FoldedCollision, "Git Hub")
        ]
    );
    assert!(findings[0].message.contains("case_sensitive"));
    assert!(findings[1].message.contains("listed twice"));
    assert_eq!(findings[1].line_of(yaml), 7);
}

#[test]
fn case_sensitive_forms_differing_by_case_do_not_collide() {
    let yaml = "\
version: 1
concepts:
  - id: gh
    terms:
      en:
        official: [GitHub, Github]
        case_sensitive: true
";
    assert!(audit_of(yaml).is_empty());
}

#[test]
fn forms_that_cannot_match_are_errors() {
    let yaml = "\
version: 1
concepts:
  - id: a
    terms:
      en:
        official: ' Alpha'
        variants: [\"\\u200B\"]
";
    let findings = audit_of(yaml);
    let found: Vec<_> = rules(&findings);
    assert_eq!(
        found,
        [
            (Rule::UnmatchableForm, " Alpha"),
            (Rule::UnmatchableForm, "\u{200b}"),
        ]
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Error));
    assert!(findings[0].message.contains("white space"));
    assert!(findings[1].message.contains("no text after folding"));
}

#[test]
fn concept_without_a_used_language_is_reported_unless_dnt() {
    let yaml = "\
version: 1
concepts:
  - id: a
    terms:
      en: Alpha
      fr: Alpha
  - id: b
    terms:
      en: Beta
  - id: c
    dnt: true
    terms:
      en: Gamma
";
    let findings = audit_of(yaml);
    assert_eq!(rules(&findings), [(Rule::MissingLanguage, "")]);
    assert_eq!(findings[0].concept, "b");
    assert_eq!(findings[0].language, "fr");
    assert_eq!(at(yaml, &findings[0]), "b");
}

#[test]
fn concept_missing_several_languages_gets_one_finding_naming_them() {
    let mut yaml = String::from("version: 1\nconcepts:\n  - id: all\n    terms:\n");
    let langs = [
        "en", "de", "fr", "it", "es", "pt", "nl", "pl", "sv", "fi", "ja",
    ];
    for lang in langs {
        yaml.push_str(&format!("      {lang}: All\n"));
    }
    yaml.push_str("  - id: two\n    terms:\n      en: Two\n      fi: Kaksi\n");
    yaml.push_str("  - id: most\n    terms:\n");
    for lang in &langs[..10] {
        yaml.push_str(&format!("      {lang}: Most\n"));
    }
    let findings = audit_of(&yaml);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    let two = &findings[0];
    assert_eq!(
        (two.concept.as_str(), two.language.as_str()),
        ("two", "und")
    );
    assert_eq!(at(&yaml, two), "two");
    assert!(
        two.message.starts_with(
            "concept `two` has no entry for 9 of the glossary's languages \
             (`de`, `es`, `fr`, `it`, `ja`, `nl`, `pl`, `pt`, 1 more)"
        ),
        "{}",
        two.message
    );
    let most = &findings[1];
    assert_eq!(
        (most.concept.as_str(), most.language.as_str()),
        ("most", "ja")
    );
    assert!(most.message.starts_with("concept `most` has no `ja` entry"));
}

#[test]
fn language_fallback_counts_as_present() {
    let yaml = "\
version: 1
concepts:
  - id: a
    terms:
      de: Alpha
      de-CH: Alpha
  - id: b
    terms:
      de: Beta
";
    assert!(audit_of(yaml).is_empty());
}

const EXAMPLES: &str = "\
version: 1
concepts:
  - id: icif
    dnt: true
    terms:
      en:
        official: ICIF
        case_sensitive: true
      de:
        official: ICIF
        case_sensitive: true
    examples:
      - text: Die Icif und die ICIF.
        lang: de
        findings:
          - { rule: case, found: Icif }
      - text: Die ICIF.
        lang: de
        findings:
          - { rule: case, found: ICIF }
";

#[test]
fn examples_that_give_their_findings_pass_and_others_fail() {
    let findings = audit_of(EXAMPLES);
    assert_eq!(rules(&findings), [(Rule::ExampleFailed, "Die ICIF.")]);
    let failed = &findings[0];
    assert_eq!(failed.severity, Severity::Error);
    assert_eq!(failed.line_of(EXAMPLES), 17);
    assert_eq!(
        failed.message,
        "example 2 of `icif` gives no findings, but lists `case` `ICIF`; \
         fix the glossary or the example's `findings`"
    );
}

#[test]
fn example_findings_compare_as_multisets() {
    let yaml = EXAMPLES.replace(
        "      - text: Die ICIF.\n        lang: de\n        findings:\n          - { rule: case, found: ICIF }\n",
        "      - text: Icif, ICIF und Icif.\n        lang: de\n        findings:\n          - { rule: case, found: Icif }\n          - { rule: case, found: Icif }\n",
    );
    let findings = audit_of(&yaml);
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn rules_turned_off_are_not_reported() {
    let yaml = "\
version: 1
rules:
  missing-language: off
concepts:
  - id: a
    terms:
      en: Alpha
      fr: Alpha
  - id: b
    terms:
      en: Beta
";
    assert!(audit_of(yaml).is_empty());
}

#[test]
fn report_document_is_the_glossary_text() {
    let yaml = "version: 1\nconcepts:\n  - id: a\n    terms:\n      en: Alpha\n";
    let glossary = load_str(Path::new("g.yaml"), yaml).expect("the test glossary loads");
    let report = audit(&Checker::new(glossary), yaml);
    assert_eq!(report.doc.text, yaml);
    assert_eq!(report.doc.path, Path::new("g.yaml"));
    assert!(report.outcome.coverage.is_none());
}

/// The 1-based line a finding starts on.
trait LineOf {
    fn line_of(&self, yaml: &str) -> usize;
}

impl LineOf for Finding {
    fn line_of(&self, yaml: &str) -> usize {
        yaml[..self.span.start].matches('\n').count() + 1
    }
}
