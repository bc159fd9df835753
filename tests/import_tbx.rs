//! TBX import and export: a round trip over random glossaries, and the
//! real TBX files of Okapi, Weblate and the TBX-Basic dialect, read from
//! `../shared/data/` and skipped, saying so, where that folder is absent.

mod common;

use common::shared_data;

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use termlint::glossary::{load_str, Concept, Entry, Glossary};
use termlint::interchange::{self, tbx, yaml, ImportOptions};
use termlint::lang::LangTag;

fn import(path: &Path) -> Glossary {
    import_with(path, None)
}

fn import_with(path: &Path, encoding: Option<&str>) -> Glossary {
    let options = ImportOptions {
        from: Some(interchange::From::Tbx),
        encoding: encoding.map(str::to_string),
    };
    match interchange::import(path, &options) {
        Ok(glossary) => glossary,
        Err(e) => panic!("{e}"),
    }
}

fn concept<'g>(g: &'g Glossary, id: &str) -> &'g Concept {
    let found = g.concepts.iter().find(|c| c.id == id);
    found.unwrap_or_else(|| panic!("no concept `{id}`"))
}

fn entry<'c>(c: &'c Concept, lang: &str) -> &'c Entry {
    let found = c.entries.iter().find(|e| e.lang.as_str() == lang);
    found.unwrap_or_else(|| panic!("concept `{}` has no `{lang}` entry", c.id))
}

fn languages(g: &Glossary) -> Vec<String> {
    g.languages().iter().map(|l| l.to_string()).collect()
}

/// One entry as a TBX round trip keeps it: language, official, variants.
type KeptEntry = (String, Vec<String>, Vec<String>);

/// What a TBX round trip keeps of a concept.
#[derive(Debug, PartialEq)]
struct Kept {
    id: String,
    note: Option<String>,
    entries: Vec<KeptEntry>,
}

fn kept(c: &Concept) -> Kept {
    let entries = c
        .entries
        .iter()
        .map(|e| (e.lang.to_string(), e.official.clone(), e.variants.clone()));
    Kept {
        id: c.id.clone(),
        note: c.note.clone(),
        entries: entries.collect(),
    }
}

fn write_temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    if let Err(e) = std::fs::write(&path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
    path
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("no temporary directory: {e}"))
}

// ---------------------------------------------------------------- samples

/// Every TBX sample: file, concepts, languages.
const SAMPLES: &[(&str, usize, &[&str])] = &[
    ("okapi-tbx-samples/ibm_tbx.tbx", 5, &["en", "fr"]),
    (
        "okapi-tbx-samples/maryland.tbx",
        1,
        &["en", "es", "fr", "it"],
    ),
    (
        "okapi-tbx-samples/medtronic_TBX.tbx",
        3,
        &[
            "cs", "da", "el", "en", "es", "fi", "fr", "hu", "it", "nl", "no", "pl", "pt", "sv",
        ],
    ),
    ("okapi-tbx-samples/oracle_TBX.tbx", 2, &["en", "pt"]),
    ("okapi-tbx-samples/sdl_tbx.tbx", 223, &["de", "en"]),
    ("okapi-tbx-samples/test01.tbx", 1, &["en", "hu"]),
    ("okapi-tbx-samples/test02_win1254.tbx", 1, &["en", "tr"]),
    ("weblate-tbx-samples/cs.tbx", 4, &["cs", "en"]),
    (
        "weblate-tbx-samples/fr-extended-metadata.tbx",
        1,
        &["en", "fr"],
    ),
    (
        "schemas/tbx-basic/Example_Astronomy_DCA_VALID.tbx",
        45,
        &["en", "es", "zu"],
    ),
];

#[test]
fn every_tbx_sample_imports_with_its_concepts_and_languages() {
    for (rel, concepts, langs) in SAMPLES {
        let Some(path) = shared_data(rel) else {
            continue;
        };
        let g = import(&path);
        assert_eq!(g.concepts.len(), *concepts, "{rel}");
        assert_eq!(languages(&g), *langs, "{rel}");
    }
}

#[test]
fn every_imported_sample_writes_a_glossary_termlint_loads_back() {
    for (rel, _, _) in SAMPLES {
        let Some(path) = shared_data(rel) else {
            continue;
        };
        let g = import(&path);
        let written = yaml::to_yaml(&g);
        let back =
            load_str(Path::new("glossary.yaml"), &written).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(
            format!("{:?}", g.concepts),
            format!("{:?}", back.concepts),
            "{rel}"
        );
    }
}

