//! The robustness matrix of `docs/robustness.md`: what `termlint check`
//! does with hostile or unusual input — bad encodings, huge files and
//! glossaries, unreadable paths, closed pipes, YAML bombs, odd Unicode.
//! Each test is one row of the matrix; it runs the real binary and asserts
//! what a user would see: exit code, the finding's place, the one-line
//! error. Memory bounds are enforced with `ulimit -v` (Linux), never by
//! timing.

mod common;

use common::check_in as check;
use serde_json::Value;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const GLOSSARY: &str = "\
version: 1
concepts:
  - id: mct
    terms:
      en: Ministry of Culture and Tourism
      de:
        official: Ministerium für Kultur und Tourismus
        variants: [Kultur- und Tourismusministerium]
  - id: park
    terms:
      en: Cultural Industry Park
      de: Kulturindustriepark
";

/// The variant of `mct`: a `forbidden` finding wherever it stands.
const VARIANT: &str = "Kultur- und Tourismusministerium";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_termlint")
}

/// A temporary directory holding the glossary and `files`.
fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("glossary.yaml"), GLOSSARY).expect("write glossary");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        fs::write(path, bytes).expect("write file");
    }
    dir
}

/// `termlint check -f json a.de.md` of `text` against the glossary `yaml`
/// (never cached), which finds something: exit 1.
fn check_against(yaml: &str, text: &str) -> Output {
    let dir = project(&[("a.de.md", text.as_bytes())]);
    fs::write(dir.path().join("g.yaml"), yaml).expect("write glossary");
    let out = check(
        dir.path(),
        &["--no-cache", "-g", "g.yaml", "-f", "json", "a.de.md"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    out
}

/// `termlint check ARGS` in `dir` with its address space limited to `kib`
/// KiB (`ulimit -v`): an allocation past it fails and aborts the run.
fn check_within(kib: u64, dir: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("ulimit -v \"$0\" && exec \"$@\"")
        .arg(kib.to_string())
        .arg(bin())
        .arg("check")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run termlint under ulimit")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The findings of a `--format json` run.
fn findings(out: &Output) -> Vec<Value> {
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON report: {e}\n{}", stderr(out)));
    report["findings"].as_array().cloned().unwrap_or_default()
}

/// `(rule, line, column, byte_start, found)` of each finding.
fn places(out: &Output) -> Vec<(String, u64, u64, u64, String)> {
    findings(out)
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or_default(),
                f["column"].as_u64().unwrap_or_default(),
                f["byte_start"].as_u64().unwrap_or_default(),
                f["found"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn forbidden(line: u64, column: u64, byte: u64) -> (String, u64, u64, u64, String) {
    (
        "forbidden".to_string(),
        line,
        column,
        byte,
        VARIANT.to_string(),
    )
}

// --- Encodings -----------------------------------------------------------

#[test]
fn invalid_utf8_is_reported_at_its_byte_and_other_files_are_checked() {
    let bad = b"Erste Zeile\nzwei \xff drei\n".as_slice();
    let good = format!("Das {VARIANT}.\n");
    let dir = project(&[
        ("texts/bad.de.md", bad),
        ("texts/good.de.md", good.as_bytes()),
    ]);
    for args in [
        &["-f", "json", "texts/bad.de.md", "texts/good.de.md"][..],
        &["-f", "json", "texts"][..],
    ] {
        let out = check(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "termlint: texts/bad.de.md:2:6: invalid UTF-8 at byte 17; save the file as UTF-8\n"
        );
        assert_eq!(places(&out), [forbidden(1, 5, 4)]);
    }
}

/// The same text in each encoding with a byte-order mark: the finding is
/// on line 2, column 5, and its byte offset counts the file's own bytes.
#[test]
fn utf16_and_utf32_with_byte_order_mark_are_decoded() {
    let text = format!("\u{feff}Erste Zeile 😀\r\nDas {VARIANT}.\r\n");
    type Encode = fn(&str) -> Vec<u8>;
    let cases: [(&str, Encode, u64); 4] = [
        (
            "le16.de.txt",
            |t| t.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            2,
        ),
        (
            "be16.de.txt",
            |t| t.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            2,
        ),
        (
            "le32.de.txt",
            |t| t.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect(),
            4,
        ),
        (
            "be32.de.txt",
            |t| t.chars().flat_map(|c| u32::from(c).to_be_bytes()).collect(),
            4,
        ),
    ];
    let files: Vec<(&str, Vec<u8>)> = cases.iter().map(|(n, enc, _)| (*n, enc(&text))).collect();
    let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    let dir = project(&borrowed);
    for (name, _, unit) in cases {
        let out = check(dir.path(), &["-f", "json", name]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        // BOM, "Erste Zeile " (12), the emoji (two UTF-16 units, one
        // UTF-32 unit), CR LF, "Das ".
        let units_before = if unit == 2 {
            1 + 12 + 2 + 2 + 4
        } else {
            1 + 12 + 1 + 2 + 4
        };
        assert_eq!(
            places(&out),
            [forbidden(2, 5, unit * units_before)],
            "{name}"
        );
    }
}

#[test]
fn utf8_byte_order_mark_is_not_a_column() {
    let text = format!("\u{feff}{VARIANT} am Anfang.\n");
    let dir = project(&[("a.de.md", text.as_bytes())]);
    let out = check(dir.path(), &["-f", "json", "a.de.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(places(&out), [forbidden(1, 1, 3)]);
}

#[test]
fn crlf_and_lone_cr_line_endings_keep_lines_and_columns() {
    let crlf = format!("Eins\r\nZwei\r\nDas {VARIANT}.\r\n");
    let cr = format!("Eins\rZwei\rDas {VARIANT}.\r");
    let dir = project(&[
        ("crlf.de.txt", crlf.as_bytes()),
        ("cr.de.txt", cr.as_bytes()),
    ]);
    let out = check(dir.path(), &["-f", "json", "crlf.de.txt"]);
    assert_eq!(places(&out), [forbidden(3, 5, 16)]);
    let out = check(dir.path(), &["-f", "json", "cr.de.txt"]);
    assert_eq!(places(&out), [forbidden(3, 5, 14)]);
}

/// Reported, never replaced: a replaced character could hide a damaged
/// name, and `--fix` must write back exactly the bytes it read.
#[test]
fn unpaired_surrogate_in_utf16_is_refused_at_its_place() {
    let mut bad: Vec<u8> = "\u{feff}Zeile\nab"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bad.extend(0xD83Du16.to_le_bytes());
    bad.extend("cd\n".encode_utf16().flat_map(u16::to_le_bytes));
    let good = format!("Das {VARIANT}.\n");
    let dir = project(&[("bad.de.txt", &bad), ("good.de.txt", good.as_bytes())]);
    let out = check(dir.path(), &["-f", "json", "bad.de.txt", "good.de.txt"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "termlint: bad.de.txt:2:3: unpaired UTF-16 surrogate 0xD83D at byte 18; the file is \
         damaged here: retype the character and save the file again\n"
    );
    assert_eq!(places(&out), [forbidden(1, 5, 4)]);
}

// --- What a directory holds ------------------------------------------------

#[test]
fn binary_files_in_a_directory_are_skipped_with_a_note() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice();
    // UTF-16 without a byte-order mark cannot be told from binary data.
    let utf16: Vec<u8> = "Text".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let text = format!("Das {VARIANT}.\n");
    let dir = project(&[
        ("site/logo.de.png", png),
        ("site/nobom.de.txt", &utf16),
        ("site/a.de.md", text.as_bytes()),
    ]);
    let out = check(dir.path(), &["-f", "json", "site"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "termlint: note: skipping site/logo.de.png: binary file\n\
         termlint: note: skipping site/nobom.de.txt: binary file\n"
    );
    assert_eq!(places(&out), [forbidden(1, 5, 4)]);
}

#[test]
fn empty_files_are_checked_and_clean() {
    let dir = project(&[
        ("empty.de.md", b""),
        ("bom-only.de.md", b"\xef\xbb\xbf"),
        ("blank.de.txt", b"\n\r\n  \n"),
    ]);
    let out = check(
        dir.path(),
        &["empty.de.md", "bom-only.de.md", "blank.de.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "3 files checked: no findings\n");
    assert_eq!(stderr(&out), "");
}

#[cfg(unix)]
#[test]
fn symbolic_link_loop_is_a_note_and_every_file_is_checked_once() {
    let text = format!("Das {VARIANT}.\n");
    let dir = project(&[("site/sub/a.de.md", text.as_bytes())]);
    std::os::unix::fs::symlink("..", dir.path().join("site/sub/up")).expect("symlink");
    std::os::unix::fs::symlink("sub", dir.path().join("site/again")).expect("symlink");
    let out = check(dir.path(), &["-f", "concise", "site"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "termlint: note: skipping site/again/up: a symbolic link back to site, whose files \
         are checked there\n\
         termlint: note: skipping site/sub/up: a symbolic link back to site, whose files are \
         checked there\n"
    );
    // `site/again` is another way to `site/sub`, not a loop: both are
    // checked, as a user who linked them would expect.
    let report = stdout(&out);
    let lines: Vec<&str> = report
        .lines()
        .map(|l| l.split(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(lines, ["site/again/a.de.md:1:5:", "site/sub/a.de.md:1:5:"]);
}

#[test]
fn missing_path_fails_the_run_and_the_rest_is_checked() {
    let text = format!("Das {VARIANT}.\n");
    let dir = project(&[("a.de.md", text.as_bytes())]);
    let out = check(dir.path(), &["-f", "json", "gone.de.md", "a.de.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "termlint: gone.de.md: cannot read: no such file or directory; check the path\n"
    );
    assert_eq!(places(&out), [forbidden(1, 5, 4)]);
}

#[cfg(unix)]
mod unreadable {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn set_mode(path: &Path, mode: u32) {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
    }

    /// How to run termlint so that `chmod 000` denies it: as is, or — when
    /// the tests run as root, whom permissions do not stop — under
    /// `setpriv` without the capabilities that override them. `None` when
    /// neither denies (the test then says it skipped).
    fn denied_by_mode(probe: &Path) -> Option<Vec<String>> {
        if fs::read(probe).is_err() {
            return Some(Vec::new());
        }
        let drop_caps = vec![
            "setpriv".to_string(),
            "--bounding-set=-dac_override,-dac_read_search".to_string(),
            "--".to_string(),
        ];
        let denied = Command::new(&drop_caps[0])
            .args(&drop_caps[1..])
            .args(["sh", "-c", "! test -r \"$0\""])
            .arg(probe)
            .status()
            .is_ok_and(|s| s.success());
        denied.then_some(drop_caps)
    }

    fn run(prefix: &[String], dir: &Path, args: &[&str]) -> Output {
        let command = match prefix.split_first() {
            Some((first, rest)) => {
                let mut c = Command::new(first);
                c.args(rest).arg(bin());
                c
            }
            None => Command::new(bin()),
        };
        super::common::run_check(command, dir, args)
    }

    #[test]
    fn unreadable_file_and_directory_fail_the_run_with_their_names() {
        let text = format!("Das {VARIANT}.\n");
        let dir = project(&[
            ("site/a.de.md", text.as_bytes()),
            ("site/locked/b.de.md", text.as_bytes()),
            ("secret.de.md", text.as_bytes()),
        ]);
        set_mode(&dir.path().join("secret.de.md"), 0o000);
        set_mode(&dir.path().join("site/locked"), 0o000);
        let Some(prefix) = denied_by_mode(&dir.path().join("secret.de.md")) else {
            eprintln!("skipping: permissions do not deny reading here (root without setpriv)");
            set_mode(&dir.path().join("site/locked"), 0o755);
            return;
        };
        let out = run(&prefix, dir.path(), &["-f", "json", "secret.de.md", "site"]);
        set_mode(&dir.path().join("site/locked"), 0o755);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "termlint: site/locked: cannot read: permission denied; check the directory's \
             permissions\n\
             termlint: secret.de.md: cannot read: permission denied; check the file's \
             permissions\n"
        );
        assert_eq!(places(&out), [forbidden(1, 5, 4)]);
    }
}

// --- Size ------------------------------------------------------------------

/// A file over `--max-file-size` found in a directory is skipped with a
/// note; named on the command line (or read from stdin) it fails the run,
/// since what the user asked for was not checked.
#[test]
fn file_over_the_size_limit_is_skipped_with_a_note() {
    let big = format!("Das {VARIANT}. {}\n", "Füllwort ".repeat(300));
    let small = format!("Das {VARIANT}.\n");
    let dir = project(&[
        ("site/big.de.md", big.as_bytes()),
        ("site/a.de.md", small.as_bytes()),
    ]);
    let out = check(dir.path(), &["-f", "json", "--max-file-size", "2K", "site"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "termlint: note: site/big.de.md: 3.0K is over the size limit of 2K; not checked \
         (raise the limit with --max-file-size, e.g. --max-file-size 1G, or 0 for none)\n"
    );
    assert_eq!(findings(&out).len(), 1);

    let out = check(dir.path(), &["--max-file-size", "2K", "site/big.de.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("termlint: site/big.de.md: 3.0K is over"));

    let out = check(
        dir.path(),
        &["--max-file-size", "0", "-f", "json", "site/big.de.md"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let mut child = Command::new(bin())
        .args(["check", "--lang", "de", "--max-file-size", "1K", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run termlint");
    // The stream is read only up to the limit: termlint stops reading and
    // the rest of the write may fail.
    let _ = child.stdin.take().expect("stdin").write_all(big.as_bytes());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("termlint: -: more than 1K is over the size limit of 1K"),
        "{}",
        stderr(&out)
    );
}

/// 200 MB on one line: memory stays a small multiple of the file (the
/// address space is capped at five times its size), and the last name, at
/// column 200 million, is found at its place.
#[cfg(target_os = "linux")]
#[test]
fn line_of_200_megabytes_is_checked_in_bounded_memory() {
    const SIZE: usize = 200 << 20;
    let filler = b"lorem ipsum dolor sit amet ";
    let mut text = Vec::with_capacity(SIZE);
    let mut names = Vec::new();
    while text.len() + filler.len() + VARIANT.len() < SIZE {
        if text.len() % (64 << 20) < filler.len() {
            names.push(text.len() as u64);
            text.extend_from_slice(VARIANT.as_bytes());
            text.push(b' ');
        }
        text.extend_from_slice(filler);
    }
    names.push(text.len() as u64);
    text.extend_from_slice(VARIANT.as_bytes());
    let dir = project(&[]);
    fs::write(dir.path().join("big.de.txt"), &text).expect("write the big file");
    drop(text);
    let limit_kib = (5 * SIZE as u64) / 1024 + 64 * 1024;
    let out = check_within(
        limit_kib,
        dir.path(),
        &["--max-file-size", "0", "-f", "json", "big.de.txt"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected: Vec<_> = names.iter().map(|&at| forbidden(1, at + 1, at)).collect();
    assert_eq!(places(&out), expected);
}

// --- Output ----------------------------------------------------------------

/// `termlint check … | head -1`: the reader goes away after one line; the
/// run ends without a panic or a "Broken pipe" message, with the exit code
/// of its findings.
#[test]
fn closed_stdout_ends_the_run_quietly() {
    let text = format!("Das {VARIANT}.\n").repeat(5000);
    let dir = project(&[("a.de.md", text.as_bytes())]);
    for format in [
        "human", "concise", "json", "sarif", "github", "junit", "html",
    ] {
        let mut child = Command::new(bin())
            .args(["check", "-f", format, "a.de.md"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run termlint");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("read one line");
        // Dropping the reader closes the pipe, like `head -1` exiting.
        let out = child.wait_with_output().expect("wait");
        assert!(!first.is_empty(), "{format}");
        assert_eq!(stderr(&out), "", "{format}");
        assert_eq!(out.status.code(), Some(1), "{format}");
    }
}

// --- Glossary --------------------------------------------------------------

/// Runs `check` against glossary `yaml` with the address space capped at
/// 256 MiB, and returns the exit code and stderr.
fn with_glossary(yaml: &str) -> (Option<i32>, String) {
    let dir = project(&[("a.de.md", b"Text.\n")]);
    fs::write(dir.path().join("bad.yaml"), yaml).expect("write glossary");
    let out = check_within(256 * 1024, dir.path(), &["-g", "bad.yaml", "a.de.md"]);
    (out.status.code(), stderr(&out))
}

/// "Billion laughs": nine levels of nine aliases would expand to 9^9
/// strings. Refused after a bounded number of expansions, inside 256 MiB.
#[test]
fn alias_bomb_is_refused_at_its_first_alias() {
    let mut yaml =
        String::from("version:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let items = vec![format!("*a{}", i - 1); 9].join(", ");
        yaml.push_str(&format!("  - &a{i} [{items}]\n"));
    }
    yaml.push_str("concepts: []\n");
    assert_eq!(
        with_glossary(&yaml),
        (
            Some(2),
            "termlint: bad.yaml:3:10: too many alias expansions (`*name`); write the values \
             out instead of repeating anchors\n"
                .to_string()
        )
    );
}

/// A megabyte of `[`: the YAML parser would take time quadratic in the
/// depth (hours here); the nesting is refused before parsing, at the
/// bracket that goes too deep. Block nesting is caught by the parser.
#[test]
fn deep_nesting_is_refused_at_its_place() {
    let flow = format!("version: {}\nconcepts: []\n", "[".repeat(1 << 20));
    assert_eq!(
        with_glossary(&flow),
        (
            Some(2),
            "termlint: bad.yaml:1:42: the YAML nests more than 32 levels deep here; a glossary \
             needs seven at most, check the brackets\n"
                .to_string()
        )
    );
    let block = format!("version:\n  {}x\nconcepts: []\n", "- ".repeat(100_000));
    let (code, err) = with_glossary(&block);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("termlint: bad.yaml:2:") && err.contains("the YAML nests too deeply"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

/// A million concepts load and check: an official form is accepted, the
/// variant of the last concept is found.
#[test]
fn glossary_of_a_million_concepts_loads_and_checks() {
    let mut yaml = String::from("version: 1\nconcepts:\n");
    for i in 0..1_000_000 {
        yaml.push_str(&format!("  - id: c{i}\n    terms:\n      de: Amt {i}\n"));
    }
    yaml.push_str(&format!(
        "  - id: last\n    terms:\n      de:\n        official: Letztes Amt\n        variants: [{VARIANT}]\n"
    ));
    let out = check_against(&yaml, &format!("Das Amt 500000 und das {VARIANT}.\n"));
    assert_eq!(places(&out), [forbidden(1, 24, 23)]);
    assert_eq!(findings(&out)[0]["concept"], "last");
}

// --- Odd terms and text ----------------------------------------------------

/// A glossary form of 10 kB (1,000 words) is found, inflected on its last
/// word, and a 10 kB word without spaces too.
#[test]
fn ten_kilobyte_terms_are_found() {
    // Letters only: a word with digits takes no ending.
    let letters = |i: usize| -> String {
        [i / 676, i / 26 % 26, i % 26]
            .iter()
            .map(|&d| char::from(b'a' + d as u8))
            .collect()
    };
    let words: Vec<String> = (0..1000)
        .map(|i| format!("verwaltung{}", letters(i)))
        .collect();
    let long = words.join(" ");
    let word = "x".repeat(10_000);
    let yaml = format!(
        "version: 1\nconcepts:\n  - id: long\n    terms:\n      de: Amt\n      en: \"{long}\"\n  \
         - id: word\n    terms:\n      de: Wort\n      en: {word}\n"
    );
    let text = format!("Vor {long}s und {word}.\n");
    let dir = project(&[("a.de.md", text.as_bytes())]);
    fs::write(dir.path().join("g.yaml"), yaml).expect("write glossary");
    let out = check(dir.path(), &["-g", "g.yaml", "-f", "json", "a.de.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found: Vec<(String, u64, usize)> = findings(&out)
        .iter()
        .map(|f| {
            let text = f["found"].as_str().unwrap_or_default();
            (
                f["concept"].as_str().unwrap_or_default().to_string(),
                f["column"].as_u64().unwrap_or(0),
                text.len(),
            )
        })
        .collect();
    let second = 5 + long.len() as u64 + 6;
    assert_eq!(
        found,
        [
            ("long".to_string(), 5, long.len() + 1),
            ("word".to_string(), second, 10_000)
        ]
    );
}

/// Thousands of concepts share one form (the first in file order wins, as
/// SPEC §3 says), and a text names it ten thousand times.
#[test]
fn thousands_of_identical_forms() {
    let mut yaml = String::from("version: 1\nconcepts:\n");
    for i in 0..5000 {
        yaml.push_str(&format!(
            "  - id: c{i}\n    terms:\n      de:\n        official: Amt {i}\n        variants: [Gipfeltreffen]\n"
        ));
    }
    let out = check_against(&yaml, &"Das Gipfeltreffen. ".repeat(10_000));
    let found = findings(&out);
    assert_eq!(found.len(), 10_000);
    assert!(found
        .iter()
        .all(|f| f["concept"] == "c0" && f["rule"] == "forbidden"));
    assert_eq!(found[9_999]["column"], 19 * 9_999 + 5);
}

/// Combining marks (NFD, and a long run of them), bidi controls around a
/// name, an emoji ZWJ sequence glued to it, a zero-width joiner inside it:
/// names are found, columns count chars. The text is checked as English,
/// so the German official forms are findings too.
#[test]
fn combining_marks_bidi_controls_and_emoji_sequences() {
    let zalgo = format!("Ein{} Wort.", "\u{301}".repeat(50_000));
    let lines = [
        // NFD: `ü` as `u` + U+0308.
        "Das Ministerium fu\u{308}r Kultur und Tourismus.",
        // Right-to-left embedding and isolate around the name.
        "\u{202B}\u{2067}Kultur- und Tourismusministerium\u{2069}\u{202C} هنا",
        // Family emoji (a ZWJ sequence) right before the name.
        "👩\u{200D}👩\u{200D}👧Kultur- und Tourismusministerium",
        // A zero-width joiner inside the name is ignored by folding.
        "Der Kultur\u{200D}industriepark",
        // Fifty thousand marks on one letter: no name, no hang.
        &zalgo,
    ];
    let text = format!("{}\n", lines.join("\n"));
    let dir = project(&[("a.de.md", text.as_bytes())]);
    let out = check(dir.path(), &["--lang", "en", "-f", "json", "a.de.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found: Vec<(String, u64, u64)> = findings(&out)
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let at = |rule: &str, line, column| (rule.to_string(), line, column);
    assert_eq!(
        found,
        [
            at("untranslated", 1, 5),
            at("forbidden", 2, 3),
            at("inconsistent", 2, 3),
            at("forbidden", 3, 6),
            at("untranslated", 4, 5),
        ]
    );
}

// --- Nothing lost by --fix -------------------------------------------------

/// The official form `--fix` puts in place of [`VARIANT`].
const OFFICIAL: &str = "Ministerium für Kultur und Tourismus";

/// A 16 MB file with some 13,000 fixable names, in a directory of its own.
fn fixable_project() -> (tempfile::TempDir, String) {
    let mut text = String::with_capacity(17 << 20);
    let mut line = 0;
    while text.len() < 16 << 20 {
        if line % 20 == 0 {
            text.push_str(&format!(
                "Zeile {line}: Bericht über das {VARIANT} heute.\n"
            ));
        } else {
            text.push_str(&format!(
                "Zeile {line}: ein gewöhnlicher Satz ohne Namen, nur Füllwörter.\n"
            ));
        }
        line += 1;
    }
    let dir = project(&[("a.de.md", text.as_bytes())]);
    (dir, text)
}

fn spawn_fix(dir: &Path) -> std::process::Child {
    Command::new(bin())
        .args(["check", "--fix", "-f", "concise", "a.de.md"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run termlint --fix")
}

/// Entries of `dir` besides the glossary and the fixed file.
fn others(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "glossary.yaml" && n != "a.de.md")
        .collect();
    names.sort();
    names
}

/// When to kill `--fix`: right after it starts, a little after its
/// temporary file appears (while the new text is written and synced), or
/// right after that file is renamed over the original (while the new text
/// is checked again).
#[derive(Debug, Clone, Copy)]
enum Moment {
    AtStart,
    Staging(u64),
    Replaced,
}

/// Waits for `moment` (or for the run to end first).
fn wait_for(moment: Moment, dir: &Path, child: &mut std::process::Child) {
    let running = |child: &mut std::process::Child| child.try_wait().ok().flatten().is_none();
    let pause = || std::thread::sleep(std::time::Duration::from_micros(200));
    if matches!(moment, Moment::AtStart) {
        return;
    }
    while others(dir).is_empty() && running(child) {
        pause();
    }
    match moment {
        Moment::Staging(ms) => std::thread::sleep(std::time::Duration::from_millis(ms)),
        _ => {
            while !others(dir).is_empty() && running(child) {
                pause();
            }
        }
    }
}

/// `--fix` killed (SIGKILL) while it reads and checks, while it writes the
/// new text beside the file, right after the rename and while it checks
/// again, leaves the file exactly as it was or exactly fixed. A temporary
/// file may be left beside it: it is named `.a.de.md.termlint-<pid>-<n>.tmp`,
/// and a directory walk skips it with a note.
#[test]
fn fix_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let moments = [
        Moment::AtStart,
        Moment::Staging(0),
        Moment::Staging(2),
        Moment::Staging(15),
        Moment::Replaced,
    ];
    let (mut kept, mut fixed, mut leftovers) = (0, 0, 0);
    for moment in moments {
        let (dir, old) = fixable_project();
        let new = old.replace(VARIANT, OFFICIAL);
        let mut child = spawn_fix(dir.path());
        wait_for(moment, dir.path(), &mut child);
        let _ = child.kill();
        child.wait().expect("wait");
        let now = fs::read_to_string(dir.path().join("a.de.md")).expect("read");
        assert!(
            now == old || now == new,
            "half-written when killed {moment:?}"
        );
        if matches!(moment, Moment::Replaced) {
            assert!(now == new, "the rename was seen, yet the file is old");
        }
        if now == old {
            kept += 1;
        } else {
            fixed += 1;
        }
        for name in others(dir.path()) {
            assert!(
                name.starts_with(".a.de.md.termlint-") && name.ends_with(".tmp"),
                "stray file {name}"
            );
            leftovers += 1;
            leftover_is_skipped_with_a_note(&dir.path().join(&name), &name);
        }
    }
    eprintln!(
        "killed --fix {} times: {kept} times the file was as before, {fixed} times fixed, \
         {leftovers} temporary files left",
        moments.len()
    );
}

/// `--fix` on a UTF-16 file with a byte-order mark and CRLF writes it back
/// in UTF-16, mark and line endings kept (UTF-8 files: see `tests/fix.rs`).
#[test]
fn fix_writes_a_utf16_file_back_in_utf16() {
    let utf16 = |t: &str| -> Vec<u8> { t.encode_utf16().flat_map(u16::to_be_bytes).collect() };
    let before = format!("\u{feff}Zeile 😀\r\nDas {VARIANT}.\r\n");
    let dir = project(&[("a.de.txt", &utf16(&before))]);
    let out = check(dir.path(), &["--fix", "a.de.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = fs::read(dir.path().join("a.de.txt")).expect("read");
    assert_eq!(after, utf16(&before.replace(VARIANT, OFFICIAL)));
}

/// A leftover temporary file in a walked directory is skipped with a note.
fn leftover_is_skipped_with_a_note(path: &Path, name: &str) {
    let text = format!("Das {VARIANT}.\n");
    let dir = project(&[("site/b.de.md", text.as_bytes())]);
    fs::rename(path, dir.path().join("site").join(name)).expect("move the leftover");
    let out = check(dir.path(), &["-f", "json", "site"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "termlint: note: skipped 1 temporary file left by an interrupted --fix \
             (site/{name}); the files they belong to are whole, delete them\n"
        )
    );
    assert_eq!(places(&out), [forbidden(1, 5, 4)]);
}
