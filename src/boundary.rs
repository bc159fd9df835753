//! Word boundaries for matches (SPEC §2 "Boundaries").

/// Whether a match may start or end at byte `pos` of folded `text`.
pub fn is_boundary(text: &str, pos: usize) -> bool {
    unimplemented!("{text}{pos}")
}

/// Whether `c` belongs to a script written without spaces between words.
pub fn is_unspaced(c: char) -> bool {
    unimplemented!("{c}")
}
