//! CSV and TSV glossary import and export: hand-written fixtures (quoting,
//! byte-order marks, UTF-16BE, Windows-1252, a bad header), an
//! export→import round trip over random glossaries, and real files from
//! `../shared/data/` when that folder is present.

mod common;

use common::shared_data;

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use termlint::glossary::{Concept, Entry, Glossary};
use termlint::interchange::{csv, ImportError, ImportOptions};
use termlint::lang::LangTag;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn import_bytes(name: &str, bytes: &[u8], encoding: Option<&str>) -> Result<Glossary, ImportError> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), name, bytes);
    let options = ImportOptions {
        from: None,
        encoding: encoding.map(str::to_string),
    };
    csv::import(&path, &options)
}

fn import_ok(name: &str, text: &str) -> Glossary {
    import_bytes(name, text.as_bytes(), None).expect("imports")
}

fn tag(s: &str) -> LangTag {
    LangTag::parse(s).expect("tag")
}

fn entry<'a>(concept: &'a Concept, lang: &str) -> &'a Entry {
    concept.entry_for(&tag(lang)).expect("entry")
}

#[test]
fn language_columns_variants_notes_and_quoting() {
    let text = "id,EN-US,de_DE,de_DE variants,Definition,dnt\n\
                council,\"Council, the|Council\",Rat,Ratsversammlung;Konzil,\"Says \"\"the\"\"\nfirst\",\n\
                ,Berlin Wall,Berliner Mauer,,,yes\n\
                ,,,,\n";
    let glossary = import_ok("terms.csv", text);
    assert_eq!(glossary.concepts.len(), 2);
    let council = &glossary.concepts[0];
    assert_eq!(council.id, "council");
    assert_eq!(
        entry(council, "en-US").official,
        ["Council, the", "Council"]
    );
    assert_eq!(
        entry(council, "de-DE").variants,
        ["Ratsversammlung", "Konzil"]
    );
    assert_eq!(council.note.as_deref(), Some("Says \"the\"\nfirst"));
    let wall = &glossary.concepts[1];
    assert_eq!((wall.id.as_str(), wall.dnt), ("berlin-wall", true));
}

#[test]
fn tsv_and_semicolon_files_split_on_their_delimiter() {
    let tsv = import_ok("terms.tsv", "en\tfr\nfree, open\tlibre, ouvert\n");
    assert_eq!(entry(&tsv.concepts[0], "fr").official, ["libre, ouvert"]);
    let semi = import_ok("terms.csv", "en;fr;ja\nfloppy, disk;disquette;フロッピー\n");
    assert_eq!(entry(&semi.concepts[0], "ja").official, ["フロッピー"]);
}

#[test]
fn ids_are_sanitized_and_unique() {
    let glossary = import_ok(
        "t.csv",
        "en,ja\nTokyo Tower,東京タワー\nTokyo Tower,東京塔\n,東京\n",
    );
    let ids: Vec<&str> = glossary.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["tokyo-tower", "tokyo-tower-2", "concept"]);
}

#[test]
fn utf8_byte_order_mark_is_dropped() {
    let bytes = [&[0xEF, 0xBB, 0xBF][..], "en,de\nstreet,Straße\n".as_bytes()].concat();
    let glossary = import_bytes("bom.csv", &bytes, None).expect("imports");
    assert_eq!(entry(&glossary.concepts[0], "de").official, ["Straße"]);
}

