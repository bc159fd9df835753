//! File-driven command-line cases: each `tests/cmd/<case>.toml` runs
//! `termlint` in `tests/cmd/<case>.in/` and compares stdout, stderr and the
//! exit code exactly. `TRYCMD=overwrite cargo test --test cli` rewrites the
//! expectations after a deliberate change; review the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}
