//! Validation: turns the raw serde structs into the checked model, or
//! reports the first problem as a node path and a message. Positions are
//! looked up only when a problem is reported (see [`super::locate`]).

use super::locate::{NodePath, Seg, Target};
use super::raw::{OneOrMany, RawConcept, RawEntry, RawExample, RawGlossary, RawTerm, Text};
use super::{Concept, Entry, Example, Glossary};
use crate::finding::{Rule, Severity};
use crate::lang::LangTag;
use crate::regex_pattern::RegexPattern;
use rayon::prelude::*;
use std::collections::hash_map::{Entry as Slot, HashMap};
use std::collections::BTreeMap;
use std::path::Path;

/// The key two forms are compared by (SPEC §1: "compared after folding").
pub(crate) type KeyFn = fn(&str, bool) -> String;

/// A problem found by validation, at a node of the YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// Where it is.
    pub node: NodePath,
    /// The key or the value of that node.
    pub target: Target,
    /// What is wrong.
    pub message: Message,
}

/// What is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Message {
    /// The full message.
    Plain(String),
    /// Something given twice: rendered as `{what}, first on line N; {fix}`,
    /// with the line of `first` found only when reporting.
    Repeated {
        what: String,
        first: NodePath,
        fix: &'static str,
    },
}

impl Problem {
    fn at(node: NodePath, target: Target, message: String) -> Problem {
        Problem {
            node,
            target,
            message: Message::Plain(message),
        }
    }

    fn repeated(node: NodePath, what: String, first: NodePath, fix: &'static str) -> Problem {
        Problem {
            node,
            target: Target::Key,
            message: Message::Repeated { what, first, fix },
        }
    }
}

fn key(name: &str) -> Seg {
    Seg::Key(name.to_string())
}

/// Checks `raw` and builds the model.
pub(crate) fn build(path: &Path, raw: RawGlossary, fold: KeyFn) -> Result<Glossary, Problem> {
    check_version(raw.version.as_ref())?;
    let source_language = raw
        .source_language
        .as_deref()
        .map(source_language)
        .transpose()?;
    let rules = rules(raw.rules.0)?;
    check_ids(&raw.concepts)?;
    // Each concept on its own, on every core; the first problem in file
    // order is the one reported.
    let checked: Vec<Result<Concept, Problem>> = raw
        .concepts
        .into_par_iter()
        .enumerate()
        .map(|(i, c)| concept(i, c, fold))
        .collect();
    let concepts = checked.into_iter().collect::<Result<_, _>>()?;
    Ok(Glossary {
        path: path.to_path_buf(),
        source_language,
        rules,
        concepts,
    })
}

/// `version` must be the number 1.
pub(crate) fn check_version(version: Option<&serde_yaml::Value>) -> Result<(), Problem> {
    use serde_yaml::Value;
    let text = match version {
        None | Some(Value::Null) => {
            let message = "missing `version`; add `version: 1` at the top of the glossary";
            return Err(Problem::at(Vec::new(), Target::Value, message.into()));
        }
        Some(Value::Number(n)) if n.as_u64() == Some(1) => return Ok(()),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => format!("{s:?}"),
        Some(Value::Bool(b)) => b.to_string(),
        Some(_) => "(not a number)".into(),
    };
    let message = format!("unsupported glossary version `{text}`; termlint reads version 1");
    Err(Problem::at(vec![key("version")], Target::Value, message))
}

fn source_language(tag: &str) -> Result<LangTag, Problem> {
    LangTag::parse(tag).map_err(|e| {
        let node = vec![key("source_language")];
        Problem::at(node, Target::Value, format!("`source_language`: {e}"))
    })
}

type Rules = BTreeMap<Rule, Option<Severity>>;

fn rules(pairs: Vec<(String, String)>) -> Result<Rules, Problem> {
    let mut rules = Rules::new();
    let mut seen: Vec<Rule> = Vec::new();
    for (j, (name, severity)) in pairs.iter().enumerate() {
        let node = vec![key("rules"), Seg::Entry(j)];
        let rule: Rule = name.parse().map_err(|()| {
            let message = format!(
                "unknown rule `{name}` in `rules`; use one of {}",
                Rule::ALL.map(|r| format!("`{r}`")).join(", ")
            );
            Problem::at(node.clone(), Target::Key, message)
        })?;
        if let Some(first) = seen.iter().position(|r| *r == rule) {
            let what = format!("rule `{rule}` is set twice");
            let first = vec![key("rules"), Seg::Entry(first)];
            return Err(Problem::repeated(node, what, first, "keep one"));
        }
        seen.push(rule);
        rules.insert(rule, rule_severity(&rule, severity, node)?);
    }
    Ok(rules)
}

