//! The interactive board's state and its `update`: actions in, effects out. `update` never draws and
//! never touches the disk; the main loop carries out the [`Effect`] it returns.

mod access;
mod changes;
mod city;
mod dashboard;
mod detail_record;
mod dialog;
mod editor;
mod filter_form;
mod grouping;
mod header;
mod hints;
mod input;
mod looking_back;
/// The marks of sign-off, extensions and the reporting cycle on a task.
pub mod marks;
mod modes;
mod mouse;
mod navigation;
mod requests;
mod roles;
mod update;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

pub use dashboard::{
    Dashboard, MILESTONE_LINES, MilestoneGroup, MilestoneLine, SERIES_ROWS, Section,
};
use detail_record::DetailRecord;
pub use dialog::{
    CompleteForm, DecideDialog, Dialog, MilestoneDialog, MilestoneField, MilestoneForm, NoteDialog,
    Outcome, Problem, RequestDialog, RequestKind, StartDialog, TaskForm,
};
pub use editor::Editor;
pub use filter_form::{FilterForm, FilterRow};
pub use grouping::{Grouping, UnitRow};
pub use hints::{Hint, HintSource, all_dialog_keys, dialog_keys, joined};
pub use modes::{
    Approvals, ChangesRow, ChangesView, ChangesWindow, ConflictList, DashboardView, Detail, Help,
    Mode, Review, Start, StatusView, UnitView,
};
pub use navigation::{StatusCursor, UnitCursor};

use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::layout::{Bars, Density, Geometry, StatusLayout};
use crate::model::{Board, Filter, Operation, Status, TaskId};
use crate::theme::{Theme, ThemeName};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Status,
    Units,
    Dashboard,
    /// What changed since the last meeting (`modes/changes.rs`).
    Changes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Detail { id: TaskId, scroll: usize },
    Help { scroll: usize },
}

/// Why changes are refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// `--read-only` was given.
    Requested,
    /// The file (or its folder) is not writable for this user.
    NotWritable,
    /// `--today` set another date: the board is being looked at as of then. Changes would be
    /// stamped with the real date and mix the two, so none are made.
    LookingBack,
}

/// What the main loop must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    Quit,
    /// Apply this change to the file (under the lock) and hand the result to `App::on_applied`.
    Apply {
        op: Operation,
        kind: ChangeKind,
    },
    /// Write the progress report for this date next to the board file; report back with
    /// `App::on_exported`.
    Export,
}

/// Whether a change is new, an undo or a redo: decides which stack its inverse goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    New,
    Undo,
    Redo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

pub struct App {
    board: Board,
    /// The file path as shown in the footer.
    file_label: String,
    /// Who is making changes (shown in the note editor; recorded by the store).
    user: String,
    /// The real uid's login name, which a board with roles decides by (`roles.rs`).
    login: Option<String>,
    today: NaiveDate,
    lang: Lang,
    keymap: Keymap,
    theme: Theme,
    view: View,

