//! termlint on real translations from other projects, with glossaries
//! converted from those projects' own term tables (`tests/real/`, made by
//! `scripts/real/`). The material lives in `../shared/data/` beside the
//! repository; each test says it skips when it is not there. See
//! docs/real-material.md for what each check means and its numbers.

mod common;

use common::shared_data;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn glossary(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/real")
        .join(name)
}

/// Runs `termlint check -f json ARGS…` and returns its findings.
fn check(args: &[&str], paths: &[&Path]) -> Vec<serde_json::Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json"])
        .args(args)
        .args(paths)
        .output()
        .expect("termlint runs");
    let code = output.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "termlint failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json output");
    json["findings"].as_array().expect("findings list").clone()
}

/// `file:line:column rule found -> expected`, with the file's name only.
fn describe(f: &serde_json::Value) -> String {
    let file = f["file"].as_str().unwrap_or("");
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    format!(
        "{name}:{}:{} {} `{}` -> `{}`",
        f["line"],
        f["column"],
        f["rule"].as_str().unwrap_or(""),
        f["found"].as_str().unwrap_or(""),
        f["expected"].as_str().unwrap_or("")
    )
}

const K8S_PAGE: &str = "k8s-website-l10n/ko/concepts_overview_components.md";

#[test]
fn k8s_korean_page_has_exactly_its_two_real_violations() {
    let Some(page) = shared_data(K8S_PAGE) else {
        return;
    };
    let g = glossary("k8s-ko.yaml");
    let findings = check(
        &["--lang", "ko", "-g", g.to_str().expect("utf-8 path")],
        &[&page],
    );
    let got: Vec<String> = findings.iter().map(describe).collect();
    assert_eq!(
        got,
        vec![
            "concepts_overview_components.md:63:45 untranslated `Linux` -> `리눅스`",
            "concepts_overview_components.md:77:8 forbidden `매트릭을` -> `메트릭`",
        ]
    );
}

#[test]
fn k8s_korean_page_with_the_table_alone() {
    // Without the maintainers' additions, 매트릭 is no form of any concept,
    // and the English row `controller` matches inside the program names
    // kube-controller-manager and cloud-controller-manager (lines 41 and 44,
    // and an `inconsistent` at line 52 because of them). Those three are
    // false positives of the glossary, documented in docs/real-material.md;
    // the test allows them, so that it still passes once they are gone.
    let Some(page) = shared_data(K8S_PAGE) else {
        return;
    };
    let g = glossary("k8s-ko.table-only.yaml");
    let findings = check(
        &["--lang", "ko", "-g", g.to_str().expect("utf-8 path")],
        &[&page],
    );
    let got: BTreeSet<String> = findings.iter().map(describe).collect();
    let linux = "concepts_overview_components.md:63:45 untranslated `Linux` -> `리눅스`";
    assert!(got.contains(linux), "{got:#?}");
    let known: BTreeSet<&str> = [
        linux,
        "concepts_overview_components.md:41:7 untranslated `controller` -> `컨트롤러`",
        "concepts_overview_components.md:44:8 untranslated `controller` -> `컨트롤러`",
        "concepts_overview_components.md:52:12 inconsistent `컨트롤러가` -> `컨트롤러`",
    ]
    .into();
    for finding in &got {
        assert!(known.contains(finding.as_str()), "unexpected: {finding}");
    }
}

#[test]
fn react_dev_korean_pages_report_nothing_from_anchors_urls_or_code() {
    let Some(dir) = shared_data("react-dev-l10n/ko/learn") else {
        return;
    };
    let g = glossary("react-ko.yaml");
    let findings = check(
        &["--lang", "ko", "-g", g.to_str().expect("utf-8 path")],
        &[&dir],
    );
    for f in &findings {
        let file = f["file"].as_str().expect("file");
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
            .expect("page is readable");
        let start = f["byte_start"].as_u64().expect("byte_start") as usize;
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..start];
        // Not inside a heading anchor `{/*…*/}`, a link target `](…)` or inline code.
        let open = |o: &str, c: &str| before.rfind(o).is_some_and(|i| !before[i..].contains(c));
        assert!(!open("{/*", "*/}"), "inside an anchor: {}", describe(f));
        assert!(!open("](", ")"), "inside a link target: {}", describe(f));
        assert_eq!(
            before.matches('`').count() % 2,
            0,
            "inside code: {}",
            describe(f)
        );
    }
    // Every finding is one of these (judged in docs/real-material.md): the
    // <sup>Interaction</sup> gloss, English quoted as a word ("event"), and
    // English console messages inside <ConsoleBlock>.
    let known: BTreeSet<&str> = [
        "rendering-lists.md:92:15 untranslated `child` -> `자식`",
        "rendering-lists.md:275:15 untranslated `child` -> `자식`",
        "responding-to-events.md:368:50 untranslated `event` -> `이벤트`",
        "responding-to-events.md:368:50 inconsistent `event` -> `이벤트`",
        "thinking-in-react.md:244:124 untranslated `Interaction` -> `상호작용`",
        "thinking-in-react.md:244:124 inconsistent `Interaction` -> `상호작용`",
        "thinking-in-react.md:440:36 untranslated `form` -> `폼`",
        "thinking-in-react.md:440:36 inconsistent `form` -> `폼`",
        "thinking-in-react.md:440:90 untranslated `render` -> `렌더링`",
        "thinking-in-react.md:440:90 inconsistent `render` -> `렌더링`",
    ]
    .into();
    for f in &findings {
        assert!(
            known.contains(describe(f).as_str()),
            "unexpected: {}",
            describe(f)
        );
    }
}

