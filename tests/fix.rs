//! `check --fix` and `check --diff` on temporary copies: what is replaced,
//! what stays a finding, the exact patch, and that files keep their line
//! endings, byte-order mark and permissions — or are not touched at all.

mod common;

use common::check_in as termlint;
use std::fs;
use std::path::Path;
use std::process::Output;

const GLOSSARY: &str = "\
version: 1
concepts:
  - id: ministry-of-culture-and-tourism
    terms:
      en: Ministry of Culture and Tourism
      de:
        official: Ministerium für Kultur und Tourismus
        variants:
          - Kultur- und Tourismusministerium
  - id: cultural-industry-park
    terms:
      en: Cultural Industry Park
      de:
        official: Kulturindustriepark
        variants:
          - Kulturindustrie Park
  - id: ministry-of-treasury-and-finance
    terms:
      tr:
        official: Hazine ve Maliye Bakanlığı
        variants:
          - Maliye Bakanlığı
  - id: hungarian-academy-of-sciences
    terms:
      hu:
        official: Magyar Tudományos Akadémia
        variants:
          - Tudományos Akadémia
  - id: convention-center
    terms:
      de:
        official: World Exhibition & Convention Center
        variants:
          - Internationales Kongresszentrum
  - id: fair
    terms:
      de:
        official: 'Messe \"Shenzhen\"'
        variants:
          - Shenzhen-Markt
";

/// A temporary directory holding the glossary and `files`.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("glossary.yaml"), GLOSSARY).expect("write glossary");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write file");
    }
    dir
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).expect("read file")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `--fix` on the one file `name` holding `before`, which must exit with
/// `code`: the run's output and the file afterwards.
fn fix_one(name: &str, before: &str, code: i32) -> (Output, String) {
    let dir = project(&[(name, before)]);
    let out = termlint(dir.path(), &["--fix", name]);
    assert_eq!(out.status.code(), Some(code), "{}", stderr(&out));
    let after = read(dir.path(), name);
    (out, after)
}

#[test]
fn forbidden_variant_is_replaced() {
    let before = "Das Kultur- und Tourismusministerium lädt ein.\n";
    let (out, after) = fix_one("a.de.md", before, 0);
    assert_eq!(
        after,
        "Das Ministerium für Kultur und Tourismus lädt ein.\n"
    );
    assert!(stderr(&out).contains("termlint: fixed 1 finding in 1 file"));
    assert_eq!(stdout(&out), "1 file checked: no findings\n");
}

#[test]
fn untranslated_name_is_replaced() {
    let (_, after) = fix_one("a.de.md", "Der Cultural Industry Park öffnet.\n", 0);
    assert_eq!(after, "Der Kulturindustriepark öffnet.\n");
}

#[test]
fn one_word_form_takes_the_ending_along() {
    let before = "Die Besucher des Kulturindustrie Parks kamen.\n";
    let (_, after) = fix_one("a.de.md", before, 0);
    assert_eq!(after, "Die Besucher des Kulturindustrieparks kamen.\n");
}

#[test]
fn turkish_case_ending_moves_to_the_last_word_of_the_official_name() {
    let before =
        "Maliye Bakanlığının açıklaması, MALİYE BAKANLIĞINA bir yazı ve Maliye Bakanlığı.\n";
    // The ending in capitals is not written small by guess: that name
    // stays a finding.
    let (out, after) = fix_one("a.tr.md", before, 1);
    assert_eq!(
        after,
        "Hazine ve Maliye Bakanlığının açıklaması, MALİYE BAKANLIĞINA bir yazı \
         ve Hazine ve Maliye Bakanlığı.\n"
    );
    assert!(
        stderr(&out).contains("fixed 2 findings"),
        "{}",
        stderr(&out)
    );
    let kept = stdout(&out);
    assert!(kept.contains("'MALİYE BAKANLIĞINA'"), "{kept}");
}

