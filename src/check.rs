//! Checking one document: fold → match → judge → findings, and with a
//! source text the pair rules. Owns the compiled glossary.

use crate::document::Document;
use crate::finding::Finding;
use crate::fold::{fold, FoldOptions};
use crate::glossary::Glossary;
use crate::matcher::{Match, Matcher};
use crate::rules::{Coverage, Rules};

/// A glossary compiled for checking.
pub struct Checker {
    glossary: Glossary,
    matcher: Matcher,
}

/// What checking one document found.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Findings sorted by position, then rule.
    pub findings: Vec<Finding>,
    /// With a source text: one entry per concept the source names.
    pub coverage: Option<Vec<Coverage>>,
}

impl Checker {
    /// Compiles `glossary`.
    pub fn new(glossary: Glossary) -> Checker {
        let matcher = Matcher::new(&glossary);
        Checker { glossary, matcher }
    }

    /// The glossary being checked against.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Every match in `text`, leftmost-longest, spans in the original.
    pub fn matches(&self, text: &str) -> Vec<Match> {
        let folded = fold(text, FoldOptions { case: true });
        self.matcher.find(&folded)
    }

    /// Checks `doc`, and when `source` is given, the pair.
    pub fn check(&self, doc: &Document, source: Option<&Document>) -> Outcome {
        let rules = Rules::new(&self.glossary, &self.matcher);
        let judged = rules.judge_all(doc, self.matches(&doc.text));
        let mut findings = rules.document_findings(doc, &judged);
        let coverage = source.map(|src| {
            let source_matches = self.matches(&src.text);
            let (pair, coverage) = rules.pair_findings(doc, &judged, src, &source_matches);
            findings.extend(pair);
            coverage
        });
        findings.sort_by(|a, b| {
            (a.span.start, a.rule, &a.concept, a.span.end).cmp(&(
                b.span.start,
                b.rule,
                &b.concept,
                b.span.end,
            ))
        });
        Outcome { findings, coverage }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Rule, Severity};
    use crate::glossary::load_str;
    use crate::lang::LangTag;
    use std::path::Path;

    const GLOSSARY: &str = r#"
version: 1
source_language: zh
concepts:
  - id: beijing
    terms:
      en:
        official: Beijing
        variants: [Peking]
      de: Peking
      zh: 北京
  - id: mct
    terms:
      zh: 文化和旅游部
      en: Ministry of Culture and Tourism
      de:
        official: Ministerium für Kultur und Tourismus
        variants: [Kultur- und Tourismusministerium]
  - id: urumqi
    terms:
      zh: 乌鲁木齐
      en: Urumqi
      de:
        official: [Ürümqi, Urumqi]
  - id: github
    dnt: true
    terms:
      en:
        official: GitHub
        variants: [Github]
        case_sensitive: true
  - id: chuchichaschtli
    terms:
      de-CH: Chuchichäschtli
  - id: park
    terms:
      zh: 文化产业园区
      en: Cultural Industry Park
      de: Kulturindustriepark
      de-CH: Kulturindustriepark Schweiz
"#;

    fn checker(yaml: &str) -> Checker {
        Checker::new(load_str(Path::new("g.yaml"), yaml).expect("test glossary loads"))
    }

    fn doc(lang: &str, text: &str) -> Document {
        Document::new(
            "t.txt",
            text.to_string(),
            LangTag::parse(lang).expect("valid tag"),
        )
    }

    fn rules(lang: &str, text: &str) -> Vec<(Rule, String)> {
        checker(GLOSSARY)
            .check(&doc(lang, text), None)
            .findings
            .into_iter()
            .map(|f| (f.rule, f.found))
            .collect()
    }

    fn r(rule: Rule, found: &str) -> (Rule, String) {
        (rule, found.to_string())
    }

    #[test]
    fn form_accepted_in_the_texts_language_is_never_flagged() {
        assert!(rules("de", "Wir fliegen nach Peking.").is_empty());
        assert_eq!(
            rules("en", "We fly to Peking."),
            vec![r(Rule::Forbidden, "Peking")]
        );
    }

    #[test]
    fn other_languages_official_form_is_untranslated() {
        assert_eq!(
            rules("de", "Das Ministry of Culture and Tourism lud ein."),
            vec![r(Rule::Untranslated, "Ministry of Culture and Tourism")]
        );
    }

    #[test]
    fn variant_is_forbidden() {
        assert_eq!(
            rules("de", "Das Kultur- und Tourismusministerium lud ein."),
            vec![r(Rule::Forbidden, "Kultur- und Tourismusministerium")]
        );
    }

