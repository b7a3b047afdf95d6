//! What `sync`, `git-setup` and the merge driver say, in both languages. Each message is one
//! variant with what it needs, so a message missing in one language is a compile error. What
//! they quote (paths, git's own words) is cleaned by the caller or by `main` before printing.

use super::Lang;

/// One thing the git commands say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitSay<'a> {
    /// `sync --read-only`.
    ReadOnly,
    /// A commit made: `count` changes by `who` (`lina 2, wang 1`).
    Committed {
        name: &'a str,
        count: usize,
        who: &'a str,
    },
    /// A commit made with no history entries of its own (a hand edit, the attributes).
    CommittedFiles {
        name: &'a str,
    },
    NothingToCommit {
        name: &'a str,
    },
    PulledAndPushed {
        name: &'a str,
    },
    NoRemote {
        name: &'a str,
    },
    NoConflicts {
        name: &'a str,
    },
    ConflictsLeft {
        name: &'a str,
        count: usize,
    },
    PullFailed {
        why: &'a str,
    },
    MergeUnfinished {
        path: &'a str,
        why: &'a str,
    },
    BadFileName {
        path: &'a str,
    },
    CannotRunGit {
        why: &'a str,
    },
    GitFailed {
        args: &'a str,
        why: &'a str,
    },
    NotARepository {
        dir: &'a str,
    },
    /// `.gitattributes`, `.gitignore` or the driver was already there.
    AlreadySetUp {
        what: &'a str,
    },
    Added {
        file: &'a str,
        lines: &'a str,
    },
    DriverSet {
        driver: &'a str,
    },
    NoProgramPath {
        why: &'a str,
    },
    ProgramPathNotUtf8 {
        path: &'a str,
    },
    /// The driver wrote conflicts into the file; each follows on its own line.
    DriverConflicts {
        file: &'a str,
        count: usize,
    },
    /// The driver could not read a version.
    DriverRefused {
        why: &'a str,
    },
}

impl Lang {
    pub fn git(self, say: &GitSay) -> String {
        match self {
            Lang::Zh => zh(say),
            Lang::En => en(say),
        }
    }
}

fn zh(say: &GitSay) -> String {
    use GitSay::*;
    match say {
        ReadOnly => "--read-only：不修改文件".into(),
        Committed { name, count, who } => {
            format!("ftz-board sync：{name}：已提交 {count} 处修改（{who}）")
        }
        CommittedFiles { name } => format!("ftz-board sync：{name}：已提交"),
        NothingToCommit { name } => format!("{name}：没有新的修改需要提交"),
        PulledAndPushed { name } => format!("{name}：已拉取并推送"),
        NoRemote { name } => {
            format!("{name}：此分支没有远程仓库，未拉取也未推送（见 README：跨办公室协作）")
        }
        NoConflicts { name } => format!("{name}：没有合并冲突"),
        ConflictsLeft { name, count } => {
            format!("{name}：有 {count} 处合并冲突待处理；处理后请再次运行 sync")
        }
        PullFailed { why } => format!("git pull 失败：{why}"),
        MergeUnfinished { path, why } => format!(
            "git 无法合并 {path}：合并尚未完成，留待您处理（见 README：跨办公室协作）：{why}"
        ),
        BadFileName { path } => format!("{path}：git 无法使用这个文件名"),
        CannotRunGit { why } => format!("无法运行 git（{why}）；是否已安装 git？"),
        GitFailed { args, why } => format!("git {args} 失败：{why}"),
        NotARepository { dir } => {
            format!("{dir}：不在 git 仓库中（请先在该处运行 `git init`，或克隆办公室的仓库）")
        }
        AlreadySetUp { what } => format!("{what}：已设置"),
        Added { file, lines } => format!("{file}：已添加 {lines}"),
        DriverSet { driver } => format!(
            "git config merge.ftz-board.driver = {driver}（仅对本克隆有效：每个克隆都要运行 git-setup）"
        ),
        NoProgramPath { why } => format!("找不到本程序的路径（{why}）"),
        ProgramPathNotUtf8 { path } => format!("{path}：本程序的路径不是 UTF-8"),
        DriverConflicts { file, count } => format!(
            "ftz-board：{file}：{count} 处合并冲突已作为数据写入文件；请逐条用 `ftz-board resolve 任务 字段 ours|theirs` 处理："
        ),
        DriverRefused { why } => format!("ftz-board：{why}；未合并（文件保持原样）"),
    }
}

fn en(say: &GitSay) -> String {
    use GitSay::*;
    match say {
        ReadOnly => "--read-only: not changing the file".into(),
        Committed { name, count, who } => {
            format!("ftz-board sync: {name}: {count} change(s) by {who}")
        }
        CommittedFiles { name } => format!("ftz-board sync: {name}"),
        NothingToCommit { name } => format!("{name}: nothing new to commit"),
        PulledAndPushed { name } => format!("{name}: pulled and pushed"),
        NoRemote { name } => format!(
            "{name}: this branch has no remote, so nothing was pulled or pushed (see README: working across offices)"
        ),
        NoConflicts { name } => format!("{name}: no merge conflicts"),
        ConflictsLeft { name, count } => format!(
            "{name}: {count} merge conflict(s) to settle; after settling them run sync again"
        ),
        PullFailed { why } => format!("git pull failed: {why}"),
        MergeUnfinished { path, why } => format!(
            "git could not merge {path}: the merge is left unfinished for you (see README: working across offices): {why}"
        ),
        BadFileName { path } => format!("{path}: not a file name git can take"),
        CannotRunGit { why } => format!("cannot run git ({why}); is git installed?"),
        GitFailed { args, why } => format!("git {args} failed: {why}"),
        NotARepository { dir } => format!(
            "{dir}: not in a git repository (run `git init` there first, or clone the office's repository)"
        ),
        AlreadySetUp { what } => format!("{what}: already set up"),
        Added { file, lines } => format!("{file}: added {lines}"),
        DriverSet { driver } => format!(
            "git config merge.ftz-board.driver = {driver} (this clone only: run git-setup in every clone)"
        ),
        NoProgramPath { why } => format!("cannot find this program's path ({why})"),
        ProgramPathNotUtf8 { path } => format!("{path}: the program's path is not UTF-8"),
        DriverConflicts { file, count } => format!(
            "ftz-board: {file}: {count} merge conflict(s) written into the file as data; settle each with `ftz-board resolve TASK FIELD ours|theirs`:"
        ),
        DriverRefused { why } => {
            format!("ftz-board: {why}; not merged (the file is left as it was)")
        }
    }
}