#[test]
fn mdn_zh_cn_page_reports_shadow_host_rendered_as_host_computer() {
    let Some(page) = shared_data("mdn-l10n/zh-cn/web_api_element_attachshadow.md") else {
        return;
    };
    let g = glossary("mdn-zh.yaml");
    let findings = check(
        &["--lang", "zh-CN", "-g", g.to_str().expect("utf-8 path")],
        &[&page],
    );
    let got: BTreeSet<String> = findings.iter().map(describe).collect();
    let name = "web_api_element_attachshadow.md";
    let real = [
        format!("{name}:63:65 forbidden `影子主机` -> `影子宿主`"),
        format!("{name}:73:56 forbidden `影子主机` -> `影子宿主`"),
        format!("{name}:7:43 untranslated `Shadow DOM` -> `影子 DOM`"),
        format!("{name}:9:11 untranslated `shadow DOM` -> `影子 DOM`"),
        format!("{name}:11:59 untranslated `shadow DOM` -> `影子 DOM`"),
        format!("{name}:47:14 untranslated `Shadow DOM` -> `影子 DOM`"),
        format!("{name}:63:11 untranslated `shadow DOM` -> `影子 DOM`"),
        format!("{name}:63:53 untranslated `shadow host` -> `影子宿主`"),
        format!("{name}:73:44 untranslated `shadow host` -> `影子宿主`"),
    ];
    for r in &real {
        assert!(got.contains(r), "missing {r}: {got:#?}");
    }
    // Besides those: an `inconsistent` for the shadow host, and findings in
    // MDN macros ({{APIRef('Shadow DOM')}}, {{htmlelement("header")}},
    // {{Specifications}}), which are false positives (docs/real-material.md).
    let also = [
        format!("{name}:63:65 inconsistent `影子主机` -> `影子宿主`"),
        format!("{name}:5:11 untranslated `Shadow DOM` -> `影子 DOM`"),
        format!("{name}:26:18 untranslated `header` -> `标头`"),
        format!("{name}:121:3 untranslated `Specifications` -> `规范`"),
        format!("{name}:121:3 inconsistent `Specifications` -> `规范`"),
    ];
    for finding in &got {
        assert!(
            real.contains(finding) || also.contains(finding),
            "unexpected: {finding}"
        );
    }
}

/// The WMT21 segments of one `.sgm` file: `(id, text)`.
fn segments(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("<seg id=\"") {
        rest = &rest[at + 9..];
        let Some(q) = rest.find('"') else { break };
        let id = rest[..q].to_string();
        let Some(gt) = rest.find('>') else { break };
        let Some(end) = rest.find("</seg>") else {
            break;
        };
        out.push((id, rest[gt + 1..end].to_string()));
        rest = &rest[end..];
    }
    out
}

