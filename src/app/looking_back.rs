//! Standing the board at another date without restarting: stepping by day, week, month or from
//! meeting to meeting, and back to today. The board shown is the board as it stood at the end of
//! the date in use (`AsOf`), read-only; the live board waits here until the date returns to today.

use chrono::{Days, Months, NaiveDate};

use super::{App, ReadOnly};
use crate::action::Action;
use crate::model::{AsOf, Board};

/// What was in force before looking back began, kept while the board shown is an earlier one.
pub(super) struct LookingBack {
    /// Today's date, where "back to today" returns.
    real_today: NaiveDate,
    /// The read-only reason before looking back (given back on return).
    read_only: Option<ReadOnly>,
    /// Where the history walk stands. Between steps its board and `App::board` are swapped: the
    /// app shows the board at the date and `as_of.board` holds the live board (as the file has
    /// it now). A step swaps them back, walks, and swaps again, so it copies nothing and undoes
    /// or redoes only the entries in between.
    as_of: AsOf,
}

impl LookingBack {
    /// The board as the file has it now (the board shown is an earlier one).
    pub(super) fn live_board(&self) -> &Board {
        &self.as_of.board
    }
}

impl App {
    /// Whether the action steps the date in use.
    pub(super) fn is_time_step(action: Action) -> bool {
        matches!(
            action,
            Action::DayBack
                | Action::DayForward
                | Action::WeekBack
                | Action::WeekForward
                | Action::MonthBack
                | Action::MonthForward
                | Action::PreviousMeeting
                | Action::NextMeeting
                | Action::BackToToday
        )
    }

    /// Today's date, whatever date the board is looked at.
    pub fn real_today(&self) -> NaiveDate {
        self.looking_back
            .as_ref()
            .map_or(self.today, |l| l.real_today)
    }

    /// Whether the board shown is an earlier one than today's.
    pub fn is_looking_back(&self) -> bool {
        self.looking_back.is_some()
    }

    pub(super) fn step_time(&mut self, action: Action) {
        // The history is still being read (it is read after the first frame): a board stood at
        // a date without it would be today's board under an old date.
        if self.history_pending() && action != Action::BackToToday {
            self.info(self.lang.strings().history_loading.to_string());
            return;
        }
        let date = self.today;
        let target = match action {
            Action::DayBack => date.checked_sub_days(Days::new(1)),
            Action::DayForward => date.checked_add_days(Days::new(1)),
            Action::WeekBack => date.checked_sub_days(Days::new(7)),
            Action::WeekForward => date.checked_add_days(Days::new(7)),
            Action::MonthBack => date.checked_sub_months(Months::new(1)),
            Action::MonthForward => date.checked_add_months(Months::new(1)),
            Action::PreviousMeeting => self.meeting_dates().into_iter().rev().find(|d| *d < date),
            Action::NextMeeting => self.meeting_dates().into_iter().find(|d| *d > date),
            Action::BackToToday => Some(self.real_today()),
            _ => None,
        };
        // Stepping forward stops at today: the board of a later day is not known yet.
        let target = target.map(|t| {
            if date <= self.real_today() {
                t.min(self.real_today())
            } else {
                t
            }
        });
        match target {
            Some(target) => self.look_at(target),
            None if matches!(action, Action::PreviousMeeting | Action::NextMeeting) => {
                self.info(self.lang.strings().no_meeting_that_way.to_string());
            }
            None => {}
        }
    }

    /// The recorded meeting days, oldest first (from the live board: a meeting recorded today is
    /// not on an earlier board).
    pub(super) fn meeting_dates(&self) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = self.live_board().meetings.iter().map(|m| m.0).collect();
        dates.sort_unstable();
        dates.dedup();
        dates
    }

    /// The board as the file has it now, whatever date the board shown stands at.
    pub(super) fn live_board(&self) -> &Board {
        self.looking_back
            .as_ref()
            .map_or(&self.board, |l| &l.as_of.board)
    }

    /// Shows the board as it stood at the end of `date`, read-only; today's board, as it was
    /// before looking back, for today. A later date (`--today` ahead) shows today's board with the
    /// deadline arithmetic of then, read-only.
    pub fn look_at(&mut self, date: NaiveDate) {
        let real_today = self.real_today();
        // Already there (opening the board on today): a regroup would change nothing, and at
        // 10,000 tasks it is 20 ms of the first frame.
        if date == real_today && self.looking_back.is_none() && self.today == real_today {
            return;
        }
        if date == real_today {
            if let Some(back) = self.looking_back.take() {
                self.board = back.as_of.board;
                self.today = back.real_today;
                self.read_only = back.read_only;
            }
        } else {
            match self.looking_back.as_mut() {
                Some(back) => {
                    std::mem::swap(&mut back.as_of.board, &mut self.board);
                    back.as_of.step_to(&self.history, date);
                    std::mem::swap(&mut back.as_of.board, &mut self.board);
                }
                None => {
                    let mut as_of = AsOf::now(&self.board, &self.history, real_today);
                    as_of.step_to(&self.history, date);
                    std::mem::swap(&mut as_of.board, &mut self.board);
                    self.looking_back = Some(LookingBack {
                        real_today,
                        read_only: self.read_only.take(),
                        as_of,
                    });
                    self.read_only = Some(ReadOnly::LookingBack);
                }
            }
            self.today = date;
        }
        self.close_details_without_task();
        self.regroup();
        self.sync_detail_record();
    }

    /// A new live board (saved, or changed by someone else): shown at once when the date is
    /// today, walked back to the date in use otherwise. Returns the board to show.
    pub(super) fn shown_board(&mut self, board: Board) -> Board {
        let date = self.today;
        let Some(back) = self.looking_back.as_mut() else {
            return board;
        };
        back.as_of = AsOf::at(&board, &self.history, date);
        let mut shown = board;
        std::mem::swap(&mut back.as_of.board, &mut shown);
        shown
    }
}
