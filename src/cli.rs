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
    /// Board file (default ./board.ron).
    #[arg(
        long,
        short = 'f',
        global = true,
        env = "FTZ_BOARD_FILE",
        value_name = "PATH"
    )]
    pub file: Option<PathBuf>,

    /// The board as it stood at the end of this date (YYYY-MM-DD), read-only.
    #[arg(
        long,
        visible_alias = "as-of",
        global = true,
        value_name = "YYYY-MM-DD"
    )]
    pub today: Option<NaiveDate>,

    /// Name recorded in the history for changes (default: $USER).
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
    /// A task's milestones (工作节点): add, edit, done, reopen, delete, list.
    Milestone {
        #[command(subcommand)]
        action: crate::commands::MilestoneCommand,
    },
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
            .clone()
            .unwrap_or_else(|| PathBuf::from("board.ron"))
    }

    /// The name changes are recorded under: `--user`, else `$USER`, else `$LOGNAME`, else the
    /// login name of the user running us.
    pub fn user_name(&self) -> String {
        crate::identity::user_name(self.user.as_deref())
    }
}
