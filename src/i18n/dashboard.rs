//! The words of the dashboard's newer sections (the chart over time, lights per unit, 近期节点,
//! the reporting table) and of the review's layout, in both languages. Kept beside `Strings` in a
//! file of their own so that the views' helpers add words without touching the same lines.

use super::Lang;

pub struct DashboardLabels {
    /// The chart over time.
    pub progress: &'static str,
    /// Said in the chart while the history is still being read.
    pub history_loading: &'static str,
    /// Said in the chart before the plan's date.
    pub no_weeks: &'static str,
    /// The section of milestones due soon and missed.
    pub milestones: &'static str,
    /// A line's lead word: milestones due soon / missed.
    pub due_soon: &'static str,
    pub missed: &'static str,
    pub no_milestones: &'static str,
    /// The reporting table (shown with a report cycle).
    pub reporting: &'static str,
    pub on_time: &'static str,
    pub late: &'static str,
    pub missing: &'static str,
    pub rate: &'static str,
    pub all_units: &'static str,
    /// The line under a page taller than the screen: which keys move a screen.
    pub screens: &'static str,
    /// The review's sections.
    pub milestones_heading: &'static str,
    pub history_heading: &'static str,
    pub text_heading: &'static str,
}

const ZH: DashboardLabels = DashboardLabels {
    progress: "逐周进展",
    history_loading: "变更记录读取中",
    no_weeks: "尚无周数据",
    milestones: "近期节点",
    due_soon: "近期",
    missed: "逾期",
    no_milestones: "没有近期或逾期的节点",
    reporting: "上报情况",
    on_time: "按时",
    late: "迟报",
    missing: "未报",
    rate: "上报率",
    all_units: "合计",
    screens: "翻屏",
    milestones_heading: "工作节点",
    history_heading: "近期变更",
    text_heading: "任务内容",
};

const EN: DashboardLabels = DashboardLabels {
    progress: "Week by week",
    history_loading: "reading the history",
    no_weeks: "no weeks yet",
    milestones: "Milestones due soon or missed",
    due_soon: "due",
    missed: "missed",
    no_milestones: "no milestone due soon or missed",
    reporting: "Reporting",
    on_time: "on time",
    late: "late",
    missing: "missing",
    rate: "rate",
    all_units: "all units",
    screens: "screen",
    milestones_heading: "Milestones",
    history_heading: "Recent changes",
    text_heading: "Task",
};

impl Lang {
    pub fn dashboard_labels(self) -> &'static DashboardLabels {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// An overdue ranking line's figures, longest form first: the overdue tasks the unit leads,
    /// the longest and the median delay. The drawing takes the longest that fits.
    pub fn overdue_figures(self, tasks: usize, longest: i64, median: i64) -> [String; 3] {
        match self {
            Lang::Zh => [
                format!("{tasks} 项 最长 {longest} 天 中位 {median} 天"),
                format!("{tasks} 项 最长 {longest} 天"),
                format!("{tasks} 项"),
            ],
            Lang::En => {
                let noun = if tasks == 1 { "task" } else { "tasks" };
                [
                    format!("{tasks} {noun}, longest {longest} d, median {median} d"),
                    format!("{tasks} {noun}, longest {longest} d"),
                    format!("{tasks} {noun}"),
                ]
            }
        }
    }

    /// The line under a ranking cut short: how many units are not shown.
    pub fn more_units(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("另有 {n} 个单位"),
            Lang::En => format!("{n} more units"),
        }
    }

    /// The reporting table's title: over how many periods.
    pub fn reporting_title(self, periods: usize) -> String {
        match self {
            Lang::Zh => format!("上报情况（近 {periods} 期）"),
            Lang::En => format!("Reporting, last {periods} periods"),
        }
    }

    /// 记录会议 for the footer once the review has recorded today's meeting.
    pub fn meeting_recorded(self, date: chrono::NaiveDate) -> String {
        match self {
            Lang::Zh => format!("已记录会议 {date}"),
            Lang::En => format!("meeting of {date} recorded"),
        }
    }
}
