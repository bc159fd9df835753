use super::*;
use crate::segment::GAP;
use proptest::prelude::*;

fn parse(text: &str) -> Parsed {
    read(text, &ReadOptions::default()).expect("well-formed XLIFF")
}

fn tag(s: &str) -> LangTag {
    LangTag::parse(s).expect("valid tag")
}

fn texts(parsed: &Parsed) -> Vec<&str> {
    parsed.segments.iter().map(|s| s.text.as_str()).collect()
}

/// The file bytes a name inside a segment was read from.
fn original<'a>(text: &'a str, seg: &Segment, name: &str) -> &'a str {
    let at = seg.text.find(name).expect("name in segment");
    &text[seg.original(at..at + name.len())]
}

const TWO_FILES_12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.txt" source-language="en" target-language="de" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>The Ministry of Culture and Tourism</source>
        <target>Das Ministerium für Kultur und Tourismus</target>
      </trans-unit>
    </body>
  </file>
  <file original="news.txt" source-language="en" target-language="fr_FR" datatype="plaintext">
    <body>
      <group id="g">
        <trans-unit id="1">
          <source>The Ministry of Culture and Tourism</source>
          <target>Le ministère de la Culture et du Tourisme</target>
          <alt-trans><target>Ministère de la Culture</target></alt-trans>
        </trans-unit>
      </group>
    </body>
  </file>
</xliff>
"#;

#[test]
fn files_with_different_target_languages_give_each_segment_its_language() {
    let parsed = parse(TWO_FILES_12);
    assert_eq!(
        texts(&parsed),
        vec![
            "Das Ministerium für Kultur und Tourismus",
            "Le ministère de la Culture et du Tourisme"
        ]
    );
    assert_eq!(parsed.segments[0].lang, Some(tag("de")));
    assert_eq!(parsed.segments[1].lang, Some(tag("fr-FR")));
    assert_eq!(parsed.lang, Some(tag("de")));
    assert_eq!(parsed.source_lang, Some(tag("en")));
}

#[test]
fn each_target_pairs_with_its_source_at_the_target_text() {
    let parsed = parse(TWO_FILES_12);
    assert_eq!(parsed.pairs.len(), 2);
    let pair = &parsed.pairs[1];
    assert_eq!(pair.targets, 1..2);
    assert_eq!(pair.source_lang, Some(tag("en")));
    assert_eq!(pair.source[0].text, "The Ministry of Culture and Tourism");
    assert!(TWO_FILES_12[pair.anchor..].starts_with("Le ministère"));
}

#[test]
fn one_target_language_is_the_document_language() {
    let text = r#"<xliff version="1.2"><file source-language="zh" target-language="ja"><body>
<trans-unit id="a"><source>文化和旅游部</source><target>文化観光省</target></trans-unit>
</body></file></xliff>"#;
    let parsed = parse(text);
    assert_eq!(parsed.lang, Some(tag("ja")));
    assert_eq!(parsed.source_lang, Some(tag("zh")));
    assert_eq!(parsed.segments[0].lang, None);
    assert_eq!(original(text, &parsed.segments[0], "観光"), "観光");
}

const UNITS_20: &str = r#"<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru">
  <file id="f1">
    <notes><note>Проверено редактором</note></notes>
    <unit id="u1">
      <segment id="s1">
        <source>The Ministry of Culture opened the park.</source>
        <target>Министерство культуры открыло парк.</target>
      </segment>
      <ignorable><source> </source><target> </target></ignorable>
      <segment id="s2">
        <source>Urumqi hosted the fair.</source>
        <target>Ярмарка прошла в Урумчи.</target>
      </segment>
    </unit>
  </file>
</xliff>
"#;

#[test]
fn xliff_2_pairs_each_segment_of_a_unit() {
    let parsed = parse(UNITS_20);
    assert_eq!(
        texts(&parsed),
        vec![
            "Министерство культуры открыло парк.",
            "Ярмарка прошла в Урумчи."
        ]
    );
    assert_eq!(parsed.lang, Some(tag("ru")));
    assert_eq!(parsed.source_lang, Some(tag("en")));
    let sources: Vec<&str> = parsed
        .pairs
        .iter()
        .map(|p| p.source[0].text.as_str())
        .collect();
    assert_eq!(
        sources,
        vec![
            "The Ministry of Culture opened the park.",
            "Urumqi hosted the fair."
        ]
    );
    assert_eq!(parsed.pairs[1].targets, 1..2);
    assert_eq!(original(UNITS_20, &parsed.segments[1], "Урумчи"), "Урумчи");
}

