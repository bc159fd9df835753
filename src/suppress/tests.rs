use super::*;
use crate::finding::testing::forbidden;
use crate::lang::LangTag;

fn doc(path: &str, format: Format, text: &str) -> Document {
    let lang = LangTag::parse("de").expect("valid tag");
    let mut doc = Document::new(path, text.to_string(), lang);
    doc.format = format;
    doc
}

/// A `forbidden` finding of `concept` at the first `found` in `doc`.
fn at(doc: &Document, concept: &str, found: &str) -> Finding {
    at_nth(doc, concept, found, 0)
}

fn at_nth(doc: &Document, concept: &str, found: &str, n: usize) -> Finding {
    let start = doc
        .text
        .match_indices(found)
        .nth(n)
        .map(|(i, _)| i)
        .expect("the text holds the finding");
    forbidden(&doc.path, start, concept, found)
}

fn summary(findings: &[Finding]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| (f.rule.id().to_string(), f.found.clone()))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const INFO: Option<Severity> = Some(Severity::Info);

#[test]
fn next_line_in_markdown_covers_only_the_line_below() {
    let d = doc(
        "a.md",
        Format::Markdown,
        "<!-- termlint-disable-next-line -->\nUrumchi eins\nUrumchi zwei\n",
    );
    let findings = vec![
        at_nth(&d, "urumqi", "Urumchi", 0),
        at_nth(&d, "urumqi", "Urumchi", 1),
    ];
    let kept = apply(&d, findings, INFO);
    assert_eq!(kept.len(), 1);
    assert_eq!(
        kept[0].span.start,
        d.text.find("Urumchi zwei").expect("there")
    );
}

#[test]
fn next_line_looks_past_blank_lines_and_stacked_directives() {
    let text =
        "<!-- termlint-disable-next-line a -->\n\n<!-- termlint-disable-next-line b -->\nA und B\n";
    let d = doc("a.md", Format::Markdown, text);
    let kept = apply(&d, vec![at(&d, "a", "A"), at(&d, "b", "B")], INFO);
    assert!(kept.is_empty(), "{kept:?}");
}

#[test]
fn block_runs_to_enable_or_end_of_file() {
    let text = "X1\n<!-- termlint-disable -->\nX2\n<!-- termlint-enable -->\nX3\n<!-- termlint-disable -->\nX4\n";
    let d = doc("a.md", Format::Markdown, text);
    let findings = ["X1", "X2", "X3", "X4"].map(|x| at(&d, "x", x)).to_vec();
    let kept = apply(&d, findings, INFO);
    assert_eq!(
        summary(&kept),
        pairs(&[("forbidden", "X1"), ("forbidden", "X3")])
    );
}

#[test]
fn named_concepts_leave_others_reported() {
    let text = "<!-- termlint-disable-next-line urumqi -->\nUrumchi und Peking\n";
    let d = doc("a.md", Format::Markdown, text);
    let findings = vec![at(&d, "urumqi", "Urumchi"), at(&d, "beijing", "Peking")];
    let kept = apply(&d, findings, INFO);
    assert_eq!(summary(&kept), pairs(&[("forbidden", "Peking")]));
}

#[test]
fn enable_with_a_concept_ends_only_that_concept() {
    let text = "<!-- termlint-disable -->\n<!-- termlint-enable a -->\nA und B\n";
    let d = doc("a.md", Format::Markdown, text);
    let kept = apply(&d, vec![at(&d, "a", "A"), at(&d, "b", "B")], INFO);
    assert_eq!(summary(&kept), pairs(&[("forbidden", "A")]));
}

#[test]
fn unused_directive_is_reported_at_the_comment() {
    let text = "Text\n<!-- termlint-disable-next-line mct -->\nnichts\n";
    let d = doc("a.md", Format::Markdown, text);
    let kept = apply(&d, Vec::new(), INFO);
    assert_eq!(kept.len(), 1);
    let f = &kept[0];
    assert_eq!(f.rule, Rule::UnusedSuppression);
    assert_eq!(f.severity, Severity::Info);
    assert_eq!(f.found, "<!-- termlint-disable-next-line mct -->");
    assert_eq!(f.concept, "mct");
    assert_eq!(
        f.message,
        "`termlint-disable-next-line mct` suppresses nothing; remove it"
    );
}