#[test]
fn sdl_export_has_223_entries_with_synonyms_as_official_forms() {
    let Some(path) = shared_data("okapi-tbx-samples/sdl_tbx.tbx") else {
        return;
    };
    let g = import(&path);
    assert_eq!(g.concepts.len(), 223);
    let fold = concept(&g, "c1");
    assert_eq!(
        entry(fold, "de").official,
        ["Zickzackfalz", "Harmonikafalz"]
    );
    assert_eq!(entry(fold, "en").official, ["accordion fold"]);
}

#[test]
fn administrative_status_decides_official_and_variant() {
    let Some(path) = shared_data("schemas/tbx-basic/Example_Astronomy_DCA_VALID.tbx") else {
        return;
    };
    let g = import(&path);
    let en = entry(concept(&g, "c1"), "en");
    assert_eq!(en.official, ["open cluster"]);
    assert_eq!(en.variants, ["galactic cluster"]);
}

#[test]
fn medtronic_deprecated_term_is_a_variant() {
    let Some(path) = shared_data("okapi-tbx-samples/medtronic_TBX.tbx") else {
        return;
    };
    let g = import(&path);
    let en = entry(concept(&g, "c7332"), "en");
    assert_eq!(en.official, ["audible alert"]);
    assert_eq!(en.variants, ["audible notification"]);
}

#[test]
fn weblate_obsolete_only_concept_is_left_out_and_untranslatable_is_dnt() {
    let Some(path) = shared_data("weblate-tbx-samples/fr-extended-metadata.tbx") else {
        return;
    };
    let g = import(&path);
    // `e001` has only obsolete terms: no official form in any language.
    assert!(g.concepts.iter().all(|c| c.id != "e001"));
    let code = concept(&g, "e002");
    assert!(code.dnt);
    assert_eq!(entry(code, "fr").official, ["SYS_ERR_406"]);
    assert_eq!(
        code.note.as_deref(),
        Some("An internal code identifier not to be localized.")
    );
}

#[test]
fn windows_1254_and_bom_samples_decode() {
    if let Some(path) = shared_data("okapi-tbx-samples/test02_win1254.tbx") {
        let g = import(&path);
        let tr = entry(concept(&g, "id1"), "tr");
        assert_eq!(tr.official, ["tr term with: éá and İı"]);
    }
    if let Some(path) = shared_data("okapi-tbx-samples/test01.tbx") {
        let g = import(&path);
        let hu = entry(&g.concepts[0], "hu");
        assert_eq!(hu.official, ["Alfa simítási tényező"]);
    }
}

// ---------------------------------------------------------- own fixtures

/// A Weblate-style TBX v2 file with a namespace: a preferred, an admitted
/// and an obsolete Czech term, and a language code written `cs_CZ`.
const OBSOLETE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif xmlns="urn:iso:std:iso:30042:ed-2" type="TBX" xml:lang="en">
  <text><body>
    <termEntry id="Print Preview">
      <note>Window showing a page before printing.</note>
      <langSet xml:lang="EN">
        <tig><term>print preview</term></tig>
      </langSet>
      <langSet xml:lang="cs_CZ">
        <tig><term>náhled tisku</term>
          <termNote type="administrativeStatus">obsolete</termNote></tig>
        <tig><term>Náhled před tiskem</term>
          <termNote type="normativeAuthorization">preferredTerm</termNote></tig>
        <tig><term>náhled</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <tig><term>náhled  před
          tiskem</term></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"#;

#[test]
fn obsolete_term_becomes_a_variant_and_preferred_comes_first() {
    let dir = temp_dir();
    let g = import(&write_temp(&dir, "weblate.tbx", OBSOLETE.as_bytes()));
    let c = concept(&g, "print-preview");
    assert_eq!(
        c.note.as_deref(),
        Some("Window showing a page before printing.")
    );
    let cs = entry(c, "cs-CZ");
    assert_eq!(cs.official, ["Náhled před tiskem", "náhled"]);
    assert_eq!(cs.variants, ["náhled tisku"]);
    assert_eq!(entry(c, "en").official, ["print preview"]);
}

