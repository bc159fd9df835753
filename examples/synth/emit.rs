//! Writing a generated glossary: as termlint glossary YAML (SPEC §1), as a
//! plain pattern list (one form a line, for `grep -F -f` and `rg -F -f`),
//! and as a prh rule file (for textlint-rule-prh).

use super::glossary::{surface_forms, Concept, Entry, Glossary};
use std::fmt::Write;

/// A YAML double-quoted scalar.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The glossary as termlint YAML.
pub fn glossary_yaml(glossary: &Glossary, seed: u64) -> String {
    let mut out = format!(
        "# Synthetic glossary: {} concepts, seed {seed} (gen-corpus example).\nversion: 1\nsource_language: zh\nconcepts:\n",
        glossary.concepts.len()
    );
    for c in &glossary.concepts {
        write_concept(&mut out, c);
    }
    out
}

fn write_concept(out: &mut String, c: &Concept) {
    let _ = writeln!(out, "  - id: {}", c.id);
    if let Some(note) = &c.note {
        let _ = writeln!(out, "    note: {}", quoted(note));
    }
    if c.dnt {
        out.push_str("    dnt: true\n");
    }
    out.push_str("    terms:\n");
    for e in &c.entries {
        write_entry(out, e, c.case_sensitive);
    }
}

fn write_entry(out: &mut String, e: &Entry, case_sensitive: bool) {
    if e.variants.is_empty() && e.official.len() == 1 && !case_sensitive {
        let _ = writeln!(out, "      {}: {}", e.lang, quoted(&e.official[0]));
        return;
    }
    let _ = writeln!(out, "      {}:", e.lang);
    let official: Vec<String> = e.official.iter().map(|f| quoted(f)).collect();
    let _ = writeln!(out, "        official: [{}]", official.join(", "));
    if !e.variants.is_empty() {
        out.push_str("        variants:\n");
        for v in &e.variants {
            let _ = writeln!(out, "          - {}", quoted(v));
        }
    }
    if case_sensitive {
        out.push_str("        case_sensitive: true\n");
    }
}

/// Every surface form, one a line.
pub fn forms_list(glossary: &Glossary) -> String {
    let mut out = String::new();
    for f in surface_forms(glossary) {
        out.push_str(&f);
        out.push('\n');
    }
    out
}

/// A prh rule file: per concept and language with variants, the preferred
/// official form and the variants as patterns.
pub fn prh_yaml(glossary: &Glossary) -> String {
    let mut out = String::from("version: 1\nrules:\n");
    for e in glossary.concepts.iter().flat_map(|c| &c.entries) {
        if e.variants.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  - expected: {}", quoted(&e.official[0]));
        out.push_str("    patterns:\n");
        for v in &e.variants {
            let _ = writeln!(out, "      - {}", quoted(&prh_pattern(v)));
        }
    }
    out
}

/// A prh pattern for literal `form`. prh escapes `-` in plain string
/// patterns and then compiles them with the `u` flag, under which `\-` is
/// a syntax error; a `/regexp/` pattern with `-` left bare avoids that.
fn prh_pattern(form: &str) -> String {
    if !form.contains('-') {
        return form.to_string();
    }
    let mut out = String::from("/");
    for c in form.chars() {
        if "\\^$.*+?()[]{}|/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('/');
    out
}
