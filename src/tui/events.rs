//! Everything the board waits for, merged into one channel so the main loop can block on it:
//! idle, the board uses no CPU (no tick, no polling).

use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use ratatui::crossterm::event::{self, Event as TermEvent};

/// A save is a create, a write and a rename; waiting this long after the last of them turns it into
/// one reload, and keeps the redraw well within the second users expect.
const DEBOUNCE: Duration = Duration::from_millis(60);

pub enum Event {
    Terminal(TermEvent),
    /// The board file was replaced or changed on disk (by anyone, ourselves included).
    FileChanged,
    /// SIGHUP (the SSH connection dropped), SIGTERM or SIGINT from outside: end cleanly.
    Hangup,
    /// The terminal stopped delivering input (it is gone).
    InputClosed,
}

pub struct Events {
    pub rx: Receiver<Event>,
    tx: Sender<Event>,
    /// Dropping the debouncer stops the watch; kept alive here.
    _watcher: Option<Debouncer<notify::RecommendedWatcher>>,
}

impl Events {
    pub fn start() -> Events {
        let (tx, rx) = channel();
        spawn_input(tx.clone());
        spawn_signals(tx.clone());
        Events {
            rx,
            tx,
            _watcher: None,
        }
    }

    /// Watches the board file's folder (the file itself is replaced by each save, which would end a
    /// watch on it). Returns an error message when watching is not possible; the board then works
    /// without live refresh.
    pub fn watch(&mut self, board: &Path) -> Result<(), String> {
        let folder = crate::store::folder_of(board);
        // The watch is on one folder, not recursive, so the file name alone identifies the board;
        // comparing whole paths would miss events when the folder is reached through a symlink
        // or a relative path that the watcher spells differently.
        let name: OsString = board.file_name().unwrap_or_default().to_os_string();
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        let tx = self.tx.clone();
        let mut debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
            let ours = match result {
                Ok(events) => events.iter().any(|e| e.path.file_name() == Some(&name)),
                // The watcher lost track (e.g. its queue overflowed): the file may have changed.
                // A reload of an unchanged file is recognised by its stamp and costs one read.
                Err(_) => true,
            };
            if ours {
                let _ = tx.send(Event::FileChanged);
            }
        })
        .map_err(|e| e.to_string())?;
        debouncer
            .watcher()
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|e| e.to_string())?;
        self._watcher = Some(debouncer);
        Ok(())
    }
}

fn spawn_input(tx: Sender<Event>) {
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Event::Terminal(ev)).is_err() {
                        break;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Event::InputClosed);
                    break;
                }
            }
        }
    });
}

fn spawn_signals(tx: Sender<Event>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // In raw mode Ctrl-C arrives as a key; SIGINT only comes from `kill -INT`, and should restore
    // the terminal like the others rather than kill the board mid-screen.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Event::Hangup);
        }
    });
}
