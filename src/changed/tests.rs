use super::*;
use crate::check::Outcome;
use crate::document::Document;
use crate::finding::testing::forbidden;
use crate::lang::LangTag;

/// Runs git in `dir`, failing the test when git does.
fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git is installed for the tests");
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

/// A repository with `a.md` committed, its second line then edited.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = dir.path();
    git(root, &["init", "--quiet"]);
    git(root, &["config", "user.name", "termlint tests"]);
    git(root, &["config", "user.email", "tests@termlint.invalid"]);
    git(root, &["config", "commit.gpgsign", "false"]);
    std::fs::write(root.join("a.md"), "Urumchi eins\nzwei\nUrumchi drei\n").expect("writable");
    git(root, &["add", "a.md"]);
    git(root, &["commit", "--quiet", "-m", "first"]);
    std::fs::write(
        root.join("a.md"),
        "Urumchi eins\nUrumchi zwei\nUrumchi drei\n",
    )
    .expect("writable");
    dir
}

/// A report of `path` with a finding at every `Urumchi`.
fn report(path: &Path) -> FileReport {
    let text = std::fs::read_to_string(path).expect("readable");
    let lang = LangTag::parse("de").expect("valid tag");
    let findings = text
        .match_indices("Urumchi")
        .map(|(start, found)| forbidden(path, start, "urumqi", found))
        .collect();
    FileReport {
        doc: Document::new(path, text, lang),
        outcome: Outcome {
            findings,
            coverage: None,
        },
    }
}

fn lines_of(report: &FileReport) -> Vec<usize> {
    report
        .outcome
        .findings
        .iter()
        .map(|f| report.doc.line_col(f.span.start).0)
        .collect()
}

#[test]
fn only_the_finding_on_the_changed_line_is_kept() {
    let dir = repo();
    let changed = ChangedLines::since_in(dir.path(), "HEAD").expect("a repository");
    let mut reports = [report(&dir.path().join("a.md"))];
    changed.filter(&mut reports);
    assert_eq!(lines_of(&reports[0]), vec![2]);
}

#[test]
fn committed_changes_count_too() {
    let dir = repo();
    git(dir.path(), &["commit", "--quiet", "-am", "second"]);
    let changed = ChangedLines::since_in(dir.path(), "HEAD~1").expect("a repository");
    let mut reports = [report(&dir.path().join("a.md"))];
    changed.filter(&mut reports);
    assert_eq!(lines_of(&reports[0]), vec![2]);
}

#[test]
fn untracked_files_count_whole_and_ignored_ones_not_at_all() {
    let dir = repo();
    let root = dir.path();
    std::fs::create_dir(root.join("neu")).expect("writable");
    std::fs::write(root.join("neu/b.md"), "Urumchi\n\nUrumchi\n").expect("writable");
    std::fs::write(root.join(".gitignore"), "c.md\n").expect("writable");
    std::fs::write(root.join("c.md"), "Urumchi\n").expect("writable");
    // From a subdirectory, as a user in part of a site would run it.
    let changed = ChangedLines::since_in(&root.join("neu"), "HEAD").expect("a repository");
    let mut reports = [report(&root.join("neu/b.md")), report(&root.join("c.md"))];
    changed.filter(&mut reports);
    assert_eq!(lines_of(&reports[0]), vec![1, 3]);
    assert!(reports[1].outcome.findings.is_empty());
}

#[test]
fn unknown_revision_says_what_git_said_and_what_to_do() {
    let dir = repo();
    let err = ChangedLines::since_in(dir.path(), "no-such-branch").expect_err("unknown");
    assert_eq!(err.reference, "no-such-branch");
    assert!(err.message.starts_with("git: fatal: "), "{}", err.message);
    assert!(err.message.contains("no-such-branch"), "{}", err.message);
    assert!(
        err.message.contains("name a commit, branch or tag"),
        "{}",
        err.message
    );
}

#[test]
fn outside_a_repository_is_an_error() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let err = ChangedLines::since_in(dir.path(), "HEAD").expect_err("no repository");
    assert!(
        err.message.contains("not a git repository"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("run termlint inside a git work tree"),
        "{}",
        err.message
    );
}

#[test]
fn revision_that_looks_like_an_option_is_refused() {
    let err = ChangedLines::since_in(Path::new("."), "--output=x").expect_err("an option");
    assert_eq!(err.message, "a revision cannot start with `-`");
}
