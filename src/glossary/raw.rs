//! Serde structs mirroring glossary.yaml exactly, before validation.
//!
//! Every struct refuses unknown fields, so a typo such as `offical` is an
//! error rather than a silently ignored line. Maps whose keys the user
//! chooses (`terms`, `rules`) are read as ordered pairs: file order matters
//! and repeated keys must be reported, not silently merged.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// The whole file.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(
    title = "termlint glossary",
    description = "Official names and their known wrong renderings, per language, checked by termlint."
)]
#[serde(
    deny_unknown_fields,
    expecting = "a glossary: a map with `version` and `concepts`"
)]
pub(crate) struct RawGlossary {
    /// Kept loose so that `version: 2` gets a version message, not a type error.
    #[schemars(
        schema_with = "super::schema::version",
        required,
        description = "The glossary format's version; termlint reads version 1."
    )]
    pub version: Option<serde_yaml::Value>,
    #[schemars(
        with = "Option<super::schema::LanguageTag>",
        description = "Default language of source texts (`check --source`), a BCP 47 tag such as `zh` or `en-GB`."
    )]
    pub source_language: Option<String>,
    #[serde(default)]
    #[schemars(schema_with = "super::schema::rules")]
    pub rules: Pairs<String>,
    #[serde(default)]
    #[schemars(
        description = "The concepts: each one named thing with its names per language. File order decides which concept a form shared by two concepts belongs to."
    )]
    pub concepts: Vec<RawConcept>,
}

/// Only the version, read when the full parse fails: a newer format's
/// unknown fields should be explained by its version, not by the field.
#[derive(Debug, Deserialize)]
pub(crate) struct RawVersion {
    pub version: Option<serde_yaml::Value>,
}

/// One item of `concepts`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(rename = "Concept")]
#[schemars(
    description = "One named thing (an institution, an event, a product) and its names per language."
)]
#[serde(
    deny_unknown_fields,
    expecting = "a concept: a map with `id` and `terms`"
)]
pub(crate) struct RawConcept {
    #[schemars(
        description = "Unique id of the concept, shown in every finding: lowercase letters, digits, `.`, `_` and `-`.",
        regex(pattern = r"^[a-z0-9._-]+$")
    )]
    pub id: String,
    #[schemars(
        description = "Free text shown in reports and by `termlint glossary lookup`: what the concept is."
    )]
    pub note: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "Do not translate: every official form is right in every language (product and brand names)."
    )]
    pub dnt: bool,
    #[schemars(schema_with = "super::schema::terms")]
    pub terms: Option<Pairs<RawTerm>>,
    #[serde(default)]
    #[schemars(
        description = "Executable examples: texts and the findings checking them must give; `termlint glossary validate` runs them."
    )]
    pub examples: Vec<RawExample>,
}

/// An executable example: a text, its language and the findings expected.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(
    rename = "Example",
    description = "An executable example: a text, its language and the findings checking it must give."
)]
#[serde(
    deny_unknown_fields,
    expecting = "an example: a map with `text`, `lang` and `findings`"
)]
pub(crate) struct RawExample {
    #[schemars(description = "The text to check.")]
    pub text: String,
    #[schemars(
        with = "super::schema::LanguageTag",
        description = "The text's language, a BCP 47 tag such as `de` or `zh-Hans`."
    )]
    pub lang: String,
    #[serde(default)]
    #[schemars(
        description = "Each finding checking the text must give, in order; none means the text must be clean."
    )]
    pub findings: Vec<RawExpected>,
}

/// One finding an example expects.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(
    rename = "ExpectedFinding",
    description = "One finding an example expects: its rule and the text it reports."
)]
#[serde(
    deny_unknown_fields,
    expecting = "an expected finding: a map with `rule` and `found`"
)]
pub(crate) struct RawExpected {
    #[schemars(schema_with = "super::schema::rule_id")]
    pub rule: String,
    #[schemars(description = "The text the finding reports, as written in the example.")]
    pub found: String,
}

/// The value under a language key of `terms`.
#[derive(Debug)]
pub(crate) enum RawTerm {
    /// `de: Name`: one official form, default settings.
    Shorthand(String),
    /// `de:` with nothing after it.
    Missing,
    /// `de: { official: …, variants: … }`.
    Full(RawEntry),
}

/// The long form of a language entry.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(
    rename = "Entry",
    description = "The names of the concept in one language."
)]
#[serde(
    deny_unknown_fields,
    expecting = "a language entry: a map with `official`"
)]
pub(crate) struct RawEntry {
    #[schemars(
        description = "The accepted form, or a list of accepted forms; the first is the one termlint suggests."
    )]
    pub official: OneOrMany,
    #[serde(default)]
    #[schemars(description = "Known wrong renderings, reported as `forbidden`.")]
    pub variants: Vec<Text>,
    #[schemars(
        description = "Compare capitals exactly: other capitals are reported by the `case` rule (default: false)."
    )]
    pub case_sensitive: Option<bool>,
    #[schemars(
        description = "Let words carry inflectional endings, such as German genitive -s (default: true)."
    )]
    pub inflect: Option<bool>,
    #[serde(default)]
    #[schemars(
        description = "Regular expressions matching further wrong renderings, reported like variants; matched on case-folded text at word boundaries."
    )]
    pub patterns: Vec<Text>,
}

/// `official: Name` or `official: [Name, Other]`.
#[derive(Debug)]
pub(crate) enum OneOrMany {
    /// A single string.
    One(String),
    /// A list, possibly empty (validation refuses that).
    Many(Vec<Text>),
}

/// A term written as a YAML string. Unquoted numbers and booleans are
/// refused rather than turned into text, since `1.50` would come back
/// as `1.5`.
#[derive(Debug)]
pub(crate) struct Text(pub String);

/// A map read in file order, repeated keys kept.
#[derive(Debug)]
pub(crate) struct Pairs<T>(pub Vec<(String, T)>);

impl<T> Default for Pairs<T> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

const TERM_EXPECTED: &str =
    "a term: a string (quote names that look like numbers), or a map with `official`";

impl<'de> Deserialize<'de> for RawTerm {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TermVisitor)
    }
}

struct TermVisitor;

impl<'de> Visitor<'de> for TermVisitor {
    type Value = RawTerm;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(TERM_EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTerm, E> {
        Ok(RawTerm::Shorthand(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<RawTerm, E> {
        Ok(RawTerm::Shorthand(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawTerm, E> {
        Ok(RawTerm::Missing)
    }

    fn visit_none<E: de::Error>(self) -> Result<RawTerm, E> {
        Ok(RawTerm::Missing)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawTerm, A::Error> {
        RawEntry::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawTerm::Full)
    }
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

struct OneOrManyVisitor;

impl<'de> Visitor<'de> for OneOrManyVisitor {
    type Value = OneOrMany;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or a list of strings")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
        Ok(OneOrMany::One(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<OneOrMany, E> {
        Ok(OneOrMany::One(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<OneOrMany, A::Error> {
        Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(OneOrMany::Many)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string (quote names that look like numbers)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text(v))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Pairs<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PairsVisitor(PhantomData))
    }
}

struct PairsVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for PairsVisitor<T> {
    type Value = Pairs<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<T>, A::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(pair) = map.next_entry()? {
            pairs.push(pair);
        }
        Ok(Pairs(pairs))
    }
}
