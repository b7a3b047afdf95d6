//! Every string the interface shows, in Chinese and English, in one place: the labels in
//! `strings.rs` (with their Chinese in `zh.rs` and English in `en.rs`), the words built from values
//! (statuses, urgencies, errors) here.
//!
//! `Strings` is a struct rather than a map so that a label missing in one language is a compile
//! error, not a blank on screen; a test checks that no entry is left empty.

mod actions;
mod dashboard;
// The changes view: its labels and the lines built from its window.
mod changes;
mod city;
pub use city::CityLabels;
// Merge conflicts on the board: the top line, the card mark, the picker.
mod conflicts;
// Requests, approvals, roles and task marks: their words in both languages.
mod approvals;
// The first screen's words: the headline, the footer's short key labels, the status strips.
mod board_words;
mod en;
// What sync, git-setup and the merge driver say.
mod git_words;
// Lights and milestones: their words, symbols and labels, in both languages.
mod lights;
// The board's milestone dialogs and detail section.
mod milestone_board;
mod status_words;
// The words of the model's values (roles, reporting states, request errors).
mod model_words;
mod strings;
// Messages about what happened: a colleague's change, a refused undo, the ends of the statuses.
mod words;
mod zh;

pub use approvals::ApprovalLabels;
pub use board_words::BoardWords;
pub use changes::{ChangesLabels, SinceReason};
pub use conflicts::ConflictLabels;
pub use dashboard::DashboardLabels;
pub use en::EN;
pub use git_words::GitSay;
pub use lights::{MilestoneLabels, light_symbol};
pub use milestone_board::MilestoneBoardStrings;
pub use status_words::{expected_statuses, status_from_words};
pub use strings::Strings;
pub use zh::ZH;

