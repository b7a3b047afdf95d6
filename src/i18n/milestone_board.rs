//! The words of milestones in the interactive board: the detail's section, the milestone dialogs,
//! their problems and the messages of their changes, in both languages. Kept beside `lights.rs`
//! (the words every view shares) so the board's own labels do not crowd `Strings`.

use super::Lang;

pub struct MilestoneBoardStrings {
    /// The detail's section heading: 工作节点.
    pub section: &'static str,
    /// The detail's light line label.
    pub light: &'static str,
    /// Footer hint for the milestone cursor (j/k).
    pub key_pick: &'static str,
    /// Footer hint for scrolling the text while j/k pick milestones.
    pub key_page: &'static str,
    pub new_title: &'static str,
    pub edit_title: &'static str,
    pub complete_title: &'static str,
    pub delete_title: &'static str,
    /// Field label: what is to be done by the due date.
    pub title: &'static str,
    /// The task's deadline, shown in the dialog beside the milestone's own date.
    pub task_deadline: &'static str,
    pub form_hint: &'static str,
    pub complete_hint: &'static str,
    pub need_due: &'static str,
    pub need_completed_on: &'static str,
    pub after_deadline: &'static str,
    pub in_future: &'static str,
    /// Marks a milestone due after its task's deadline in the list.
    pub late_mark: &'static str,
    pub added: &'static str,
    pub edited: &'static str,
    pub completed: &'static str,
    pub reopened: &'static str,
    pub deleted: &'static str,
}

const ZH: MilestoneBoardStrings = MilestoneBoardStrings {
    section: "工作节点",
    light: "红绿灯",
    key_pick: "选节点",
    key_page: "翻页",
    new_title: "新增节点",
    edit_title: "修改节点",
    complete_title: "完成节点",
    delete_title: "删除节点",
    title: "节点内容",
    task_deadline: "任务时间节点",
    form_hint: "Tab 下一项  Enter 保存  Esc 取消",
    complete_hint: "Enter 保存  Esc 取消",
    need_due: "节点日期须为日期，如 2025-06-30",
    need_completed_on: "完成日期须为日期，如 2025-06-30",
    after_deadline: "节点日期晚于任务时间节点；再按 Enter 仍保存",
    in_future: "完成日期不能晚于今天",
    late_mark: "晚于任务时间节点",
    added: "已新增节点",
    edited: "已修改",
    completed: "已完成",
    reopened: "已重开",
    deleted: "已删除",
};

const EN: MilestoneBoardStrings = MilestoneBoardStrings {
    section: "Milestones",
    light: "Light",
    key_pick: "pick milestone",
    key_page: "page",
    new_title: "New milestone",
    edit_title: "Edit milestone",
    complete_title: "Complete milestone",
    delete_title: "Delete milestone",
    title: "Title",
    task_deadline: "Task deadline",
    form_hint: "Tab next field  Enter save  Esc cancel",
    complete_hint: "Enter save  Esc cancel",
    need_due: "the due date must be a date such as 2025-06-30",
    need_completed_on: "the completion date must be a date such as 2025-06-30",
    after_deadline: "due after the task's deadline; Enter again saves anyway",
    in_future: "the completion date cannot be after today",
    late_mark: "after the task's deadline",
    added: "milestone added",
    edited: "edited",
    completed: "completed",
    reopened: "reopened",
    deleted: "deleted",
};

impl Lang {
    pub fn milestone_board(self) -> &'static MilestoneBoardStrings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_milestone_labels_hold_no_chinese() {
        let e = Lang::En.milestone_board();
        for s in [
            e.section,
            e.light,
            e.key_pick,
            e.new_title,
            e.title,
            e.form_hint,
            e.after_deadline,
            e.in_future,
            e.late_mark,
            e.added,
        ] {
            assert!(!s.is_empty() && s.is_ascii(), "{s:?}");
        }
    }
}
