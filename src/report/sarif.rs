//! `--format sarif`: one SARIF 2.1.0 log (OASIS standard) with one run, for
//! code-scanning services such as GitHub code scanning and for editors with
//! a SARIF viewer.
//!
//! The log describes every rule (`tool.driver.rules`), then one `result` per
//! finding with its region, a stable partial fingerprint, and a fix for the
//! findings that one replacement can correct. Section numbers (§) refer to
//! the SARIF 2.1.0 specification.

use super::{file_span, FileReport, Position};
use crate::finding::{Finding, Rule, Severity};
use crate::fold::{fold_str, FoldOptions};
use crate::formats::Format;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::Path;

/// The schema the log names (§3.13.3); validators look it up by this URI.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key of termlint's partial fingerprint; bump the version when the
/// hashed fields change, so services do not match old and new values.
const FINGERPRINT_KEY: &str = "termlint/v1";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    /// termlint columns count Unicode scalar values, not UTF-16 code units
    /// (the default for some consumers), so say so (§3.14.18).
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Descriptor>,
}

/// A `reportingDescriptor` (§3.49), one per rule.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    default_configuration: Configuration,
    help: Text,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// A `message` or `multiformatMessageString` with plain text only.
#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
    properties: Properties,
}

/// The property bag (§3.8): the concept and the suggested form, which
/// `message` only states in prose.
#[derive(Serialize)]
struct Properties {
    concept: String,
    expected: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Clone)]
struct ArtifactLocation {
    uri: String,
}

/// Both the text properties and the binary ones (§3.30.2 allows both when
/// they agree): lines and columns for people, bytes for tools.
#[derive(Serialize, Clone, Copy)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

/// Writes `reports` as one SARIF log.
pub fn render(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![run(reports)],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn run(reports: &[FileReport]) -> Run {
    let results = reports.iter().flat_map(file_results).collect();
    Run {
        tool: Tool {
            driver: Driver {
                name: "termlint",
                version: env!("CARGO_PKG_VERSION"),
                rules: Rule::ALL.into_iter().map(descriptor).collect(),
            },
        },
        // Findings are not a failed run; a run that cannot be done writes
        // no log at all (exit code 2).
        invocations: vec![Invocation {
            execution_successful: true,
        }],
        column_kind: "unicodeCodePoints",
        results,
    }
}

fn descriptor(rule: Rule) -> Descriptor {
    let (short, full, help) = describe(rule);
    Descriptor {
        id: rule.id(),
        short_description: text(short),
        full_description: text(full),
        default_configuration: Configuration {
            level: level(rule.default_severity()),
        },
        help: text(help),
    }
}

/// Short description, full description and help of each rule (SPEC §3).
fn describe(rule: Rule) -> (&'static str, &'static str, &'static str) {
    match rule {
        Rule::Forbidden => (
            "A forbidden variant of an official name",
            "The text uses a rendering the glossary lists as a known wrong variant of a concept, in any language.",
            "Replace the variant with the official form the glossary gives for the text's language.",
        ),
        Rule::Untranslated => (
            "A name left in another language",
            "The text uses a concept's official form of another language, which is not accepted in the text's language and the concept is not marked do-not-translate.",
            "Replace the name with the official form of the text's language, or add the form to that language's official forms in the glossary.",
        ),
        Rule::Inconsistent => (
            "One concept named in several ways",
            "One document names one concept in more than one way (official forms, variants, other languages); reported once per concept, at the first use of its second rendering.",
            "Use the preferred official form throughout the document.",
        ),
        Rule::Case => (
            "A case-sensitive name with wrong capitals",
            "A form marked case_sensitive in the glossary occurs with other capitals; a capital first letter alone is allowed.",
            "Write the name with the capitals the glossary gives.",
        ),
        Rule::Missing => (
            "A name the translation lost",
            "The source text names the concept and the translation names it in no way at all.",
            "Check the translation near this place and add the official form of the name.",
        ),
        Rule::CountMismatch => (
            "A name used fewer times than in the source",
            "The translation names the concept fewer times than the source text does.",
            "Check whether the translation dropped or paraphrased some mentions of the name.",
        ),
        Rule::UnusedSuppression => (
            "A suppression comment that suppresses nothing",
            "A termlint-disable comment matches no finding, so it no longer does anything.",
            "Remove the comment.",
        ),
        Rule::AmbiguousForm => (
            "A glossary form shared by concepts",
            "Several concepts of the glossary have a form that folds to the same text; its matches belong to the first in file order.",
            "Remove the form from all but one concept, or merge the concepts.",
        ),
        Rule::VariantIsOfficial => (
            "A glossary variant that is another concept's official form",
            "A form listed as a variant of one concept is an official form of another, so correct uses of one are reported or counted as the other.",
            "Remove the variant, or merge the concepts.",
        ),
        Rule::SwallowedForm => (
            "A glossary form inside a longer form of another concept",
            "A form is a whole-word part of a longer form of another concept in the same language; where the longer form occurs, only it is reported and counted.",
            "Nothing, if that is intended; otherwise list the longer form under the right concept.",
        ),
        Rule::UnmatchableForm => (
            "A glossary form that does not match where it should",
            "A form has white space at one end or folds to text that does not match itself as a whole.",
            "Write the form without surrounding white space, punctuation of its own or invisible characters.",
        ),
        Rule::FoldedCollision => (
            "Two glossary forms that fold to the same text",
            "Two forms of one entry are the same text after folding, so one of them is redundant.",
            "Remove one of them, or set case_sensitive if they differ by case only.",
        ),
        Rule::MissingLanguage => (
            "A concept without a language the glossary uses",
            "A concept that is not do-not-translate has no entry for a language other concepts have, so texts in that language are not checked for it.",
            "Add an entry for the language, or mark the concept dnt.",
        ),
        Rule::ExampleFailed => (
            "A glossary example with other findings than it lists",
            "Checking an executable example of the glossary gives findings other than the ones the example expects.",
            "Fix the glossary, or the example's expected findings.",
        ),
    }
}

fn text(s: impl Into<String>) -> Text {
    Text { text: s.into() }
}

/// SARIF levels are `error`, `warning`, `note` and `none` (§3.27.10); it
/// has no `info`, and `note` is its meaning.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn file_results(report: &FileReport) -> Vec<SarifResult> {
    let fingerprints = fingerprints(&report.outcome.findings);
    report
        .outcome
        .findings
        .iter()
        .zip(fingerprints)
        .map(|(f, fingerprint)| result(report, f, fingerprint))
        .collect()
}