#[test]
fn utf16_big_endian_tbx_decodes_with_and_without_a_byte_order_mark() {
    let utf16 = |bom: bool| -> Vec<u8> {
        let units = OBSOLETE
            .replace("UTF-8", "UTF-16")
            .encode_utf16()
            .collect::<Vec<_>>();
        let mut bytes = if bom { vec![0xFE, 0xFF] } else { Vec::new() };
        bytes.extend(units.iter().flat_map(|u| u.to_be_bytes()));
        bytes
    };
    let dir = temp_dir();
    let with_bom = import(&write_temp(&dir, "bom.tbx", &utf16(true)));
    let named = import_with(
        &write_temp(&dir, "plain.tbx", &utf16(false)),
        Some("utf-16be"),
    );
    for g in [with_bom, named] {
        let cs = entry(concept(&g, "print-preview"), "cs-CZ");
        assert_eq!(cs.variants, ["náhled tisku"]);
    }
}

#[test]
fn malformed_xml_is_refused_with_path_line_and_column() {
    let dir = temp_dir();
    let path = write_temp(
        &dir,
        "broken.tbx",
        b"<martif>\n<text>\n<body></text>\n</martif>\n",
    );
    let options = ImportOptions::default();
    let err = match interchange::import(&path, &options) {
        Ok(_) => panic!("malformed XML was accepted"),
        Err(e) => e.to_string(),
    };
    let expected = format!("{}:3:", path.display());
    assert!(err.starts_with(&expected), "{err}");
    assert!(err.contains("malformed XML"), "{err}");
}

// ------------------------------------------------------------- round trip

const LANGS: [&str; 6] = ["en", "de", "ru", "zh-Hans", "ja", "pt-BR"];

/// A word in one of several scripts; lowercase only, so that distinct
/// words stay distinct after case folding. XML's special characters too.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}",
        "[a-z&<>'\"]{1,6}",
        "[а-я]{1,8}",
        "[α-ρ]{1,8}",
        "[一-龥]{1,4}",
        "[ぁ-ゖ]{1,5}",
    ]
}

/// A form: one or two words.
fn form() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..=2).prop_map(|w| w.join(" "))
}

fn entry_strategy(lang: &'static str) -> impl Strategy<Value = Entry> {
    let forms = prop::collection::btree_set(form(), 1..=4);
    (forms, 1..=2usize).prop_map(move |(forms, n)| {
        let forms: Vec<String> = forms.into_iter().collect();
        let n = n.min(forms.len());
        Entry {
            lang: LangTag::parse(lang).unwrap_or_else(|e| panic!("{e}")),
            official: forms[..n].to_vec(),
            variants: forms[n..].iter().take(2).cloned().collect(),
            case_sensitive: false,
            inflect: true,
            patterns: Vec::new(),
        }
    })
}

fn concept_strategy() -> impl Strategy<Value = Concept> {
    let langs = prop::sample::subsequence(LANGS.to_vec(), 1..=3);
    let entries =
        langs.prop_flat_map(|langs| langs.into_iter().map(entry_strategy).collect::<Vec<_>>());
    let note = prop::option::of(prop::collection::vec(word(), 1..=5).prop_map(|w| w.join(" ")));
    ("[a-z0-9_][a-z0-9._-]{0,10}", note, entries).prop_map(|(id, note, entries)| Concept {
        id,
        note,
        dnt: false,
        entries,
        examples: Vec::new(),
    })
}

fn glossary_strategy() -> impl Strategy<Value = Glossary> {
    prop::collection::vec(concept_strategy(), 1..=5).prop_map(|mut concepts| {
        // Ids must be unique: number them.
        for (i, c) in concepts.iter_mut().enumerate() {
            c.id = format!("{}{i}", c.id);
        }
        Glossary {
            path: PathBuf::from("glossary.yaml"),
            source_language: None,
            rules: Default::default(),
            concepts,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_import_keeps_ids_notes_and_entries(g in glossary_strategy()) {
        let dir = temp_dir();
        let path = write_temp(&dir, "glossary.tbx", tbx::export(&g).as_bytes());
        let back = import(&path);
        let want: Vec<_> = g.concepts.iter().map(kept).collect();
        let got: Vec<_> = back.concepts.iter().map(kept).collect();
        prop_assert_eq!(want, got);
    }
}
