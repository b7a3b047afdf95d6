//! `sync`: git for people who do not use git. Commit the board with a message that says who did
//! what, pull (the driver merges), push, and say in words what conflicts remain.

use std::path::Path;

use super::Failure;
use super::git::{board_dir, git, git_ok, repo_root, setup};
use super::resolve::conflict_line;
use crate::cli::Cli;
use crate::i18n::{GitSay, Lang};
use crate::model::HistoryEntry;
use crate::model::sanitize::clean_line;
use crate::store::Store;

pub fn sync(cli: &Cli, store: &Store, lang: Lang) -> Result<(), Failure> {
    if cli.read_only {
        return Err(Failure(lang.git(&GitSay::ReadOnly)));
    }
    let board = store.path();
    let root = repo_root(board, lang)?;
    let dir = board_dir(board);
    let name = &file_name(board, lang)?;
    // Without the driver, a pull would merge the board line by line: set it up first.
    for step in setup(board, lang)? {
        if !step.already {
            println!("{}", step.said);
        }
    }
    // Everything changed is in the two files git carries (the journal stays local).
    store.fold()?;
    let user = cli.user_name();
    let who = identity(&root, &user, lang)?;
    let history = format!("{name}.history");
    git_ok(&dir, &["add", "--", name, &history], lang)?;
    git_ok(&root, &["add", "--", ".gitattributes", ".gitignore"], lang)?;
    let staged = git(&root, &["diff", "--cached", "--quiet"], lang)?;
    if !staged.status.success() {
        let summary = summary(&dir, &history, name, lang)?;
        let mut args = who.clone();
        args.extend(["commit", "-q", "-m", &summary.message].map(String::from));
        git_ok(&root, &as_strs(&args), lang)?;
        // The commit message stays in one language (every office reads the same log); what is
        // said here is in the person's.
        println!(
            "{}",
            match &summary.counted {
                Some((count, who)) => lang.git(&GitSay::Committed {
                    name,
                    count: *count,
                    who,
                }),
                None => lang.git(&GitSay::CommittedFiles { name }),
            }
        );
    } else {
        println!("{}", lang.git(&GitSay::NothingToCommit { name }));
    }
    let upstream = ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"];
    if git(&root, &upstream, lang)?.status.success() {
        pull(&root, &who, lang)?;
        if !git(&root, &["push", "-q"], lang)?.status.success() {
            // Someone pushed meanwhile: take theirs in too, then push again.
            pull(&root, &who, lang)?;
            git_ok(&root, &["push", "-q"], lang)?;
        }
        println!("{}", lang.git(&GitSay::PulledAndPushed { name }));
    } else {
        println!("{}", lang.git(&GitSay::NoRemote { name }));
    }
    let conflicts = store.load()?.board.conflicts;
    if conflicts.is_empty() {
        println!("{}", lang.git(&GitSay::NoConflicts { name }));
        return Ok(());
    }
    for conflict in &conflicts {
        println!("{}", conflict_line(conflict, lang));
    }
    Err(Failure(lang.git(&GitSay::ConflictsLeft {
        name,
        count: conflicts.len(),
    })))
}

/// `git pull` with the driver. A merge the driver settled as data (conflicts in the board,
/// which loads) is concluded here; anything else is left to the person, with git's message.
fn pull(root: &Path, who: &[String], lang: Lang) -> Result<(), Failure> {
    let mut args = who.to_vec();
    args.extend(["pull", "-q", "--no-rebase", "--no-edit"].map(String::from));
    let out = git(root, &as_strs(&args), lang)?;
    if out.status.success() {
        return Ok(());
    }
    let why = clean_line(String::from_utf8_lossy(&out.stderr).trim());
    let unmerged = git_ok(root, &["diff", "--name-only", "--diff-filter=U"], lang)?;
    if unmerged.is_empty() {
        return Err(Failure(lang.git(&GitSay::PullFailed { why: &why })));
    }
    for path in unmerged.lines() {
        let board = root.join(path);
        let loads = path.ends_with(".ron") && Store::new(&board).load().is_ok();
        if !loads {
            return Err(Failure(lang.git(&GitSay::MergeUnfinished {
                path: &clean_line(path),
                why: &why,
            })));
        }
        git_ok(root, &["add", "--", path], lang)?;
    }
    let mut args = who.to_vec();
    args.extend(["commit", "-q", "--no-edit"].map(String::from));
    git_ok(root, &as_strs(&args), lang)?;
    Ok(())
}

/// A commit's message, and how many changes by whom it counts (none when the history has no new
/// entries).
struct Summary {
    message: String,
    counted: Option<(usize, String)>,
}

/// The commit message: how many changes by whom, then one line each, from the history entries
/// that the last commit does not have.
fn summary(dir: &Path, history: &str, name: &str, lang: Lang) -> Result<Summary, Failure> {
    let now = std::fs::read_to_string(dir.join(history)).unwrap_or_default();
    let before = git(dir, &["show", &format!("HEAD:./{history}")], lang)?;
    let before = String::from_utf8_lossy(&before.stdout).into_owned();
    let old: std::collections::HashSet<&str> = before.lines().collect();
    let entries: Vec<HistoryEntry> = now
        .lines()
        .filter(|line| !old.contains(line))
        .filter_map(|line| ron::from_str(line).ok())
        .collect();
    if entries.is_empty() {
        return Ok(Summary {
            message: format!("ftz-board sync: {name}"),
            counted: None,
        });
    }
    let mut users: Vec<(String, usize)> = Vec::new();
    for entry in &entries {
        let user = clean_line(&entry.user);
        match users.iter_mut().find(|(u, _)| *u == user) {
            Some((_, n)) => *n += 1,
            None => users.push((user, 1)),
        }
    }
    let who = users
        .iter()
        .map(|(u, n)| format!("{u} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut message = format!(
        "ftz-board sync: {name}: {} change(s) by {who}\n\n",
        entries.len(),
    );
    for entry in &entries {
        let what = super::change::describe(&entry.change);
        let task = entry
            .task
            .map(|id| format!("task {id} "))
            .unwrap_or_default();
        message.push_str(&format!(
            "- {} {}: {task}{what}\n",
            entry.at.format("%Y-%m-%d %H:%M"),
            clean_line(&entry.user)
        ));
    }
    Ok(Summary {
        message,
        counted: Some((entries.len(), who)),
    })
}

/// For a machine where git does not know who commits: the board's user name (git refuses to
/// commit without one).
fn identity(root: &Path, user: &str, lang: Lang) -> Result<Vec<String>, Failure> {
    let known = git(root, &["config", "user.name"], lang)?.status.success()
        || std::env::var_os("GIT_AUTHOR_NAME").is_some();
    Ok(match known {
        true => Vec::new(),
        false => [
            "-c",
            &format!("user.name={user}"),
            "-c",
            &format!("user.email={user}@ftz-board.local"),
        ]
        .map(String::from)
        .to_vec(),
    })
}

fn file_name(board: &Path, lang: Lang) -> Result<String, Failure> {
    board
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| {
            Failure(lang.git(&GitSay::BadFileName {
                path: &board.display().to_string(),
            }))
        })
}

fn as_strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}
