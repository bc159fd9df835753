//! `--format concise`: one line per finding,
//! `path:line:column: severity[rule] message`, and nothing else — for grep,
//! editors' quickfix lists and `wc -l`.

use super::{FileReport, Position};
use crate::finding::Finding;
use std::io::{self, Write};

/// Writes one line per finding of `reports`.
pub fn render(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    for report in reports {
        for finding in &report.outcome.findings {
            let pos = Position::of(&report.doc, finding);
            writeln!(out, "{}", line(finding, pos))?;
        }
    }
    Ok(())
}

/// The line for one finding. Messages are one line already; a line break
/// in one would still split the record, so it becomes a space.
fn line(f: &Finding, pos: Position) -> String {
    let message: String = f
        .message
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    format!(
        "{}:{}:{}: {}[{}] {message}",
        f.path.display(),
        pos.line,
        pos.column,
        f.severity,
        f.rule
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Outcome;
    use crate::document::Document;
    use crate::finding::{Rule, Severity};
    use crate::lang::LangTag;

    fn report(text: &str, found: &str, message: &str) -> FileReport {
        let start = text.find(found).expect("found text is in the document");
        let finding = Finding {
            rule: Rule::Forbidden,
            severity: Severity::Error,
            path: "news/a.de.md".into(),
            language: "de".into(),
            span: start..start + found.len(),
            concept: "urumqi".into(),
            found: found.into(),
            expected: "Ürümqi".into(),
            note: None,
            message: message.into(),
            renderings: Vec::new(),
            counts: None,
        };
        let lang = LangTag::parse("de").expect("valid tag");
        FileReport {
            doc: Document::new("news/a.de.md", text.to_string(), lang),
            outcome: Outcome {
                findings: vec![finding],
                coverage: None,
            },
        }
    }

    fn rendered(reports: &[FileReport]) -> String {
        let mut out = Vec::new();
        render(&mut out, reports).expect("writing to memory succeeds");
        String::from_utf8(out).expect("output is UTF-8")
    }

    #[test]
    fn one_line_per_finding_with_char_columns() {
        let r = report("Kopf\nÜrümqi und Urumki", "Urumki", "use 'Ürümqi'");
        assert_eq!(
            rendered(&[r]),
            "news/a.de.md:2:12: error[forbidden] use 'Ürümqi'\n"
        );
    }

    #[test]
    fn line_breaks_in_messages_do_not_split_the_record() {
        let r = report("Urumki", "Urumki", "a\nb");
        assert_eq!(rendered(&[r]), "news/a.de.md:1:1: error[forbidden] a b\n");
    }

    #[test]
    fn no_findings_no_output() {
        assert_eq!(rendered(&[]), "");
    }
}
