//! termlint checks translated text against a glossary of official names.
//!
//! The pipeline, one module per stage:
//! [`glossary`] (discover, load, validate) → [`fold`] (normalize text with a
//! map back to the original) → [`matcher`] (one trie of every form's anchor,
//! walked where a name can start, verified for [`boundary`] and [`inflect`]ion, leftmost-longest) →
//! [`rules`] (judge each match, SPEC §3) → [`report`] (render findings).
//! [`check`] wires the stages for one document; nothing here prints.

pub mod atomic;
pub mod audit;
pub mod baseline;
pub mod boundary;
pub mod cache;
pub mod changed;
pub mod check;
pub mod document;
pub mod finding;
pub mod fix;
pub mod fold;
pub mod formats;
pub mod glossary;
pub mod inflect;
pub mod input;
pub mod interchange;
pub mod lang;
pub mod lookup;
pub mod matcher;
pub mod pairing;
pub mod regex_pattern;
pub mod report;
pub mod rules;
pub mod segment;
pub mod suppress;
pub mod walk;
