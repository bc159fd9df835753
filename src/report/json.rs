//! `--format json` (SPEC §5): one object with `version`, `findings`,
//! `summary`, and `coverage` when a source text was given.

use super::{file_span, FileReport, Position, Summary};
use crate::finding::Finding;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    severity: &'static str,
    file: &'a str,
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

/// Appends the JSON object for `reports` to `out`: the bytes of
/// serde_json's pretty printer for the whole report, with each file's
/// findings rendered on the worker threads and put together in file order
/// (a large run has tens of thousands of findings, and one thread
/// rendering them was a tenth of the run). `out` grows once, to the size
/// of the findings, rather than doubling its way there.
pub fn render(out: &mut Vec<u8>, reports: &[FileReport]) -> io::Result<()> {
    let files = files_of(reports)?;
    // The findings, a separator each, and the rest (summary, coverage).
    let findings: usize = files.iter().map(|f| f.len() + 2).sum();
    out.reserve(findings + 4096);
    write(out, reports, &files)
}

/// Writes the JSON object for `reports` to `out` as it is put together,
/// as [`render`] would append it; for a stream such as stdout, where one
/// buffer of the whole report would only be copied again.
pub fn render_to(out: &mut impl Write, reports: &[FileReport]) -> io::Result<()> {
    let files = files_of(reports)?;
    write(out, reports, &files)?;
    // Left to the process end, like the reports: freeing tens of thousands
    // of buffers made on the workers only delays the exit.
    std::mem::forget(files);
    Ok(())
}

/// Each file's findings, rendered on the worker threads.
fn files_of(reports: &[FileReport]) -> io::Result<Vec<Vec<u8>>> {
    reports.par_iter().map(findings_of).collect()
}

fn write(out: &mut impl Write, reports: &[FileReport], files: &[Vec<u8>]) -> io::Result<()> {
    out.write_all(b"{\n  \"version\": 1,\n  \"findings\": ")?;
    let mut files = files.iter().filter(|f| !f.is_empty()).peekable();
    if files.peek().is_none() {
        out.write_all(b"[]")?;
    } else {
        out.write_all(b"[\n")?;
        for (i, file) in files.enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(file)?;
        }
        out.write_all(b"\n  ]")?;
    }
    out.write_all(b",\n  \"summary\": ")?;
    out.write_all(&nested(&Summary::of(reports), 1)?)?;
    if let Some(coverage) = coverage(reports) {
        out.write_all(b",\n  \"coverage\": ")?;
        out.write_all(&nested(&coverage, 1)?)?;
    }
    out.write_all(b"\n}\n")
}

/// The findings of one file as elements of the `findings` array: each
/// indented as at its depth, separated by commas; empty without findings.
fn findings_of(report: &FileReport) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut flat = Vec::new();
    // A file's findings name the file; its display form is made once.
    let mut file: Option<(&Path, String)> = None;
    for (i, f) in report.outcome.findings.iter().enumerate() {
        out.extend_from_slice(if i > 0 { b",\n    " } else { b"    " });
        if file.as_ref().is_none_or(|(path, _)| *path != f.path) {
            file = Some((&f.path, f.path.display().to_string()));
        }
        let shown = file.as_ref().map_or("", |(_, shown)| shown);
        flat.clear();
        serde_json::to_writer_pretty(&mut flat, &finding(report, f, shown))?;
        if i == 0 {
            // The others take about as much room as the first.
            let each = flat.len() + flat.len() / 8 + 8;
            out.reserve(each * report.outcome.findings.len());
        }
        indent(&flat, 2, &mut out);
    }
    Ok(out)
}

/// `value` pretty-printed as a value `level` levels deep: every line after
/// the first indented by two spaces a level. Strings never hold a raw line
/// break in JSON, so every one in the output is the printer's.
fn nested<T: Serialize>(value: &T, level: usize) -> io::Result<Vec<u8>> {
    let flat = serde_json::to_vec_pretty(value)?;
    let mut out = Vec::with_capacity(flat.len() + flat.len() / 8);
    indent(&flat, level, &mut out);
    Ok(out)
}

