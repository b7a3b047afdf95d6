//! Milestones merged by number, field by field.

use super::Clashes;
use super::three::{Pick, pick};
use super::values::ron_text;
use crate::model::{Milestone, Task};

/// The merged milestones of a task, by number. A clash in any field of a milestone is one
/// conflict, `milestone N`, whose two values are the whole milestone as each side would have it.
pub(super) fn merge(
    base: &[Milestone],
    o: &Task,
    t: &Task,
    c: &mut Clashes,
    by: [&str; 2],
) -> Vec<Milestone> {
    let mut numbers: Vec<u32> = base
        .iter()
        .chain(&o.milestones)
        .chain(&t.milestones)
        .map(|m| m.number)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut out = Vec::with_capacity(numbers.len());
    let mut renumber = Vec::new();
    let field = |n: u32| format!("milestone {n}");
    for n in numbers {
        match (
            find(base, n),
            find(&o.milestones, n),
            find(&t.milestones, n),
        ) {
            (_, None, None) => {}
            (None, Some(m), None) | (None, None, Some(m)) => out.push(m.clone()),
            (Some(b), Some(m), None) | (Some(b), None, Some(m)) if b == m => {}
            (Some(_), Some(m), None) => {
                c.add(
                    Some(o.id),
                    &field(n),
                    ron_text(&Some(m)),
                    ron_text(&None::<Milestone>),
                    by,
                );
                out.push(m.clone());
            }
            (Some(_), None, Some(m)) => {
                c.add(
                    Some(o.id),
                    &field(n),
                    ron_text(&None::<Milestone>),
                    ron_text(&Some(m)),
                    by,
                );
                out.push(m.clone());
            }
            (b, Some(om), Some(tm)) => {
                if b.is_none() && om != tm {
                    // Both sides added a milestone under this number: both are kept.
                    out.push(om.clone());
                    renumber.push(tm.clone());
                    continue;
                }
                let (ours, theirs) = fields(b, om, tm);
                if ours != theirs {
                    c.add(
                        Some(o.id),
                        &field(n),
                        ron_text(&Some(&ours)),
                        ron_text(&Some(&theirs)),
                        by,
                    );
                }
                out.push(ours);
            }
        }
    }
    for mut m in renumber {
        let here = out.iter().any(|x| {
            Milestone {
                number: x.number,
                ..m.clone()
            } == *x
        });
        if !here {
            m.number = out.iter().map(|x| x.number).max().unwrap_or(0) + 1;
            out.push(m);
        }
    }
    out
}

fn find(list: &[Milestone], n: u32) -> Option<&Milestone> {
    list.iter().find(|m| m.number == n)
}

/// A milestone merged field by field: as ours would have it, and as theirs would (the same when
/// nothing clashes).
fn fields(base: Option<&Milestone>, o: &Milestone, t: &Milestone) -> (Milestone, Milestone) {
    let (mut ours, mut theirs) = (o.clone(), o.clone());
    macro_rules! take {
        ($($field:ident),*) => {$(
            match pick(base.map(|b| &b.$field), &o.$field, &t.$field) {
                Pick::Clean(value) => {
                    ours.$field = value.clone();
                    theirs.$field = value;
                }
                Pick::Clash { theirs: value, .. } => theirs.$field = value,
            }
        )*};
    }
    take!(title, due, units, completed_on);
    (ours, theirs)
}
