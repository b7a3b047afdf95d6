//! Deterministic sample boards, for benchmarks and scale tests: the plan's own vocabulary recombined
//! into as many tasks as asked, with the plan's 22 units (plus generated district units for big
//! boards), deadlines over 2024–2027, all four statuses, progress notes and a matching history.
//!
//! The same `(tasks, seed)` always gives the same board, so figures measured on it can be compared
//! from one run to the next. The generator needs no random-number crate: a SplitMix64 is enough.

use std::collections::BTreeMap;

mod history;
pub use history::generate_with_history;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta};

use crate::model::{
    Board, CURRENT_VERSION, Change, HistoryEntry, Note, PlanInfo, Settings, Status, Task, TaskId,
};

// The plan's own words, recombined. Kept dense: they are data, not code.
#[rustfmt::skip]
mod words {
    /// The 22 units of the plan's annex, most often named first (the generator favours early ones).
    pub const PLAN_UNITS: [&str; 22] = [
        "区商务委", "区科委", "区市场监管局", "莘庄海关", "龙吴海关", "大零号湾集团", "区财政局",
        "区经委", "区发展改革委", "区卫生健康委", "莘庄工业区", "新虹桥国际医学中心", "南虹桥集团",
        "区规划资源局", "区生态环境局", "区数据局", "区教育局", "区委网信办", "区公安分局",
        "区人才局", "区人力资源社会保障局", "临港浦江国际科技城",
    ];
    /// Towns and streets of 闵行区 and their offices: combined into extra units for big boards.
    pub const TOWNS: [&str; 13] = [
        "莘庄镇", "七宝镇", "颛桥镇", "华漕镇", "虹桥镇", "梅陇镇", "吴泾镇", "马桥镇", "浦江镇",
        "江川路街道", "古美路街道", "新虹街道", "浦锦街道",
    ];
    pub const OFFICES: [&str; 8] = [
        "经济发展办公室", "营商服务中心", "规划建设办公室", "企业服务站", "社区事务受理中心",
        "科技园区", "综合行政执法队", "人才服务中心",
    ];
    pub const VERBS: [&str; 14] = [
        "提升", "拓展", "支持", "开展", "探索", "促进", "推动", "试点", "完善", "深化", "扩大",
        "拓宽", "优化", "加强",
    ];
    /// The first entry, empty, leaves the place out of a title.
    pub const PLACES: [&str; 8] = [
        "", "虹桥商务区", "大零号湾", "南虹桥", "莘庄工业区", "临港浦江国际科技城",
        "新虹桥国际医学园区", "马桥人工智能创新试验区",
    ];
    pub const OBJECTS: [&str; 19] = [
        "保税物流中心（B 型）能级", "公用型保税仓库功能", "企业AEO认证", "离岸经贸业务",
        "医疗服务贸易创新", "科研仪器设备共享", "高端装备领域跨区域产业合作",
        "低空经济产业联动发展", "重点领域专利快速审查", "药品临床试验审批改革",
        "境外投资项目综合服务", "商事登记制度改革", "跨境贸易投资高水平开放", "跨境资金池试点",
        "科创企业融资渠道", "混合用地探索", "应届高校毕业生落户政策", "外籍人才出入境便利化",
        "数据跨境流动试点",
    ];
    pub const QUALIFIERS: [&str; 6] = ["", "", "", "工作机制", "配套措施", "专项行动"];
    pub const OPENINGS: [&str; 6] = ["支持", "依托", "探索在", "推进", "鼓励", "争取在"];
    pub const ENDINGS: [&str; 7] = [
        "，形成可复制推广的实践案例。", "，加强设施设备、服务网络等优势资源互补。", "等创新业务。",
        "，集中运营管理境内外本外币资金。", "，打造产业链“上楼”的代表性项目。",
        "，为区域内重点企业提供便利化服务。", "，建立项目储备库并加强政策辅导。",
    ];
    pub const AUTHORS: [&str; 8] = [
        "zhangwei", "liuyang", "wangfang", "chenjing", "lihua", "zhaolei", "sunli", "zhoumin",
    ];
}
use words::*;

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("a constant date of the generator is invalid"),
    }
}

const BEIJING: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(o) => o,
    None => panic!("+08:00 is a valid offset"),
};
const FIRST_DEADLINE: NaiveDate = date(2024, 1, 1);
/// Days from 2024-01-01 to 2027-12-31.
const DEADLINE_SPAN: u64 = 1461;
/// Notes and moves start after the plan was issued (2024-11-01), at 09:00 Beijing time (01:00 UTC).
const FIRST_ACTIVITY: NaiveDate = date(2024, 11, 5);

