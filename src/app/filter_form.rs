//! The filter dialog (`f`): one row per condition, Left/Right to change a value, Enter to apply.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::model::{Filter, RoleFilter, Status, UrgencyFilter};

/// The rows of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterRow {
    Unit,
    Role,
    Status,
    Urgency,
    Year,
}

impl FilterRow {
    pub const ALL: [FilterRow; 5] = [
        FilterRow::Unit,
        FilterRow::Role,
        FilterRow::Status,
        FilterRow::Urgency,
        FilterRow::Year,
    ];
}

pub const ROLES: [RoleFilter; 3] = [
    RoleFilter::Either,
    RoleFilter::Lead,
    RoleFilter::Cooperating,
];
pub const URGENCIES: [UrgencyFilter; 4] = [
    UrgencyFilter::Overdue,
    UrgencyFilter::DueSoon,
    UrgencyFilter::OnTrack,
    UrgencyFilter::Done,
];

pub struct FilterForm {
    pub draft: Filter,
    pub row: usize,
    /// Units in plan order, to cycle through.
    pub units: Vec<String>,
    /// Deadline years present on the board.
    pub years: Vec<i32>,
}

pub enum FilterOutcome {
    Stay,
    Cancel,
    Apply(Filter),
}

/// Steps through `None, Some(values[0]), …, Some(values[n-1])` and round again.
fn cycle<T: Clone + PartialEq>(current: &Option<T>, values: &[T], forward: bool) -> Option<T> {
    let len = values.len() + 1; // "all" is position 0
    let pos = match current {
        None => 0,
        Some(v) => values.iter().position(|x| x == v).map_or(0, |i| i + 1),
    };
    let next = if forward {
        (pos + 1) % len
    } else {
        (pos + len - 1) % len
    };
    next.checked_sub(1).map(|i| values[i].clone())
}

impl FilterForm {
    /// Its fixed keys, for the footer.
    pub fn hints(s: &'static crate::i18n::Strings) -> Vec<crate::app::Hint> {
        [
            ("Up/Down", s.key_row),
            ("Left/Right", s.key_change),
            ("Enter", s.key_apply),
            ("x", s.key_clear_all),
            ("Esc", s.key_cancel),
        ]
        .into_iter()
        .map(|(keys, label)| crate::app::Hint {
            keys: keys.to_string(),
            label,
        })
        .collect()
    }

    pub fn new(current: &Filter, units: Vec<String>, years: Vec<i32>) -> FilterForm {
        FilterForm {
            draft: current.clone(),
            row: 0,
            units,
            years,
        }
    }

    pub fn focused(&self) -> FilterRow {
        FilterRow::ALL[self.row]
    }

    fn change(&mut self, forward: bool) {
        let focused = self.focused();
        let d = &mut self.draft;
        match focused {
            FilterRow::Unit => {
                let current = d.unit.as_ref().map(|(u, _)| u.clone());
                let role = d.unit.as_ref().map_or(RoleFilter::Either, |(_, r)| *r);
                d.unit = cycle(&current, &self.units, forward).map(|u| (u, role));
            }
            FilterRow::Role => {
                if let Some((_, role)) = &mut d.unit {
                    let pos = ROLES.iter().position(|r| r == role).unwrap_or(0);
                    let n = ROLES.len();
                    *role = ROLES[if forward {
                        (pos + 1) % n
                    } else {
                        (pos + n - 1) % n
                    }];
                }
            }
            FilterRow::Status => d.status = cycle(&d.status, &Status::ALL, forward),
            FilterRow::Urgency => d.urgency = cycle(&d.urgency, &URGENCIES, forward),
            FilterRow::Year => d.year = cycle(&d.year, &self.years, forward),
        }
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> FilterOutcome {
        let rows = FilterRow::ALL.len();
        match key.code {
            KeyCode::Esc => return FilterOutcome::Cancel,
            KeyCode::Enter => return FilterOutcome::Apply(self.draft.clone()),
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                self.row = (self.row + rows - 1) % rows
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => self.row = (self.row + 1) % rows,
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => self.change(true),
            KeyCode::Left | KeyCode::Char('h') => self.change(false),
            // Clear everything but the text search.
            KeyCode::Char('x') | KeyCode::Backspace | KeyCode::Delete => {
                self.draft = Filter {
                    text: self.draft.text.clone(),
                    ..Filter::default()
                }
            }
            _ => {}
        }
        FilterOutcome::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_passes_through_all_and_wraps() {
        let values = [1, 2];
        assert_eq!(cycle(&None, &values, true), Some(1));
        assert_eq!(cycle(&Some(2), &values, true), None);
        assert_eq!(cycle(&None, &values, false), Some(2));
    }
}
