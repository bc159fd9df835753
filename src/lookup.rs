//! `termlint glossary lookup TEXT`: every concept whose forms match a text,
//! with the same folding and inflection as `check`.
//!
//! Consumes a [`Checker`] and a text; writes, per concept found (in glossary
//! order), its id and note, each match with the glossary form it matched,
//! and the concept's forms in every language. With a language, each match
//! also gets what `check` would say about it in a text of that language.

use crate::check::Checker;
use crate::document::Document;
use crate::finding::{Finding, Rule};
use crate::glossary::{Concept, Entry, Glossary};
use crate::lang::LangTag;
use crate::matcher::{FormKind, FormRef, Match, Matcher};
use std::io::{self, Write};

/// Writes every concept whose forms occur in `text` (judged in `lang` when
/// given), with its official forms in every language, variants and note.
/// Returns the number of concepts found; with none, says so.
pub fn lookup(
    out: &mut dyn Write,
    checker: &Checker,
    text: &str,
    lang: Option<&LangTag>,
) -> io::Result<usize> {
    let glossary = checker.glossary();
    // `Checker` keeps its matcher to itself; compiling the same glossary
    // again gives the same renderings in the same order, so the indexes of
    // `Checker::matches` point into this one.
    let matcher = Matcher::new(glossary);
    let matches = checker.matches(text);
    let findings = match lang {
        Some(lang) => verdict_findings(checker, text, lang),
        None => Vec::new(),
    };
    let view = View {
        glossary,
        matcher: &matcher,
        text,
        lang,
        findings: &findings,
    };
    let found = concepts_found(&matches, view.matcher);
    if found.is_empty() {
        let path = glossary.path.display();
        writeln!(out, "no concept of {path} matches '{text}'")?;
    }
    for &concept in &found {
        view.write_concept(out, concept, &matches)?;
    }
    Ok(found.len())
}

/// The findings `check` gives on `text` as a plain document in `lang` that
/// judge single matches (not the per-document `inconsistent`).
fn verdict_findings(checker: &Checker, text: &str, lang: &LangTag) -> Vec<Finding> {
    let doc = Document::new("-", text.to_string(), lang.clone());
    let judging = [Rule::Forbidden, Rule::Untranslated, Rule::Case];
    checker
        .check(&doc, None)
        .findings
        .into_iter()
        .filter(|f| judging.contains(&f.rule))
        .collect()
}

/// Indexes of the concepts that some match belongs to, in glossary order.
fn concepts_found(matches: &[Match], matcher: &Matcher) -> Vec<usize> {
    let mut found: Vec<usize> = matches
        .iter()
        .map(|m| matcher.rendering(m.rendering).concept)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Everything one lookup writes from.
struct View<'a> {
    glossary: &'a Glossary,
    matcher: &'a Matcher,
    text: &'a str,
    lang: Option<&'a LangTag>,
    findings: &'a [Finding],
}

impl View<'_> {
    /// The concept's heading, its matches, then its entries.
    fn write_concept(
        &self,
        out: &mut dyn Write,
        index: usize,
        matches: &[Match],
    ) -> io::Result<()> {
        let concept = &self.glossary.concepts[index];
        writeln!(out, "{}", heading(concept))?;
        let own = matches
            .iter()
            .filter(|m| self.matcher.rendering(m.rendering).concept == index);
        for m in own {
            writeln!(out, "  matched: {}", self.describe_match(concept, m))?;
        }
        for entry in &concept.entries {
            writeln!(out, "  {}: {}", entry.lang, entry_forms(entry))?;
        }
        Ok(())
    }

    /// `'found' as 'form' (kind, lang)`, and with a language the verdict.
    fn describe_match(&self, concept: &Concept, m: &Match) -> String {
        let found = &self.text[m.span.clone()];
        let forms = self.matcher.rendering(m.rendering).forms();
        let mut line = format!("'{found}'");
        if let Some(form) = forms.clone().next().filter(|f| f.text != found) {
            line.push_str(&format!(" as '{}'", form.text));
        }
        let kinds: Vec<String> = forms.map(|f| form_kind(concept, &f)).collect();
        line.push_str(&format!(" ({})", kinds.join("; ")));
        if let Some(lang) = self.lang {
            line.push_str(&format!(": {}", self.verdict(concept, m, lang)));
        }
        line
    }

    /// What `check` says about the match in a text of `lang`.
    fn verdict(&self, concept: &Concept, m: &Match, lang: &LangTag) -> String {
        let finding = self
            .findings
            .iter()
            .find(|f| f.span == m.span && f.concept == concept.id);
        match finding {
            Some(f) => format!("{} in {lang}, use '{}'", f.rule, f.expected),
            None if concept.dnt || concept.entry_for(lang).is_some() => {
                format!("accepted in {lang}")
            }
            None => format!("not checked in {lang} (the concept has no {lang} entry)"),
        }
    }
}

