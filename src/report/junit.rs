//! `--format junit`: a JUnit XML report, the test-report format GitLab,
//! Jenkins, Azure Pipelines and most CI dashboards read.
//!
//! Each checked file is a `<testsuite>`; each finding a `<testcase>`.
//! Errors and warnings are `<failure>`s (JUnit's `<error>` means a test that
//! crashed, not one that found a problem). Info findings are passing test
//! cases with the finding in `<system-out>`, so dashboards list them without
//! turning the file red. A file with no findings gets one passing test case
//! named `termlint`, so that every checked file shows in the report.

use super::{FileReport, Position, Summary};
use crate::finding::{Finding, Severity};
use std::io::{self, Write};

/// Writes `reports` as one JUnit XML document.
pub fn render(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let summary = Summary::of(reports);
    let tests: usize = reports.iter().map(test_count).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="termlint" tests="{tests}" failures="{}" errors="0">"#,
        summary.errors + summary.warnings
    )?;
    for report in reports {
        render_suite(out, report)?;
    }
    writeln!(out, "</testsuites>")
}

/// Test cases of a file: one per finding, or the one passing case.
fn test_count(report: &FileReport) -> usize {
    report.outcome.findings.len().max(1)
}

fn render_suite(out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
    let path = path(report);
    let failures = report
        .outcome
        .findings
        .iter()
        .filter(|f| is_failure(f))
        .count();
    writeln!(
        out,
        r#"  <testsuite name="{path}" tests="{}" failures="{failures}" errors="0" skipped="0">"#,
        test_count(report)
    )?;
    if report.outcome.findings.is_empty() {
        writeln!(
            out,
            r#"    <testcase name="termlint" classname="{path}" file="{path}"/>"#
        )?;
    }
    for finding in &report.outcome.findings {
        render_case(out, report, finding)?;
    }
    writeln!(out, "  </testsuite>")
}

fn is_failure(f: &Finding) -> bool {
    f.severity >= Severity::Warning
}

/// The file's path, escaped for an attribute.
fn path(report: &FileReport) -> String {
    escape(&report.doc.path.display().to_string())
}

fn render_case(out: &mut dyn Write, report: &FileReport, f: &Finding) -> io::Result<()> {
    let pos = Position::of(&report.doc, f);
    let path = path(report);
    let name = escape(&format!(
        "{} {} at {}:{}",
        f.rule, f.concept, pos.line, pos.column
    ));
    writeln!(
        out,
        r#"    <testcase name="{name}" classname="{path}" file="{path}" line="{}">"#,
        pos.line
    )?;
    let detail = escape(&format!(
        "{}:{}:{}: {}[{}] {}",
        report.doc.path.display(),
        pos.line,
        pos.column,
        f.severity,
        f.rule,
        f.message
    ));
    if is_failure(f) {
        let (rule, message) = (f.rule, escape(&f.message));
        writeln!(
            out,
            r#"      <failure type="{rule}" message="{message}">{detail}</failure>"#
        )?;
    } else {
        writeln!(out, "      <system-out>{detail}</system-out>")?;
    }
    writeln!(out, "    </testcase>")
}

