//! The words of lights and milestones, in both languages: what a card, the detail view, the
//! listing and the reports say. Kept here, beside `Strings`, so that each has both languages.

use super::Lang;
use crate::model::light::{Light, Reason};
use crate::model::milestones::MilestoneSummary;
use crate::model::red_record::RedSpell;

/// Labels of the milestone views, in the order zh, en.
pub struct MilestoneLabels {
    /// 节点: a milestone.
    pub milestone: &'static str,
    /// 灯: the light column's header.
    pub light: &'static str,
    /// 近期节点: milestones due within `warn_days`.
    pub upcoming: &'static str,
    /// 逾期节点: missed milestones.
    pub missed: &'static str,
    /// 曾亮红灯: the red record.
    pub was_red: &'static str,
    /// 责任单位: a milestone's units.
    pub units: &'static str,
    pub due: &'static str,
    pub completed_on: &'static str,
    /// Said where a task has no milestones.
    pub none_yet: &'static str,
}

const ZH: MilestoneLabels = MilestoneLabels {
    milestone: "节点",
    light: "灯",
    upcoming: "近期节点",
    missed: "逾期节点",
    was_red: "曾亮红灯",
    units: "责任单位",
    due: "节点日期",
    completed_on: "完成日期",
    none_yet: "尚未分解节点",
};

const EN: MilestoneLabels = MilestoneLabels {
    milestone: "milestone",
    light: "light",
    upcoming: "milestones due soon",
    missed: "missed milestones",
    was_red: "was red",
    units: "units",
    due: "due",
    completed_on: "completed",
    none_yet: "no milestones yet",
};

/// The symbol drawn beside a light's word, so that the light reads without colour. Each is one
/// cell wide in every terminal (no East Asian ambiguous-width character, unlike ● ◐ ○); `ascii`
/// gives the fallback for `--ascii`. A done task shows none.
pub fn light_symbol(light: Light, ascii: bool) -> &'static str {
    match (light, ascii) {
        (Light::Red, false) => "◉",
        (Light::Yellow, false) => "◍",
        (Light::Green, false) => "◌",
        (Light::Red, true) => "X",
        (Light::Yellow, true) => "!",
        (Light::Green, true) => "o",
        (Light::None, _) => "",
    }
}