fn result(report: &FileReport, f: &Finding, fingerprint: String) -> SarifResult {
    let location = ArtifactLocation { uri: uri(&f.path) };
    let region = region(report, f);
    SarifResult {
        rule_id: f.rule.id(),
        rule_index: rule_index(f.rule),
        level: level(f.severity),
        message: text(f.message.as_str()),
        fixes: fix(f, report.doc.format, &location, region)
            .into_iter()
            .collect(),
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: location,
                region,
            },
        }],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
        properties: Properties {
            concept: f.concept.clone(),
            expected: f.expected.clone(),
        },
    }
}

/// The rule's index in `tool.driver.rules`, which lists `Rule::ALL` in
/// order; every rule is in `ALL`, so the default is never used.
fn rule_index(rule: Rule) -> usize {
    Rule::ALL
        .iter()
        .position(|&r| r == rule)
        .unwrap_or_default()
}

/// An empty span (a `missing` name) gives an insertion point: `endColumn`
/// equal to `startColumn` (§3.30.2 allows empty regions).
fn region(report: &FileReport, f: &Finding) -> Region {
    let pos = Position::of(&report.doc, f);
    let bytes = file_span(&report.doc, f);
    Region {
        start_line: pos.line,
        start_column: pos.column,
        end_line: pos.end_line,
        end_column: pos.end_column,
        byte_offset: bytes.start,
        byte_length: bytes.len(),
    }
}

/// A replacement by the expected form, for findings where the name as
/// written is simply the wrong name: `forbidden` and `untranslated`. A name
/// broken across lines is left alone, since the replacement would join the
/// lines, and so is a form that the file's syntax would need escaped. SARIF
/// consumers show fixes as proposals for review (§3.55), so an inflected
/// name that needs its ending back is still seen by a person.
fn fix(f: &Finding, format: Format, location: &ArtifactLocation, region: Region) -> Option<Fix> {
    let fixable = matches!(f.rule, Rule::Forbidden | Rule::Untranslated);
    let one_line = !f.found.contains(['\n', '\r']);
    if !fixable || f.span.is_empty() || !one_line || needs_escaping(format, &f.expected) {
        return None;
    }
    Some(Fix {
        description: text("Replace with the official form"),
        artifact_changes: vec![ArtifactChange {
            artifact_location: location.clone(),
            replacements: vec![Replacement {
                deleted_region: region,
                inserted_content: text(f.expected.as_str()),
            }],
        }],
    })
}

