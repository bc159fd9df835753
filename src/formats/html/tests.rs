use super::*;
use crate::segment::GAP;
use proptest::prelude::*;

fn parse(src: &str) -> Parsed {
    read(src, &ReadOptions::default()).expect("html is always read")
}

fn aligned(src: &str) -> Parsed {
    let options = ReadOptions {
        aligned_comments: true,
        ..ReadOptions::default()
    };
    read(src, &options).expect("html is always read")
}

fn texts(parsed: &Parsed) -> Vec<&str> {
    parsed.segments.iter().map(|s| s.text.trim()).collect()
}

fn tag(s: &str) -> LangTag {
    LangTag::parse(s).expect("valid tag")
}

/// The file bytes that `needle` in segment `segment` was read from.
fn original_of<'a>(src: &'a str, parsed: &Parsed, segment: usize, needle: &str) -> &'a str {
    let s = &parsed.segments[segment];
    let at = s.text.find(needle).expect("needle in segment");
    &src[s.original(at..at + needle.len())]
}

#[test]
fn name_reads_across_strong() {
    let src = "<p>Das <strong>Ministerium</strong> für Kultur lädt ein.</p>";
    let parsed = parse(src);
    assert_eq!(texts(&parsed), ["Das Ministerium für Kultur lädt ein."]);
    assert_eq!(
        original_of(src, &parsed, 0, "Ministerium für Kultur"),
        "Ministerium</strong> für Kultur"
    );
}

#[test]
fn ampersand_reference_inside_a_name() {
    let src = "<p>Shenzhen World Exhibition &amp; Convention Center</p>";
    let parsed = parse(src);
    let name = "Shenzhen World Exhibition & Convention Center";
    assert_eq!(texts(&parsed), [name]);
    assert_eq!(
        original_of(src, &parsed, 0, name),
        "Shenzhen World Exhibition &amp; Convention Center"
    );
    assert_eq!(original_of(src, &parsed, 0, "&"), "&amp;");
}

#[test]
fn nbsp_and_umlaut_references_decode() {
    let parsed = parse("<p>Bundesamt&nbsp;f&uuml;r Stra&szlig;enbau</p>");
    assert_eq!(texts(&parsed), ["Bundesamt\u{a0}für Straßenbau"]);
}

#[test]
fn scripts_styles_code_and_pre_are_left_out() {
    let src = "<style>p{}</style><script>var a = '<p>Park</p>';</script>\
               <p>Die Klasse <code>Kulturpark</code> fehlt.</p><pre>Kulturpark</pre>";
    let parsed = parse(src);
    assert_eq!(texts(&parsed), [format!("Die Klasse {GAP} fehlt.")]);
}

#[test]
fn comments_doctype_and_cdata_are_left_out() {
    let parsed = parse("<!DOCTYPE html><p>Kultur<!-- Park -->haus<![CDATA[x]]><?php y ?></p>");
    assert_eq!(texts(&parsed), ["Kulturhaus"]);
}

#[test]
fn title_and_alt_attributes_are_segments_with_exact_ranges() {
    let src = r#"<p title="Museum f&uuml;r Kunst">Text <img alt='Rathaus Wien'> mehr</p>"#;
    let parsed = parse(src);
    assert_eq!(
        texts(&parsed),
        [
            "Museum für Kunst",
            &format!("Text {GAP} mehr"),
            "Rathaus Wien"
        ]
    );
    let title = &parsed.segments[0];
    assert_eq!(
        &src[title.original(0..title.text.len())],
        "Museum f&uuml;r Kunst"
    );
    let alt = &parsed.segments[2];
    assert_eq!(&src[alt.original(0..alt.text.len())], "Rathaus Wien");
}

#[test]
fn block_boundaries_split_segments() {
    let parsed = parse("<p>Kultur</p><p>park</p><ul><li>Eins<li>Zwei</ul><td>A</td><td>B</td>");
    assert_eq!(texts(&parsed), ["Kultur", "park", "Eins", "Zwei", "A", "B"]);
}

