//! `--format github`: one GitHub Actions workflow command per finding
//! (`::error file=…,line=…::message`), which the runner turns into an
//! annotation on the file and line.
//!
//! Every line is a command and there is no summary line: the runner would
//! print a plain line as log noise, and the step's exit code already says
//! whether the check passed.
//!
//! GitHub shows only the first few annotations of each kind per step (10
//! errors and 10 warnings, per its "Workflow commands" docs); a run with
//! more findings should upload `--format sarif` to code scanning instead.

use super::{FileReport, Position};
use crate::finding::{Finding, Severity};
use std::io::{self, Write};

/// Writes one workflow command per finding of `reports`.
pub fn render(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    for report in reports {
        for finding in &report.outcome.findings {
            let pos = Position::of(&report.doc, finding);
            writeln!(out, "{}", command(finding, pos))?;
        }
    }
    Ok(())
}

/// The workflow command for one finding.
fn command(f: &Finding, pos: Position) -> String {
    format!(
        "::{} {}::{}",
        command_name(f.severity),
        properties(f, pos),
        escape_data(&f.message)
    )
}

/// GitHub has `error`, `warning` and `notice` annotations; `notice` is
/// the one meant for information.
fn command_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// `file`, `line`, `col`, `endLine`, `endColumn` and `title`. GitHub counts
/// columns in characters, like termlint, and uses them only for an
/// annotation on one line, so a span across lines gives lines alone.
fn properties(f: &Finding, pos: Position) -> String {
    let file = f.path.to_string_lossy().replace('\\', "/");
    let mut props = vec![
        format!("file={}", escape_property(&file)),
        format!("line={}", pos.line),
    ];
    if pos.line == pos.end_line {
        props.push(format!("col={}", pos.column));
    }
    props.push(format!("endLine={}", pos.end_line));
    if pos.line == pos.end_line {
        props.push(format!("endColumn={}", pos.end_column));
    }
    let title = format!("termlint {}", f.rule);
    props.push(format!("title={}", escape_property(&title)));
    props.join(",")
}

/// Escapes a command's message as the Actions toolkit does
/// (`escapeData` in `@actions/core` `command.ts`): `%` first, so the
/// escapes themselves survive, then CR and LF, which would end the command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`escapeProperty` in `command.ts`): as data,
/// plus `:` and `,`, which end a value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Rule;

    fn finding(rule: Rule, severity: Severity, path: &str, message: &str) -> Finding {
        Finding {
            rule,
            severity,
            path: path.into(),
            language: "de".into(),
            span: 0..4,
            concept: "icif".into(),
            found: "Icif".into(),
            expected: "ICIF".into(),
            note: None,
            message: message.into(),
            renderings: Vec::new(),
            counts: None,
        }
    }

    fn at(line: usize, column: usize, end_line: usize, end_column: usize) -> Position {
        Position {
            line,
            column,
            end_line,
            end_column,
        }
    }

    #[test]
    fn one_line_command_with_every_property() {
        let f = finding(
            Rule::Case,
            Severity::Warning,
            "docs/a.de.md",
            "write 'ICIF'",
        );
        assert_eq!(
            command(&f, at(5, 5, 5, 9)),
            "::warning file=docs/a.de.md,line=5,col=5,endLine=5,endColumn=9,\
             title=termlint case::write 'ICIF'"
        );
    }

    #[test]
    fn info_is_a_notice() {
        let f = finding(Rule::CountMismatch, Severity::Info, "a.md", "m");
        assert!(command(&f, at(1, 1, 1, 1)).starts_with("::notice "));
    }

    #[test]
    fn span_across_lines_has_no_columns() {
        let f = finding(Rule::Forbidden, Severity::Error, "a.md", "m");
        assert_eq!(
            properties(&f, at(2, 30, 3, 4)),
            "file=a.md,line=2,endLine=3,title=termlint forbidden"
        );
    }

    #[test]
    fn message_escapes_percent_and_line_breaks() {
        assert_eq!(escape_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
    }

    #[test]
    fn property_escapes_colon_and_comma_too() {
        assert_eq!(
            escape_property("Messe 2024, Ü: 5%.md"),
            "Messe 2024%2C Ü%3A 5%25.md"
        );
    }

    #[test]
    fn escaped_path_in_command() {
        let f = finding(Rule::Case, Severity::Error, "a,b:c.md", "m");
        assert!(command(&f, at(1, 1, 1, 5)).starts_with("::error file=a%2Cb%3Ac.md,line=1,"));
    }
}
