//! Finding the line and column of a YAML node by its path, for errors that
//! only validation can see.
