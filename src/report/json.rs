//! `--format json` (SPEC §5): one object with `version`, `findings`,
//! `summary`, and `coverage` when a source text was given.

use super::{file_span, FileReport, Position, Summary};
use crate::finding::Finding;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<Vec<JsonCoverage<'a>>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    severity: &'static str,
    file: String,
    language: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    concept: &'a str,
    found: &'a str,
    expected: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    renderings: Option<Vec<JsonRendering<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_count: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target_count: Option<usize>,
}

#[derive(Serialize)]
struct JsonRendering<'a> {
    form: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct JsonCoverage<'a> {
    concept: &'a str,
    file: String,
    source_count: usize,
    target_count: usize,
    other_count: usize,
}

impl Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Summary", 4)?;
        st.serialize_field("files", &self.files)?;
        st.serialize_field("errors", &self.errors)?;
        st.serialize_field("warnings", &self.warnings)?;
        st.serialize_field("infos", &self.infos)?;
        st.end()
    }
}

/// Writes the JSON object for `reports`.
pub fn render(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    let findings = reports
        .iter()
        .flat_map(|r| r.outcome.findings.iter().map(move |f| finding(r, f)))
        .collect();
    let coverage = coverage(reports);
    let output = Output {
        version: 1,
        findings,
        summary: Summary::of(reports),
        coverage,
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}

fn finding<'a>(report: &'a FileReport, f: &'a Finding) -> JsonFinding<'a> {
    let pos = Position::of(&report.doc, f);
    let bytes = file_span(&report.doc, f);
    let renderings = (!f.renderings.is_empty()).then(|| {
        f.renderings
            .iter()
            .map(|r| JsonRendering {
                form: &r.form,
                count: r.count,
            })
            .collect()
    });
    JsonFinding {
        rule: f.rule.id(),
        severity: f.severity.id(),
        file: f.path.display().to_string(),
        language: &f.language,
        line: pos.line,
        column: pos.column,
        end_line: pos.end_line,
        end_column: pos.end_column,
        byte_start: bytes.start,
        byte_end: bytes.end,
        concept: &f.concept,
        found: &f.found,
        expected: &f.expected,
        message: &f.message,
        note: f.note.as_deref(),
        renderings,
        source_count: f.counts.map(|c| c.source),
        target_count: f.counts.map(|c| c.target),
    }
}

/// Coverage of every file checked against a source, in file order.
fn coverage(reports: &[FileReport]) -> Option<Vec<JsonCoverage<'_>>> {
    let mut any = false;
    let mut list = Vec::new();
    for report in reports {
        let Some(cov) = &report.outcome.coverage else {
            continue;
        };
        any = true;
        list.extend(cov.iter().map(|c| JsonCoverage {
            concept: &c.concept,
            file: report.doc.path.display().to_string(),
            source_count: c.source_count,
            target_count: c.target_count,
            other_count: c.other_count,
        }));
    }
    any.then_some(list)
}