/// Appends pretty-printed `flat` to `out`, every line after the first
/// indented by two spaces a level.
fn indent(flat: &[u8], level: usize, out: &mut Vec<u8>) {
    let spaces = "  ".repeat(level);
    let mut start = 0;
    for newline in memchr::memchr_iter(b'\n', flat) {
        out.extend_from_slice(&flat[start..=newline]);
        out.extend_from_slice(spaces.as_bytes());
        start = newline + 1;
    }
    out.extend_from_slice(&flat[start..]);
}

fn finding<'a>(report: &'a FileReport, f: &'a Finding, file: &'a str) -> JsonFinding<'a> {
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
        file,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Checker;
    use crate::document::Document;
    use crate::finding::Rule;
    use crate::glossary::load_str;
    use crate::lang::LangTag;
    use std::path::Path;

    /// The whole object, as serde_json renders it in one piece.
    #[derive(Serialize)]
    struct Output<'a> {
        version: u32,
        findings: Vec<JsonFinding<'a>>,
        summary: Summary,
        #[serde(skip_serializing_if = "Option::is_none")]
        coverage: Option<Vec<JsonCoverage<'a>>>,
    }

    const GLOSSARY: &str = "version: 1\nconcepts:\n  - id: urumqi\n    note: \"city \\\"in\\\" line\\nbreak\"\n    terms:\n      de:\n        official: [Ürümqi, Urumqi]\n        variants: [Urumchi]\n      en: Urumqi\n      zh: 乌鲁木齐\n";

    /// What serde_json's pretty printer writes for the whole object.
    fn reference(reports: &[FileReport]) -> String {
        let files: Vec<Vec<String>> = reports
            .iter()
            .map(|r| {
                let shown = |f: &Finding| f.path.display().to_string();
                r.outcome.findings.iter().map(shown).collect()
            })
            .collect();
        let output = Output {
            version: 1,
            findings: reports
                .iter()
                .zip(&files)
                .flat_map(|(r, files)| {
                    let findings = r.outcome.findings.iter().zip(files);
                    findings.map(move |(f, file)| finding(r, f, file))
                })
                .collect(),
            summary: Summary::of(reports),
            coverage: coverage(reports),
        };
        let mut out = serde_json::to_string_pretty(&output).expect("renders");
        out.push('\n');
        out
    }

    fn rendered(reports: &[FileReport]) -> String {
        let mut out = Vec::new();
        render(&mut out, reports).expect("renders");
        String::from_utf8(out).expect("UTF-8")
    }

    fn report(checker: &Checker, path: &str, text: &str, source: Option<&str>) -> FileReport {
        let lang = LangTag::parse("de").expect("tag");
        let doc = Document::new(path, text.to_string(), lang);
        let source = source.map(|s| {
            Document::new(
                "src.zh.md",
                s.to_string(),
                LangTag::parse("zh").expect("tag"),
            )
        });
        let outcome = checker.check(&doc, source.as_ref());
        FileReport { doc, outcome }
    }

    #[test]
    fn rendering_by_file_gives_the_bytes_of_the_whole_object() {
        let checker = Checker::new(load_str(Path::new("g.yaml"), GLOSSARY).expect("loads"));
        let with = "Urumqi und Urumchi, \"Urumchi\"\n\tund Ürümqi.";
        let reports = vec![
            report(&checker, "a.de.md", with, None),
            report(&checker, "b.de.md", "Nichts.", None),
            report(&checker, "c.de.md", "Urumqi.", None),
        ];
        let rules: Vec<Rule> = reports[0].outcome.findings.iter().map(|f| f.rule).collect();
        assert!(rules.contains(&Rule::Inconsistent), "{rules:?}");
        assert_eq!(rules.iter().filter(|&&r| r == Rule::Forbidden).count(), 2);
        let sets: [&[FileReport]; 4] = [&[], &reports[1..2], &reports[..1], &reports];
        for set in sets {
            assert_eq!(rendered(set), reference(set));
        }
        let covered = vec![
            report(&checker, "a.de.md", "Urumqi.", Some("乌鲁木齐。")),
            report(&checker, "b.de.md", "Nichts.", Some("没有。")),
        ];
        assert!(covered[0].outcome.coverage.is_some());
        assert_eq!(rendered(&covered), reference(&covered));
    }
}
