//! Saving off the UI thread: the change is applied (the lock waited for, the journal and the file
//! written) by a thread of its own, which reports back through the event channel. Meanwhile keys
//! are read and the screen drawn, and a wait for a colleague's lock says whose it is.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::events::Event;
use crate::app::{App, ChangeKind};
use crate::model::Operation;
use crate::store::{Applied, ReadCache, Store, StoreError};

/// How often a running save checks whether it waits for someone's lock (and who that is).
pub const WAIT_CHECK: Duration = Duration::from_millis(200);

/// The save under way.
pub struct Saving {
    /// The change as the app made it (in a city view, before it was given to its board).
    pub op: Operation,
    pub kind: ChangeKind,
    /// In a city view, the board it goes to.
    pub member: Option<usize>,
}

/// What a save thread sends back.
pub type Outcome = Result<Applied, StoreError>;

/// Starts applying `op` as `user`; the outcome arrives as `Event::Saved`.
pub fn start(
    store: &Store,
    user: &str,
    cache: &Arc<Mutex<ReadCache>>,
    op: Operation,
    kind: ChangeKind,
    tx: Sender<Event>,
) -> Saving {
    let (store, user, job) = (store.clone(), user.to_string(), op.clone());
    let cache = Arc::clone(cache);
    std::thread::spawn(move || {
        // A poisoned cache (a save thread that panicked) is only a cache: start it afresh.
        let mut cache = cache.lock().unwrap_or_else(|poisoned| {
            let mut cache = poisoned.into_inner();
            cache.clear();
            cache
        });
        let outcome = store.apply_cached(&job, &user, &mut cache);
        let _ = tx.send(Event::Saved(Box::new(outcome)));
    });
    Saving {
        op,
        kind,
        member: None,
    }
}

/// A save still running after [`WAIT_CHECK`] is waiting for the lock: tell the user whose it is,
/// from the note its holder left in the lock file (our own note, once we have it, is not news).
pub fn show_wait(app: &mut App, store: &Store) {
    if let Some((name, pid)) = crate::store::lock_holder(&store.real_path())
        && pid != Some(std::process::id())
    {
        app.on_lock_wait(&name);
    }
}
