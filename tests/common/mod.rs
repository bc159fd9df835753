//! Helpers shared by the integration tests.

// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `termlint check ARGS` run in `dir`, without colours.
pub fn check_in(dir: &Path, args: &[&str]) -> Output {
    run_check(Command::new(env!("CARGO_BIN_EXE_termlint")), dir, args)
}

/// `command` (termlint, or a wrapper that runs it) given `check ARGS`, run
/// in `dir` without colours.
pub fn run_check(mut command: Command, dir: &Path, args: &[&str]) -> Output {
    command
        .arg("check")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run termlint")
}

/// `../shared/data/<relative>` beside the repository, or `None` after
/// saying the test skips: the real material is not part of the repository.
pub fn shared_data(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: ../shared/data/{relative} not present");
        None
    }
}
