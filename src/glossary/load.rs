//! Reading glossary.yaml: parse, then validate into the model.
//!
//! Parsing is serde (`raw`), validation is `validate`; both report one
//! [`GlossaryError`] naming the file, line and column. serde_yaml gives
//! positions for its own errors; validation problems are located by a
//! second, event-level pass over the YAML that runs only on failure.

use super::locate::{locate, locate_exact, NodePath, Seg, Target};
use super::raw::{RawGlossary, RawVersion};
use super::validate::{self, Message, Problem};
use super::Glossary;
use crate::fold::{fold_str, FoldOptions};
use std::io;
use std::path::{Path, PathBuf};

/// A glossary that cannot be used, with the place that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct GlossaryError {
    /// The glossary file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong and what to do, lowercase, user values in backticks.
    pub message: String,
}

impl GlossaryError {
    fn new(path: &Path, (line, column): (usize, usize), message: String) -> GlossaryError {
        GlossaryError {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    }
}

/// Reads and validates the glossary at `path`.
pub fn load(path: &Path) -> Result<Glossary, GlossaryError> {
    let bytes = std::fs::read(path).map_err(|e| read_error(path, &e))?;
    let yaml = String::from_utf8(bytes).map_err(|e| utf8_error(path, &e))?;
    load_str(path, &yaml)
}

/// Validates glossary YAML already in memory; `path` is used in errors.
pub fn load_str(path: &Path, yaml: &str) -> Result<Glossary, GlossaryError> {
    load_with(path, yaml, compare_key)
}

/// The key official forms and variants are compared by: folded as matching
/// folds text (SPEC §2), case kept when `case_sensitive`.
fn compare_key(form: &str, case_sensitive: bool) -> String {
    fold_str(
        form,
        FoldOptions {
            case: !case_sensitive,
        },
    )
}

/// [`load_str`] with the comparison key given, so that validation can be
/// tested on its own.
fn load_with(path: &Path, yaml: &str, fold: validate::KeyFn) -> Result<Glossary, GlossaryError> {
    let raw: Option<RawGlossary> =
        serde_yaml::from_str(yaml).map_err(|e| parse_error(path, yaml, &e))?;
    let Some(raw) = raw else {
        let message = "the glossary is empty; start it with `version: 1` and a `concepts:` list";
        return Err(GlossaryError::new(path, (1, 1), message.into()));
    };
    validate::build(path, raw, fold).map_err(|p| report(path, yaml, p))
}

/// Positions and words a validation problem; the only place validation
/// errors pay for locating nodes.
fn report(path: &Path, yaml: &str, problem: Problem) -> GlossaryError {
    let at = locate(yaml, &problem.node, problem.target);
    let message = match problem.message {
        Message::Plain(message) => message,
        Message::Repeated { what, first, fix } => {
            let (line, _) = locate(yaml, &first, Target::Key);
            format!("{what}, first on line {line}; {fix}")
        }
    };
    GlossaryError::new(path, at, message)
}

fn read_error(path: &Path, error: &io::Error) -> GlossaryError {
    let why = match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        _ => lowercase_first(&error.to_string()),
    };
    let message = format!(
        "cannot read the glossary: {why}; check the path, or name the glossary with `--glossary`"
    );
    GlossaryError::new(path, (1, 1), message)
}

