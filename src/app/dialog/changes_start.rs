//! Where the changes view starts (`S`). In a meeting the question is nearly always "since which
//! meeting", so Up and Down step through the recorded meetings (Up: the one before the start
//! shown, so `S` `Up` `Enter` widens the view to the meeting before last); a date can be typed
//! instead, and Enter on nothing (or `last-meeting`) goes back to the default, the last meeting.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{hint, is_cancel, is_enter};
use crate::app::editor::Editor;
use crate::app::hints::Hint;
use crate::app::modes::Start;
use crate::i18n::{ChangesLabels, Lang, Strings};

pub struct StartDialog {
    pub editor: Editor,
    lang: Lang,
    /// The start in use when the dialog opened: Up and Down step from it while nothing is typed.
    shown: Option<NaiveDate>,
    /// The recorded meetings up to the date in use, oldest first.
    meetings: Vec<NaiveDate>,
    until: NaiveDate,
}

/// What a key in the start dialog led to.
pub enum StartOutcome {
    Stay,
    Cancel,
    Apply(Start),
    /// Enter on text that is no start: stay open, with this reason in the footer.
    Refused(String),
}

impl StartDialog {
    pub fn new(
        lang: Lang,
        shown: Option<NaiveDate>,
        meetings: Vec<NaiveDate>,
        until: NaiveDate,
    ) -> StartDialog {
        StartDialog {
            editor: Editor::new("", false),
            lang,
            shown,
            meetings,
            until,
        }
    }

    pub fn labels(&self) -> &'static ChangesLabels {
        self.lang.changes_labels()
    }

    /// The start in use when the dialog opened.
    pub fn shown(&self) -> Option<NaiveDate> {
        self.shown
    }

    pub fn hints(&self, s: &'static Strings) -> Vec<Hint> {
        vec![
            hint("Enter", s.key_apply),
            hint("Esc", s.key_cancel),
            hint("Up/Down", self.labels().key_meetings),
        ]
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> StartOutcome {
        if is_cancel(key) {
            return StartOutcome::Cancel;
        }
        if is_enter(key) {
            return self.submit();
        }
        match key.code {
            KeyCode::Up => self.step(false),
            KeyCode::Down => self.step(true),
            _ => {
                self.editor.input(key);
            }
        }
        StartOutcome::Stay
    }

    /// The meeting before (or after) the date typed, or the start in use when none is.
    fn step(&mut self, later: bool) {
        let from = self.editor.text().trim().parse::<NaiveDate>().ok();
        let from = from.or(self.shown);
        let next = match (later, from) {
            (false, Some(from)) => self.meetings.iter().rev().find(|d| **d < from),
            (false, None) => self.meetings.last(),
            (true, Some(from)) => self.meetings.iter().find(|d| **d > from),
            (true, None) => None,
        };
        if let Some(date) = next {
            self.editor.set_text(&date.to_string());
        }
    }

    fn submit(&self) -> StartOutcome {
        let text = self.editor.text();
        let text = text.trim();
        if text.is_empty() || text == "last-meeting" {
            return StartOutcome::Apply(Start::LastMeeting);
        }
        match text.parse::<NaiveDate>() {
            Ok(date) if date > self.until => {
                StartOutcome::Refused(self.lang.changes_start_after(date, self.until))
            }
            Ok(date) => StartOutcome::Apply(Start::Date(date)),
            Err(_) => StartOutcome::Refused(self.lang.changes_bad_start(text)),
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.editor.paste(text);
    }
}
