//! The changes view (`4`, drawn by `ui::changes`): what `ftz-board changes` lists — status moves,
//! completions on time or late, tasks that became overdue, notes and decisions, field edits, added
//! and deleted tasks, each with who and when — grouped by task, from the last meeting before the
//! date in use to that date. `S` picks another start (`dialog/changes_start.rs`).
//!
//! The window is worked out when something it depends on changes (the date in use, the board, the
//! history, the filter, the start), never while drawing: over a long history it is the dearest
//! thing the board computes.

use chrono::{Days, NaiveDate};

use super::Detail;
use crate::action::Action;
use crate::app::dialog::StartDialog;
use crate::app::hints::{Hint, HintSource};
use crate::app::{App, Dialog, Effect, Mode, View};
use crate::i18n::SinceReason;
use crate::model::changes::ChangeItem;
use crate::model::{Board, TaskId};

/// Where the window starts, as the user asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    /// The last meeting recorded before the date in use (the default: "since last time").
    #[default]
    LastMeeting,
    Date(NaiveDate),
}

/// One line of the list: a task's heading, or one of its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The group of `task` (`None`: board-wide items, such as meetings): `items[first..first +
    /// count]`.
    Task {
        task: Option<TaskId>,
        first: usize,
        count: usize,
    },
    Item(usize),
}

/// The window worked out: its dates, why it starts there, and what happened in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub reason: SinceReason,
    pub since: NaiveDate,
    pub until: NaiveDate,
    /// Grouped by task (board-wide first, then by number), each group oldest first.
    pub items: Vec<ChangeItem>,
    pub rows: Vec<Row>,
    /// The record is incomplete up to this day (a version 1 file's entries) and the window
    /// reaches back to it: what is listed may miss changes, and the view says so.
    pub incomplete_until: Option<NaiveDate>,
}

impl Window {
    /// The task a row belongs to.
    pub fn task_of(&self, row: usize) -> Option<TaskId> {
        match self.rows.get(row)? {
            Row::Task { task, .. } => *task,
            Row::Item(i) => self.items.get(*i)?.task,
        }
    }
}

#[derive(Debug, Default)]
pub struct ChangesView {
    start: Start,
    /// None until worked out (and while the history is still being read).
    window: Option<Window>,
    /// The row the cursor is on, and the first row shown.
    cursor: usize,
    scroll: usize,
}

impl ChangesView {
    pub fn start(&self) -> Start {
        self.start
    }

    pub fn window(&self) -> Option<&Window> {
        self.window.as_ref()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The task under the cursor (moves, notes and edits go to it).
    pub fn selected_task(&self) -> Option<TaskId> {
        self.window.as_ref()?.task_of(self.cursor)
    }

    /// The view's keys; None for an action the board's general handling takes (help, search,
    /// switching views, changes to the selected task, …).
    pub(crate) fn handle(&mut self, app: &mut App, action: Action) -> Option<Effect> {
        let page = rows_visible(app);
        let rows = self.window.as_ref().map_or(0, |w| w.rows.len());
        let last = rows.saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(page.max(1)),
            Action::PageDown => self.cursor = (self.cursor + page.max(1)).min(last),
            Action::First => self.cursor = 0,
            Action::Last => self.cursor = last,
            Action::Left => self.cursor = self.heading_before(self.cursor),
            Action::Right => self.cursor = self.heading_after(self.cursor).unwrap_or(self.cursor),
            Action::OpenDetail => {
                match self.selected_task() {
                    Some(id) if app.board.task(id).is_some() => {
                        app.push(Mode::Detail(Detail::new(id)));
                    }
                    Some(_) => {
                        let text = app.lang.changes_labels().task_gone;
                        app.info(text.to_string());
                    }
                    None => {}
                }
                return Some(Effect::None);
            }
            Action::PickChangesStart => {
                app.open_changes_start(self);
                return Some(Effect::None);
            }
            _ => return None,
        }
        self.scroll_into_view(page);
        Some(Effect::None)
    }

    /// The heading of the task group above the cursor's (or of its own group, from an item).
    fn heading_before(&self, from: usize) -> usize {
        let Some(window) = &self.window else { return 0 };
        let own = (0..=from.min(window.rows.len().saturating_sub(1)))
            .rev()
            .find(|&r| matches!(window.rows[r], Row::Task { .. }))
            .unwrap_or(0);
        if own < from {
            return own;
        }
        (0..own)
            .rev()
            .find(|&r| matches!(window.rows[r], Row::Task { .. }))
            .unwrap_or(own)
    }

    fn heading_after(&self, from: usize) -> Option<usize> {
        let window = self.window.as_ref()?;
        (from + 1..window.rows.len()).find(|&r| matches!(window.rows[r], Row::Task { .. }))
    }

    fn scroll_into_view(&mut self, page: usize) {
        let page = page.max(1);
        if self.cursor < self.scroll {
            self.scroll = self.cursor;
        } else if self.cursor >= self.scroll + page {
            self.scroll = self.cursor + 1 - page;
        }
    }

