//! Problems of forms: shared by concepts, part of a longer form, folding
//! together within an entry, or not matching at all.

use super::{concept_node, Problem};
use crate::boundary::is_boundary;
use crate::check::Checker;
use crate::finding::Rule;
use crate::fold::{fold_str, FoldOptions};
use crate::glossary::locate::{NodePath, Seg};
use crate::glossary::Glossary;
use crate::lang::LangTag;
use daachorse::CharwiseDoubleArrayAhoCorasick;
use std::collections::hash_map::{Entry, HashMap};
use std::collections::BTreeMap;

/// One official form or variant, where it is in the glossary.
#[derive(Debug, Clone)]
struct Form<'g> {
    concept: usize,
    entry: usize,
    lang: &'g LangTag,
    official: bool,
    /// Position in its `official` or `variants` list.
    index: usize,
    text: &'g str,
    /// Folded as matching folds it (case folded).
    folded: String,
    /// The concept is `dnt`: its forms count in every language.
    dnt: bool,
    case_sensitive: bool,
}

impl Form<'_> {
    fn node(&self) -> NodePath {
        let list = if self.official {
            "official"
        } else {
            "variants"
        };
        // For `de: Name` and `official: Name` locate stops at the scalar,
        // the nearest node on this path: the form itself.
        concept_node(
            self.concept,
            &[
                Seg::Key("terms".into()),
                Seg::Entry(self.entry),
                Seg::Key(list.into()),
                Seg::Index(self.index),
            ],
        )
    }

    fn kind(&self) -> &'static str {
        if self.official {
            "official form"
        } else {
            "variant"
        }
    }

    /// A problem about this form.
    fn problem(&self, rule: Rule, expected: &str, message: String) -> Problem {
        Problem {
            rule,
            node: self.node(),
            lang: Some(self.lang.clone()),
            concept: self.concept,
            found: self.text.to_string(),
            expected: expected.to_string(),
            message,
        }
    }
}

/// Every form problem of the glossary `checker` was built from.
pub(super) fn problems(checker: &Checker) -> Vec<Problem> {
    let glossary = checker.glossary();
    let forms = collect(glossary);
    let mut problems = shared(glossary, &forms);
    problems.extend(swallowed(glossary, &forms));
    problems.extend(collisions(&forms));
    problems.extend(forms.iter().filter_map(|f| unmatchable(checker, f)));
    problems
}

fn collect(glossary: &Glossary) -> Vec<Form<'_>> {
    let mut forms = Vec::new();
    for (ci, concept) in glossary.concepts.iter().enumerate() {
        for (ei, entry) in concept.entries.iter().enumerate() {
            let official = entry.official.iter().map(|t| (true, t));
            let variants = entry.variants.iter().map(|t| (false, t));
            let lists = official.enumerate().chain(variants.enumerate());
            forms.extend(lists.map(|(index, (official, text))| Form {
                concept: ci,
                entry: ei,
                lang: &entry.lang,
                official,
                index,
                text,
                folded: fold_str(text, FoldOptions { case: true }),
                dnt: concept.dnt,
                case_sensitive: entry.case_sensitive,
            }));
        }
    }
    forms
}

/// Forms several concepts share after folding: matches go to the first
/// concept (SPEC §3). Reported once per later concept, at its first use of
/// the form; as `variant-is-official` when one side lists it as a variant.
fn shared(glossary: &Glossary, forms: &[Form]) -> Vec<Problem> {
    let mut groups: BTreeMap<&str, Vec<&Form>> = BTreeMap::new();
    for form in forms {
        groups.entry(&form.folded).or_default().push(form);
    }
    let mut problems = Vec::new();
    for group in groups.values() {
        let first = group[0];
        let mut seen = vec![first.concept];
        for form in group.iter().filter(|f| f.concept != first.concept) {
            if !seen.contains(&form.concept) {
                seen.push(form.concept);
                problems.push(shared_problem(glossary, first, form));
            }
        }
    }
    problems
}

/// The problem of `later` sharing the form of `first`, an earlier concept.
fn shared_problem(glossary: &Glossary, first: &Form, later: &Form) -> Problem {
    let id = |f: &Form| glossary.concepts[f.concept].id.clone();
    if first.official != later.official {
        let (variant, official) = if first.official {
            (later, first)
        } else {
            (first, later)
        };
        let message = format!(
            "variant `{}` of `{}` is an official form of `{}`, so correct uses of one are \
             reported or counted as the other; remove the variant or merge the concepts",
            variant.text,
            id(variant),
            id(official)
        );
        let fix = "remove the variant, or merge the concepts";
        return variant.problem(Rule::VariantIsOfficial, fix, message);
    }
    let message = format!(
        "{} `{}` is also a form of `{}`, which comes first in the file and takes every match; \
         remove it from one of the concepts or merge them",
        later.kind(),
        later.text,
        id(first)
    );
    let fix = format!(
        "remove it from `{}` or `{}`, or merge them",
        id(first),
        id(later)
    );
    later.problem(Rule::AmbiguousForm, &fix, message)
}

