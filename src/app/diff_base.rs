//! `--diff-base`: the lines of a file added or changed since a git revision.
use std::path::Path;
use std::process::Command;

/// 1-based inclusive line ranges added or changed in `path` since `rev`, or `None`
/// when git does not track the file (it is new in its entirety).
pub fn changed_lines(path: &Path, rev: &str) -> Result<Option<Vec<(usize, usize)>>, String> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or(path.as_os_str());
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .arg("--")
            .arg(name)
            .output()
            .map_err(|e| format!("--diff-base needs git: {e}"))
    };
    let tracked = git(&["ls-files", "--error-unmatch"])?;
    if !tracked.status.success() {
        let stderr = String::from_utf8_lossy(&tracked.stderr);
        if stderr.contains("not a git repository") {
            return Err(format!("--diff-base: {}", stderr.trim()));
        }
        return Ok(None);
    }
    let diff = git(&["diff", "-U0", "--no-color", "--no-ext-diff", rev])?;
    if !diff.status.success() {
        return Err(format!(
            "git diff {rev} failed: {}",
            String::from_utf8_lossy(&diff.stderr).trim()
        ));
    }
    Ok(Some(parse_hunks(&String::from_utf8_lossy(&diff.stdout))))
}

/// The new-side line ranges of `@@ -a,b +c,d @@` hunk headers.
pub fn parse_hunks(diff: &str) -> Vec<(usize, usize)> {
    diff.lines()
        .filter_map(|l| l.strip_prefix("@@ "))
        .filter_map(|l| l.split(' ').find(|p| p.starts_with('+')))
        .filter_map(|p| {
            let p = &p[1..];
            let (start, count) = match p.split_once(',') {
                Some((s, c)) => (s.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
                None => (p.parse::<usize>().ok()?, 1),
            };
            (count > 0).then(|| (start, start + count - 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_new_side_ranges_of_hunks() {
        let diff =
            "diff --git a/x b/x\n@@ -1 +1 @@\n-a\n+b\n@@ -5,0 +6,3 @@\n+c\n@@ -9,2 +11,0 @@\n";
        assert_eq!(super::parse_hunks(diff), [(1, 1), (6, 8)]);
    }
}
