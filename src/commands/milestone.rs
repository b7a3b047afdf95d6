//! `milestone add|edit|done|reopen|delete|list`: a task's milestones (工作节点) from the shell.
//! Each change is one operation under the lock, like `note` and `status`.

use std::fmt::Write;

use chrono::NaiveDate;
use clap::Subcommand;

use super::change::apply_change;
use super::{Failure, print_out, standing};
use crate::cli::Cli;
use crate::i18n::Lang;
use crate::model::milestones::{after_deadline, responsible_units};
use crate::model::sanitize::clean_line;
use crate::model::{Board, Operation, TaskId, join_units};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum MilestoneCommand {
    /// Add a milestone to a task, numbered after its last.
    Add {
        /// Task number.
        task: String,
        /// Due date (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: String,
        /// Responsible unit (repeat for several; default: the task's lead units).
        // Named `unit` like the global `--unit` (which narrows the board), so that it takes its
        // place here rather than clashing with it.
        #[arg(long, value_name = "NAME")]
        unit: Vec<String>,
        /// What is to be done by then.
        title: String,
    },
    /// Change a milestone's title, due date or units.
    Edit {
        /// The milestone: TASK.N, e.g. 3.2.
        milestone: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<String>,
        /// Responsible unit (repeat for several); replaces the milestone's units.
        #[arg(long, value_name = "NAME")]
        unit: Vec<String>,
    },
    /// Mark a milestone done (today, or --on DATE).
    Done {
        /// The milestone: TASK.N, e.g. 3.2.
        milestone: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
    },
    /// Clear a milestone's completion.
    Reopen {
        /// The milestone: TASK.N, e.g. 3.2.
        milestone: String,
    },
    /// Delete a milestone.
    Delete {
        /// The milestone: TASK.N, e.g. 3.2.
        milestone: String,
    },
    /// List the milestones of one task, or of every task, with their urgency and each task's
    /// light.
    List {
        /// Task number (default: every task with milestones).
        task: Option<String>,
    },
}

pub fn milestone(
    cli: &Cli,
    store: &Store,
    lang: Lang,
    command: &MilestoneCommand,
) -> Result<(), Failure> {
    let op = match command {
        MilestoneCommand::Add {
            task,
            due,
            unit,
            title,
        } => Operation::AddMilestone {
            id: task_id(task)?,
            title: title.clone(),
            due: due.clone(),
            units: unit.clone(),
        },
        MilestoneCommand::Edit {
            milestone,
            title,
            due,
            unit: units,
        } => {
            let (id, number) = milestone_id(milestone)?;
            if title.is_none() && due.is_none() && units.is_empty() {
                return Err(Failure(
                    "milestone edit: nothing to change (expected --title, --due or --unit)".into(),
                ));
            }
            Operation::EditMilestone {
                id,
                number,
                title: title.clone(),
                due: due.clone(),
                units: (!units.is_empty()).then(|| units.clone()),
            }
        }
        MilestoneCommand::Done { milestone, on } => {
            let (id, number) = milestone_id(milestone)?;
            let on = on.as_deref().map(date).transpose()?;
            Operation::CompleteMilestone { id, number, on }
        }
        MilestoneCommand::Reopen { milestone } => {
            let (id, number) = milestone_id(milestone)?;
            Operation::ReopenMilestone { id, number }
        }
        MilestoneCommand::Delete { milestone } => {
            let (id, number) = milestone_id(milestone)?;
            Operation::DeleteMilestone { id, number }
        }
        MilestoneCommand::List { task } => return list(cli, store, lang, task.as_deref()),
    };
    let Some(applied) = apply_change(cli, store, op)? else {
        return Ok(());
    };
    // A milestone due after its task's deadline is kept, and said.
    for entry in &applied.entries {
        if let (Some(id), crate::model::Change::Milestone { to: Some(m), .. }) =
            (entry.task, &entry.change)
            && let Some(task) = applied.board.task(id)
            && after_deadline(task, m)
        {
            eprintln!(
                "ftz-board: warning: milestone {id}.{} is due {}, after the task's deadline {}",
                m.number, m.due, task.deadline
            );
        }
    }
    Ok(())
}

