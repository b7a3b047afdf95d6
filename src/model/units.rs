//! The "by unit" grouping: one lane per unit with the unit's tasks and its role in each.

use chrono::NaiveDate;

use super::{Board, Role, TaskId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLane {
    pub unit: String,
    /// The unit's tasks in id order, with its role in each.
    pub tasks: Vec<(TaskId, Role)>,
    pub overdue: usize,
}

impl UnitLane {
    pub fn lead_count(&self) -> usize {
        self.tasks.iter().filter(|(_, r)| *r == Role::Lead).count()
    }
}

/// Every unit once, ordered by how many of its tasks are overdue (most first), then by the order it
/// first appears in the plan.
pub fn unit_lanes(board: &Board, today: NaiveDate) -> Vec<UnitLane> {
    let mut lanes: Vec<UnitLane> = board
        .units_in_plan_order()
        .into_iter()
        .map(|unit| UnitLane {
            unit: unit.to_string(),
            tasks: Vec::new(),
            overdue: 0,
        })
        .collect();
    let index: std::collections::HashMap<String, usize> = lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.unit.clone(), i))
        .collect();
    for task in &board.tasks {
        let overdue = board.urgency(task, today).is_overdue();
        for (unit, role) in board.units_of(task) {
            let Some(&i) = index.get(unit) else { continue };
            let lane = &mut lanes[i];
            lane.tasks.push((task.id, role));
            if overdue {
                lane.overdue += 1;
            }
        }
    }
    // Stable sort keeps plan order among units with equal overdue counts.
    lanes.sort_by_key(|l| std::cmp::Reverse(l.overdue));
    lanes
}

/// What a unit name typed on the command line (`--unit 商务委`) comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitMatch {
    /// One unit: named in full, by an alias, or by a part of a name no other unit shares.
    Found(String),
    /// A part of several units' names (or aliases): these, in plan order.
    Ambiguous(Vec<String>),
    /// Nothing matches: the names close to what was typed (none when nothing is close), and
    /// every unit, in plan order.
    Unknown {
        close: Vec<String>,
        all: Vec<String>,
    },
}

/// Matches `typed` against the board's units and their aliases. A full name or alias wins even
/// when it is also a part of a longer name; otherwise any unique part of a name is enough, so
/// `商务委` finds 区商务委 and `网信办` finds 区委网信办 through its alias 区网信办.
pub fn match_unit(board: &Board, typed: &str) -> UnitMatch {
    let typed = typed.trim();
    let all: Vec<String> = board
        .units_in_plan_order()
        .into_iter()
        .map(str::to_string)
        .collect();
    let canonical = board.canonical_unit(typed);
    if !typed.is_empty() && all.iter().any(|u| u == canonical) {
        return UnitMatch::Found(canonical.to_string());
    }
    let containing = |test: &dyn Fn(&str) -> bool| -> Vec<String> {
        all.iter()
            .filter(|unit| spellings(board, unit).any(test))
            .cloned()
            .collect()
    };
    if !typed.is_empty() {
        let mut parts = containing(&|s: &str| s.contains(typed));
        match parts.len() {
            0 => {}
            1 => return UnitMatch::Found(parts.remove(0)),
            _ => return UnitMatch::Ambiguous(parts),
        }
    }
    // Close: the typed characters in order within a name (区商委 → 区商务委), or a name one
    // character in three away (区科技委 → 区科委).
    let typed_chars: Vec<char> = typed.chars().collect();
    let close = if typed_chars.is_empty() {
        Vec::new()
    } else {
        let near = (typed_chars.len() / 3).max(1);
        containing(&|s: &str| {
            let name: Vec<char> = s.chars().collect();
            is_subsequence(&typed_chars, &name) || edit_distance(&typed_chars, &name) <= near
        })
    };
    UnitMatch::Unknown { close, all }
}

/// A unit's name and the aliases the board keeps for it.
fn spellings<'a>(board: &'a Board, unit: &'a str) -> impl Iterator<Item = &'a str> {
    std::iter::once(unit).chain(
        board
            .unit_aliases
            .get(unit)
            .into_iter()
            .flatten()
            .map(String::as_str),
    )
}

fn is_subsequence(part: &[char], whole: &[char]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|c| rest.any(|w| w == c))
}

/// Levenshtein distance over characters (unit names are a handful of characters).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::builtin_plan;

    #[test]
    fn a_unique_part_or_an_alias_finds_the_unit() {
        let plan = builtin_plan().unwrap();
        assert_eq!(
            match_unit(&plan, "商务委"),
            UnitMatch::Found("区商务委".into())
        );
        assert_eq!(
            match_unit(&plan, " 区科委 "),
            UnitMatch::Found("区科委".into())
        );
        assert_eq!(
            match_unit(&plan, "网信"),
            UnitMatch::Found("区委网信办".into())
        );
        assert_eq!(
            match_unit(&plan, "区网信办"),
            UnitMatch::Found("区委网信办".into())
        );
    }

    #[test]
    fn a_part_of_several_names_lists_them_in_plan_order() {
        let plan = builtin_plan().unwrap();
        assert_eq!(
            match_unit(&plan, "海关"),
            UnitMatch::Ambiguous(vec!["莘庄海关".into(), "龙吴海关".into()])
        );
    }

    #[test]
    fn nothing_matching_offers_the_close_names_or_none() {
        let plan = builtin_plan().unwrap();
        let UnitMatch::Unknown { close, all } = match_unit(&plan, "区科技委") else {
            panic!("expected unknown");
        };
        assert!(close.contains(&"区科委".to_string()), "{close:?}");
        assert_eq!(all.len(), 22);
        let UnitMatch::Unknown { close, .. } = match_unit(&plan, "xyz") else {
            panic!("expected unknown");
        };
        assert!(close.is_empty());
    }
}
