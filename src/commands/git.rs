//! The commands that work with git: the merge driver git calls, and `git-setup`, which installs
//! it. They run the `git` command; nothing here reimplements git.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output};

use super::Failure;
use super::resolve::conflict_line;
use crate::i18n::Lang;
use crate::model::sanitize::clean_line;

/// The lines `git-setup` makes sure `.gitattributes` holds (see docs/FORMAT.md).
pub const ATTRIBUTES: [&str; 2] = ["*.ron merge=ftz-board", "*.ron.history merge=union"];
/// The lines it makes sure `.gitignore` holds: the files that are local to one machine.
pub const IGNORED: [&str; 3] = ["*.ron.journal", "*.ron.lock", "*.ron.backups/"];

/// `merge-driver %O %A %B %P`: exit 0 clean, 1 with conflicts, 2 when a version does not read
/// (then %A is untouched and git leaves its own conflict).
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    shown: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let shown = shown.unwrap_or(ours);
    match crate::store::merge::merge_files(base, ours, theirs, shown) {
        Ok(merged) if merged.new_conflicts.is_empty() => ExitCode::SUCCESS,
        Ok(merged) => {
            let n = merged.new_conflicts.len();
            eprintln!(
                "ftz-board: {}: {n} merge conflict(s) written into the file as data; settle each with `ftz-board resolve TASK FIELD ours|theirs`:",
                clean_line(&shown.display().to_string())
            );
            for conflict in &merged.new_conflicts {
                eprintln!("  {}", conflict_line(conflict, lang));
            }
            ExitCode::from(1)
        }
        Err(e) => {
            let message = crate::model::sanitize::clean_text(&e.to_string());
            eprintln!("ftz-board: {message}; not merged (the file is left as it was)");
            ExitCode::from(2)
        }
    }
}

/// Runs git in `dir`; an error when git cannot be started.
pub(crate) fn git(dir: &Path, args: &[&str]) -> Result<Output, Failure> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Failure(format!("cannot run git ({e}); is git installed?")))
}

/// git's output as text, trimmed; an error with git's own message when it fails.
pub(crate) fn git_ok(dir: &Path, args: &[&str]) -> Result<String, Failure> {
    let out = git(dir, args)?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        Err(Failure(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

/// The folder the board is in (where git is run).
pub(crate) fn board_dir(board: &Path) -> PathBuf {
    match board.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The top of the work tree the board is in.
pub(crate) fn repo_root(board: &Path) -> Result<PathBuf, Failure> {
    let dir = board_dir(board);
    match git_ok(&dir, &["rev-parse", "--show-toplevel"]) {
        Ok(top) => Ok(PathBuf::from(top)),
        Err(_) => Err(Failure(format!(
            "{}: not in a git repository (run `git init` there first, or clone the office's repository)",
            dir.display()
        ))),
    }
}

/// `git-setup`: what it did, one line each.
pub fn git_setup(board: &Path) -> Result<(), Failure> {
    for line in setup(board)? {
        println!("{line}");
    }
    Ok(())
}

/// Makes sure of the attributes, the ignored files and this clone's driver; returns what it did.
pub(crate) fn setup(board: &Path) -> Result<Vec<String>, Failure> {
    let root = repo_root(board)?;
    let mut said = Vec::new();
    for (file, lines) in [
        (".gitattributes", &ATTRIBUTES[..]),
        (".gitignore", &IGNORED[..]),
    ] {
        let added = ensure_lines(&root.join(file), lines)?;
        said.push(match added.is_empty() {
            true => format!("{file}: already set up"),
            false => format!("{file}: added {}", added.join(", ")),
        });
    }
    let driver = format!("{} merge-driver %O %A %B %P", shell_quoted(&exe()?));
    let name = "ftz-board: merges board files by meaning (tasks, notes, history)";
    let current = git(
        &root,
        &["config", "--local", "--get", "merge.ftz-board.driver"],
    )?;
    if String::from_utf8_lossy(&current.stdout).trim() == driver {
        said.push("git config merge.ftz-board.driver: already set up".into());
    } else {
        git_ok(&root, &["config", "--local", "merge.ftz-board.name", name])?;
        git_ok(
            &root,
            &["config", "--local", "merge.ftz-board.driver", &driver],
        )?;
        said.push(format!(
            "git config merge.ftz-board.driver = {driver} (this clone only: run git-setup in every clone)"
        ));
    }
    Ok(said)
}

/// Appends the lines a file lacks (creating it); returns those added.
fn ensure_lines(path: &Path, lines: &[&str]) -> Result<Vec<String>, Failure> {
    let io = |e: std::io::Error| Failure(format!("{}: {e}", path.display()));
    let mut text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io(e)),
    };
    let missing: Vec<String> = lines
        .iter()
        .filter(|line| !text.lines().any(|l| l.trim() == **line))
        .map(|line| line.to_string())
        .collect();
    if missing.is_empty() {
        return Ok(missing);
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in &missing {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(path, text).map_err(io)?;
    Ok(missing)
}

/// This program's path, so that git finds the driver whatever PATH the merge runs with.
fn exe() -> Result<String, Failure> {
    let path = std::env::current_exe()
        .map_err(|e| Failure(format!("cannot find this program's path ({e})")))?;
    path.to_str().map(str::to_string).ok_or_else(|| {
        Failure(format!(
            "{}: the program's path is not UTF-8",
            path.display()
        ))
    })
}

/// A word for `sh` (git runs the driver through the shell).
fn shell_quoted(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
