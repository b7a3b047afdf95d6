//! Finding tasks: the text search (`/`), the filter (`f`) and `--unit NAME`, as one value that
//! every view applies the same way. All conditions that are set must hold.

use chrono::{Datelike, NaiveDate};

use super::{Board, Role, Status, Task, TaskId, Urgency};

/// Which of a unit's tasks a unit filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleFilter {
    /// Tasks it leads (牵头).
    Lead,
    /// Tasks it cooperates on (配合) without leading them.
    Cooperating,
    Either,
}

/// Deadline standing, as a filter. `Done` keeps tasks done on time and late alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrgencyFilter {
    Overdue,
    DueSoon,
    OnTrack,
    Done,
}

impl UrgencyFilter {
    pub fn matches(self, urgency: Urgency) -> bool {
        matches!(
            (self, urgency),
            (UrgencyFilter::Overdue, Urgency::Overdue { .. })
                | (UrgencyFilter::DueSoon, Urgency::DueSoon { .. })
                | (UrgencyFilter::OnTrack, Urgency::OnTrack { .. })
                | (
                    UrgencyFilter::Done,
                    Urgency::DoneOnTime | Urgency::DoneLate { .. }
                )
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Case-insensitive substring of the title, text, unit names (and their aliases) or notes.
    /// Blank text filters nothing.
    pub text: Option<String>,
    /// A unit (any known spelling) and its role in the task.
    pub unit: Option<(String, RoleFilter)>,
    pub status: Option<Status>,
    pub urgency: Option<UrgencyFilter>,
    /// The deadline's year.
    pub year: Option<i32>,
    /// In a city view, the one board shown (its index, `model::city`); `None` shows them all.
    pub board: Option<usize>,
}

impl Filter {
    /// The text to look for, trimmed; `None` when there is nothing to look for.
    fn needle(&self) -> Option<String> {
        self.text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
    }

    /// True when the filter keeps every task.
    pub fn is_empty(&self) -> bool {
        !self.has_conditions() && self.board.is_none()
    }

    /// Whether something was searched or filtered (the filter bar shows it): the board a city
    /// view shows is not a condition, the headline names it.
    pub fn has_conditions(&self) -> bool {
        self.needle().is_some()
            || self.unit.is_some()
            || self.status.is_some()
            || self.urgency.is_some()
            || self.year.is_some()
    }

    pub fn matches(&self, board: &Board, task: &Task, today: NaiveDate) -> bool {
        if self.status.is_some_and(|s| s != task.status) {
            return false;
        }
        if self.year.is_some_and(|y| y != task.deadline.year()) {
            return false;
        }
        if let Some(shown) = self.board
            && super::city::split(task.id).map(|(index, _)| index) != Some(shown)
        {
            return false;
        }
        if let Some(wanted) = self.urgency
            && !wanted.matches(board.urgency(task, today))
        {
            return false;
        }
        if let Some((unit, role)) = &self.unit
            && !has_unit(board, task, unit, *role)
        {
            return false;
        }
        match self.needle() {
            Some(needle) => text_matches(board, task, &needle),
            None => true,
        }
    }
}

fn has_unit(board: &Board, task: &Task, unit: &str, role: RoleFilter) -> bool {
    let unit = board.canonical_unit(unit.trim());
    board.units_of(task).into_iter().any(|(u, r)| {
        u == unit
            && match role {
                RoleFilter::Lead => r == Role::Lead,
                RoleFilter::Cooperating => r == Role::Cooperating,
                RoleFilter::Either => true,
            }
    })
}

/// `needle` is already lower-case.
fn text_matches(board: &Board, task: &Task, needle: &str) -> bool {
    // A number (or "#12") finds that task: the way people refer to tasks in a meeting.
    if let Ok(id) = needle.trim_start_matches('#').parse::<TaskId>() {
        // In a city view a plain number finds that task on every board shown (3: A3, B3, …).
        return task.id == id
            || (task.id >= super::city::STRIDE && task.id % super::city::STRIDE == id);
    }
    // In a city view a task is called by its board's letter and its number: `b12`.
    if task.id >= super::city::STRIDE && super::city::label(task.id).to_lowercase() == needle {
        return true;
    }
    let found = |hay: &str| hay.to_lowercase().contains(needle);
    if found(&task.title) || found(&task.text) {
        return true;
    }
    // Every spelling of every unit: the body of the plan says 区网信办 where the annex says 区委网信办.
    let unit_hit = task.units().any(|(unit, _)| {
        let canonical = board.canonical_unit(unit);
        found(unit)
            || found(canonical)
            || board
                .unit_aliases
                .get(canonical)
                .is_some_and(|aliases| aliases.iter().any(|a| found(a)))
    });
    unit_hit || task.notes.iter().any(|n| found(&n.text))
}

/// The canonical name of a unit given by its name or an alias (surrounding spaces ignored), or,
/// when the board has no such unit, every unit it knows, in plan order, for the error message.
pub fn known_unit(board: &Board, name: &str) -> Result<String, Vec<String>> {
    let units = board.units_in_plan_order();
    let canonical = board.canonical_unit(name.trim());
    if units.contains(&canonical) {
        Ok(canonical.to_string())
    } else {
        Err(units.into_iter().map(str::to_string).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Note;
    use crate::plan::builtin_plan;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Ids of the built-in plan's tasks the filter keeps on 2025-06-01.
    fn ids(board: &Board, filter: &Filter) -> Vec<u32> {
        board
            .tasks
            .iter()
            .filter(|t| filter.matches(board, t, day("2025-06-01")))
            .map(|t| t.id)
            .collect()
    }

    fn text(t: &str) -> Filter {
        Filter {
            text: Some(t.into()),
            ..Filter::default()
        }
    }

    #[test]
    fn searching_the_body_spelling_of_a_unit_finds_its_task() {
        let plan = builtin_plan().unwrap();
        assert_eq!(ids(&plan, &text("区网信办")), [19]);
        assert_eq!(ids(&plan, &text("区委网信办")), [19]);
    }

    #[test]
    fn search_looks_in_titles_texts_and_units() {
        let plan = builtin_plan().unwrap();
        // Title of task 1; text of task 2 (网购保税进口); a unit that cooperates on tasks 6, 8, 15.
        assert_eq!(ids(&plan, &text("保税物流中心")), [1, 2]);
        assert_eq!(ids(&plan, &text("网购保税")), [2]);
        assert_eq!(ids(&plan, &text("大零号湾集团")), [6, 8, 15]);
        assert!(ids(&plan, &text("不存在的词")).is_empty());
    }

    #[test]
    fn search_ignores_case_and_surrounding_spaces() {
        let plan = builtin_plan().unwrap();
        assert_eq!(ids(&plan, &text("  aeo ")), [3]);
    }

    #[test]
    fn search_finds_words_in_notes() {
        let mut plan = builtin_plan().unwrap();
        plan.task_mut(12).unwrap().notes.push(Note {
            at: "2025-05-01T10:00:00+08:00".parse().unwrap(),
            author: "李四".into(),
            text: "已报市里审批".into(),
            decision: false,
        });
        assert_eq!(ids(&plan, &text("市里审批")), [12]);
    }

    #[test]
    fn unit_filter_tells_lead_from_cooperating() {
        let plan = builtin_plan().unwrap();
        let unit = |role| Filter {
            unit: Some(("区科委".into(), role)),
            ..Filter::default()
        };
        assert_eq!(ids(&plan, &unit(RoleFilter::Lead)), [6]);
        assert_eq!(ids(&plan, &unit(RoleFilter::Cooperating)), [9, 10, 15]);
        assert_eq!(ids(&plan, &unit(RoleFilter::Either)), [6, 9, 10, 15]);
        let alias = Filter {
            unit: Some(("区网信办".into(), RoleFilter::Either)),
            ..Filter::default()
        };
        assert_eq!(ids(&plan, &alias), [19]);
    }

    #[test]
    fn status_urgency_and_year_filters_all_must_hold() {
        let mut plan = builtin_plan().unwrap();
        plan.task_mut(4).unwrap().status = Status::Blocked;
        plan.task_mut(7).unwrap().status = Status::Blocked;
        let blocked = Filter {
            status: Some(Status::Blocked),
            ..Filter::default()
        };
        assert_eq!(ids(&plan, &blocked), [4, 7]);
        // On 2025-06-01 the 2024 deadlines have passed and the 2025 ones are on track.
        let overdue_2024 = Filter {
            urgency: Some(UrgencyFilter::Overdue),
            year: Some(2024),
            ..blocked.clone()
        };
        assert_eq!(ids(&plan, &overdue_2024), [4]);
        let year_2025 = Filter {
            year: Some(2025),
            ..Filter::default()
        };
        assert_eq!(ids(&plan, &year_2025), [2, 5, 7, 8, 10, 17, 18, 19]);
        let on_track = Filter {
            urgency: Some(UrgencyFilter::OnTrack),
            ..Filter::default()
        };
        assert_eq!(ids(&plan, &on_track), ids(&plan, &year_2025));
    }

    #[test]
    fn done_urgency_filter_keeps_late_and_on_time_tasks() {
        let mut plan = builtin_plan().unwrap();
        for (id, on) in [(1, "2024-12-01"), (2, "2026-01-05")] {
            let t = plan.task_mut(id).unwrap();
            t.status = Status::Done;
            t.completed_on = Some(day(on));
        }
        let done = Filter {
            urgency: Some(UrgencyFilter::Done),
            ..Filter::default()
        };
        assert_eq!(ids(&plan, &done), [1, 2]);
    }

    #[test]
    fn a_filter_with_only_blank_text_is_empty_and_keeps_everything() {
        let plan = builtin_plan().unwrap();
        assert!(Filter::default().is_empty());
        assert!(text("   ").is_empty());
        assert_eq!(ids(&plan, &text("   ")).len(), 19);
        let year = Filter {
            year: Some(2024),
            ..Filter::default()
        };
        assert!(!year.is_empty());
    }

    #[test]
    fn known_unit_accepts_names_and_aliases_and_lists_units_otherwise() {
        let plan = builtin_plan().unwrap();
        assert_eq!(known_unit(&plan, "区科委"), Ok("区科委".to_string()));
        assert_eq!(
            known_unit(&plan, " 区网信办 "),
            Ok("区委网信办".to_string())
        );
        let known = known_unit(&plan, "区科技委").unwrap_err();
        assert_eq!(known.first().map(String::as_str), Some("莘庄海关"));
        assert!(known.iter().any(|u| u == "区委网信办"));
        assert!(!known.iter().any(|u| u == "区网信办"));
        let distinct: std::collections::HashSet<_> = known.iter().collect();
        assert_eq!(distinct.len(), known.len());
    }
}
