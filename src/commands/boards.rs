//! `report` and `export` on several boards at once (`--file A --file B …`, `--dir DIR`): one
//! combined text in which every board is named by its file. Each board is read on its own, with
//! its own file, lock and history.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::report::{Asked, with_report};
use super::{Failure, export_text};
use crate::cli::{Cli, Command};
use crate::model::sanitize::clean_line;
use crate::model::{Status, stats};
use crate::report::{Format, json_text::to_safe_json, render_text};
use crate::store::Store;

/// Runs the command on every board in `paths`.
pub fn run(cli: &Cli, paths: &[PathBuf]) -> Result<(), Failure> {
    let store = |path: &PathBuf| {
        let mut store = Store::new(path);
        store.user = cli.user_name();
        store
    };
    let named = |path: &PathBuf| (name(path), store(path));
    let boards: Vec<(String, Store)> = paths.iter().map(named).collect();
    match &cli.command {
        Some(Command::Report {
            format,
            since,
            output,
            force,
            from,
            to,
        }) => {
            if format.is_binary() {
                return Err(Failure(format!(
                    "--format {} takes one board; for several boards use md, csv or json",
                    format.extension()
                )));
            }
            let asked = Asked {
                format: *format,
                since: *since,
                output: None,
                force: *force,
                from: *from,
                to: *to,
            };
            let text = combined_report(cli, &boards, &asked)?;
            match output {
                Some(path) => {
                    crate::report::write_text_file(path, &text, *force)?;
                    println!("{}: report on {} boards written", path.display(), boards.len());
                    Ok(())
                }
                None => super::print_out(&text),
            }
        }
        Some(Command::Export { .. }) => {
            let mut parts = Vec::new();
            for (name, store) in &boards {
                let export = export_text(cli, store).map_err(|e| named_failure(name, e))?;
                parts.push(format!("{{\"board\":{},\"export\":{}}}", to_safe_json(name).trim_end(), export.trim_end()));
            }
            super::print_out(&format!("{{\"boards\":[{}]}}\n", parts.join(",")))
        }
        _ => Err(Failure(
            "several boards at once (--file more than once, or --dir) are read by `report` and `export` only"
                .into(),
        )),
    }
}

/// The board's name in a combined report: its file's name.
fn name(path: &Path) -> String {
    let name = path.file_name().unwrap_or(path.as_os_str());
    clean_line(&name.to_string_lossy())
}

fn named_failure(name: &str, e: Failure) -> Failure {
    if e.0.contains(name) {
        e
    } else {
        Failure(format!("{name}: {}", e.0))
    }
}

/// One board's counts for the overview: tasks, done, overdue, needing coordination.
type Counts = [usize; 4];

/// One board's report in a combined one.
struct Part {
    /// The file's name.
    name: String,
    /// The file's name and who issued the plan: how Markdown and CSV name the board.
    shown: String,
    text: String,
    counts: Counts,
}

fn combined_report(
    cli: &Cli,
    boards: &[(String, Store)],
    asked: &Asked,
) -> Result<String, Failure> {
    let mut parts: Vec<Part> = Vec::new();
    for (name, store) in boards {
        let (issuer, text, counts) = with_report(cli, store, asked, |r| {
            let s = stats::summary(r.board, r.today);
            let counts = [s.total, s.done(), s.overdue, s.count(Status::Blocked)];
            Ok((
                r.board.plan.issuer.clone(),
                render_text(r, asked.format)?,
                counts,
            ))
        })
        .map_err(|e| named_failure(name, e))?;
        // Named by file (JSON keeps just that), and by who issued its plan (the district or zone).
        let shown = format!("{name}（{}）", clean_line(&issuer));
        parts.push(Part {
            name: name.clone(),
            shown,
            text,
            counts,
        });
    }
    Ok(match asked.format {
        Format::Json => {
            let items: Vec<String> = parts
                .iter()
                .map(|p| {
                    let name = to_safe_json(&p.name);
                    format!(
                        "{{\"board\":{},\"report\":{}}}",
                        name.trim_end(),
                        p.text.trim_end()
                    )
                })
                .collect();
            format!("{{\"boards\":[{}]}}\n", items.join(","))
        }
        Format::Csv => combined_csv(&parts),
        _ => combined_markdown(&parts),
    })
}

/// An overview table of the boards, then each board's report under its name, its headings one
/// level down.
fn combined_markdown(parts: &[Part]) -> String {
    let mut out = format!("# 多个看板汇总（{} 个看板）\n\n", parts.len());
    out.push_str("| 看板 | 任务 | 已完成 | 逾期 | 需协调 |\n| --- | --- | --- | --- | --- |\n");
    for part in parts {
        let [total, done, overdue, blocked] = part.counts;
        let name = part.shown.replace('|', "\\|");
        let _ = writeln!(out, "| {name} | {total} | {done} | {overdue} | {blocked} |");
    }
    for part in parts {
        let _ = write!(out, "\n---\n\n## 看板：{}\n\n", part.shown);
        for line in part.text.lines() {
            // The board's heading is level 2: its report's own headings go below it.
            if line.starts_with('#') {
                out.push_str("##");
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// One table: a `看板` column first, then each board's rows (one header for all).
fn combined_csv(parts: &[Part]) -> String {
    let mut out = String::from("\u{FEFF}");
    for (i, part) in parts.iter().enumerate() {
        let text = part.text.strip_prefix('\u{FEFF}').unwrap_or(&part.text);
        // Quoted, and defused as the report's own text cells are against formula injection.
        let shown = match part.shown.starts_with(['=', '+', '-', '@']) {
            true => format!("'{}", part.shown),
            false => part.shown.clone(),
        };
        let name = format!("\"{}\"", shown.replace('"', "\"\""));
        for (r, record) in records(text).into_iter().enumerate() {
            match (r, i) {
                (0, 0) => out.push_str("看板,"),
                (0, _) => continue,
                _ => {
                    out.push_str(&name);
                    out.push(',');
                }
            }
            out.push_str(record);
            out.push_str("\r\n");
        }
    }
    out
}

/// The records of a CSV text: split at line ends outside quotes.
fn records(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut quoted) = (0, false);
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                let end = if i > start && bytes[i - 1] == b'\r' {
                    i - 1
                } else {
                    i
                };
                out.push(&text[start..end]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}
