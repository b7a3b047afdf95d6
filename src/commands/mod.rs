//! What each command does, one file per command or group. Errors come back as messages for
//! stderr; the caller exits 1.

mod boards;
mod change;
mod check;
pub mod git;
mod milestone;
mod open;
mod open_city;
mod remind;
mod report;
mod requests;
mod resolve;
mod roles;
mod sample;
mod sync;
mod time;

use change::change;
pub use milestone::MilestoneCommand;

use std::io::Write;

use crate::cli::{Cli, Command, ExportFormat};
use crate::i18n::Lang;
use crate::model::{Board, History, Operation};
use crate::plan::builtin_plan;
use crate::store::{Store, StoreError};

/// A failure to report: the message is printed as is, exit code 1.
pub struct Failure(pub String);

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure(e.to_string())
    }
}

// Here rather than in `report`, which must not know the command line that uses it.
impl From<crate::report::ReportError> for Failure {
    fn from(e: crate::report::ReportError) -> Self {
        Failure(e.to_string())
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let lang = language(&cli)?;
    let paths = cli.board_paths().map_err(Failure)?;
    if paths.len() > 1 {
        if cli.command.is_none() {
            return open_city::open_city(&cli, &paths, lang);
        }
        return boards::run(&cli, &paths);
    }
    let mut store = Store::new(paths[0].clone());
    store.user = cli.user_name();
    match &cli.command {
        Some(Command::Init) => init(&store),
        Some(Command::Check) => check::check(&store, lang),
        Some(Command::Export { format }) => match format {
            ExportFormat::Json => print_out(&export_text(&cli, &store)?),
        },
        Some(Command::List) => {
            let standing = standing(&cli, &store)?;
            if let Some(notice) = completeness_notice(standing.completeness, lang) {
                eprintln!("{notice}");
            }
            let board = narrowed(&cli, standing.board)?;
            print_out(&crate::listing::to_text(&board, standing.date, lang))
        }
        Some(Command::Note { id, text, decision }) => {
            let op = Operation::AddNote {
                id: *id,
                text: text.clone(),
                decision: *decision,
            };
            change(&cli, &store, op)
        }
        Some(Command::Status { id, status }) => {
            let to = crate::i18n::status_from_words(status).ok_or_else(|| {
                Failure(format!(
                    "unknown status `{status}` (expected one of {})",
                    crate::i18n::expected_statuses()
                ))
            })?;
            change(&cli, &store, Operation::SetStatus { id: *id, to })
        }
        Some(Command::Report {
            format,
            since,
            output,
            force,
            from,
            to,
        }) => report::report(
            &cli,
            &store,
            &report::Asked {
                format: *format,
                since: *since,
                output: output.as_deref(),
                force: *force,
                from: *from,
                to: *to,
            },
        ),
        Some(Command::Meeting { date }) => time::meeting(&cli, &store, *date),
        Some(Command::Meetings) => time::meetings(&store),
        Some(Command::Changes {
            since,
            until,
            format,
        }) => time::changes(&cli, &store, lang, since, *until, *format),
        Some(Command::Request { kind }) => requests::request(&cli, &store, kind),
        Some(Command::Decide {
            id,
            decision,
            reason,
        }) => requests::decide(&cli, &store, *id, *decision, reason.as_deref()),
        Some(Command::Roles { change }) => roles::roles(&cli, &store, change.as_ref()),
        Some(Command::Requests) => requests::list(&store, lang),
        Some(Command::Remind { format, period }) => {
            remind::remind(&cli, &store, lang, *format, period.as_deref()).map(|_| ())
        }
        Some(Command::Sample {
            tasks,
            history,
            seed,
            output,
        }) => sample::sample(&sample::Asked {
            tasks: *tasks,
            history: *history,
            seed: *seed,
            output,
        }),
        // main calls the driver itself, for git's exit codes; this is for a library caller.
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        }) => match git::merge_driver(base, ours, theirs, path.as_deref(), lang) {
            code if code == std::process::ExitCode::SUCCESS => Ok(()),
            _ => Err(Failure("the merge left conflicts or failed".into())),
        },
        Some(Command::GitSetup) => git::git_setup(store.path(), lang),
        Some(Command::Sync) => sync::sync(&cli, &store, lang),
        Some(Command::Resolve { task, field, side }) => {
            resolve::resolve(&cli, &store, task, field, *side)
        }
        Some(Command::Milestone { action }) => milestone::milestone(&cli, &store, lang, action),
        None => open::open(&cli, store, lang),
    }
}