/// Term ids annotated in a segment, one per annotation, and the text
/// without tags, entities decoded, spaces collapsed.
fn plain(segment: &str) -> (Vec<String>, String) {
    let mut ids = Vec::new();
    let mut text = String::new();
    let mut rest = segment;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
        let tag = &rest[lt..gt];
        if let Some(id) = tag.strip_prefix("<term id=\"") {
            ids.push(id[..id.find('"').unwrap_or(0)].to_string());
        }
        rest = &rest[gt..];
    }
    text.push_str(rest);
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    (ids, text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes the XLIFF 1.2 file for one target (what scripts/real/wmt21_en_fr.py
/// writes) and returns the term ids annotated per line of the file.
fn write_xliff(
    path: &Path,
    source: &[(String, String)],
    target: &[(String, String)],
) -> Vec<Vec<String>> {
    let target: std::collections::HashMap<_, _> = target.iter().cloned().collect();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"wmt21\" source-language=\"en\" target-language=\"fr\" datatype=\"plaintext\">\n<body>\n",
    );
    let mut per_line = vec![Vec::new(); 4]; // the four header lines
    for (id, seg) in source {
        let (ids, src) = plain(seg);
        let (_, tgt) = plain(target.get(id).expect("every segment is translated"));
        xml.push_str(&format!(
            "<trans-unit id=\"{id}\"><source>{}</source><target>{}</target></trans-unit>\n",
            xml_escape(&src),
            xml_escape(&tgt)
        ));
        per_line.push(ids);
    }
    xml.push_str("</body>\n</file>\n</xliff>\n");
    std::fs::write(path, xml).expect("xliff written");
    per_line
}

/// `(missing, count-mismatch, wrong annotations)` for one target file.
fn wmt21(target_file: &str) -> Option<(usize, usize, usize)> {
    let dir = shared_data("wmt21-term-eval-alam")?;
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("sgm readable");
    let source = segments(&read("dev.en-fr.en.sgm"));
    let target = segments(&read(target_file));
    assert_eq!(source.len(), 971);
    let tmp = tempfile::tempdir().expect("temp dir");
    let xliff = tmp.path().join("wmt21.xlf");
    let per_line = write_xliff(&xliff, &source, &target);
    assert_eq!(per_line.iter().map(Vec::len).sum::<usize>(), 901);
    let g = glossary("wmt21-en-fr.yaml");
    let findings = check(&["-g", g.to_str().expect("utf-8 path")], &[&xliff]);
    let (mut missing, mut mismatch, mut wrong) = (0, 0, 0);
    for f in &findings {
        let line = f["line"].as_u64().expect("line") as usize;
        let concept = f["concept"].as_str().expect("concept");
        let id = concept.trim_start_matches("wmt21-");
        let annotated = per_line[line - 1].iter().filter(|i| *i == id).count();
        match f["rule"].as_str() {
            Some("missing") => {
                missing += 1;
                wrong += annotated;
            }
            Some("count-mismatch") => {
                mismatch += 1;
                let target_count = f["target_count"].as_u64().expect("target_count") as usize;
                wrong += annotated.saturating_sub(target_count);
            }
            _ => {}
        }
    }
    Some((missing, mismatch, wrong))
}

#[test]
fn wmt21_baseline_misses_about_as_many_terms_as_published() {
    // Published (Alam et al. 2021): 127 of 901 annotations wrong, 142 by
    // surface match alone. termlint (docs/real-material.md): 238 missing
    // findings, 11 count-mismatch, 163 annotations wrong; the rest of the
    // findings are un-annotated occurrences and forms shared by two concepts.
    let Some((missing, mismatch, wrong)) = wmt21("en-fr.dev.txt.truecased.sgm") else {
        return;
    };
    assert!((200..=260).contains(&missing), "missing {missing}");
    assert!(mismatch <= 20, "count-mismatch {mismatch}");
    assert!((127..=180).contains(&wrong), "wrong annotations {wrong}");
    eprintln!("baseline: missing {missing}, count-mismatch {mismatch}, wrong {wrong}");
}

#[test]
fn wmt21_reference_misses_far_fewer_terms_than_the_baseline() {
    // The reference contains every annotated term by construction; what
    // termlint still reports comes from un-annotated occurrences, forms two
    // concepts share, and reference wordings outside the alternatives.
    let Some((missing, _, wrong)) = wmt21("dev.en-fr.fr.sgm") else {
        return;
    };
    assert!(missing <= 170, "missing {missing}");
    assert!(wrong <= 80, "wrong annotations {wrong}");
}

#[test]
fn tico19_memory_is_checked_unit_by_unit_in_french_only() {
    // The TICO-19 en→fr translation memory (9,213 units) with TICO-19's own
    // French term list: every finding is on a French variant, none on the
    // English sources, and terms the English names but the French drops
    // are `missing` at their unit.
    let (Some(memory), Some(terms)) = (
        shared_data("tico19/TM/all.en-fr.tmx"),
        shared_data("tico19/terminologies/f_en-fr_XX.csv"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let glossary = dir.path().join("tico19-fr.yaml");
    let import = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .args(["glossary", "import"])
        .arg(&terms)
        .arg("-o")
        .arg(&glossary)
        .output()
        .expect("termlint runs");
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let g = glossary.to_str().expect("UTF-8 path");
    let findings = check(&["-g", g, "--lang", "fr-XX"], &[&memory]);
    let text = std::fs::read_to_string(&memory).expect("memory reads");
    let lines: Vec<&str> = text.lines().collect();
    let missing = findings.iter().filter(|f| f["rule"] == "missing").count();
    assert!((1000..=1300).contains(&missing), "missing {missing}");
    for f in &findings {
        let line = f["line"].as_u64().expect("line") as usize;
        assert!(
            lines[line - 1].contains("<tuv xml:lang=\"fr\">"),
            "{} is not on a French variant",
            describe(f)
        );
    }
}
