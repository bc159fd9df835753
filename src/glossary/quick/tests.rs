use super::*;
use proptest::prelude::*;

/// The parser's reading of `run`, as text for comparison; `None` when it
/// refuses the run.
fn parsed(run: &str) -> Option<String> {
    serde_yaml::from_str::<Vec<RawConcept>>(run)
        .ok()
        .map(|concepts| format!("{concepts:?}"))
}

/// Whenever the quick reader answers, the parser reads the same.
fn assert_agrees(run: &str) {
    if let Some(concepts) = concepts(run) {
        assert_eq!(
            Some(format!("{concepts:?}")),
            parsed(run),
            "the quick reader and the parser differ on:\n{run}"
        );
    }
}

/// The quick reader answers `run`, as the parser does.
fn assert_read(run: &str) {
    assert!(concepts(run).is_some(), "not read quickly:\n{run}");
    assert_agrees(run);
}

const GENERATED: &str = r#"  - id: place-hasadene
    terms:
      de: "Hasadene"
      en: "Hasadene"
      zh: "哈萨德尼"
  - id: programme-deronaro
    terms:
      de:
        official: ["Förderprogramm Deronaro"]
        variants:
          - "Deronaroprogramm"
      zh:
        official: ["德罗纳罗扶持计划", '德罗纳罗''计划']
        variants:
          - "德罗纳罗支持计划"
"#;

const HAND_WRITTEN: &str = "\
- id: shenzhen.bureau   # the city's bureau
  note: Shenzhen Municipal Bureau of Culture, Radio, Television, Tourism and Sports
  dnt: false
  terms:

    zh: 深圳市文化广电旅游体育局
    en:
      official: Culture, Radio, Television, Tourism and Sports Bureau of Shenzhen
      variants: [Shenzhen International Holdings, \"Shenzhen \\\"Bureau\\\"\"]
      case_sensitive: true
      inflect: false
    de-CH:
    # a comment between keys
    fr:   \"Bureau de Shenzhen\"  # trailing
- id: 'park.plan'
  terms:
    et: 1. Milline
    ja:
      official: 3番目
      variants:
      - 三番目
      - 2019 census
      inflect: false
    en: C# and F# Park
    de: Kulturpark #1
    no: Kulturpark
";

#[test]
fn common_shapes_are_read_as_the_parser_reads_them() {
    assert_read(GENERATED);
    assert_read(HAND_WRITTEN);
    assert_read(&GENERATED.replace('\n', "\r\n"));
    assert_read(&HAND_WRITTEN.replace('\n', "\r\n"));
    let read = concepts(HAND_WRITTEN).expect("read");
    assert_eq!(read.len(), 2);
    assert_eq!(read[0].id, "shenzhen.bureau");
    let terms = &read[0].terms.as_ref().expect("terms").0;
    assert_eq!(terms.len(), 4, "the empty `de-CH` is kept");
    assert!(matches!(terms[2].1, RawTerm::Missing));
    let RawTerm::Full(entry) = &terms[1].1 else {
        panic!("en is a full entry");
    };
    assert_eq!(entry.variants[1].0, "Shenzhen \"Bureau\"");
    let de = &read[1].terms.as_ref().expect("terms").0[3];
    assert!(
        matches!(&de.1, RawTerm::Shorthand(s) if s == "Kulturpark"),
        "{de:?}"
    );
}

#[test]
fn anything_unusual_is_left_to_the_parser() {
    for run in [
        // Values YAML types or could type.
        "- id: 2024\n",
        "- id: a\n  terms:\n    en: true\n",
        "- id: a\n  terms:\n    en: ~\n",
        "- id: a\n  terms:\n    en: Null\n",
        "- id: null\n",
        "- id: a\n  terms:\n    en: [NULL]\n",
        "- id: a\n  terms:\n    en: -dash\n",
        "- id: a\n  terms:\n    en: [1.5]\n",
        "- id: a\n  terms:\n    en: 1_000\n",
        "- id: a\n  terms:\n    en: 0x1F\n",
        "- id: a\n  terms:\n    en: .inf\n",
        "- id: a\n  dnt: yes\n",
        "- id: a\n  dnt: \"true\"\n",
        // Scalars over several lines.
        "- id: a\n  note: one\n    two\n",
        "- id: a\n  note: \"one\n    two\"\n",
        // Other node kinds and syntax.
        "- id: a\n  terms: {en: A}\n",
        "- id: a\n  note: |\n    text\n",
        "- id: &x a\n",
        "- id: !!str a\n",
        "- id: a\n  terms:\n    en: [A, [B]]\n",
        "- id: a\n  terms:\n    en: [A,]\n",
        "- id: a\n  terms:\n    en: \"A\\x41\"\n",
        "- id: a\n  terms:\n    en: A: B\n",
        "-\n  id: a\n",
        "- id: a\n\tnote: b\n",
        "- id: a\n  note: b\u{85}c\n",
        "---\n- id: a\n",
        // What the format refuses: the parser words the error.
        "- id: a\n  id: b\n",
        "- id: a\n  examples: []\n",
        "- id: a\n  offical: A\n",
        "- id: a\n  terms:\n    en:\n      variants: [B]\n",
        "- id: a\n  note:\n",
    ] {
        assert!(concepts(run).is_none(), "read quickly:\n{run}");
    }
}

/// A scalar of characters that matter to YAML somewhere.
fn scalar() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "Z", "ß", "é", "中", " ", "  ", ":", ": ", "#", " #", "-", "- ", "'", "\"", "\\",
        "\\n", "\\t", "\\x", "[", "]", ",", "{", "}", "&", "*", "!", "|", ">", "?", "%", "@", "`",
        "~", "0", "1.5", ".", "+", "true", "null", "no", "yes", "on", "\u{a0}", "\u{85}", "\t",
    ]);
    // A single piece often: the words YAML types are whole values.
    prop_oneof![
        pieces.clone().prop_map(str::to_string),
        prop::collection::vec(pieces, 0..6).prop_map(|p| p.concat()),
    ]
}