/// A task number as typed.
fn task_id(text: &str) -> Result<TaskId, Failure> {
    let t = text.trim().trim_start_matches('#');
    t.parse().ok().filter(|id| *id > 0).ok_or_else(|| {
        Failure(format!(
            "`{}` is not a task number (expected a number such as 3)",
            clean_line(text)
        ))
    })
}

/// `3.2` as task 3, milestone 2.
fn milestone_id(text: &str) -> Result<(TaskId, u32), Failure> {
    let bad = || {
        Failure(format!(
            "`{}` is not a milestone (expected TASK.N, such as 3.2)",
            clean_line(text)
        ))
    };
    let (task, number) = text.trim().split_once('.').ok_or_else(bad)?;
    let task = task.trim_start_matches('#').parse().map_err(|_| bad())?;
    let number = number.parse().map_err(|_| bad())?;
    if task == 0 || number == 0 {
        return Err(bad());
    }
    Ok((task, number))
}

fn date(text: &str) -> Result<NaiveDate, Failure> {
    text.trim().parse().map_err(|_| {
        Failure(format!(
            "`{}` is not a date (expected YYYY-MM-DD)",
            clean_line(text)
        ))
    })
}

/// `milestone list`: one task's milestones, or every task's that has any.
fn list(cli: &Cli, store: &Store, lang: Lang, task: Option<&str>) -> Result<(), Failure> {
    let standing = standing(cli, store)?;
    if let Some(notice) = super::completeness_notice(standing.completeness, lang) {
        eprintln!("{notice}");
    }
    let board = super::narrowed(cli, standing.board)?;
    let ids: Vec<TaskId> = match task {
        Some(text) => {
            let id = task_id(text)?;
            board
                .task(id)
                .ok_or_else(|| Failure(format!("no task with id {id}")))?;
            vec![id]
        }
        None => board
            .tasks
            .iter()
            .filter(|t| !t.milestones.is_empty())
            .map(|t| t.id)
            .collect(),
    };
    let mut out = String::new();
    for id in ids {
        write_task(&mut out, &board, id, standing.date, (lang, cli.ascii));
    }
    if out.is_empty() {
        eprintln!("{}: no milestones yet", store.path().display());
    }
    print_out(&out)
}

/// `3. 标题  ◉ 红灯  节点 1/2` then one line a milestone:
/// `  3.1  2025-06-30  完成 2025-06-20  按期完成  区科委  标题`.
fn write_task(
    out: &mut String,
    board: &Board,
    id: TaskId,
    today: NaiveDate,
    (lang, cli_ascii): (Lang, bool),
) {
    let Some(task) = board.task(id) else { return };
    let labels = lang.milestone_labels();
    let light = board.light(task, today);
    let done = task.milestones.iter().filter(|m| m.is_done()).count();
    let _ = writeln!(
        out,
        "{id}. {}  [{}]  {} {done}/{}",
        clean_line(&task.title),
        lang.light_badge(light, cli_ascii).trim(),
        labels.milestone,
        task.milestones.len()
    );
    if task.milestones.is_empty() {
        let _ = writeln!(out, "  {}", labels.none_yet);
    }
    for m in &task.milestones {
        let completed = m.completed_on.map_or_else(
            || "-".to_string(),
            |d| format!("{} {d}", labels.completed_on),
        );
        let late = if after_deadline(task, m) {
            match lang {
                Lang::Zh => "  （晚于任务时间节点）",
                Lang::En => "  (after the task's deadline)",
            }
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {id}.{}  {}  {completed}  {}  {}  {}{late}",
            m.number,
            m.due,
            lang.urgency(m.urgency(today, board.settings.warn_days)),
            clean_line(&join_units(
                &responsible_units(board, task, m)
                    .into_iter()
                    .map(String::from)
                    .collect::<Vec<_>>()
            )),
            clean_line(&m.title),
        );
    }
}