fn rule_severity(rule: &Rule, text: &str, node: NodePath) -> Result<Option<Severity>, Problem> {
    if text == "off" {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|()| {
        let message = format!(
            "rule `{rule}`: unknown severity `{text}`; use `error`, `warning`, `info` or `off`"
        );
        Problem::at(node, Target::Value, message)
    })
}

fn concept_node(i: usize, rest: &[Seg]) -> NodePath {
    let mut node = vec![key("concepts"), Seg::Index(i)];
    node.extend_from_slice(rest);
    node
}

/// Ids are well-formed and unique. Checked in one pass before the
/// concepts are built, borrowing the ids instead of copying them.
fn check_ids(concepts: &[RawConcept]) -> Result<(), Problem> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(concepts.len());
    for (i, c) in concepts.iter().enumerate() {
        let node = concept_node(i, &[key("id")]);
        if let Some(message) = id_problem(&c.id) {
            return Err(Problem::at(node, Target::Value, message));
        }
        if let Slot::Occupied(first) = seen.entry(&c.id) {
            let what = format!("duplicate concept id `{}`", c.id);
            let first = concept_node(*first.get(), &[key("id")]);
            let mut problem = Problem::repeated(node, what, first, "give each concept its own id");
            problem.target = Target::Value;
            return Err(problem);
        }
        seen.insert(&c.id, i);
    }
    Ok(())
}

/// Why `id` is not `[a-z0-9._-]+`, if it is not.
fn id_problem(id: &str) -> Option<String> {
    let allowed = |c: char| matches!(c, 'a'..='z' | '0'..='9' | '.' | '_' | '-');
    if id.is_empty() {
        return Some("concept id is empty; use lowercase letters, digits, `.`, `_` and `-`".into());
    }
    if id.chars().all(allowed) {
        return None;
    }
    let slug: String = id
        .to_lowercase()
        .chars()
        .map(|c| if allowed(c) { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let hint = if slug.is_empty() {
        String::new()
    } else {
        format!(", e.g. `{slug}`")
    };
    Some(format!(
        "concept id `{id}` may only contain lowercase letters, digits, `.`, `_` and `-`; rename it{hint}"
    ))
}

fn concept(i: usize, raw: RawConcept, fold: KeyFn) -> Result<Concept, Problem> {
    let id = raw.id;
    let terms = raw.terms.map(|t| t.0).unwrap_or_default();
    if terms.is_empty() {
        let message =
            format!("concept `{id}` has no terms; add at least one language under `terms`");
        return Err(Problem::at(concept_node(i, &[]), Target::Value, message));
    }
    let mut entries: Vec<Entry> = Vec::with_capacity(terms.len());
    for (j, (lang, term)) in terms.into_iter().enumerate() {
        let at = |rest: &[Seg]| {
            let mut node = concept_node(i, &[key("terms"), Seg::Entry(j)]);
            node.extend_from_slice(rest);
            node
        };
        let lang = LangTag::parse(&lang)
            .map_err(|e| Problem::at(at(&[]), Target::Key, format!("concept `{id}`: {e}")))?;
        if let Some(first) = entries.iter().position(|e| e.lang == lang) {
            let what = format!("concept `{id}`: language `{lang}` is listed twice");
            let first = concept_node(i, &[key("terms"), Seg::Entry(first)]);
            return Err(Problem::repeated(
                at(&[]),
                what,
                first,
                "merge the two entries",
            ));
        }
        let context = EntryContext {
            id: &id,
            lang: &lang,
            at: &at,
        };
        entries.push(entry(&context, lang.clone(), term)?);
    }
    let examples = raw
        .examples
        .into_iter()
        .enumerate()
        .map(|(k, example)| self::example(i, &id, k, example))
        .collect::<Result<Vec<_>, _>>()?;
    let concept = Concept {
        id,
        note: raw.note,
        dnt: raw.dnt,
        entries,
        examples,
    };
    check_overlaps(i, &concept, fold)?;
    Ok(concept)
}

/// What an entry's messages and positions need to know.
struct EntryContext<'a> {
    id: &'a str,
    lang: &'a LangTag,
    at: &'a dyn Fn(&[Seg]) -> NodePath,
}

impl EntryContext<'_> {
    /// `form`, unless it has no text.
    fn non_empty(&self, form: String, kind: &str, rest: &[Seg]) -> Result<String, Problem> {
        if form.trim().is_empty() {
            Err(self.empty(kind, rest))
        } else {
            Ok(form)
        }
    }

    fn empty(&self, kind: &str, rest: &[Seg]) -> Problem {
        let message = format!(
            "concept `{}`: `{}` has an empty {kind}; write the term or remove it",
            self.id, self.lang
        );
        Problem::at((self.at)(rest), Target::Value, message)
    }

    /// Every form of a list field, each non-empty.
    fn list(&self, forms: Vec<Text>, field: &str, kind: &str) -> Result<Vec<String>, Problem> {
        forms
            .into_iter()
            .enumerate()
            .map(|(k, Text(form))| self.non_empty(form, kind, &[key(field), Seg::Index(k)]))
            .collect()
    }

    /// The `patterns` list: each non-empty and a regular expression termlint
    /// can run (the `regex` crate's syntax, plus lookaround and
    /// backreferences).
    fn patterns(&self, forms: Vec<Text>) -> Result<Vec<String>, Problem> {
        let patterns = self.list(forms, "patterns", "pattern")?;
        for (k, pattern) in patterns.iter().enumerate() {
            if let Err(error) = RegexPattern::new(pattern) {
                let message = format!(
                    "concept `{}`: `{}` pattern `{pattern}` is not a regular expression termlint can run: {error}",
                    self.id, self.lang,
                );
                let node = (self.at)(&[key("patterns"), Seg::Index(k)]);
                return Err(Problem::at(node, Target::Value, message));
            }
        }
        Ok(patterns)
    }
}

