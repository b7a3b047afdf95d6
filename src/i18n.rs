//! Every string the interface shows, in Chinese and English, in one place.
//!
//! `Strings` is a struct rather than a map so that a label missing in one language is a compile
//! error, not a blank on screen; a test checks that no entry is left empty.

use crate::model::{Role, Status, Urgency};

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

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match self {
            Lang::Zh => status.label_zh(),
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
            (Lang::Zh, Urgency::DoneLate { days_late }) => format!("超期 {days_late} 天完成"),
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
            (Lang::Zh, Urgency::DoneLate { days_late }) => format!("超期{days_late}天"),
            (Lang::En, Urgency::Overdue { days }) => format!("late {days}d"),
            (Lang::En, Urgency::DueSoon { days_left: 0 }) => "due today".into(),
            (Lang::En, Urgency::DueSoon { days_left })
            | (Lang::En, Urgency::OnTrack { days_left }) => {
                format!("{days_left}d left")
            }
            (Lang::En, Urgency::DoneOnTime) => "on time".into(),
            (Lang::En, Urgency::DoneLate { days_late }) => format!("{days_late}d late"),
        }
    }

    pub fn count_tasks(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("{n} 项"),
            Lang::En => format!("{n} {}", if n == 1 { "task" } else { "tasks" }),
        }
    }
}

fn days_word(n: i64) -> &'static str {
    if n == 1 { "day" } else { "days" }
}

/// Fixed labels. Field names say where the label is used.
#[derive(Debug)]
pub struct Strings {
    pub view_status: &'static str,
    pub view_units: &'static str,
    pub view_dashboard: &'static str,
    pub today: &'static str,
    pub read_only: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub detail_title: &'static str,
    pub deadline: &'static str,
    pub status: &'static str,
    pub urgency: &'static str,
    pub completed_on: &'static str,
    pub lead_units: &'static str,
    pub cooperating_units: &'static str,
    pub none: &'static str,
    pub text: &'static str,
    pub notes: &'static str,
    pub no_notes: &'static str,
    pub history: &'static str,
    pub decision: &'static str,
    pub stale: &'static str,
    pub empty_column: &'static str,
    pub no_tasks: &'static str,
    pub moved_to: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub reloaded: &'static str,
    pub file_invalid: &'static str,
    pub read_only_refused: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub file: &'static str,
    pub overdue_count: &'static str,
    pub due_soon_count: &'static str,
    pub need_title: &'static str,
    pub need_date: &'static str,
    pub need_lead_unit: &'static str,
    pub note_added: &'static str,
    pub task_added: &'static str,
    pub task_deleted: &'static str,
    pub task_changed: &'static str,
    pub note_title: &'static str,
    pub note_hint: &'static str,
    pub edit_title: &'static str,
    pub new_task_title: &'static str,
    pub form_hint: &'static str,
    pub confirm_delete: &'static str,
    pub confirm_hint: &'static str,
    pub title_field: &'static str,
    pub suggestions: &'static str,
}

pub static ZH: Strings = Strings {
    view_status: "按状态",
    view_units: "按单位",
    view_dashboard: "总览",
    today: "今天",
    read_only: "只读",
    too_small: "终端太小，请放大窗口",
    help_title: "快捷键",
    help_close: "按 Esc 或 ? 关闭",
    detail_title: "任务详情",
    deadline: "时间节点",
    status: "状态",
    urgency: "进度",
    completed_on: "完成日期",
    lead_units: "牵头单位",
    cooperating_units: "配合单位",
    none: "无",
    text: "任务内容",
    notes: "进展",
    no_notes: "暂无进展记录",
    history: "变更记录",
    decision: "会议决定",
    stale: "久未更新",
    empty_column: "（空）",
    no_tasks: "没有任务",
    moved_to: "已移至",
    saved: "已保存",
    save_failed: "保存失败",
    reloaded: "已载入他人的修改",
    file_invalid: "文件有误，显示的是最后一次有效内容，暂停保存",
    read_only_refused: "只读模式，不能修改",
    nothing_to_undo: "没有可撤销的修改",
    nothing_to_redo: "没有可重做的修改",
    undone: "已撤销",
    redone: "已重做",
    file: "文件",
    overdue_count: "逾期",
    due_soon_count: "临期",
    need_title: "标题不能为空",
    need_date: "时间节点须为日期，如 2025-12-31",
    need_lead_unit: "至少需要一个牵头单位",
    note_added: "已添加进展",
    task_added: "已新增",
    task_deleted: "已删除",
    task_changed: "已修改",
    note_title: "写进展",
    note_hint: "Enter 保存  Esc 取消  Alt-Enter 换行  Ctrl-T 标记为会议决定",
    edit_title: "修改任务",
    new_task_title: "新增任务",
    form_hint: "Tab 下一项  Enter 保存  Esc 取消  上/下 选择已有单位",
    confirm_delete: "确定删除任务",
    confirm_hint: "y 删除  其他键取消（可用 u 撤销）",
    title_field: "标题",
    suggestions: "已有单位",
};

pub static EN: Strings = Strings {
    view_status: "By status",
    view_units: "By unit",
    view_dashboard: "Dashboard",
    today: "Today",
    read_only: "READ-ONLY",
    too_small: "Terminal too small: please enlarge the window",
    help_title: "Keys",
    help_close: "Esc or ? closes",
    detail_title: "Task detail",
    deadline: "Deadline",
    status: "Status",
    urgency: "Urgency",
    completed_on: "Completed on",
    lead_units: "Lead units",
    cooperating_units: "Cooperating units",
    none: "none",
    text: "Text",
    notes: "Progress notes",
    no_notes: "No progress notes yet",
    history: "History",
    decision: "meeting decision",
    stale: "stale",
    empty_column: "(empty)",
    no_tasks: "No tasks",
    moved_to: "moved to",
    saved: "saved",
    save_failed: "save failed",
    reloaded: "loaded changes made by others",
    file_invalid: "the file is invalid; showing the last good version, saving paused",
    read_only_refused: "read-only: changes are not allowed",
    nothing_to_undo: "nothing to undo",
    nothing_to_redo: "nothing to redo",
    undone: "undone",
    redone: "redone",
    file: "File",
    overdue_count: "overdue",
    due_soon_count: "due soon",
    need_title: "the title must not be empty",
    need_date: "the deadline must be a date such as 2025-12-31",
    need_lead_unit: "at least one lead unit is needed",
    note_added: "note added",
    task_added: "added",
    task_deleted: "deleted",
    task_changed: "changed",
    note_title: "Progress note",
    note_hint: "Enter save  Esc cancel  Alt-Enter new line  Ctrl-T mark as meeting decision",
    edit_title: "Edit task",
    new_task_title: "New task",
    form_hint: "Tab next field  Enter save  Esc cancel  Up/Down pick a known unit",
    confirm_delete: "Delete task",
    confirm_hint: "y deletes; any other key cancels (u undoes)",
    title_field: "Title",
    suggestions: "Known units",
};
