//! Rules (SPEC §3): judge every match of a document, then look at the
//! document as a whole (`inconsistent`) and, with source text, at each
//! source/translation pair (`missing`, `count-mismatch`, coverage).
//!
//! Consumes matches from [`crate::matcher`]; produces [`Finding`]s.

mod judge;
mod messages;

pub use judge::{judge, Verdict};

use crate::document::Document;
use crate::finding::{Counts, Finding, Rendering as Used, Rule, Severity};
use crate::glossary::{Concept, Glossary};
use crate::lang::LangTag;
use crate::matcher::{Match, Matcher};
use std::collections::BTreeMap;
use std::ops::Range;

/// A match together with its language and verdict.
#[derive(Debug, Clone)]
pub struct Judged {
    /// The match.
    pub matched: Match,
    /// The language of the text it was found in.
    pub lang: LangTag,
    /// What the rules say about it.
    pub verdict: Verdict,
}

/// How a source and its translation name one concept (SPEC §5 `coverage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// The concept's id.
    pub concept: String,
    /// Matches in the source, of any kind.
    pub source_count: usize,
    /// Matches in the translation of forms accepted in its language.
    pub target_count: usize,
    /// Matches in the translation of variants and other languages' forms.
    pub other_count: usize,
}

/// The source side of one pair: where its text lives and what it names.
pub struct SourceSide<'a> {
    /// The document holding the source text (for positions in messages).
    pub doc: &'a Document,
    /// Its matches, spans in `doc`.
    pub matches: &'a [Match],
}

/// The translated side of one pair.
pub struct TargetSide<'a> {
    /// The translation's matches, judged.
    pub judged: &'a [&'a Judged],
    /// Where a `missing` finding stands (the start of the translated text).
    pub anchor: usize,
    /// The translation's language.
    pub lang: &'a LangTag,
}

/// The rules applied to one glossary.
pub struct Rules<'g> {
    glossary: &'g Glossary,
    matcher: &'g Matcher,
}

