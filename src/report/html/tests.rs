use super::*;
use crate::finding::testing::forbidden;
use crate::finding::Severity;
use crate::glossary::load_str;
use std::collections::HashSet;
use std::path::Path;

const GLOSSARY: &str = r#"
version: 1
source_language: zh
concepts:
  - id: mct
    terms:
      zh: 文化和旅游部
      de:
        official: Ministerium für Kultur und Tourismus
        variants: [Kultur- und Tourismusministerium]
  - id: urumqi
    terms:
      zh: 乌鲁木齐
      de:
        official: [Ürümqi, Urumqi]
"#;

fn checker() -> Checker {
    Checker::new(load_str(Path::new("g.yaml"), GLOSSARY).expect("test glossary loads"))
}

fn tag(s: &str) -> LangTag {
    LangTag::parse(s).expect("valid tag")
}

fn doc(path: &str, lang: &str, text: &str) -> Document {
    Document::new(path, text.to_string(), tag(lang))
}

fn checked(checker: &Checker, doc: Document, source: Option<&Document>) -> FileReport {
    let outcome = checker.check(&doc, source);
    FileReport { doc, outcome }
}

fn page(reports: &[FileReport], context: &Context<'_>) -> String {
    let mut out = Vec::new();
    render(&mut out, reports, context).expect("rendered");
    String::from_utf8(out).expect("UTF-8 page")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// Every value of `attr="…"` in `html`.
fn values<'h>(html: &'h str, attr: &str) -> Vec<&'h str> {
    let marker = format!(" {attr}=\"");
    html.split(marker.as_str())
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(v, _)| v))
        .collect()
}

/// The findings-only page of one hand-made report.
fn findings_page(text: &str, findings: Vec<Finding>) -> String {
    let doc = doc("a.de.txt", "de", text);
    let outcome = crate::check::Outcome {
        findings,
        coverage: None,
    };
    page(&[FileReport { doc, outcome }], &Context::default())
}

#[test]
fn markup_in_the_text_and_messages_is_escaped() {
    let text = "<script>alert(1)</script> & \"Urumtschi\" \u{202E}evil";
    let mut f = forbidden(Path::new("a.de.txt"), 28, "urumqi", "\"Urumtschi\"");
    f.message = "say \"<b>\" & 'x'".to_string();
    let html = findings_page(text, vec![f]);
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "));
    assert!(html.contains(
        "data-tip=\"forbidden (error): say &quot;&lt;b&gt;&quot; &amp; &#39;x&#39;&#10;"
    ));
    assert!(!html.contains('\u{202E}'));
    assert!(html.contains(">U+202E</span>evil"));
}

#[test]
fn each_finding_is_one_mark_even_when_nested_or_zero_width() {
    let c = checker();
    let source = doc("a.zh.txt", "zh", "乌鲁木齐。\n\n文化和旅游部。");
    let target = doc("a.de.txt", "de", "Ürümqi.\n\nIn Urumqi tagte man.");
    let report = checked(&c, target, Some(&source));
    let rules: Vec<Rule> = report.outcome.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, vec![Rule::Missing, Rule::Inconsistent]);
    let html = page(std::slice::from_ref(&report), &Context::default());
    assert_eq!(count(&html, "<mark "), 2);
    // `missing` stands where the paragraph starts: an empty, labelled mark.
    assert!(html.contains("data-tag=\"MI 1\""));
    assert!(html.contains("aria-describedby=\"f1-1-d\"></mark>"));
}

#[test]
fn equal_spans_nest_and_crossing_spans_continue() {
    let path = Path::new("a.de.txt");
    let text = "Urumtschi Park Plan";
    let mut inner = forbidden(path, 0, "urumqi", "Urumtschi");
    inner.rule = Rule::Inconsistent;
    inner.severity = Severity::Warning;
    let crossing = forbidden(path, 5, "x", "tschi Park");
    let findings = vec![forbidden(path, 0, "urumqi", "Urumtschi"), inner, crossing];
    let html = findings_page(text, findings);
    assert_eq!(count(&html, "<mark "), 3);
    assert!(html.contains("id=\"f1-1\""));
    assert!(html.contains("<span class=\"hlc r-forbidden\""));
    let (f1, f2) = (
        html.find("id=\"f1-1\"").expect("first"),
        html.find("id=\"f1-2\"").expect("second"),
    );
    assert!(f1 < f2, "the first finding is the outer mark");
}