/// Forms that are a whole-word part of a longer form of another concept in
/// the same language. Matching prefers the longest form, so inside the
/// longer form only its concept is reported and counted. Reported once per
/// form, naming the first longer form.
///
/// One automaton over every folded form finds, in each form, the shorter
/// forms it holds: a glossary of 50,000 forms is not compared pair by pair.
fn swallowed(glossary: &Glossary, forms: &[Form]) -> Vec<Problem> {
    let longer = first_longer_forms(forms);
    forms
        .iter()
        .zip(longer)
        .filter_map(|(short, long)| {
            let long = &forms[long?];
            let (short_id, long_id) = (
                &glossary.concepts[short.concept].id,
                &glossary.concepts[long.concept].id,
            );
            let message = format!(
                "{} `{}` of `{short_id}` is part of `{}` of `{long_id}`; inside it only \
                 `{long_id}` is reported and counted",
                short.kind(),
                short.text,
                long.text
            );
            let note = format!("inside `{}` this is `{long_id}`", long.text);
            Some(short.problem(Rule::SwallowedForm, &note, message))
        })
        .collect()
}

/// For each form, the first form (in glossary order) that swallows it.
fn first_longer_forms(forms: &[Form]) -> Vec<Option<usize>> {
    let mut longer = vec![None; forms.len()];
    // The forms of each distinct folded text, in order.
    let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, form) in forms
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.folded.is_empty())
    {
        by_text.entry(&form.folded).or_default().push(i);
    }
    let texts: Vec<(&str, Vec<usize>)> = by_text.into_iter().collect();
    let Ok(automaton) = CharwiseDoubleArrayAhoCorasick::<u32>::new(texts.iter().map(|(t, _)| t))
    else {
        return longer;
    };
    let fallbacks = Fallbacks::of(forms);
    for (l, long) in forms.iter().enumerate() {
        for hit in automaton.find_overlapping_iter(&long.folded) {
            let bounded =
                is_boundary(&long.folded, hit.start()) && is_boundary(&long.folded, hit.end());
            if !bounded || hit.end() - hit.start() >= long.folded.len() {
                continue;
            }
            for &s in &texts[hit.value() as usize].1 {
                let short = &forms[s];
                if longer[s].is_none()
                    && long.concept != short.concept
                    && fallbacks.share_language(long, short)
                {
                    longer[s] = Some(l);
                }
            }
        }
    }
    longer
}

/// The fallback tags of every language of the forms, computed once.
struct Fallbacks<'g>(BTreeMap<&'g LangTag, Vec<LangTag>>);

impl<'g> Fallbacks<'g> {
    fn of(forms: &[Form<'g>]) -> Fallbacks<'g> {
        let mut all = BTreeMap::new();
        for form in forms {
            all.entry(form.lang)
                .or_insert_with(|| form.lang.fallbacks());
        }
        Fallbacks(all)
    }

    /// Whether a text could hold both forms: same language, a fallback of
    /// it, or a `dnt` concept.
    fn share_language(&self, a: &Form, b: &Form) -> bool {
        let falls_back =
            |x: &Form, y: &Form| self.0.get(x.lang).is_some_and(|f| f.contains(y.lang));
        a.dnt || b.dnt || falls_back(a, b) || falls_back(b, a)
    }
}

/// Forms of one entry that fold to the same text: all but the first are
/// redundant. (An official form and a variant that do so are refused by
/// the loader.) The forms of one list of one entry are neighbours in
/// `forms`.
fn collisions(forms: &[Form]) -> Vec<Problem> {
    let key = |f: &Form| {
        fold_str(
            f.text,
            FoldOptions {
                case: !f.case_sensitive,
            },
        )
    };
    let mut problems = Vec::new();
    let list = |f: &Form| (f.concept, f.entry, f.official);
    for group in forms.chunk_by(|a, b| list(a) == list(b)) {
        let mut first: HashMap<String, &Form> = HashMap::new();
        for form in group {
            match first.entry(key(form)) {
                Entry::Occupied(earlier) => problems.push(collision(earlier.get(), form)),
                Entry::Vacant(slot) => {
                    slot.insert(form);
                }
            }
        }
    }
    problems
}

fn collision(earlier: &Form, form: &Form) -> Problem {
    let what = if earlier.text == form.text {
        format!("{} `{}` is listed twice", form.kind(), form.text)
    } else {
        format!(
            "{} `{}` folds to the same text as `{}`",
            form.kind(),
            form.text,
            earlier.text
        )
    };
    let exact = |t: &str| fold_str(t, FoldOptions { case: false });
    let case_only = !form.case_sensitive && exact(earlier.text) != exact(form.text);
    let hint = if case_only {
        ", or set `case_sensitive: true` to tell them apart by case"
    } else {
        ""
    };
    let message = format!("{what}; remove one of them{hint}");
    form.problem(Rule::FoldedCollision, "remove one of them", message)
}

/// A form with white space at an end (it cannot match at the start or end
/// of a text, nor next to punctuation), or one that, checked as a text on
/// its own, is not matched in full (it folds to nothing, or a word boundary
/// rule cuts it).
fn unmatchable(checker: &Checker, form: &Form) -> Option<Problem> {
    let (why, fix) = if form.text.trim() != form.text {
        (
            "starts or ends with white space, so it cannot match at the start or end of a text",
            "remove the white space",
        )
    } else if form.folded.is_empty() {
        (
            "has no text after folding",
            "write the name or remove the form",
        )
    } else if !checker
        .matches(form.text)
        .iter()
        .any(|m| m.text == (0..form.text.len()))
    {
        (
            "does not match itself as a text, so it can never match",
            "remove punctuation or invisible characters at its ends",
        )
    } else {
        return None;
    };
    let message = format!("{} `{}` {why}; {fix}", form.kind(), form.text);
    Some(form.problem(Rule::UnmatchableForm, fix, message))
}
