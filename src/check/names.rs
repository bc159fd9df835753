//! Every name a text holds, wrong or right: the occurrences of glossary
//! concepts with the rules' verdict on each. Findings report only the wrong
//! ones; a review page also counts and links the right ones, per concept.

use super::Checker;
use crate::document::Document;
use crate::lang::LangTag;
use crate::matcher::Match;
use crate::rules::{judge, Rules, Verdict};
use crate::segment::Segment;
use std::ops::Range;

/// One occurrence of a concept's name in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Byte span in the file.
    pub span: Range<usize>,
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Index of the rendering (the glossary form it matched).
    pub rendering: usize,
    /// The glossary's spelling of the rendering, the text's language first.
    pub form: String,
    /// What the rules say about it in the text's language.
    pub verdict: Verdict,
}

impl Checker {
    /// Every name in `doc`'s segments, in file order, each judged in its
    /// segment's language.
    pub fn occurrences(&self, doc: &Document) -> Vec<Occurrence> {
        let rules = Rules::new(&self.glossary, &self.matcher);
        rules
            .judge_all(doc, self.document_matches(doc))
            .into_iter()
            .map(|j| self.occurrence(&rules, j.matched, j.verdict, &j.lang))
            .collect()
    }

    /// The names in the source text of each of `doc`'s in-file pairs, one
    /// list per pair, judged in the pair's source language (not judged
    /// when the file does not say it).
    pub fn pair_occurrences(&self, doc: &Document) -> Vec<Vec<Occurrence>> {
        let rules = Rules::new(&self.glossary, &self.matcher);
        doc.pairs
            .iter()
            .map(|pair| {
                pair.source
                    .iter()
                    .flat_map(|s| self.source_names(&rules, s, pair.source_lang.as_ref()))
                    .collect()
            })
            .collect()
    }

    fn source_names(
        &self,
        rules: &Rules<'_>,
        segment: &Segment,
        lang: Option<&LangTag>,
    ) -> Vec<Occurrence> {
        let lang = segment.lang.as_ref().or(lang);
        self.segment_matches(segment, usize::MAX)
            .into_iter()
            .map(|m| {
                let verdict = match lang {
                    Some(lang) => {
                        let written = &segment.text[m.text.clone()];
                        judge(&self.glossary, &self.matcher, lang, written, m.rendering)
                    }
                    None => Verdict::NotChecked,
                };
                let shown = lang.cloned().unwrap_or_else(LangTag::undetermined);
                self.occurrence(rules, m, verdict, &shown)
            })
            .collect()
    }

    fn occurrence(
        &self,
        rules: &Rules<'_>,
        m: Match,
        verdict: Verdict,
        lang: &LangTag,
    ) -> Occurrence {
        Occurrence {
            concept: self.matcher.rendering(m.rendering).concept,
            form: rules.rendering_form(m.rendering, lang),
            rendering: m.rendering,
            span: m.span,
            verdict,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::load_str;
    use std::path::Path;

    const GLOSSARY: &str = r#"
version: 1
concepts:
  - id: urumqi
    terms:
      zh: 乌鲁木齐
      en: Urumqi
      de:
        official: [Ürümqi, Urumqi]
        variants: [Urumtschi]
"#;

    fn checker() -> Checker {
        Checker::new(load_str(Path::new("g.yaml"), GLOSSARY).expect("test glossary loads"))
    }

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).expect("valid tag")
    }

    #[test]
    fn accepted_names_are_occurrences_too() {
        let text = "Ürümqi, Urumtschi und Ürümqis Parks.";
        let doc = Document::new("t.txt", text.to_string(), tag("de"));
        let names = checker().occurrences(&doc);
        let got: Vec<(&str, &str, bool)> = names
            .iter()
            .map(|o| {
                (
                    &text[o.span.clone()],
                    o.form.as_str(),
                    o.verdict.is_accepted(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Ürümqi", "Ürümqi", true),
                ("Urumtschi", "Urumtschi", false),
                ("Ürümqis", "Ürümqi", true),
            ]
        );
    }
}