    /// The footer in the changes view.
    pub fn hints(&self, keys: &HintSource) -> Vec<Hint> {
        let s = keys.strings();
        let labels = keys.changes_labels();
        keys.collect(vec![
            (keys.key(Action::PickChangesStart), labels.key_start),
            (keys.key(Action::OpenDetail), labels.key_open),
            (keys.pair(Action::Down, Action::Up), s.key_scroll),
            (keys.pair(Action::Right, Action::Left), labels.key_task),
            (
                keys.pair(Action::PreviousMeeting, Action::NextMeeting),
                keys.describe(Action::PreviousMeeting),
            ),
            (keys.key(Action::NextView), keys.describe(Action::NextView)),
            (
                keys.key(Action::ToggleHelp),
                keys.describe(Action::ToggleHelp),
            ),
            (keys.key(Action::Quit), keys.describe(Action::Quit)),
        ])
    }
}

/// List rows that fit in the body: less the borders and the line saying what the window is.
fn rows_visible(app: &App) -> usize {
    usize::from(app.body().height.saturating_sub(3))
}

impl App {
    /// The changes view's state, for drawing.
    pub fn changes_view(&self) -> &ChangesView {
        &self.changes
    }

    /// Hands an action to the changes view while it is shown. The view is taken out of the app
    /// while it works (it may open a mode on the app) and put back.
    pub(super) fn on_changes_action(&mut self, action: Action) -> Option<Effect> {
        let mut view = std::mem::take(&mut self.changes);
        let effect = view.handle(self, action);
        self.changes = view;
        effect
    }

    /// `S`: the start dialog, on the recorded meetings up to the date in use.
    fn open_changes_start(&mut self, view: &ChangesView) {
        let until = self.today;
        let meetings: Vec<NaiveDate> = self
            .meeting_dates()
            .into_iter()
            .filter(|d| *d <= until)
            .collect();
        let since = view.window.as_ref().map(|w| w.since);
        let dialog = StartDialog::new(self.lang, since, meetings, until);
        self.push(Mode::Dialog(Box::new(Dialog::ChangesStart(dialog))));
    }

    /// The start dialog's Enter: the window starts there from now on.
    pub(in crate::app) fn set_changes_start(&mut self, start: Start) {
        self.changes.start = start;
        self.changes.cursor = 0;
        self.changes.scroll = 0;
        self.refresh_changes();
    }

    /// Works the window out again (the view is shown) or forgets it (it is not: worked out when
    /// next shown). Called whenever the date, board, history or filter changes.
    pub(in crate::app) fn refresh_changes(&mut self) {
        if self.view != View::Changes || self.history_pending {
            self.changes.window = None;
            return;
        }
        let until = self.today;
        let (reason, since) = match self.changes.start {
            Start::Date(date) => (SinceReason::Chosen, date),
            Start::LastMeeting => self.default_since(until),
        };
        let (filter, today) = (&self.filter, self.today);
        let keep = |board: &Board, id: TaskId| {
            filter.is_empty()
                || board
                    .task(id)
                    .is_some_and(|t| filter.matches(board, t, today))
        };
        let mut items = if since <= until {
            crate::model::changes::changes(self.live_board(), &self.history, since, until, keep)
                .changes
        } else {
            Vec::new()
        };
        // Stable: each task's items stay oldest first.
        items.sort_by_key(|item| item.task);
        let rows = rows_of(&items);
        let incomplete_until = self.history.incomplete_until().filter(|d| since <= *d);
        let window = Window {
            reason,
            since,
            until,
            items,
            rows,
            incomplete_until,
        };
        let view = &mut self.changes;
        // The cursor stays with its task: on the same row when that is still the task's, else
        // on the task's heading; at the top when the task is no longer listed.
        let task = view.selected_task();
        view.cursor = if view.window.is_some() && window.task_of(view.cursor) == task {
            view.cursor
        } else {
            window
                .rows
                .iter()
                .position(|r| matches!(r, Row::Task { task: t, .. } if *t == task))
                .unwrap_or(0)
        };
        view.window = Some(window);
        let page = rows_visible(self);
        self.changes.scroll = self.changes.scroll.min(self.changes.cursor);
        self.changes.scroll_into_view(page);
    }

    /// Since the last meeting before `until`; with none, the last 7 days, or since the plan's
    /// date when the plan is younger than that.
    fn default_since(&self, until: NaiveDate) -> (SinceReason, NaiveDate) {
        if let Some(meeting) = self.meeting_dates().into_iter().rev().find(|d| *d < until) {
            return (SinceReason::LastMeeting, meeting);
        }
        let week = until.checked_sub_days(Days::new(6)).unwrap_or(until);
        let plan = self.board.plan.issued_on;
        if plan > week && plan <= until {
            (SinceReason::NoMeetingPlan, plan)
        } else {
            (SinceReason::NoMeetingWeek, week)
        }
    }
}

/// A heading for each task's group, then its items.
fn rows_of(items: &[ChangeItem]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(items.len() * 2);
    let mut first = 0;
    while first < items.len() {
        let task = items[first].task;
        let count = items[first..].iter().take_while(|i| i.task == task).count();
        rows.push(Row::Task { task, first, count });
        rows.extend((first..first + count).map(Row::Item));
        first += count;
    }
    rows
}
