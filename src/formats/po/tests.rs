use super::*;
use proptest::prelude::*;

fn parse(text: &str) -> Parsed {
    read(text, &ReadOptions::default()).expect("well-formed PO")
}

fn texts(parsed: &Parsed) -> Vec<&str> {
    parsed.segments.iter().map(|s| s.text.as_str()).collect()
}

fn tag(s: &str) -> LangTag {
    LangTag::parse(s).expect("valid tag")
}

/// The file bytes a name inside a segment was read from.
fn original<'a>(text: &'a str, seg: &Segment, name: &str) -> &'a str {
    let at = seg.text.find(name).expect("name in segment");
    &text[seg.original(at..at + name.len())]
}

const HEADER_DE: &str = r#"# Übersetzung der Messeseiten.
msgid ""
msgstr ""
"Project-Id-Version: messe 1.0\n"
"Language: de\n"
"Content-Type: text/plain; charset=UTF-8\n"

"#;

#[test]
fn simple_entry_pairs_msgstr_with_msgid() {
    let text = format!(
        "{HEADER_DE}#: news.rst:3\nmsgid \"The Cultural Industry Park\"\nmsgstr \"Der Kulturindustriepark\"\n"
    );
    let parsed = parse(&text);
    assert_eq!(texts(&parsed), vec!["Der Kulturindustriepark"]);
    assert_eq!(parsed.lang, Some(tag("de")));
    let pair = &parsed.pairs[0];
    assert_eq!(pair.targets, 0..1);
    assert_eq!(pair.source[0].text, "The Cultural Industry Park");
    assert!(text[pair.anchor..].starts_with("Der Kulturindustriepark\""));
    assert_eq!(
        original(&text, &parsed.segments[0], "Kulturindustriepark"),
        "Kulturindustriepark"
    );
}

#[test]
fn strings_on_several_lines_concatenate_with_exact_offsets() {
    let text = "msgid \"\"\n\"The Ministry of Culture and Tourism \"\n\"opened the fair.\"\nmsgstr \"\"\n\"Das Ministerium für \"\n\"Kultur und Tourismus eröffnete die Messe.\"\n";
    let parsed = parse(text);
    let seg = &parsed.segments[0];
    assert_eq!(
        seg.text,
        "Das Ministerium für Kultur und Tourismus eröffnete die Messe."
    );
    assert_eq!(
        original(text, seg, "Ministerium für Kultur und Tourismus"),
        "Ministerium für \"\n\"Kultur und Tourismus"
    );
    assert_eq!(
        parsed.pairs[0].source[0].text,
        "The Ministry of Culture and Tourism opened the fair."
    );
    // The pair stands where the translation's text starts, past the empty
    // first string that editors write for long messages.
    assert_eq!(parsed.pairs[0].anchor, text.find("Das").expect("in text"));
}

#[test]
fn escapes_decode_and_map_to_their_sequences() {
    let text = "msgid \"the \\\"Park\\\"\"\nmsgstr \"le \\\"parc\\\"\\nà Ürümqi\\t\\\\\"\n";
    let parsed = parse(text);
    let seg = &parsed.segments[0];
    assert_eq!(seg.text, "le \"parc\"\nà Ürümqi\t\\");
    assert_eq!(original(text, seg, "\"parc\""), "\\\"parc\\\"");
    assert_eq!(original(text, seg, "\n"), "\\n");
    assert_eq!(original(text, seg, "Ürümqi"), "Ürümqi");
    assert_eq!(parsed.pairs[0].source[0].text, "the \"Park\"");
}

#[test]
fn octal_and_hex_escapes_decode() {
    let text = "msgid \"A\"\nmsgstr \"\\101\\x42C\"\n";
    let parsed = parse(text);
    assert_eq!(parsed.segments[0].text, "ABC");
    assert_eq!(original(text, &parsed.segments[0], "B"), "\\x42");
}

#[test]
fn plural_forms_pair_with_singular_and_plural_sources() {
    let text = r#"msgid ""
msgstr ""
"Language: ru\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1);\n"

msgid "%d park"
msgid_plural "%d parks"
msgstr[0] "%d парк"
msgstr[1] "%d парка"
msgstr[2] "%d парков"
"#;
    let parsed = parse(text);
    assert_eq!(parsed.lang, Some(tag("ru")));
    assert_eq!(texts(&parsed), vec!["%d парк", "%d парка", "%d парков"]);
    let sources: Vec<&str> = parsed
        .pairs
        .iter()
        .map(|p| p.source[0].text.as_str())
        .collect();
    assert_eq!(sources, vec!["%d park", "%d parks", "%d parks"]);
    assert_eq!(parsed.pairs[2].targets, 2..3);
}

