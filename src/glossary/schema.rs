//! The JSON Schema of glossary.yaml, generated from the types the loader
//! reads, for editors (yaml-language-server) to complete and validate.
//!
//! The raw structs derive their schema; the types read by hand-written
//! visitors (a term as a string or a map, `official` as one or many, maps
//! kept in file order) get theirs here, as does each field whose accepted
//! values the loader checks after parsing (`version`, `rules`, language
//! tags). Draft-07, the draft yaml-language-server supports best.

use super::raw::{OneOrMany, Pairs, RawEntry, RawGlossary, RawTerm, Text};
use crate::finding::{Rule, Severity};
use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;
use std::borrow::Cow;

/// A BCP 47 language tag as the loader reads it: a 2–3 letter language
/// subtag, then subtags after `-` or `_`, any case (`zh_cn`, `PT-br`).
const LANG_TAG_PATTERN: &str = "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$";

/// The JSON Schema of the glossary format, pretty-printed.
pub fn json_schema() -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawGlossary>();
    let mut text = serde_json::to_string_pretty(&schema)
        .unwrap_or_else(|e| unreachable!("a schema is plain JSON: {e}"));
    text.push('\n');
    text
}

/// `version`: the number 1.
pub(crate) fn version(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The glossary format's version; termlint reads version 1.",
        "const": 1
    })
}

/// The schema of a language tag written as a string.
pub(crate) struct LanguageTag;

impl JsonSchema for LanguageTag {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "LanguageTag".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": LANG_TAG_PATTERN })
    }
}

/// `rules`: a severity, or `off`, per rule id.
pub(crate) fn rules(_: &mut SchemaGenerator) -> Schema {
    let severities: Vec<&str> = [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .map(|s| s.id())
        .chain(["off"])
        .collect();
    json_schema!({
        "description": "Severity overrides: `error`, `warning`, `info` or `off` per rule.",
        "type": "object",
        "propertyNames": { "enum": rule_ids() },
        "additionalProperties": { "enum": severities }
    })
}

/// `rule` of an expected finding: a rule id.
pub(crate) fn rule_id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The rule the finding reports.",
        "enum": rule_ids()
    })
}

fn rule_ids() -> Vec<&'static str> {
    Rule::ALL.iter().map(|r| r.id()).collect()
}

/// `terms`: an entry per language tag.
pub(crate) fn terms(generator: &mut SchemaGenerator) -> Schema {
    let mut schema = Pairs::<RawTerm>::json_schema(generator);
    schema.insert(
        "description".into(),
        "The concept's names per language: a BCP 47 tag (`de`, `zh-Hans`) and one \
         official form, or a map with `official`, `variants` and settings."
            .into(),
    );
    schema.insert("minProperties".into(), 1.into());
    schema.insert(
        "propertyNames".into(),
        json_schema!({ "pattern": LANG_TAG_PATTERN }).into(),
    );
    schema
}

impl JsonSchema for RawTerm {
    fn schema_name() -> Cow<'static, str> {
        "Term".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "One official form, or a map with `official`, `variants` and settings.",
            "anyOf": [
                Text::json_schema(generator),
                generator.subschema_for::<RawEntry>()
            ]
        })
    }
}

impl JsonSchema for OneOrMany {
    fn schema_name() -> Cow<'static, str> {
        "OneOrMany".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                Text::json_schema(generator),
                {
                    "type": "array",
                    "items": Text::json_schema(generator),
                    "minItems": 1
                }
            ]
        })
    }
}

impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // Quoting matters: unquoted `1.50` is a number and is refused.
        json_schema!({ "type": "string", "minLength": 1 })
    }
}

impl<T: JsonSchema> JsonSchema for Pairs<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("Map_of_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value: Value = generator.subschema_for::<T>().into();
        json_schema!({ "type": "object", "additionalProperties": value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> Value {
        serde_json::from_str(&json_schema()).expect("the schema is JSON")
    }

    #[test]
    fn schema_is_draft_07() {
        assert_eq!(
            schema()["$schema"],
            "http://json-schema.org/draft-07/schema#"
        );
    }

    #[test]
    fn every_object_refuses_unknown_fields() {
        let schema = schema();
        let defs = schema["definitions"].as_object().expect("definitions");
        for (name, def) in defs.iter().filter(|(_, d)| d["type"] == "object") {
            assert_eq!(def["additionalProperties"], false, "{name}");
        }
        assert_eq!(schema["additionalProperties"], false);
    }

    #[test]
    fn rule_keys_are_the_rule_ids() {
        let names = &schema()["properties"]["rules"]["propertyNames"]["enum"];
        assert_eq!(names[0], "forbidden");
        assert_eq!(names.as_array().map(Vec::len), Some(Rule::ALL.len()));
    }
}
