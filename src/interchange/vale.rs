//! vale interchange.
