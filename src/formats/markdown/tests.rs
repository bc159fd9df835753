//! Tests of the Markdown reader.

use super::*;

#[test]
fn smoke() {
    let parsed = read("# Hallo\n\nWelt", &ReadOptions::default()).expect("reads");
    assert_eq!(parsed.segments.len(), 2);
}
