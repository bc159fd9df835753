//! Writing a glossary as glossary.yaml (format version 1).

use crate::glossary::Glossary;

/// The glossary as YAML that `termlint` reads back to an equal glossary.
pub fn to_yaml(glossary: &Glossary) -> String {
    unimplemented!("{}", glossary.concepts.len())
}
