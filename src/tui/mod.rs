//! The interactive board: terminal set-up, the event loop, carrying out effects.

mod city;
mod events;
mod export;
mod guard;
mod history;
mod reload;
mod save;
mod synced;

/// The terminal the board draws on: each frame one synchronized update (see `synced.rs`).
type Tui = ratatui::Terminal<ratatui::backend::CrosstermBackend<synced::Synced<io::Stdout>>>;

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event as TermEvent,
    KeyEventKind,
};
use ratatui::crossterm::execute;

use std::sync::mpsc::RecvTimeoutError;

use crate::app::{App, Effect};
use crate::store::{Stamp, Store};
use events::{Event, Events};
use save::Saving;

/// What the loop needs besides the app: where to save and who is changing things.
pub struct Session {
    pub store: Store,
    pub user: String,
    /// Content stamp of the version we last read or wrote: a watcher event for a file with this
    /// stamp is our own save and is ignored.
    pub stamp: Stamp,
    /// Capture the mouse (off with `--no-mouse`: some SSH clients misbehave with it).
    pub mouse: bool,
    /// Read the history in the background once the first frame is drawn (the app was told it is
    /// pending).
    pub load_history: bool,
    /// What the app asked for before the loop ran (`--review` records the day's meeting), carried
    /// out once the first frame is drawn.
    pub first_effect: Effect,
    /// The files as our last save left them, so the next save need not read them again (shared
    /// with the save thread; one save runs at a time).
    pub cache: std::sync::Arc<std::sync::Mutex<crate::store::ReadCache>>,
    /// A city view's boards (`city.rs`); `store` is then the first of them, whose folder an
    /// export goes to.
    pub city: Option<City>,
}

pub use city::{City, Member as CityMember, history_now as city_history};

pub fn run(mut app: App, mut session: Session) -> io::Result<()> {
    // The terminal as it is now, for an abort (an allocation failure) to put back: no panic hook
    // runs then.
    guard::remember();
    let mut terminal = match open_terminal() {
        Ok(terminal) => terminal,
        Err(e) => {
            let _ = ratatui::crossterm::terminal::disable_raw_mode();
            return Err(e);
        }
    };
    // The panic hook above only knows raw mode and the alternate screen; a board that panicked
    // with mouse capture on would leave the shell printing escape codes at every mouse move.
    let mouse = session.mouse;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_modes(mouse);
        hook(info);
    }));
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if mouse {
        let mut out = io::stdout();
        let _ = io::Write::write_all(&mut out, MOUSE_ON).and_then(|_| io::Write::flush(&mut out));
    }
    let result = event_loop(&mut terminal, &mut app, &mut session);
    leave_modes(mouse);
    ratatui::restore();
    result
}

/// Raw mode, the alternate screen, and ratatui's panic hook that restores both before the panic
/// message is printed; the screen buffers are as big as what is drawn (`layout::drawn_area`), not
/// as whatever size the terminal reports. A fixed viewport, because a full-screen one sizes its
/// buffers from the reported size before the first frame.
fn open_terminal() -> io::Result<Tui> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    let viewport = ratatui::Viewport::Fixed(crate::layout::drawn_area(width, height));
    // What `ratatui::init` does, with our own writer: restore the terminal before a panic's
    // message, then raw mode and the alternate screen.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    let backend = ratatui::backend::CrosstermBackend::new(synced::Synced::new(io::stdout()));
    ratatui::Terminal::with_options(backend, ratatui::TerminalOptions { viewport })
}

/// The terminal changed size: draw on the new size, within the cap.
fn resized(terminal: &mut Tui, app: &mut App, width: u16, height: u16) -> io::Result<()> {
    app.resize(width, height);
    // A resize may leave stale cells on some terminals: repaint everything. Not with
    // `terminal.clear()`, which asks the terminal where its cursor is (a query that times out
    // over some SSH links and multiplexers and would end the board).
    terminal.resize(crate::layout::drawn_area(width, height))
}