/// SplitMix64: tiny, fast and good enough to spread a board's values.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True `percent` times out of 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// An index in `0..n` favouring small ones, so a few units carry many tasks as in the plan.
    fn skewed(&mut self, n: usize) -> usize {
        let bound = self.below(n) + 1;
        self.below(bound)
    }
}

/// A generated board and the history that led to it.
#[derive(Debug, Clone)]
pub struct Sample {
    pub board: Board,
    pub history: Vec<HistoryEntry>,
}

/// A realistic board of `tasks` tasks with ids `1..=tasks`; the same arguments give the same board.
pub fn generate_board(tasks: usize, seed: u64) -> Board {
    generate(tasks, seed).board
}

/// [`generate_board`] with its history, oldest first.
pub fn generate(tasks: usize, seed: u64) -> Sample {
    let mut rng = Rng(seed ^ 0x5EED_F72B_0A2D_2024);
    let units = unit_pool(tasks);
    let mut history = Vec::new();
    let tasks = (1..=tasks)
        .map(|i| {
            let id = TaskId::try_from(i).unwrap_or(TaskId::MAX);
            generate_task(id, &units, &mut rng, &mut history)
        })
        .collect();
    // History is an append-only log: oldest first, as real changes would have left it.
    history.sort_by_key(|h: &HistoryEntry| h.at);
    let board = Board {
        version: CURRENT_VERSION,
        created_on: Some(date(2024, 11, 1)),
        roles: None,
        meetings: Vec::new(),
        conflicts: Vec::new(),
        plan: PlanInfo {
            title: "关于推进上海自贸试验区闵行联动创新区建设的实施方案".into(),
            document_number: "闵府发〔2024〕17号".into(),
            issued_on: date(2024, 11, 1),
            issuer: "闵行区人民政府".into(),
        },
        settings: Settings {
            utc_offset: Some("+08:00".into()),
            ..Settings::default()
        },
        unit_aliases: BTreeMap::from([("区委网信办".to_string(), vec!["区网信办".to_string()])]),
        tasks,
    };
    Sample { board, history }
}

/// The plan's units, then one more per 50 tasks ("七宝镇营商服务中心", ...), each name unique.
fn unit_pool(tasks: usize) -> Vec<String> {
    let extra = tasks / 50;
    let generated = (0..extra).map(|i| {
        let town = TOWNS[i % TOWNS.len()];
        let office = OFFICES[(i / TOWNS.len()) % OFFICES.len()];
        match i / (TOWNS.len() * OFFICES.len()) {
            0 => format!("{town}{office}"),
            round => format!("{town}{office}（{}）", round + 1),
        }
    });
    PLAN_UNITS
        .iter()
        .map(|u| u.to_string())
        .chain(generated)
        .collect()
}

fn generate_task(
    id: TaskId,
    units: &[String],
    rng: &mut Rng,
    history: &mut Vec<HistoryEntry>,
) -> Task {
    let object = rng.pick(&OBJECTS);
    let title = format!(
        "{}{}{}{}",
        rng.pick(&VERBS),
        rng.pick(&PLACES),
        object,
        rng.pick(&QUALIFIERS)
    );
    let sentences = 1 + rng.below(3);
    let text: String = (0..sentences)
        .map(|_| {
            format!(
                "{}{}{}{}",
                rng.pick(&OPENINGS),
                rng.pick(&PLACES[1..]),
                rng.pick(&OBJECTS),
                rng.pick(&ENDINGS)
            )
        })
        .collect();

    let mut chosen: Vec<String> = Vec::new();
    let mut take = |rng: &mut Rng, count: usize| {
        let mut picked = Vec::new();
        // A few tries per slot; a small pool may run out of distinct units, which is fine.
        for _ in 0..count * 4 {
            if picked.len() == count {
                break;
            }
            let unit = &units[rng.skewed(units.len())];
            if !chosen.contains(unit) {
                chosen.push(unit.clone());
                picked.push(unit.clone());
            }
        }
        picked
    };
    let leads = if rng.chance(20) { 2 } else { 1 };
    let lead_units = take(rng, leads);
    let cooperating = rng.below(5);
    let cooperating_units = take(rng, cooperating);

    // As plans word them: mostly 年底 and 6月底, some other month ends, a few exact days.
    let year = 2024 + rng.below(4) as i32;
    let deadline = match rng.below(20) {
        0..=8 => date(year, 12, 31),
        9..=12 => date(year, 6, 30),
        13..=17 => {
            let month = 1 + rng.below(11) as u32;
            date(year, month + 1, 1) - Days::new(1)
        }
        _ => FIRST_DEADLINE + Days::new(rng.next() % DEADLINE_SPAN),
    };
    let status = match rng.below(100) {
        0..=29 => Status::NotStarted,
        30..=69 => Status::InProgress,
        70..=79 => Status::Blocked,
        _ => Status::Done,
    };

    let mut task = Task {
        lead_units,
        cooperating_units,
        text,
        ..Task::new(id, &title, Vec::new(), deadline)
    };
    task.completed_on = record_activity(&mut task, status, object, rng, history);
    task.status = status;
    // From a generator of its own, so that the rest of the board is what it was before
    // milestones were generated (figures measured on it stay comparable).
    let mut own = Rng(rng.0 ^ u64::from(id).wrapping_mul(0xA24B_AED4_963E_E407));
    task.milestones = milestones(&task, &mut own);
    let newest = history.iter().rev().find(|h| h.task == Some(id));
    task.updated_on = newest.map(HistoryEntry::date);
    task.updated_by = newest.map(|h| h.user.clone());
    task
}

