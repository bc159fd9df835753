//! Judging one match (SPEC §3 "How a match is judged"): accepted in the
//! text's language, else a variant (`forbidden`), else another language's
//! official form (`untranslated`); `case` for accepted case-sensitive forms.

use crate::finding::Rule;
use crate::fold::{fold_str, FoldOptions};
use crate::glossary::{Concept, Glossary};
use crate::lang::LangTag;
use crate::matcher::{FormKind, FormRef, Matcher};

/// What the rules say about one match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The concept has no entry for the text's language and is not `dnt`.
    NotChecked,
    /// A form accepted in the text's language; `case` when written with
    /// other capitals than the case-sensitive form allows.
    Accepted {
        /// Wrong capitals.
        case: bool,
    },
    /// A known wrong rendering, listed under `lang`.
    Forbidden {
        /// The language whose entry lists the variant.
        lang: LangTag,
    },
    /// An official form of another language.
    Untranslated {
        /// The language the form is official in.
        lang: LangTag,
    },
}

impl Verdict {
    /// The rule the verdict reports, if any.
    pub fn rule(&self) -> Option<Rule> {
        match self {
            Verdict::NotChecked | Verdict::Accepted { case: false } => None,
            Verdict::Accepted { case: true } => Some(Rule::Case),
            Verdict::Forbidden { .. } => Some(Rule::Forbidden),
            Verdict::Untranslated { .. } => Some(Rule::Untranslated),
        }
    }

    /// Whether the match names the concept in an accepted way.
    pub fn is_accepted(&self) -> bool {
        matches!(self, Verdict::Accepted { .. })
    }

    /// Whether the concept is checked in the text at all.
    pub fn is_checked(&self) -> bool {
        !matches!(self, Verdict::NotChecked)
    }
}

/// Judges a match of `rendering`, written as `written`, in a text of `lang`.
pub fn judge(
    glossary: &Glossary,
    matcher: &Matcher,
    lang: &LangTag,
    written: &str,
    rendering: usize,
) -> Verdict {
    let rendering = matcher.rendering(rendering);
    let concept = &glossary.concepts[rendering.concept];
    let own = concept.entry_for(lang).map(|e| &e.lang);
    if own.is_none() && !concept.dnt {
        return Verdict::NotChecked;
    }
    let found = fold_str(written, FoldOptions { case: false });
    let forms = candidate_forms(concept, rendering.forms(), &found);
    let accepted = |f: &FormRef| {
        matches!(f.kind, FormKind::Official { .. })
            && (concept.dnt || Some(&concept.entries[f.entry].lang) == own)
    };
    if let Some(form) = forms.iter().copied().find(|f| accepted(f)) {
        let sensitive = concept.entries[form.entry].case_sensitive;
        let case = sensitive && case_diff(&found, form.text) == CaseDiff::Other;
        return Verdict::Accepted { case };
    }
    let lang_of = |f: &FormRef| concept.entries[f.entry].lang.clone();
    if let Some(form) = forms.iter().find(|f| f.kind == FormKind::Variant) {
        return Verdict::Forbidden {
            lang: lang_of(form),
        };
    }
    match forms.first() {
        Some(form) => Verdict::Untranslated {
            lang: lang_of(form),
        },
        None => Verdict::NotChecked,
    }
}

/// The forms a match can come from: where a case-sensitive form is written
/// exactly as found, only those (and case-insensitive ones) count, so that a
/// case-only variant such as `Github` beside `GitHub` is told apart.
fn candidate_forms<'a>(
    concept: &Concept,
    forms: impl Iterator<Item = FormRef<'a>> + Clone,
    found: &str,
) -> Vec<FormRef<'a>> {
    let sensitive = |f: &FormRef| concept.entries[f.entry].case_sensitive;
    let exact: Vec<FormRef> = forms
        .clone()
        .filter(|f| sensitive(f) && case_diff(found, f.text) == CaseDiff::Same)
        .collect();
    if exact.is_empty() {
        return forms.collect();
    }
    let loose = forms.filter(|f| !sensitive(f));
    exact.into_iter().chain(loose).collect()
}

/// How the capitals of a text differ from a form's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseDiff {
    /// Same capitals.
    Same,
    /// Only the first letter is capitalized where the form has it small.
    FirstOnly,
    /// Other capitals differ.
    Other,
}

/// Compares capitals char by char up to the point where the words stop
/// agreeing (an inflectional ending), so `GitHubs` is as good as `GitHub`.
pub(crate) fn case_diff(found: &str, form: &str) -> CaseDiff {
    let form = fold_str(form, FoldOptions { case: false });
    let mut diff = CaseDiff::Same;
    for (i, (a, b)) in found.chars().zip(form.chars()).enumerate() {
        if a == b {
            continue;
        }
        if !same_letter(a, b) {
            break;
        }
        if i == 0 && a.is_uppercase() && b.is_lowercase() {
            diff = CaseDiff::FirstOnly;
        } else {
            return CaseDiff::Other;
        }
    }
    diff
}

/// Whether two characters are one letter in different case, as matching
/// reads them: Turkish dotted `İ` and dotless `ı` are `I`/`i` too (the
/// standard library lowers `İ` to `i` and a combining dot, which no `i`
/// equals).
fn same_letter(a: char, b: char) -> bool {
    let plain = |c: char| match c {
        'İ' | 'ı' => 'I',
        c => c,
    };
    plain(a).to_lowercase().eq(plain(b).to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_dotted_and_dotless_i_are_wrong_capitals() {
        assert_eq!(case_diff("istanbul", "İstanbul"), CaseDiff::Other);
        assert_eq!(case_diff("ISTANBUL", "İstanbul"), CaseDiff::Other);
        assert_eq!(case_diff("Istanbul", "İstanbul"), CaseDiff::Other);
        assert_eq!(case_diff("İsparta", "Isparta"), CaseDiff::Other);
        assert_eq!(case_diff("ısparta", "Isparta"), CaseDiff::Other);
        assert_eq!(case_diff("İstanbul", "İstanbul"), CaseDiff::Same);
        assert_eq!(case_diff("Izmir", "izmir"), CaseDiff::FirstOnly);
    }

    #[test]
    fn same_capitals_are_same() {
        assert_eq!(case_diff("GitHub", "GitHub"), CaseDiff::Same);
    }

    #[test]
    fn capital_first_letter_alone_is_allowed() {
        assert_eq!(case_diff("IPhone", "iPhone"), CaseDiff::FirstOnly);
    }

    #[test]
    fn lowered_first_letter_is_a_case_problem() {
        assert_eq!(case_diff("github", "GitHub"), CaseDiff::Other);
    }

    #[test]
    fn shouting_is_a_case_problem() {
        assert_eq!(case_diff("GITHUB", "GitHub"), CaseDiff::Other);
    }

    #[test]
    fn inflectional_ending_is_not_compared() {
        assert_eq!(case_diff("ICIFs", "ICIF"), CaseDiff::Same);
    }
}
