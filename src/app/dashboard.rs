//! The dashboard's figures, computed with the groupings when the board changes (never per
//! frame), and the weekly series of the chart over time, cached on what it depends on.
//!
//! `ui::dashboard` draws the sections in the order of [`Section::ALL`]; the heights here are the
//! rows each takes, so that the app's scrolling and the drawing agree on the page.

use chrono::NaiveDate;

use super::App;
use crate::layout::{DASHBOARD_TWO_COLUMNS, DashboardPage};
use crate::model::cycle::{Timeliness, timeliness};
use crate::model::lights::{LightCounts, UnitLights, light_counts, unit_lights};
use crate::model::milestones::{MilestoneItem, by_unit, missed, upcoming};
use crate::model::stats::progress::{self, WeekPoint};
use crate::model::{Board, TaskId, Urgency, stats};

/// How many periods the reporting table covers.
pub const REPORT_PERIODS: usize = 3;
/// Ranked units shown in one column (the rest are counted in a line): the page stays within
/// three screens at 80x24.
pub const RANKED_IN_ONE_COLUMN: usize = 10;
/// Lines of milestones shown (one per unit and kind) before the rest are counted.
pub const MILESTONE_LINES: usize = 8;
/// Rows of each series in the chart over time.
pub const SERIES_ROWS: u16 = 2;

/// The dashboard's sections, in drawing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The city view's comparison of its boards.
    Boards,
    Summary,
    Progress,
    Timeline,
    Units,
    Ranking,
    Milestones,
    Reporting,
}

/// One milestone of the 近期节点 section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneLine {
    pub task: TaskId,
    pub number: u32,
    pub due: NaiveDate,
    pub urgency: Urgency,
}

/// A unit's milestones due soon and missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneGroup {
    pub unit: String,
    pub due_soon: Vec<MilestoneLine>,
    pub missed: Vec<MilestoneLine>,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub summary: stats::Summary,
    pub units: Vec<stats::UnitRow>,
    pub ranking: Vec<stats::OverdueRank>,
    pub timeline: stats::Timeline,
    pub lights: LightCounts,
    /// Lights per unit, in the order of `units`.
    pub unit_lights: Vec<LightCounts>,
    pub milestones: Vec<MilestoneGroup>,
    /// The reporting table, with a report cycle.
    pub reporting: Option<Timeliness>,
    /// A row a board in a city view (several files); empty for one board.
    pub boards: Vec<crate::model::city::BoardRow>,
}

fn lines(items: &[MilestoneItem]) -> Vec<MilestoneLine> {
    items
        .iter()
        .map(|i| MilestoneLine {
            task: i.task.id,
            number: i.milestone.number,
            due: i.milestone.due,
            urgency: i.urgency,
        })
        .collect()
}

