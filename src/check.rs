//! Checking one document: fold → match → judge → findings, and with a
//! source text the pair rules. Owns the compiled glossary.

mod names;

pub use names::Occurrence;

use crate::cache::sections;
use crate::document::Document;
use crate::finding::Finding;
use crate::fold::{fold, FoldOptions};
use crate::glossary::Glossary;
use crate::lang::LangTag;
use crate::matcher::{Match, Matcher, StoredMatcher, StoredTrie};
use crate::rules::{Coverage, Judged, Rules, SourceSide, TargetSide};
use crate::segment::Segment;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{Read, Seek, Write};
use std::ops::Range;
use std::path::Path;

/// Serializes a matcher through [`Matcher::store`].
struct Stored<'a>(&'a Matcher);

impl Serialize for Stored<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.store(serializer)
    }
}

/// A glossary compiled for checking.
pub struct Checker {
    glossary: Glossary,
    matcher: Matcher,
    languages: Vec<LangTag>,
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
        let languages = glossary.languages();
        Checker {
            glossary,
            matcher,
            languages,
        }
    }

    /// Writes the compiled glossary (the cache's body) to `out`: three
    /// sections — the anchors' trie, the glossary with its languages, the
    /// rest of the matcher — so that reading them back holds one section's
    /// bytes at a time. Each is written as it is serialized, never held
    /// whole in memory.
    pub fn store<W: Write + Seek>(&self, out: &mut W) -> std::io::Result<()> {
        sections::write(out, |w| self.matcher.store_trie(w).map(drop))?;
        sections::write(out, |w| {
            postcard::to_io(&(&self.glossary, &self.languages), w)
                .map(drop)
                .map_err(std::io::Error::other)
        })?;
        sections::write(out, |w| {
            postcard::to_io(&Stored(&self.matcher), w)
                .map(drop)
                .map_err(std::io::Error::other)
        })
    }

    /// Reads what [`Checker::store`] wrote, for the glossary now at
    /// `path`: `open(offset)` gives a reader at that byte of the cache
    /// file, and `sections` are its three sections' (offset, length). The
    /// three are decoded side by side. `None` when the bytes do not check
    /// out.
    pub fn restore<R: Read>(
        open: impl Fn(u64) -> Option<R> + Sync,
        sections: &[(u64, u64)],
        path: &Path,
    ) -> Option<Checker> {
        let &[trie, glossary, matcher] = sections else {
            return None;
        };
        let open = &open;
        let ((trie, glossary), matcher) = rayon::join(
            || {
                rayon::join(
                    || StoredTrie::read(open(trie.0)?, trie.1),
                    || sections::decode::<(Glossary, Vec<LangTag>)>(open(glossary.0)?, glossary.1),
                )
            },
            || {
                let stored: StoredMatcher = sections::decode(open(matcher.0)?, matcher.1)?;
                stored.checked()
            },
        );
        let (mut glossary, languages) = glossary?;
        let entries: Vec<usize> = glossary.concepts.iter().map(|c| c.entries.len()).collect();
        let matcher = Matcher::restore(matcher?, trie?, &entries)?;
        glossary.path = path.to_path_buf();
        Some(Checker {
            glossary,
            matcher,
            languages,
        })
    }

    /// Every language the glossary uses, sorted.
    pub fn languages(&self) -> &[LangTag] {
        &self.languages
    }

    /// The glossary being checked against.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// The compiled glossary.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Every match in `text`, leftmost-longest, spans in `text`.
    pub fn matches(&self, text: &str) -> Vec<Match> {
        let folded = fold(text, FoldOptions { case: true });
        let mut matches = self.matcher.find(&folded);
        // A vowel mark folding left out still belongs to the name's last
        // letter: the span takes it in (`وزارة الخزانةِ`).
        for m in &mut matches {
            let end = crate::fold::marks_after(text, m.text.end);
            m.text.end = end;
            m.span.end = end;
        }
        matches
    }

    /// Matches in `segment` (number `index` of its document), placed in
    /// the file.
    fn segment_matches(&self, segment: &Segment, index: usize) -> Vec<Match> {
        let mut matches = self.matches(&segment.text);
        for m in &mut matches {
            m.segment = index;
            m.span = segment.original(m.text.clone());
        }
        matches
    }

    /// Every match in `doc`'s segments, placed in the file: what the
    /// rules judge.
    pub fn document_matches(&self, doc: &Document) -> Vec<Match> {
        doc.segments
            .iter()
            .enumerate()
            .flat_map(|(i, s)| self.segment_matches(s, i))
            .collect()
    }

    /// Checks `doc`; with `source` (a separate source text) and with the
    /// pairs inside `doc`, also the pair rules.
    pub fn check(&self, doc: &Document, source: Option<&Document>) -> Outcome {
        let matches = source.map(|s| self.document_matches(s));
        self.check_against(doc, source.zip(matches.as_deref()))
    }

    /// `source` with its matches, for [`Checker::check_paired`]: a source
    /// text that several translations are checked against is read and
    /// matched once.
    pub fn paired_source(&self, source: Document) -> PairedSource {
        let matches = self.document_matches(&source);
        PairedSource {
            doc: source,
            matches,
        }
    }

    /// [`Checker::check`] against a source whose matches are already found.
    pub fn check_paired(&self, doc: &Document, source: Option<&PairedSource>) -> Outcome {
        self.check_against(doc, source.map(|s| (&s.doc, &s.matches[..])))
    }

    /// [`Checker::check`], the source text given with its matches in the
    /// order [`Checker::document_matches`] finds them (segment by segment).
    fn check_against(&self, doc: &Document, source: Option<(&Document, &[Match])>) -> Outcome {
        let rules = Rules::new(&self.glossary, &self.matcher);
        let judged = rules.judge_all(doc, self.document_matches(doc));
        let mut findings = rules.document_findings(doc, &judged);
        let mut coverage = CoverageSum::default();
        for pair in self.pairs(doc, source) {
            let target: Vec<&Judged> = judged
                .iter()
                .filter(|j| pair.covers(j.matched.segment))
                .collect();
            let target_side = TargetSide {
                judged: &target,
                anchor: pair.anchor,
                lang: pair.lang,
            };
            let source_side = SourceSide {
                doc: pair.source_doc,
                matches: &pair.source_matches,
            };
            let (found, cov) = rules.pair_findings(doc, &target_side, &source_side);
            findings.extend(found);
            coverage.add(cov);
        }
        findings.sort_by(|a, b| {
            (a.span.start, a.rule, &a.concept, a.span.end).cmp(&(
                b.span.start,
                b.rule,
                &b.concept,
                b.span.end,
            ))
        });
        Outcome {
            findings,
            coverage: coverage.finish(),
        }
    }

    /// The source/translation pairs of `doc`: its in-file pairs, and with a
    /// separate source, paragraph by paragraph when both have the same
    /// number of segments, else the whole documents.
    fn pairs<'d>(
        &self,
        doc: &'d Document,
        source: Option<(&'d Document, &'d [Match])>,
    ) -> Vec<PairRun<'d>> {
        let mut runs: Vec<PairRun<'d>> = doc
            .pairs
            .iter()
            .map(|pair| PairRun {
                targets: Some(pair.targets.clone()),
                anchor: pair.anchor,
                lang: doc
                    .segments
                    .get(pair.targets.start)
                    .and_then(|s| s.lang.as_ref())
                    .unwrap_or(&doc.lang),
                source_doc: doc,
                source_matches: Cow::Owned(
                    pair.source
                        .iter()
                        .flat_map(|s| self.segment_matches(s, usize::MAX))
                        .collect(),
                ),
            })
            .collect();
        let Some((src, matches)) = source else {
            return runs;
        };
        let aligned = src.segments.len() == doc.segments.len() && doc.segments.len() > 1;
        if aligned {
            // The matches of source segment `i` come before those of the
            // next, each with segment number `i`.
            let mut rest = matches;
            runs.extend(doc.segments.iter().enumerate().map(|(i, t)| {
                let (of_segment, after) = rest.split_at(rest.partition_point(|m| m.segment == i));
                rest = after;
                PairRun {
                    targets: Some(i..i + 1),
                    anchor: t.anchor,
                    lang: &doc.lang,
                    source_doc: src,
                    source_matches: Cow::Borrowed(of_segment),
                }
            }));
        } else {
            runs.push(PairRun {
                targets: None,
                anchor: 0,
                lang: &doc.lang,
                source_doc: src,
                source_matches: Cow::Borrowed(matches),
            });
        }
        runs
    }
}