#[test]
fn text_inside_g_continues_the_name() {
    let text = r#"<xliff version="1.2"><file target-language="de"><body><trans-unit id="1">
<source>the <g id="1">Ministry</g> of Culture</source>
<target>das <g id="1">Ministerium</g> für Kultur</target>
</trans-unit></body></file></xliff>"#;
    let parsed = parse(text);
    let seg = &parsed.segments[0];
    assert_eq!(seg.text, "das Ministerium für Kultur");
    let at = seg.text.find("Ministerium").expect("in text");
    let orig = &text[seg.original(at..seg.text.len())];
    assert_eq!(orig, "Ministerium</g> für Kultur");
}

#[test]
fn text_marked_not_to_be_translated_is_left_out() {
    let two = r#"<xliff version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="1"><segment>
<source>a letter from Urumqi</source>
<target>Brief aus <mrk id="m1" translate="no">Urumchi</mrk> und Urumchi</target>
</segment></unit></file></xliff>"#;
    let seg = &parse(two).segments[0];
    assert_eq!(seg.text, format!("Brief aus {GAP} und Urumchi"));
    let one = r#"<xliff version="1.2"><file target-language="de"><body><trans-unit id="1">
<source>x</source>
<target>Brief aus <mrk mtype="protected">Urumchi</mrk>, <mrk mtype="term">Urumchi</mrk></target>
</trans-unit></body></file></xliff>"#;
    let seg = &parse(one).segments[0];
    assert_eq!(seg.text, format!("Brief aus {GAP}, Urumchi"));
}

#[test]
fn placeholders_are_gaps_and_paired_codes_are_not_text() {
    let text = r#"<xliff version="1.2"><file target-language="de"><body><trans-unit id="1">
<source>x</source>
<target>Kultur<x id="1"/>park und <bpt id="2">&lt;b&gt;</bpt>Tourismus<ept id="2">&lt;/b&gt;</ept></target>
</trans-unit></body></file></xliff>"#;
    let parsed = parse(text);
    assert_eq!(
        parsed.segments[0].text,
        format!("Kultur{GAP}park und Tourismus")
    );
}

#[test]
fn xliff_2_inline_codes_and_code_points() {
    let text = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
<file id="f"><unit id="u"><segment>
<source>x</source>
<target><pc id="1">Ministerium</pc> für<ph id="2"/>Kultur<sc id="3"/> und <sm id="m"/>Touris<cp hex="006D"/>us<em startRef="m"/></target>
</segment></unit></file></xliff>"#;
    let parsed = parse(text);
    let seg = &parsed.segments[0];
    assert_eq!(
        seg.text,
        format!("Ministerium für{GAP}Kultur und Tourismus")
    );
    assert_eq!(
        original(text, seg, "Tourismus"),
        "Touris<cp hex=\"006D\"/>us"
    );
}

#[test]
fn entities_map_to_their_bytes_and_cdata_is_verbatim() {
    let text = r#"<xliff version="1.2"><file target-language="en"><body><trans-unit id="1">
<source>深圳会展中心</source>
<target>Shenzhen World Exhibition &amp; Convention Center, <![CDATA[Caf&eacute; <Park>]]> &#x4E2D;</target>
</trans-unit></body></file></xliff>"#;
    let parsed = parse(text);
    let seg = &parsed.segments[0];
    assert_eq!(
        seg.text,
        "Shenzhen World Exhibition & Convention Center, Caf&eacute; <Park> 中"
    );
    let name = "Shenzhen World Exhibition & Convention Center";
    assert_eq!(
        original(text, seg, name),
        "Shenzhen World Exhibition &amp; Convention Center"
    );
    assert_eq!(original(text, seg, "&"), "&amp;");
    assert_eq!(original(text, seg, "<Park>"), "<Park>");
    assert_eq!(original(text, seg, "中"), "&#x4E2D;");
}

#[test]
fn untranslated_units_are_skipped() {
    let text = r#"<xliff version="1.2"><file target-language="fr"><body>
<trans-unit id="1"><source>Urumqi</source></trans-unit>
<trans-unit id="2"><source>Urumqi</source><target/></trans-unit>
<trans-unit id="3"><source>Urumqi</source><target>  </target></trans-unit>
<trans-unit id="4"><source>Urumqi</source><target>Ürümqi</target></trans-unit>
</body></file></xliff>"#;
    let parsed = parse(text);
    assert_eq!(texts(&parsed), vec!["Ürümqi"]);
    assert_eq!(parsed.pairs.len(), 1);
    assert_eq!(parsed.pairs[0].targets, 0..1);
}

