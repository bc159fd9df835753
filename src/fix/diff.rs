//! The unified diff of a fix, written out by hand: a fix replaces names
//! within lines and never adds or removes one (see [`super::plan`]), so the
//! changed lines are found by comparing line by line, no longest-common-
//! subsequence search needed.

use super::FileFix;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

/// Unchanged lines shown around each change, as `diff -u` does.
const CONTEXT: usize = 3;

/// Lines `before` of the old text became lines `after` of the new.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    before: Range<usize>,
    after: Range<usize>,
}

/// Appends the diff of one file to `out`; nothing when it is unchanged.
pub(super) fn file_diff(fix: &FileFix, out: &mut String) {
    let before: Vec<&str> = fix.before.split_inclusive('\n').collect();
    let after: Vec<&str> = fix.after.split_inclusive('\n').collect();
    let changes = changes(&before, &after);
    if changes.is_empty() {
        return;
    }
    let (old, new) = names(&fix.path);
    // `write!` into a String cannot fail.
    let _ = write!(out, "--- {old}\n+++ {new}\n");
    for hunk in hunks(&changes, before.len()) {
        write_hunk(out, hunk, &before, &after);
    }
}

/// The names in the `---`/`+++` lines: `a/` and `b/` before a relative
/// path, as git writes them, so `git apply` and `patch -p1` take the patch.
fn names(path: &Path) -> (String, String) {
    let shown = path.display().to_string();
    let shown = shown.strip_prefix("./").unwrap_or(&shown).to_owned();
    if path.is_absolute() {
        return (shown.clone(), shown);
    }
    (format!("a/{shown}"), format!("b/{shown}"))
}

/// The changed runs of lines. With equal line counts (every fix termlint
/// makes) each run of differing lines is one change; otherwise the lines
/// between the common beginning and end are one change.
fn changes(before: &[&str], after: &[&str]) -> Vec<Change> {
    if before.len() != after.len() {
        return whole_change(before, after).into_iter().collect();
    }
    let mut changes: Vec<Change> = Vec::new();
    for i in (0..before.len()).filter(|&i| before[i] != after[i]) {
        match changes.last_mut() {
            Some(last) if last.before.end == i => {
                last.before.end += 1;
                last.after.end += 1;
            }
            _ => changes.push(Change {
                before: i..i + 1,
                after: i..i + 1,
            }),
        }
    }
    changes
}

/// One change from the first differing line to the last.
fn whole_change(before: &[&str], after: &[&str]) -> Option<Change> {
    let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    if prefix == before.len() && prefix == after.len() {
        return None;
    }
    let suffix = before[prefix..]
        .iter()
        .rev()
        .zip(after[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    Some(Change {
        before: prefix..before.len() - suffix,
        after: prefix..after.len() - suffix,
    })
}

/// Changes whose context would touch or overlap share one hunk.
fn hunks(changes: &[Change], before_len: usize) -> Vec<&[Change]> {
    let mut hunks = Vec::new();
    let mut first = 0;
    for i in 1..=changes.len() {
        let apart = changes
            .get(i)
            .is_none_or(|next| next.before.start - changes[i - 1].before.end > 2 * CONTEXT);
        if apart {
            hunks.push(&changes[first..i]);
            first = i;
        }
    }
    debug_assert!(changes.iter().all(|c| c.before.end <= before_len));
    hunks
}

/// Appends one hunk: header, leading context, each change with the
/// context between, trailing context.
fn write_hunk(out: &mut String, hunk: &[Change], before: &[&str], after: &[&str]) {
    let (Some(first), Some(last)) = (hunk.first(), hunk.last()) else {
        return;
    };
    let lead = first.before.start.min(CONTEXT);
    let trail = (before.len() - last.before.end).min(CONTEXT);
    let old = first.before.start - lead..last.before.end + trail;
    let new = first.after.start - lead..last.after.end + trail;
    let _ = writeln!(out, "@@ -{} +{} @@", header(&old), header(&new));
    let mut at = old.start;
    for change in hunk {
        lines(out, ' ', &before[at..change.before.start]);
        lines(out, '-', &before[change.before.clone()]);
        lines(out, '+', &after[change.after.clone()]);
        at = change.before.end;
    }
    lines(out, ' ', &before[at..old.end]);
}

/// `start,count` of a hunk side, 1-based; an empty side names the line
/// before it, as `diff -u` does.
fn header(range: &Range<usize>) -> String {
    let start = if range.is_empty() {
        range.start
    } else {
        range.start + 1
    };
    format!("{start},{}", range.len())
}

/// Appends `lines` with `mark` before each; a last line without a line
/// break gets the marker `diff` and `patch` know.
fn lines(out: &mut String, mark: char, lines: &[&str]) {
    for line in lines {
        out.push(mark);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fix(before: &str, after: &str) -> FileFix {
        FileFix {
            path: PathBuf::from("news/a.de.md"),
            before: before.to_owned(),
            after: after.to_owned(),
            fixed: 1,
            encoding: crate::document::Encoding::Utf8,
        }
    }

    fn diff_of(before: &str, after: &str) -> String {
        let mut out = String::new();
        file_diff(&fix(before, after), &mut out);
        out
    }

    #[test]
    fn one_changed_line_has_context_around_it() {
        let before = "1\n2\n3\n4\nold\n6\n7\n8\n9\n";
        let after = "1\n2\n3\n4\nnew\n6\n7\n8\n9\n";
        let expected = "--- a/news/a.de.md\n+++ b/news/a.de.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-old\n+new\n 6\n 7\n 8\n";
        assert_eq!(diff_of(before, after), expected);
    }

    #[test]
    fn near_changes_share_a_hunk_and_far_ones_do_not() {
        let before: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let after = before
            .replace("\n2\n", "\nB\n")
            .replace("\n8\n", "\nH\n")
            .replace("\n19\n", "\nS\n");
        let out = diff_of(&before, &after);
        let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("@@")).collect();
        assert_eq!(headers, ["@@ -1,11 +1,11 @@", "@@ -16,5 +16,5 @@"]);
    }

    #[test]
    fn missing_final_line_break_is_marked() {
        let expected = "--- a/news/a.de.md\n+++ b/news/a.de.md\n@@ -1,1 +1,1 @@\n-old\n\\ No newline at end of file\n+new\n\\ No newline at end of file\n";
        assert_eq!(diff_of("old", "new"), expected);
    }

    #[test]
    fn crlf_stays_in_the_lines() {
        let out = diff_of("a\r\nold\r\n", "a\r\nnew\r\n");
        assert!(out.ends_with(" a\r\n-old\r\n+new\r\n"), "{out:?}");
    }

    #[test]
    fn unchanged_file_gives_nothing() {
        assert_eq!(diff_of("same\n", "same\n"), "");
    }

    #[test]
    fn changed_line_count_is_one_change() {
        let out = diff_of("a\nb\nc\n", "a\nx\ny\nc\n");
        assert!(
            out.contains("@@ -1,3 +1,4 @@\n a\n-b\n+x\n+y\n c\n"),
            "{out}"
        );
    }
}
