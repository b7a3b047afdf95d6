//! The filter dialog (`f`): one row per condition, Left/Right to change a value, Enter to apply.
//! On the unit row, typing a part of a name narrows the units Left/Right go through (22 units are
//! too many to step through).

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
    /// What was typed on the unit row: only units whose name contains it are offered.
    pub unit_query: String,
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
            unit_query: String::new(),
        }
    }

    /// The units the unit row offers: those containing what was typed, in plan order.
    pub fn matching_units(&self) -> Vec<String> {
        self.units
            .iter()
            .filter(|u| u.contains(self.unit_query.as_str()))
            .cloned()
            .collect()
    }

    /// Typing on the unit row: the first unit that matches is chosen at once (Enter applies
    /// it), none when nothing matches.
    fn narrow_units(&mut self) {
        let role = self
            .draft
            .unit
            .as_ref()
            .map_or(RoleFilter::Either, |(_, r)| *r);
        self.draft.unit = if self.unit_query.is_empty() {
            None
        } else {
            self.matching_units().into_iter().next().map(|u| (u, role))
        };
    }

    /// Text pasted (or sent whole by an input method) on the unit row narrows the units too.
    pub fn paste(&mut self, text: &str) {
        if self.focused() == FilterRow::Unit {
            let text = crate::model::sanitize::clean_line(text);
            self.unit_query.push_str(text.trim());
            self.narrow_units();
        }
    }

    pub fn focused(&self) -> FilterRow {
        FilterRow::ALL[self.row]
    }

    fn change(&mut self, forward: bool) {
        let focused = self.focused();
        let units = self.matching_units();
        let d = &mut self.draft;
        match focused {
            FilterRow::Unit => {
                let current = d.unit.as_ref().map(|(u, _)| u.clone());
                let role = d.unit.as_ref().map_or(RoleFilter::Either, |(_, r)| *r);
                // Once something is typed, "all" is no longer among the choices.
                d.unit = if self.unit_query.is_empty() {
                    cycle(&current, &units, forward)
                } else {
                    let pos = current
                        .and_then(|c| units.iter().position(|u| *u == c))
                        .unwrap_or(0);
                    let n = units.len().max(1);
                    let next = (if forward { pos + 1 } else { pos + n - 1 }) % n;
                    units.get(next).cloned()
                }
                .map(|u| (u, role));
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
        let on_units = self.focused() == FilterRow::Unit;
        match key.code {
            // Unit names are Chinese: a non-ASCII character typed on the unit row is a search,
            // never one of the single-letter keys below.
            KeyCode::Char(c) if on_units && !c.is_ascii() && !c.is_control() => {
                self.unit_query.push(c);
                self.narrow_units();
            }
            KeyCode::Backspace if on_units && !self.unit_query.is_empty() => {
                self.unit_query.pop();
                self.narrow_units();
            }
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
                self.unit_query.clear();
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

    fn form() -> FilterForm {
        let units = ["莘庄海关", "龙吴海关", "区商务委", "区科委"]
            .map(String::from)
            .to_vec();
        FilterForm::new(&Filter::default(), units, Vec::new())
    }

    fn press(form: &mut FilterForm, code: KeyCode) {
        let _ = form.on_key(&KeyEvent::from(code));
    }

    #[test]
    fn typing_on_the_unit_row_narrows_the_units_and_picks_the_first() {
        let mut f = form();
        for c in "海关".chars() {
            press(&mut f, KeyCode::Char(c));
        }
        assert_eq!(f.matching_units(), ["莘庄海关", "龙吴海关"]);
        assert_eq!(
            f.draft.unit.as_ref().map(|(u, _)| u.as_str()),
            Some("莘庄海关")
        );
        // Right goes through the matches only, round again without "all".
        press(&mut f, KeyCode::Right);
        assert_eq!(
            f.draft.unit.as_ref().map(|(u, _)| u.as_str()),
            Some("龙吴海关")
        );
        press(&mut f, KeyCode::Right);
        assert_eq!(
            f.draft.unit.as_ref().map(|(u, _)| u.as_str()),
            Some("莘庄海关")
        );
        // Backspace takes back a character; emptied, the row is "all" again.
        press(&mut f, KeyCode::Backspace);
        assert_eq!(f.unit_query, "海");
        press(&mut f, KeyCode::Backspace);
        assert_eq!(f.draft.unit, None);
        assert_eq!(f.matching_units().len(), 4);
    }

    #[test]
    fn typing_what_no_unit_has_chooses_none() {
        let mut f = form();
        press(&mut f, KeyCode::Char('财'));
        assert!(f.matching_units().is_empty());
        assert_eq!(f.draft.unit, None);
        press(&mut f, KeyCode::Right);
        assert_eq!(f.draft.unit, None);
    }
}
