//! Serde structs mirroring glossary.yaml exactly, before validation.