/// Whether `text` holds characters that are markup in `format`: `&` and
/// `<` in XML and HTML, `"` and `\\` in a PO string.
fn needs_escaping(format: Format, text: &str) -> bool {
    match format {
        Format::Html | Format::Xliff | Format::Tmx => text.contains(['&', '<', '>']),
        Format::Po => text.contains(['"', '\\']),
        Format::Plain | Format::Markdown => false,
    }
}

/// One fingerprint per finding, in order: a hash of the path, concept,
/// rule, the folded text found, and how many findings with the same three
/// came before it in the file. Positions are left out so that inserting
/// unrelated lines keeps every fingerprint (§3.27.17, partialFingerprints).
fn fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<(String, Rule, String), usize> = HashMap::new();
    findings
        .iter()
        .map(|f| {
            let found = fold_str(&f.found, FoldOptions { case: true });
            let key = (f.concept.clone(), f.rule, found);
            let count = seen.entry(key.clone()).or_default();
            let occurrence = *count;
            *count += 1;
            let (path, occurrence) = (uri(&f.path), occurrence.to_string());
            let parts = [path.as_str(), &key.0, key.1.id(), &key.2, &occurrence];
            format!("{:016x}", fnv1a(&parts))
        })
        .collect()
}

/// FNV-1a, 64 bits: tiny and fixed forever, unlike std's `DefaultHasher`,
/// whose output may change between Rust releases. Parts are separated by a
/// zero byte so that `("ab", "c")` and `("a", "bc")` differ.
fn fnv1a(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let bytes = parts.iter().flat_map(|p| p.bytes().chain([0]));
    bytes.fold(OFFSET, |hash, b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

/// The path as a URI reference (§3.4.3, RFC 3986): relative paths stay
/// relative with forward slashes, absolute ones become `file:` URIs, and
/// every byte outside the unreserved set and `/` is percent-encoded.
fn uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let relative = text.strip_prefix("./").unwrap_or(&text);
    if relative.starts_with('/') {
        return format!("file://{}", percent_encode(relative));
    }
    match windows_drive(relative) {
        // RFC 8089 Appendix E.2: `file:///C:/dir/file`.
        Some((drive, rest)) => format!("file:///{drive}:{}", percent_encode(rest)),
        None => percent_encode(relative),
    }
}

/// The drive letter and the rest of `C:/x` (after the slash swap).
fn windows_drive(path: &str) -> Option<(char, &str)> {
    let mut chars = path.chars();
    let drive = chars.next().filter(char::is_ascii_alphabetic)?;
    let rest = chars.as_str().strip_prefix(':')?;
    rest.starts_with('/').then_some((drive, rest))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        // RFC 3986 §2.3 unreserved characters, and `/` between segments.
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Outcome;
    use crate::document::Document;
    use crate::lang::LangTag;
    use serde_json::Value;

    fn finding(rule: Rule, text: &str, found: &str) -> Finding {
        let start = text.find(found).expect("found text is in the document");
        Finding {
            rule,
            severity: rule.default_severity(),
            path: "news/forum.de.md".into(),
            language: "de".into(),
            span: start..start + found.len(),
            concept: "urumqi".into(),
            found: found.into(),
            expected: "Ürümqi".into(),
            note: None,
            message: format!("'{found}' is wrong"),
            renderings: Vec::new(),
            counts: None,
        }
    }

    fn report(text: &str, findings: Vec<Finding>) -> FileReport {
        let lang = LangTag::parse("de").expect("valid tag");
        FileReport {
            doc: Document::new("news/forum.de.md", text.to_string(), lang),
            outcome: Outcome {
                findings,
                coverage: None,
            },
        }
    }

    fn render_value(reports: &[FileReport]) -> Value {
        let mut out = Vec::new();
        render(&mut out, reports).expect("writing to memory succeeds");
        serde_json::from_slice(&out).expect("the log is JSON")
    }

    #[test]
    fn every_rule_is_described_in_order() {
        let log = render_value(&[]);
        let rules = &log["runs"][0]["tool"]["driver"]["rules"];
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(rules[i]["id"], *id);
            assert_eq!(rule_index(Rule::ALL[i]), i);
        }
        assert_eq!(rules[5]["defaultConfiguration"]["level"], "note");
        assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    }

    #[test]
    fn region_counts_chars_and_bytes() {
        let text = "Ürümqi und Urumqi";
        let log = render_value(&[report(text, vec![finding(Rule::Forbidden, text, "Urumqi")])]);
        let result = &log["runs"][0]["results"][0];
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startColumn"], 12);
        assert_eq!(region["endColumn"], 18);
        assert_eq!(region["byteOffset"], "Ürümqi und ".len());
        assert_eq!(region["byteLength"], 6);
        assert_eq!(result["level"], "error");
        assert_eq!(result["ruleIndex"], 0);
    }

    #[test]
    fn forbidden_gets_a_replacement_fix() {
        let text = "Urumqi";
        let log = render_value(&[report(text, vec![finding(Rule::Forbidden, text, "Urumqi")])]);
        let fix = &log["runs"][0]["results"][0]["fixes"][0];
        let replacement = &fix["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "Ürümqi");
        assert_eq!(replacement["deletedRegion"]["byteLength"], 6);
    }

    #[test]
    fn no_fix_for_warnings_or_names_across_lines() {
        let text = "Urumqi\nUrum\nqi";
        let case = finding(Rule::Case, text, "Urumqi");
        let split = finding(Rule::Untranslated, text, "Urum\nqi");
        let location = ArtifactLocation { uri: "a".into() };
        let r = report(text, Vec::new());
        let plain = Format::Plain;
        assert!(fix(&case, plain, &location, region(&r, &case)).is_none());
        assert!(fix(&split, plain, &location, region(&r, &split)).is_none());
    }

    #[test]
    fn no_fix_that_the_file_syntax_would_need_escaped() {
        let text = "Urumqi";
        let mut f = finding(Rule::Forbidden, text, "Urumqi");
        f.expected = "Kultur & Tourismus".into();
        let location = ArtifactLocation { uri: "a".into() };
        let region = region(&report(text, Vec::new()), &f);
        assert!(fix(&f, Format::Xliff, &location, region).is_none());
        assert!(fix(&f, Format::Markdown, &location, region).is_some());
        assert!(needs_escaping(Format::Po, "\"Park\""));
    }

    #[test]
    fn fingerprints_survive_inserted_lines() {
        let before = "Urumqi\nUrumqi";
        let after = "Neue Zeile\nUrumqi\n\nUrumqi";
        let of = |text: &str| {
            let first = finding(Rule::Forbidden, text, "Urumqi");
            let mut second = first.clone();
            let at = text.rfind("Urumqi").expect("second name");
            second.span = at..at + 6;
            fingerprints(&[first, second])
        };
        let (old, new) = (of(before), of(after));
        assert_eq!(old, new);
        assert_ne!(old[0], old[1], "repeated names are told apart");
    }

    #[test]
    fn fingerprints_ignore_case_of_the_found_text() {
        let a = finding(Rule::Case, "URUMQI", "URUMQI");
        let b = finding(Rule::Case, "urumqi", "urumqi");
        assert_eq!(fingerprints(&[a]), fingerprints(&[b]));
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // Vectors from the FNV reference test suite: "" and "a" (here
        // followed by the zero separator, so hash the parts by hand).
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        // Xor with the zero separator changes nothing; only the multiply.
        let a_then_zero = 0xaf63_dc4c_8601_ec8c_u64.wrapping_mul(0x0100_0000_01b3);
        assert_eq!(fnv1a(&["a"]), a_then_zero);
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
    }

    #[test]
    fn uris_are_relative_encoded_references() {
        assert_eq!(uri(Path::new("news/forum.de.md")), "news/forum.de.md");
        assert_eq!(
            uri(Path::new("./a b/Bericht#1.de.md")),
            "a%20b/Bericht%231.de.md"
        );
        assert_eq!(uri(Path::new("news\\ü.de.md")), "news/%C3%BC.de.md");
        assert_eq!(uri(Path::new("a:b.md")), "a%3Ab.md");
        assert_eq!(uri(Path::new("/srv/x y.md")), "file:///srv/x%20y.md");
        assert_eq!(uri(Path::new("C:\\docs\\x.md")), "file:///C:/docs/x.md");
    }
}
