//! Readers for the parts of the screen the refresh tests look at, on a terminal of `COLS`x`ROWS`.

use std::process::Command;

pub const ROWS: u16 = 32;
pub const COLS: u16 = 120;

pub fn signal(pid: u32, name: &str) -> bool {
    Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .is_ok_and(|s| s.success())
}

pub fn header(screen: &vt100::Screen) -> String {
    screen.contents_between(0, 0, 0, COLS)
}

pub fn footer(screen: &vt100::Screen) -> String {
    screen.contents_between(ROWS - 1, 0, ROWS - 1, COLS)
}

/// The text of one status column (0 未启动, 1 推进中, 2 需协调, 3 已完成), row by row. Columns
/// differ in width (an empty one is a narrow strip), so each is found by its box's corners on
/// the first row that has four of them.
pub fn column(screen: &vt100::Screen, index: u16) -> String {
    let Some((left, right)) = column_span(screen, index) else {
        return String::new();
    };
    (1..ROWS - 1)
        .map(|row| screen.contents_between(row, left, row, right + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cells from the left corner to the right corner of status column `index`.
fn column_span(screen: &vt100::Screen, index: u16) -> Option<(u16, u16)> {
    (0..ROWS).find_map(|row| {
        let at = |symbol: &str| -> Vec<u16> {
            (0..COLS)
                .filter(|&x| screen.cell(row, x).is_some_and(|c| c.contents() == symbol))
                .collect()
        };
        let (lefts, rights) = (at("┌"), at("┐"));
        (lefts.len() == 4 && rights.len() == 4)
            .then(|| (lefts[usize::from(index)], rights[usize::from(index)]))
    })
}

/// The first line of the selected card, e.g. " 3 推动…": the one whose row has the selection
/// marker `▸` in its column's left border and its number on a coloured background, as a user
/// sees it.
pub fn selected_card(screen: &vt100::Screen) -> Option<String> {
    (0..4).find_map(|index| {
        let (left, right) = column_span(screen, index)?;
        let x = left + 1;
        (2..ROWS - 1).find_map(|row| {
            let marker = screen.cell(row, left)?;
            let number = screen.cell(row, x + 1)?;
            (marker.contents() == "▸" && number.bgcolor() != vt100::Color::Default)
                .then(|| screen.contents_between(row, x, row, right))
        })
    })
}

/// Bytes a process has read so far, from any file or terminal (Linux `/proc/PID/io`).
pub fn bytes_read(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap();
    let line = io.lines().find(|l| l.starts_with("rchar:")).unwrap();
    line["rchar:".len()..].trim().parse().unwrap()
}
