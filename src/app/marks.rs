//! The marks a task carries for merge conflicts, sign-off, extensions and the reporting cycle: 冲突
//! (a merge left a field of it undecided), 待销号, 延期申请 (with the date asked for, a late request
//! marked), and where its lead units stand this period (本期已报, 未报, 逾期未报). Cards, the detail and the approvals list show them; the words are in
//! `i18n::approvals` (`Lang::mark`).

use chrono::NaiveDate;

use crate::model::cycle::{ReportState, current_period, task_reports};
use crate::model::{Board, Request, Task};

/// One mark on a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// 冲突: a merge left this many of the task's fields for the office to settle (`C`).
    Conflict { fields: usize },
    /// 待销号: a closure request is open, asked on this day.
    AwaitingClose { asked_on: NaiveDate },
    /// 延期申请: an extension to `to` is asked; `late` when asked after the deadline had passed.
    ExtensionAsked { to: NaiveDate, late: bool },
    /// Where the task's lead units stand in the current reporting period: the furthest behind of
    /// them, since the office chases a task until every lead unit has reported.
    Report(ReportState),
}

impl Mark {
    /// Whether the mark asks for attention (drawn in the warning style): a late request or a
    /// report missing after its due day.
    pub fn is_alert(self) -> bool {
        matches!(
            self,
            Mark::Conflict { .. }
                | Mark::ExtensionAsked { late: true, .. }
                | Mark::Report(ReportState::Overdue)
        )
    }
}

/// The task's marks on `today`: a merge conflict first (until it is settled the task's data is
/// in doubt), then requests. A report mark only where the board has a cycle and the task owes a
/// report in the current period.
pub fn task_marks(board: &Board, task: &Task, today: NaiveDate) -> Vec<Mark> {
    let mut marks = Vec::new();
    let fields = board
        .conflicts
        .iter()
        .filter(|c| c.task == Some(task.id))
        .count();
    if fields > 0 {
        marks.push(Mark::Conflict { fields });
    }
    match &task.request {
        Some(Request::Close { at, .. }) => marks.push(Mark::AwaitingClose {
            asked_on: at.date_naive(),
        }),
        Some(Request::Extend { to, late, .. }) => marks.push(Mark::ExtensionAsked {
            to: *to,
            late: *late,
        }),
        None => {}
    }
    if let Some(period) = current_period(board, today)
        && let Some(state) = task_reports(board, task, &period, today)
            .into_iter()
            .map(|(_, state)| state)
            .max_by_key(|state| behind(*state))
    {
        marks.push(Mark::Report(state));
    }
    marks
}

