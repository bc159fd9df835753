//! Tests of the Markdown reader: what is prose, what is skipped, and that
//! every name found maps back to its bytes in the file.

use super::*;
use crate::lang::LangTag;
use crate::segment::GAP;
use proptest::prelude::*;

fn parse(text: &str) -> Parsed {
    read(text, &ReadOptions::default()).expect("valid Markdown")
}

fn aligned(text: &str) -> Parsed {
    let options = ReadOptions {
        aligned_comments: true,
        ..ReadOptions::default()
    };
    read(text, &options).expect("valid Markdown")
}

fn texts(parsed: &Parsed) -> Vec<&str> {
    parsed.segments.iter().map(|s| s.text.as_str()).collect()
}

/// The file bytes of every occurrence of `name` in the segments' text.
fn found<'t>(text: &'t str, segments: &[Segment], name: &str) -> Vec<&'t str> {
    segments
        .iter()
        .flat_map(|s| {
            s.text
                .match_indices(name)
                .map(|(at, _)| &text[s.original(at..at + name.len())])
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn name_across_emphasis_reads_as_one() {
    let text = "Das **Ministerium** für Kultur lud ein.";
    let parsed = parse(text);
    assert_eq!(texts(&parsed), vec!["Das Ministerium für Kultur lud ein."]);
    assert_eq!(
        found(text, &parsed.segments, "Ministerium für Kultur"),
        vec!["Ministerium** für Kultur"]
    );
}

#[test]
fn korean_particle_after_strong_joins_the_name() {
    let text = "**문화체육관광부**는 발표했다.";
    let parsed = parse(text);
    assert_eq!(texts(&parsed), vec!["문화체육관광부는 발표했다."]);
    assert_eq!(
        found(text, &parsed.segments, "문화체육관광부"),
        vec!["문화체육관광부"]
    );
}

#[test]
fn link_text_is_prose_but_its_url_is_not() {
    let text = "Der [Kulturindustriepark](https://example.org/Kulturindustriepark) liegt dort.";
    let parsed = parse(text);
    assert_eq!(texts(&parsed), vec!["Der Kulturindustriepark liegt dort."]);
    let offsets: Vec<usize> = parsed.segments[0]
        .text
        .match_indices("Kulturindustriepark")
        .map(|(at, _)| parsed.segments[0].original(at..at).start)
        .collect();
    assert_eq!(offsets, vec![5]);
}

#[test]
fn bare_url_and_autolink_are_gaps() {
    let text = "Siehe https://example.org/Kulturindustriepark oder <https://example.org/Peking>.";
    let parsed = parse(text);
    assert_eq!(parsed.segments[0].text, format!("Siehe {GAP} oder {GAP}."));
}

#[test]
fn inline_code_is_a_gap_no_name_matches_across() {
    let parsed = parse("Das Ministerium `für` Kultur.");
    assert_eq!(
        parsed.segments[0].text,
        format!("Das Ministerium {GAP} Kultur.")
    );
    assert!(!parsed.segments[0].text.contains("Ministerium für Kultur"));
}

#[test]
fn inline_html_is_a_gap_and_html_blocks_are_skipped() {
    let parsed = parse("<div class=\"Peking\">\nPeking im Block\n</div>\n\nIn <b>Peking</b>.");
    assert_eq!(texts(&parsed), vec![format!("In {GAP}Peking{GAP}.")]);
}

#[test]
fn fenced_and_indented_code_are_skipped() {
    let text = "Vor dem Code.\n\n```rust\nlet peking = \"Peking\";\n```\n\n    Peking eingerückt\n\nDanach.";
    assert_eq!(texts(&parse(text)), vec!["Vor dem Code.", "Danach."]);
}

#[test]
fn heading_anchors_are_not_text() {
    let text = "## Peking {#peking}\n\n## 北京 {/*beijing*/}\n";
    assert_eq!(texts(&parse(text)), vec!["Peking", "北京"]);
}

#[test]
fn table_cells_are_segments_of_their_own() {
    let text = "| Stadt | Name |\n|---|---|\n| 北京 | Peking |\n";
    assert_eq!(texts(&parse(text)), vec!["Stadt", "Name", "北京", "Peking"]);
}

#[test]
fn list_items_are_segments_tight_loose_and_nested() {
    let text = "- Peking\n- Ürümqi\n  - Kulturindustriepark\n\n1. Erster\n\n   zweiter Absatz\n";
    assert_eq!(
        texts(&parse(text)),
        vec![
            "Peking",
            "Ürümqi",
            "Kulturindustriepark",
            "Erster",
            "zweiter Absatz"
        ]
    );
}

#[test]
fn block_quote_lines_join_and_map_past_the_markers() {
    let text = "> Das Ministerium\n> für Kultur\n";
    let parsed = parse(text);
    assert_eq!(texts(&parsed), vec!["Das Ministerium für Kultur"]);
    assert_eq!(
        found(text, &parsed.segments, "Ministerium für Kultur"),
        vec!["Ministerium\n> für Kultur"]
    );
}

#[test]
fn image_alt_text_is_checked_between_gaps() {
    let text = "Vor ![Logo des Kulturindustrieparks](logo.png) dem Tor.";
    let parsed = parse(text);
    assert_eq!(
        parsed.segments[0].text,
        format!("Vor {GAP}Logo des Kulturindustrieparks{GAP} dem Tor.")
    );
    assert_eq!(
        found(text, &parsed.segments, "Kulturindustrieparks"),
        vec!["Kulturindustrieparks"]
    );
}

#[test]
fn entity_decodes_and_maps_back_to_the_entity() {
    let text = "Shenzhen World Exhibition &amp; Convention Center";
    let parsed = parse(text);
    assert_eq!(
        texts(&parsed),
        vec!["Shenzhen World Exhibition & Convention Center"]
    );
    assert_eq!(found(text, &parsed.segments, "&"), vec!["&amp;"]);
    assert_eq!(
        found(text, &parsed.segments, "Exhibition & Convention"),
        vec!["Exhibition &amp; Convention"]
    );
}

#[test]
fn escaped_markup_is_text() {
    let text = "Das \\*Ministerium\\* für Kultur";
    let parsed = parse(text);
    assert_eq!(texts(&parsed), vec!["Das *Ministerium* für Kultur"]);
    assert_eq!(
        found(text, &parsed.segments, "Ministerium"),
        vec!["Ministerium"]
    );
}

#[test]
fn soft_break_inside_a_name_maps_to_both_lines() {
    let text = "Heute lud das Ministerium für\nKultur und Tourismus ein.";
    let parsed = parse(text);
    assert_eq!(
        found(
            text,
            &parsed.segments,
            "Ministerium für Kultur und Tourismus"
        ),
        vec!["Ministerium für\nKultur und Tourismus"]
    );
}

#[test]
fn footnote_definition_is_prose_and_reference_a_gap() {
    let text = "Peking[^1] ist groß.\n\n[^1]: Heute Beijing genannt.\n";
    assert_eq!(
        texts(&parse(text)),
        vec![
            format!("Peking{GAP} ist groß."),
            "Heute Beijing genannt.".to_string()
        ]
    );
}

#[test]
fn link_reference_definitions_are_skipped() {
    let text = "Siehe [Peking][p].\n\n[p]: https://example.org/Peking \"Peking\"\n";
    assert_eq!(texts(&parse(text)), vec!["Siehe Peking."]);
}

#[test]
fn mdx_tag_with_brace_attributes_is_not_prose() {
    let text = "Vorher.\n\n<img src=\"peking.png\" style={{margin: 0}} />\n\nNachher.";
    assert_eq!(texts(&parse(text)), vec!["Vorher.", "Nachher."]);
}

#[test]
fn shortcodes_are_gaps() {
    let text = "文化{{< glossary_tooltip text=\"北京\" term_id=\"x\" >}}部\n\n{{% note %}}\n";
    assert_eq!(texts(&parse(text)), vec![format!("文化{GAP}部")]);
}

#[test]
fn front_matter_chosen_keys_are_checked_and_lang_is_read() {
    let text = "---\ntitle: Ürümqi\nslug: peking\ndescription: >\n  Der Park\n  in Peking\nlang: de\n---\n# Kopf\n";
    let parsed = parse(text);
    assert_eq!(texts(&parsed), vec!["Ürümqi", "Der Park in Peking", "Kopf"]);
    assert_eq!(found(text, &parsed.segments, "Peking"), vec!["Peking"]);
    assert_eq!(parsed.lang, LangTag::parse("de").ok());
}

#[test]
fn front_matter_is_not_a_setext_heading() {
    let parsed = parse("---\nweight: 3\n---\nText\n");
    assert_eq!(texts(&parsed), vec!["Text"]);
}

#[test]
fn invalid_front_matter_is_an_error() {
    let error = read("---\ntitle: \"open\n---\nText", &ReadOptions::default());
    assert!(error.is_err());
}

#[test]
fn crlf_file_maps_names_across_line_ends() {
    let text = "---\r\ntitle: \"Peking\"\r\n---\r\n# Ministerium\r\n\r\nDas Ministerium für\r\nKultur.\r\n";
    let parsed = parse(text);
    assert_eq!(
        texts(&parsed),
        vec!["Peking", "Ministerium", "Das Ministerium für Kultur."]
    );
    assert_eq!(found(text, &parsed.segments, "Peking"), vec!["Peking"]);
    assert_eq!(
        found(text, &parsed.segments, "für Kultur"),
        vec!["für\r\nKultur"]
    );
}

#[test]
fn comments_are_skipped_without_aligned_mode() {
    let parsed = parse("<!--\nThe Ministry of Culture\n-->\nDas Ministerium\n");
    assert_eq!(texts(&parsed), vec!["Das Ministerium"]);
    assert!(parsed.pairs.is_empty());
}

const K8S_LIKE: &str = "---
title: 北京组件
weight: 10
---
<!--
title: Beijing Components
weight: 10
-->

<!-- overview -->

<!--
## Core parts of Beijing

The Ministry of Culture and Tourism runs
the Cultural Industry Park.
-->
## 北京的核心部分 {#core}

文化和旅游部管理文化产业园区。

<!--
See [Urumqi](/docs/urumqi/).
-->
参见[乌鲁木齐](/zh/docs/urumqi/)。
";

#[test]
fn aligned_comment_is_the_source_of_the_blocks_below_it() {
    let text = K8S_LIKE;
    let parsed = aligned(text);
    assert_eq!(
        texts(&parsed),
        vec![
            "北京组件",
            "北京的核心部分",
            "文化和旅游部管理文化产业园区。",
            "参见乌鲁木齐。"
        ]
    );
    let pair = parsed
        .pairs
        .iter()
        .find(|p| p.targets == (1..3))
        .expect("heading and paragraph share one source");
    let source: Vec<&str> = pair.source.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        source,
        vec![
            "Core parts of Beijing",
            "The Ministry of Culture and Tourism runs the Cultural Industry Park."
        ]
    );
    let comment = text.find("<!--\n## Core").expect("fixture") + 4
        ..text.find("-->\n## 北京").expect("fixture");
    for segment in &pair.source {
        let range = segment.original(0..segment.text.len());
        assert!(comment.start <= range.start && range.end <= comment.end);
    }
    assert_eq!(
        found(text, &pair.source, "Ministry of Culture and Tourism"),
        vec!["Ministry of Culture and Tourism"]
    );
    assert_eq!(&text[pair.anchor..pair.anchor + 6], "北京");
    assert!(parsed.pairs.iter().any(|p| p.targets == (3..4)));
}

#[test]
fn front_matter_comment_is_the_source_of_the_title() {
    let parsed = aligned(K8S_LIKE);
    let pair = &parsed.pairs[0];
    assert_eq!(pair.targets, 0..1);
    assert_eq!(pair.source.len(), 1);
    assert_eq!(pair.source[0].text, "Beijing Components");
    let at = pair.source[0].original(0..7);
    assert_eq!(&K8S_LIKE[at], "Beijing");
    assert_eq!(parsed.pairs.len(), 3, "the marker is no source");
}

#[test]
fn comments_in_a_row_are_one_source() {
    let text = "<!--\n> Peking is old.\n-->\n\n<!--\n> Urumqi is far.\n-->\n\n> 北京很古老。乌鲁木齐很远。\n\n<!--\nLast words.\n-->\n";
    let parsed = aligned(text);
    assert_eq!(parsed.pairs.len(), 2);
    assert_eq!(parsed.pairs[0].targets, 0..1);
    assert_eq!(parsed.pairs[0].source.len(), 2);
    let last = &parsed.pairs[1];
    assert!(last.targets.is_empty());
    assert_eq!(last.anchor, text.len());
}

/// Markdown-ish text from the pieces that trip readers up.
fn markdownish() -> impl Strategy<Value = String> {
    let tokens = prop::sample::select(vec![
        "#",
        "## ",
        "*",
        "**",
        "_",
        "`",
        "```",
        "[",
        "](",
        ")",
        "<!--",
        "-->",
        "<b>",
        "\n",
        "\r\n",
        "\n\n",
        "> ",
        "- ",
        "1. ",
        "|",
        "---",
        "+++",
        "{#a}",
        "{/*a*/}",
        "{{<",
        ">}}",
        "&amp;",
        "&#x4e2d;",
        "&bogus;",
        "\\",
        "https://x.org/a",
        "title: ",
        "Peking",
        "für",
        "北京",
        "문화",
        " ",
        "    ",
        "![",
        "[^1]",
        "[^1]: ",
        "<https://a.b>",
        "\t",
    ]);
    prop::collection::vec(tokens, 0..40).prop_map(|t| t.concat())
}

fn assert_maps_inside(text: &str, segment: &Segment) {
    let len = segment.text.len();
    let mut last = 0;
    for (at, _) in segment.text.char_indices().chain([(len, ' ')]) {
        let before = segment.original(0..at);
        let after = segment.original(at..len);
        for r in [&before, &after] {
            assert!(r.start <= r.end && r.end <= text.len(), "{r:?} in {len}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert!(after.start >= last, "pieces out of order");
        last = after.start;
    }
}

proptest! {
    #[test]
    fn reading_never_panics_and_maps_inside_the_text(text in markdownish(), aligned_mode: bool) {
        let options = ReadOptions { aligned_comments: aligned_mode, ..ReadOptions::default() };
        if let Ok(parsed) = read(&text, &options) {
            for segment in &parsed.segments {
                assert_maps_inside(&text, segment);
            }
            for pair in &parsed.pairs {
                prop_assert!(pair.targets.end <= parsed.segments.len());
                prop_assert!(pair.anchor <= text.len());
                for segment in &pair.source {
                    assert_maps_inside(&text, segment);
                }
            }
        }
    }
}

#[test]
fn name_lost_under_a_source_comment_is_missing_there() {
    use crate::check::Checker;
    use crate::document::Document;
    use crate::finding::Rule;
    let glossary = "version: 1\nsource_language: en\nconcepts:\n  - id: park\n    terms:\n      en: Cultural Industry Park\n      zh: 文化产业园区\n";
    let checker = Checker::new(
        crate::glossary::load_str(std::path::Path::new("g.yaml"), glossary).expect("glossary"),
    );
    let text = "<!--\nWe visited the Cultural Industry Park.\n-->\n我们参观了园区。\n";
    let parsed = aligned(text);
    let mut doc = Document::with_segments(
        "p.md",
        text.to_string(),
        LangTag::parse("zh").expect("tag"),
        parsed.segments,
    );
    doc.pairs = parsed.pairs;
    let findings = checker.check(&doc, None).findings;
    let missing: Vec<usize> = findings
        .iter()
        .filter(|f| f.rule == Rule::Missing)
        .map(|f| f.span.start)
        .collect();
    assert_eq!(missing, vec![text.find('我').expect("fixture")]);
}
