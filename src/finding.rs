//! The one finding type every rule produces and every renderer reads.
//!
//! A [`Finding`] carries a byte span into the original text; lines and
//! columns are computed only when rendering (see [`crate::document`]).

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::str::FromStr;

/// A rule of SPEC §3, identified by its stable kebab-case id.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Rule {
    /// A listed variant occurs in the text.
    Forbidden,
    /// A form of another language occurs in the text.
    Untranslated,
    /// One document names one concept in more than one way.
    Inconsistent,
    /// A case-sensitive form occurs with other capitals.
    Case,
    /// The source names the concept, the translation never does.
    Missing,
    /// The translation names the concept fewer times than the source.
    CountMismatch,
    /// A `termlint-disable` comment that suppresses nothing.
    UnusedSuppression,
    /// Glossary: one form belongs to several concepts; the first takes its matches.
    AmbiguousForm,
    /// Glossary: a variant of one concept is an official form of another.
    VariantIsOfficial,
    /// Glossary: a form is a whole-word part of a longer form of another
    /// concept; inside the longer form only the longer one is reported.
    SwallowedForm,
    /// Glossary: a form that does not match where it should.
    UnmatchableForm,
    /// Glossary: two forms of one entry fold to the same text.
    FoldedCollision,
    /// Glossary: a concept lacks a language the glossary uses.
    MissingLanguage,
    /// Glossary: an executable example gives other findings than it lists.
    ExampleFailed,
}

impl Rule {
    /// Every rule: those of SPEC §3 in its order, then the glossary's own.
    pub const ALL: [Rule; 14] = [
        Rule::Forbidden,
        Rule::Untranslated,
        Rule::Inconsistent,
        Rule::Case,
        Rule::Missing,
        Rule::CountMismatch,
        Rule::UnusedSuppression,
        Rule::AmbiguousForm,
        Rule::VariantIsOfficial,
        Rule::SwallowedForm,
        Rule::UnmatchableForm,
        Rule::FoldedCollision,
        Rule::MissingLanguage,
        Rule::ExampleFailed,
    ];

    /// The stable id used in output and in the glossary's `rules:` map.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Forbidden => "forbidden",
            Rule::Untranslated => "untranslated",
            Rule::Inconsistent => "inconsistent",
            Rule::Case => "case",
            Rule::Missing => "missing",
            Rule::CountMismatch => "count-mismatch",
            Rule::UnusedSuppression => "unused-suppression",
            Rule::AmbiguousForm => "ambiguous-form",
            Rule::VariantIsOfficial => "variant-is-official",
            Rule::SwallowedForm => "swallowed-form",
            Rule::UnmatchableForm => "unmatchable-form",
            Rule::FoldedCollision => "folded-collision",
            Rule::MissingLanguage => "missing-language",
            Rule::ExampleFailed => "example-failed",
        }
    }

    /// The severity a rule has unless the glossary overrides it.
    pub fn default_severity(self) -> Severity {
        match self {
            Rule::Forbidden
            | Rule::Untranslated
            | Rule::Missing
            | Rule::UnmatchableForm
            | Rule::ExampleFailed => Severity::Error,
            Rule::Inconsistent
            | Rule::Case
            | Rule::AmbiguousForm
            | Rule::VariantIsOfficial
            | Rule::FoldedCollision => Severity::Warning,
            Rule::CountMismatch
            | Rule::UnusedSuppression
            | Rule::SwallowedForm
            | Rule::MissingLanguage => Severity::Info,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Rule {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL.into_iter().find(|r| r.id() == s).ok_or(())
    }
}

/// How serious a finding is; ordered so that `Info < Warning < Error`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// Worth knowing, rarely worth failing a build.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// The lowercase name used in output and configuration.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Severity {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(()),
        }
    }
}

/// One rendering of a concept and how often a document uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendering {
    /// The glossary form, as the glossary writes it.
    pub form: String,
    /// How many matches in the document come from this form.
    pub count: usize,
}

/// Counts attached to `missing` and `count-mismatch` findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Matches of the concept in the source text.
    pub source: usize,
    /// Matches of the concept in the translation, of every kind.
    pub target: usize,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that fired.
    pub rule: Rule,
    /// Its severity after the glossary's `rules:` overrides.
    pub severity: Severity,
    /// The checked file, as the user named it (`-` for stdin).
    pub path: PathBuf,
    /// The text's language (canonical BCP 47 tag).
    pub language: String,
    /// Byte span into the original file.
    pub span: Range<usize>,
    /// The concept's id.
    pub concept: String,
    /// The text as written at `span`.
    pub found: String,
    /// The preferred official form of the text's language.
    pub expected: String,
    /// The concept's note from the glossary, if any.
    pub note: Option<String>,
    /// A one-line human explanation.
    pub message: String,
    /// For `inconsistent`: every rendering with its count, in order of first use.
    pub renderings: Vec<Rendering>,
    /// For `missing` and `count-mismatch`: the counts compared.
    pub counts: Option<Counts>,
}

/// Findings built by hand for the tests of later stages.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Finding, Rule, Severity};
    use std::path::Path;

    /// A `forbidden` finding of `concept` for `found` at byte `start` of a
    /// German text at `path`.
    pub(crate) fn forbidden(path: &Path, start: usize, concept: &str, found: &str) -> Finding {
        Finding {
            rule: Rule::Forbidden,
            severity: Severity::Error,
            path: path.to_path_buf(),
            language: "de".to_string(),
            span: start..start + found.len(),
            concept: concept.to_string(),
            found: found.to_string(),
            expected: "Ürümqi".to_string(),
            note: None,
            message: String::new(),
            renderings: Vec::new(),
            counts: None,
        }
    }
}