#[test]
fn ids_are_unique_and_every_link_has_a_target() {
    let c = checker();
    let sources: HashMap<PathBuf, Document> = [(
        PathBuf::from("b.de.txt"),
        doc("b.zh.txt", "zh", "乌鲁木齐与文化和旅游部。"),
    )]
    .into_iter()
    .collect();
    let reports = vec![
        checked(
            &c,
            doc(
                "a.de.txt",
                "de",
                "Ürümqi und Urumqi, Kultur- und Tourismusministerium.",
            ),
            None,
        ),
        checked(
            &c,
            doc("b.de.txt", "de", "Urumqi und Ürümqi."),
            sources.get(Path::new("b.de.txt")),
        ),
    ];
    let context = Context {
        checker: Some(&c),
        sources: Some(&sources),
    };
    let html = page(&reports, &context);
    let ids = values(&html, "id");
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate id in {ids:?}");
    let valid = |id: &str| {
        id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    assert!(ids.iter().all(|id| valid(id)), "{ids:?}");
    let hrefs = values(&html, "href");
    assert!(hrefs.len() > 10);
    for href in hrefs {
        let target = href.strip_prefix('#').expect("links stay on the page");
        assert!(unique.contains(target), "no element with id {target}");
    }
    let findings = reports
        .iter()
        .map(|r| r.outcome.findings.len())
        .sum::<usize>();
    assert_eq!(count(&html, "<mark "), findings);
    assert_eq!(count(&html, "class=\"flink\""), findings);
}

#[test]
fn text_and_each_side_carry_their_language() {
    let c = checker();
    let source = doc("a.zh.txt", "zh", "乌鲁木齐");
    let sources: HashMap<PathBuf, Document> =
        [(PathBuf::from("a.de.txt"), source)].into_iter().collect();
    let report = checked(
        &c,
        doc("a.de.txt", "de", "Urumqi"),
        sources.get(Path::new("a.de.txt")),
    );
    let context = Context {
        checker: Some(&c),
        sources: Some(&sources),
    };
    let html = page(std::slice::from_ref(&report), &context);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<td class=\"text\" lang=\"zh\" dir=\"auto\">"));
    assert!(html.contains("<td class=\"text\" lang=\"de\" dir=\"auto\">"));
    // Each name links to its counterpart on the other side.
    assert!(html.contains("<a class=\"occ\" id=\"n1-t1\" data-c=\"c1\" href=\"#n1-s1\""));
    assert!(html.contains("<a class=\"occ\" id=\"n1-s1\" data-c=\"c1\" href=\"#n1-t1\""));
    let alone = page(std::slice::from_ref(&report), &Context::default());
    assert!(alone.contains("<div class=\"text\" lang=\"de\" dir=\"auto\">"));
}

#[test]
fn concept_table_counts_every_rendering_with_links() {
    let c = checker();
    let text = "Ürümqi, Urumqi und wieder Ürümqi.";
    let report = checked(&c, doc("a.de.txt", "de", text), None);
    let context = Context {
        checker: Some(&c),
        sources: None,
    };
    let html = page(std::slice::from_ref(&report), &context);
    assert!(html.contains("<p class=\"status bad\">2 renderings</p>"));
    assert!(html.contains("<bdi>Ürümqi</bdi> <span class=\"count\">×2</span>"));
    assert!(html.contains("<a href=\"#n1-t1\" title=\"Ürümqi\">1:1</a> <a href=\"#n1-t3\""));
}

#[test]
fn page_is_self_contained() {
    let html = findings_page(
        "Urumtschi",
        vec![forbidden(Path::new("a"), 0, "u", "Urumtschi")],
    );
    for external in ["src=", "<link", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(external), "page refers to {external}");
    }
    assert!(html.contains("<form id=\"filters\""));
    assert!(html.contains("@media print"));
}

#[test]
fn po_entries_stand_beside_their_msgid_and_a_comment_finding_keeps_its_row() {
    let c = checker();
    let text = "msgid \"\"\nmsgstr \"Language: de\\n\"\n\n\
                # termlint-disable-next-line urumqi\n\
                msgid \"Lunch\"\nmsgstr \"Mittag\"\n\n\
                msgid \"Urumqi\"\nmsgstr \"Urumqi und Ürümqi\"\n";
    let parsed = crate::formats::read(crate::formats::Format::Po, text, &Default::default())
        .expect("PO reads");
    let mut doc = Document::with_segments("a.po", text.to_string(), tag("de"), parsed.segments);
    doc.pairs = parsed.pairs;
    let mut report = checked(&c, doc, None);
    let findings = std::mem::take(&mut report.outcome.findings);
    report.outcome.findings = crate::suppress::apply(&report.doc, findings, Some(Severity::Info));
    let rules: Vec<Rule> = report.outcome.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, vec![Rule::UnusedSuppression, Rule::Inconsistent]);
    let context = Context {
        checker: Some(&c),
        sources: None,
    };
    let html = page(std::slice::from_ref(&report), &context);
    assert_eq!(count(&html, "<mark "), 2);
    // The msgid is the source cell, the msgstr the translation beside it.
    assert!(html.contains(
        "<td class=\"text\" lang=\"und\" dir=\"auto\">Lunch</td><td class=\"text\" lang=\"de\" dir=\"auto\">Mittag</td>"
    ));
    // The header and comment before the entries hold a finding, so they
    // get a row of their own.
    assert!(html.contains(
        "<tr><td class=\"text\" lang=\"und\" dir=\"auto\"></td><td class=\"text\" lang=\"de\" dir=\"auto\">msgid \"\""
    ));
    assert!(html.contains("\n<mark class=\"hl r-unused-suppression\""));
}
