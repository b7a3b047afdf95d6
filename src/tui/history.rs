//! The history is read after the first frame, on a thread of its own: it holds every change ever
//! made and can be many times the size of the board, and nothing on the first screen needs it.

use std::sync::mpsc::Sender;

use super::events::Event;
use crate::store::Store;

/// Reads the history; it arrives as `Event::HistoryLoaded`.
pub fn load_in_background(store: &Store, tx: Sender<Event>) {
    let store = store.clone();
    std::thread::spawn(move || {
        let _ = tx.send(Event::HistoryLoaded(store.load_history()));
    });
}
