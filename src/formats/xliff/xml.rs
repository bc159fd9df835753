//! A namespace-aware XML event reader that reports byte offsets into the
//! whole file and turns quick-xml errors into [`ReadError`]s.

use crate::formats::ReadError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// What to do with a file that is not well-formed XML.
const MALFORMED_HINT: &str = "fix the file or check it as plain text (a copy named `.txt`)";

/// The XLIFF core namespaces start so (1.2 §2, 2.1 §4.1).
const CORE_NS: &str = "urn:oasis:names:tc:xliff:document:";

/// Events of one file with their offsets.
pub(in crate::formats) struct Xml<'t> {
    text: &'t str,
    /// Bytes before what the reader reads: a byte-order mark, which
    /// quick-xml would drop without counting it.
    base: usize,
    reader: NsReader<&'t [u8]>,
}

impl<'t> Xml<'t> {
    pub(in crate::formats) fn new(text: &'t str) -> Xml<'t> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        Xml {
            text,
            base: text.len() - body.len(),
            reader: NsReader::from_str(body),
        }
    }

    pub(in crate::formats) fn text(&self) -> &'t str {
        self.text
    }

    /// The byte offset in the file where the next event starts.
    pub(in crate::formats) fn position(&self) -> usize {
        self.offset(self.reader.buffer_position())
    }

    /// The next event, and whether its element is core XLIFF.
    pub(in crate::formats) fn next(&mut self) -> Result<(bool, Event<'t>), ReadError> {
        match self.reader.read_resolved_event() {
            Ok((ns, event)) => Ok((is_core(&ns), event)),
            Err(e) => Err(self.malformed(&e)),
        }
    }

    /// Skips the element `e` just started, and everything inside it.
    pub(in crate::formats) fn skip(&mut self, e: &BytesStart<'_>) -> Result<(), ReadError> {
        let end = e.to_end().into_owned();
        match self.reader.read_to_end(end.name()) {
            Ok(_) => Ok(()),
            Err(err) => Err(self.malformed(&err)),
        }
    }

    /// An error for a file that ends inside an element.
    pub(in crate::formats) fn unclosed(&self, inside: &str) -> ReadError {
        ReadError {
            offset: self.text.len(),
            message: format!(
                "malformed XML: the file ends inside a `<{inside}>`; {MALFORMED_HINT}"
            ),
        }
    }

    /// A read error at the markup quick-xml stopped at.
    fn malformed(&self, err: &quick_xml::Error) -> ReadError {
        ReadError {
            offset: self.offset(self.reader.error_position()),
            message: format!(
                "malformed XML: {}; {MALFORMED_HINT}",
                crate::formats::xml_detail(err)
            ),
        }
    }

    fn offset(&self, position: u64) -> usize {
        let offset = usize::try_from(position).unwrap_or(usize::MAX);
        offset.saturating_add(self.base).min(self.text.len())
    }
}

/// Whether an element is in the XLIFF core namespace (1.2 or 2.x), or in no
/// namespace at all, as in files that leave out `xmlns`. Elements of
/// modules and extensions (`mtc:`, `res:`, …) are not.
fn is_core(ns: &ResolveResult<'_>) -> bool {
    match ns {
        ResolveResult::Unbound => true,
        ResolveResult::Bound(ns) => ns.as_ref().starts_with(CORE_NS),
        ResolveResult::Unknown(_) => false,
    }
}
