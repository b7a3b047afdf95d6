//! The words of the changes view (`4`) and its start dialog (`S`), in both languages. Kept beside
//! `Strings` so each label has both; the change items themselves are worded by
//! `report::changes::describe`, as `ftz-board changes` words them.

use chrono::NaiveDate;

use super::Lang;

/// Fixed labels of the changes view.
pub struct ChangesLabels {
    /// The header tab: 变化.
    pub tab: &'static str,
    /// The view's title.
    pub title: &'static str,
    /// Shown until the history (read after the first frame) arrives.
    pub loading: &'static str,
    /// Nothing happened in the window.
    pub nothing: &'static str,
    /// Heading of board-wide items (meetings).
    pub board_wide: &'static str,
    /// The start dialog's title and its line of help.
    pub start_title: &'static str,
    pub start_help: &'static str,
    /// Footer labels.
    pub key_start: &'static str,
    pub key_open: &'static str,
    pub key_meetings: &'static str,
    pub key_task: &'static str,
    /// Enter on a task that no longer exists on the board shown.
    pub task_gone: &'static str,
}

const ZH: ChangesLabels = ChangesLabels {
    tab: "变化",
    title: "变化",
    loading: "正在读取变更记录…",
    nothing: "此期间没有变化",
    board_wide: "全局",
    start_title: "变化起始日期",
    start_help: "输入日期 YYYY-MM-DD 或 last-meeting；上/下键选择已记录的会议",
    key_start: "起始日期",
    key_open: "任务详情",
    key_meetings: "上/下一次会议",
    key_task: "上/下一任务",
    task_gone: "该任务在所用日期的看板上不存在（已删除）",
};

const EN: ChangesLabels = ChangesLabels {
    tab: "Changes",
    title: "Changes",
    loading: "reading the history...",
    nothing: "nothing changed in this period",
    board_wide: "Board",
    start_title: "Changes since",
    start_help: "type a date YYYY-MM-DD or last-meeting; Up/Down pick a recorded meeting",
    key_start: "start date",
    key_open: "task detail",
    key_meetings: "earlier/later meeting",
    key_task: "previous/next task",
    task_gone: "that task is not on the board of the date in use (deleted)",
};

/// Where the changes view's window starts, and why there: what the view says above the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SinceReason {
    /// The last meeting recorded before the date in use.
    LastMeeting,
    /// No meeting recorded before the date in use: the last 7 days.
    NoMeetingWeek,
    /// No meeting, and the plan is younger than a week: since the plan's date.
    NoMeetingPlan,
    /// Picked with the start dialog.
    Chosen,
}

impl Lang {
    pub fn changes_labels(self) -> &'static ChangesLabels {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The line above the list: "自上次会议（2025-05-02）至 2025-06-30，共 5 项".
    pub fn changes_window(
        self,
        reason: SinceReason,
        since: NaiveDate,
        until: NaiveDate,
        count: usize,
    ) -> String {
        match (self, reason) {
            (Lang::Zh, SinceReason::LastMeeting) => {
                format!("自上次会议（{since}）至 {until}，共 {count} 项")
            }
            (Lang::Zh, SinceReason::NoMeetingWeek) => {
                format!("尚无会议记录：最近 7 天（{since} 至 {until}），共 {count} 项")
            }
            (Lang::Zh, SinceReason::NoMeetingPlan) => {
                format!("尚无会议记录：自方案印发（{since}）至 {until}，共 {count} 项")
            }
            (Lang::Zh, SinceReason::Chosen) => {
                format!("{since} 至 {until}，共 {count} 项")
            }
            (Lang::En, SinceReason::LastMeeting) => {
                format!("since the last meeting ({since}) to {until}: {count}")
            }
            (Lang::En, SinceReason::NoMeetingWeek) => {
                format!("no meeting recorded yet: the last 7 days ({since} to {until}): {count}")
            }
            (Lang::En, SinceReason::NoMeetingPlan) => {
                format!(
                    "no meeting recorded yet: since the plan's date ({since}) to {until}: {count}"
                )
            }
            (Lang::En, SinceReason::Chosen) => format!("{since} to {until}: {count}"),
        }
    }

    /// Said after the window's line when the record does not reach back far enough.
    pub fn changes_incomplete(self, until: NaiveDate) -> String {
        match self {
            Lang::Zh => format!("（{until} 前的变更记录不完整）"),
            Lang::En => format!(" (the record before {until} is incomplete)"),
        }
    }

    /// The start dialog refuses text that is not a date.
    pub fn changes_bad_start(self, text: &str) -> String {
        match self {
            Lang::Zh => format!("“{text}”不是日期（应为 YYYY-MM-DD 或 last-meeting）"),
            Lang::En => format!("`{text}` is not a date (expected YYYY-MM-DD or last-meeting)"),
        }
    }

    /// The start dialog refuses a start after the date in use.
    pub fn changes_start_after(self, since: NaiveDate, until: NaiveDate) -> String {
        match self {
            Lang::Zh => format!("起始日期 {since} 晚于所用日期 {until}"),
            Lang::En => format!("{since} is after the date in use, {until}"),
        }
    }
}