    #[test]
    fn two_official_forms_mixed_are_inconsistent_once() {
        let text = "Ürümqi, Urumqi und wieder Urumqi.";
        let findings = checker(GLOSSARY).check(&doc("de", text), None).findings;
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(
            (f.rule, f.found.as_str(), f.span.start),
            (Rule::Inconsistent, "Urumqi", 10)
        );
        let counts: Vec<(&str, usize)> = f
            .renderings
            .iter()
            .map(|r| (r.form.as_str(), r.count))
            .collect();
        assert_eq!(counts, vec![("Ürümqi", 1), ("Urumqi", 2)]);
    }

    #[test]
    fn inflection_and_case_are_one_rendering() {
        let text =
            "Ministerium für Kultur und Tourismus; des MINISTERIUMS FÜR KULTUR UND TOURISMUS";
        assert!(rules("de", text).is_empty());
    }

    #[test]
    fn case_allows_a_capital_first_letter_only() {
        assert!(rules("de", "GitHub und GitHubs").is_empty());
        assert_eq!(rules("de", "Auf GITHUB"), vec![r(Rule::Case, "GITHUB")]);
        assert_eq!(
            rules("de", "Auf Github"),
            vec![r(Rule::Forbidden, "Github")]
        );
    }

    #[test]
    fn concept_without_an_entry_for_the_language_is_not_checked() {
        assert!(rules("fr", "Le Ministry of Culture and Tourism").is_empty());
        assert!(rules("de", "Chuchichäschtli").is_empty());
    }

    #[test]
    fn dnt_concept_is_checked_in_every_language() {
        assert_eq!(rules("fr", "sur GITHUB"), vec![r(Rule::Case, "GITHUB")]);
    }

    #[test]
    fn regional_entry_wins_and_falls_back_to_the_language() {
        assert!(rules("de-CH", "Chuchichäschtli und Ürümqi").is_empty());
        assert_eq!(
            rules(
                "de-CH",
                "der Kulturindustriepark Schweiz und der Kulturindustriepark"
            ),
            vec![
                r(Rule::Untranslated, "Kulturindustriepark"),
                r(Rule::Inconsistent, "Kulturindustriepark")
            ]
        );
    }

    #[test]
    fn rules_overrides_change_severity_or_turn_off() {
        let yaml = GLOSSARY.replace(
            "source_language: zh",
            "rules: { untranslated: warning, forbidden: off }",
        );
        let findings = checker(&yaml)
            .check(
                &doc(
                    "de",
                    "Das Ministry of Culture and Tourism; das Kultur- und Tourismusministerium",
                ),
                None,
            )
            .findings;
        let got: Vec<(Rule, Severity)> = findings.iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(
            got,
            vec![
                (Rule::Untranslated, Severity::Warning),
                (Rule::Inconsistent, Severity::Warning)
            ]
        );
    }

    #[test]
    fn source_names_a_concept_the_translation_lost() {
        let source = doc("zh", "文化和旅游部与文化产业园区。文化产业园区。");
        let target = doc("de", "Der Kulturindustriepark.");
        let outcome = checker(GLOSSARY).check(&target, Some(&source));
        type Row = (Rule, String, Option<(usize, usize)>);
        let got: Vec<Row> = outcome
            .findings
            .iter()
            .map(|f| {
                (
                    f.rule,
                    f.concept.clone(),
                    f.counts.map(|c| (c.source, c.target)),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Rule::Missing, "mct".to_string(), Some((1, 0))),
                (Rule::CountMismatch, "park".to_string(), Some((2, 1))),
            ]
        );
        let coverage = outcome.coverage.expect("coverage with a source");
        assert_eq!(coverage.len(), 2);
        assert_eq!(
            (
                coverage[1].source_count,
                coverage[1].target_count,
                coverage[1].other_count
            ),
            (2, 1, 0)
        );
    }

    #[test]
    fn wrong_renderings_count_as_other_in_coverage() {
        let source = doc("zh", "文化产业园区");
        let target = doc("de", "Cultural Industry Park");
        let outcome = checker(GLOSSARY).check(&target, Some(&source));
        let coverage = outcome.coverage.expect("coverage with a source");
        assert_eq!((coverage[0].target_count, coverage[0].other_count), (0, 1));
        assert!(outcome.findings.iter().all(|f| f.rule != Rule::Missing));
    }
}
