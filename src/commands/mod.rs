//! What each command does, one file per command or group. Errors come back as messages for
//! stderr; the caller exits 1.

mod change;
mod check;
mod open;

use change::change;

use std::io::Write;

use crate::cli::{Cli, Command, ExportFormat};
use crate::i18n::Lang;
use crate::model::{Board, History, Operation, Status};
use crate::plan::builtin_plan;
use crate::store::{Store, StoreError};

/// A failure to report: the message is printed as is, exit code 1.
pub struct Failure(pub String);

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure(e.to_string())
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let lang = match &cli.lang {
        Some(l) => Lang::parse(l)
            .ok_or_else(|| Failure(format!("unknown language `{l}` (expected zh or en)")))?,
        None => Lang::Zh,
    };
    let store = Store::new(cli.board_path());
    match &cli.command {
        Some(Command::Init) => init(&store),
        Some(Command::Check) => check::check(&store),
        Some(Command::Export { format }) => {
            let board = narrowed(&cli, store.load()?.board)?;
            let history = narrowed_history(&board, store.load_history()?);
            let today = today(&cli, &board);
            let text = match format {
                ExportFormat::Json => crate::export::to_json(&board, &history, today),
            };
            print_out(&text)
        }
        Some(Command::List) => {
            let board = narrowed(&cli, store.load()?.board)?;
            let today = today(&cli, &board);
            print_out(&crate::listing::to_text(&board, today, lang))
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
            let to = Status::parse(status).ok_or_else(|| {
                Failure(format!(
                    "unknown status `{status}` (expected one of {})",
                    Status::expected_list()
                ))
            })?;
            change(&cli, &store, Operation::SetStatus { id: *id, to })
        }
        Some(Command::Report {
            format,
            since,
            output,
            force,
        }) => {
            let board = narrowed(&cli, store.load()?.board)?;
            let today = today(&cli, &board);
            let since = since.unwrap_or_else(|| crate::report::default_since(today));
            match output {
                Some(path) => {
                    crate::report::write_report(&board, today, since, *format, path, *force)?;
                    println!("{}: report written", path.display());
                    Ok(())
                }
                None => print_out(&crate::report::render_text(&board, today, since, *format)?),
            }
        }
        None => open::open(&cli, store, lang),
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

/// The unit `--unit` names, by any known spelling; an unknown name lists the known units.
pub(crate) fn resolve_unit(board: &Board, unit: &str) -> Result<String, Failure> {
    crate::model::known_unit(board, unit).map_err(|known| {
        Failure(format!(
            "unknown unit `{}` (known units: {})",
            crate::model::sanitize::clean_line(unit),
            known.join("、")
        ))
    })
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
    let plan = builtin_plan()?;
    store.create(&plan)?;
    println!(
        "{}: created from the built-in plan ({} tasks)",
        store.path().display(),
        plan.tasks.len()
    );
    Ok(())
}
