//! What each command does. Errors come back as messages for stderr; the caller exits 1.

use std::io::Write;

use crate::app::{App, ReadOnly};
use crate::cli::{Cli, Command, ExportFormat};
use crate::i18n::Lang;
use crate::model::{Board, Change, Context, OpError, Operation, Status};
use crate::plan::builtin_plan;
use crate::store::{Loaded, Store, StoreError};
use crate::ui::theme::{ColorDepth, Theme, ThemeName};

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
    let mut store = Store::new(cli.board_path());
    store.user = cli.user_name();
    match &cli.command {
        Some(Command::Init) => init(&store),
        Some(Command::Check) => {
            let loaded = store.load()?;
            println!(
                "{}: ok ({} tasks)",
                store.path().display(),
                loaded.board.tasks.len()
            );
            Ok(())
        }
        Some(Command::Export { format }) => {
            let board = narrowed(&cli, store.load()?.board)?;
            let today = today(&cli, &board);
            let text = match format {
                ExportFormat::Json => crate::export::to_json(&board, today),
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
        None => open(&cli, store, lang),
    }
}

/// Who is changing things, and now, in the board's time zone (its `utc_offset`, or the machine's).
fn context(cli: &Cli, store: &Store) -> Result<Context, Failure> {
    let board = store.load()?.board;
    Ok(Context::now(cli.user_name(), board.settings.offset()))
}

/// Applies one change to the file under the lock and says what happened.
fn change(cli: &Cli, store: &Store, op: Operation) -> Result<(), Failure> {
    if cli.read_only {
        return Err(Failure("--read-only: not changing the file".into()));
    }
    let ctx = context(cli, store)?;
    match store.apply(&op, &ctx) {
        Ok(applied) => {
            if let Some(entry) = applied.board.history.last() {
                println!(
                    "{}: task {} {}",
                    store.path().display(),
                    entry.task,
                    describe(&entry.change)
                );
            }
            Ok(())
        }
        Err(StoreError::Rejected(OpError::Unchanged)) => {
            println!("{}: nothing to change", store.path().display());
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

fn describe(change: &Change) -> String {
    match change {
        Change::Status { from, to } => format!("{} -> {}", from.name(), to.name()),
        Change::NoteAdded { .. } => "note added".into(),
        Change::NoteRemoved { .. } => "note removed".into(),
        Change::Field { field, .. } => format!("{field} changed"),
        Change::TaskAdded { .. } => "added".into(),
        Change::TaskDeleted { .. } => "deleted".into(),
    }
}

fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure(e.to_string())),
        _ => Ok(()),
    }
}

/// The unit `--unit` names, by any known spelling; an unknown name lists the known units.
fn resolve_unit(board: &Board, unit: &str) -> Result<String, Failure> {
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
fn narrowed(cli: &Cli, mut board: Board) -> Result<Board, Failure> {
    if let Some(unit) = &cli.unit {
        let unit = resolve_unit(&board, unit)?;
        let kept: std::collections::HashSet<_> = board
            .tasks
            .iter()
            .filter(|task| board.units_of(task).iter().any(|(u, _)| *u == unit))
            .map(|t| t.id)
            .collect();
        board.tasks.retain(|t| kept.contains(&t.id));
        board.history.retain(|h| kept.contains(&h.task));
    }
    Ok(board)
}

fn today(cli: &Cli, board: &Board) -> chrono::NaiveDate {
    cli.today.unwrap_or_else(|| board.settings.today())
}

fn init(store: &Store) -> Result<(), Failure> {
    let plan = builtin_plan()?;
    store.create(&plan)?;
    println!(
        "{}: created from the built-in plan ({} tasks)",
        store.path().display(),
        plan.tasks.len()
    );
    Ok(())
}

/// Opens the interactive board. Everything that can fail with a message (a bad file, a bad
/// option) fails here, before the terminal is touched.
fn open(cli: &Cli, store: Store, lang: Lang) -> Result<(), Failure> {
    // First, so that a typo in the keys file is reported before anything is created or opened.
    let (keymap, keys_warning) = crate::keymap_file::load(cli.keys.as_deref()).map_err(Failure)?;
    let theme_name = match &cli.theme {
        Some(t) => ThemeName::parse(t).ok_or_else(|| {
            Failure(format!(
                "unknown theme `{t}` (expected default, contrast or mono)"
            ))
        })?,
        None if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => ThemeName::Mono,
        None => ThemeName::Default,
    };
    let mut created = false;
    if !store.exists() {
        init(&store)?;
        created = true;
    }
    let Loaded { board, stamp } = store.load()?;
    let today = today(cli, &board);
    let mut app = App::new(board, store.path().display().to_string(), today, lang);
    app.theme = Theme::for_terminal(theme_name, cli.ascii, ColorDepth::from_env());
    // Mono means no colour sequences at all (not even "default colour" resets); any other theme
    // was asked for by name, which overrides NO_COLOR (crossterm would otherwise drop its colours).
    ratatui::crossterm::style::Colored::set_ansi_color_disabled(theme_name == ThemeName::Mono);
    app.keymap = keymap;
    app.user = cli.user_name();
    app.read_only = if cli.read_only {
        Some(ReadOnly::Requested)
    } else if cli.today.is_some_and(|d| d != app.board.settings.today()) {
        Some(ReadOnly::LookingBack)
    } else if !writable(&store) {
        Some(ReadOnly::NotWritable)
    } else {
        None
    };
    if let Some(unit) = &cli.unit {
        let unit = resolve_unit(&app.board, unit)?;
        app.set_filter(crate::model::Filter {
            unit: Some((unit, crate::model::RoleFilter::Either)),
            ..Default::default()
        });
    }
    if cli.review {
        app.update(crate::action::Action::Review);
    }
    if created {
        app.info(format!(
            "{}: {}",
            store.path().display(),
            lang.strings().created_from_plan
        ));
    }
    if let Some(warning) = keys_warning {
        app.error(warning);
    }
    let session = crate::tui::Session {
        store,
        user: cli.user_name(),
        stamp,
        mouse: !cli.no_mouse,
    };
    crate::tui::run(app, session).map_err(|e| Failure(format!("terminal error: {e}")))
}

/// Whether we may change the file: the store's rule, the same one every change is checked against.
fn writable(store: &Store) -> bool {
    crate::store::check_writable(&store.real_path()).is_ok()
}
