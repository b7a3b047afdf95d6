//! The words of the first screen, in both languages: the headline under the header, the short
//! labels the footer gives its keys (help keeps the long ones), the unit view's role headings and
//! what the footer says of the card density. Kept apart from `Strings` so that they are found
//! together.

use super::Lang;
use crate::action::Action;
use crate::layout::Density;

pub struct BoardWords {
    /// The headline's figures: 共 19, 逾期 19, 临期 0, 需协调 0, 已完成 0.
    pub total: &'static str,
    /// The same for a single task (English has a singular).
    pub total_one: &'static str,
    pub overdue: &'static str,
    pub due_soon: &'static str,
    pub blocked: &'static str,
    pub done: &'static str,
    /// The lights in one character (red, yellow, green) for the headline.
    pub lights: [&'static str; 3],
    /// The unit view's role headings: 牵头任务, 配合任务.
    pub leading: &'static str,
    pub cooperating: &'static str,
}

const ZH: BoardWords = BoardWords {
    total: "共",
    total_one: "共",
    overdue: "逾期",
    due_soon: "临期",
    blocked: "需协调",
    done: "已完成",
    lights: ["红", "黄", "绿"],
    leading: "牵头任务",
    cooperating: "配合任务",
};

const EN: BoardWords = BoardWords {
    total: "tasks",
    total_one: "task",
    overdue: "overdue",
    due_soon: "due soon",
    blocked: "to coordinate",
    done: "done",
    lights: ["red", "yellow", "green"],
    leading: "Leading",
    cooperating: "Cooperating",
};

impl Lang {
    pub fn board_words(self) -> &'static BoardWords {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// A figure of the headline: `逾期 19` in Chinese, `19 overdue` in English (`tasks` reads
    /// `19 tasks`).
    pub fn figure(self, label: &str, n: usize) -> String {
        match self {
            Lang::Zh => format!("{label} {n}"),
            Lang::En => format!("{n} {label}"),
        }
    }

    /// What the footer calls an action: a word or two, so that more keys fit on one line.
    pub fn action_short(self, action: Action) -> &'static str {
        let (zh, en) = match action {
            Action::ToggleHelp => ("帮助", "help"),
            Action::AddNote => ("写进展", "note"),
            Action::OpenDetail => ("详情", "detail"),
            Action::MoveNext | Action::MovePrevious => ("状态", "status"),
            Action::Search => ("搜索", "search"),
            Action::Filter => ("筛选", "filter"),
            Action::Review => ("审阅", "review"),
            Action::Export => ("导出", "export"),
            Action::ToggleDensity => ("卡片", "cards"),
            Action::NextView => ("视图", "view"),
            Action::Undo => ("撤销", "undo"),
            Action::Quit => ("退出", "quit"),
            Action::Conflicts => ("合并冲突", "conflicts"),
            other => return self.action(other),
        };
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The card density as the footer's `z` hint names it: 卡片:自动, `cards: auto`.
    pub fn density(self, density: Density) -> &'static str {
        match (self, density) {
            (Lang::Zh, Density::Auto) => "卡片:自动",
            (Lang::Zh, Density::Compact) => "卡片:紧凑",
            (Lang::Zh, Density::Full) => "卡片:完整",
            (Lang::En, Density::Auto) => "cards: auto",
            (Lang::En, Density::Compact) => "cards: compact",
            (Lang::En, Density::Full) => "cards: full",
        }
    }
}
