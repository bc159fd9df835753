//! The article termlint was made for: a German machine translation of a
//! Chinese news item (`../shared/seed/` beside the repository), checked with
//! the bundled glossary. Skipped, saying so, when the folder is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

fn seed() -> Option<PathBuf> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_52832147d2d49dcb.txt");
    path.is_file().then_some(path)
}

#[test]
fn seed_article_lists_every_inconsistent_name_with_its_official_form() {
    let Some(seed) = seed() else {
        eprintln!("skipping: ../shared/seed/000_52832147d2d49dcb.txt is not present");
        return;
    };
    let output = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--lang", "de", "--format", "json"])
        .arg(&seed)
        .output()
        .expect("termlint runs");
    assert_eq!(output.status.code(), Some(1), "findings exit with 1");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json output");
    let findings = json["findings"].as_array().expect("findings list");
    let got: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} `{}` -> `{}`",
                f["line"],
                f["column"],
                f["rule"].as_str().unwrap_or(""),
                f["found"].as_str().unwrap_or(""),
                f["expected"].as_str().unwrap_or("")
            )
        })
        .collect();
    let forum = "Forum zur hochwertigen Entwicklung von Kulturindustrieparks";
    let plan = "Partnerschaftsplan für Kulturindustrieparks";
    let expected = vec![
        format!("1:1 forbidden `Kulturindustriepark Hochqualitatives Entwicklungsforum` -> `{forum}`"),
        format!("3:20 forbidden `High Quality Development Forum des Cultural Industry Park` -> `{forum}`"),
        format!("3:20 inconsistent `High Quality Development Forum des Cultural Industry Park` -> `{forum}`"),
        format!("3:116 forbidden `Cultural Industry Park Carrying Plan` -> `{plan}`"),
        "3:259 forbidden `Shenzhen International Holdings Kommunalbüro für Kultur, Radio, Fernsehen, Tourismus und Sport` -> `Amt für Kultur, Hörfunk, Fernsehen, Tourismus und Sport der Stadt Shenzhen`".to_string(),
        "3:358 forbidden `Shenzhen International Convention and Exhibition Center` -> `Shenzhen World Exhibition & Convention Center`".to_string(),
        format!("3:535 forbidden `Cultural Industry Park Carrying Plan` -> `{plan}`"),
        "4:37 forbidden `China (Shenzhen) International Cultural Industry Expo und Fachmesse` -> `Internationale Kulturindustriemesse China (Shenzhen)`".to_string(),
        "4:357 forbidden `industriellen Stadtintegration` -> `Integration von Industrie und Stadt`".to_string(),
        "5:220 forbidden `14.Fünfjahresplan für Kulturindustrieentwicklung` -> `14. Fünfjahresplan für die Entwicklung der Kulturindustrie`".to_string(),
        "5:368 untranslated `Nanjing Qinhuai Characteristic Cultural Industry Park` -> `Kulturindustriepark Nanjing Qinhuai`".to_string(),
        "5:461 forbidden `Stimme der sieben Textilien` -> `Stimme von Qifang`".to_string(),
        "5:819 forbidden `Stellungnahmen zur Förderung der qualitativ hochwertigen Entwicklung nationaler Kulturindustrieparks` -> `Leitlinien zur Förderung der hochwertigen Entwicklung nationaler Kulturindustrieparks`".to_string(),
        format!("5:987 forbidden `Kulturindustriepark-Trägerplans` -> `{plan}`"),
        format!("5:987 inconsistent `Kulturindustriepark-Trägerplans` -> `{plan}`"),
        format!("5:1182 forbidden `Kulturindustrieparks Carrying Plan` -> `{plan}`"),
    ];
    assert_eq!(got, expected);
}

#[test]
fn seed_article_keeps_correct_inflected_names_unreported() {
    let Some(seed) = seed() else {
        eprintln!("skipping: ../shared/seed/000_52832147d2d49dcb.txt is not present");
        return;
    };
    let text = std::fs::read_to_string(&seed).expect("seed is readable");
    let output = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--lang", "de", "--format", "json"])
        .arg(&seed)
        .output()
        .expect("termlint runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json output");
    let reported: Vec<(u64, u64)> = json["findings"]
        .as_array()
        .expect("findings list")
        .iter()
        .map(|f| {
            (
                f["byte_start"].as_u64().unwrap_or(0),
                f["byte_end"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // Correct names the translation does use: none may fall inside a finding.
    for name in [
        "des Ministeriums für Kultur und Tourismus",
        "Abteilung für Industrieentwicklung",
        "Ürümqi",
        "Bezirk Shuimogou",
    ] {
        let at = text.find(name).expect("the seed uses the name") as u64;
        assert!(
            reported
                .iter()
                .all(|&(s, e)| at + (name.len() as u64) <= s || at >= e),
            "`{name}` is correct German and must not be reported"
        );
    }
}
