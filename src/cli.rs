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

    /// Review the board as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
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
    #[arg(long, global = true, value_name = "default|contrast|mono")]
    pub theme: Option<String>,

    /// Plain ASCII borders for terminals or fonts that garble box-drawing characters.
    #[arg(long, global = true)]
    pub ascii: bool,

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

    pub fn user_name(&self) -> String {
        self.user
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("LOGNAME").ok())
            .map(|u| crate::model::sanitize::clean_line(u.trim()))
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| "unknown".into())
    }
}
