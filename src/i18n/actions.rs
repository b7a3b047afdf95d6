//! What each action does, in both languages: help, the footer and the key hints show these.

use super::Lang;
use crate::action::Action;

impl Lang {
    pub fn action(self, action: Action) -> &'static str {
        match self {
            Lang::Zh => zh(action),
            Lang::En => en(action),
        }
    }
}

fn zh(action: Action) -> &'static str {
    match action {
        Action::Up => "上移",
        Action::Down => "下移",
        Action::Left => "左移 / 上一单位",
        Action::Right => "右移 / 下一单位",
        Action::PageUp => "上翻页",
        Action::PageDown => "下翻页",
        Action::First => "到第一项",
        Action::Last => "到最后一项",
        Action::NextView => "切换视图",
        Action::ShowStatusView => "按状态视图",
        Action::ShowUnitView => "按单位视图",
        Action::ShowDashboard => "总览视图",
        Action::Search => "搜索",
        Action::Filter => "筛选",
        Action::Review => "会议审阅模式",
        Action::Export => "导出进展报告",
        Action::OpenDetail => "查看任务详情",
        Action::Back => "返回 / 关闭 / 清除筛选",
        Action::MoveNext => "移到下一状态",
        Action::MovePrevious => "移到上一状态",
        Action::ToggleHelp => "帮助",
        Action::AddNote => "写进展",
        Action::EditTask => "修改任务",
        Action::AddTask => "新增任务",
        Action::DeleteTask => "删除任务",
        Action::Undo => "撤销",
        Action::Redo => "重做",
        Action::DayBack => "回顾：前一天",
        Action::DayForward => "回顾：后一天",
        Action::WeekBack => "回顾：前一周",
        Action::WeekForward => "回顾：后一周",
        Action::MonthBack => "回顾：前一月",
        Action::MonthForward => "回顾：后一月",
        Action::PreviousMeeting => "回顾：上一次会议",
        Action::NextMeeting => "回顾：下一次会议",
        Action::BackToToday => "回到今天",
        Action::ToggleDensity => "卡片：自动/紧凑/完整",
        Action::Quit => "退出",
    }
}

fn en(action: Action) -> &'static str {
    match action {
        Action::Up => "move up",
        Action::Down => "move down",
        Action::Left => "move left / previous unit",
        Action::Right => "move right / next unit",
        Action::PageUp => "page up",
        Action::PageDown => "page down",
        Action::First => "go to first",
        Action::Last => "go to last",
        Action::NextView => "switch view",
        Action::ShowStatusView => "view by status",
        Action::ShowUnitView => "view by unit",
        Action::ShowDashboard => "dashboard",
        Action::Search => "search",
        Action::Filter => "filter",
        Action::Review => "meeting review",
        Action::Export => "export progress report",
        Action::OpenDetail => "open task detail",
        Action::Back => "back / close / clear filter",
        Action::MoveNext => "move task to next status",
        Action::MovePrevious => "move task to previous status",
        Action::ToggleHelp => "help",
        Action::AddNote => "add a progress note",
        Action::EditTask => "edit task",
        Action::AddTask => "add a task",
        Action::DeleteTask => "delete task",
        Action::Undo => "undo",
        Action::Redo => "redo",
        Action::DayBack => "look back: a day earlier",
        Action::DayForward => "look back: a day later",
        Action::WeekBack => "look back: a week earlier",
        Action::WeekForward => "look back: a week later",
        Action::MonthBack => "look back: a month earlier",
        Action::MonthForward => "look back: a month later",
        Action::PreviousMeeting => "look back: previous meeting",
        Action::NextMeeting => "look back: next meeting",
        Action::BackToToday => "back to today",
        Action::ToggleDensity => "cards: auto/compact/full",
        Action::Quit => "quit",
    }
}
