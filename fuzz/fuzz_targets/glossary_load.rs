//! Glossary loading (SPEC §1): arbitrary YAML text either loads or gives
//! one error line with a line and column inside the text. A glossary that
//! loads is compiled, audited (`termlint glossary validate`: its forms and
//! its examples run) and the audit is rendered.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use termlint::audit::audit;
use termlint::check::Checker;
use termlint::glossary;
use termlint::report::{human, json};
use termlint_fuzz::text;

fuzz_target!(|data: &[u8]| {
    let yaml = text(data);
    match glossary::load_str(Path::new("glossary.yaml"), &yaml) {
        Ok(glossary) => {
            let checker = Checker::new(glossary);
            let report = audit(&checker, &yaml);
            let reports = [report];
            let mut out = Vec::new();
            human::render(&mut out, &reports).expect("writing to memory");
            out.clear();
            json::render(&mut out, &reports).expect("writing to memory");
            serde_json::from_slice::<serde_json::Value>(&out).expect("valid JSON");
        }
        Err(e) => {
            // YAML breaks lines at LF, CRLF and a lone CR alike.
            let lines = yaml.replace("\r\n", "\n").split(['\n', '\r']).count();
            assert!(
                e.line >= 1 && e.line <= lines + 1,
                "line {} of {lines}",
                e.line
            );
            assert!(e.column >= 1, "column 0");
            assert!(!e.message.is_empty(), "empty message");
            assert!(!e.message.contains('\n'), "multi-line error: {e}");
        }
    }
});
