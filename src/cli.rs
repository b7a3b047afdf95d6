//! Command-line arguments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "ftz-board",
    version,
    about = "Kanban progress board for 闵府发〔2024〕17号 (闵行联动创新区 task force)",
    long_about = "Opens the board in the terminal. Without --file it uses ./board.ron, creating it from \
                  the built-in plan when it does not exist. Subcommands work without a terminal, for \
                  scripts and cron."
)]
pub struct Cli {
    /// Board file (default ./board.ron). `report` and `export` take it several times, for one
    /// combined report on several boards.
    #[arg(
        long,
        short = 'f',
        global = true,
        env = "FTZ_BOARD_FILE",
        value_name = "PATH",
        action = clap::ArgAction::Append
    )]
    pub file: Vec<PathBuf>,

    /// Every `*.ron` board in this folder (for `report` and `export`: one combined report).
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The board as it stood at the end of this date (YYYY-MM-DD), read-only.
    #[arg(
        long,
        visible_alias = "as-of",
        global = true,
        value_name = "YYYY-MM-DD"
    )]
    pub today: Option<NaiveDate>,

    /// Name recorded in the history for changes (default: $USER). Only a display name: a board
    /// with roles records, and decides permissions by, the login name of the user running it.
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,

    /// Interface language: zh (default) or en.
    #[arg(long, global = true, env = "FTZ_BOARD_LANG", value_name = "zh|en")]
    pub lang: Option<String>,

    /// Open without allowing changes.
    #[arg(long, global = true)]
    pub read_only: bool,

    /// Colour theme: default, contrast (for projectors) or mono.
    #[arg(long, value_name = "default|contrast|mono")]
    pub theme: Option<String>,

    /// One unit's tasks only ("my unit's work"), by name or another known spelling: the board
    /// opens filtered, and list, export and report cover that unit's tasks.
    #[arg(long, global = true, value_name = "UNIT")]
    pub unit: Option<String>,

    /// Start in meeting review mode (tasks needing discussion, one a screen).
    #[arg(long)]
    pub review: bool,

    /// Plain ASCII borders for terminals or fonts that garble box-drawing characters.
    #[arg(long)]
    pub ascii: bool,

    /// Key bindings file (default: $XDG_CONFIG_HOME/ftz-board/keys.ron or
    /// ~/.config/ftz-board/keys.ron when it exists).
    #[arg(long, value_name = "PATH")]
    pub keys: Option<PathBuf>,

    /// Leave the mouse to the terminal (some SSH clients misbehave with mouse capture).
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a board file from the built-in plan (refuses to overwrite).
    Init,
    /// Validate a board file: exit 0 when valid, 1 with FILE:LINE:COLUMN and the problem otherwise.
    Check,
    /// Write the board to stdout in a machine-readable format.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
    /// Plain-text listing grouped by status, for a pipe or an email.
    List,
    /// Add a progress note (进展) to a task.
    Note {
        /// Task number (1–19 in the plan).
        id: u32,
        /// The note's text.
        text: String,
        /// Record it as a decision of a coordination meeting (会议决定).
        #[arg(long)]
        decision: bool,
    },
    /// Move a task to a status: not_started, in_progress, blocked, done (or 未启动, 推进中, 需协调, 已完成).
    Status {
        /// Task number.
        id: u32,
        /// The new status.
        status: String,
    },
    /// A dated progress report (定期上报): summary, overdue and blocked tasks, units, overdue ranking,
    /// recent notes. Text formats go to stdout without --output.
    Report {
        /// md (Markdown, for minutes and email), csv (one row per task), json, or xlsx.
        #[arg(long, value_enum, default_value = "md")]
        format: crate::report::Format,
        /// List notes from this date on (default: 30 days before the report date).
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<NaiveDate>,
        /// Write to this file (required for xlsx).
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Stage evaluation (阶段性评估): the board at the end of this date beside the board at --to.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        /// The end of the stage evaluation (default with --from: today, or --today).
        #[arg(long, value_name = "YYYY-MM-DD", requires = "from")]
        to: Option<NaiveDate>,
    },
    /// Record a coordination meeting (today, or --date): `changes --since last-meeting` and the
    /// board's meeting-to-meeting steps use it.
    Meeting {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
    },
    /// The coordination meetings recorded, oldest first.
    Meetings,
    /// What happened in a window: status moves, completions, tasks that became overdue, notes and
    /// decisions, edits, added and deleted tasks, with who and when; grouped by task.
    Changes {
        /// The first day: YYYY-MM-DD, or `last-meeting`.
        #[arg(long, value_name = "DATE|last-meeting")]
        since: String,
        /// The last day (default: today, or --today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        until: Option<NaiveDate>,
        #[arg(long, value_enum, default_value = "text")]
        format: ChangesFormat,
    },
    /// A unit's request to the office: close a task (申请销号) or extend its deadline (延期申请).
    Request {
        #[command(subcommand)]
        kind: RequestKind,
    },
    /// The office decides the open request on a task: approve (同意), return a closure (退回) or
    /// refuse an extension (不同意).
    Decide {
        /// Task number.
        id: u32,
        decision: DecisionArg,
        /// Why (for return and refuse).
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// The open requests, oldest first (the office's review list).
    Requests,
    /// Per unit, the open tasks not yet reported this period (催报), for cron and mail: exit 0
    /// when none are missing, 3 when some are. Needs settings.report_cycle.
    Remind {
        #[arg(long, value_enum, default_value = "text")]
        format: RemindFormat,
        /// CURRENT (default), YYYY-MM (monthly), YYYY-Www (weekly) or a day in the period.
        #[arg(long, value_name = "CURRENT|YYYY-MM")]
        period: Option<String>,
    },
    /// Who may do what (roles): without a subcommand, the office and the units' members.
    Roles {
        #[command(subcommand)]
        change: Option<RolesChange>,
    },
    /// Write a deterministic sample board, the one the benchmarks use, to try the board at scale.
    /// Refuses to overwrite a file.
    Sample {
        /// How many tasks.
        #[arg(long, default_value_t = 1000)]
        tasks: usize,
        /// How many history entries (default: the board's own past, a few entries a task).
        #[arg(long)]
        history: Option<usize>,
        /// The same seed gives the same board.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The board file to write.
        #[arg(long, short = 'o', value_name = "PATH")]
        output: PathBuf,
    },
    /// The git merge driver for board files, as git calls it: `merge-driver %O %A %B %P`. Writes the
    /// merge into %A; exit 0 when clean, 1 with conflicts (written into the file as data), 2 when a
    /// version does not read (%A untouched). `git-setup` installs it.
    MergeDriver {
        /// The common ancestor (%O).
        base: PathBuf,
        /// Ours (%A): the merge is written here.
        ours: PathBuf,
        /// Theirs (%B).
        theirs: PathBuf,
        /// The file's name in the repository (%P), for messages.
        path: Option<PathBuf>,
    },
    /// Set up the git repository the board is in: `.gitattributes` (board files merge by meaning,
    /// history files as a union), `.gitignore` (journal, lock, backups) and this clone's
    /// `merge.ftz-board` driver. Says what it did; running it again changes nothing.
    GitSetup,
    /// For people who do not use git: commit the board with a summary of its changes, pull (merging
    /// with the driver), push, and say in words what conflicts remain.
    Sync,
    /// Settle a merge conflict by taking one side: `resolve 3 status theirs`. TASK is a task number,
    /// or `board` for the board's own fields (settings, plan, roles). `check` lists the conflicts.
    Resolve {
        task: String,
        /// The conflict's field as `check` shows it: status, deadline, "milestone 2", deleted, …
        field: String,
        #[arg(value_enum)]
        side: SideArg,
    },
    /// A task's milestones (工作节点): add, edit, done, reopen, delete, list.
    Milestone {
        #[command(subcommand)]
        action: crate::commands::MilestoneCommand,
    },
}