    /// The modes open above the view (review, detail, help, dialogs), bottom first: the top one
    /// gets every action, a dialog every key.
    modes: Vec<Mode>,
    /// The dialog whose change is being saved: given back, text and all, if the save fails.
    submitted: Option<Dialog>,
    /// A change is being saved (off the UI thread): no other change starts until it is done.
    saving: bool,
    /// What the views show: search text and filter conditions. Empty shows everything.
    filter: Filter,
    /// The widest urgency words of the tasks shown, in cells: the unit view's column width.
    urgency_width: usize,
    grouping: Grouping,
    /// The four views, each with its own state (`modes/status_view.rs`, `unit_view.rs`,
    /// `dashboard_view.rs`, `changes.rs`): switching views keeps each one's place.
    status_view: StatusView,
    unit_view: UnitView,
    dashboard_view: DashboardView,
    changes: ChangesView,
    /// The terminal's size, kept from resize events so scrolling knows what fits.
    screen: Rect,
    /// The areas of that screen, worked out once per resize (and when the filter bar changes).
    geometry: Geometry,
    message: Option<Message>,
    /// Counts the messages set, so that the loop can time the one on screen (see
    /// `expire_message`) without the app reading a clock.
    message_serial: u64,
    read_only: Option<ReadOnly>,
    /// Set while the file on disk is invalid: we show the last good board and refuse to write.
    file_problem: Option<String>,
    /// Every change recorded, for the detail's record of a task.
    history: crate::model::History,
    /// The history is still being read (see `set_history_pending`).
    history_pending: bool,
    /// Where the open detail's task is in `history`: found when the detail opens or the history
    /// grows, not on every frame (the history holds every change ever made).
    detail_record: DetailRecord,
    undo: Vec<changes::Undoable>,
    redo: Vec<changes::Undoable>,
    /// The label of the undo or redo being applied, for its message.
    reverting: Option<String>,
    /// Set while the board is looked at as of an earlier date (see `looking_back.rs`).
    looking_back: Option<looking_back::LookingBack>,
    /// The dashboard's chart over time, walked from the history once (see `dashboard.rs`).
    progress: dashboard::ProgressCache,
    /// Someone else changed the file: their changes are in its history, which the main loop
    /// reads again (see `take_history_refresh`).
    history_stale: bool,
    /// In a city view, the open boards' names (`city.rs`); empty with one board.
    city: Vec<String>,
}

impl App {
    pub fn new(board: Board, file_label: String, today: NaiveDate, lang: Lang) -> App {
        let mut app = App {
            board,
            file_label,
            user: String::new(),
            login: None,
            today,
            lang,
            keymap: Keymap::default(),
            theme: Theme::new(ThemeName::Default, false),
            view: View::Status,
            modes: Vec::new(),
            submitted: None,
            saving: false,
            filter: Filter::default(),
            urgency_width: 0,
            grouping: Grouping::default(),
            status_view: StatusView::default(),
            unit_view: UnitView::default(),
            dashboard_view: DashboardView::default(),
            changes: ChangesView::default(),
            screen: Rect::new(0, 0, 80, 24),
            geometry: Geometry::new(Rect::new(0, 0, 80, 24), Bars::default()),
            message: None,
            message_serial: 0,
            read_only: None,
            file_problem: None,
            history: crate::model::History::default(),
            history_pending: false,
            detail_record: DetailRecord::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            reverting: None,
            looking_back: None,
            progress: dashboard::ProgressCache::default(),
            history_stale: false,
            city: Vec::new(),
        };
        app.regroup();
        app
    }

    /// Recomputes the cached groupings and keeps the cursors on the tasks they were on.
    fn regroup(&mut self) {
        // The filter (or the board's conflicts) may have come or gone, and with it its bar.
        self.geometry = Geometry::new(self.screen, self.bars());
        let selected_status = self.selected_in_status_view();
        let selected_unit = self.selected_in_unit_view();
        let (board, filter, today) = (&self.board, &self.filter, self.today);
        let unit = filter
            .unit
            .as_ref()
            .map(|(u, _)| board.canonical_unit(u).to_string());
        self.grouping = Grouping::compute(
            board,
            today,
            |task| filter.is_empty() || filter.matches(board, task, today),
            unit.as_deref(),
        );
        let board = &self.board;
        if let Some(review) = self.modes.iter_mut().find_map(|m| match m {
            Mode::Review(r) => Some(r),
            _ => None,
        }) {
            review.retain_existing(board);
        }
        let lang = self.lang;
        self.urgency_width = self
            .grouping
            .columns
            .iter()
            .flatten()
            .filter_map(|id| self.board.task(*id))
            .map(|t| crate::text::width(&lang.urgency_short(self.board.urgency(t, self.today))))
            .max()
            .unwrap_or(0);
        self.status_view.follow(&self.grouping, selected_status);
        self.unit_view.follow(&self.grouping, selected_unit);
        self.keep_cursors_in_view();
        self.refresh_dashboard();
        // What the changes view lists depends on the same things.
        self.refresh_changes();
    }

    fn keep_cursors_in_view(&mut self) {
        let geometry = self.geometry;
        self.status_view.relayout(&self.grouping, geometry.body);
        self.unit_view
            .scroll_into_view(&self.grouping, geometry.unit_rows_visible);
    }

