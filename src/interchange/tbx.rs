//! tbx interchange.