impl<'g> Rules<'g> {
    /// Rules over `glossary`, whose forms `matcher` compiled.
    pub fn new(glossary: &'g Glossary, matcher: &'g Matcher) -> Rules<'g> {
        Rules { glossary, matcher }
    }

    /// Judges every match of `doc`, each in its segment's language.
    pub fn judge_all(&self, doc: &Document, matches: Vec<Match>) -> Vec<Judged> {
        matches
            .into_iter()
            .map(|m| {
                let segment = &doc.segments[m.segment];
                let lang = segment.lang.clone().unwrap_or_else(|| doc.lang.clone());
                let written = &segment.text[m.text.clone()];
                let verdict = judge(self.glossary, self.matcher, &lang, written, m.rendering);
                Judged {
                    matched: m,
                    lang,
                    verdict,
                }
            })
            .collect()
    }

    /// Findings of the per-match rules and of `inconsistent`.
    pub fn document_findings(&self, doc: &Document, judged: &[Judged]) -> Vec<Finding> {
        let mut findings: Vec<Finding> = judged
            .iter()
            .filter_map(|j| self.match_finding(doc, j))
            .collect();
        findings.extend(self.inconsistent(doc, judged));
        findings
    }

    /// `missing` and `count-mismatch` findings of one pair, and its coverage.
    pub fn pair_findings(
        &self,
        doc: &Document,
        target: &TargetSide<'_>,
        source: &SourceSide<'_>,
    ) -> (Vec<Finding>, Vec<Coverage>) {
        let source_counts = self.count_by_concept(source.matches.iter());
        let mut findings = Vec::new();
        let mut coverage = Vec::new();
        for (&ci, &(source_count, first)) in &source_counts {
            let of_concept: Vec<&Judged> = target
                .judged
                .iter()
                .copied()
                .filter(|j| self.concept_of(&j.matched) == ci)
                .collect();
            let accepted = of_concept
                .iter()
                .filter(|j| j.verdict.is_accepted())
                .count();
            coverage.push(Coverage {
                concept: self.glossary.concepts[ci].id.clone(),
                source_count,
                target_count: accepted,
                other_count: of_concept.len() - accepted,
            });
            let counts = Counts {
                source: source_count,
                target: of_concept.len(),
            };
            let source_use = SourceUse {
                doc: source.doc,
                first,
                counts,
            };
            findings.extend(self.pair_finding(doc, target, ci, &source_use, &of_concept));
        }
        (findings, coverage)
    }

    fn pair_finding(
        &self,
        doc: &Document,
        target: &TargetSide<'_>,
        ci: usize,
        source: &SourceUse<'_>,
        of_concept: &[&Judged],
    ) -> Option<Finding> {
        let concept = &self.glossary.concepts[ci];
        let counts = source.counts;
        if !is_checked(concept, target.lang) || counts.target >= counts.source {
            return None;
        }
        let (rule, span) = match of_concept.first() {
            None => (Rule::Missing, target.anchor..target.anchor),
            Some(first) => (Rule::CountMismatch, first.matched.span.clone()),
        };
        let severity = self.glossary.severity(rule)?;
        let expected = preferred_form(concept, target.lang);
        let message = messages::pair(rule, source, &expected);
        let draft = Draft {
            rule,
            severity,
            concept: ci,
            span,
            lang: target.lang.clone(),
            expected,
            message,
        };
        let mut finding = self.finding(doc, draft);
        finding.counts = Some(counts);
        Some(finding)
    }

    /// Per concept: how often the matches name it, and the first match.
    fn count_by_concept<'a>(
        &self,
        matches: impl Iterator<Item = &'a Match>,
    ) -> BTreeMap<usize, (usize, &'a Match)> {
        let mut counts = BTreeMap::new();
        for m in matches {
            counts.entry(self.concept_of(m)).or_insert((0, m)).0 += 1;
        }
        counts
    }

    fn concept_of(&self, m: &Match) -> usize {
        self.matcher.rendering(m.rendering).concept
    }

    fn match_finding(&self, doc: &Document, j: &Judged) -> Option<Finding> {
        let rule = j.verdict.rule()?;
        let severity = self.glossary.severity(rule)?;
        let ci = self.concept_of(&j.matched);
        let concept = &self.glossary.concepts[ci];
        let expected = preferred_form(concept, &j.lang);
        // The message quotes the name as read — markup, entities and line
        // breaks inside it resolved — on one line; `found` keeps the bytes.
        let segment = &doc.segments[j.matched.segment];
        let found = one_line(&segment.text[j.matched.text.clone()]);
        let message = messages::for_verdict(&j.verdict, &found, &expected, concept, &j.lang);
        let draft = Draft {
            rule,
            severity,
            concept: ci,
            span: j.matched.span.clone(),
            lang: j.lang.clone(),
            expected,
            message,
        };
        Some(self.finding(doc, draft))
    }

    /// One `inconsistent` finding per concept and language of the document
    /// (text marked as another language is judged on its own).
    fn inconsistent(&self, doc: &Document, judged: &[Judged]) -> Vec<Finding> {
        let Some(severity) = self.glossary.severity(Rule::Inconsistent) else {
            return Vec::new();
        };
        let mut groups: BTreeMap<(usize, &LangTag), Vec<&Judged>> = BTreeMap::new();
        for j in judged.iter().filter(|j| j.verdict.is_checked()) {
            let key = (self.concept_of(&j.matched), &j.lang);
            groups.entry(key).or_default().push(j);
        }
        groups
            .into_iter()
            .filter_map(|((ci, lang), uses)| {
                self.inconsistent_concept(doc, severity, ci, lang, &uses)
            })
            .collect()
    }

    fn inconsistent_concept(
        &self,
        doc: &Document,
        severity: Severity,
        ci: usize,
        lang: &LangTag,
        uses: &[&Judged],
    ) -> Option<Finding> {
        let mut order: Vec<usize> = Vec::new();
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        let mut second_at = None;
        for j in uses {
            let r = j.matched.rendering;
            if !counts.contains_key(&r) {
                order.push(r);
                if order.len() == 2 {
                    second_at = Some(j.matched.span.clone());
                }
            }
            *counts.entry(r).or_insert(0) += 1;
        }
        let span = second_at?;
        let concept = &self.glossary.concepts[ci];
        let renderings: Vec<Used> = order
            .iter()
            .map(|r| Used {
                form: self.display_form(*r, concept, lang),
                count: counts[r],
            })
            .collect();
        let expected = preferred_form(concept, lang);
        let message = messages::inconsistent(concept, &renderings, &expected);
        let draft = Draft {
            rule: Rule::Inconsistent,
            severity,
            concept: ci,
            span,
            lang: lang.clone(),
            expected,
            message,
        };
        let mut finding = self.finding(doc, draft);
        finding.renderings = renderings;
        Some(finding)
    }

    /// The glossary's spelling of `rendering`, preferring the entry of `lang`.
    pub fn rendering_form(&self, rendering: usize, lang: &LangTag) -> String {
        let ci = self.matcher.rendering(rendering).concept;
        self.display_form(rendering, &self.glossary.concepts[ci], lang)
    }

    /// The glossary's spelling of a rendering, preferring the text's language.
    fn display_form(&self, rendering: usize, concept: &Concept, lang: &LangTag) -> String {
        let r = self.matcher.rendering(rendering);
        let own = concept.entry_for(lang).map(|e| &e.lang);
        r.forms()
            .find(|f| Some(&concept.entries[f.entry].lang) == own)
            .or_else(|| r.first_form())
            .map_or(r.folded, |f| f.text)
            .to_string()
    }

    fn finding(&self, doc: &Document, draft: Draft) -> Finding {
        let concept = &self.glossary.concepts[draft.concept];
        Finding {
            rule: draft.rule,
            severity: draft.severity,
            path: doc.path.clone(),
            language: draft.lang.to_string(),
            found: doc.text[draft.span.clone()].to_string(),
            span: draft.span,
            concept: concept.id.clone(),
            note: concept.note.clone(),
            expected: draft.expected,
            message: draft.message,
            renderings: Vec::new(),
            counts: None,
        }
    }
}

/// How the source text names one concept.
pub(crate) struct SourceUse<'a> {
    /// The document holding the source text.
    pub(crate) doc: &'a Document,
    /// Its first match of the concept.
    pub(crate) first: &'a Match,
    /// Source and translation counts.
    pub(crate) counts: Counts,
}

/// What a rule decided, before it becomes a [`Finding`] of a document.
struct Draft {
    rule: Rule,
    severity: Severity,
    concept: usize,
    span: Range<usize>,
    lang: LangTag,
    expected: String,
    message: String,
}

/// `text` with every run of white space shown as one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `concept` is checked in a text of `lang` (SPEC §3: it needs an
/// entry for the language, unless it is `dnt`).
pub fn is_checked(concept: &Concept, lang: &LangTag) -> bool {
    concept.dnt || concept.entry_for(lang).is_some()
}

/// The preferred official form for a text in `lang`: the entry's first
/// official form; for a `dnt` concept without an entry, its first form.
pub fn preferred_form(concept: &Concept, lang: &LangTag) -> String {
    concept
        .entry_for(lang)
        .or_else(|| concept.entries.first())
        .and_then(|e| e.official.first())
        .cloned()
        .unwrap_or_default()
}
