//! `sync`: git for people who do not use git. Commit the board with a message that says who did
//! what, pull (the driver merges), push, and say in words what conflicts remain.

use std::path::Path;

use super::Failure;
use super::git::{board_dir, git, git_ok, repo_root, setup};
use super::resolve::conflict_line;
use crate::cli::Cli;
use crate::i18n::Lang;
use crate::model::HistoryEntry;
use crate::model::sanitize::clean_line;
use crate::store::Store;

pub fn sync(cli: &Cli, store: &Store, lang: Lang) -> Result<(), Failure> {
    if cli.read_only {
        return Err(Failure("--read-only: not changing the file".into()));
    }
    let board = store.path();
    let root = repo_root(board)?;
    let dir = board_dir(board);
    let name = file_name(board)?;
    // Without the driver, a pull would merge the board line by line: set it up first.
    for line in setup(board)? {
        if !line.ends_with("already set up") {
            println!("{line}");
        }
    }
    // Everything changed is in the two files git carries (the journal stays local).
    store.fold()?;
    let user = cli.user_name();
    let who = identity(&root, &user)?;
    let history = format!("{name}.history");
    git_ok(&dir, &["add", "--", &name, &history])?;
    git_ok(&root, &["add", "--", ".gitattributes", ".gitignore"])?;
    let staged = git(&root, &["diff", "--cached", "--quiet"])?;
    if !staged.status.success() {
        let message = summary(&dir, &history, &name)?;
        let mut args = who.clone();
        args.extend(["commit", "-q", "-m", &message].map(String::from));
        git_ok(&root, &as_strs(&args))?;
        println!("{}", message.lines().next().unwrap_or_default());
    } else {
        println!("{name}: nothing new to commit");
    }
    if git(
        &root,
        &["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"],
    )?
    .status
    .success()
    {
        pull(&root, &who)?;
        if !git(&root, &["push", "-q"])?.status.success() {
            // Someone pushed meanwhile: take theirs in too, then push again.
            pull(&root, &who)?;
            git_ok(&root, &["push", "-q"])?;
        }
        println!("{name}: pulled and pushed");
    } else {
        println!(
            "{name}: this branch has no remote, so nothing was pulled or pushed (see README: working across offices)"
        );
    }
    let conflicts = store.load()?.board.conflicts;
    if conflicts.is_empty() {
        println!("{name}: no merge conflicts");
        return Ok(());
    }
    for conflict in &conflicts {
        println!("{}", conflict_line(conflict, lang));
    }
    Err(Failure(format!(
        "{name}: {} merge conflict(s) to settle; after settling them run sync again",
        conflicts.len()
    )))
}

/// `git pull` with the driver. A merge the driver settled as data (conflicts in the board,
/// which loads) is concluded here; anything else is left to the person, with git's message.
fn pull(root: &Path, who: &[String]) -> Result<(), Failure> {
    let mut args = who.to_vec();
    args.extend(["pull", "-q", "--no-rebase", "--no-edit"].map(String::from));
    let out = git(root, &as_strs(&args))?;
    if out.status.success() {
        return Ok(());
    }
    let unmerged = git_ok(root, &["diff", "--name-only", "--diff-filter=U"])?;
    if unmerged.is_empty() {
        return Err(Failure(format!(
            "git pull failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    for path in unmerged.lines() {
        let board = root.join(path);
        let loads = path.ends_with(".ron") && Store::new(&board).load().is_ok();
        if !loads {
            return Err(Failure(format!(
                "git could not merge {}: the merge is left unfinished for you (see README: working across offices): {}",
                clean_line(path),
                clean_line(String::from_utf8_lossy(&out.stderr).trim())
            )));
        }
        git_ok(root, &["add", "--", path])?;
    }
    let mut args = who.to_vec();
    args.extend(["commit", "-q", "--no-edit"].map(String::from));
    git_ok(root, &as_strs(&args))?;
    Ok(())
}

/// The commit message: how many changes by whom, then one line each, from the history entries
/// that the last commit does not have.
fn summary(dir: &Path, history: &str, name: &str) -> Result<String, Failure> {
    let now = std::fs::read_to_string(dir.join(history)).unwrap_or_default();
    let before = git(dir, &["show", &format!("HEAD:./{history}")])?;
    let before = String::from_utf8_lossy(&before.stdout).into_owned();
    let old: std::collections::HashSet<&str> = before.lines().collect();
    let entries: Vec<HistoryEntry> = now
        .lines()
        .filter(|line| !old.contains(line))
        .filter_map(|line| ron::from_str(line).ok())
        .collect();
    if entries.is_empty() {
        return Ok(format!("ftz-board sync: {name}"));
    }
    let mut users: Vec<(String, usize)> = Vec::new();
    for entry in &entries {
        let user = clean_line(&entry.user);
        match users.iter_mut().find(|(u, _)| *u == user) {
            Some((_, n)) => *n += 1,
            None => users.push((user, 1)),
        }
    }
    let who: Vec<String> = users.iter().map(|(u, n)| format!("{u} {n}")).collect();
    let mut message = format!(
        "ftz-board sync: {name}: {} change(s) by {}\n\n",
        entries.len(),
        who.join(", ")
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
    Ok(message)
}

/// For a machine where git does not know who commits: the board's user name (git refuses to
/// commit without one).
fn identity(root: &Path, user: &str) -> Result<Vec<String>, Failure> {
    let known = git(root, &["config", "user.name"])?.status.success()
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

fn file_name(board: &Path) -> Result<String, Failure> {
    board
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| Failure(format!("{}: not a file name git can take", board.display())))
}

fn as_strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}