    pub fn selected_in_status_view(&self) -> Option<TaskId> {
        self.status_view.cursor().selected(&self.grouping)
    }

    pub fn selected_in_unit_view(&self) -> Option<(TaskId, String)> {
        self.unit_view.selected(&self.grouping)
    }

    /// The task the current view points at.
    pub fn selected_task(&self) -> Option<TaskId> {
        if let Some(task) = self.task_of_modes() {
            return task;
        }
        match self.view {
            View::Status => self.selected_in_status_view(),
            View::Units => self.selected_in_unit_view().map(|(id, _)| id),
            View::Dashboard => None,
            View::Changes => self.changes.selected_task(),
        }
    }

    /// The terminal's size changed (or was first read). What is drawn is capped (see
    /// `layout::drawn_area`), so a terminal reporting 65535x65535 costs no more than a big one.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = crate::layout::drawn_area(width, height);
        self.geometry = Geometry::new(self.screen, self.bars());
        self.keep_cursors_in_view();
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Effect {
        if self.dialog().is_some() {
            let effect = self.on_dialog_key(key);
            return self.vet(effect);
        }
        match self.keymap.action_for(key) {
            Some(action) => self.update(action),
            None => Effect::None,
        }
    }

    /// A click or wheel turn (see `mouse.rs`).
    pub fn on_mouse(&mut self, event: &ratatui::crossterm::event::MouseEvent) -> Effect {
        mouse::on_mouse(self, event)
    }

    /// The body area (between header, filter bar and footer) of the current screen.
    pub fn body(&self) -> Rect {
        self.geometry.body
    }

    /// The bars shown above the body: the conflicts line, the filter bar.
    pub fn bars(&self) -> Bars {
        Bars {
            filter: self.filter.has_conditions(),
            conflicts: !self.board.conflicts.is_empty(),
        }
    }

    /// The areas of the current screen.
    pub fn geometry(&self) -> &Geometry {
        &self.geometry
    }

    /// Moves the cursor of the current view onto a task (after a change moved it).
    pub(super) fn follow_task(&mut self, id: TaskId) {
        match self.view {
            View::Status => self.status_view.follow(&self.grouping, Some(id)),
            View::Units => {
                let unit = self
                    .selected_in_unit_view()
                    .map(|(_, u)| u)
                    .unwrap_or_default();
                self.unit_view.follow(&self.grouping, Some((id, unit)));
            }
            View::Dashboard | View::Changes => {}
        }
        self.keep_cursors_in_view();
    }

    /// Replaces the board (after a save or when someone else changed the file), keeping selection
    /// and scroll position on the same tasks.
    pub fn set_board(&mut self, board: Board) {
        self.board = self.shown_board(board);
        self.close_details_without_task();
        self.regroup();
        self.sync_detail_record();
    }

    pub fn user_label(&self) -> &str {
        &self.user
    }

    pub fn info(&mut self, text: String) {
        self.message_serial += 1;
        self.message = Some(Message {
            text,
            is_error: false,
        });
    }

    pub fn error(&mut self, text: String) {
        self.message_serial += 1;
        self.message = Some(Message {
            text,
            is_error: true,
        });
    }

    /// Which message is on screen: a new one each time a message is set.
    pub fn message_serial(&self) -> u64 {
        self.message_serial
    }

    /// Message `serial` has been read long enough: the footer's keys come back. A newer message
    /// stays.
    pub fn expire_message(&mut self, serial: u64) {
        if serial == self.message_serial {
            self.message = None;
        }
    }

    /// Where the status view's columns and cards go in a body of this size, for the cards shown
    /// now (drawing and the cursor both ask here).
    pub fn status_layout_for(&self, body: Rect) -> StatusLayout {
        self.status_view.layout_for(&self.grouping, body)
    }

    /// The status view's layout on the current screen.
    pub fn status_layout(&self) -> &StatusLayout {
        self.status_view.layout()
    }

    pub fn density(&self) -> Density {
        self.status_view.density()
    }

    /// Tasks per status, for column headers.
    pub fn column_count(&self, status: Status) -> usize {
        self.grouping.columns[status.index()].len()
    }
}
