//! The words of requests, approvals, roles and task marks on the board, in both languages. Kept
//! apart from `Strings` so that this feature's labels live in one place, each with both languages.

use super::Lang;
use crate::app::marks::Mark;
use crate::model::permission::Refusal;

/// Labels of the request dialogs and the approvals list.
#[derive(Debug)]
pub struct ApprovalLabels {
    /// The approvals list's title (待审批申请).
    pub list_title: &'static str,
    pub no_requests: &'static str,
    pub kind_close: &'static str,
    pub kind_extend: &'static str,
    /// An extension asked after the deadline had passed.
    pub late: &'static str,
    pub by: &'static str,
    pub asked_on: &'static str,
    pub note: &'static str,
    pub reason: &'static str,
    pub new_deadline: &'static str,
    pub current_deadline: &'static str,
    pub close_title: &'static str,
    pub extend_title: &'static str,
    pub decide_title: &'static str,
    pub approve: &'static str,
    /// 退回: a closure sent back.
    pub send_back: &'static str,
    /// 不同意: an extension refused.
    pub refuse: &'static str,
    /// Under the reason field of the decide dialog.
    pub reason_hint: &'static str,
    pub need_note: &'static str,
    pub need_reason: &'static str,
    pub need_later_prefix: &'static str,
    pub key_submit: &'static str,
    pub key_decide: &'static str,
    pub key_choose: &'static str,
    pub key_field: &'static str,
    pub requested_close: &'static str,
    pub requested_extend: &'static str,
    pub decided: &'static str,
    pub awaiting_close: &'static str,
    pub extension_to: &'static str,
    /// A card's short word for an open extension request.
    pub extension_short: &'static str,
    pub read_only: &'static str,
    pub not_in_roles: &'static str,
    pub no_login: &'static str,
}

pub(super) static ZH_LABELS: ApprovalLabels = ApprovalLabels {
    list_title: "待审批申请",
    no_requests: "没有待审批的申请",
    kind_close: "申请销号",
    kind_extend: "延期申请",
    late: "逾期提出",
    by: "申请人",
    asked_on: "提出日期",
    note: "完成情况",
    reason: "理由",
    new_deadline: "延至",
    current_deadline: "现期限",
    close_title: "申请销号",
    extend_title: "延期申请",
    decide_title: "审批",
    approve: "同意",
    send_back: "退回",
    refuse: "不同意",
    reason_hint: "退回或不同意须写明理由",
    need_note: "请写明完成情况（申请销号的依据）",
    need_reason: "请写明理由",
    need_later_prefix: "延期日期须晚于现期限",
    key_submit: "提交",
    key_decide: "审批",
    key_choose: "选择",
    key_field: "切换栏目",
    requested_close: "已申请销号",
    requested_extend: "已提交延期申请",
    decided: "已审批",
    awaiting_close: "待销号",
    extension_to: "延期申请至",
    extension_short: "延期申请",
    read_only: "只读",
    not_in_roles: "未列入角色",
    no_login: "无登录名",
};

pub(super) static EN_LABELS: ApprovalLabels = ApprovalLabels {
    list_title: "Open requests",
    no_requests: "No open requests",
    kind_close: "closure",
    kind_extend: "extension",
    late: "asked late",
    by: "by",
    asked_on: "asked on",
    note: "what was done",
    reason: "reason",
    new_deadline: "new deadline",
    current_deadline: "deadline now",
    close_title: "Request closure (sign-off)",
    extend_title: "Request an extension",
    decide_title: "Decide",
    approve: "approve",
    send_back: "return",
    refuse: "refuse",
    reason_hint: "a return or a refusal needs a reason",
    need_note: "write what was done (the grounds for closure)",
    need_reason: "write the reason",
    need_later_prefix: "the new deadline must be after",
    key_submit: "submit",
    key_decide: "decide",
    key_choose: "choose",
    key_field: "next field",
    requested_close: "closure requested",
    requested_extend: "extension requested",
    decided: "decided",
    awaiting_close: "awaiting sign-off",
    extension_to: "extension asked to",
    extension_short: "extension asked",
    read_only: "read-only",
    not_in_roles: "not in the roles",
    no_login: "no login name",
};

impl Lang {
    pub fn approval_labels(self) -> &'static ApprovalLabels {
        self.strings().approvals
    }

    /// A task mark's words: 待销号, 延期申请至 2026-06-30（逾期提出）, 本期已报 …
    pub fn mark(self, mark: &Mark) -> String {
        let l = self.approval_labels();
        match mark {
            Mark::Conflict { fields } => match self {
                Lang::Zh => format!("合并冲突 {fields} 处"),
                Lang::En => format!("{fields} merge conflict(s)"),
            },
            Mark::AwaitingClose { .. } => l.awaiting_close.to_string(),
            Mark::ExtensionAsked { to, late } => {
                let late = match (late, self) {
                    (false, _) => String::new(),
                    (true, Lang::Zh) => format!("（{}）", l.late),
                    (true, Lang::En) => format!(" ({})", l.late),
                };
                format!("{} {to}{late}", l.extension_to)
            }
            Mark::Report(state) => match self {
                Lang::Zh => state.zh().to_string(),
                Lang::En => state.en().to_string(),
            },
        }
    }

    /// Why a change is refused by the roles, in the user's language. The English words leave out
    /// the Chinese terms the shell's message gives in brackets: the English board shows no Chinese
    /// but the task data.
    pub fn refusal(self, refusal: &Refusal) -> String {
        match self {
            Lang::Zh => refusal.zh(),
            Lang::En => without_chinese_asides(&refusal.en()),
        }
    }

    /// The header's read-only mark when the roles let this person only read the board, naming
    /// who they are and why: `[只读：lina 未列入角色]`.
    pub fn roles_read_only_mark(self, refusal: &Refusal) -> String {
        let l = self.approval_labels();
        let why = match refusal {
            Refusal::NotNamed { login } => format!("{login} {}", l.not_in_roles),
            _ => l.no_login.to_string(),
        };
        match self {
            Lang::Zh => format!("[{}：{why}]", l.read_only),
            Lang::En => format!("[{}: {why}]", l.read_only),
        }
    }
}

/// `only the office (专班办公室) may close a task (销号)` → `only the office may close a task`.
fn without_chinese_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let aside = &rest[open..open + close + 1];
        out.push_str(&rest[..open]);
        if !aside
            .chars()
            .any(|c| ('\u{2E80}'..='\u{FFEF}').contains(&c))
        {
            out.push_str(aside);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::permission::Act;

    #[test]
    fn english_refusals_keep_their_meaning_without_the_chinese_terms() {
        let text = Lang::En.refusal(&Refusal::OfficeOnly(Act::Close));
        assert_eq!(text, "only the task force office may close a task");
        let text = Lang::En.refusal(&Refusal::OfficeOnly(Act::FileRequest));
        assert_eq!(
            text,
            "only the task force office may file requests (closure, extension)"
        );
        assert_eq!(
            Lang::Zh.refusal(&Refusal::OfficeOnly(Act::Close)),
            "只有专班办公室可以销号"
        );
    }

    #[test]
    fn the_read_only_mark_says_who_and_why() {
        let who = Refusal::NotNamed {
            login: "guest".into(),
        };
        assert_eq!(
            Lang::Zh.roles_read_only_mark(&who),
            "[只读：guest 未列入角色]"
        );
        assert_eq!(
            Lang::En.roles_read_only_mark(&who),
            "[read-only: guest not in the roles]"
        );
    }
}
