//! The vocabulary of the interactive board: what keys map to and what `App::update` understands.

/// One thing the user asks for. The keymap maps keys to these; views handle the ones they care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    First,
    Last,
    /// Cycle through the views.
    NextView,
    ShowStatusView,
    ShowUnitView,
    ShowDashboard,
    /// Search titles, texts, units and notes; narrows the current view.
    Search,
    /// Filter by unit, role, status, urgency, deadline year.
    Filter,
    /// Step through the tasks that need discussion, one a screen (meeting review).
    Review,
    /// Write today's progress report (xlsx and Markdown) next to the board file.
    Export,
    OpenDetail,
    /// Close the open overlay (detail, help); clears a message otherwise.
    Back,
    /// Move the selected task to the next status column.
    MoveNext,
    /// Move the selected task to the previous status column.
    MovePrevious,
    ToggleHelp,
    /// Write a progress note on the selected task.
    AddNote,
    /// Edit the selected task's fields.
    EditTask,
    /// Add a new task to the plan.
    AddTask,
    /// Delete the selected task (asks first).
    DeleteTask,
    Undo,
    Redo,
    Quit,
}

impl Action {
    /// Every action, in the order help lists them.
    pub const ALL: [Action; 28] = [
        Action::Up,
        Action::Down,
        Action::Left,
        Action::Right,
        Action::PageUp,
        Action::PageDown,
        Action::First,
        Action::Last,
        Action::NextView,
        Action::ShowStatusView,
        Action::ShowUnitView,
        Action::ShowDashboard,
        Action::Search,
        Action::Filter,
        Action::Review,
        Action::Export,
        Action::OpenDetail,
        Action::Back,
        Action::MoveNext,
        Action::MovePrevious,
        Action::AddNote,
        Action::EditTask,
        Action::AddTask,
        Action::DeleteTask,
        Action::Undo,
        Action::Redo,
        Action::ToggleHelp,
        Action::Quit,
    ];

    /// Whether the action changes the board (refused when read-only).
    pub fn changes_board(self) -> bool {
        matches!(
            self,
            Action::MoveNext
                | Action::MovePrevious
                | Action::AddNote
                | Action::EditTask
                | Action::AddTask
                | Action::DeleteTask
                | Action::Undo
                | Action::Redo
        )
    }

    /// (Chinese, English) description for help.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            Action::Up => ("上移", "move up"),
            Action::Down => ("下移", "move down"),
            Action::Left => ("左移 / 上一单位", "move left / previous unit"),
            Action::Right => ("右移 / 下一单位", "move right / next unit"),
            Action::PageUp => ("上翻页", "page up"),
            Action::PageDown => ("下翻页", "page down"),
            Action::First => ("到第一项", "go to first"),
            Action::Last => ("到最后一项", "go to last"),
            Action::NextView => ("切换视图", "switch view"),
            Action::ShowStatusView => ("按状态视图", "view by status"),
            Action::ShowUnitView => ("按单位视图", "view by unit"),
            Action::ShowDashboard => ("总览视图", "dashboard"),
            Action::Search => ("搜索", "search"),
            Action::Filter => ("筛选", "filter"),
            Action::Review => ("会议审阅模式", "meeting review"),
            Action::Export => ("导出进展报告", "export progress report"),
            Action::OpenDetail => ("查看任务详情", "open task detail"),
            Action::Back => ("返回 / 关闭 / 清除筛选", "back / close / clear filter"),
            Action::MoveNext => ("移到下一状态", "move task to next status"),
            Action::MovePrevious => ("移到上一状态", "move task to previous status"),
            Action::ToggleHelp => ("帮助", "help"),
            Action::AddNote => ("写进展", "add a progress note"),
            Action::EditTask => ("修改任务", "edit task"),
            Action::AddTask => ("新增任务", "add a task"),
            Action::DeleteTask => ("删除任务", "delete task"),
            Action::Undo => ("撤销", "undo"),
            Action::Redo => ("重做", "redo"),
            Action::Quit => ("退出", "quit"),
        }
    }
}
