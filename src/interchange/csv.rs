//! csv interchange.