/// `id — note`, with `(do not translate)` for `dnt` concepts.
fn heading(concept: &Concept) -> String {
    let mut line = concept.id.clone();
    if let Some(note) = &concept.note {
        line.push_str(&format!(" — {note}"));
    }
    if concept.dnt {
        line.push_str(" (do not translate)");
    }
    line
}

/// `preferred, de` / `official, en` / `variant, de`.
fn form_kind(concept: &Concept, form: &FormRef) -> String {
    let kind = match form.kind {
        FormKind::Official { rank: 0 } => "preferred",
        FormKind::Official { .. } => "official",
        FormKind::Variant => "variant",
    };
    format!("{kind}, {}", concept.entries[form.entry].lang)
}

/// `A (preferred), B; variants: X, Y; patterns: P`.
fn entry_forms(entry: &Entry) -> String {
    let mut official = entry.official.iter();
    let mut line = official
        .next()
        .map(|f| format!("{f} (preferred)"))
        .unwrap_or_default();
    for form in official {
        line.push_str(&format!(", {form}"));
    }
    if !entry.variants.is_empty() {
        line.push_str(&format!("; variants: {}", entry.variants.join(", ")));
    }
    if !entry.patterns.is_empty() {
        line.push_str(&format!("; patterns: {}", entry.patterns.join(", ")));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::load_str;
    use std::path::Path;

    const GLOSSARY: &str = "\
version: 1
concepts:
  - id: mct
    note: the ministry
    terms:
      zh: 文化和旅游部
      en:
        official: Ministry of Culture and Tourism
        variants: [Ministry of Tourism and Culture]
      de:
        official: Ministerium für Kultur und Tourismus
        variants: [Kultur- und Tourismusministerium]
  - id: icif
    terms:
      en: ICIF
";

    fn run(text: &str, lang: Option<&str>) -> (usize, String) {
        let glossary = load_str(Path::new("glossary.yaml"), GLOSSARY).expect("test glossary loads");
        let checker = Checker::new(glossary);
        let lang = lang.map(|l| LangTag::parse(l).expect("test language is valid"));
        let mut out = Vec::new();
        let found = lookup(&mut out, &checker, text, lang.as_ref()).expect("writes to a Vec");
        (found, String::from_utf8(out).expect("output is UTF-8"))
    }

    #[test]
    fn inflected_variant_names_its_form_and_language() {
        let (found, out) = run("des Kultur- und Tourismusministeriums", None);
        assert_eq!(found, 1);
        assert!(out.contains(
            "matched: 'Kultur- und Tourismusministeriums' as 'Kultur- und Tourismusministerium' (variant, de)\n"
        ), "{out}");
        assert!(out.contains("  de: Ministerium für Kultur und Tourismus (preferred); variants: Kultur- und Tourismusministerium\n"), "{out}");
    }

    #[test]
    fn variant_in_its_language_is_forbidden_with_the_preferred_form() {
        let (_, out) = run("Kultur- und Tourismusministeriums", Some("de"));
        assert!(
            out.contains(": forbidden in de, use 'Ministerium für Kultur und Tourismus'\n"),
            "{out}"
        );
    }

    #[test]
    fn chinese_inside_a_sentence_is_found_and_accepted_in_chinese() {
        let (found, out) = run("今天文化和旅游部发布了通知", Some("zh"));
        assert_eq!(found, 1);
        assert!(
            out.contains("matched: '文化和旅游部' (preferred, zh): accepted in zh\n"),
            "{out}"
        );
    }

    #[test]
    fn official_form_of_another_language_is_untranslated() {
        let (_, out) = run("文化和旅游部", Some("de"));
        assert!(out.contains("untranslated in de"), "{out}");
    }

    #[test]
    fn concept_without_an_entry_is_not_checked() {
        let (_, out) = run("the ICIF", Some("de"));
        assert!(
            out.contains("not checked in de (the concept has no de entry)"),
            "{out}"
        );
    }

    #[test]
    fn concepts_are_listed_once_in_glossary_order() {
        let (found, out) = run("ICIF and ICIF, Ministry of Culture and Tourism", None);
        assert_eq!(found, 2);
        assert!(out.starts_with("mct — the ministry\n"), "{out}");
        assert_eq!(out.matches("icif\n").count(), 1, "{out}");
    }

    #[test]
    fn no_match_says_so_and_counts_zero() {
        let (found, out) = run("nothing here", None);
        assert_eq!(found, 0);
        assert_eq!(out, "no concept of glossary.yaml matches 'nothing here'\n");
    }
}
