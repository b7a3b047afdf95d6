//! The commands that work with git: the merge driver git calls, and `git-setup`, which installs
//! it. They run the `git` command; nothing here reimplements git.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output};

use super::Failure;
use super::resolve::conflict_line;
use crate::i18n::{GitSay, Lang};
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
            let file = clean_line(&shown.display().to_string());
            eprintln!(
                "{}",
                lang.git(&GitSay::DriverConflicts {
                    file: &file,
                    count: n
                })
            );
            for conflict in &merged.new_conflicts {
                eprintln!("  {}", conflict_line(conflict, lang));
            }
            ExitCode::from(1)
        }
        Err(e) => {
            let message = crate::model::sanitize::clean_text(&e.to_string());
            eprintln!("{}", lang.git(&GitSay::DriverRefused { why: &message }));
            ExitCode::from(2)
        }
    }
}

/// Runs git in `dir`; an error when git cannot be started.
pub(crate) fn git(dir: &Path, args: &[&str], lang: Lang) -> Result<Output, Failure> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| {
            let why = e.to_string();
            Failure(lang.git(&GitSay::CannotRunGit { why: &why }))
        })
}

/// git's output as text, trimmed; an error with git's own message when it fails.
pub(crate) fn git_ok(dir: &Path, args: &[&str], lang: Lang) -> Result<String, Failure> {
    let out = git(dir, args, lang)?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        let why = String::from_utf8_lossy(&out.stderr);
        Err(Failure(lang.git(&GitSay::GitFailed {
            args: &args.join(" "),
            why: why.trim(),
        })))
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
pub(crate) fn repo_root(board: &Path, lang: Lang) -> Result<PathBuf, Failure> {
    let dir = board_dir(board);
    match git_ok(&dir, &["rev-parse", "--show-toplevel"], lang) {
        Ok(top) => Ok(PathBuf::from(top)),
        Err(_) => Err(Failure(lang.git(&GitSay::NotARepository {
            dir: &dir.display().to_string(),
        }))),
    }
}

/// `git-setup`: what it did, one line each.
pub fn git_setup(board: &Path, lang: Lang) -> Result<(), Failure> {
    for step in setup(board, lang)? {
        println!("{}", step.said);
    }
    Ok(())
}

/// One thing `setup` made sure of, and whether it was already so (sync says only what changed).
pub(crate) struct SetupStep {
    pub already: bool,
    pub said: String,
}

/// Makes sure of the attributes, the ignored files and this clone's driver; returns what it did.
pub(crate) fn setup(board: &Path, lang: Lang) -> Result<Vec<SetupStep>, Failure> {
    let root = repo_root(board, lang)?;
    let mut steps = Vec::new();
    for (file, lines) in [
        (".gitattributes", &ATTRIBUTES[..]),
        (".gitignore", &IGNORED[..]),
    ] {
        let added = ensure_lines(&root.join(file), lines)?;
        let already = added.is_empty();
        let said = match already {
            true => lang.git(&GitSay::AlreadySetUp { what: file }),
            false => lang.git(&GitSay::Added {
                file,
                lines: &added.join(", "),
            }),
        };
        steps.push(SetupStep { already, said });
    }
    let driver = format!("{} merge-driver %O %A %B %P", shell_quoted(&exe(lang)?));
    let name = "ftz-board: merges board files by meaning (tasks, notes, history)";
    let current = git(
        &root,
        &["config", "--local", "--get", "merge.ftz-board.driver"],
        lang,
    )?;
    if String::from_utf8_lossy(&current.stdout).trim() == driver {
        steps.push(SetupStep {
            already: true,
            said: lang.git(&GitSay::AlreadySetUp {
                what: "git config merge.ftz-board.driver",
            }),
        });
    } else {
        git_ok(
            &root,
            &["config", "--local", "merge.ftz-board.name", name],
            lang,
        )?;
        git_ok(
            &root,
            &["config", "--local", "merge.ftz-board.driver", &driver],
            lang,
        )?;
        steps.push(SetupStep {
            already: false,
            said: lang.git(&GitSay::DriverSet { driver: &driver }),
        });
    }
    Ok(steps)
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
fn exe(lang: Lang) -> Result<String, Failure> {
    let path = std::env::current_exe().map_err(|e| {
        Failure(lang.git(&GitSay::NoProgramPath {
            why: &e.to_string(),
        }))
    })?;
    path.to_str().map(str::to_string).ok_or_else(|| {
        Failure(lang.git(&GitSay::ProgramPathNotUtf8 {
            path: &path.display().to_string(),
        }))
    })
}

/// A word for `sh` (git runs the driver through the shell).
fn shell_quoted(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
