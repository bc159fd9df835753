//! The glossary (SPEC §1): the checked model the rest of termlint reads,
//! loaded from YAML by [`load`] and found on disk by [`discover`].

mod discover;
mod flow_depth;
mod load;
pub(crate) mod locate;
mod quick;
mod raw;
pub mod schema;
mod shape;
mod split;
mod validate;

pub use discover::discover;
pub use load::{load, load_str, GlossaryError};
pub(crate) use load::{read_error, utf8_error};

use crate::finding::{Rule, Severity};
use crate::lang::LangTag;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A loaded, validated glossary.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Glossary {
    /// Where it was read from.
    pub path: PathBuf,
    /// Default language of `--source` texts.
    pub source_language: Option<LangTag>,
    /// Severity overrides; `None` turns a rule off.
    pub rules: BTreeMap<Rule, Option<Severity>>,
    /// Concepts in file order (file order decides shared forms).
    pub concepts: Vec<Concept>,
}

/// One named thing and its names per language.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Concept {
    /// Unique id, `[a-z0-9._-]+`.
    pub id: String,
    /// Free text shown in reports.
    pub note: Option<String>,
    /// Do not translate: every official form is right in every language.
    pub dnt: bool,
    /// Entries in file order, one per language tag.
    pub entries: Vec<Entry>,
    /// Executable examples: texts and the findings they must give.
    pub examples: Vec<Example>,
}

/// A text and the findings checking it must give (prh's `specs`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Example {
    /// The text to check.
    pub text: String,
    /// Its language.
    pub lang: LangTag,
    /// Each expected finding's rule and the text it reports, in order.
    pub findings: Vec<(Rule, String)>,
}

/// The names of a concept in one language.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The entry's language.
    pub lang: LangTag,
    /// Accepted forms, preferred first; never empty.
    pub official: Vec<String>,
    /// Known wrong renderings.
    pub variants: Vec<String>,
    /// Compare case exactly (the `case` rule applies).
    pub case_sensitive: bool,
    /// Let words carry inflectional endings.
    pub inflect: bool,
    /// Regular expressions matching further wrong renderings (variants),
    /// matched on folded text with the same word boundaries.
    pub patterns: Vec<String>,
}

impl Glossary {
    /// The severity of `rule` in this glossary, `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.rules.get(&rule) {
            Some(over) => *over,
            None => Some(rule.default_severity()),
        }
    }

    /// Every language some entry uses, sorted.
    pub fn languages(&self) -> Vec<LangTag> {
        // A set of the few distinct tags, not a sort of every entry's: a
        // term base has hundreds of thousands of entries in a few languages.
        let mut seen: std::collections::HashSet<&LangTag> = std::collections::HashSet::new();
        let mut last: Option<&LangTag> = None;
        for lang in self
            .concepts
            .iter()
            .flat_map(|c| c.entries.iter().map(|e| &e.lang))
        {
            if last != Some(lang) {
                seen.insert(lang);
                last = Some(lang);
            }
        }
        let mut langs: Vec<LangTag> = seen.into_iter().cloned().collect();
        langs.sort();
        langs
    }
}

impl Concept {
    /// The entry a text in `lang` uses: `lang` itself, else the nearest
    /// shorter tag (`de-CH` falls back to `de`).
    pub fn entry_for(&self, lang: &LangTag) -> Option<&Entry> {
        lang.fallback_strs()
            .find_map(|tag| self.entries.iter().find(|e| e.lang.as_str() == tag))
    }
}

/// One folded form used by several concepts; matches of it belong to the
/// first (SPEC §3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedForm {
    /// The form as the first concept writes it.
    pub form: String,
    /// Indexes of the concepts that use it, in file order.
    pub concepts: Vec<usize>,
}

impl Glossary {
    /// Forms that two or more concepts share after folding.
    pub fn shared_forms(&self) -> Vec<SharedForm> {
        use crate::fold::{fold_str, FoldOptions};
        let mut by_key: std::collections::HashMap<String, usize> = Default::default();
        let mut shared: Vec<SharedForm> = Vec::new();
        for (ci, concept) in self.concepts.iter().enumerate() {
            let forms = concept
                .entries
                .iter()
                .flat_map(|e| e.official.iter().chain(&e.variants));
            for form in forms {
                let key = fold_str(form, FoldOptions { case: true });
                let at = *by_key.entry(key).or_insert_with(|| {
                    shared.push(SharedForm {
                        form: form.clone(),
                        concepts: Vec::new(),
                    });
                    shared.len() - 1
                });
                if shared[at].concepts.last() != Some(&ci) {
                    shared[at].concepts.push(ci);
                }
            }
        }
        shared.retain(|s| s.concepts.len() > 1);
        shared
    }
}
