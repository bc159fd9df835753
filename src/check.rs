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
