//! Seeded, deterministic generator of synthetic glossaries and corpora for
//! termlint's benchmarks: the same seed gives byte-identical output.
//!
//! Shared by the `gen-corpus` example (the command line) and the benches.

pub mod corpus;
pub mod emit;
pub mod glossary;
pub mod names;
pub mod prose;
pub mod rng;
