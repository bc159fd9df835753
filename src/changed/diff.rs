//! Reading `git diff --unified=0` output: for each file of the new side, the
//! line ranges its hunks added or changed.

use std::ops::Range;

/// Each file's path (from the repository root) and its changed 1-based
/// line ranges (end exclusive). Deleted files are left out.
pub(super) fn parse(diff: &str) -> Vec<(String, Vec<Range<usize>>)> {
    let mut files: Vec<(String, Vec<Range<usize>>)> = Vec::new();
    // File headers come between `diff --git` and the first hunk; only
    // there is `+++ ` a header and not an added line that starts `++`.
    let mut in_header = false;
    let mut current: Option<usize> = None;
    for line in diff.lines() {
        if line.starts_with("diff --git ") {
            in_header = true;
            current = None;
        } else if let Some(name) = line.strip_prefix("+++ ").filter(|_| in_header) {
            current = new_path(name).map(|path| {
                files.push((path, Vec::new()));
                files.len() - 1
            });
        } else if line.starts_with("@@ ") {
            in_header = false;
            if let (Some(i), Some(range)) = (current, hunk_lines(line)) {
                files[i].1.push(range);
            }
        }
    }
    files
}

/// The path in a `+++ b/path` header; `None` for `/dev/null` (deleted).
fn new_path(name: &str) -> Option<String> {
    // git ends a name holding a space with a tab, for `patch`.
    let name = name.strip_suffix('\t').unwrap_or(name);
    let name = match name.starts_with('"') {
        true => unquote(name),
        false => name.to_string(),
    };
    name.strip_prefix("b/").map(str::to_string)
}

/// The new side of `@@ -a,b +c,d @@`: lines `c..c+d` (`d` is 1 when left
/// out); `None` when the hunk only deletes (`d` is 0).
fn hunk_lines(header: &str) -> Option<Range<usize>> {
    let new = header.split_whitespace().nth(2)?.strip_prefix('+')?;
    let (start, count) = match new.split_once(',') {
        Some((start, count)) => (start.parse().ok()?, count.parse().ok()?),
        None => (new.parse().ok()?, 1),
    };
    (count > 0).then_some(start..start + count)
}

/// Undoes git's C-style quoting of a name (`"b/a\tb.md"`, octal escapes
/// for bytes of non-ASCII names when `core.quotePath` is on).
fn unquote(quoted: &str) -> String {
    let inner = quoted.trim_start_matches('"').trim_end_matches('"');
    let mut bytes = Vec::with_capacity(inner.len());
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next() {
            Some(b't') => bytes.push(b'\t'),
            Some(b'n') => bytes.push(b'\n'),
            Some(d @ b'0'..=b'7') => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(d) = chars.next_if(|d| (b'0'..=b'7').contains(d)) {
                        value = value * 8 + u32::from(d - b'0');
                    }
                }
                bytes.push(u8::try_from(value).unwrap_or(b'?'));
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_added_lines_and_deletions_none() {
        let diff = "diff --git a/a.md b/a.md\nindex 1..2 100644\n--- a/a.md\n+++ b/a.md\n@@ -2 +2 @@ x\n-old\n+new\n@@ -5,2 +4,0 @@\n-gone\n-gone\n@@ -9,0 +8,3 @@\n+a\n+b\n+c\n";
        assert_eq!(parse(diff), vec![("a.md".to_string(), vec![2..3, 8..11])]);
    }

    #[test]
    fn added_line_starting_with_plus_plus_is_no_header() {
        let diff =
            "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -1,0 +1,1 @@\n+++ b/evil.md\n";
        assert_eq!(
            parse(diff),
            vec![("a.md".to_string(), vec![Range { start: 1, end: 2 }])]
        );
    }

    #[test]
    fn deleted_files_are_left_out() {
        let diff = "diff --git a/a.md b/a.md\ndeleted file mode 100644\n--- a/a.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n";
        assert!(parse(diff).is_empty());
    }

    #[test]
    fn quoted_names_are_unquoted() {
        assert_eq!(
            new_path("\"b/\\303\\274ber \\\"x\\\".md\""),
            Some("über \"x\".md".to_string())
        );
        assert_eq!(new_path("b/a b.md\t"), Some("a b.md".to_string()));
    }
}
