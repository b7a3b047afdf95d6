//! The report as a document — a title, facts, and numbered sections of tables and lines — laid
//! out by the formats that print a document (Markdown, Word). Every figure comes from the
//! `Report`; text from the board is not yet cleaned here: each format cleans as it writes.

use super::lights;
use super::tables::{self, Table};
use super::{Report, note_time, percent};
use crate::i18n::Lang;
use crate::model::{Light, Status, join_units};

/// A part of a section.
pub enum Block {
    /// A table under an optional caption (a sub-heading).
    Table {
        caption: Option<String>,
        table: Table,
        /// Said instead of an empty table ("无逾期任务。").
        when_empty: &'static str,
    },
    /// Lines of text, one a paragraph (the notes).
    Lines(Vec<String>),
}

pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

pub struct Document {
    pub title: String,
    /// "方案：…", "报告日期：…": label and value.
    pub facts: Vec<(&'static str, String)>,
    pub notice: Option<String>,
    pub sections: Vec<Section>,
}

pub(super) fn table(
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    when_empty: &'static str,
) -> Block {
    Block::Table {
        caption: None,
        table: Table {
            caption: String::new(),
            header,
            rows,
        },
        when_empty,
    }
}

pub fn document(r: &Report) -> Document {
    let zh = Lang::Zh;
    let plan = &r.board.plan;
    let mut facts = vec![("方案", plan.title.clone())];
    if let Some(unit) = &r.unit {
        facts.push(("范围", format!("{unit}（牵头及配合的任务）")));
    }
    facts.push(("报告日期", r.today.to_string()));
    facts.push(("进展统计区间", format!("{} 至 {}", r.since, r.today)));
    let mut sections = vec![Section {
        title: "总体情况".into(),
        blocks: vec![table(vec!["项目", "数值"], summary_rows(r), "")],
    }];
    if let Some(stage) = &r.stage {
        let blocks = tables::stage_tables(stage)
            .into_iter()
            .map(|t| Block::Table {
                caption: Some(t.caption.clone()),
                table: t,
                when_empty: "无。",
            })
            .collect();
        sections.push(Section {
            title: "阶段性评估".into(),
            blocks,
        });
    }
    let overdue = r
        .overdue
        .iter()
        .map(|(t, days)| {
            vec![
                t.id.to_string(),
                t.title.clone(),
                super::deadline_text(t),
                days.to_string(),
                join_units(&t.lead_units),
                zh.status(t.status).into(),
            ]
        })
        .collect();
    sections.push(Section {
        title: format!("逾期任务（{} 项）", r.overdue.len()),
        blocks: vec![table(
            vec!["序号", "任务", "时间节点", "逾期天数", "牵头单位", "状态"],
            overdue,
            "无逾期任务。",
        )],
    });
    let blocked = r
        .blocked
        .iter()
        .map(|t| {
            let latest = r
                .latest_note(t)
                .map(|n| format!("{} {}", note_time(n), n.text))
                .unwrap_or_else(|| "—".into());
            vec![
                t.id.to_string(),
                t.title.clone(),
                super::deadline_text(t),
                zh.urgency(r.board.urgency(t, r.today)),
                join_units(&t.lead_units),
                latest,
            ]
        })
        .collect();
    sections.push(Section {
        title: format!("需协调任务（{} 项）", r.blocked.len()),
        blocks: vec![table(
            vec![
                "序号",
                "任务",
                "时间节点",
                "期限情况",
                "牵头单位",
                "最新进展",
            ],
            blocked,
            "无需协调任务。",
        )],
    });
    let units = r
        .units
        .iter()
        .map(|u| {
            let lit = r.lights.unit(&u.unit);
            let count = |l| lit.map_or(0, |x| x.counts.count(l)).to_string();
            vec![
                u.unit.clone(),
                u.lead.to_string(),
                u.cooperating.to_string(),
                u.done.to_string(),
                u.overdue.to_string(),
                percent(u.on_time_rate()),
                count(Light::Red),
                count(Light::Yellow),
                count(Light::Green),
            ]
        })
        .collect();
    sections.push(Section {
        title: "各单位情况".into(),
        blocks: vec![table(
            vec![
                "单位",
                "牵头",
                "配合",
                "已完成",
                "逾期",
                "按期完成率",
                "红灯",
                "黄灯",
                "绿灯",
            ],
            units,
            "",
        )],
    });
    sections.extend(super::cycle_tables::timeliness_section(r));
    sections.extend(super::cycle_tables::requests_section(r));
    sections.extend(super::cycle_tables::extensions_section(r));
    let ranking = r
        .ranking
        .iter()
        .map(|u| {
            let ids: Vec<String> = u.tasks.iter().map(|(id, _)| id.to_string()).collect();
            vec![
                u.rank.to_string(),
                u.unit.clone(),
                u.tasks.len().to_string(),
                u.days().to_string(),
                ids.join("、"),
            ]
        })
        .collect();
    sections.push(Section {
        title: "逾期排名（按逾期牵头任务数、逾期天数合计）".into(),
        blocks: vec![table(
            vec!["名次", "单位", "逾期牵头任务", "逾期天数合计", "任务序号"],
            ranking,
            "无单位牵头的任务逾期。",
        )],
    });
    let notes_title = if r.stage.is_some() {
        "期内进展与会议决定"
    } else {
        "近期进展"
    };
    let mut lines: Vec<String> = r
        .notes
        .iter()
        .map(|(id, note)| {
            let title = r.board.task(*id).map(|t| t.title.as_str()).unwrap_or("");
            let decision = if note.decision {
                "【会议决定】"
            } else {
                ""
            };
            format!(
                "{} 任务 {id}「{title}」 {}：{decision}{}",
                note_time(note),
                note.author,
                note.text
            )
        })
        .collect();
    if lines.is_empty() {
        lines.push("此期间无新进展。".into());
    }
    sections.push(Section {
        title: format!(
            "{notes_title}（{} 至 {}，{} 条）",
            r.since,
            r.today,
            r.notes.len()
        ),
        blocks: vec![Block::Lines(lines)],
    });
    // Lights and milestones come after the sections reports have always had, which keep their
    // numbers.
    sections.push(Section {
        title: "红黄绿灯（红灯在前）".into(),
        blocks: vec![Block::Table {
            caption: None,
            table: lights::light_table(r),
            when_empty: "无任务。",
        }],
    });
    sections.push(Section {
        title: "工作节点".into(),
        blocks: vec![
            Block::Table {
                caption: Some(format!("{}，按责任单位", lights::upcoming_caption(r))),
                table: lights::upcoming_table(r),
                when_empty: "无近期到期的节点。",
            },
            Block::Table {
                caption: Some("逾期节点，按责任单位".into()),
                table: lights::missed_table(r),
                when_empty: "无逾期节点。",
            },
        ],
    });
    Document {
        title: super::report_title(r),
        facts,
        notice: r.notice(),
        sections,
    }
}

fn summary_rows(r: &Report) -> Vec<Vec<String>> {
    let s = &r.summary;
    let mut rows = vec![vec!["任务总数".to_string(), s.total.to_string()]];
    for status in Status::ALL {
        rows.push(vec![
            Lang::Zh.status(status).into(),
            s.count(status).to_string(),
        ]);
    }
    let warn_days = r.board.settings.warn_days;
    rows.extend([
        vec!["逾期未完成".into(), s.overdue.to_string()],
        vec![format!("{warn_days} 天内到期"), s.due_soon.to_string()],
        vec!["按期完成".into(), s.done_on_time.to_string()],
        vec!["超期完成".into(), s.done_late.to_string()],
        vec![
            "按期完成率（占已完成）".into(),
            percent(s.on_time_share_of_done()),
        ],
        vec![
            "按期完成占全部任务".into(),
            percent(s.on_time_share_of_all()),
        ],
    ]);
    for light in [Light::Red, Light::Yellow, Light::Green] {
        rows.push(vec![
            Lang::Zh.light_badge(light, false),
            r.lights.count(light).to_string(),
        ]);
    }
    rows
}
