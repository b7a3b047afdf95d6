//! The interactive board: terminal set-up, the event loop, carrying out effects.

mod events;

use std::io;

use ratatui::crossterm::event::{
    DisableBracketedPaste, EnableBracketedPaste, Event as TermEvent, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{App, Effect};
use crate::model::Context;
use crate::store::{Stamp, Store};
use events::{Event, Events};

/// What the loop needs besides the app: where to save and who is changing things.
pub struct Session {
    pub store: Store,
    pub user: String,
    /// Content stamp of the version we last read or wrote: a watcher event for a file with this
    /// stamp is our own save and is ignored.
    pub stamp: Stamp,
}

pub fn run(mut app: App, mut session: Session) -> io::Result<()> {
    // ratatui::init enters the alternate screen and raw mode and installs a panic hook that restores
    // the terminal before the panic message is printed.
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, &mut session);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    session: &mut Session,
) -> io::Result<()> {
    let mut events = Events::start();
    if let Err(e) = events.watch(session.store.path()) {
        app.error(format!("live refresh off: {e}"));
    }
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    terminal.draw(|f| crate::ui::draw(app, f))?;
    while let Ok(first) = events.rx.recv() {
        // Handle everything already queued before drawing, so a burst of keys over a slow link
        // costs one frame, not one per key.
        let mut next = Some(first);
        while let Some(event) = next {
            if handle(event, terminal, app, session)? == Flow::Quit {
                return Ok(());
            }
            next = events.rx.try_recv().ok();
        }
        terminal.draw(|f| crate::ui::draw(app, f))?;
    }
    Ok(())
}

#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

fn handle(
    event: Event,
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    session: &mut Session,
) -> io::Result<Flow> {
    let effect = match event {
        Event::Terminal(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => {
            app.on_key(&key)
        }
        Event::Terminal(TermEvent::Resize(w, h)) => {
            app.resize(w, h);
            // A resize may leave stale cells on some terminals: repaint everything.
            terminal.clear()?;
            Effect::None
        }
        Event::Terminal(TermEvent::Paste(text)) => {
            app.on_paste(&text);
            Effect::None
        }
        Event::Terminal(_) => Effect::None,
        Event::FileChanged => {
            reload(app, session);
            Effect::None
        }
        Event::Hangup | Event::InputClosed => Effect::Quit,
    };
    match effect {
        Effect::Quit => return Ok(Flow::Quit),
        Effect::Apply { op, kind } => {
            let ctx = Context::now(session.user.clone(), app.board.settings.offset());
            let result = session.store.apply(&op, &ctx).map(|applied| {
                session.stamp = applied.stamp;
                (applied.board, applied.inverse)
            });
            app.on_applied(op, kind, result);
        }
        Effect::Export => {
            let result = export(app, session);
            app.on_exported(result);
        }
        Effect::None => {}
    }
    Ok(Flow::Continue)
}

/// `e` in the board: today's report as a workbook (for the offices) and Markdown (for minutes and
/// email), next to the board file, replacing a report written earlier the same day.
fn export(app: &App, session: &Session) -> Result<Vec<std::path::PathBuf>, String> {
    use crate::report::{Format, default_report_path, default_since, write_report};
    let folder = crate::store::folder_of(session.store.path());
    let since = default_since(app.today);
    [Format::Xlsx, Format::Markdown]
        .into_iter()
        .map(|format| {
            let path = default_report_path(&folder, app.today, format);
            write_report(&app.board, app.today, since, format, &path, true)
                .map(|_| path)
                .map_err(|e| e.to_string())
        })
        .collect()
}

/// Someone changed the file: show their version, or keep ours and warn when theirs is invalid.
fn reload(app: &mut App, session: &mut Session) {
    let bytes = match std::fs::read(session.store.path()) {
        Ok(b) => b,
        Err(_) => return, // mid-rename or deleted: the next event will tell
    };
    let stamp = Stamp::of(&bytes);
    if stamp == session.stamp {
        return;
    }
    let text = String::from_utf8_lossy(&bytes);
    match crate::store::parse(&text, session.store.path()) {
        Ok(board) => {
            session.stamp = stamp;
            app.file_problem = None;
            app.set_board(board);
            app.info(app.lang.strings().reloaded.to_string());
        }
        Err(e) => {
            session.stamp = stamp;
            app.file_problem = Some(e.to_string());
        }
    }
}
