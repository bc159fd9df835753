//! Writing a glossary as glossary.yaml (format version 1, SPEC §1).
//!
//! The document is built as a YAML value with keys in a fixed order and
//! concepts, languages and forms in glossary order, then serialized by
//! `serde_yaml`, which quotes every string YAML would otherwise read as
//! something else (`yes`, `1.50`, `null`, `: `). Defaults are left out,
//! and an entry with one official form and default settings is written
//! in the shorthand `de: Name`.

use crate::glossary::{Concept, Entry, Example, Glossary};
use serde_yaml::{Mapping, Value};

/// The glossary as YAML that `termlint` reads back to an equal glossary.
pub fn to_yaml(glossary: &Glossary) -> String {
    let mut doc = Mapping::new();
    doc.insert(key("version"), Value::from(1));
    if let Some(lang) = &glossary.source_language {
        doc.insert(key("source_language"), text(lang.as_str()));
    }
    if !glossary.rules.is_empty() {
        let rules = glossary.rules.iter().map(|(rule, severity)| {
            let value = severity.map_or("off", |s| s.id());
            (key(rule.id()), text(value))
        });
        doc.insert(key("rules"), Value::Mapping(rules.collect()));
    }
    let concepts = glossary.concepts.iter().map(concept).collect();
    doc.insert(key("concepts"), Value::Sequence(concepts));
    // A mapping of strings and numbers always serializes; the fallback
    // only keeps the signature infallible.
    serde_yaml::to_string(&Value::Mapping(doc)).unwrap_or_default()
}

fn key(name: &str) -> Value {
    Value::String(name.to_string())
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn texts(list: &[String]) -> Value {
    Value::Sequence(list.iter().map(|s| text(s)).collect())
}

fn concept(concept: &Concept) -> Value {
    let mut map = Mapping::new();
    map.insert(key("id"), text(&concept.id));
    if let Some(note) = &concept.note {
        map.insert(key("note"), text(note));
    }
    if concept.dnt {
        map.insert(key("dnt"), Value::Bool(true));
    }
    let terms = concept
        .entries
        .iter()
        .map(|e| (text(e.lang.as_str()), entry(e)));
    map.insert(key("terms"), Value::Mapping(terms.collect()));
    if !concept.examples.is_empty() {
        let examples = concept.examples.iter().map(example).collect();
        map.insert(key("examples"), Value::Sequence(examples));
    }
    Value::Mapping(map)
}

/// `Name` for one official form with default settings, else the long form.
fn entry(entry: &Entry) -> Value {
    let plain = entry.variants.is_empty()
        && entry.patterns.is_empty()
        && !entry.case_sensitive
        && entry.inflect;
    match entry.official.as_slice() {
        [one] if plain => text(one),
        _ => Value::Mapping(long_entry(entry)),
    }
}

fn long_entry(entry: &Entry) -> Mapping {
    let mut map = Mapping::new();
    let official = match entry.official.as_slice() {
        [one] => text(one),
        many => texts(many),
    };
    map.insert(key("official"), official);
    if !entry.variants.is_empty() {
        map.insert(key("variants"), texts(&entry.variants));
    }
    if entry.case_sensitive {
        map.insert(key("case_sensitive"), Value::Bool(true));
    }
    if !entry.inflect {
        map.insert(key("inflect"), Value::Bool(false));
    }
    if !entry.patterns.is_empty() {
        map.insert(key("patterns"), texts(&entry.patterns));
    }
    map
}

fn example(example: &Example) -> Value {
    let mut map = Mapping::new();
    map.insert(key("text"), text(&example.text));
    map.insert(key("lang"), text(example.lang.as_str()));
    let findings = example.findings.iter().map(|(rule, found)| {
        let mut f = Mapping::new();
        f.insert(key("rule"), text(rule.id()));
        f.insert(key("found"), text(found));
        Value::Mapping(f)
    });
    map.insert(key("findings"), Value::Sequence(findings.collect()));
    Value::Mapping(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::load_str;
    use std::path::Path;

    const FULL: &str = r##"version: 1
source_language: zh
rules:
  count-mismatch: off
  case: error
concepts:
  - id: ministry
    note: "Ministry: of culture"
    terms:
      zh: 文化和旅游部
      de:
        official: Ministerium für Kultur und Tourismus
        variants: [Kultur- und Tourismusministerium]
      en:
        official: ["yes", "1.50", "null", "- dash", "#hash"]
        case_sensitive: true
        inflect: false
        patterns: ['Minist(ry|er)\s+x']
    examples:
      - text: "Das Kultur- und Tourismusministerium"
        lang: de
        findings:
          - rule: forbidden
            found: Kultur- und Tourismusministerium
  - id: icif
    dnt: true
    terms:
      en: "ICIF: 'x' \"y\""
"##;

    fn round_trip(yaml: &str) -> (Glossary, Glossary) {
        let first = load_str(Path::new("g.yaml"), yaml).expect("fixture loads");
        let written = to_yaml(&first);
        let second = load_str(Path::new("g.yaml"), &written).expect("written YAML loads");
        (first, second)
    }

    #[test]
    fn written_glossary_loads_back_equal() {
        let (a, b) = round_trip(FULL);
        assert_eq!(format!("{:?}", a.concepts), format!("{:?}", b.concepts));
        assert_eq!(a.rules, b.rules);
        assert_eq!(a.source_language, b.source_language);
    }

    #[test]
    fn plain_entries_use_the_shorthand() {
        let (a, _) = round_trip(FULL);
        let yaml = to_yaml(&a);
        assert!(yaml.contains("zh: 文化和旅游部\n"), "{yaml}");
        assert!(yaml.contains("dnt: true"), "{yaml}");
        assert_eq!(to_yaml(&a), to_yaml(&round_trip(&yaml).1));
    }
}
