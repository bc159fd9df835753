use super::*;
use proptest::prelude::*;

/// The glossary parsed in one piece, for comparison.
fn whole(yaml: &str) -> String {
    let raw: Option<RawGlossary> = serde_yaml::from_str(yaml).expect("valid test glossary");
    format!("{raw:?}")
}

/// Parsed in runs of single items: the result must be the whole parse's.
fn assert_same_in_runs(yaml: &str) {
    let split = parse(yaml, 1).unwrap_or_else(|| panic!("not split: {yaml}"));
    assert_eq!(format!("{:?}", Some(split)), whole(yaml), "{yaml}");
}

const BLOCK: &str = "\
# A glossary
version: 1
source_language: zh
rules:
  mixed-script: warn
concepts:
  - id: a
    terms:
      en: \"Alpha ] Park\"
      de:
        official: ['Alpha''s Park']
        variants:
          - \"Alpha
  - id: fake\"
# between items, at the margin
  - id: b # trailing comment
    note: plain text with - dashes and [brackets
    terms: {en: {official: [Beta, \"Beta # ]\"]}, zh: 贝塔}
  -
    id: c
    terms:
      en: Gamma
";

#[test]
fn items_parsed_apart_make_the_same_glossary() {
    assert_same_in_runs(BLOCK);
    assert_same_in_runs(&BLOCK.replace('\n', "\r\n"));
    assert_same_in_runs(&format!("---\n{BLOCK}"));
    // The list at the key's own indentation, and keys after it.
    assert_same_in_runs(
        "version: 1\nconcepts:\n- id: a\n  terms: {en: A}\n# c\n- id: b\n  terms:\n    \
         en: \"B\n- id: x\"\nrules: {}\n",
    );
    assert_same_in_runs(&format!(
        "concepts:\n  - id: z\n    terms: {{en: Z}}\n{}",
        "version: 1\n"
    ));
}

#[test]
fn list_is_found_with_its_items_and_end() {
    // `rules: {}` is one level of flow collection.
    let yaml = "version: 1\nconcepts:\n  - id: a\n  # note\n  - id: b\nrules: {}\n";
    assert_eq!(
        concept_list(yaml),
        (
            Some(1),
            Some(ConceptList {
                key_line: 11,
                items: vec![21, 40],
                end: 50,
            })
        )
    );
    let (depth, _) = concept_list("concepts:\n  - {id: a, terms: {en: [A]}}\n");
    assert_eq!(
        depth,
        Some(3),
        "the flow collections' depth comes with the list"
    );
    assert_eq!(runs(&[21, 40], 50, 1), vec![21..40, 40..50]);
    assert_eq!(runs(&[21, 40], 50, 100), vec![21..50]);
}

#[test]
fn what_cannot_be_cut_with_certainty_is_parsed_whole() {
    for yaml in [
        "version: 1\nconcepts: [{id: a}]\n",
        "version: 1\n\"concepts\":\n  - id: a\n",
        "version: 1\nconcepts:\n  - id: &x a\n  - id: *x\n",
        "version: 1\nconcepts:\n  - id: a\n    note: |\n      text\n",
        "version: 1\nconcepts:\n  - id: a\r  - id: b\r",
        "version: 1\nconcepts:\n    - id: a\n  - id: b\n",
        "version: 1\nconcepts:\n  id: a\n",
        "version: 1\n",
    ] {
        assert!(parse(yaml, 1).is_none(), "{yaml}");
    }
}

#[test]
fn any_error_leaves_the_whole_parse_to_report_it() {
    for yaml in [
        "version: 1\nconcepts:\n  - id: a\n    terms: {en: A}\n  - idd: b\n",
        "version: 1\nconcepts:\n  - id: a\n  - id: b\nconcepts:\n  - id: c\n",
        "version: 1\nextra: x\nconcepts:\n  - id: a\n",
        "version: 1\nconcepts:\n  - id: a\n---\nversion: 1\n",
        "version: 1\nconcepts:\n  - id: a\n    terms: {en: [A}\n",
    ] {
        assert!(parse(yaml, 1).is_none(), "{yaml}");
    }
}

/// One concept in one of the ways glossaries are written, with the
/// characters that could mislead a cut inside its strings.
fn concept(i: usize, style: usize, text: &str) -> String {
    match style % 4 {
        0 => format!("  - id: c{i}\n    terms:\n      en: \"{text}\"\n"),
        1 => format!("  - id: c{i}\n    terms: {{en: {{official: ['{text}', x]}}, de: y}}\n"),
        2 => format!("  - {{id: c{i}, terms: {{en: \"{text}\"}}}}\n  # c{i}\n"),
        _ => format!(
            "  - id: c{i}\n    note: plain {i} - [x\n    terms:\n      en:\n        official: \"{text}\"\n"
        ),
    }
}

proptest! {
    #[test]
    fn generated_glossaries_parse_the_same_in_runs(
        concepts in prop::collection::vec(
            (0..4usize, prop::sample::select(vec![
                "a", "b ] c", "d\\n  - id: e", "f # g", "h}", "i'j", "\\u00e4",
            ])),
            1..12,
        ),
        run in 1..200usize,
        rules_after in any::<bool>(),
    ) {
        let mut yaml = String::from("version: 1\nconcepts:\n");
        for (i, (style, text)) in concepts.iter().enumerate() {
            let text = if style % 4 == 1 { text.replace('\'', "''") } else { text.to_string() };
            yaml.push_str(&concept(i, *style, &text));
        }
        if rules_after {
            yaml.push_str("rules:\n  mixed-script: off\n");
        }
        let split = parse(&yaml, run);
        prop_assert!(split.is_some(), "{}", yaml);
        prop_assert_eq!(format!("{:?}", split), whole(&yaml));
    }
}

/// Every glossary of the repository's tests and examples, well-formed or
/// not: split, each gives what the whole parse gives, and one the whole
/// parse refuses is never split (its error is reported as before).
#[test]
fn repository_glossaries_parse_the_same_in_runs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("glossary.yaml")];
    for case in std::fs::read_dir(root.join("tests/cmd")).expect("tests/cmd") {
        let file = case.expect("entry").path().join("glossary.yaml");
        if file.is_file() {
            files.push(file);
        }
    }
    let mut split_count = 0;
    for file in &files {
        let Ok(yaml) = std::fs::read_to_string(file) else {
            continue;
        };
        let yaml = yaml.strip_prefix('\u{feff}').unwrap_or(&yaml);
        let whole = serde_yaml::from_str::<Option<RawGlossary>>(yaml);
        let split = parse(yaml, 1);
        match (&whole, &split) {
            (Err(_), Some(_)) => panic!("{}: split, but the whole parse fails", file.display()),
            (Ok(whole), Some(split)) => {
                split_count += 1;
                assert_eq!(
                    format!("{:?}", Some(split)),
                    format!("{whole:?}"),
                    "{}",
                    file.display()
                );
            }
            _ => {}
        }
    }
    assert!(
        split_count * 2 > files.len(),
        "{split_count} of {}",
        files.len()
    );
}
