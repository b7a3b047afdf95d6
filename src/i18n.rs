//! Every string the interface shows, in Chinese and English, in one place.
//!
//! `Strings` is a struct rather than a map so that a label missing in one language is a compile
//! error, not a blank on screen; a test checks that no entry is left empty.

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

    /// Why a change was refused, in the user's language.
    pub fn op_error(self, error: &OpError) -> String {
        match (self, error) {
            (Lang::En, e) => e.to_string(),
            (Lang::Zh, OpError::NoSuchTask(id)) => format!("没有任务 #{id}（可能已被他人删除）"),
            (Lang::Zh, OpError::EmptyTitle) => self.strings().need_title.to_string(),
            (Lang::Zh, OpError::NoLeadUnit) => self.strings().need_lead_unit.to_string(),
            (Lang::Zh, OpError::BadDate(text)) => format!("「{text}」不是日期（应为 YYYY-MM-DD）"),
            (Lang::Zh, OpError::Unchanged) => "没有需要修改的内容".to_string(),
            (Lang::Zh, OpError::ChangedMeanwhile(Some(id))) => {
                format!("任务 #{id} 此后已被他人修改，未撤销，以免覆盖他人的修改")
            }
            (Lang::Zh, OpError::ChangedMeanwhile(None)) => {
                "看板此后已被他人修改，未撤销，以免覆盖他人的修改".to_string()
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
    pub history_note_added: &'static str,
    pub history_note_removed: &'static str,
    pub history_task_added: &'static str,
    pub history_task_deleted: &'static str,
    pub decision: &'static str,
    pub stale: &'static str,
    /// The stale mark on a narrow card.
    pub stale_short: &'static str,
    pub empty_column: &'static str,
    pub no_tasks: &'static str,
    pub moved_to: &'static str,
    pub saved: &'static str,
    pub save_failed: &'static str,
    pub reloaded: &'static str,
    pub file_invalid: &'static str,
    pub read_only_refused: &'static str,
    pub looking_back_refused: &'static str,
    /// Header label for the date in use when it is not today (--today).
    pub as_of: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub file: &'static str,
    pub overdue_count: &'static str,
    pub due_soon_count: &'static str,
    pub need_title: &'static str,
    pub confirm_discard: &'static str,
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
    pub created_from_plan: &'static str,
    pub live_refresh_off: &'static str,
    pub filter_label: &'static str,
    pub search_label: &'static str,
    pub unit_label: &'static str,
    pub role_label: &'static str,
    pub role_either: &'static str,
    pub urgency_overdue: &'static str,
    pub urgency_due_soon: &'static str,
    pub urgency_on_track: &'static str,
    pub urgency_done: &'static str,
    pub year_label: &'static str,
    pub all: &'static str,
    pub shown_of: &'static str,
    pub esc_clears: &'static str,
    pub filter_hint: &'static str,
    pub search_hint: &'static str,
    pub review_title: &'static str,
    pub group_overdue_blocked: &'static str,
    pub group_due_soon: &'static str,
    pub group_on_track: &'static str,
    pub group_done: &'static str,
    pub latest_notes: &'static str,
    pub dash_summary: &'static str,
    pub dash_done_share: &'static str,
    pub dash_on_time_rate: &'static str,
    pub dash_timeline: &'static str,
    pub dash_units: &'static str,
    pub dash_ranking: &'static str,
    pub col_lead: &'static str,
    pub col_coop: &'static str,
    pub col_done: &'static str,
    pub col_overdue: &'static str,
    pub col_rate: &'static str,
    pub col_days: &'static str,
    pub col_rank: &'static str,
    pub no_overdue: &'static str,
    pub exported: &'static str,
    pub export_failed: &'static str,
    pub not_applicable: &'static str,
    pub passed: &'static str,
    pub total: &'static str,
    pub tasks_unit: &'static str,
    pub days_unit: &'static str,
    /// Footer and help: what the fixed keys of dialogs, detail and review do.
    pub key_save: &'static str,
    pub key_cancel: &'static str,
    pub key_new_line: &'static str,
    pub key_decision: &'static str,
    pub key_next_field: &'static str,
    pub key_pick_unit: &'static str,
    pub key_keep: &'static str,
    pub key_clear: &'static str,
    pub key_row: &'static str,
    pub key_change: &'static str,
    pub key_apply: &'static str,
    pub key_clear_all: &'static str,
    pub key_delete: &'static str,
    pub key_confirm_delete: &'static str,
    /// The "key" that cancels the delete confirmation.
    pub key_other_keys: &'static str,
    pub key_back: &'static str,
    pub key_close: &'static str,
    pub key_scroll: &'static str,
    pub key_status: &'static str,
    pub key_note: &'static str,
    pub key_next: &'static str,
    pub key_previous: &'static str,
    pub key_leave: &'static str,
    /// Help: the headings of the fixed keys and of the mouse, and the mouse's gestures.
    pub help_dialog_keys: &'static str,
    pub help_mouse: &'static str,
    pub mouse_click: &'static str,
    pub mouse_select: &'static str,
    pub mouse_click_again: &'static str,
    pub mouse_open: &'static str,
    pub mouse_wheel: &'static str,
    pub mouse_tab: &'static str,
    pub mouse_switch_view: &'static str,
}

pub static ZH: Strings = Strings {
    view_status: "按状态",
    view_units: "按单位",
    view_dashboard: "总览",
    today: "今天",
    read_only: "只读",
    too_small: "终端太小，请放大窗口",
    help_title: "快捷键",
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
    history_note_added: "写进展",
    history_note_removed: "删除进展",
    history_task_added: "新增任务",
    history_task_deleted: "删除任务",
    decision: "会议决定",
    stale: "久未更新",
    stale_short: "未更新",
    empty_column: "（空）",
    no_tasks: "没有任务",
    moved_to: "已移至",
    saved: "已保存",
    save_failed: "保存失败",
    reloaded: "已载入他人的修改",
    file_invalid: "文件有误，暂停保存",
    read_only_refused: "只读模式，不能修改",
    looking_back_refused: "回顾模式（--today），不能修改；不带 --today 打开即可修改",
    as_of: "回顾",
    nothing_to_undo: "没有可撤销的修改",
    nothing_to_redo: "没有可重做的修改",
    undone: "已撤销",
    redone: "已重做",
    file: "文件",
    overdue_count: "逾期",
    due_soon_count: "临期",
    need_title: "标题不能为空",
    confirm_discard: "再按 Esc 放弃已输入的内容",
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
    created_from_plan: "已根据内置计划新建",
    live_refresh_off: "无法自动刷新",
    filter_label: "筛选",
    search_label: "搜索",
    unit_label: "单位",
    role_label: "角色",
    role_either: "牵头或配合",
    urgency_overdue: "逾期",
    urgency_due_soon: "临期",
    urgency_on_track: "正常",
    urgency_done: "已完成",
    year_label: "年份",
    all: "全部",
    shown_of: "显示",
    esc_clears: "Esc 清除",
    filter_hint: "上/下 选择项  左/右 更改  Enter 应用  x 清空  Esc 取消",
    search_hint: "输入即筛选  Enter 保留  Esc 清除",
    review_title: "会议审阅",
    group_overdue_blocked: "逾期或需协调",
    group_due_soon: "临近时间节点",
    group_on_track: "进度正常",
    group_done: "已完成",
    latest_notes: "最近进展",
    dash_summary: "概况",
    dash_done_share: "完成",
    dash_on_time_rate: "按期完成率",
    dash_timeline: "时间节点",
    dash_units: "各单位",
    dash_ranking: "逾期排名",
    col_lead: "牵头",
    col_coop: "配合",
    col_done: "完成",
    col_overdue: "逾期",
    col_rate: "按期率",
    col_days: "逾期天数",
    col_rank: "名次",
    no_overdue: "没有逾期任务",
    exported: "已导出",
    export_failed: "导出失败",
    not_applicable: "-",
    passed: "已过",
    total: "共",
    tasks_unit: "项",
    days_unit: "天",
    key_save: "保存",
    key_cancel: "取消",
    key_new_line: "换行",
    key_decision: "会议决定",
    key_next_field: "下一项",
    key_pick_unit: "选择已有单位",
    key_keep: "保留",
    key_clear: "清除",
    key_row: "选择项",
    key_change: "更改",
    key_apply: "应用",
    key_clear_all: "清空",
    key_delete: "删除",
    key_confirm_delete: "确认删除",
    key_other_keys: "其他键",
    key_back: "返回",
    key_close: "关闭",
    key_scroll: "滚动",
    key_status: "改状态",
    key_note: "写进展",
    key_next: "下一项",
    key_previous: "上一项",
    key_leave: "退出",
    help_dialog_keys: "对话框中",
    help_mouse: "鼠标",
    mouse_click: "单击",
    mouse_select: "选中任务",
    mouse_click_again: "再次单击",
    mouse_open: "打开任务详情",
    mouse_wheel: "滚轮",
    mouse_tab: "单击标签",
    mouse_switch_view: "切换视图",
};

pub static EN: Strings = Strings {
    view_status: "By status",
    view_units: "By unit",
    view_dashboard: "Dashboard",
    today: "Today",
    read_only: "READ-ONLY",
    too_small: "Terminal too small: please enlarge the window",
    help_title: "Keys",
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
    history_note_added: "note",
    history_note_removed: "note removed",
    history_task_added: "task added",
    history_task_deleted: "task deleted",
    decision: "meeting decision",
    stale: "stale",
    stale_short: "stale",
    empty_column: "(empty)",
    no_tasks: "No tasks",
    moved_to: "moved to",
    saved: "saved",
    save_failed: "save failed",
    reloaded: "loaded changes made by others",
    file_invalid: "file invalid, saving paused",
    read_only_refused: "read-only: changes are not allowed",
    looking_back_refused: "looking back (--today): changes are not allowed; open without --today to change",
    as_of: "As of",
    nothing_to_undo: "nothing to undo",
    nothing_to_redo: "nothing to redo",
    undone: "undone",
    redone: "redone",
    file: "File",
    overdue_count: "overdue",
    due_soon_count: "due soon",
    need_title: "the title must not be empty",
    confirm_discard: "press Esc again to discard what you typed",
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
    created_from_plan: "created from the built-in plan",
    live_refresh_off: "live refresh off",
    filter_label: "Filter",
    search_label: "Search",
    unit_label: "Unit",
    role_label: "Role",
    role_either: "lead or co-op",
    urgency_overdue: "overdue",
    urgency_due_soon: "due soon",
    urgency_on_track: "on track",
    urgency_done: "done",
    year_label: "Year",
    all: "all",
    shown_of: "showing",
    esc_clears: "Esc clears",
    filter_hint: "Up/Down row  Left/Right change  Enter apply  x clear  Esc cancel",
    search_hint: "type to narrow  Enter keep  Esc clear",
    review_title: "Meeting review",
    group_overdue_blocked: "overdue or needs coordination",
    group_due_soon: "due soon",
    group_on_track: "on track",
    group_done: "done",
    latest_notes: "Latest notes",
    dash_summary: "Summary",
    dash_done_share: "done",
    dash_on_time_rate: "on-time rate",
    dash_timeline: "Deadlines",
    dash_units: "Units",
    dash_ranking: "Overdue ranking",
    col_lead: "lead",
    col_coop: "co-op",
    col_done: "done",
    col_overdue: "overdue",
    col_rate: "on time",
    col_days: "days",
    col_rank: "#",
    no_overdue: "no overdue tasks",
    exported: "exported",
    export_failed: "export failed",
    not_applicable: "-",
    passed: "passed",
    total: "total",
    tasks_unit: "tasks",
    days_unit: "days",
    key_save: "save",
    key_cancel: "cancel",
    key_new_line: "new line",
    key_decision: "meeting decision",
    key_next_field: "next field",
    key_pick_unit: "pick a known unit",
    key_keep: "keep",
    key_clear: "clear",
    key_row: "row",
    key_change: "change",
    key_apply: "apply",
    key_clear_all: "clear all",
    key_delete: "delete",
    key_confirm_delete: "confirm delete",
    key_other_keys: "other keys",
    key_back: "back",
    key_close: "close",
    key_scroll: "scroll",
    key_status: "status",
    key_note: "note",
    key_next: "next",
    key_previous: "previous",
    key_leave: "leave",
    help_dialog_keys: "In dialogs",
    help_mouse: "Mouse",
    mouse_click: "click",
    mouse_select: "select a task",
    mouse_click_again: "click again",
    mouse_open: "open the task",
    mouse_wheel: "wheel",
    mouse_tab: "click a tab",
    mouse_switch_view: "switch view",
};