fn utf16be(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

#[test]
fn utf16be_with_and_without_byte_order_mark() {
    let text = "en\tzh-Hans\nvirus\t病毒\n";
    let with_bom = [&[0xFE, 0xFF][..], &utf16be(text)].concat();
    let glossary = import_bytes("t.tsv", &with_bom, None).expect("with bom");
    assert_eq!(entry(&glossary.concepts[0], "zh-Hans").official, ["病毒"]);
    let named = import_bytes("t.tsv", &utf16be(text), Some("utf-16")).expect("named");
    assert_eq!(named.concepts.len(), 1);
    let unnamed = import_bytes("t.tsv", &utf16be(text), None).expect_err("no bom");
    assert!(
        unnamed.to_string().contains("--encoding utf-16"),
        "{unnamed}"
    );
}

#[test]
fn windows_1252_is_detected_or_named() {
    // "Café crème" and "Größe" in Windows-1252.
    let bytes = b"en,fr,de\ncream coffee,Caf\xe9 cr\xe8me,Milchkaffee gro\xdfe Tasse\n".to_vec();
    let detected = import_bytes("cp.csv", &bytes, None).expect("detected");
    assert_eq!(entry(&detected.concepts[0], "fr").official, ["Café crème"]);
    let named = import_bytes("cp.csv", &bytes, Some("windows-1252")).expect("named");
    assert_eq!(
        entry(&named.concepts[0], "de").official,
        ["Milchkaffee große Tasse"]
    );
}

#[test]
fn bad_header_names_the_column_and_the_fix_with_its_position() {
    let error = import_bytes("bad.csv", b"en,Benennung\nx,y\n", None).expect_err("bad header");
    let message = error.to_string();
    assert!(
        message.contains("bad.csv:1:4: column 2 `Benennung`"),
        "{message}"
    );
    assert!(message.contains("rename the column to a language code such as `de`"));
}

#[test]
fn unclosed_quote_is_reported_at_its_line_and_column() {
    let error = import_bytes("q.csv", b"en,de\nok,\"open\n", None).expect_err("unclosed");
    assert!(error
        .to_string()
        .contains("q.csv:2:4: quoted field is never closed"));
}

#[test]
fn source_target_pair_rows_become_concepts() {
    let text = "id,sourceLang,targetLang,sourceString,targetString\n\
                1,en,pt_BR,face mask,máscara\n\
                2,en,pt_BR,hand washing,lavagem, das mãos\n";
    let glossary = import_ok("pairs.csv", text);
    assert_eq!(glossary.source_language, Some(tag("en")));
    assert_eq!(
        entry(&glossary.concepts[1], "pt-BR").official,
        ["lavagem, das mãos"]
    );
}

#[test]
fn export_writes_the_documented_header_and_quotes() {
    let glossary = import_ok(
        "t.csv",
        "fr,en,en-variants,note\n\"Conseil, le\",Council,Counsel,n\n",
    );
    let csv_text = csv::export(&glossary);
    assert_eq!(
        csv_text,
        "id,fr,fr-variants,en,en-variants,note,dnt\nconseil-le,\"Conseil, le\",,Council,Counsel,n,\n"
    );
}

/// What a round trip must keep of a concept.
type Shape = (
    String,
    Option<String>,
    bool,
    Vec<(String, Vec<String>, Vec<String>)>,
);

fn shape(glossary: &Glossary) -> Vec<Shape> {
    glossary
        .concepts
        .iter()
        .map(|c| {
            // Entry order follows the columns, not each concept's order.
            let mut entries: Vec<_> = c
                .entries
                .iter()
                .map(|e| (e.lang.to_string(), e.official.clone(), e.variants.clone()))
                .collect();
            entries.sort();
            (c.id.clone(), c.note.clone(), c.dnt, entries)
        })
        .collect()
}

fn form() -> impl Strategy<Value = String> {
    // Commas, quotes, spaces inside and CJK; never `|` or `;` (separators)
    // and never blank at the ends (cells are trimmed).
    "[a-zA-Z東京\"]([a-zA-Z0-9東京病毒,\"' ]{0,6}[a-zA-Z東京\"])?"
}

/// A random concept: note, dnt, and entries (language index, official, variants).
type Random = (Option<String>, bool, Vec<(usize, Vec<String>, Vec<String>)>);

fn concept_shape() -> impl Strategy<Value = Random> {
    let entry = (
        0..4usize,
        prop::collection::vec(form(), 1..3),
        prop::collection::vec(form(), 0..3),
    );
    (
        prop::option::of("[a-z]{1,5}(, \"[a-z]\"\n[a-z])?"),
        any::<bool>(),
        prop::collection::vec(entry, 1..4),
    )
}

fn build(shapes: Vec<Random>) -> Glossary {
    let langs = ["de", "en-US", "zh-Hans", "pt-BR"];
    let concepts = shapes
        .into_iter()
        .enumerate()
        .map(|(i, (note, dnt, entries))| {
            let mut built: Vec<Entry> = Vec::new();
            for (lang, official, variants) in entries {
                if built.iter().any(|e| e.lang.as_str() == langs[lang]) {
                    continue;
                }
                built.push(Entry {
                    lang: tag(langs[lang]),
                    official,
                    variants,
                    case_sensitive: false,
                    inflect: true,
                    patterns: Vec::new(),
                });
            }
            Concept {
                id: format!("c{i}.x_y-z"),
                note,
                dnt,
                entries: built,
                examples: Vec::new(),
            }
        })
        .collect();
    Glossary {
        path: PathBuf::from("g.yaml"),
        source_language: None,
        rules: Default::default(),
        concepts,
    }
}

proptest! {
    #[test]
    fn export_then_import_gives_the_same_glossary(shapes in prop::collection::vec(concept_shape(), 0..6)) {
        let mut glossary = build(shapes);
        for entry in glossary.concepts.iter_mut().flat_map(|c| &mut c.entries) {
            let mut seen = Vec::new();
            entry.official.retain(|f| { let new = !seen.contains(f); seen.push(f.clone()); new });
        }
        let text = csv::export(&glossary);
        let back = import_bytes("round.csv", text.as_bytes(), None).expect("re-imports");
        prop_assert_eq!(shape(&back), shape(&glossary));
    }
}

fn langs(glossary: &Glossary) -> Vec<String> {
    glossary
        .languages()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn tico19_terminologies_import() {
    let Some(dir) = shared_data("tico19/terminologies") else {
        return;
    };
    let expected = [
        ("f_en-af_ZA.csv", 306, ["af-ZA", "en"]),
        ("f_en-es_XX.csv", 306, ["en", "es-XX"]),
        ("g_en_am.csv", 328, ["am", "en"]),
        ("g_de_en.csv", 50, ["de", "en"]),
    ];
    for (name, count, languages) in expected {
        let glossary = csv::import(&dir.join(name), &ImportOptions::default()).expect(name);
        assert_eq!(glossary.concepts.len(), count, "{name}");
        assert_eq!(langs(&glossary), languages, "{name}");
    }
    let mut files = 0;
    for file in std::fs::read_dir(&dir).expect("read dir").flatten() {
        let glossary =
            csv::import(&file.path(), &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(glossary.languages().len(), 2, "{}", file.path().display());
        files += 1;
    }
    assert!(files > 200, "{files} files");
}

/// The Okapi samples have no header row: they import once one is added.
fn with_header(bytes: &[u8], header: &str) -> Vec<u8> {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => [&[0xFE, 0xFF][..], &utf16be(header), rest].concat(),
        _ => [header.as_bytes(), bytes].concat(),
    }
}

#[test]
fn okapi_samples_need_a_header_row() {
    let cases = [
        ("test01.csv", "en,de\n", 4),
        ("test01.tsv", "en\tde\n", 6),
        ("test02_utf16be.tsv", "en\tde\n", 2),
    ];
    for (name, header, count) in cases {
        let Some(path) = shared_data(&format!("okapi-tbx-samples/{name}")) else {
            return;
        };
        let error = csv::import(&path, &ImportOptions::default()).expect_err(name);
        assert!(error.to_string().contains("add a header row"), "{error}");
        let bytes = std::fs::read(&path).expect("read sample");
        let glossary = import_bytes(name, &with_header(&bytes, header), None).expect(name);
        assert_eq!(glossary.concepts.len(), count, "{name}");
    }
}

#[test]
fn okapi_utf16be_sample_keeps_its_characters() {
    let Some(path) = shared_data("okapi-tbx-samples/test02_utf16be.tsv") else {
        return;
    };
    let bytes = std::fs::read(&path).expect("read sample");
    let glossary = import_bytes("s.tsv", &with_header(&bytes, "en\tde\n"), None).expect("imports");
    assert_eq!(
        entry(&glossary.concepts[1], "de").official,
        ["éßÑ￦ target 2"]
    );
}
