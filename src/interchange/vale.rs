//! Vale import: a style directory (every `*.yml` rule in it, and the
//! vocabularies `accept.txt` beside it or under `Vocab/<name>/`) or one rule
//! file, read into English entries (Vale styles are written for English).
//!
//! `extends: substitution` rules become concepts: each distinct right-hand
//! side of `swap` is one concept whose official forms are its `|`-separated
//! alternatives; a left-hand side that is a plain word or phrase, or a small
//! finite expression of them (`(?:cell|smart) ?phone`), gives variants with
//! their capitals; any other regular expression a pattern, folded like text
//! with lookaround removed.
//! Other rule kinds (`existence`, `occurrence`, `conditional`, …) have no
//! right form and are skipped; so are `reject.txt` vocabularies. See
//! `docs/interchange-vale-prh.md`.

pub(in crate::interchange) mod collect;
pub(in crate::interchange) mod regex_text;

use super::encoding::decode;
use super::{ImportError, ImportOptions};
use crate::glossary::Glossary;
use crate::lang::LangTag;
use collect::Collector;
use serde_yaml::Value;
use std::path::{Path, PathBuf};

/// Reads a Vale style directory or rule file into a glossary.
pub fn import(path: &Path, options: &ImportOptions) -> Result<Glossary, ImportError> {
    let lang = LangTag::parse("en").map_err(|e| error(path, e.to_string()))?;
    let mut collector = Collector::new(lang);
    if path.is_dir() {
        import_dir(path, options, &mut collector)?;
    } else if is_vocabulary(path) {
        accept(path, options, &mut collector)?;
    } else {
        rule_file(path, options, &mut collector)?;
    }
    Ok(collector.finish(path))
}

fn error(path: &Path, message: String) -> ImportError {
    ImportError {
        path: path.to_path_buf(),
        message,
    }
}

fn import_dir(dir: &Path, options: &ImportOptions, out: &mut Collector) -> Result<(), ImportError> {
    for file in sorted_files(dir)? {
        let is_yml = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"));
        if is_yml {
            rule_file(&file, options, out)?;
        } else if is_vocabulary(&file) {
            accept(&file, options, out)?;
        }
    }
    let vocab = dir.join("Vocab");
    if vocab.is_dir() {
        for name in sorted_files(&vocab)? {
            let list = name.join("accept.txt");
            if list.is_file() {
                accept(&list, options, out)?;
            }
        }
    }
    Ok(())
}

/// The entries of `dir`, sorted by name so imports are reproducible.
fn sorted_files(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let entries = std::fs::read_dir(dir).map_err(|e| error(dir, e.to_string()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

fn is_vocabulary(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "accept.txt")
}

fn read(path: &Path, options: &ImportOptions) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| error(path, e.to_string()))?;
    decode(&bytes, options.encoding.as_deref())
        .map(|d| d.text)
        .map_err(|e| error(path, e.to_string()))
}

/// One rule file; only `extends: substitution` gives terms.
fn rule_file(path: &Path, options: &ImportOptions, out: &mut Collector) -> Result<(), ImportError> {
    let text = read(path, options)?;
    let rule: Value =
        serde_yaml::from_str(&text).map_err(|e| error(path, format!("not a Vale rule: {e}")))?;
    if rule.get("extends").and_then(Value::as_str) != Some("substitution") {
        return Ok(());
    }
    // `ignorecase` is not read: folded text has no case, so every form is
    // matched ignoring case; `case_sensitive` is set only where a variant
    // differs from an official form by case alone (documented).
    let name = rule_name(path);
    let Some(swap) = rule.get("swap").and_then(Value::as_mapping) else {
        return Err(error(path, "a substitution rule needs a `swap` map".into()));
    };
    for (wrong, right) in swap {
        if let (Some(wrong), Some(right)) = (scalar(wrong), scalar(right)) {
            substitution(out, &name, &wrong, &right);
        }
    }
    Ok(())
}

/// `Style.Rule`, as Vale names a rule: the directory, then the file stem.
fn rule_name(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let style = path
        .parent()
        .and_then(Path::file_name)
        .map(|s| s.to_string_lossy().into_owned());
    match (style, stem) {
        (Some(style), Some(stem)) => format!("{style}.{stem}"),
        (None, Some(stem)) => stem,
        _ => "Vale".to_string(),
    }
}

/// A string, number or boolean key or value as text (`24/7`, `3D`, `true`).
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// One `wrong: right` pair of a `swap` map.
fn substitution(out: &mut Collector, rule: &str, wrong: &str, right: &str) {
    let official: Vec<String> = right
        .split('|')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    if official.is_empty() {
        return;
    }
    let concept = out.concept(official, &format!("from Vale rule {rule}"));
    match regex_text::expand(wrong) {
        Some(words) => {
            for word in words {
                out.variant(concept, word);
            }
        }
        None => add_pattern(out, concept, wrong),
    }
}

/// A pattern, when it compiles after rewriting (else it is left out: the
/// `regex` crate lacks backreferences, for one).
fn add_pattern(out: &mut Collector, concept: usize, source: &str) {
    let folded = regex_text::for_folded_text(source);
    if crate::regex_pattern::RegexPattern::new(&folded.pattern).is_ok() {
        out.pattern(concept, folded.pattern);
    }
}

/// A vocabulary's accepted terms: each plain line an official form compared
/// by case, as Vale's `Vale.Terms` rule does; regular expressions are left
/// out (they name no single form).
fn accept(path: &Path, options: &ImportOptions, out: &mut Collector) -> Result<(), ImportError> {
    let text = read(path, options)?;
    let note = format!("from Vale vocabulary {}", vocabulary_name(path));
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(word) = regex_text::literal(line) {
            let concept = out.concept(vec![word], &note);
            out.case_sensitive(concept);
        }
    }
    Ok(())
}

fn vocabulary_name(path: &Path) -> String {
    path.parent().and_then(Path::file_name).map_or_else(
        || "accept.txt".to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
