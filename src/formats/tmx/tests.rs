use super::*;
use crate::segment::GAP;

fn parse(text: &str) -> Parsed {
    read(text, &ReadOptions::default()).expect("well-formed TMX")
}

fn tag(s: &str) -> LangTag {
    LangTag::parse(s).expect("valid tag")
}

fn texts(segments: &[Segment]) -> Vec<&str> {
    segments.iter().map(|s| s.text.as_str()).collect()
}

const MEMORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
          adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <prop type="note">a note that is not text to check</prop>
      <tuv xml:lang="en"><seg>The Ministry of Culture</seg></tuv>
      <tuv xml:lang="de"><seg>Das Ministerium für Kultur</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="de"><seg>Der Westsee</seg></tuv>
      <tuv xml:lang="en"><seg>West Lake</seg></tuv>
      <tuv xml:lang="de"><seg></seg></tuv>
    </tu>
  </body>
</tmx>
"#;

#[test]
fn source_language_variants_become_sources_and_the_others_segments() {
    let parsed = parse(MEMORY);
    assert_eq!(
        texts(&parsed.segments),
        ["Das Ministerium für Kultur", "Der Westsee"]
    );
    assert_eq!(parsed.lang, Some(tag("de")));
    assert_eq!(parsed.source_lang, Some(tag("en")));
    assert_eq!(parsed.pairs.len(), 2);
    let sources: Vec<Vec<&str>> = parsed.pairs.iter().map(|p| texts(&p.source)).collect();
    assert_eq!(sources, [["The Ministry of Culture"], ["West Lake"]]);
    assert_eq!(parsed.pairs[1].targets, 1..2);
    // One language in the whole memory: segments take the document's.
    assert!(parsed.segments.iter().all(|s| s.lang.is_none()));
}

#[test]
fn unit_srclang_wins_and_all_means_the_first_variant() {
    let text = r#"<tmx version="1.4"><header srclang="*all*"/><body>
<tu srclang="fr"><tuv xml:lang="de"><seg>Kultur</seg></tuv><tuv xml:lang="fr"><seg>Culture</seg></tuv></tu>
<tu><tuv lang="EN"><seg>Lake</seg></tuv><tuv lang="ru"><seg>Озеро</seg></tuv></tu>
</body></tmx>"#;
    let parsed = parse(text);
    assert_eq!(texts(&parsed.segments), ["Kultur", "Озеро"]);
    assert_eq!(texts(&parsed.pairs[0].source), ["Culture"]);
    assert_eq!(parsed.pairs[0].source_lang, Some(tag("fr")));
    assert_eq!(texts(&parsed.pairs[1].source), ["Lake"]);
    assert_eq!(parsed.pairs[1].source_lang, Some(tag("en")));
    // Targets in two languages: each segment carries its own.
    assert_eq!(parsed.segments[0].lang, Some(tag("de")));
    assert_eq!(parsed.segments[1].lang, Some(tag("ru")));
    assert_eq!(parsed.lang, Some(tag("de")));
    assert_eq!(parsed.source_lang, Some(tag("fr")));
}

#[test]
fn inline_codes_and_entities_map_back_to_the_file() {
    let text = "<tmx><header srclang=\"en\"/><body><tu>\
<tuv xml:lang=\"en\"><seg>x</seg></tuv>\
<tuv xml:lang=\"de\"><seg><bpt i=\"1\">&lt;b&gt;</bpt>Ministerium<ept i=\"1\">&lt;/b&gt;</ept> \
f&#252;r <hi type=\"x\">Kultur</hi><ph>{0}</ph>Tourismus &amp; Sport</seg></tuv>\
</tu></body></tmx>";
    let parsed = parse(text);
    let seg = &parsed.segments[0];
    assert_eq!(
        seg.text,
        format!("Ministerium für Kultur{GAP}Tourismus & Sport")
    );
    let at = seg.text.find("für").expect("decoded");
    assert_eq!(&text[seg.original(at..at + "für".len())], "f&#252;r");
}

#[test]
fn malformed_memory_is_refused_with_its_place() {
    let text = "<tmx><body><tu><tuv xml:lang=\"de\"><seg>Kultur</tuv></tu></body></tmx>";
    let err = read(text, &ReadOptions::default()).expect_err("mismatched end tag");
    assert!(err.message.starts_with("malformed XML"), "{}", err.message);
    assert!(err.offset > 0);
}

#[test]
fn memory_with_no_units_has_nothing_to_check() {
    let parsed = parse("<tmx version=\"1.4\"><header srclang=\"en\"/><body/></tmx>");
    assert!(parsed.segments.is_empty() && parsed.pairs.is_empty());
    assert_eq!(parsed.lang, None);
}