fn milestone_groups(board: &Board, today: NaiveDate) -> Vec<MilestoneGroup> {
    let mut groups: Vec<MilestoneGroup> = Vec::new();
    let soon = upcoming(board, today);
    let late = missed(board, today);
    for (list, is_missed) in [(&soon, false), (&late, true)] {
        for (unit, items) in by_unit(board, list) {
            let at = match groups.iter().position(|g| g.unit == unit) {
                Some(at) => at,
                None => {
                    groups.push(MilestoneGroup {
                        unit: unit.to_string(),
                        due_soon: Vec::new(),
                        missed: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let target = if is_missed {
                &mut groups[at].missed
            } else {
                &mut groups[at].due_soon
            };
            target.extend(lines(&items));
        }
    }
    groups
}

impl Dashboard {
    pub fn compute(board: &Board, today: NaiveDate) -> Dashboard {
        let units = stats::unit_table(board, today);
        let by_unit: Vec<UnitLights> = unit_lights(board, today);
        let unit_lights = units
            .iter()
            .map(|u| {
                by_unit
                    .iter()
                    .find(|l| l.unit == u.unit)
                    .map(|l| l.counts)
                    .unwrap_or_default()
            })
            .collect();
        Dashboard {
            summary: stats::summary(board, today),
            ranking: stats::overdue_ranking(board, today),
            timeline: stats::timeline(board, today),
            lights: light_counts(board, today),
            unit_lights,
            milestones: milestone_groups(board, today),
            reporting: timeliness(board, today, REPORT_PERIODS),
            boards: crate::model::city::board_rows(board, today),
            units,
        }
    }

    /// The sections shown (the reporting table only with a cycle).
    pub fn sections(&self) -> Vec<Section> {
        let mut out = Vec::new();
        if !self.boards.is_empty() {
            out.push(Section::Boards);
        }
        out.extend([
            Section::Summary,
            Section::Progress,
            Section::Timeline,
            Section::Units,
            Section::Ranking,
            Section::Milestones,
        ]);
        if self.reporting.is_some() {
            out.push(Section::Reporting);
        }
        out
    }

    /// Whether the page is in one column at this width (the ranking is then cut short).
    pub fn one_column(width: u16) -> bool {
        width < DASHBOARD_TWO_COLUMNS
    }

    /// Ranked units shown at this width.
    pub fn ranked_shown(&self, width: u16) -> usize {
        if Dashboard::one_column(width) && self.ranking.len() > RANKED_IN_ONE_COLUMN {
            RANKED_IN_ONE_COLUMN - 1
        } else {
            self.ranking.len()
        }
    }

    /// Lines of the milestone section: one per unit and kind (due soon, missed).
    pub fn milestone_lines(&self) -> usize {
        self.milestones
            .iter()
            .map(|g| usize::from(!g.due_soon.is_empty()) + usize::from(!g.missed.is_empty()))
            .sum()
    }

    /// Rows of a section (its title line included) on a page of this width.
    pub fn height(&self, section: Section, width: u16) -> u16 {
        let rows = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        1 + match section {
            // Header and a row a board.
            Section::Boards => 1 + rows(self.boards.len()),
            // Figures, lights, then one bar per status.
            Section::Summary => 6,
            // Three series and the dated axis.
            Section::Progress => 3 * SERIES_ROWS + 1,
            // Axis, dates, today's marker, then a line per deadline.
            Section::Timeline => 3 + rows(self.timeline.milestones.len()),
            Section::Units => 1 + rows(self.units.len()),
            Section::Ranking => {
                let shown = self.ranked_shown(width);
                rows(shown.max(1) + usize::from(shown < self.ranking.len()))
            }
            Section::Milestones => {
                let n = self.milestone_lines();
                rows(n.clamp(1, MILESTONE_LINES))
            }
            // Header, a row per lead unit, the total.
            Section::Reporting => self
                .reporting
                .as_ref()
                .map_or(0, |t| 2 + rows(t.rows.len())),
        }
    }

    /// Where the sections go on a page of this width.
    pub fn page(&self, width: u16) -> DashboardPage {
        let heights: Vec<u16> = self
            .sections()
            .iter()
            .map(|s| self.height(*s, width))
            .collect();
        DashboardPage::arrange(width, &heights)
    }
}

/// The weekly points of the chart over time, kept until the history before the last week, the
/// plan's date or the tasks counted change (a change made today leaves every earlier week as it
/// was, so saving does not walk the history again).
#[derive(Debug, Default)]
pub(super) struct ProgressCache {
    key: Option<ProgressKey>,
    weeks: Vec<WeekPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct ProgressKey {
    from: NaiveDate,
    until: NaiveDate,
    /// History entries on or before the last week's day, and the time of the last of them.
    entries: usize,
    newest: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The tasks counted (`None`: all).
    shown: Option<Vec<TaskId>>,
}

impl App {
    /// Brings the weekly series up to date when what it depends on changed (after regrouping,
    /// and when the history arrives).
    /// The dashboard's figures and chart, made when the dashboard is shown: no other view reads
    /// them, and they cost more than the rest of a regroup together (issue 17's profile). A
    /// regroup drops the figures; the chart is kept while its key holds.
    pub(super) fn refresh_dashboard(&mut self) {
        if self.view != super::View::Dashboard {
            return;
        }
        self.grouping.fill_dashboard(&self.board, self.today);
        self.refresh_progress();
    }

    fn refresh_progress(&mut self) {
        if self.history_pending {
            return;
        }
        let live = self
            .looking_back
            .as_ref()
            .map_or(&self.board, |l| l.live_board());
        let from = live.plan.issued_on;
        // Through real today: looking back shows a prefix of the same weeks.
        let until = self.real_today();
        let dates = progress::week_dates(from, until);
        let last = dates.last().copied().unwrap_or(from);
        let entries = self.history.count_through(last);
        let newest = entries
            .checked_sub(1)
            .and_then(|i| self.history.entries().get(i))
            .map(|e| e.at);
        let all =
            self.grouping.columns.iter().map(Vec::len).sum::<usize>() == self.board.tasks.len();
        let shown = (!all || !self.filter.is_empty()).then(|| {
            let mut ids: Vec<TaskId> = self.grouping.columns.iter().flatten().copied().collect();
            ids.sort_unstable();
            ids
        });
        let key = ProgressKey {
            from,
            until,
            entries,
            newest,
            shown,
        };
        if self.progress.key.as_ref() == Some(&key) {
            return;
        }
        let keep = |id: TaskId| {
            key.shown
                .as_ref()
                .is_none_or(|ids| ids.binary_search(&id).is_ok())
        };
        self.progress.weeks = progress::weekly(live, &self.history, from, until, &keep);
        self.progress.key = Some(key);
    }

    /// The chart's weekly points before the date in use (the drawing adds the date in use itself
    /// from the dashboard's summary). `None` while the history is being read.
    pub fn progress_weeks(&self) -> Option<&[WeekPoint]> {
        if self.history_pending {
            return None;
        }
        let weeks = &self.progress.weeks;
        Some(&weeks[..weeks.partition_point(|p| p.date < self.today)])
    }
}