/// How far behind a state is: a missing report after the due day is the furthest.
fn behind(state: ReportState) -> u8 {
    match state {
        ReportState::OnTime { .. } => 0,
        ReportState::Late { .. } => 1,
        ReportState::NotYet => 2,
        ReportState::Overdue => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Context, Operation, ReportCycle, Roles};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn at(user: &str, when: &str) -> Context {
        Context {
            user: user.into(),
            now: chrono::DateTime::parse_from_rfc3339(when).unwrap(),
        }
    }

    fn board() -> Board {
        crate::plan::builtin_plan().unwrap()
    }

    fn marks(board: &Board, id: u32, today: &str) -> Vec<Mark> {
        task_marks(board, board.task(id).unwrap(), day(today))
    }

    #[test]
    fn a_closure_request_marks_the_task_awaiting_sign_off_with_its_day() {
        let mut board = board();
        let op = Operation::RequestClose {
            id: 3,
            note: "已完成".into(),
        };
        op.apply(&mut board, &at("lina", "2026-03-02T09:00:00+08:00"))
            .unwrap();
        let marks = marks(&board, 3, "2026-03-05");
        assert_eq!(
            marks,
            vec![Mark::AwaitingClose {
                asked_on: day("2026-03-02")
            }]
        );
        assert_eq!(Lang::Zh.mark(&marks[0]), "待销号");
        assert_eq!(Lang::En.mark(&marks[0]), "awaiting sign-off");
        assert!(!marks[0].is_alert());
    }

    #[test]
    fn an_extension_asked_after_the_deadline_is_marked_late_with_the_date() {
        let mut board = board();
        let deadline = board.task(6).unwrap().deadline;
        let late = format!("{}T09:00:00+08:00", deadline + chrono::Days::new(3));
        let op = Operation::RequestExtend {
            id: 6,
            to: day("2027-06-30"),
            reason: "资金未到位".into(),
        };
        op.apply(&mut board, &at("lina", &late)).unwrap();
        let marks = marks(&board, 6, "2027-01-10");
        let mark = marks[0];
        assert_eq!(
            mark,
            Mark::ExtensionAsked {
                to: day("2027-06-30"),
                late: true
            }
        );
        assert_eq!(Lang::Zh.mark(&mark), "延期申请至 2027-06-30（逾期提出）");
        assert_eq!(
            Lang::En.mark(&mark),
            "extension asked to 2027-06-30 (asked late)"
        );
        assert!(mark.is_alert());
    }

    #[test]
    fn a_merge_conflict_marks_the_task_before_its_request() {
        let mut board = board();
        let op = Operation::RequestClose {
            id: 3,
            note: "已完成".into(),
        };
        op.apply(&mut board, &at("lina", "2026-03-02T09:00:00+08:00"))
            .unwrap();
        let conflict = |task, field: &str| crate::model::Conflict {
            task,
            field: field.into(),
            ours: "a".into(),
            theirs: "b".into(),
            ours_by: "lina".into(),
            theirs_by: "wang".into(),
        };
        board.conflicts = vec![
            conflict(Some(3), "title"),
            conflict(Some(3), "text"),
            conflict(None, "plan.title"),
        ];
        let marks = marks(&board, 3, "2026-03-05");
        assert_eq!(marks[0], Mark::Conflict { fields: 2 });
        assert!(matches!(marks[1], Mark::AwaitingClose { .. }));
        assert_eq!(Lang::Zh.mark(&marks[0]), "合并冲突 2 处");
        assert!(marks[0].is_alert());
        // A board field's conflict marks no task.
        assert!(self::marks(&board, 1, "2026-03-05").is_empty());
    }

    #[test]
    fn without_a_cycle_or_a_request_a_task_has_no_marks() {
        assert!(marks(&board(), 1, "2026-03-10").is_empty());
    }

    #[test]
    fn the_report_mark_follows_the_cycle_and_the_unit_furthest_behind() {
        let mut board = board();
        board.settings.report_cycle = Some(ReportCycle::Monthly { day: 5 });
        // Before the due day nothing is reported yet; after it the report is missing.
        assert_eq!(
            marks(&board, 1, "2026-03-04"),
            vec![Mark::Report(ReportState::NotYet)]
        );
        assert_eq!(Lang::Zh.mark(&marks(&board, 1, "2026-03-04")[0]), "未报");
        let overdue = marks(&board, 1, "2026-03-06");
        assert_eq!(overdue, vec![Mark::Report(ReportState::Overdue)]);
        assert_eq!(Lang::Zh.mark(&overdue[0]), "逾期未报");
        assert!(overdue[0].is_alert());
        // A note in the period, by the due day, is the report.
        let op = Operation::AddNote {
            id: 1,
            text: "本月进展".into(),
            decision: false,
        };
        op.apply(&mut board, &at("lina", "2026-03-03T09:00:00+08:00"))
            .unwrap();
        let reported = marks(&board, 1, "2026-03-06");
        assert_eq!(
            reported,
            vec![Mark::Report(ReportState::OnTime {
                on: day("2026-03-03")
            })]
        );
        assert_eq!(Lang::Zh.mark(&reported[0]), "本期已报");
        assert_eq!(Lang::En.mark(&reported[0]), "reported");
    }

    #[test]
    fn with_roles_a_task_is_reported_only_when_every_lead_unit_has_reported() {
        let mut board = board();
        board.settings.report_cycle = Some(ReportCycle::Monthly { day: 5 });
        let task = board
            .tasks
            .iter()
            .find(|t| t.lead_units.len() >= 2)
            .expect("the plan has a task with two lead units")
            .clone();
        let mut units = std::collections::BTreeMap::new();
        units.insert(task.lead_units[0].clone(), vec!["lina".to_string()]);
        board.roles = Some(Roles {
            office: vec!["zhangwei".into()],
            units,
        });
        let op = Operation::AddNote {
            id: task.id,
            text: "本月进展".into(),
            decision: false,
        };
        op.apply(&mut board, &at("lina", "2026-03-03T09:00:00+08:00"))
            .unwrap();
        // The first lead unit reported; the second did not, so the task is still owed.
        assert_eq!(
            marks(&board, task.id, "2026-03-06"),
            vec![Mark::Report(ReportState::Overdue)]
        );
    }
}