#[test]
fn translate_no_units_and_groups_are_skipped() {
    let text = r#"<xliff version="1.2"><file target-language="de"><body>
<trans-unit id="1" translate="no"><source>ICIF</source><target>ICIF</target></trans-unit>
<group translate="no"><trans-unit id="2"><source>a</source><target>b</target></trans-unit></group>
<trans-unit id="3"><source>Park</source><target>Der Park</target></trans-unit>
</body></file></xliff>"#;
    assert_eq!(texts(&parse(text)), vec!["Der Park"]);
    let v2 = r#"<xliff version="2.0" srcLang="en" trgLang="de"><file id="f">
<unit id="1" translate="no"><segment><source>ICIF</source><target>ICIF</target></segment></unit>
</file></xliff>"#;
    assert!(parse(v2).segments.is_empty());
}

#[test]
fn malformed_xml_is_an_error_at_the_bad_markup() {
    let text = r#"<xliff version="1.2"><file target-language="de"><body>
<trans-unit id="1"><source>Park</source><target>Der Park</source></trans-unit>
</body></file></xliff>"#;
    let err = read(text, &ReadOptions::default()).expect_err("mismatched end tag");
    assert_eq!(err.offset, text.find("</source></trans").expect("in text"));
    assert!(
        err.message.starts_with("malformed XML: "),
        "{}",
        err.message
    );
    assert!(err.message.contains("fix the file"), "{}", err.message);
}

#[test]
fn malformed_xml_error_is_one_short_line() {
    // A broken end tag runs on to the next `>`, lines and all; quick-xml
    // quotes it whole.
    let garbage = "Park\n\t\t".repeat(100);
    let text = format!(
        "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><target>Der </{garbage}<note>x</note></target></trans-unit></body></file></xliff>"
    );
    let err = read(&text, &ReadOptions::default()).expect_err("mismatched end tag");
    assert!(!err.message.contains('\n'), "{}", err.message);
    assert!(err.message.chars().count() < 300, "{}", err.message);
    assert!(err.message.contains("fix the file"), "{}", err.message);
}

#[test]
fn file_ending_inside_a_target_is_an_error() {
    let text = r#"<xliff version="1.2"><file><body><trans-unit id="1"><target>Der Park"#;
    let err = read(text, &ReadOptions::default()).expect_err("unclosed");
    assert!(err.offset <= text.len());
    assert!(
        err.message.starts_with("malformed XML: "),
        "{}",
        err.message
    );
}

/// Every mapped range lies inside the file and on char boundaries.
fn assert_mapped(text: &str, parsed: &Parsed) {
    let sources = parsed.pairs.iter().flat_map(|p| p.source.iter());
    for seg in parsed.segments.iter().chain(sources) {
        let ends = seg.text.char_indices().map(|(i, _)| i);
        for i in ends.chain([seg.text.len()]) {
            for range in [seg.original(0..i), seg.original(i..seg.text.len())] {
                assert!(range.start <= range.end && range.end <= text.len());
                assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            }
        }
    }
}

fn xliffish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<target>".to_string()),
        Just("</target>".to_string()),
        Just("<source>".to_string()),
        Just("</source>".to_string()),
        Just("<trans-unit id=\"1\">".to_string()),
        Just("</trans-unit>".to_string()),
        Just("<g id=\"1\">".to_string()),
        Just("</g>".to_string()),
        Just("<x id=\"1\"/>".to_string()),
        Just("<cp hex=\"4E2D\"/>".to_string()),
        Just("&amp;".to_string()),
        Just("&#x4E2D;".to_string()),
        Just("<![CDATA[Ü<]]>".to_string()),
        "[a-zÄöß中 &<>\"]{0,6}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| {
        format!(
            "<xliff version=\"1.2\"><file target-language=\"de\"><body>{}</body></file></xliff>",
            pieces.concat()
        )
    })
}

proptest! {
    #[test]
    fn xliffish_input_never_panics_and_maps_inside_the_text(text in xliffish()) {
        match read(&text, &ReadOptions::default()) {
            Ok(parsed) => assert_mapped(&text, &parsed),
            Err(e) => prop_assert!(e.offset <= text.len()),
        }
    }
}

#[test]
fn byte_order_mark_keeps_offsets() {
    let text = "\u{feff}<xliff version=\"1.2\"><file target-language=\"de\"><body>\r\n<trans-unit id=\"1\"><source>Park</source><target>Der Kulturpark</target></trans-unit></body></file></xliff>";
    let parsed = parse(text);
    assert_eq!(
        original(text, &parsed.segments[0], "Kulturpark"),
        "Kulturpark"
    );
}