use crate::model::{Field, OpError, Role, Status, Urgency};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_lowercase().as_str() {
            "zh" | "cn" | "zh-cn" | "zh_cn" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// While a save waits for another's lock: "等待 alice 释放文件锁…".
    pub fn waiting_for_lock(self, holder: &str) -> String {
        match self {
            Lang::Zh => format!("等待 {holder} 释放文件锁…"),
            Lang::En => format!("waiting for {holder} to release the file lock…"),
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match self {
            Lang::Zh => match status {
                Status::NotStarted => "未启动",
                Status::InProgress => "推进中",
                Status::Blocked => "需协调",
                Status::Done => "已完成",
            },
            Lang::En => match status {
                Status::NotStarted => "Not started",
                Status::InProgress => "In progress",
                Status::Blocked => "Needs coordination",
                Status::Done => "Done",
            },
        }
    }

    pub fn role(self, role: Role) -> &'static str {
        match (self, role) {
            (Lang::Zh, Role::Lead) => "牵头",
            (Lang::Zh, Role::Cooperating) => "配合",
            (Lang::En, Role::Lead) => "lead",
            (Lang::En, Role::Cooperating) => "co-op",
        }
    }

    /// The words that carry an urgency's meaning without colour.
    pub fn urgency(self, urgency: Urgency) -> String {
        match (self, urgency) {
            (Lang::Zh, Urgency::Overdue { days }) => format!("逾期 {days} 天"),
            (Lang::Zh, Urgency::DueSoon { days_left: 0 }) => "今天到期".into(),
            (Lang::Zh, Urgency::DueSoon { days_left }) => format!("剩 {days_left} 天"),
            (Lang::Zh, Urgency::OnTrack { days_left }) => format!("剩 {days_left} 天"),
            (Lang::Zh, Urgency::DoneOnTime) => "按期完成".into(),
            (Lang::Zh, Urgency::DoneLate { days_late }) => format!("晚 {days_late} 天完成"),
            (Lang::En, Urgency::Overdue { days }) => format!("overdue {days} {}", days_word(days)),
            (Lang::En, Urgency::DueSoon { days_left: 0 }) => "due today".into(),
            (Lang::En, Urgency::DueSoon { days_left })
            | (Lang::En, Urgency::OnTrack { days_left }) => {
                format!("due in {days_left} {}", days_word(days_left))
            }
            (Lang::En, Urgency::DoneOnTime) => "done on time".into(),
            (Lang::En, Urgency::DoneLate { days_late }) => {
                format!("done {days_late} {} late", days_word(days_late))
            }
        }
    }

    /// Short form for narrow cards.
    pub fn urgency_short(self, urgency: Urgency) -> String {
        match (self, urgency) {
            (Lang::Zh, Urgency::Overdue { days }) => format!("逾期{days}天"),
            (Lang::Zh, Urgency::DueSoon { days_left: 0 }) => "今天到期".into(),
            (Lang::Zh, Urgency::DueSoon { days_left })
            | (Lang::Zh, Urgency::OnTrack { days_left }) => {
                format!("剩{days_left}天")
            }
            (Lang::Zh, Urgency::DoneOnTime) => "按期".into(),
            // Not 超期: it reads as 逾期 (overdue) at a glance. As short as that was, so the
            // card keeps its deadline.
            (Lang::Zh, Urgency::DoneLate { days_late }) => format!("晚{days_late}天"),
            (Lang::En, Urgency::Overdue { days }) => format!("late {days}d"),
            (Lang::En, Urgency::DueSoon { days_left: 0 }) => "due today".into(),
            (Lang::En, Urgency::DueSoon { days_left })
            | (Lang::En, Urgency::OnTrack { days_left }) => {
                format!("{days_left}d left")
            }
            (Lang::En, Urgency::DoneOnTime) => "on time".into(),
            // Not `Nd late`: it reads as `late Nd` (overdue) at a glance.
            (Lang::En, Urgency::DoneLate { days_late }) => format!("done +{days_late}d"),
        }
    }

    /// Why a change was refused, in the user's language.
    pub fn op_error(self, error: &OpError) -> String {
        match (self, error) {
            (Lang::En, OpError::NotAllowed(refusal)) => refusal.en(),
            (Lang::En, e) => e.to_string(),
            (Lang::Zh, OpError::NotAllowed(refusal)) => refusal.zh(),
            (
                Lang::Zh,
                e @ (OpError::RequestOpen(_)
                | OpError::NoOpenRequest(_)
                | OpError::AlreadyDone(_)
                | OpError::RequestNeedsText(_)
                | OpError::ExtensionNotLater { .. }
                | OpError::WrongDecision { .. }),
            ) => model_words::zh_message(e),
            (Lang::Zh, OpError::NoSuchTask(id)) => format!("没有任务 #{id}（可能已被他人删除）"),
            (Lang::Zh, OpError::EmptyTitle) => self.strings().need_title.to_string(),
            (Lang::Zh, OpError::NoLeadUnit) => self.strings().need_lead_unit.to_string(),
            (Lang::Zh, OpError::BadDate(text)) => format!("「{text}」不是日期（应为 YYYY-MM-DD）"),
            (Lang::Zh, OpError::Unchanged) => "没有需要修改的内容".to_string(),
            (Lang::Zh, OpError::ChangedMeanwhile(Some(id))) => {
                format!("任务 #{id} 此后已被他人修改，不能覆盖他人的修改")
            }
            (Lang::Zh, OpError::ChangedMeanwhile(None)) => {
                "看板此后已被他人修改，不能覆盖他人的修改".to_string()
            }
            (Lang::Zh, OpError::NoSuchConflict(Some(id), field)) => {
                format!("任务 #{id} 的「{field}」没有待处理的合并冲突")
            }
            (Lang::Zh, OpError::NoSuchConflict(None, field)) => {
                format!("看板的「{field}」没有待处理的合并冲突")
            }
            (Lang::Zh, OpError::BadConflict(field)) => {
                format!("「{field}」的冲突记录无法读取（是否手工修改过？）")
            }
            (Lang::Zh, OpError::NoSuchMilestone(id, number)) => {
                format!("任务 #{id} 没有节点 {number}")
            }
            (Lang::Zh, OpError::FutureDate(day)) => {
                format!("{day} 尚未到来（完成日期不能晚于今天）")
            }
        }
    }

    pub fn count_tasks(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("{n} 项"),
            Lang::En => format!("{n} {}", if n == 1 { "task" } else { "tasks" }),
        }
    }

    /// An overdue ranking line's figures: the unit's overdue tasks and their days overdue added
    /// up, said as a total so the days do not read as one task's. The numbers are right-aligned in
    /// `widths` (tasks, days) cells so that the lines of the ranking form columns.
    pub fn overdue_total(self, tasks: usize, days: i64, widths: (usize, usize)) -> String {
        let (tw, dw) = widths;
        match self {
            Lang::Zh => format!("{tasks:>tw$} 项 累计逾期 {days:>dw$} 天"),
            Lang::En => {
                let noun = if tasks == 1 { "task," } else { "tasks," };
                let days_word = days_word(days);
                format!("{tasks:>tw$} {noun:<6} {days:>dw$} {days_word} overdue in total")
            }
        }
    }

    /// The label of an editable field of a task.
    pub fn field(self, field: Field) -> &'static str {
        let s = self.strings();
        match field {
            Field::Title => s.title_field,
            Field::Text => s.text,
            Field::Deadline => s.deadline,
            Field::LeadUnits => s.lead_units,
            Field::CooperatingUnits => s.cooperating_units,
            Field::OriginalDeadline => match self {
                Lang::Zh => "原定期限",
                Lang::En => "original deadline",
            },
        }
    }

    /// The label of a history entry's field, which is stored by name (`deadline`); None for a name
    /// we do not know (a hand-edited file), which is then shown as written.
    pub fn field_named(self, name: &str) -> Option<&'static str> {
        Field::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .map(|f| self.field(f))
    }
}

fn days_word(n: i64) -> &'static str {
    if n == 1 { "day" } else { "days" }
}
