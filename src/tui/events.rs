//! Everything the board waits for, merged into one channel so the main loop can block on it:
//! idle, the board uses no CPU (no tick, no polling).

use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use ratatui::crossterm::event::{self, Event as TermEvent};

/// A save is a create, a write and a rename (and a hard link for the backup); once the folder has
/// been quiet this long they count as one change and cost one reload.
const QUIET: Duration = Duration::from_millis(60);
/// Someone writing continuously still gets shown within a fraction of the second users expect.
const MAX_WAIT: Duration = Duration::from_millis(250);

pub enum Event {
    Terminal(TermEvent),
    /// A board file was replaced or changed on disk (by anyone, ourselves included): which of
    /// the open files (0 with one board; a city view watches each of its files).
    FileChanged(usize),
    /// SIGHUP (the SSH connection dropped), SIGTERM or SIGINT from outside: end cleanly.
    Hangup,
    /// The terminal stopped delivering input (it is gone).
    InputClosed,
    /// A save started by the loop has ended (see `save.rs`).
    Saved(Box<super::save::Outcome>),
    /// The history, read in the background after the first frame (see `history.rs`).
    HistoryLoaded(Result<crate::model::History, crate::store::StoreError>),
    /// SIGWINCH: the window changed size. crossterm reports resizes too, but only once its input
    /// thread has started reading; this handler is in place before the first frame, so a resize
    /// right after start-up is never missed.
    WindowChanged,
}

pub struct Events {
    pub rx: Receiver<Event>,
    tx: Sender<Event>,
    /// Dropping a watcher stops its watch; kept alive here, one a board file.
    _watchers: Vec<RecommendedWatcher>,
}

impl Events {
    pub fn start() -> Events {
        let (tx, rx) = channel();
        spawn_input(tx.clone());
        spawn_signals(tx.clone());
        Events {
            rx,
            tx,
            _watchers: Vec::new(),
        }
    }

    /// For threads that report back into the loop.
    pub fn sender(&self) -> Sender<Event> {
        self.tx.clone()
    }

    /// Watches the board file's folder (the file itself is replaced by each save, which would end a
    /// watch on it). Returns an error message when watching is not possible; the board then works
    /// without live refresh. `index` names the file in the `FileChanged` events.
    pub fn watch(&mut self, board: &Path, index: usize) -> Result<(), String> {
        // A board opened through a symbolic link is saved where the link points (see
        // `Store::real_path`), so that folder is where its changes appear.
        let board = match std::fs::symlink_metadata(board) {
            Ok(meta) if meta.file_type().is_symlink() => {
                std::fs::canonicalize(board).unwrap_or_else(|_| board.to_path_buf())
            }
            _ => board.to_path_buf(),
        };
        let folder = crate::store::folder_of(&board);
        // The watch is on one folder, not recursive, so the file name alone identifies the board;
        // comparing whole paths would miss events when the folder is reached through a symlink
        // or a relative path that the watcher spells differently.
        let name: OsString = board.file_name().unwrap_or_default().to_os_string();
        // A change lands in the journal (and, when folded, in the board file and the history).
        let journal = crate::store::journal_path(&board)
            .file_name()
            .unwrap_or_default()
            .to_os_string();
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        let (raw_tx, raw_rx) = channel::<()>();
        let mut watcher =
            notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
                let relevant = match result {
                    Ok(event) => {
                        changes_content(&event.kind)
                            && event.paths.iter().any(|p| {
                                p.file_name() == Some(&name) || p.file_name() == Some(&journal)
                            })
                    }
                    // The watcher lost track (e.g. its queue overflowed): the file may have changed.
                    // A reload of an unchanged file is recognised by its stamp and costs one read.
                    Err(_) => true,
                };
                if relevant {
                    let _ = raw_tx.send(());
                }
            })
            .map_err(|e| e.to_string())?;
        watcher
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|e| e.to_string())?;
        spawn_debounce(raw_rx, self.tx.clone(), index);
        self._watchers.push(watcher);
        Ok(())
    }
}

/// Whether an event can mean new content. Opening and reading are left out: the board reads the
/// file on every reload, and counting its own reads would make it reload for ever (an idle board
/// re-reading the file fourteen times a second), as would every colleague's `ftz-board list`.
/// A close after writing stays: it ends an in-place write by an editor.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Turns bursts of raw events into one `FileChanged`: sent when the folder has been quiet for
/// [`QUIET`], or [`MAX_WAIT`] after the first event of a burst at the latest.
fn spawn_debounce(raw: Receiver<()>, tx: Sender<Event>, index: usize) {
    std::thread::spawn(move || {
        while raw.recv().is_ok() {
            let first = Instant::now();
            loop {
                let left = MAX_WAIT.saturating_sub(first.elapsed());
                match raw.recv_timeout(QUIET.min(left)) {
                    Ok(()) if !left.is_zero() => continue,
                    Ok(()) | Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if tx.send(Event::FileChanged(index)).is_err() {
                return;
            }
        }
    });
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
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
    // In raw mode Ctrl-C arrives as a key; SIGINT only comes from `kill -INT`, and should restore
    // the terminal like the others rather than kill the board mid-screen.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGWINCH])
    else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let event = if signal == SIGWINCH {
                Event::WindowChanged
            } else {
                Event::Hangup
            };
            let last = matches!(event, Event::Hangup);
            if tx.send(event).is_err() || last {
                break;
            }
        }
    });
}
