//! The three-way rules every part of a merge uses: a value, a set, a keyed collection.

/// What three versions of one value give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick<T> {
    /// One answer: both sides agree, or only one side changed it.
    Clean(T),
    /// Both sides changed it, to different values.
    Clash { ours: T, theirs: T },
}

/// A value changed on one side takes that side; changed to the same value on both is no clash.
/// `base` is `None` when the value is new on both sides.
pub fn pick<T: Clone + PartialEq>(base: Option<&T>, ours: &T, theirs: &T) -> Pick<T> {
    if ours == theirs || base == Some(theirs) {
        Pick::Clean(ours.clone())
    } else if base == Some(ours) {
        Pick::Clean(theirs.clone())
    } else {
        Pick::Clash {
            ours: ours.clone(),
            theirs: theirs.clone(),
        }
    }
}

/// A list read as a set: what either side added is in, what either side removed is out. Ours'
/// order first, then what only theirs has, so the result is the same however often it is merged.
pub fn set<T: Clone + PartialEq>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let removed =
        |item: &T| base.contains(item) && (!ours.contains(item) || !theirs.contains(item));
    let mut out: Vec<T> = Vec::with_capacity(ours.len().max(theirs.len()));
    for item in ours.iter().chain(theirs) {
        if !removed(item) && !out.contains(item) {
            out.push(item.clone());
        }
    }
    out
}

/// A list read as a set, kept in order (meetings, which are written sorted).
pub fn sorted_set<T: Clone + Ord>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out = set(base, ours, theirs);
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_changed_on_one_side_takes_that_side() {
        assert_eq!(pick(Some(&1), &1, &2), Pick::Clean(2));
        assert_eq!(pick(Some(&1), &3, &1), Pick::Clean(3));
        assert_eq!(pick(Some(&1), &4, &4), Pick::Clean(4));
        assert_eq!(pick(Some(&1), &3, &2), Pick::Clash { ours: 3, theirs: 2 });
        assert_eq!(pick(None, &3, &2), Pick::Clash { ours: 3, theirs: 2 });
    }

    #[test]
    fn a_set_keeps_what_either_added_and_drops_what_either_removed() {
        let merged = set(&["a", "b", "c"], &["a", "c", "d"], &["b", "c", "e", "a"]);
        assert_eq!(merged, ["a", "c", "d", "e"]);
    }
}
