//! The JSON Schema of glossary.yaml, generated from the types the loader
//! reads, for editors (yaml-language-server) to complete and validate.

/// The JSON Schema of the glossary format, pretty-printed.
pub fn json_schema() -> String {
    unimplemented!()
}