/// Points at the first byte that is not UTF-8.
fn utf8_error(path: &Path, error: &std::string::FromUtf8Error) -> GlossaryError {
    let bytes = error.as_bytes();
    let valid = &bytes[..error.utf8_error().valid_up_to()];
    // The prefix is valid UTF-8 by definition of `valid_up_to`.
    let before = String::from_utf8_lossy(valid);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let byte = bytes.get(valid.len()).copied().unwrap_or_default();
    let message = format!("the glossary is not UTF-8 (byte `0x{byte:02x}`); save it as UTF-8");
    GlossaryError::new(path, (line, column), message)
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Serde's own messages start with one of these; anything else is a
/// syntax error from the YAML scanner.
const SERDE_MESSAGES: [&str; 7] = [
    "unknown field",
    "missing field",
    "duplicate field",
    "invalid type",
    "invalid value",
    "invalid length",
    "unknown variant",
];

/// Words a serde_yaml error, positioned where serde_yaml says (or, for an
/// unknown field, at the field itself).
fn parse_error(path: &Path, yaml: &str, error: &serde_yaml::Error) -> GlossaryError {
    // A newer format explains its unknown fields by its version.
    if let Ok(Some(RawVersion { version })) = serde_yaml::from_str::<Option<RawVersion>>(yaml) {
        if let Err(problem) = validate::check_version(version.as_ref()) {
            return report(path, yaml, problem);
        }
    }
    let at = error.location().map_or((1, 1), |l| (l.line(), l.column()));
    let text = error.to_string();
    // serde_yaml appends " at line L column C"; the position is ours to give.
    let text = match text.find(" at line ") {
        Some(cut) => format!("{}{}", &text[..cut], after_position(&text[cut..])),
        None => text,
    };
    let (node, message) = split_serde_path(&text);
    if let Some(message) = special_message(&message) {
        return GlossaryError::new(path, at, message);
    }
    let Some(node) = node else {
        return GlossaryError::new(path, at, yaml_message(&message));
    };
    let context = if node.is_empty() {
        String::new()
    } else {
        format!("`{node}`: ")
    };
    let at = unknown_field(&message)
        .and_then(|field| {
            let mut nodes = node_path(&node);
            nodes.push(Seg::Key(field.to_string()));
            locate_exact(yaml, &nodes, Target::Key)
        })
        .unwrap_or(at);
    GlossaryError::new(path, at, format!("{context}{}", serde_message(&message)))
}

/// What follows libyaml's first position: `, while parsing … at line 3 column 3`.
fn after_position(rest: &str) -> &str {
    rest.find(',').map_or("", |cut| &rest[cut..])
}

/// serde_yaml writes `concepts[1].terms: message`; splits off the path.
/// `None` for the path means the text is not a serde message at all.
fn split_serde_path(text: &str) -> (Option<String>, String) {
    let is_serde = |s: &str| SERDE_MESSAGES.iter().any(|m| s.starts_with(m));
    if is_serde(text) {
        return (Some(String::new()), text.to_string());
    }
    let split = text
        .match_indices(": ")
        .map(|(i, _)| (&text[..i], &text[i + 2..]))
        .find(|(_, rest)| is_serde(rest));
    match split {
        Some((node, message)) => (Some(node.to_string()), message.to_string()),
        None => (None, text.to_string()),
    }
}

/// Messages for serde_yaml's limits and whole-document errors.
fn special_message(text: &str) -> Option<String> {
    let message = match text {
        t if t.starts_with("recursion limit exceeded") => {
            "the YAML nests too deeply; a glossary needs only a few levels, check the file"
        }
        t if t.starts_with("repetition limit exceeded") => {
            "too many alias expansions (`*name`); write the values out instead of \
             repeating anchors"
        }
        t if t.starts_with("deserializing from YAML containing more than one document") => {
            "the glossary holds more than one YAML document; keep one (remove the extra `---`)"
        }
        t if t.starts_with("unknown anchor") => {
            "an alias (`*name`) refers to no anchor (`&name`); define the anchor before it"
        }
        _ => return None,
    };
    Some(message.to_string())
}

fn yaml_message(text: &str) -> String {
    format!("invalid YAML: {text}; check the indentation and quoting here")
}

/// Serde's message with advice: `unknown field `x`, expected one of …`
/// becomes `unknown field `x`; use one of …`.
fn serde_message(text: &str) -> String {
    if let Some(field) = unknown_field(text) {
        let allowed = text.split_once(", expected ").map_or("", |(_, rest)| rest);
        return format!("unknown field `{field}`; use {allowed}");
    }
    if text.starts_with("missing field") {
        return format!("{text}; add it");
    }
    if let Some(field) = text.strip_prefix("duplicate field ") {
        return format!("field {field} is given twice; keep one");
    }
    text.to_string()
}

/// The field of an `unknown field `x`, …` message.
fn unknown_field(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("unknown field `")?;
    rest.split_once('`').map(|(field, _)| field)
}

/// `concepts[1].terms.de` → `concepts`, 1, `terms`, `de`.
fn node_path(node: &str) -> NodePath {
    let mut path = Vec::new();
    for part in node.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(name) = pieces.next().filter(|n| !n.is_empty()) {
            path.push(Seg::Key(name.to_string()));
        }
        for index in pieces.filter_map(|p| p.trim_end_matches(']').parse().ok()) {
            path.push(Seg::Index(index));
        }
    }
    path
}