/// One source text and the part of the document that translates it.
struct PairRun<'d> {
    /// The translated segments, or `None` for the whole document.
    targets: Option<Range<usize>>,
    anchor: usize,
    lang: &'d LangTag,
    source_doc: &'d Document,
    source_matches: Cow<'d, [Match]>,
}

/// A separate source text and its matches ([`Checker::paired_source`]).
#[derive(Debug, Clone)]
pub struct PairedSource {
    doc: Document,
    /// Segment by segment, as [`Checker::document_matches`] finds them.
    matches: Vec<Match>,
}

impl PairedSource {
    /// The source text.
    pub fn doc(&self) -> &Document {
        &self.doc
    }
}

impl PairRun<'_> {
    fn covers(&self, segment: usize) -> bool {
        self.targets.as_ref().is_none_or(|t| t.contains(&segment))
    }
}

/// Coverage summed over the pairs of one document, concepts in the order
/// they first appear.
#[derive(Default)]
struct CoverageSum {
    any: bool,
    entries: Vec<Coverage>,
}

impl CoverageSum {
    fn add(&mut self, coverage: Vec<Coverage>) {
        self.any = true;
        for c in coverage {
            match self.entries.iter_mut().find(|e| e.concept == c.concept) {
                Some(e) => {
                    e.source_count += c.source_count;
                    e.target_count += c.target_count;
                    e.other_count += c.other_count;
                }
                None => self.entries.push(c),
            }
        }
    }