fn entry(cx: &EntryContext, lang: LangTag, term: RawTerm) -> Result<Entry, Problem> {
    match term {
        RawTerm::Shorthand(form) => Ok(Entry {
            lang,
            official: vec![cx.non_empty(form, "term", &[])?],
            variants: Vec::new(),
            case_sensitive: false,
            inflect: true,
            patterns: Vec::new(),
        }),
        RawTerm::Missing => {
            // `de:` with nothing after it: the key is where the eye goes.
            let mut problem = cx.empty("term", &[]);
            problem.target = Target::Key;
            Err(problem)
        }
        RawTerm::Full(full) => full_entry(cx, lang, full),
    }
}

fn full_entry(cx: &EntryContext, lang: LangTag, full: RawEntry) -> Result<Entry, Problem> {
    let mut official = match full.official {
        OneOrMany::One(form) => vec![cx.non_empty(form, "official form", &[key("official")])?],
        OneOrMany::Many(forms) if forms.is_empty() => {
            let message = format!(
                "concept `{}`: `{lang}` has an empty `official` list; list at least one official form",
                cx.id
            );
            return Err(Problem::at(
                (cx.at)(&[key("official")]),
                Target::Value,
                message,
            ));
        }
        OneOrMany::Many(forms) => cx.list(forms, "official", "official form")?,
    };
    let mut variants = cx.list(full.variants, "variants", "variant")?;
    // The lists are kept for the whole run, and a list read from YAML has
    // room to spare: a term base has hundreds of thousands of them.
    official.shrink_to_fit();
    variants.shrink_to_fit();
    Ok(Entry {
        lang,
        official,
        variants,
        case_sensitive: full.case_sensitive.unwrap_or(false),
        inflect: full.inflect.unwrap_or(true),
        patterns: cx.patterns(full.patterns)?,
    })
}

/// An example's language and expected rules must be ones termlint knows.
fn example(i: usize, id: &str, k: usize, raw: RawExample) -> Result<Example, Problem> {
    let at = |rest: &[Seg]| concept_node(i, &[&[key("examples"), Seg::Index(k)], rest].concat());
    let lang = LangTag::parse(&raw.lang).map_err(|e| {
        Problem::at(
            at(&[key("lang")]),
            Target::Value,
            format!("concept `{id}`: example: {e}"),
        )
    })?;
    let mut findings = Vec::with_capacity(raw.findings.len());
    for (n, expected) in raw.findings.into_iter().enumerate() {
        let rule = expected.rule.parse::<Rule>().map_err(|()| {
            let message = format!(
                "concept `{id}`: example: unknown rule `{}`; use one of {}",
                expected.rule,
                Rule::ALL.map(|r| format!("`{r}`")).join(", ")
            );
            Problem::at(
                at(&[key("findings"), Seg::Index(n), key("rule")]),
                Target::Value,
                message,
            )
        })?;
        findings.push((rule, expected.found));
    }
    Ok(Example {
        text: raw.text,
        lang,
        findings,
    })
}