/// Clicks and the wheel (mode 1000) in the SGR encoding (1006; 1015 for older rxvt). Not
/// crossterm's `EnableMouseCapture`: its any-motion mode (1003) sends an event for every mouse
/// move, which over SSH is traffic and a wake-up each time for nothing the board uses.
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1015h\x1b[?1006h";

/// Turns off what `run` turned on besides raw mode and the alternate screen.
fn leave_modes(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
}

fn event_loop(terminal: &mut Tui, app: &mut App, session: &mut Session) -> io::Result<()> {
    let mut events = Events::start();
    let watched: Vec<std::path::PathBuf> = match &session.city {
        Some(city) => city
            .members
            .iter()
            .map(|m| m.store.path().to_path_buf())
            .collect(),
        None => vec![session.store.path().to_path_buf()],
    };
    for (index, path) in watched.iter().enumerate() {
        if let Err(e) = events.watch(path, index) {
            app.error(format!("{}: {e}", app.lang().strings().live_refresh_off));
        }
    }
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    terminal.draw(|f| crate::ui::draw(app, f))?;
    if session.load_history {
        load_history(session, &events);
    }
    let mut state = LoopState {
        seen: reload::newest_entry(&session.store),
        ..LoopState::default()
    };
    let mut shown: Option<(u64, Instant)> = None;
    let first_effect = std::mem::replace(&mut session.first_effect, Effect::None);
    if carry_out(first_effect, app, session, &mut state, &events) == Flow::Quit {
        return Ok(());
    }
    loop {
        // Idle, the loop blocks; while a save runs it wakes now and then to say whose lock the
        // save waits for; while a message is shown it wakes once, to take it away.
        let expiry = message_expiry(app, &mut shown);
        let first = if state.saving.is_some() {
            match events.rx.recv_timeout(save::WAIT_CHECK) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => {
                    let member = state.saving.as_ref().and_then(|s| s.member);
                    save::show_wait(app, saving_store(session, member));
                    terminal.draw(|f| crate::ui::draw(app, f))?;
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else if let Some((serial, at)) = expiry {
            match events
                .rx
                .recv_timeout(at.saturating_duration_since(Instant::now()))
            {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => {
                    app.expire_message(serial);
                    terminal.draw(|f| crate::ui::draw(app, f))?;
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match events.rx.recv() {
                Ok(event) => event,
                Err(_) => break,
            }
        };
        // Handle everything already queued before drawing, so a burst of keys over a slow link
        // costs one frame, not one per key.
        let mut next = Some(first);
        while let Some(event) = next {
            if handle(event, terminal, app, session, &mut state, &events)? == Flow::Quit {
                finish_save(&events, app, session, &mut state);
                return Ok(());
            }
            next = events.rx.try_recv().ok();
        }
        // Another's change is in the file's history too: the changes view and a task's record
        // show it once that is read again.
        if app.take_history_refresh() {
            load_history(session, &events);
        }
        terminal.draw(|f| crate::ui::draw(app, f))?;
    }
    Ok(())
}

/// How long a message keeps the footer before its keys come back (an error a little longer).
const MESSAGE_SHOWN: Duration = Duration::from_secs(5);
const ERROR_SHOWN: Duration = Duration::from_secs(10);

/// The message on screen and when it is to go, timed from when the loop first sees it; `None`
/// while there is none, so an idle board without a message still never wakes.
fn message_expiry(app: &App, shown: &mut Option<(u64, Instant)>) -> Option<(u64, Instant)> {
    let message = app.message()?;
    let serial = app.message_serial();
    if shown.is_none_or(|(s, _)| s != serial) {
        let stay = if message.is_error {
            ERROR_SHOWN
        } else {
            MESSAGE_SHOWN
        };
        *shown = Some((serial, Instant::now() + stay));
    }
    *shown
}

/// What the loop keeps between events: the save under way, and a reload put off until it ends
/// (the file changing under a running save is, most likely, that save).
#[derive(Default)]
struct LoopState {
    saving: Option<Saving>,
    reload_after_save: bool,
    /// Which files changed during that save.
    changed_meanwhile: Vec<usize>,
    /// The newest history entry this board knows of (read at the start, made by our saves,
    /// taken in by reloads): the entries after it are a colleague's news.
    seen: Option<crate::model::HistoryEntry>,
}

/// Ending (a hang-up, a signal) while a save runs: wait for its outcome, so the change is either
/// made and acknowledged or not made; never half-told.
fn finish_save(events: &Events, app: &mut App, session: &mut Session, state: &mut LoopState) {
    let deadline = std::time::Instant::now() + session.store.lock_timeout + Duration::from_secs(5);
    while state.saving.is_some() {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.rx.recv_timeout(left) {
            Ok(Event::Saved(outcome)) => saved(app, session, state, *outcome),
            Ok(_) => {}
            Err(_) => return,
        }
    }
}

fn saved(app: &mut App, session: &mut Session, state: &mut LoopState, outcome: save::Outcome) {
    let Some(Saving { op, kind, member }) = state.saving.take() else {
        return;
    };
    let result = match (member, session.city.as_mut()) {
        (Some(index), Some(city)) => outcome.and_then(|applied| city.saved(index, applied)),
        _ => outcome.map(|applied| {
            session.stamp = applied.stamp;
            if let Some(last) = applied.entries.last() {
                state.seen = Some(last.clone());
            }
            (applied.board, applied.entries)
        }),
    };
    app.on_applied(op, kind, result);
    if std::mem::take(&mut state.reload_after_save) {
        for index in std::mem::take(&mut state.changed_meanwhile) {
            reload::reload(app, session, &mut state.seen, index);
        }
    }
}

#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

fn handle(
    event: Event,
    terminal: &mut Tui,
    app: &mut App,
    session: &mut Session,
    state: &mut LoopState,
    events: &Events,
) -> io::Result<Flow> {
    let effect = match event {
        Event::Terminal(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => {
            app.on_key(&key)
        }
        Event::WindowChanged => {
            let size = terminal.size()?;
            resized(terminal, app, size.width, size.height)?;
            Effect::None
        }
        Event::Terminal(TermEvent::Resize(w, h)) => {
            resized(terminal, app, w, h)?;
            Effect::None
        }
        Event::Terminal(TermEvent::Mouse(mouse)) => app.on_mouse(&mouse),
        Event::Terminal(TermEvent::Paste(text)) => {
            app.on_paste(&text);
            Effect::None
        }
        Event::Terminal(_) => Effect::None,
        Event::FileChanged(index) if state.saving.is_some() => {
            state.reload_after_save = true;
            if !state.changed_meanwhile.contains(&index) {
                state.changed_meanwhile.push(index);
            }
            Effect::None
        }
        Event::FileChanged(index) => {
            reload::reload(app, session, &mut state.seen, index);
            Effect::None
        }
        Event::Saved(outcome) => {
            saved(app, session, state, *outcome);
            Effect::None
        }
        Event::HistoryLoaded(read) => {
            app.on_history_loaded(read.map_err(|e| e.to_string()));
            Effect::None
        }
        Event::Hangup | Event::InputClosed => Effect::Quit,
    };
    Ok(carry_out(effect, app, session, state, events))
}

/// Does what an `update` asked for: quit, save a change (on the save thread), export.
fn carry_out(
    effect: Effect,
    app: &mut App,
    session: &mut Session,
    state: &mut LoopState,
    events: &Events,
) -> Flow {
    match effect {
        Effect::Quit => return Flow::Quit,
        // The app starts no change while one is saved; should one come, it waits its turn.
        Effect::Apply { op, kind } => {
            finish_save(events, app, session, state);
            let saving = match &session.city {
                None => save::start(
                    &session.store,
                    &session.user,
                    &session.cache,
                    op,
                    kind,
                    events.sender(),
                ),
                // A city view's change goes to its task's board, in that board's numbers.
                Some(city) => match city.route(&op, app.city_board_shown()) {
                    Ok((index, _)) if let Some(problem) = city.refusal(index) => {
                        let text = format!("{}: {problem}", app.lang().strings().file_invalid);
                        app.refuse_save(text);
                        return Flow::Continue;
                    }
                    Ok((index, own)) => {
                        let member = &city.members[index];
                        let mut saving = save::start(
                            &member.store,
                            &session.user,
                            &member.cache,
                            own,
                            kind,
                            events.sender(),
                        );
                        saving.op = op;
                        saving.member = Some(index);
                        saving
                    }
                    Err(why) => {
                        app.on_unroutable(&why);
                        return Flow::Continue;
                    }
                },
            };
            state.saving = Some(saving);
            app.on_save_started();
        }
        Effect::Export => match (&session.city, app.city_board_shown()) {
            (None, _) => {
                let result = export::export(app, session);
                app.on_exported(result);
            }
            // A city view exports the board it shows, as that board alone would: its own numbers,
            // unit names and folder. Every board at once is `report --dir`.
            (Some(city), Some(index)) => {
                let member = &city.members[index];
                let unit =
                    app.filter().unit.as_ref().map(|(unit, _)| {
                        crate::model::city::own_unit(&member.name, unit).to_string()
                    });
                let view = crate::model::city::Member {
                    name: &member.name,
                    board: &member.board,
                };
                let own = crate::model::city::own_board(app.board(), index, view);
                let result = export::export_board(
                    &own,
                    &member.store,
                    app.today(),
                    unit,
                    Some(&member.name),
                );
                app.on_exported(result);
            }
            (Some(_), None) => app.on_city_export_without_board(),
        },
        Effect::None => {}
    }
    Flow::Continue
}

/// Reads the history (every board's, in a city view) after the first frame.
fn load_history(session: &Session, events: &Events) {
    match &session.city {
        Some(city) => city.load_history_in_background(events.sender()),
        None => history::load_in_background(&session.store, events.sender()),
    }
}

/// The store a save writes to: the board's, or in a city view its member's.
fn saving_store(session: &Session, member: Option<usize>) -> &Store {
    match (&session.city, member) {
        (Some(city), Some(index)) => &city.members[index].store,
        _ => &session.store,
    }
}
