//! The page around the files: head with the inline style sheet, the run's
//! summary, the filter controls, and the inline script at the end.

use super::{abbreviation, escape, FileReport};
use crate::finding::{Finding, Rule, Severity};
use crate::report::Summary;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Writes everything before the first file.
pub(super) fn start(html: &mut String, reports: &[FileReport]) {
    let title = match reports {
        [one] => format!("termlint review: {}", one.doc.path.display()),
        _ => format!("termlint review: {} files", reports.len()),
    };
    html.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"termlint {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to the findings</a>\n<header>\n<h1>termlint review</h1>\n",
        env!("CARGO_PKG_VERSION"),
        escape::text(&title),
    ));
    let all: Vec<&Finding> = reports.iter().flat_map(|r| &r.outcome.findings).collect();
    html.push_str(&format!(
        "<p class=\"summary\">{}</p>\n",
        summary_line(&Summary::of(reports))
    ));
    contents(html, reports);
    filters(html, &all);
    html.push_str("</header>\n<main id=\"main\">\n");
}

/// Writes the rest of the page.
pub(super) fn end(html: &mut String) {
    html.push_str(&format!(
        "</main>\n<footer><p>Made by termlint {}. Hover over or focus a highlight for its message; \
         the list beside the text links to each one.</p></footer>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
}

fn summary_line(s: &Summary) -> String {
    let files = plural(s.files, "file", "files");
    format!(
        "{files} checked: {}, {}, {}.",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "info", "infos")
    )
}

/// Counts of a file's findings by severity.
pub(super) fn counts(findings: &[Finding]) -> String {
    let of = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{}, {}, {}",
        plural(of(Severity::Error), "error", "errors"),
        plural(of(Severity::Warning), "warning", "warnings"),
        plural(of(Severity::Info), "info", "infos")
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Links to each file, when there are several.
fn contents(html: &mut String, reports: &[FileReport]) {
    if reports.len() < 2 {
        return;
    }
    html.push_str("<nav class=\"contents\" aria-label=\"Files\"><ol>\n");
    for (i, report) in reports.iter().enumerate() {
        html.push_str(&format!(
            "<li><a href=\"#file-{}\">{}</a> <span class=\"n\">({})</span></li>\n",
            i + 1,
            escape::text(&report.doc.path.display().to_string()),
            report.outcome.findings.len()
        ));
    }
    html.push_str("</ol></nav>\n");
}

/// Checkboxes per rule found and per severity. Hidden until the script
/// runs, as only the script filters; without it every finding is shown.
fn filters(html: &mut String, all: &[&Finding]) {
    html.push_str(
        "<form id=\"filters\" class=\"filters\" hidden aria-label=\"Filter findings\">\n\
         <fieldset><legend>Rules</legend>\n",
    );
    for rule in Rule::ALL {
        let n = all.iter().filter(|f| f.rule == rule).count();
        if n == 0 {
            continue;
        }
        let id = rule.id();
        html.push_str(&format!(
            "<label><input type=\"checkbox\" name=\"rule\" value=\"{id}\" checked> \
             <span class=\"tag r-{id}\">{}</span> {id} <span class=\"n\">({n})</span></label>\n",
            abbreviation(rule)
        ));
    }
    html.push_str("</fieldset>\n<fieldset><legend>Severity</legend>\n");
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = all.iter().filter(|f| f.severity == severity).count();
        let id = severity.id();
        html.push_str(&format!(
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{id}\" checked> \
             <span class=\"sev sev-{id}\">{id}</span> <span class=\"n\">({n})</span></label>\n"
        ));
    }
    html.push_str(
        "</fieldset>\n<p id=\"filter-status\" class=\"filter-status\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n",
    );
}
