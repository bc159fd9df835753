//! Folding (SPEC §2): turns text into the form both sides are compared in,
//! keeping a map from every folded byte back to the original bytes.

use std::ops::Range;

/// What to fold besides the always-on steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldOptions {
    /// Apply full Unicode case folding (off for `case_sensitive` comparisons).
    pub case: bool,
}

/// Folded text and the way back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    text: String,
}

impl Folded {
    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range that produced the folded range `folded`.
    pub fn original_span(&self, folded: Range<usize>) -> Range<usize> {
        unimplemented!("{folded:?}")
    }
}

/// Folds `text`, keeping the offset map.
pub fn fold(text: &str, options: FoldOptions) -> Folded {
    unimplemented!("{text}{options:?}")
}

/// Folds `text` when no way back is needed (glossary forms).
pub fn fold_str(text: &str, options: FoldOptions) -> String {
    fold(text, options).text
}