#[test]
fn unused_concept_of_a_used_directive_is_named() {
    let text = "<!-- termlint-disable-next-line a, b -- reviewed -->\nA\n";
    let d = doc("a.md", Format::Markdown, text);
    let kept = apply(&d, vec![at(&d, "a", "A")], INFO);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].concept, "b");
    assert_eq!(
        kept[0].message,
        "`termlint-disable-next-line a b` suppresses nothing for `b`; remove it from the comment"
    );
}

#[test]
fn unused_rule_turned_off_reports_nothing() {
    let d = doc("a.md", Format::Markdown, "<!-- termlint-disable -->\n");
    assert!(apply(&d, Vec::new(), None).is_empty());
}

#[test]
fn misspelt_directive_is_reported() {
    let d = doc(
        "a.md",
        Format::Markdown,
        "<!-- termlint-disable-line -->\nA\n",
    );
    let kept = apply(&d, vec![at(&d, "a", "A")], INFO);
    assert_eq!(
        summary(&kept),
        pairs(&[
            ("unused-suppression", "<!-- termlint-disable-line -->"),
            ("forbidden", "A")
        ])
    );
}

#[test]
fn markdown_directives_in_code_or_inside_a_paragraph_do_not_count() {
    let text = "```\n<!-- termlint-disable -->\n```\n    <!-- termlint-disable -->\nA <!-- termlint-disable -->\nA\n";
    let d = doc("a.md", Format::Markdown, text);
    let findings = vec![at_nth(&d, "a", "A", 0), at_nth(&d, "a", "A", 1)];
    assert_eq!(apply(&d, findings.clone(), INFO), findings);
}

#[test]
fn html_comment_mid_line_starts_a_block() {
    let text = "<p>A <!-- termlint-disable --> A</p>\n";
    let d = doc("a.html", Format::Html, text);
    let findings = vec![at_nth(&d, "a", "A", 0), at_nth(&d, "a", "A", 1)];
    let kept = apply(&d, findings, INFO);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].span.start, 3);
}

#[test]
fn po_next_line_covers_the_whole_next_entry() {
    let text = "# termlint-disable-next-line\n#, fuzzy\nmsgid \"Urumqi\"\nmsgstr \"\"\n\"Urumchi\"\n\nmsgid \"x\"\nmsgstr \"Urumchi\"\n";
    let d = doc("de.po", Format::Po, text);
    let findings = vec![at_nth(&d, "u", "Urumchi", 0), at_nth(&d, "u", "Urumchi", 1)];
    let kept = apply(&d, findings, INFO);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].span.start, text.rfind("Urumchi").expect("there"));
}

#[test]
fn po_extracted_comments_hold_no_directives() {
    let text = "#. termlint-disable-next-line\nmsgid \"a\"\nmsgstr \"A\"\n";
    let d = doc("de.po", Format::Po, text);
    let findings = vec![at(&d, "a", "A\"")];
    assert_eq!(apply(&d, findings.clone(), INFO), findings);
}

#[test]
fn plain_text_directives_take_any_comment_leader() {
    for leader in ["", "# ", "// ", "<!-- "] {
        let text = format!("{leader}termlint-disable-next-line\nUrumchi\n");
        let d = doc("a.txt", Format::Plain, &text);
        let kept = apply(&d, vec![at(&d, "u", "Urumchi")], INFO);
        assert!(kept.is_empty(), "leader {leader:?}: {kept:?}");
    }
}

#[test]
fn missing_finding_is_suppressed_at_its_anchor() {
    let d = doc(
        "a.md",
        Format::Markdown,
        "<!-- termlint-disable -->\nText\n",
    );
    let mut missing = at(&d, "a", "Text");
    missing.rule = Rule::Missing;
    missing.span = missing.span.start..missing.span.start;
    assert!(apply(&d, vec![missing], INFO).is_empty());
}

#[test]
fn findings_stay_sorted_by_position() {
    let text = "A\n<!-- termlint-disable b -->\nA\n";
    let d = doc("a.md", Format::Markdown, text);
    let findings = vec![at_nth(&d, "a", "A", 0), at_nth(&d, "a", "A", 1)];
    let kept = apply(&d, findings, INFO);
    let starts: Vec<usize> = kept.iter().map(|f| f.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
    assert_eq!(kept.len(), 3);
}
