//! The words of the city view (several boards at once), in both languages.

use super::Lang;

pub struct CityLabels {
    /// The dashboard's comparison of the boards.
    pub boards: &'static str,
    /// Its first column's header.
    pub board: &'static str,
    pub tasks: &'static str,
    pub done: &'static str,
    pub overdue: &'static str,
    pub rate: &'static str,
    /// The footer's word for the key that switches boards.
    pub switch_short: &'static str,
    /// A new task or a board-wide change while every board is shown.
    pub choose_board: &'static str,
    pub several_boards: &'static str,
    /// The key pressed with one board open.
    pub one_board: &'static str,
}

const ZH: CityLabels = CityLabels {
    boards: "各看板对比",
    board: "看板",
    tasks: "任务",
    done: "完成",
    overdue: "逾期",
    rate: "上报率",
    switch_short: "看板",
    choose_board: "请先按看板键选定一个看板",
    several_boards: "这项变更涉及多个看板，未保存",
    one_board: "只打开了一个看板（--file 可给多个，或用 --dir）",
};

const EN: CityLabels = CityLabels {
    boards: "Boards compared",
    board: "Board",
    tasks: "tasks",
    done: "done",
    overdue: "overdue",
    rate: "reported",
    switch_short: "board",
    choose_board: "choose one board first with the board key",
    several_boards: "this change spans several boards; not saved",
    one_board: "one board is open (give --file several times, or --dir)",
};

impl Lang {
    pub fn city_labels(self) -> &'static CityLabels {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The headline's first words in a city view: every board, or the one shown.
    pub fn city_shown(self, boards: usize, shown: Option<(&str, &str)>) -> String {
        match (self, shown) {
            (Lang::Zh, None) => format!("{boards} 个看板"),
            (Lang::En, None) => format!("{boards} boards"),
            (_, Some((letter, name))) => format!("{letter} {name}"),
        }
    }

    /// Said when the board key switches: what is shown now.
    pub fn city_switched(self, shown: Option<(&str, &str)>) -> String {
        match (self, shown) {
            (Lang::Zh, None) => "显示全部看板".into(),
            (Lang::En, None) => "showing every board".into(),
            (Lang::Zh, Some((letter, name))) => format!("只显示看板 {letter} {name}"),
            (Lang::En, Some((letter, name))) => format!("showing board {letter} {name} only"),
        }
    }

    /// `e` with every board shown.
    pub fn city_export_needs_board(self, key: &str) -> String {
        match self {
            Lang::Zh => format!(
                "先按 {key} 选一个看板再导出；汇总用 ftz-board report --dir（或多个 --file）"
            ),
            Lang::En => format!(
                "choose a board with {key} first; all boards: ftz-board report --dir (or --file …)"
            ),
        }
    }

    /// A task number that belongs to no open board (a forged undo).
    pub fn city_unknown_task(self, label: &str) -> String {
        match self {
            Lang::Zh => format!("任务 {label} 不在打开的看板中"),
            Lang::En => format!("task {label} is on no open board"),
        }
    }
}