/// `value` written in one of YAML's inline styles, or as written.
fn styled() -> impl Strategy<Value = String> {
    (scalar(), 0..4u8).prop_map(|(value, style)| match style {
        0 => value,
        1 => format!("\"{value}\""),
        2 => format!("'{value}'"),
        _ => format!("[{value}, \"{value}\"]"),
    })
}

/// A key, usually a field or language a glossary has.
fn key() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "id",
        "note",
        "dnt",
        "terms",
        "en",
        "de",
        "zh-Hans",
        "no",
        "on",
        "y",
        "Null",
        "1a",
        "official",
        "variants",
        "inflect",
        "case_sensitive",
        "patterns",
        "examples",
        "x y",
    ])
}

/// One line of a concept item's block, at an indentation.
fn line() -> impl Strategy<Value = String> {
    let indent = prop::sample::select(vec![2usize, 4, 6, 8, 3]);
    let line = prop_oneof![
        (key(), styled()).prop_map(|(k, v)| format!("{k}: {v}")),
        key().prop_map(|k| format!("{k}:")),
        styled().prop_map(|v| format!("- {v}")),
        (key(), styled()).prop_map(|(k, v)| format!("- {k}: {v}")),
        Just("# comment".to_string()),
        Just(String::new()),
        scalar(),
        // At the key's column: an indentless sequence's item, or not.
        (key(), styled()).prop_map(|(k, v)| format!("{k}:\n    - {v}")),
    ];
    (indent, line).prop_map(|(indent, line)| format!("{}{line}", " ".repeat(indent)))
}

/// A run of items: each `- id: …` followed by lines of its block.
fn run() -> impl Strategy<Value = String> {
    let item = (styled(), prop::collection::vec(line(), 0..8)).prop_map(|(id, lines)| {
        let mut text = format!("- id: {id}\n");
        for line in lines {
            text.push_str(&line);
            text.push('\n');
        }
        text
    });
    (prop::collection::vec(item, 1..4), any::<bool>()).prop_map(|(items, crlf)| {
        let run = items.concat();
        if crlf {
            run.replace('\n', "\r\n")
        } else {
            run
        }
    })
}

/// A well-formed item built from the same scalars: the reader answers
/// for many of them, so the comparison is not empty.
fn well_formed() -> impl Strategy<Value = String> {
    (
        styled(),
        styled(),
        styled(),
        prop::collection::vec(styled(), 0..3),
    )
        .prop_map(|(id, en, official, variants)| {
            let mut text = format!("  - id: {id}\n    terms:\n      en: {en}\n      de:\n");
            text.push_str(&format!(
                "        official: {official}\n        variants:\n"
            ));
            for v in variants {
                text.push_str(&format!("          - {v}\n"));
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn quick_reading_agrees_with_the_parser(run in run()) {
        assert_agrees(&run);
    }

    #[test]
    fn well_formed_items_agree_with_the_parser(run in well_formed()) {
        assert_agrees(&run);
    }

    /// Any text of YAML's characters: no panic, and agreement whenever
    /// the reader answers.
    #[test]
    fn any_text_is_read_safely(run in r#"(- id: |  |[-:#"' \\\[\]{},.~a-z0-9é\n\t\r]){0,80}"#) {
        assert_agrees(&run);
    }
}

#[test]
fn plain_names_and_ids_are_read_quickly() {
    // The shapes of real glossaries: the reader answers them.
    for (id, name) in [("a", "Alpha"), ("b.c-d_e", "Straße 1"), ("x", "中文 名")] {
        assert_read(&format!(
            "  - id: {id}\n    terms:\n      en: {name}\n      de: \"{name}\"\n"
        ));
    }
}

/// Every term table in ../shared/data that termlint imports, written as
/// glossary YAML: each item is read as the parser reads it, and nearly
/// all of them quickly (the importers write the shape the reader knows).
#[test]
fn imported_real_glossaries_agree_item_by_item() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if !data.is_dir() {
        eprintln!("skipped: no ../shared/data beside the repository");
        return;
    }
    let mut tables = Vec::new();
    let mut dirs = vec![data];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).expect("data dir").flatten() {
            let path = entry.path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if path.is_dir() {
                dirs.push(path);
            } else if ["tbx", "csv", "tsv", "yml", "yaml"].contains(&ext) {
                tables.push(path);
            }
        }
    }
    let (mut items, mut quick) = (0, 0);
    for table in tables {
        let options = crate::interchange::ImportOptions::default();
        let Ok(glossary) = crate::interchange::import(&table, &options) else {
            continue;
        };
        let yaml = crate::interchange::yaml::to_yaml(&glossary);
        let Some((starts, end)) = crate::glossary::split::items(&yaml) else {
            continue;
        };
        for (i, &start) in starts.iter().enumerate() {
            let run = &yaml[start..starts.get(i + 1).copied().unwrap_or(end)];
            items += 1;
            quick += usize::from(concepts(run).is_some());
            assert_agrees(run);
        }
    }
    assert!(items > 10_000, "{items} items imported");
    assert!(
        quick * 100 >= items * 95,
        "{quick} of {items} items read quickly"
    );
}