/// Invents the task's past: the status moves that led to `status` and a few notes between them,
/// appended to `history` as the board would have recorded them. Returns the completion date.
fn record_activity(
    task: &mut Task,
    status: Status,
    object: &str,
    rng: &mut Rng,
    history: &mut Vec<HistoryEntry>,
) -> Option<NaiveDate> {
    use Status::*;
    let moves: &[(Status, Status)] = match status {
        NotStarted if rng.chance(10) => &[(NotStarted, InProgress), (InProgress, NotStarted)],
        NotStarted => &[],
        InProgress => &[(NotStarted, InProgress)],
        Blocked => &[(NotStarted, InProgress), (InProgress, Blocked)],
        Done => &[(NotStarted, InProgress), (InProgress, Done)],
    };
    let notes = match status {
        NotStarted => rng.below(2),
        _ => 1 + rng.below(3),
    };
    let first_day = FIRST_ACTIVITY + Days::new(rng.below(600) as u64);
    let mut at = first_day.and_time(chrono::NaiveTime::MIN);
    let mut completed_on = None;
    let steps = moves.len() + notes;
    for step in 0..steps {
        at = next_time(at, rng);
        let user = rng.pick(&AUTHORS).to_string();
        let when = DateTime::from_naive_utc_and_offset(at, BEIJING);
        // The first move (if any) comes first and the final one last; notes fall in between.
        let change = match step {
            0 if !moves.is_empty() => Some(moves[0]),
            s if s == steps - 1 && moves.len() == 2 => Some(moves[1]),
            _ => None,
        };
        let change = match change {
            Some((from, to)) => {
                let was_completed_on = completed_on;
                completed_on = (to == Done).then_some(when.date_naive());
                Change::Status {
                    from,
                    to,
                    was_completed_on,
                    completed_on,
                }
            }
            None => {
                let note = Note {
                    at: when,
                    author: user.clone(),
                    text: note_text(task, object, rng),
                    decision: rng.chance(15),
                };
                task.notes.push(note.clone());
                Change::NoteAdded { note }
            }
        };
        history.push(HistoryEntry {
            at: when,
            user,
            task: Some(task.id),
            change,
            via: None,
        });
    }
    completed_on
}