/// No variant may equal (after folding) an official form of its own
/// entry — it could never be reported. For a `dnt` concept, whose official
/// forms are accepted in every language, no variant may equal an official
/// form of any entry. Otherwise a form may be official in one language and
/// a variant in another (SPEC §3: `Peking` is English variant, German
/// official).
fn check_overlaps(i: usize, concept: &Concept, fold: KeyFn) -> Result<(), Problem> {
    for (j, entry) in concept.entries.iter().enumerate() {
        // Most entries have no variants; skip folding their forms.
        if entry.variants.is_empty() {
            continue;
        }
        let pool: Vec<&Entry> = if concept.dnt {
            concept.entries.iter().collect()
        } else {
            vec![entry]
        };
        let officials: Vec<(&Entry, &str, String)> = pool
            .into_iter()
            .flat_map(|e| e.official.iter().map(move |o| (e, o.as_str())))
            .map(|(e, o)| (e, o, fold(o, entry.case_sensitive)))
            .collect();
        for (k, variant) in entry.variants.iter().enumerate() {
            let folded = fold(variant, entry.case_sensitive);
            if let Some((owner, official, _)) = officials.iter().find(|(_, _, o)| *o == folded) {
                let clash = Clash {
                    concept,
                    entry,
                    variant,
                    owner,
                    official,
                };
                let node = concept_node(
                    i,
                    &[key("terms"), Seg::Entry(j), key("variants"), Seg::Index(k)],
                );
                return Err(Problem::at(node, Target::Value, clash.message(fold)));
            }
        }
    }
    Ok(())
}

/// A variant that folds to an official form.
struct Clash<'a> {
    concept: &'a Concept,
    entry: &'a Entry,
    variant: &'a str,
    owner: &'a Entry,
    official: &'a str,
}

impl Clash<'_> {
    fn message(&self, fold: KeyFn) -> String {
        let (id, lang, variant) = (&self.concept.id, &self.entry.lang, self.variant);
        let official = self.official;
        if self.owner.lang != *lang {
            let owner = &self.owner.lang;
            return format!(
                "concept `{id}`: `{lang}` variant `{variant}` is an official form of `{owner}`, \
                 and `dnt` accepts official forms in every language; remove one of them"
            );
        }
        if variant == official {
            return format!(
                "concept `{id}`: `{lang}` variant `{variant}` is also its official form; remove one of them"
            );
        }
        // Differs only by case: `case_sensitive` is the way to keep both.
        let case_only = !self.entry.case_sensitive && fold(variant, true) != fold(official, true);
        let hint = if case_only {
            ", or set `case_sensitive: true` to tell them apart by case"
        } else {
            ""
        };
        format!(
            "concept `{id}`: `{lang}` variant `{variant}` equals its official form `{official}` \
             after folding; remove one of them{hint}"
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::glossary::load_str;
    use std::path::Path;

    fn err(yaml: &str) -> String {
        match load_str(Path::new("glossary.yaml"), yaml) {
            Ok(_) => "loaded".to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn refuses_broken_pattern_at_the_pattern() {
        let yaml = "version: 1\nconcepts:\n  - id: a\n    terms:\n      en:\n        official: to\n        patterns:\n          - in order to\n          - 'as a (means'\n";
        let message = err(yaml);
        assert!(
            message.starts_with(
                "glossary.yaml:9:13: concept `a`: `en` pattern `as a (means` is not a regular expression termlint can run: unclosed group"
            ),
            "{message}"
        );
    }

    #[test]
    fn accepts_lookaround_pattern() {
        let yaml = "version: 1\nconcepts:\n  - id: a\n    terms:\n      en:\n        official: to\n        patterns: ['as a means(?= to)']\n";
        assert_eq!(err(yaml), "loaded");
    }

    #[test]
    fn accepts_compiling_patterns() {
        let yaml = "version: 1\nconcepts:\n  - id: a\n    terms:\n      en:\n        official: phone\n        patterns: ['(?:cell|smart) ?phone']\n";
        assert_eq!(err(yaml), "loaded");
    }
}
