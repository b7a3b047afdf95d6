//! `sync` against a bare repository on local disk when the push is rejected: another office pushed
//! between this sync's pull and its push. The other sync tests (commit, pull with the driver,
//! push, a clash in words) are with the driver's in `merge.rs`, whose git sandbox this uses.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::merge::{A_TIME, B_TIME, Sandbox, text};
use ftz_board::store::parse;

/// A `pre-push` hook for clone `a` that, the first time it runs only, commits and pushes what
/// clone `b` has in its work tree: the push that runs it then finds the remote moved, and is
/// rejected. Git runs hooks with its own variables (GIT_DIR, …) set for `a`: they are unset
/// before git is run in `b`.
fn push_from_b_on_first_push(a: &Path, b: &Path) -> std::path::PathBuf {
    let ran = a.join(".git").join("hook-ran");
    let hook = a.join(".git").join("hooks").join("pre-push");
    let script = format!(
        "#!/bin/sh\n\
         [ -e '{ran}' ] && exit 0\n\
         touch '{ran}'\n\
         unset $(git rev-parse --local-env-vars)\n\
         git -C '{b}' commit -q -am \"b's work\" && git -C '{b}' push -q origin main\n",
        ran = ran.display(),
        b = b.display(),
    );
    std::fs::write(&hook, script).unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    ran
}

#[test]
fn a_push_rejected_because_another_office_pushed_meanwhile_is_pulled_and_pushed_again() {
    let Some(sb) = Sandbox::new() else { return };
    let (a, b) = sb.offices(true);
    sb.board_ok(&b, "wang", B_TIME, &["note", "6", "乙方进展"]);
    sb.board_ok(&a, "lina", A_TIME, &["note", "5", "甲方进展"]);
    let ran = push_from_b_on_first_push(&a, &b);
    let out = sb.board(&a, "lina", A_TIME, &["sync"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(ran.exists(), "the hook ran: b pushed in between");
    assert!(
        text(&out.stdout).contains("board.ron: pulled and pushed"),
        "{}",
        text(&out.stdout)
    );
    // Both offices' notes are in the bare repository's board.
    let origin = sb.path("origin.git");
    let shown = sb.git_ok(&origin, &["show", "main:board.ron"]);
    let board = parse(&shown, Path::new("board.ron")).unwrap();
    let notes = |id: u32| -> Vec<String> {
        board
            .task(id)
            .unwrap()
            .notes
            .iter()
            .map(|n| n.text.clone())
            .collect()
    };
    assert_eq!(notes(5), ["甲方进展"]);
    assert_eq!(notes(6), ["乙方进展"]);
    assert!(board.conflicts.is_empty());
    // b's push came first: a's commit was merged on top of it, not forced over it.
    let log = sb.git_ok(&origin, &["log", "--format=%s", "main"]);
    assert!(log.lines().any(|l| l == "b's work"), "{log}");
}

/// `ftz-board ARGS` in `dir` as `user`, in the board's default language (no `--lang`).
fn board_zh(sb: &Sandbox, dir: &Path, user: &str, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(crate::common::BIN);
    cmd.args(args)
        .args(["--user", user])
        .current_dir(dir)
        .env("FTZ_BOARD_NOW", A_TIME)
        .env("USER", user);
    sb.env(&mut cmd);
    cmd.output().unwrap()
}

#[test]
fn git_setup_and_sync_speak_chinese_by_default() {
    let Some(sb) = Sandbox::new() else { return };
    let (a, _) = sb.offices(false);
    let first = board_zh(&sb, &a, "zhang", &["git-setup"]);
    let said = text(&first.stdout);
    assert!(
        said.contains(".gitattributes：已添加 *.ron merge=ftz-board, *.ron.history merge=union"),
        "{said}"
    );
    assert!(
        said.contains("（仅对本克隆有效：每个克隆都要运行 git-setup）"),
        "{said}"
    );
    let again = text(&board_zh(&sb, &a, "zhang", &["git-setup"]).stdout);
    assert_eq!(again.matches("：已设置").count(), 3, "{again}");

    sb.board_ok(&a, "lina", A_TIME, &["note", "5", "甲方进展"]);
    let out = board_zh(&sb, &a, "lina", &["sync"]);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    for line in [
        "ftz-board sync：board.ron：已提交 1 处修改（lina 1）",
        "board.ron：已拉取并推送",
        "board.ron：没有合并冲突",
    ] {
        assert!(said.lines().any(|l| l == line), "{line:?} in:\n{said}");
    }
    // The commit message is the same in every office: English, whoever synced.
    let log = sb.git_ok(&a, &["log", "-1", "--format=%s"]);
    assert_eq!(
        log.trim(),
        "ftz-board sync: board.ron: 1 change(s) by lina 1"
    );

    let refused = board_zh(&sb, &a, "lina", &["--read-only", "sync"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("--read-only：不修改文件"),
        "{}",
        text(&refused.stderr)
    );
    let outside = sb.path("outside");
    std::fs::create_dir(&outside).unwrap();
    let out = board_zh(&sb, &outside, "lina", &["git-setup"]);
    assert!(
        text(&out.stderr).contains("：不在 git 仓库中（请先在该处运行 `git init`"),
        "{}",
        text(&out.stderr)
    );
    let english = sb.board(&outside, "lina", A_TIME, &["git-setup"]);
    assert!(
        text(&english.stderr).contains(": not in a git repository"),
        "{}",
        text(&english.stderr)
    );
}
