//! prh interchange.
