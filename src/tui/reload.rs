//! A colleague changed a file: read it through the store and hand it to the app as a message,
//! with the history entries made since the last read (for the footer's "who changed what").

use super::{Session, city};
use crate::app::App;
use crate::store::Store;

/// How far back a reload looks for entries it has not seen: more than anyone makes between two
/// reloads (the footer names the first and counts the rest).
const RECENT_ENTRIES: usize = 500;

pub(super) fn newest_entry(store: &Store) -> Option<crate::model::HistoryEntry> {
    store.recent_history(1).ok()?.pop()
}

/// Someone changed the file: read it through the store and hand it to the app, unless it is the
/// version we have (our own save, or an event for nothing), with the history entries made since
/// the last load, so the footer can say who changed what.
pub(super) fn reload(
    app: &mut App,
    session: &mut Session,
    seen: &mut Option<crate::model::HistoryEntry>,
    index: usize,
) {
    if let Some(city) = session.city.as_mut() {
        match city.reload(index) {
            None => {}
            Some(city::Reload::Changed(read, news)) => {
                let good = read.is_ok();
                app.on_file_changed(*read, city.path(index));
                if good {
                    app.on_colleague_changes(news);
                }
            }
            // One board's broken file stops changes to that board only: the others keep saving.
            Some(city::Reload::Broken(problem)) => {
                app.error(format!("{}: {problem}", app.lang().strings().file_invalid))
            }
        }
        return;
    }
    let read = session.store.load();
    if let Ok(loaded) = &read {
        if loaded.stamp == session.stamp && app.file_problem().is_none() {
            return;
        }
        session.stamp = loaded.stamp;
    }
    let good = read.is_ok();
    app.on_file_changed(read.map(|loaded| loaded.board), session.store.path());
    if good {
        app.on_colleague_changes(news(&session.store, seen));
    }
}

/// The entries after `seen` (all those read when it is not among them), and `seen` moved on.
pub(super) fn news(
    store: &Store,
    seen: &mut Option<crate::model::HistoryEntry>,
) -> Vec<crate::model::HistoryEntry> {
    let Ok(mut recent) = store.recent_history(RECENT_ENTRIES) else {
        return Vec::new();
    };
    let start = seen
        .as_ref()
        .and_then(|s| recent.iter().rposition(|e| e == s))
        .map_or(0, |i| i + 1);
    if let Some(last) = recent.last() {
        *seen = Some(last.clone());
    }
    recent.split_off(start)
}