/// Escapes text for XML 1.0 content and attribute values. Every attribute
/// here is delimited by `"`, so `'` stays as it is (XML 1.0 §2.3, AttValue).
/// Tab, LF and CR
/// become character references, since parsers turn them into spaces in
/// attributes (XML 1.0 §3.3.3); characters XML 1.0 does not allow at all
/// (§2.2: other C0 controls, U+FFFE, U+FFFF) become U+FFFD.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push_str(&format!("&#{};", u32::from(c))),
            c if is_forbidden(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Characters outside XML 1.0's `Char` production (§2.2).
fn is_forbidden(c: char) -> bool {
    (c < ' ') || c == '\u{fffe}' || c == '\u{ffff}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Outcome;
    use crate::document::Document;
    use crate::finding::Rule;
    use crate::lang::LangTag;
    use quick_xml::events::{BytesStart, Event};
    use quick_xml::{Reader, XmlVersion};

    fn finding(rule: Rule, severity: Severity, text: &str, found: &str) -> Finding {
        let start = text.find(found).expect("found text is in the document");
        Finding {
            rule,
            severity,
            path: "a & b/<x>.de.md".into(),
            language: "de".into(),
            span: start..start + found.len(),
            concept: "ministry".into(),
            found: found.into(),
            expected: "Ministerium".into(),
            note: None,
            message: format!("'{found}' is \"wrong\" & <bad>\u{1}"),
            renderings: Vec::new(),
            counts: None,
        }
    }

    fn report(text: &str, findings: Vec<Finding>) -> FileReport {
        let lang = LangTag::parse("de").expect("valid tag");
        FileReport {
            doc: Document::new("a & b/<x>.de.md", text.to_string(), lang),
            outcome: Outcome {
                findings,
                coverage: None,
            },
        }
    }

    fn rendered(reports: &[FileReport]) -> String {
        let mut out = Vec::new();
        render(&mut out, reports).expect("writing to memory succeeds");
        String::from_utf8(out).expect("output is UTF-8")
    }

    /// Start and empty elements of `xml`, by name, in order; panics on
    /// XML that does not parse.
    fn elements(xml: &str) -> Vec<(String, BytesStart<'_>)> {
        let mut reader = Reader::from_str(xml);
        let mut list = Vec::new();
        loop {
            match reader.read_event().expect("the report is well-formed XML") {
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.name().as_ref().to_string();
                    list.push((name, e));
                }
                Event::Eof => return list,
                _ => {}
            }
        }
    }

    fn attribute(e: &BytesStart<'_>, name: &str) -> String {
        let attr = e
            .try_get_attribute(name)
            .expect("attributes parse")
            .expect("the attribute is present");
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .expect("the value unescapes");
        value.into_owned()
    }

    fn count(list: &[(String, BytesStart<'_>)], name: &str) -> usize {
        list.iter().filter(|(n, _)| n == name).count()
    }

    #[test]
    fn failures_and_passing_info_cases() {
        let text = "Kulturministerium\nund Ministry";
        let findings = vec![
            finding(Rule::Forbidden, Severity::Error, text, "Kulturministerium"),
            finding(Rule::CountMismatch, Severity::Info, text, "Ministry"),
        ];
        let xml = rendered(&[report(text, findings)]);
        let list = elements(&xml);
        assert_eq!(count(&list, "testcase"), 2);
        assert_eq!(count(&list, "failure"), 1);
        assert_eq!(count(&list, "system-out"), 1);
        assert_eq!(attribute(&list[0].1, "tests"), "2");
        assert_eq!(attribute(&list[0].1, "failures"), "1");
        assert_eq!(attribute(&list[2].1, "name"), "forbidden ministry at 1:1");
        assert_eq!(attribute(&list[4].1, "line"), "2");
    }

    #[test]
    fn special_characters_survive_a_round_trip() {
        let text = "Kulturministerium";
        let findings = vec![finding(Rule::Forbidden, Severity::Error, text, text)];
        let xml = rendered(&[report(text, findings)]);
        let list = elements(&xml);
        assert_eq!(attribute(&list[1].1, "name"), "a & b/<x>.de.md");
        assert_eq!(
            attribute(&list[3].1, "message"),
            "'Kulturministerium' is \"wrong\" & <bad>\u{fffd}"
        );
    }

    #[test]
    fn a_clean_file_is_one_passing_case() {
        let xml = rendered(&[report("sauber", Vec::new())]);
        let list = elements(&xml);
        assert_eq!(count(&list, "testsuite"), 1);
        assert_eq!(count(&list, "failure"), 0);
        assert_eq!(attribute(&list[2].1, "name"), "termlint");
        assert_eq!(attribute(&list[0].1, "tests"), "1");
    }

    #[test]
    fn line_breaks_in_attributes_are_kept() {
        assert_eq!(escape("a\nb\tc'"), "a&#10;b&#9;c'");
    }
}
