//! Writing a glossary as TBX-Basic (ISO 30042:2019, TBX v3, DCA style),
//! the shape of the TBX-Basic dialect's `Example_Astronomy_DCA_VALID.tbx`.

use super::status::Status;
use crate::glossary::{Concept, Entry, Glossary};
use quick_xml::escape::escape;
use std::fmt::Write;

/// The glossary as a TBX-Basic document.
pub fn document(glossary: &Glossary) -> String {
    let lang = glossary
        .source_language
        .as_ref()
        .map_or("en", |l| l.as_str());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    // ISO 30042:2019 §10.2: the root names the dialect, the style and the
    // TBX namespace.
    let _ = writeln!(
        out,
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"{}\" xmlns=\"urn:iso:std:iso:30042:ed-2\">",
        escape(lang)
    );
    out.push_str(HEADER);
    out.push_str("  <text>\n    <body>\n");
    for concept in &glossary.concepts {
        write_concept(&mut out, concept);
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

/// `tbxHeader` with the one required `sourceDesc` (ISO 30042:2019 §10.3).
const HEADER: &str = "  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>Exported by termlint from a glossary.yaml</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
";

fn write_concept(out: &mut String, concept: &Concept) {
    let _ = writeln!(
        out,
        "      <conceptEntry id=\"{}\">",
        escape(xml_id(&concept.id))
    );
    if let Some(note) = &concept.note {
        // TBX-Basic: `definition` is a concept-level descrip.
        let _ = writeln!(
            out,
            "        <descrip type=\"definition\">{}</descrip>",
            escape(note)
        );
    }
    for entry in &concept.entries {
        write_entry(out, entry);
    }
    out.push_str("      </conceptEntry>\n");
}

fn write_entry(out: &mut String, entry: &Entry) {
    let _ = writeln!(
        out,
        "        <langSec xml:lang=\"{}\">",
        escape(entry.lang.as_str())
    );
    for (i, form) in entry.official.iter().enumerate() {
        let status = if i == 0 {
            Status::Preferred
        } else {
            Status::Admitted
        };
        write_term(out, form, status);
    }
    for form in &entry.variants {
        write_term(out, form, Status::Rejected);
    }
    out.push_str("        </langSec>\n");
}

/// A `termSec` with its `administrativeStatus` (TBX-Basic dialect §4).
fn write_term(out: &mut String, form: &str, status: Status) {
    let _ = write!(
        out,
        "          <termSec>\n            <term>{}</term>\n            \
         <termNote type=\"administrativeStatus\">{}</termNote>\n          </termSec>\n",
        escape(form),
        status.tbx_basic()
    );
}

/// `id` as an XML ID (an NCName, Namespaces in XML §3): one that does not
/// start with a letter gets a leading `_`, which import removes again.
fn xml_id(id: &str) -> String {
    if id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id.to_string()
    } else {
        format!("_{id}")
    }
}