const FUZZY: &str = r#"#, fuzzy, python-format
msgid "Urumqi International Exhibition Center"
msgstr "Centre international des expositions d'Urumqi"

msgid "Ministry of Culture"
msgstr "ministère de la Culture"
"#;

#[test]
fn fuzzy_entries_are_skipped_by_default() {
    assert_eq!(texts(&parse(FUZZY)), vec!["ministère de la Culture"]);
}

#[test]
fn fuzzy_entries_are_checked_when_asked() {
    let options = ReadOptions {
        check_fuzzy: true,
        ..ReadOptions::default()
    };
    let parsed = read(FUZZY, &options).expect("well-formed PO");
    assert_eq!(parsed.segments.len(), 2);
    assert_eq!(parsed.pairs[1].targets, 1..2);
}

#[test]
fn header_language_with_underscore_and_crlf() {
    let text = "msgid \"\"\r\nmsgstr \"\"\r\n\"Language: pt_BR\\n\"\r\n\r\nmsgid \"Park\"\r\nmsgstr \"Parque\"\r\n";
    let parsed = parse(text);
    assert_eq!(parsed.lang, Some(tag("pt-BR")));
    assert_eq!(texts(&parsed), vec!["Parque"]);
    assert_eq!(original(text, &parsed.segments[0], "Parque"), "Parque");
}

#[test]
fn obsolete_untranslated_and_header_entries_are_skipped() {
    let text = r#"msgid ""
msgstr "Language: ja\n"

#. A note for translators.
#: news.rst:9
#| msgid "Old park"
msgid "Cultural Industry Park"
msgstr ""

#~ msgid "Exhibition Center"
#~ msgstr "展示センター"

msgctxt "menu"
msgid "Ministry of Culture and Tourism"
msgstr "文化観光省"
"#;
    let parsed = parse(text);
    assert_eq!(parsed.lang, Some(tag("ja")));
    assert_eq!(texts(&parsed), vec!["文化観光省"]);
    assert_eq!(original(text, &parsed.segments[0], "観光"), "観光");
}

#[test]
fn entries_without_blank_lines_between_them_are_apart() {
    let text = "msgid \"Park\"\nmsgstr \"公园\"\n#, fuzzy\nmsgid \"Center\"\nmsgstr \"中心\"\nmsgid \"Fair\"\nmsgstr \"博览会\"\n";
    assert_eq!(texts(&parse(text)), vec!["公园", "博览会"]);
}

#[test]
fn pot_file_has_no_segments() {
    let text = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"Park\"\nmsgstr \"\"\n";
    let parsed = parse(text);
    assert!(parsed.segments.is_empty());
    assert!(parsed.pairs.is_empty());
    assert_eq!(parsed.lang, None);
}

#[test]
fn unterminated_string_is_an_error_at_its_quote() {
    let text = "msgid \"Park\"\nmsgstr \"Der Park\n";
    let err = read(text, &ReadOptions::default()).expect_err("unterminated");
    assert_eq!(err.offset, text.find("\"Der").expect("in text"));
    assert!(
        err.message.starts_with("unterminated string"),
        "{}",
        err.message
    );
}

#[test]
fn unknown_line_is_an_error_naming_what_was_expected() {
    let text = "msgid \"Park\"\nmsgstr \"Der Park\"\nmsgtxt \"x\"\n";
    let err = read(text, &ReadOptions::default()).expect_err("unknown keyword");
    assert_eq!(err.offset, text.find("msgtxt").expect("in text"));
    assert!(err.message.contains("`msgtxt`"), "{}", err.message);
    let text = "msgid \"Park\"\nmsgstr Park\n";
    let err = read(text, &ReadOptions::default()).expect_err("no quote");
    assert!(err.message.contains("after `msgstr`"), "{}", err.message);
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

fn poish() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("msgid ".to_string()),
        Just("msgstr ".to_string()),
        Just("msgstr[1] ".to_string()),
        Just("msgid_plural ".to_string()),
        Just("#, fuzzy".to_string()),
        Just("#~ ".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\\x".to_string()),
        Just("\\1".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        "[a-zäöü公园 \"\\\\]{0,6}",
    ];
    prop::collection::vec(line, 0..30).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn poish_input_never_panics_and_maps_inside_the_text(text in poish()) {
        let options = ReadOptions { check_fuzzy: true, ..ReadOptions::default() };
        match read(&text, &options) {
            Ok(parsed) => assert_mapped(&text, &parsed),
            Err(e) => prop_assert!(e.offset <= text.len() && text.is_char_boundary(e.offset)),
        }
    }
}