impl Lang {
    pub fn milestone_labels(self) -> &'static MilestoneLabels {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The light in a word: 红灯 / red. A done task's is 无 / none.
    pub fn light(self, light: Light) -> &'static str {
        match (self, light) {
            (Lang::Zh, Light::Red) => "红灯",
            (Lang::Zh, Light::Yellow) => "黄灯",
            (Lang::Zh, Light::Green) => "绿灯",
            (Lang::Zh, Light::None) => "无",
            (Lang::En, Light::Red) => "red",
            (Lang::En, Light::Yellow) => "yellow",
            (Lang::En, Light::Green) => "green",
            (Lang::En, Light::None) => "none",
        }
    }

    /// Symbol and word, `◉ 红灯` (`X red` with `ascii`); empty for a done task.
    pub fn light_badge(self, light: Light, ascii: bool) -> String {
        match light {
            Light::None => String::new(),
            _ => format!("{} {}", light_symbol(light, ascii), self.light(light)),
        }
    }

    /// Why a task has its light: 节点 2 逾期 3 天, 进度落后 12 个百分点, ….
    pub fn light_reason(self, reason: Reason) -> String {
        let m = self.milestone_labels().milestone;
        match (self, reason) {
            (Lang::Zh, Reason::MilestoneMissed { number, days }) => {
                format!("{m} {number} 逾期 {days} 天")
            }
            (Lang::Zh, Reason::DeadlineMissed { days }) => format!("任务逾期 {days} 天"),
            (
                Lang::Zh,
                Reason::MilestoneNear {
                    number,
                    days_left: 0,
                },
            ) => {
                format!("{m} {number} 今天到期")
            }
            (Lang::Zh, Reason::MilestoneNear { number, days_left }) => {
                format!("{m} {number} 剩 {days_left} 天")
            }
            (Lang::Zh, Reason::DeadlineNear { days_left: 0 }) => "任务今天到期".into(),
            (Lang::Zh, Reason::DeadlineNear { days_left }) => format!("任务剩 {days_left} 天"),
            (Lang::Zh, Reason::Behind { points }) => {
                format!("进度落后序时 {points} 个百分点")
            }
            (Lang::En, Reason::MilestoneMissed { number, days }) => {
                format!("{m} {number} missed by {days} {}", super::days_word(days))
            }
            (Lang::En, Reason::DeadlineMissed { days }) => {
                format!("deadline missed by {days} {}", super::days_word(days))
            }
            (
                Lang::En,
                Reason::MilestoneNear {
                    number,
                    days_left: 0,
                },
            ) => {
                format!("{m} {number} due today")
            }
            (Lang::En, Reason::MilestoneNear { number, days_left }) => {
                format!(
                    "{m} {number} due in {days_left} {}",
                    super::days_word(days_left)
                )
            }
            (Lang::En, Reason::DeadlineNear { days_left: 0 }) => "deadline today".into(),
            (Lang::En, Reason::DeadlineNear { days_left }) => {
                format!("deadline in {days_left} {}", super::days_word(days_left))
            }
            (Lang::En, Reason::Behind { points }) => {
                format!("{points} points behind schedule")
            }
        }
    }

    /// A card's milestone line: `节点 2/5 06-30` (done out of all, then the next one's due
    /// date), `节点 5/5` when all are done. No separator glyph: `·` is two cells wide in some
    /// terminals.
    pub fn milestone_badge(self, summary: &MilestoneSummary) -> String {
        let word = match self {
            Lang::Zh => "节点",
            Lang::En => "ms",
        };
        let progress = format!("{word} {}/{}", summary.done, summary.total);
        match summary.next {
            Some(next) => format!("{progress} {}", next.due.format("%m-%d")),
            None => progress,
        }
    }

    /// 曾亮红灯：2025-04-01 至 2025-04-10；2025-05-16 起 — or `None` for a task never red.
    pub fn red_record(self, spells: &[RedSpell]) -> Option<String> {
        if spells.is_empty() {
            return None;
        }
        let parts: Vec<String> = spells
            .iter()
            .map(|s| match (self, s.until) {
                (Lang::Zh, Some(until)) => format!("{} 至 {until}", s.from),
                (Lang::Zh, None) => format!("{} 起", s.from),
                (Lang::En, Some(until)) => format!("{} to {until}", s.from),
                (Lang::En, None) => format!("since {}", s.from),
            })
            .collect();
        Some(match self {
            Lang::Zh => format!("{}：{}", ZH.was_red, parts.join("；")),
            Lang::En => format!("{}: {}", EN.was_red, parts.join("; ")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Urgency;
    use crate::model::milestones::NextMilestone;
    use unicode_width::UnicodeWidthStr;

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| {
            ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c)
        })
    }

    #[test]
    fn every_light_has_a_word_and_a_symbol_in_both_languages() {
        assert_eq!(Lang::Zh.light_badge(Light::Red, false), "◉ 红灯");
        assert_eq!(Lang::Zh.light_badge(Light::Yellow, false), "◍ 黄灯");
        assert_eq!(Lang::Zh.light_badge(Light::Green, false), "◌ 绿灯");
        assert_eq!(Lang::En.light_badge(Light::Red, true), "X red");
        assert_eq!(Lang::En.light_badge(Light::None, false), "");
        for light in Light::ALL {
            let (zh, en) = (Lang::Zh.light(light), Lang::En.light(light));
            assert!(
                !zh.is_empty() && !en.is_empty() && !has_cjk(en),
                "{light:?}"
            );
            for badge in [false, true].map(|a| Lang::Zh.light_badge(light, a)) {
                assert_eq!(badge.width(), badge.width_cjk(), "{badge:?}");
            }
        }
    }

    #[test]
    fn symbols_are_one_cell_in_every_terminal_and_ascii_with_ascii() {
        for light in [Light::Red, Light::Yellow, Light::Green] {
            for ascii in [false, true] {
                let s = light_symbol(light, ascii);
                assert_eq!((s.width(), s.width_cjk()), (1, 1), "{light:?} {s:?}");
            }
            assert!(light_symbol(light, true).is_ascii());
        }
        assert_eq!(light_symbol(Light::None, false), "");
    }

    #[test]
    fn reasons_read_in_both_languages() {
        let r = Reason::MilestoneMissed { number: 2, days: 3 };
        assert_eq!(Lang::Zh.light_reason(r), "节点 2 逾期 3 天");
        assert_eq!(Lang::En.light_reason(r), "milestone 2 missed by 3 days");
        let b = Reason::Behind { points: 12 };
        assert_eq!(Lang::Zh.light_reason(b), "进度落后序时 12 个百分点");
        assert_eq!(Lang::En.light_reason(b), "12 points behind schedule");
        assert_eq!(
            Lang::En.light_reason(Reason::DeadlineNear { days_left: 1 }),
            "deadline in 1 day"
        );
    }

    #[test]
    fn a_card_badge_shows_progress_and_the_next_due_date() {
        let mut s = MilestoneSummary {
            done: 2,
            total: 5,
            next: Some(NextMilestone {
                number: 3,
                due: day("2025-06-30"),
                urgency: Urgency::DueSoon { days_left: 3 },
            }),
        };
        assert_eq!(Lang::Zh.milestone_badge(&s), "节点 2/5 06-30");
        assert_eq!(Lang::En.milestone_badge(&s), "ms 2/5 06-30");
        s.next = None;
        assert_eq!(Lang::Zh.milestone_badge(&s), "节点 2/5");
    }

    #[test]
    fn the_red_record_names_each_spell() {
        let spells = [
            RedSpell {
                from: day("2025-04-01"),
                until: Some(day("2025-04-10")),
            },
            RedSpell {
                from: day("2025-05-16"),
                until: None,
            },
        ];
        assert_eq!(
            Lang::Zh.red_record(&spells).unwrap(),
            "曾亮红灯：2025-04-01 至 2025-04-10；2025-05-16 起"
        );
        assert_eq!(
            Lang::En.red_record(&spells).unwrap(),
            "was red: 2025-04-01 to 2025-04-10; since 2025-05-16"
        );
        assert_eq!(Lang::Zh.red_record(&[]), None);
        for labels in [Lang::Zh, Lang::En].map(Lang::milestone_labels) {
            assert!(!labels.upcoming.is_empty() && !labels.missed.is_empty());
        }
        assert!(!has_cjk(EN.upcoming) && !has_cjk(EN.none_yet) && !has_cjk(EN.was_red));
    }
}
