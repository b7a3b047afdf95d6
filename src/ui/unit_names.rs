//! How a unit's name is shortened where room is short (README, "Views and keys"): a name of up to
//! six characters (12 cells, such as 区商务委 or 区市场监管局) stays whole; a longer one keeps its
//! first five characters and ends with `⋯` (新虹桥国际⋯). A list of units is never cut inside a
//! name: as many whole (shortened) names as fit, then `+N` for the others.

use super::text::{safe, truncate, width};

/// The most cells a unit's name takes in a list.
pub const UNIT_MAX: usize = 12;

/// A unit's name in at most [`UNIT_MAX`] cells (less when `room` is smaller).
pub fn short_unit(name: &str, room: usize, ellipsis: &str) -> String {
    let name = safe(name);
    if width(&name) <= UNIT_MAX.min(room) {
        return name.into_owned();
    }
    truncate(&name, UNIT_MAX.min(room), ellipsis).into_owned()
}

/// Units joined with 、 in at most `room` cells: whole short names, then `+N` for the rest.
pub fn unit_list(units: &[String], room: usize, ellipsis: &str) -> String {
    let names: Vec<String> = units
        .iter()
        .map(|u| short_unit(u, UNIT_MAX, ellipsis))
        .collect();
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        let sep = if i == 0 { "" } else { "、" };
        let rest = names.len() - i - 1;
        let more = if rest > 0 {
            format!(" +{rest}")
        } else {
            String::new()
        };
        // Room for this name, and for the `+N` of the names after it.
        let fits_with_more = width(&out) + width(sep) + width(name) + width(&more) <= room;
        let fits_last = rest == 0 && width(&out) + width(sep) + width(name) <= room;
        if fits_with_more || fits_last {
            out.push_str(sep);
            out.push_str(name);
            continue;
        }
        if i == 0 {
            // Not even the first whole: as much of it as fits.
            return truncate(name, room, ellipsis).into_owned();
        }
        out.push_str(&format!(" +{}", names.len() - i));
        return out;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn short_names_stay_whole_and_long_ones_keep_five_characters() {
        assert_eq!(short_unit("区商务委", 40, "⋯"), "区商务委");
        assert_eq!(short_unit("区市场监管局", 40, "⋯"), "区市场监管局");
        assert_eq!(short_unit("新虹桥国际医学中心", 40, "⋯"), "新虹桥国际⋯");
    }

    #[test]
    fn a_list_never_cuts_inside_a_name() {
        let list = units(&["区卫生健康委", "新虹桥国际医学中心"]);
        assert_eq!(unit_list(&list, 40, "⋯"), "区卫生健康委、新虹桥国际⋯");
        assert_eq!(unit_list(&list, 18, "⋯"), "区卫生健康委 +1");
        assert_eq!(
            unit_list(&units(&["莘庄海关", "龙吴海关"]), 18, "⋯"),
            "莘庄海关、龙吴海关"
        );
        assert_eq!(
            unit_list(&units(&["区人力资源社会保障局"]), 8, "⋯"),
            "区人力⋯"
        );
    }
}