/// The JSON export of the board in `store`, as of the date in use.
pub(crate) fn export_text(cli: &Cli, store: &Store) -> Result<String, Failure> {
    let mut standing = standing(cli, store)?;
    let date = standing.date;
    let all = standing.history(store)?;
    // The record as it stood then: the entries made by the end of the date in use.
    let history = History::new(all.entries()[..all.count_through(date)].to_vec());
    let board = narrowed(cli, standing.board)?;
    let history = narrowed_history(&board, history);
    Ok(crate::export::to_json(&board, &history, date))
}

/// [`run`], with the exit code a command chose: `remind` says 3 when some reports are missing,
/// so that cron can mail only then.
pub fn run_with_code(cli: Cli) -> Result<u8, Failure> {
    if let Some(Command::Remind { format, period }) = &cli.command {
        let lang = language(&cli)?;
        let store = Store::new(cli.board_path());
        let missing = remind::remind(&cli, &store, lang, *format, period.as_deref())?;
        return Ok(if missing { 3 } else { 0 });
    }
    run(cli).map(|()| 0)
}

fn language(cli: &Cli) -> Result<Lang, Failure> {
    match &cli.lang {
        Some(l) => Lang::parse(l)
            .ok_or_else(|| Failure(format!("unknown language `{l}` (expected zh or en)"))),
        None => Ok(Lang::Zh),
    }
}

/// The warning for a board shown at a date its record does not fully cover.
pub(crate) fn completeness_notice(
    completeness: crate::model::Completeness,
    lang: Lang,
) -> Option<String> {
    use crate::model::Completeness::*;
    match (completeness, lang) {
        (Complete, _) => None,
        (IncompleteBefore(day), Lang::Zh) => Some(format!(
            "注意：{day} 前的变更记录不完整（此日期前的变更记录不完整）"
        )),
        (IncompleteBefore(day), Lang::En) => Some(format!(
            "note: the record of changes before {day} is incomplete (version 1 file)"
        )),
        (BeforeBoard(day), Lang::Zh) => {
            Some(format!("注意：本看板建立于 {day}，此前的变更没有记录"))
        }
        (BeforeBoard(day), Lang::En) => Some(format!(
            "note: this board was made on {day}; nothing was recorded before"
        )),
    }
}

/// The board as a command should see it: as it stands, or — with `--today` set to an earlier day
/// — as it stood at the end of that day, reconstructed from the history.
pub(crate) struct Standing {
    /// The board now, with every change.
    pub current: Board,
    /// Read when looking back; see [`Standing::history`].
    history: Option<History>,
    /// The board at the date in use (the same as `current` when that is today).
    pub board: Board,
    pub date: chrono::NaiveDate,
    pub completeness: crate::model::Completeness,
}

pub(crate) fn standing(cli: &Cli, store: &Store) -> Result<Standing, Failure> {
    let current = store.load()?.board;
    let today = current.settings.today_at(crate::clock::system_now());
    let date = cli.today.unwrap_or(today);
    // A later date only moves the deadline arithmetic on: nothing is known of the future. The
    // history is read only to look back (it can be long, and the present does not need it).
    let (board, history, completeness) = if date < today {
        let history = store.load_history()?;
        let as_of = crate::model::AsOf::at(&current, &history, date);
        let completeness = as_of.completeness(&history);
        (as_of.board, Some(history), completeness)
    } else {
        (current.clone(), None, crate::model::Completeness::Complete)
    };
    Ok(Standing {
        board,
        current,
        history,
        date,
        completeness,
    })
}