    fn finish(self) -> Option<Vec<Coverage>> {
        self.any.then_some(self.entries)
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
    fn a_source_matched_once_checks_each_translation_as_before() {
        let checker = checker(GLOSSARY);
        let source = doc("zh", "北京。\n\n文化和旅游部。\n\n乌鲁木齐和北京。");
        let paired = checker.paired_source(source.clone());
        assert_eq!(paired.doc().text, source.text);
        // Block by block, and as a whole where the blocks differ.
        let aligned = doc("de", "Peking.\n\nDas Ministerium.\n\nÜrümqi.");
        let whole = doc(
            "de",
            "Peking und Ürümqi.\n\nDas Ministerium für Kultur und Tourismus.",
        );
        for target in [aligned, whole] {
            let shared = checker.check_paired(&target, Some(&paired));
            let own = checker.check(&target, Some(&source));
            assert_eq!(format!("{shared:?}"), format!("{own:?}"));
            assert!(shared.coverage.is_some());
        }
        let aligned = doc("de", "Peking.\n\nDas Ministerium.\n\nÜrümqi.");
        let found = checker.check_paired(&aligned, Some(&paired)).findings;
        let lost: Vec<(Rule, &str, usize)> = found
            .iter()
            .filter(|f| f.rule == Rule::Missing || f.rule == Rule::CountMismatch)
            .map(|f| (f.rule, f.concept.as_str(), f.span.start))
            .collect();
        // The ministry is lost in the second block, Beijing in the third.
        let second = aligned.text.find("Das").expect("second block");
        let third = aligned.text.find("Ürümqi").expect("third block");
        assert_eq!(
            lost,
            [
                (Rule::Missing, "mct", second),
                (Rule::Missing, "beijing", third)
            ]
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
