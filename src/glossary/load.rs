//! Reading glossary.yaml: parse, then validate into the model.
//!
//! Parsing is serde (`raw`), validation is `validate`; both report one
//! [`GlossaryError`] naming the file, line and column. serde_yaml gives
//! positions for its own errors; validation problems are located by a
//! second, event-level pass over the YAML that runs only on failure.

use super::flow_depth::flow_depth;
use super::locate::{locate, locate_exact, NodePath, Seg, Target};
use super::raw::{RawGlossary, RawVersion};
use super::shape;
use super::split;
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
    // Editors on Windows may start the file with a byte order mark, which
    // the YAML parser would read as the start of a second document.
    let yaml = yaml.strip_prefix('\u{feff}').unwrap_or(yaml);
    // A large glossary is read once by the tokenizer, for its nesting and
    // for where it can be cut into runs.
    let plan = (yaml.len() >= split::MIN_SPLIT_BYTES).then(|| split::plan(yaml));
    let depth = || match &plan {
        Some(plan) => plan.flow_depth,
        None => flow_depth(yaml),
    };
    if let Some(at) = shape::too_deep_given(yaml, depth) {
        let message = format!(
            "the YAML nests more than {} levels deep here; a glossary needs seven at most, \
             check the brackets",
            shape::MAX_DEPTH
        );
        return Err(GlossaryError::new(path, at, message));
    }
    let in_runs = plan.and_then(|plan| split::parse_planned(yaml, plan, split::RUN_BYTES));
    let raw: Option<RawGlossary> = match in_runs {
        Some(raw) => Some(raw),
        None => serde_yaml::from_str(yaml).map_err(|e| parse_error(path, yaml, &e))?,
    };
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