#[test]
fn span_in_another_language_is_its_own_segment() {
    let src = r#"<html lang="de"><body><p>Der Bericht der <span lang="en">World Health Organization</span> erschien.</p></body></html>"#;
    let parsed = parse(src);
    assert_eq!(parsed.lang, Some(tag("de")));
    assert_eq!(
        texts(&parsed),
        ["Der Bericht der", "World Health Organization", "erschien."]
    );
    let langs: Vec<Option<LangTag>> = parsed.segments.iter().map(|s| s.lang.clone()).collect();
    assert_eq!(langs, [None, Some(tag("en")), None]);
}

#[test]
fn lang_equal_to_the_page_or_invalid_keeps_the_segment() {
    let src = r#"<html lang="de"><p>Das <b lang="de">Bundes</b><i lang="english">amt</i></p>"#;
    let parsed = parse(src);
    assert_eq!(texts(&parsed), ["Das Bundesamt"]);
    assert_eq!(parsed.segments[0].lang, None);
}

#[test]
fn xml_lang_declares_the_page_language() {
    let parsed =
        parse(r#"<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja"><p>東京</p></html>"#);
    assert_eq!(parsed.lang, Some(tag("ja")));
}

#[test]
fn attributes_take_the_language_of_their_element() {
    let src = r#"<html lang="zh"><img lang="en" alt="Shenzhen Bay"><p>深圳湾</p>"#;
    let parsed = parse(src);
    assert_eq!(parsed.segments[0].lang, Some(tag("en")));
    assert_eq!(parsed.segments[1].lang, None);
}

#[test]
fn unclosed_tags_and_stray_characters_do_not_panic() {
    let src = "<p>Fisch & Chips < 5 &; <span lang=en>Lord Mayor<p>Zweiter <b";
    let parsed = parse(src);
    assert_eq!(
        texts(&parsed),
        ["Fisch & Chips < 5 &;", "Lord Mayor", "Zweiter"]
    );
    assert_eq!(parsed.segments[2].lang, None);
}

#[test]
fn next_list_item_ends_the_language_of_an_unclosed_one() {
    let src = r#"<html lang="de"><ul><li lang="en">Town Hall<li>Rathaus</ul>"#;
    let langs: Vec<Option<LangTag>> = parse(src).segments.into_iter().map(|s| s.lang).collect();
    assert_eq!(langs, [Some(tag("en")), None]);
}

#[test]
fn stray_inline_end_tag_does_not_close_the_block() {
    let src = r#"<html lang="de"><span lang="en"><p>Lord Mayor</span> of London</p>"#;
    assert_eq!(texts(&parse(src)), ["Lord Mayor of London"]);
}

#[test]
fn uppercase_tags_and_unquoted_attributes() {
    let src = "<P TITLE=Rathaus>Das <STRONG>Rathaus</STRONG></P><P>Wien</P>";
    let parsed = parse(src);
    assert_eq!(texts(&parsed), ["Rathaus", "Das Rathaus", "Wien"]);
    assert_eq!(original_of(src, &parsed, 0, "Rathaus"), "Rathaus");
}

#[test]
fn crlf_line_endings_keep_offsets() {
    let src = "<p>\r\nDas Ministerium\r\nf&uuml;r Kultur\r\n</p>\r\n<p>Zwei</p>";
    let parsed = parse(src);
    assert_eq!(texts(&parsed), ["Das Ministerium\r\nfür Kultur", "Zwei"]);
    assert_eq!(original_of(src, &parsed, 0, "Kultur"), "Kultur");
}

#[test]
fn chinese_text_with_br_is_one_segment() {
    let src = "<p>深圳国际会展中心<br>位于宝安区</p>";
    let parsed = parse(src);
    assert_eq!(texts(&parsed), ["深圳国际会展中心 位于宝安区"]);
    assert_eq!(original_of(src, &parsed, 0, " "), "<br>");
}

#[test]
fn ruby_annotations_leave_the_base_text_whole() {
    let parsed = parse("<p><ruby>東京<rt>とうきょう</rt></ruby>国立博物館</p>");
    assert_eq!(texts(&parsed), ["東京国立博物館"]);
}

#[test]
fn title_element_and_meta_description_are_read() {
    let src = r#"<head><title>Stadt &amp; Land</title><meta name="Description" content="Das Rathaus"></head>"#;
    assert_eq!(texts(&parse(src)), ["Stadt & Land", "Das Rathaus"]);
}

#[test]
fn content_language_pragma_is_the_fallback_language() {
    let parsed = parse(r#"<meta http-equiv="Content-Language" content="ko"><p>서울</p>"#);
    assert_eq!(parsed.lang, Some(tag("ko")));
}

#[test]
fn svg_and_template_content_is_left_out() {
    let src = "<p>Vor<svg><title>Logo</title><path/></svg>nach</p><template><p>Park</p></template>";
    assert_eq!(texts(&parse(src)), [format!("Vor{GAP}nach")]);
}

#[test]
fn comments_are_plain_comments_without_aligned_mode() {
    let parsed = parse("<!-- The Ministry of Culture --><p>Das Kulturministerium</p>");
    assert!(parsed.pairs.is_empty());
}

#[test]
fn aligned_comment_pairs_source_with_the_blocks_below() {
    let src = "<!-- more -->\n<!-- The Ministry of <b>Culture</b> &amp; Media -->\n\
               <p>Das Ministerium</p><p>für Kultur</p>\n\
               <!-- 深圳会展中心 -->\n<p>Das Messezentrum</p>";
    let parsed = aligned(src);
    assert_eq!(parsed.pairs.len(), 2);
    let first = &parsed.pairs[0];
    assert_eq!(first.targets, 0..2);
    assert_eq!(first.anchor, parsed.segments[0].anchor);
    let source: Vec<&str> = first.source.iter().map(|s| s.text.trim()).collect();
    assert_eq!(source, ["The Ministry of Culture & Media"]);
    let s = &first.source[0];
    let at = s.text.find("Culture").expect("in source");
    assert_eq!(&src[s.original(at..at + 7)], "Culture");
    assert_eq!(parsed.pairs[1].targets, 2..3);
    assert_eq!(parsed.pairs[1].source[0].text.trim(), "深圳会展中心");
}

#[test]
fn marker_comments_are_not_sources() {
    for marker in [
        "more",
        "googleoff: index",
        "wp:paragraph {\"a\":1}",
        "[if IE]>x<![endif]",
    ] {
        assert!(!is_prose(marker), "{marker}");
    }
    assert!(is_prose("Das Ministerium"));
}

/// Pieces of HTML-ish text, to be glued at random.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<",
        ">",
        "</",
        "p",
        "span lang=\"en\"",
        "script",
        "&amp;",
        "&",
        ";",
        "<!--",
        "-->",
        "\"",
        "'",
        "a",
        "Z",
        " ",
        "\r\n",
        "東京",
        "中",
        "=",
        "/",
        "#x4E2D",
        "br",
        "&nbsp",
        "title=",
        "!",
        "?",
        "]]>",
        "<![CDATA[",
        "rt",
        "svg",
        "lang=de",
        "é",
    ])
}

proptest! {
    #[test]
    fn any_input_reads_with_ranges_inside_the_text(
        parts in prop::collection::vec(fragment(), 0..60),
        aligned_mode in any::<bool>(),
    ) {
        let src: String = parts.concat();
        let options = ReadOptions { aligned_comments: aligned_mode, ..ReadOptions::default() };
        let parsed = read(&src, &options).expect("html is always read");
        let mut last = 0;
        for segment in parsed.segments.iter().chain(parsed.pairs.iter().flat_map(|p| &p.source)) {
            for (at, c) in segment.text.char_indices() {
                let orig = segment.original(at..at + c.len_utf8());
                prop_assert!(orig.end <= src.len());
                prop_assert!(src.is_char_boundary(orig.start) && src.is_char_boundary(orig.end));
            }
        }
        for segment in &parsed.segments {
            prop_assert!(segment.anchor >= last);
            last = segment.anchor;
        }
        for pair in &parsed.pairs {
            prop_assert!(pair.targets.end <= parsed.segments.len());
        }
    }
}