impl Standing {
    /// The history, read now if looking back did not need it.
    pub(crate) fn history(&mut self, store: &Store) -> Result<&History, Failure> {
        Ok(self.with_history(store)?.1)
    }

    /// The board now and its history (read now if looking back did not need it).
    pub(crate) fn with_history(&mut self, store: &Store) -> Result<(&Board, &History), Failure> {
        if self.history.is_none() {
            self.history = Some(store.load_history()?);
        }
        Ok((&self.current, self.history.get_or_insert_default()))
    }
}

pub(crate) fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure(e.to_string())),
        _ => Ok(()),
    }
}

/// The unit `--unit` names: a full name, an alias, or any part of a name no other unit shares
/// (`商务委` → 区商务委). A part of several names lists them; a name that matches nothing lists the
/// close ones, or every unit when none is close.
pub(crate) fn resolve_unit(board: &Board, unit: &str) -> Result<String, Failure> {
    use crate::model::UnitMatch;
    let typed = crate::model::sanitize::clean_line(unit);
    match crate::model::match_unit(board, unit) {
        UnitMatch::Found(unit) => Ok(unit),
        UnitMatch::Ambiguous(candidates) => Err(Failure(format!(
            "unit `{typed}` is ambiguous: it is part of {} names ({}); give more of the name",
            candidates.len(),
            clean_units(&candidates)
        ))),
        UnitMatch::Unknown { close, all } if close.is_empty() => Err(Failure(format!(
            "unknown unit `{typed}` (known units: {})",
            clean_units(&all)
        ))),
        UnitMatch::Unknown { close, .. } => Err(Failure(format!(
            "unknown unit `{typed}` (did you mean: {}?)",
            clean_units(&close)
        ))),
    }
}

fn clean_units(units: &[String]) -> String {
    let cleaned: Vec<String> = units
        .iter()
        .map(|u| crate::model::sanitize::clean_line(u))
        .collect();
    cleaned.join("、")
}

/// With `--unit`, the board narrowed to that unit's tasks (lead or cooperating), for the
/// listing, the export and the report.
pub(crate) fn narrowed(cli: &Cli, mut board: Board) -> Result<Board, Failure> {
    if let Some(unit) = &cli.unit {
        let unit = resolve_unit(&board, unit)?;
        let kept: std::collections::HashSet<_> = board
            .tasks
            .iter()
            .filter(|task| board.units_of(task).iter().any(|(u, _)| *u == unit))
            .map(|t| t.id)
            .collect();
        board.tasks.retain(|t| kept.contains(&t.id));
    }
    Ok(board)
}

/// The history of the tasks a narrowed board keeps (and the board-wide entries).
pub(crate) fn narrowed_history(board: &Board, history: History) -> History {
    let entries = history
        .entries()
        .iter()
        .filter(|e| e.task.is_none_or(|id| board.task(id).is_some()))
        .cloned()
        .collect();
    History::new(entries)
}

pub(crate) fn today(cli: &Cli, board: &Board) -> chrono::NaiveDate {
    cli.today
        .unwrap_or_else(|| board.settings.today_at(crate::clock::system_now()))
}

pub(crate) fn init(store: &Store) -> Result<(), Failure> {
    let mut plan = builtin_plan()?;
    // Staleness counts from the day the board was made, not from the plan's issue date.
    plan.created_on = Some(plan.settings.today_at(crate::clock::system_now()));
    store.create(&plan)?;
    println!(
        "{}: created from the built-in plan ({} tasks)",
        store.path().display(),
        plan.tasks.len()
    );
    Ok(())
}
