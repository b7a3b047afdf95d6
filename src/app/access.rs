//! Read-only views of the app's state, for drawing, the main loop and tests; and the settings
//! made once before the loop starts. Everything else changes through actions and messages.

use chrono::NaiveDate;
use ratatui::layout::Rect;

use super::{App, Grouping, Message, ReadOnly, StatusCursor, UnitCursor, View};
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::model::{Board, Filter};
use crate::theme::Theme;

impl App {
    pub fn board(&self) -> &Board {
        &self.board
    }

    pub fn file_label(&self) -> &str {
        &self.file_label
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn dashboard_scroll(&self) -> usize {
        self.dashboard_view.scroll()
    }

    pub fn urgency_width(&self) -> usize {
        self.urgency_width
    }

    pub fn grouping(&self) -> &Grouping {
        &self.grouping
    }

    pub fn status_cursor(&self) -> &StatusCursor {
        self.status_view.cursor()
    }

    pub fn unit_cursor(&self) -> &UnitCursor {
        self.unit_view.cursor()
    }

    pub fn screen(&self) -> Rect {
        self.screen
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    pub fn file_problem(&self) -> Option<&str> {
        self.file_problem.as_deref()
    }

    /// The keys in use (the defaults with the keys file's changes).
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
    }

    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// Who makes the changes (recorded by the store, shown in the note editor).
    pub fn set_user(&mut self, user: String) {
        self.user = user;
    }

    /// Refuses every change, for this reason.
    pub fn set_read_only(&mut self, read_only: Option<ReadOnly>) {
        self.read_only = read_only;
    }

    /// The file path as the footer shows it.
    pub fn set_file_label(&mut self, label: String) {
        self.file_label = label;
    }
}
