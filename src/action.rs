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
    /// What changed since the last meeting (or a start picked with `PickChangesStart`).
    ShowChanges,
    /// Pick where the changes view starts: a date, `last-meeting`, or a recorded meeting.
    PickChangesStart,
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
    /// Look at the board as it stood one day, week or month earlier or later (read-only).
    DayBack,
    DayForward,
    WeekBack,
    WeekForward,
    MonthBack,
    MonthForward,
    /// Look at the board as it stood at the recorded meeting before or after the date in use.
    PreviousMeeting,
    NextMeeting,
    /// Back to today's board after looking back.
    BackToToday,
    /// Ask the office to close the selected task (申请销号), with a note of what was done.
    RequestClose,
    /// Ask the office for a later deadline on the selected task (延期申请).
    RequestExtend,
    /// The open requests, for the office to decide (待审批申请).
    Approvals,
    /// The merge conflicts in the board, to settle each by picking a side (合并冲突).
    Conflicts,
    /// The status view's cards: automatic, compact (one line each) or full.
    ToggleDensity,
    Quit,
    /// Add a milestone (工作节点) to the task in the detail view.
    AddMilestone,
    /// Edit the milestone selected in the detail view.
    EditMilestone,
    /// Mark the selected milestone done (asks the date), or reopen it when it is done.
    ToggleMilestone,
    /// Delete the selected milestone (asks first).
    DeleteMilestone,
    /// In a city view: show every board, then each in turn.
    NextBoard,
}

impl Action {
    /// Every action, in the order help lists them.
    pub const ALL: [Action; 49] = [
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
        Action::ShowChanges,
        Action::PickChangesStart,
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
        Action::DayBack,
        Action::DayForward,
        Action::WeekBack,
        Action::WeekForward,
        Action::MonthBack,
        Action::MonthForward,
        Action::PreviousMeeting,
        Action::NextMeeting,
        Action::BackToToday,
        Action::RequestClose,
        Action::RequestExtend,
        Action::Approvals,
        Action::Conflicts,
        Action::ToggleDensity,
        Action::ToggleHelp,
        Action::Quit,
        Action::AddMilestone,
        Action::EditMilestone,
        Action::ToggleMilestone,
        Action::DeleteMilestone,
        Action::NextBoard,
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
                | Action::AddMilestone
                | Action::EditMilestone
                | Action::ToggleMilestone
                | Action::DeleteMilestone
                | Action::RequestClose
                | Action::RequestExtend
        )
    }

    /// (Chinese, English) description for help; the words live in `i18n::actions` with every
    /// other label.
    pub fn describe(self) -> (&'static str, &'static str) {
        (
            crate::i18n::Lang::Zh.action(self),
            crate::i18n::Lang::En.action(self),
        )
    }
}
