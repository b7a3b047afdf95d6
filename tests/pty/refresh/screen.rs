//! Readers for the parts of the screen the refresh tests look at, on a terminal of `COLS`x`ROWS`.

use std::process::Command;

pub const ROWS: u16 = 32;
/// 120 columns: four status columns of exactly 30 cells each.
pub const COLS: u16 = 120;
pub const COLUMN_WIDTH: u16 = COLS / 4;

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

/// The text of one status column (0 未启动, 1 推进中, 2 需协调, 3 已完成), row by row.
pub fn column(screen: &vt100::Screen, index: u16) -> String {
    let x = index * COLUMN_WIDTH;
    (1..ROWS - 1)
        .map(|row| screen.contents_between(row, x, row, x + COLUMN_WIDTH))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first line of the highlighted card, e.g. " 3 推动…".
pub fn selected_card(screen: &vt100::Screen) -> Option<String> {
    (0..4).find_map(|index| {
        let x = index * COLUMN_WIDTH + 1;
        (2..ROWS - 1).find_map(|row| {
            let cell = screen.cell(row, x + 1)?;
            (cell.bgcolor() != vt100::Color::Default)
                .then(|| screen.contents_between(row, x, row, x + COLUMN_WIDTH - 2))
        })
    })
}

/// Bytes a process has read so far, from any file or terminal (Linux `/proc/PID/io`).
pub fn bytes_read(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap();
    let line = io.lines().find(|l| l.starts_with("rchar:")).unwrap();
    line["rchar:".len()..].trim().parse().unwrap()
}
