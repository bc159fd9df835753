//! Gathering imported terms into concepts: one concept per set of official
//! forms, its variants, patterns and examples, turned into a glossary that
//! passes validation.

use crate::fold::{fold_str, FoldOptions};
use crate::glossary::{Concept, Entry, Example, Glossary};
use crate::lang::LangTag;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// A concept being gathered.
#[derive(Debug, Clone, Default)]
struct Pending {
    note: Option<String>,
    official: Vec<String>,
    variants: Vec<String>,
    patterns: Vec<String>,
    examples: Vec<Example>,
    case_sensitive: bool,
}

/// Concepts keyed by their official forms, in the order first seen.
#[derive(Debug, Clone)]
pub(in crate::interchange) struct Collector {
    lang: LangTag,
    pending: Vec<Pending>,
    by_official: HashMap<Vec<String>, usize>,
}

impl Collector {
    /// An empty collector whose entries are in `lang`.
    pub(in crate::interchange) fn new(lang: LangTag) -> Collector {
        Collector {
            lang,
            pending: Vec::new(),
            by_official: HashMap::new(),
        }
    }

    /// The language of the entries.
    pub(in crate::interchange) fn lang(&self) -> &LangTag {
        &self.lang
    }

    /// The concept whose official forms are `official`, created (with
    /// `note`) the first time.
    pub(in crate::interchange) fn concept(&mut self, official: Vec<String>, note: &str) -> usize {
        let next = self.pending.len();
        let at = *self.by_official.entry(official.clone()).or_insert(next);
        if at == next {
            self.pending.push(Pending {
                note: Some(note.to_string()),
                official,
                ..Pending::default()
            });
        }
        at
    }

    /// Adds a wrong rendering written as plain text.
    pub(in crate::interchange) fn variant(&mut self, concept: usize, form: String) {
        push_new(&mut self.pending[concept].variants, form);
    }

    /// Adds a regular expression matching wrong renderings.
    pub(in crate::interchange) fn pattern(&mut self, concept: usize, pattern: String) {
        push_new(&mut self.pending[concept].patterns, pattern);
    }

    /// Adds an example.
    pub(in crate::interchange) fn example(&mut self, concept: usize, example: Example) {
        self.pending[concept].examples.push(example);
    }

    /// Compares the concept's forms by case.
    pub(in crate::interchange) fn case_sensitive(&mut self, concept: usize) {
        self.pending[concept].case_sensitive = true;
    }

    /// The glossary, read from `path`.
    pub(in crate::interchange) fn finish(self, path: &Path) -> Glossary {
        let mut ids = HashSet::new();
        let lang = self.lang;
        let concepts = self
            .pending
            .into_iter()
            .enumerate()
            .map(|(n, p)| concept(p, &lang, unique_id(&mut ids, n)))
            .collect();
        Glossary {
            path: path.to_path_buf(),
            source_language: None,
            rules: BTreeMap::new(),
            concepts,
        }
    }
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The concept, with variants that fold to an official form removed, and
/// `case_sensitive` set when a variant differs from one only by case.
fn concept(mut p: Pending, lang: &LangTag, id: impl FnOnce(&str) -> String) -> Concept {
    let key = |form: &str, case: bool| fold_str(form, FoldOptions { case });
    let exact: HashSet<String> = p.official.iter().map(|o| key(o, false)).collect();
    p.variants.retain(|v| !exact.contains(&key(v, false)));
    let loose: HashSet<String> = p.official.iter().map(|o| key(o, true)).collect();
    let case_only = p.variants.iter().any(|v| loose.contains(&key(v, true)));
    let id = id(&p.official[0]);
    Concept {
        id,
        note: p.note,
        dnt: false,
        entries: vec![Entry {
            lang: lang.clone(),
            official: p.official,
            variants: p.variants,
            case_sensitive: p.case_sensitive || case_only,
            // Vale and prh match what they list, without endings.
            inflect: false,
            patterns: p.patterns,
        }],
        examples: p.examples,
    }
}

/// Makes ids unique: the official form sanitized, else `term-N`.
fn unique_id(taken: &mut HashSet<String>, n: usize) -> impl FnOnce(&str) -> String + '_ {
    move |official| {
        let base = sanitize(official).unwrap_or_else(|| format!("term-{}", n + 1));
        let mut id = base.clone();
        let mut k = 2;
        while !taken.insert(id.clone()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        id
    }
}

/// Lowercase ASCII letters and digits, other runs as one `-`; `None` when
/// nothing is left (a form in another script).
pub(in crate::interchange) fn sanitize(form: &str) -> Option<String> {
    let mut id = String::new();
    for c in form.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_' {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    (!id.is_empty() && id.chars().any(|c| c.is_ascii_alphanumeric())).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> LangTag {
        LangTag::parse("en").expect("en is a tag")
    }

    #[test]
    fn same_official_forms_share_a_concept() {
        let mut c = Collector::new(en());
        let a = c.concept(vec!["touch & hold".into()], "r");
        let b = c.concept(vec!["touch & hold".into()], "r");
        assert_eq!(a, b);
    }

    #[test]
    fn case_only_variant_makes_the_entry_case_sensitive() {
        let mut c = Collector::new(en());
        let url = c.concept(vec!["URL".into()], "r");
        c.variant(url, "url".into());
        let g = c.finish(Path::new("g"));
        assert!(g.concepts[0].entries[0].case_sensitive);
        assert_eq!(g.concepts[0].id, "url");
    }

    #[test]
    fn ids_are_sanitized_and_unique() {
        assert_eq!(sanitize("Wi-Fi"), Some("wi-fi".to_string()));
        assert_eq!(sanitize("touch & hold"), Some("touch-hold".to_string()));
        assert_eq!(sanitize("受け付け"), None);
        let mut c = Collector::new(en());
        c.concept(vec!["OK".into(), "okay".into()], "r");
        c.concept(vec!["OK".into()], "r");
        let g = c.finish(Path::new("g"));
        assert_eq!(g.concepts[1].id, "ok-2");
    }
}
