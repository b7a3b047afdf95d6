//! The benchmarked paths, shared by `benches/board.rs` (which times them) and
//! `tests/integration/bench_paths.rs` (which runs each once at a small size), so a bench cannot silently stop compiling or working.
//!
//! Lives in a folder so that cargo does not take it for a bench target of its own.

#![allow(dead_code)] // each includer uses a different part

pub mod writers;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use ftz_board::action::Action;
use ftz_board::app::App;
use ftz_board::i18n::Lang;
use ftz_board::model::{Board, Operation, Status};
use ftz_board::sample::generate_board;
use ftz_board::store::{Applied, Store, StoreError, to_text};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Board sizes measured: the plan itself, then generated boards.
pub const SIZES: [usize; 3] = [PLAN_SIZE, 1_000, 10_000];
pub const PLAN_SIZE: usize = 19;
pub const SEED: u64 = 42;
/// The screen of the key/frame figures.
pub const SCREEN: Rect = Rect::new(0, 0, 160, 48);

/// A fixed "today", so urgencies (and thus what is drawn) do not drift from day to day.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 1).unwrap()
}

/// The built-in plan for 19 tasks, a generated board for any other size.
pub fn board_of(size: usize) -> Board {
    if size == PLAN_SIZE {
        ftz_board::plan::builtin_plan().unwrap()
    } else {
        generate_board(size, SEED)
    }
}

pub fn file_path() -> PathBuf {
    PathBuf::from("board.ron")
}

/// The views a key can be handled and a frame drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewCase {
    Status,
    Units,
    Detail,
    Dashboard,
    /// Meeting review: one task a screen; a key goes to the next task.
    Review,
}

impl ViewCase {
    pub const ALL: [ViewCase; 5] = [
        ViewCase::Status,
        ViewCase::Units,
        ViewCase::Detail,
        ViewCase::Dashboard,
        ViewCase::Review,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ViewCase::Status => "status",
            ViewCase::Units => "units",
            ViewCase::Detail => "detail",
            ViewCase::Dashboard => "dashboard",
            ViewCase::Review => "review",
        }
    }
}

/// An app as the board would have it after start-up, showing `view`.
pub fn app_in(board: Board, view: ViewCase) -> App {
    let mut app = App::new(board, "board.ron".into(), today(), Lang::Zh);
    app.resize(SCREEN.width, SCREEN.height);
    let action = match view {
        ViewCase::Status => None,
        ViewCase::Units => Some(Action::ShowUnitView),
        ViewCase::Detail => Some(Action::OpenDetail),
        ViewCase::Dashboard => Some(Action::ShowDashboard),
        ViewCase::Review => Some(Action::Review),
    };
    if let Some(action) = action {
        app.update(action);
    }
    app
}

/// One navigation key handled and one frame drawn into a reused buffer, as the terminal loop does.
/// Alternating down and up keeps the cursor (or the detail's scroll) moving without running off.
pub fn key_and_frame(app: &mut App, down: bool, buf: &mut Buffer) {
    app.update(if down { Action::Down } else { Action::Up });
    buf.reset();
    ftz_board::ui::render(app, SCREEN, buf);
}

/// Start-up as far as the first frame: parse the file's text, build the app, draw.
pub fn first_frame(text: &str, buf: &mut Buffer) -> App {
    let board = ftz_board::store::parse(text, &file_path()).unwrap();
    let app = app_in(board, ViewCase::Status);
    buf.reset();
    ftz_board::ui::render(&app, SCREEN, buf);
    app
}

/// A board file in a temporary folder and a change to make to it. Each `apply_one` makes the change
/// under the lock (read, apply, write, backup) and queues its inverse, so the file stays the same
/// size apart from its growing history.
pub struct SaveFixture {
    _dir: Option<tempfile::TempDir>,
    pub store: Store,
    next: Operation,
    /// The status the task is moved back to by the next change.
    other: Status,
    pub now: DateTime<FixedOffset>,
}

impl SaveFixture {
    pub fn new(board: &Board) -> SaveFixture {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        std::fs::write(&path, to_text(board)).unwrap();
        let mut fixture = SaveFixture::on(Store::new(&path), board);
        fixture._dir = Some(dir);
        fixture
    }

    /// Changes to the board of `store` (which is `board`), moving its middle task back and forth.
    pub fn on(store: Store, board: &Board) -> SaveFixture {
        let task = &board.tasks[board.tasks.len() / 2];
        let to = if task.status == Status::InProgress {
            Status::Blocked
        } else {
            Status::InProgress
        };
        let now: DateTime<FixedOffset> = "2025-11-01T10:00:00+08:00".parse().unwrap();
        SaveFixture {
            _dir: None,
            store,
            next: Operation::SetStatus { id: task.id, to },
            other: task.status,
            now,
        }
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn apply_one(&mut self) -> Result<Applied, StoreError> {
        let applied = self
            .store
            .apply_at(&self.next, "bench", Some(self.now.to_utc()))?;
        // Later changes later: a history stays in time order, as real saves leave it.
        self.now += chrono::TimeDelta::seconds(1);
        if let Operation::SetStatus { id, to } = self.next {
            self.next = Operation::SetStatus { id, to: self.other };
            self.other = to;
        }
        Ok(applied)
    }
}

/// A sample board of `tasks` tasks and `entries` history entries, written in a temporary folder
/// as `ftz-board sample` writes it.
pub struct ScaleCase {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl ScaleCase {
    pub fn new(tasks: usize, entries: usize) -> ScaleCase {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.ron");
        let sample = ftz_board::sample::generate_with_history(tasks, entries, SEED);
        Store::new(&path)
            .create_with_history(&sample.board, &sample.history)
            .unwrap();
        ScaleCase { _dir: dir, path }
    }

    pub fn store(&self) -> Store {
        Store::new(&self.path)
    }

    /// The shell's writer (`ftz-board status`): it reads only what the change touches.
    pub fn writer(&self) -> SaveFixture {
        let board = self.store().load().unwrap().board;
        let history = self.store().load_history().unwrap();
        let mut fixture = SaveFixture::on(self.store(), &board);
        fixture.store.partial_reads = true;
        if let Some(last) = history.entries().last() {
            fixture.now = last.at + chrono::TimeDelta::hours(1);
        }
        fixture
    }
}

/// Start-up as far as the first frame from the file: load (no history), build the app, draw.
pub fn first_frame_from(store: Store, buf: &mut Buffer) -> App {
    let board = store.load().unwrap().board;
    let app = app_in(board, ViewCase::Status);
    buf.reset();
    ftz_board::ui::render(&app, SCREEN, buf);
    app
}