/// 任务分解: most tasks get one to five milestones, due between the plan's date and the deadline
/// (the last one sometimes a little after it), the first units of the task answering for each.
/// A done task's milestones are all done; others are done when due before mid-2025, mostly.
fn milestones(task: &Task, rng: &mut Rng) -> Vec<crate::model::Milestone> {
    const STEPS: [&str; 6] = [
        "形成工作方案",
        "完成调研摸底",
        "出台配套措施",
        "开展试点",
        "完成阶段评估",
        "总结验收",
    ];
    if rng.chance(30) {
        return Vec::new();
    }
    let count = 1 + rng.below(5);
    let start = date(2024, 11, 1);
    let span = (task.deadline - start).num_days().max(30) as u64;
    let units: Vec<String> = task
        .lead_units
        .iter()
        .chain(&task.cooperating_units)
        .take(2)
        .cloned()
        .collect();
    (1..=count)
        .map(|number| {
            let share = span * number as u64 / count as u64;
            let late = if number == count && rng.chance(10) {
                20
            } else {
                0
            };
            let due = start + Days::new(share.saturating_sub(rng.below(15) as u64) + late);
            let completed_on = match task.completed_on {
                Some(done) => Some(due.min(done)),
                None if due < date(2025, 6, 30) && rng.chance(70) => {
                    Some(due + Days::new(rng.below(20) as u64) - Days::new(10))
                }
                None => None,
            };
            crate::model::Milestone {
                number: number as u32,
                title: STEPS[(number - 1) % STEPS.len()].to_string(),
                due,
                units: units.iter().take(1 + rng.below(2)).cloned().collect(),
                completed_on,
            }
        })
        .collect()
}

/// 1–40 days later, at a time within office hours (09:00–18:00 Beijing, i.e. 01:00–10:00 UTC).
fn next_time(at: NaiveDateTime, rng: &mut Rng) -> NaiveDateTime {
    let day = at.date() + Days::new(1 + rng.below(40) as u64);
    day.and_time(chrono::NaiveTime::MIN)
        + TimeDelta::hours(1)
        + TimeDelta::seconds(rng.below(9 * 3600) as i64)
}

fn note_text(task: &Task, object: &str, rng: &mut Rng) -> String {
    let unit = task.lead_units.first().map_or("牵头单位", String::as_str);
    match rng.below(5) {
        0 => format!("已召开专题协调会，明确由{unit}牵头推进{object}。"),
        1 => format!("完成{object}方案初稿，已征求相关单位意见。"),
        2 => format!("{unit}反馈：需市级部门支持，提请联席会议协调。"),
        3 => format!("已报送阶段进展材料，完成率约{}%。", 10 * (1 + rng.below(9))),
        _ => format!("已形成重点企业清单，下一步对接{}。", rng.pick(&PLACES[1..])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn the_same_seed_gives_the_same_board_and_another_seed_a_different_one() {
        assert_eq!(generate_board(50, 7), generate_board(50, 7));
        assert_ne!(generate_board(50, 7), generate_board(50, 8));
    }

    #[test]
    fn a_generated_board_passes_the_checks_a_board_file_must_pass() {
        let board = generate_board(300, 1);
        assert_eq!(validate(&board), Vec::new());
        let ids: Vec<TaskId> = board.tasks.iter().map(|t| t.id).collect();
        assert_eq!(ids, (1..=300).collect::<Vec<_>>());
    }

    #[test]
    fn a_big_board_has_every_status_plan_and_generated_units_and_history_for_its_notes() {
        let Sample { board, history } = generate(2000, 3);
        for status in Status::ALL {
            let n = board.tasks.iter().filter(|t| t.status == status).count();
            assert!(n > 100, "{status:?}: only {n} tasks");
        }
        let units = board.units_in_plan_order();
        assert!(units.contains(&"区商务委") && units.contains(&"七宝镇经济发展办公室"));
        assert!(units.len() > 40, "{} units", units.len());
        let notes: usize = board.tasks.iter().map(|t| t.notes.len()).sum();
        let added = history
            .iter()
            .filter(|h| matches!(h.change, Change::NoteAdded { .. }))
            .count();
        assert_eq!(notes, added);
        assert!(history.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn done_tasks_are_completed_on_the_day_history_moved_them_to_done_and_others_not() {
        let Sample { board, history } = generate(500, 9);
        for task in &board.tasks {
            let moved_to_done = history.iter().rev().find_map(|h| match h.change {
                Change::Status {
                    to: Status::Done, ..
                } if h.task == Some(task.id) => Some(h.at.date_naive()),
                _ => None,
            });
            let expected = moved_to_done.filter(|_| task.status == Status::Done);
            assert_eq!(task.completed_on, expected, "task {}", task.id);
            assert_eq!(task.completed_on.is_some(), task.status == Status::Done);
        }
    }

    #[test]
    fn deadlines_spread_over_2024_to_2027() {
        let board = generate_board(1000, 5);
        let years: std::collections::BTreeSet<i32> = board
            .tasks
            .iter()
            .map(|t| chrono::Datelike::year(&t.deadline))
            .collect();
        assert_eq!(
            years.into_iter().collect::<Vec<_>>(),
            vec![2024, 2025, 2026, 2027]
        );
    }
}
