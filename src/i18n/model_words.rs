//! The words of the model's values, in Chinese and English: who may change what (`Act`,
//! `Refusal`), a period's reporting state, a request's errors. They are here, not beside the
//! values, so that every label has one place (`i18n`); the model holds the values and their
//! stable names only.

use crate::model::OpError;
use crate::model::cycle::ReportState;
use crate::model::permission::{Act, Refusal};

impl Act {
    pub fn zh(self) -> &'static str {
        match self {
            Act::AddNote => "添加进展",
            Act::RemoveOwnNote | Act::RemoveNote => "删除进展",
            Act::CompleteMilestone => "完成工作节点",
            Act::FileRequest => "提出申请（申请销号、延期申请）",
            Act::WithdrawRequest => "撤回申请",
            Act::SetStatus => "修改状态",
            Act::Close => "销号",
            Act::Reopen => "重新打开已完成的任务",
            Act::EditPlan => "修改任务内容",
            Act::EditMilestone => "修改工作节点",
            Act::AddTask => "新增任务",
            Act::DeleteTask => "删除任务",
            Act::DecideRequest => "审批申请",
            Act::ChangeRoles => "修改角色",
            Act::RecordMeeting => "记录会议",
            Act::ResolveConflict => "处理合并冲突",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Act::AddNote => "add notes",
            Act::RemoveOwnNote | Act::RemoveNote => "remove notes",
            Act::CompleteMilestone => "complete milestones",
            Act::FileRequest => "file requests (closure, extension)",
            Act::WithdrawRequest => "withdraw requests",
            Act::SetStatus => "change the status",
            Act::Close => "close a task (销号)",
            Act::Reopen => "reopen a done task",
            Act::EditPlan => "edit the plan's fields",
            Act::EditMilestone => "edit milestones",
            Act::AddTask => "add tasks",
            Act::DeleteTask => "delete tasks",
            Act::DecideRequest => "decide requests",
            Act::ChangeRoles => "change the roles",
            Act::RecordMeeting => "record meetings",
            Act::ResolveConflict => "resolve merge conflicts",
        }
    }
}

impl Refusal {
    pub fn zh(&self) -> String {
        match self {
            Refusal::OfficeOnly(act) => format!("只有专班办公室可以{}", act.zh()),
            Refusal::UnitsOnly { act, task } => format!(
                "只有任务 #{task} 的牵头、配合单位成员或专班办公室可以{}",
                act.zh()
            ),
            Refusal::NotNamed { login } => {
                format!("{login} 未列入看板的角色（roles），只能查看，不能修改")
            }
            Refusal::NoLogin => "无法确定当前系统用户的登录名，看板设有角色，不能修改".into(),
        }
    }

    pub fn en(&self) -> String {
        match self {
            Refusal::OfficeOnly(act) => {
                format!("only the task force office (专班办公室) may {}", act.en())
            }
            Refusal::UnitsOnly { act, task } => format!(
                "only members of task {task}'s lead or cooperating units, or the office, may {}",
                act.en()
            ),
            Refusal::NotNamed { login } => format!(
                "{login} is not named in the board's roles: they may read the board but change nothing"
            ),
            Refusal::NoLogin => {
                "the board has roles, and this user id has no login name: not changing anything"
                    .into()
            }
        }
    }
}

impl std::fmt::Display for Refusal {
    /// Both languages: the shell's messages are read by both kinds of colleague.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.zh(), self.en())
    }
}

impl ReportState {
    pub fn zh(self) -> &'static str {
        match self {
            ReportState::OnTime { .. } => "本期已报",
            ReportState::Late { .. } => "本期已报（逾期）",
            ReportState::NotYet => "未报",
            ReportState::Overdue => "逾期未报",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            ReportState::OnTime { .. } => "reported",
            ReportState::Late { .. } => "reported late",
            ReportState::NotYet => "not yet reported",
            ReportState::Overdue => "overdue, not reported",
        }
    }
}

/// A request's error in Chinese (the board's footer); English is its `Display`.
pub fn zh_message(e: &OpError) -> String {
    match e {
        OpError::RequestOpen(id) => {
            format!("任务 #{id} 已有待审批的申请，需专班办公室先行审批")
        }
        OpError::NoOpenRequest(id) => format!("任务 #{id} 没有待审批的申请"),
        OpError::AlreadyDone(id) => format!("任务 #{id} 已完成"),
        OpError::RequestNeedsText(id) => {
            format!("任务 #{id} 的申请需写明完成情况（申请销号）或理由（延期申请）")
        }
        OpError::ExtensionNotLater { id, deadline } => {
            format!("任务 #{id} 的期限为 {deadline}，延期须晚于此日期")
        }
        OpError::WrongDecision { id, closure: true } => {
            format!("任务 #{id} 的申请为申请销号：可同意（approve）或退回（return）")
        }
        OpError::WrongDecision { id, closure: false } => {
            format!("任务 #{id} 的申请为延期申请：可同意（approve）或不同意（refuse）")
        }
        other => other.to_string(),
    }
}
