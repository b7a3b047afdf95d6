//! The city view's side of the app: which boards are open (their names, in the order the files
//! were named), how a task number reads (`B12`), and the key that shows every board or one.
//! The combined board itself is made by `model::city`; the main loop routes each change to its
//! board's file.

use super::{App, Effect};
use crate::model::TaskId;
use crate::model::city;

impl App {
    /// Opens the board as a city view of these boards (the board given to `App::new` is their
    /// combined board).
    pub fn set_city(&mut self, names: Vec<String>) {
        self.city = names;
        self.regroup();
    }

    /// The boards' names; empty with one board.
    pub fn city(&self) -> &[String] {
        &self.city
    }

    pub fn is_city(&self) -> bool {
        !self.city.is_empty()
    }

    /// The board shown when the city view is narrowed to one (its index).
    pub fn city_board_shown(&self) -> Option<usize> {
        self.filter.board
    }

    /// The board's letter and name, for the headline and messages.
    pub fn board_label(&self, index: usize) -> Option<(String, &str)> {
        let name = self.city.get(index)?;
        Some((city::letter(index), name.as_str()))
    }

    /// A task's number as the views show it: its own number, or in a city view its board's
    /// letter and its number there (`B12`).
    pub fn task_number(&self, id: TaskId) -> String {
        match self.is_city() {
            true => city::label(id),
            false => id.to_string(),
        }
    }

    /// Unit names as a card shows them: in a city view without their board's name, which the
    /// card's number already gives (`B3`); the unit view and the rankings keep it.
    pub fn card_units<'a>(&self, units: &'a [String]) -> std::borrow::Cow<'a, [String]> {
        if !self.is_city() {
            return std::borrow::Cow::Borrowed(units);
        }
        let own = |u: &String| {
            u.split_once('/')
                .map_or(u.clone(), |(_, own)| own.to_string())
        };
        std::borrow::Cow::Owned(units.iter().map(own).collect())
    }

    /// The number a new task is offered: in a city view, the next of the board shown (`B20`).
    pub(super) fn next_task_id(&self) -> TaskId {
        match (self.is_city(), self.filter.board) {
            (true, Some(index)) => {
                let last = self
                    .board
                    .tasks
                    .iter()
                    .filter_map(|t| city::split(t.id))
                    .filter(|(i, _)| *i == index)
                    .map(|(_, own)| own)
                    .max()
                    .unwrap_or(0);
                city::join(index, last + 1)
            }
            _ => self.board.next_id(),
        }
    }

    /// The units a form offers for a task of this board (`index`; the board shown for a new
    /// task): in a city view only that board's, so that no task is given another district's unit.
    pub(super) fn units_offered(&self, index: Option<usize>) -> Vec<String> {
        let all = self.board.units_in_plan_order();
        let Some(name) = index
            .filter(|_| self.is_city())
            .and_then(|i| self.city.get(i))
        else {
            return all.into_iter().map(str::to_string).collect();
        };
        let prefix = city::qualify(name, "");
        all.into_iter()
            .filter(|u| u.starts_with(&prefix))
            .map(str::to_string)
            .collect()
    }

    /// How many tasks the view could show: in a city view narrowed to one board, that board's.
    pub fn tasks_in_scope(&self) -> usize {
        match self.filter.board {
            Some(index) => self
                .board
                .tasks
                .iter()
                .filter(|t| city::split(t.id).is_some_and(|(i, _)| i == index))
                .count(),
            None => self.board.tasks.len(),
        }
    }

    /// Every board, then each in turn, then every board again.
    pub(super) fn next_board(&mut self) -> Effect {
        if !self.is_city() {
            self.info(self.lang.city_labels().one_board.to_string());
            return Effect::None;
        }
        let next = match self.filter.board {
            None => Some(0),
            Some(i) if i + 1 < self.city.len() => Some(i + 1),
            Some(_) => None,
        };
        let filter = crate::model::Filter {
            board: next,
            ..self.filter.clone()
        };
        self.set_filter(filter);
        let shown = next.and_then(|i| self.board_label(i));
        let text = self
            .lang
            .city_switched(shown.as_ref().map(|(l, n)| (l.as_str(), *n)));
        self.info(text);
        Effect::None
    }

    /// `e` with every board shown: a report is one board's.
    pub fn on_city_export_without_board(&mut self) {
        let key = self
            .keymap
            .label_for(crate::action::Action::NextBoard)
            .unwrap_or_default();
        self.error(self.lang.city_export_needs_board(&key));
    }

    /// A new task needs a board to go to: refused before anything is typed while every board
    /// is shown.
    pub(super) fn needs_board_chosen(&mut self) -> bool {
        if self.is_city() && self.filter.board.is_none() {
            self.on_unroutable(&city::Unroutable::NoBoardChosen);
            return true;
        }
        false
    }

    /// A change the main loop could not give to one board: say why, and keep the board as it is.
    pub fn on_unroutable(&mut self, why: &city::Unroutable) {
        let words = self.lang.city_labels();
        let text = match why {
            city::Unroutable::NoBoardChosen => {
                let key = self
                    .keymap
                    .label_for(crate::action::Action::NextBoard)
                    .unwrap_or_default();
                format!("{} ({key})", words.choose_board)
            }
            city::Unroutable::SeveralBoards => words.several_boards.to_string(),
            city::Unroutable::UnknownTask(id) => self.lang.city_unknown_task(&city::label(*id)),
        };
        self.refuse_save(text);
    }

    /// A change the main loop would not start (a city board whose file does not read, or no
    /// board to send it to): the reason, and what was typed given back.
    pub fn refuse_save(&mut self, text: String) {
        self.reverting = None;
        self.error(text);
        // What was typed is not lost: the dialog comes back, as after a failed save.
        if let Some(dialog) = self.submitted.take() {
            self.push(super::Mode::Dialog(Box::new(dialog)));
        }
    }
}