/// The error for a glossary file that cannot be read.
pub(crate) fn read_error(path: &Path, error: &io::Error) -> GlossaryError {
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
/// The error for a glossary file that is not UTF-8.
pub(crate) fn utf8_error(path: &Path, error: &std::string::FromUtf8Error) -> GlossaryError {
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
    let at = error.location().map_or((1, 1), |l| (l.line(), l.column()));
    let text = error.to_string();
    // serde_yaml appends " at line L column C"; the position is ours to give.
    let text = match text.find(" at line ") {
        Some(cut) => format!("{}{}", &text[..cut], after_position(&text[cut..])),
        None => text,
    };
    let (node, message) = split_serde_path(&text);
    // Limits first: re-reading a hostile file for its version would only
    // pay its cost twice.
    if let Some(message) = special_message(&message) {
        // serde_yaml gives no place for its expansion limit.
        let at = match message.starts_with("too many alias expansions") {
            true => shape::first_alias(yaml).unwrap_or(at),
            false => at,
        };
        return GlossaryError::new(path, at, message);
    }
    // A newer format explains its unknown fields by its version.
    if let Ok(Some(RawVersion { version })) = serde_yaml::from_str::<Option<RawVersion>>(yaml) {
        if let Err(problem) = validate::check_version(version.as_ref()) {
            return report(path, yaml, problem);
        }
    }
    let Some(node) = node else {
        return GlossaryError::new(path, at, yaml_message(&message));
    };
    // The whole file is a string or a list: another kind of file.
    if node.is_empty() && message.starts_with("invalid type") {
        return GlossaryError::new(path, at, NOT_A_GLOSSARY.to_string());
    }
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

/// The message for a file whose whole content is not a YAML map: a TBX or
/// CSV file, plain text, a list. serde_yaml's own would quote the whole
/// file.
const NOT_A_GLOSSARY: &str = "not a glossary: termlint reads a YAML map with `version` and \
     `concepts`; to convert a TBX, CSV/TSV, Vale or prh file, run `termlint glossary import FILE`";

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
        // A plain-scalar key in a flow mapping can run over several lines.
        let field = field.split_whitespace().collect::<Vec<_>>().join(" ");
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Rule, Severity};
    use crate::lang::LangTag;

    fn load_test(yaml: &str) -> Result<Glossary, GlossaryError> {
        load_str(Path::new("glossary.yaml"), yaml)
    }

    fn ok(yaml: &str) -> Glossary {
        load_test(yaml).unwrap_or_else(|e| panic!("{e}"))
    }

    fn err(yaml: &str) -> String {
        match load_test(yaml) {
            Ok(_) => panic!("loaded, expected an error:\n{yaml}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn unknown_field_over_two_lines_is_named_on_one_line() {
        let yaml = "version: 1\nconcepts:\n  - {id: park, terms: {en: {officia des Park\n      - id: x}}}\n";
        let message = err(yaml);
        assert!(!message.contains('\n'), "{message}");
        assert!(
            message.contains("unknown field `officia des Park - id`;"),
            "{message}"
        );
    }

    fn tag(s: &str) -> LangTag {
        LangTag::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    const SAMPLE: &str = "\
version: 1
source_language: zh
rules: { count-mismatch: info, case: off, forbidden: warning }
concepts:
  - id: ministry-of-culture-and-tourism
    note: Ministry of Culture and Tourism of the PRC
    terms:
      zh: 文化和旅游部
      en: Ministry of Culture and Tourism
      de:
        official: Ministerium für Kultur und Tourismus
        variants: [Kultur- und Tourismusministerium]
  - id: urumqi
    terms:
      en: Urumqi
      de:
        official: [Ürümqi, Urumqi]
        case_sensitive: true
        inflect: false
      ru: Урумчи
  - id: icif
    dnt: true
    terms:
      en: ICIF
";

    #[test]
    fn loads_shorthand_and_full_entries() {
        let g = ok(SAMPLE);
        assert_eq!(g.path, Path::new("glossary.yaml"));
        let mct = &g.concepts[0];
        assert_eq!(mct.id, "ministry-of-culture-and-tourism");
        assert_eq!(
            mct.note.as_deref(),
            Some("Ministry of Culture and Tourism of the PRC")
        );
        assert!(!mct.dnt);
        let langs: Vec<&str> = mct.entries.iter().map(|e| e.lang.as_str()).collect();
        assert_eq!(langs, ["zh", "en", "de"], "file order is kept");
        let en = &mct.entries[1];
        assert_eq!(en.official, ["Ministry of Culture and Tourism"]);
        assert!(en.variants.is_empty() && !en.case_sensitive && en.inflect);
        let de = &mct.entries[2];
        assert_eq!(de.official, ["Ministerium für Kultur und Tourismus"]);
        assert_eq!(de.variants, ["Kultur- und Tourismusministerium"]);
    }

    #[test]
    fn official_may_be_string_or_list() {
        let g = ok(SAMPLE);
        let de = &g.concepts[1].entries[1];
        assert_eq!(de.official, ["Ürümqi", "Urumqi"]);
        assert!(de.case_sensitive && !de.inflect);
    }

    #[test]
    fn keeps_han_and_cyrillic_values() {
        let g = ok(SAMPLE);
        assert_eq!(g.concepts[0].entries[0].official, ["文化和旅游部"]);
        assert_eq!(g.concepts[1].entries[2].official, ["Урумчи"]);
        assert!(g.concepts[2].dnt);
    }

    #[test]
    fn regional_text_falls_back_to_language_entry() {
        let g = ok("\
version: 1
concepts:
  - id: bike
    terms:
      de: Fahrrad
      de-CH: Velo
      fr: vélo
");
        let bike = &g.concepts[0];
        let form = |t: &str| bike.entry_for(&tag(t)).map(|e| e.official[0].as_str());
        assert_eq!(form("de-CH"), Some("Velo"));
        assert_eq!(form("de-AT"), Some("Fahrrad"));
        assert_eq!(form("de"), Some("Fahrrad"));
        assert_eq!(form("fr-CA"), Some("vélo"));
        assert_eq!(form("en"), None);
    }

    #[test]
    fn reads_rule_overrides_and_off() {
        let g = ok(SAMPLE);
        assert_eq!(g.severity(Rule::Case), None);
        assert_eq!(g.severity(Rule::Forbidden), Some(Severity::Warning));
        assert_eq!(g.severity(Rule::CountMismatch), Some(Severity::Info));
        assert_eq!(
            g.severity(Rule::Missing),
            Some(Severity::Error),
            "default kept"
        );
    }

    #[test]
    fn reads_source_language_canonically() {
        let g = ok("version: 1\nsource_language: zh_hans\nconcepts: []\n");
        assert_eq!(g.source_language, Some(tag("zh-Hans")));
        assert_eq!(ok("version: 1\nconcepts: []\n").source_language, None);
    }

    #[test]
    fn term_keys_are_canonical_tags() {
        let g = ok("version: 1\nconcepts:\n  - id: a\n    terms: {zh_cn: 甲, PT-br: A}\n");
        let langs: Vec<&str> = g.concepts[0]
            .entries
            .iter()
            .map(|e| e.lang.as_str())
            .collect();
        assert_eq!(langs, ["zh-CN", "pt-BR"]);
    }

    #[test]
    fn ten_thousand_concepts_load() {
        let mut yaml = String::from("version: 1\nconcepts:\n");
        for i in 0..10_000 {
            yaml.push_str(&format!(
                "  - id: c{i}\n    terms:\n      en: Name {i}\n      de:\n        official: [Name {i}]\n        variants: [Nahme {i}]\n"
            ));
        }
        let g = ok(&yaml);
        assert_eq!(g.concepts.len(), 10_000);
        assert_eq!(g.concepts[9_999].entries[1].variants, ["Nahme 9999"]);
    }

    // One test per refusal, with the exact message.

    #[test]
    fn refuses_a_file_that_is_no_map_without_quoting_it() {
        let tbx = format!(
            "<?xml version=\"1.0\"?>\n<martif>{}</martif>\n",
            "x".repeat(5000)
        );
        for text in [tbx.as_str(), "a,b\nc,d\n", "- one\n- two\n"] {
            let err = load_str(Path::new("terms.tbx"), text).expect_err("refused");
            let message = err.to_string();
            assert!(
                message.starts_with("terms.tbx:1:1: not a glossary:"),
                "{message}"
            );
            assert!(message.contains("termlint glossary import"), "{message}");
            assert!(message.len() < 250, "{message}");
        }
    }

    #[test]
    fn refuses_yaml_syntax_error() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n   terms: [\n"),
            "glossary.yaml:4:4: invalid YAML: did not find expected '-' indicator, while parsing \
             a block collection at line 3 column 3; check the indentation and quoting here"
        );
    }

    #[test]
    fn refuses_unknown_top_level_field() {
        assert_eq!(
            err("version: 1\nconcept: []\n"),
            "glossary.yaml:2:1: unknown field `concept`; use one of `version`, `source_language`, \
             `rules`, `concepts`"
        );
    }

    #[test]
    fn refuses_unknown_concept_field_at_the_field() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms: {en: A}\n  - id: b\n    note: x\n    idd: c\n"),
            "glossary.yaml:7:5: `concepts[1]`: unknown field `idd`; use one of `id`, `note`, `dnt`, `terms`, `examples`"
        );
    }

    #[test]
    fn refuses_unknown_entry_field() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      de:\n        offical: A\n"),
            "glossary.yaml:6:9: `concepts[0].terms.de`: unknown field `offical`; use one of \
             `official`, `variants`, `case_sensitive`, `inflect`, `patterns`"
        );
    }

    #[test]
    fn refuses_missing_id() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms: {en: A}\n  - terms: {en: B}\n"),
            "glossary.yaml:5:5: `concepts[1]`: missing field `id`; add it"
        );
    }

    #[test]
    fn refuses_missing_official() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      de: {variants: [B]}\n"),
            "glossary.yaml:5:11: `concepts[0].terms.de`: missing field `official`; add it"
        );
    }

    #[test]
    fn refuses_missing_version() {
        assert_eq!(
            err("# terms\nconcepts: []\n"),
            "glossary.yaml:2:1: missing `version`; add `version: 1` at the top of the glossary"
        );
    }

    #[test]
    fn refuses_other_version() {
        assert_eq!(
            err("version: 2\nconcepts: []\n"),
            "glossary.yaml:1:10: unsupported glossary version `2`; termlint reads version 1"
        );
        assert_eq!(
            err("version: one\nconcepts: []\n"),
            "glossary.yaml:1:10: unsupported glossary version `\"one\"`; termlint reads version 1"
        );
    }

    #[test]
    fn newer_version_explains_unknown_fields() {
        assert_eq!(
            err("version: 2\naliases: {}\nconcepts: []\n"),
            "glossary.yaml:1:10: unsupported glossary version `2`; termlint reads version 1"
        );
    }

    #[test]
    fn refuses_malformed_id() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: Ministry of Culture\n    terms: {en: A}\n"),
            "glossary.yaml:3:9: concept id `Ministry of Culture` may only contain lowercase \
             letters, digits, `.`, `_` and `-`; rename it, e.g. `ministry-of-culture`"
        );
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: ''\n    terms: {en: A}\n"),
            "glossary.yaml:3:9: concept id is empty; use lowercase letters, digits, `.`, `_` and `-`"
        );
    }

    #[test]
    fn refuses_duplicate_id_at_the_second() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms: {en: A}\n  - id: b\n    terms: {en: B}\n  - {id: a, terms: {en: C}}\n"),
            "glossary.yaml:7:10: duplicate concept id `a`, first on line 3; give each concept its own id"
        );
    }

    #[test]
    fn refuses_empty_shorthand_term() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      en: A\n      de: '  '\n"),
            "glossary.yaml:6:11: concept `a`: `de` has an empty term; write the term or remove it"
        );
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      de:\n      en: A\n"),
            "glossary.yaml:5:7: concept `a`: `de` has an empty term; write the term or remove it"
        );
    }

    #[test]
    fn refuses_empty_official_and_variant() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      de:\n        official: [A, '']\n"),
            "glossary.yaml:6:23: concept `a`: `de` has an empty official form; write the term or remove it"
        );
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      de:\n        official: A\n        variants:\n          - B\n          - \"\"\n"),
            "glossary.yaml:9:13: concept `a`: `de` has an empty variant; write the term or remove it"
        );
    }

    #[test]
    fn refuses_empty_official_list() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      de:\n        official: []\n"),
            "glossary.yaml:6:19: concept `a`: `de` has an empty `official` list; list at least one official form"
        );
    }

    #[test]
    fn refuses_variant_equal_to_official() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: mct\n    terms:\n      de:\n        official: [X, Y]\n        variants: [Z, Y]\n"),
            "glossary.yaml:7:23: concept `mct`: `de` variant `Y` is also its official form; remove one of them"
        );
    }

    #[test]
    fn refuses_variant_equal_to_official_after_folding() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: gh\n    terms:\n      en:\n        official: GitHub\n        variants: [Github]\n"),
            "glossary.yaml:7:20: concept `gh`: `en` variant `Github` equals its official form \
             `GitHub` after folding; remove one of them, or set `case_sensitive: true` to tell \
             them apart by case"
        );
    }

    #[test]
    fn case_sensitive_entry_allows_case_only_variant() {
        let g = ok("version: 1\nconcepts:\n  - id: gh\n    terms:\n      en:\n        official: GitHub\n        variants: [Github]\n        case_sensitive: true\n");
        assert_eq!(g.concepts[0].entries[0].variants, ["Github"]);
    }

    #[test]
    fn variant_may_be_official_in_another_language() {
        // SPEC §3: `Peking` is an English variant and German official.
        let g = ok("version: 1\nconcepts:\n  - id: beijing\n    terms:\n      en: {official: Beijing, variants: [Peking]}\n      de: Peking\n");
        assert_eq!(g.concepts[0].entries[1].official, ["Peking"]);
    }

    #[test]
    fn refuses_dnt_variant_equal_to_any_official() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: icif\n    dnt: true\n    terms:\n      en: ICIF\n      de: {official: ICIF-Messe, variants: [icif]}\n"),
            "glossary.yaml:7:45: concept `icif`: `de` variant `icif` is an official form of `en`, \
             and `dnt` accepts official forms in every language; remove one of them"
        );
    }

    #[test]
    fn refuses_invalid_language_key() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      en: A\n      english: A\n"),
            "glossary.yaml:6:7: concept `a`: `english` is not a BCP 47 language tag (e.g. `de`, `de-CH`, `zh-Hans`)"
        );
    }

    #[test]
    fn refuses_language_listed_twice_in_any_case() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      zh-cn: 甲\n      en: A\n      zh-CN: 乙\n"),
            "glossary.yaml:7:7: concept `a`: language `zh-CN` is listed twice, first on line 5; merge the two entries"
        );
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms: {en: A, en: B}\n"),
            "glossary.yaml:4:20: concept `a`: language `en` is listed twice, first on line 4; merge the two entries"
        );
    }

    #[test]
    fn refuses_unknown_rule() {
        assert_eq!(
            err("version: 1\nrules:\n  casing: off\nconcepts: []\n"),
            "glossary.yaml:3:3: unknown rule `casing` in `rules`; use one of `forbidden`, \
             `untranslated`, `inconsistent`, `case`, `missing`, `count-mismatch`, `unused-suppression`, \
             `ambiguous-form`, `variant-is-official`, `swallowed-form`, `unmatchable-form`, \
             `folded-collision`, `missing-language`, `example-failed`"
        );
    }

    #[test]
    fn refuses_unknown_severity() {
        assert_eq!(
            err("version: 1\nrules: {case: fatal}\nconcepts: []\n"),
            "glossary.yaml:2:15: rule `case`: unknown severity `fatal`; use `error`, `warning`, `info` or `off`"
        );
    }

    #[test]
    fn refuses_rule_set_twice() {
        assert_eq!(
            err("version: 1\nrules:\n  case: off\n  case: info\nconcepts: []\n"),
            "glossary.yaml:4:3: rule `case` is set twice, first on line 3; keep one"
        );
    }

    #[test]
    fn refuses_invalid_source_language() {
        assert_eq!(
            err("version: 1\nsource_language: chinese\nconcepts: []\n"),
            "glossary.yaml:2:18: `source_language`: `chinese` is not a BCP 47 language tag (e.g. `de`, `de-CH`, `zh-Hans`)"
        );
    }

    #[test]
    fn refuses_concept_without_terms() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    note: x\n"),
            "glossary.yaml:3:5: concept `a` has no terms; add at least one language under `terms`"
        );
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms: {}\n"),
            "glossary.yaml:3:5: concept `a` has no terms; add at least one language under `terms`"
        );
    }

    #[test]
    fn refuses_shorthand_that_is_not_a_string() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      de: [A, B]\n"),
            "glossary.yaml:5:11: `concepts[0].terms.de`: invalid type: sequence, expected a term: \
             a string (quote names that look like numbers), or a map with `official`"
        );
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms:\n      en: 2024\n"),
            "glossary.yaml:5:11: `concepts[0].terms.en`: invalid type: integer `2024`, expected a \
             term: a string (quote names that look like numbers), or a map with `official`"
        );
    }

    #[test]
    fn flow_style_positions_point_into_the_line() {
        assert_eq!(
            err("version: 1\nconcepts: [{id: a, terms: {en: A}}, {id: b, terms: {en: B, de: {official: C, variants: [D, C]}}}]\n"),
            "glossary.yaml:2:92: concept `b`: `de` variant `C` is also its official form; remove one of them"
        );
    }

    #[test]
    fn unicode_columns_count_characters() {
        assert_eq!(
            err("version: 1\nconcepts:\n  - id: a\n    terms: {zh: 文化和旅游部, ru: Урумчи, de: ''}\n"),
            "glossary.yaml:4:41: concept `a`: `de` has an empty term; write the term or remove it"
        );
    }

    #[test]
    fn accepts_byte_order_mark() {
        assert_eq!(ok("\u{feff}version: 1\nconcepts: []\n").concepts.len(), 0);
    }

    #[test]
    fn refuses_empty_file() {
        for yaml in ["", "\n\n", "# nothing yet\n", "---\n"] {
            assert_eq!(
                err(yaml),
                "glossary.yaml:1:1: the glossary is empty; start it with `version: 1` and a `concepts:` list"
            );
        }
    }

    #[test]
    fn refuses_alias_bomb() {
        // "Billion laughs": nine levels of nine aliases would expand to
        // 9^9 strings; serde_yaml's repetition limit stops it early, and
        // the error points at the first alias.
        let mut yaml =
            String::from("version:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..9 {
            let items = vec![format!("*a{}", i - 1); 9].join(", ");
            yaml.push_str(&format!("  - &a{i} [{items}]\n"));
        }
        yaml.push_str("concepts: []\n");
        assert_eq!(
            err(&yaml),
            "glossary.yaml:3:10: too many alias expansions (`*name`); write the values out \
             instead of repeating anchors"
        );
    }

    #[test]
    fn refuses_deep_nesting() {
        let yaml = format!("version: {}\nconcepts: []\n", "[".repeat(500));
        assert_eq!(
            err(&yaml),
            "glossary.yaml:1:42: the YAML nests more than 32 levels deep here; a glossary needs \
             seven at most, check the brackets"
        );
    }

    #[test]
    fn refuses_several_documents() {
        assert_eq!(
            err("version: 1\nconcepts: []\n---\nversion: 1\n"),
            "glossary.yaml:1:1: the glossary holds more than one YAML document; keep one (remove the extra `---`)"
        );
    }

    #[test]
    fn refuses_unreadable_file() {
        let e = load(Path::new("no/such/glossary.yaml"))
            .map(|_| ())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("no/such/glossary.yaml:1:1: cannot read the glossary: no such file; check the path, or name the glossary with `--glossary`")
        );
    }

    #[test]
    fn refuses_non_utf8_file_at_the_bad_byte() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("glossary.yaml");
        std::fs::write(&path, b"version: 1\nconcepts:\n  - id: \xe4\xff\n")?;
        let e = load(&path)
            .map(|_| ())
            .err()
            .map(|e| e.message.clone() + &format!(" @{}:{}", e.line, e.column));
        assert_eq!(
            e.as_deref(),
            Some("the glossary is not UTF-8 (byte `0xe4`); save it as UTF-8 @3:9")
        );
        Ok(())
    }

    #[test]
    fn real_folding_joins_sharp_s_and_ss() {
        let e = load_str(
            Path::new("glossary.yaml"),
            "version: 1\nconcepts:\n  - id: s\n    terms:\n      de: {official: Straße, variants: [STRASSE]}\n",
        );
        assert!(e.is_err());
        let g = load_str(
            Path::new("glossary.yaml"),
            "version: 1\nconcepts:\n  - id: gh\n    terms:\n      en: {official: GitHub, variants: [Github], case_sensitive: true}\n",
        );
        assert!(g.is_ok());
    }
}
