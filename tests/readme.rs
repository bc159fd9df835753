//! The README's quick start shows real output: this test runs the command
//! it shows and compares, so the README cannot drift from the tool.

use std::process::Command;

fn quick_start_block(readme: &str) -> &str {
    let after = readme
        .split_once("$ cargo run --release -- check examples/forum.de.md")
        .expect("README shows the quick-start command")
        .1;
    let block = after
        .split_once("```text\n")
        .expect("a text block follows")
        .1;
    block.split_once("```").expect("the block ends").0
}

#[test]
fn readme_quick_start_output_is_what_termlint_prints() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README.md");
    let output = Command::new(env!("CARGO_BIN_EXE_termlint"))
        .current_dir(root)
        .env("NO_COLOR", "1")
        .args(["check", "examples/forum.de.md"])
        .output()
        .expect("termlint runs");
    let printed = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert_eq!(quick_start_block(&readme), printed);
}