/// Which side of a merge conflict to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SideArg {
    /// The value this clone had before the merge (the board shows it now).
    Ours,
    /// The value the other side had.
    Theirs,
}

#[derive(Debug, Subcommand)]
pub enum RolesChange {
    /// Add a login name to the task force office (专班办公室), or remove one.
    Office { action: AddRemove, login: String },
    /// Add a login name to a unit's members, or remove one.
    Unit {
        unit: String,
        action: AddRemove,
        login: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AddRemove {
    Add,
    Remove,
}

#[derive(Debug, Subcommand)]
pub enum RequestKind {
    /// 申请销号: ask the office to close the task, saying what was done and the evidence.
    Close {
        /// Task number.
        id: u32,
        note: String,
    },
    /// 延期申请: ask for a later deadline, with the reason.
    Extend {
        /// Task number.
        id: u32,
        /// The deadline asked for.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: NaiveDate,
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecisionArg {
    Approve,
    Return,
    Refuse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RemindFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChangesFormat {
    Text,
    Md,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
}

impl Cli {
    pub fn board_path(&self) -> PathBuf {
        self.file
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("board.ron"))
    }

    /// Every board named: each `--file`, then the `*.ron` files of `--dir` in name order; just
    /// [`Cli::board_path`] when neither is given.
    pub fn board_paths(&self) -> Result<Vec<PathBuf>, String> {
        let mut paths = self.file.clone();
        if let Some(dir) = &self.dir {
            let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(format!(
                    "{}: no *.ron board files in this folder",
                    dir.display()
                ));
            }
            paths.extend(found);
        }
        if paths.is_empty() {
            paths.push(self.board_path());
        }
        Ok(paths)
    }

    /// The name changes are recorded under: `--user`, else `$USER`, else `$LOGNAME`, else the
    /// login name of the user running us.
    pub fn user_name(&self) -> String {
        crate::identity::user_name(self.user.as_deref())
    }
}