/// Hungarian lengthens a last `a` before a case ending: the ending and the
/// lengthened vowel move onto the official name's last word.
#[test]
fn hungarian_lengthened_vowel_and_ending_move_to_the_official_name() {
    let before = "A Tudományos Akadémián és a Tudományos Akadémiával, TUDOMÁNYOS AKADÉMIÁT.\n";
    let (out, after) = fix_one("a.hu.md", before, 1);
    assert_eq!(
        after,
        "A Magyar Tudományos Akadémián és a Magyar Tudományos Akadémiával, \
         TUDOMÁNYOS AKADÉMIÁT.\n"
    );
    assert!(
        stderr(&out).contains("fixed 2 findings"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn inflected_genitive_stays_a_finding() {
    let text = "Eine Sprecherin des Kultur- und Tourismusministeriums sprach.\n";
    let (out, after) = fix_one("a.de.md", text, 1);
    assert_eq!(after, text);
    assert!(
        stdout(&out).contains("error[forbidden]"),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("fixed"));
}

#[test]
fn findings_left_after_fixing_are_reported_at_their_new_place() {
    let text = "Der Cultural Industry Park und das Kultur- und Tourismusministeriums.\n";
    let dir = project(&[("a.de.md", text)]);
    let out = termlint(dir.path(), &["--fix", "--format", "json", "a.de.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{report}");
    // At byte 35 before; `Kulturindustriepark` is three bytes shorter than
    // the English name it replaced.
    assert_eq!(findings[0]["byte_start"], 32);
    assert_eq!(findings[0]["rule"], "forbidden");
}

#[test]
fn diff_prints_the_patch_and_writes_nothing() {
    let text = "# Titel\n\nDer Cultural Industry Park öffnet.\nZeile 4\n";
    let dir = project(&[("a.de.md", text)]);
    let out = termlint(dir.path(), &["--diff", "a.de.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected = "\
--- a/a.de.md
+++ b/a.de.md
@@ -1,4 +1,4 @@
 # Titel
 
-Der Cultural Industry Park öffnet.
+Der Kulturindustriepark öffnet.
 Zeile 4
";
    assert_eq!(stdout(&out), expected);
    assert_eq!(read(dir.path(), "a.de.md"), text);
}

#[test]
fn diff_of_a_clean_file_is_empty_and_exits_0() {
    let dir = project(&[("a.de.md", "Der Kulturindustriepark öffnet.\n")]);
    let out = termlint(dir.path(), &["--diff", "a.de.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn crlf_and_byte_order_mark_are_kept() {
    let text = "\u{feff}Zeile 1\r\nDer Cultural Industry Park öffnet.\r\nZeile 3\r\n";
    let dir = project(&[("a.de.md", text)]);
    let out = termlint(dir.path(), &["--fix", "a.de.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        read(dir.path(), "a.de.md"),
        "\u{feff}Zeile 1\r\nDer Kulturindustriepark öffnet.\r\nZeile 3\r\n"
    );
}

#[test]
fn entity_inside_a_name_is_left_alone() {
    let text = "<p lang=\"de\">Der Cultural Industry&#32;Park öffnet.</p>\n";
    let dir = project(&[("a.de.html", text)]);
    let out = termlint(dir.path(), &["--fix", "a.de.html"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(read(dir.path(), "a.de.html"), text);
}

/// An XLIFF file whose German target names the convention centre by its
/// forbidden variant and the ministry by its own.
const XLIFF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="x">
    <body>
      <trans-unit id="1">
        <source>The congress centre</source>
        <target>Das Internationales Kongresszentrum und das Kultur- und Tourismusministerium</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;

#[test]
fn official_form_the_format_would_escape_is_not_written() {
    // `&` would have to be `&amp;` in XML: writing it raw breaks the file.
    let (out, after) = fix_one("a.de.xlf", XLIFF, 1);
    assert_eq!(
        after,
        XLIFF.replace(
            "Kultur- und Tourismusministerium",
            "Ministerium für Kultur und Tourismus"
        )
    );
    assert!(stderr(&out).contains("fixed 1 finding in 1 file"));
    assert!(stdout(&out).contains("error[forbidden]: 'Internationales Kongresszentrum'"));
}

#[test]
fn quote_is_not_written_into_a_po_string_or_a_quoted_front_matter_value() {
    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\nmsgid \"x\"\nmsgstr \"Der Shenzhen-Markt\"\n";
    let (_, after) = fix_one("a.de.po", po, 1);
    assert_eq!(after, po);
    let md = "---\ntitle: \"Der Shenzhen-Markt\"\n---\n\nDer Shenzhen-Markt öffnet.\n";
    let (_, after) = fix_one("b.de.md", md, 1);
    assert_eq!(
        after,
        "---\ntitle: \"Der Shenzhen-Markt\"\n---\n\nDer Messe \"Shenzhen\" öffnet.\n"
    );
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn set_mode(path: &Path, mode: u32) {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).expect("stat").permissions().mode() & 0o777
    }

    #[test]
    fn permissions_are_kept() {
        let dir = project(&[("a.de.md", "Der Cultural Industry Park öffnet.\n")]);
        let path = dir.path().join("a.de.md");
        set_mode(&path, 0o640);
        let out = termlint(dir.path(), &["--fix", "a.de.md"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn read_only_file_is_reported_and_nothing_is_written() {
        let bad = "Der Cultural Industry Park öffnet.\n";
        let dir = project(&[("a.de.md", bad), ("b.de.md", bad)]);
        set_mode(&dir.path().join("b.de.md"), 0o444);
        let out = termlint(dir.path(), &["--fix", "a.de.md", "b.de.md"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "termlint: b.de.md: file is read-only; nothing was written\n"
        );
        assert_eq!(read(dir.path(), "a.de.md"), bad);
        assert_eq!(read(dir.path(), "b.de.md"), bad);
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 3, "a temporary file was left behind");
    }
}
