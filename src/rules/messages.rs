//! The one-line messages of findings, in one place so that every output
//! format says the same thing.

use super::judge::Verdict;
use super::SourceUse;
use crate::finding::{Rendering, Rule};
use crate::glossary::Concept;
use crate::lang::{english_name, LangTag};

/// The message of a per-match finding.
pub(crate) fn for_verdict(
    verdict: &Verdict,
    found: &str,
    expected: &str,
    concept: &Concept,
    text_lang: &LangTag,
) -> String {
    match verdict {
        Verdict::Forbidden { lang } => format!(
            "'{found}' is a known wrong {} rendering of {}; use '{expected}'",
            english_name(lang),
            what(concept)
        ),
        Verdict::Untranslated { lang } => format!(
            "{} name '{found}' left in {} text; use '{expected}'",
            english_name(lang),
            english_name(text_lang)
        ),
        Verdict::Accepted { .. } => format!("'{found}' has wrong capitals; write '{expected}'"),
        Verdict::NotChecked => String::new(),
    }
}

/// The message of an `inconsistent` finding.
pub(crate) fn inconsistent(concept: &Concept, renderings: &[Rendering], expected: &str) -> String {
    let list: Vec<String> = renderings
        .iter()
        .map(|r| format!("'{}' ({}×)", r.form, r.count))
        .collect();
    format!(
        "{} is named {} ways in this document: {}; use '{expected}' throughout",
        what(concept),
        renderings.len(),
        list.join(", ")
    )
}

/// The message of a `missing` or `count-mismatch` finding: what the source
/// wrote, where it first did, and the counts.
pub(crate) fn pair(rule: Rule, source: &SourceUse<'_>, expected: &str) -> String {
    let times = |n: usize| {
        if n == 1 {
            "once".to_string()
        } else {
            format!("{n} times")
        }
    };
    let named = super::one_line(&source.doc.text[source.first.span.clone()]);
    let (line, column) = source.doc.line_col(source.first.span.start);
    let at = format!("{}:{line}:{column}", source.doc.path.display());
    let counts = source.counts;
    if rule == Rule::Missing {
        format!(
            "the source names '{named}' {} (first at {at}) but the translation never does; expected '{expected}'",
            times(counts.source)
        )
    } else {
        format!(
            "the source names '{named}' {} (first at {at}), the translation only {}; expected '{expected}'",
            times(counts.source),
            times(counts.target)
        )
    }
}

/// How a concept is named in messages: its id in backticks.
fn what(concept: &Concept) -> String {
    format!("`{}`", concept.id)
}
