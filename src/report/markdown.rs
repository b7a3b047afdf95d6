//! The report in Markdown, for minutes and email. All text from the board is cleaned of control
//! and invisible characters, and table cells escape `|` so a title cannot break a table.

use std::fmt::Write;

use super::Report;
use super::document::{Block, document};
use super::tables::{Table, numeral};
use crate::model::sanitize::clean_line;

/// One table cell: a single clean line with `\` and `|` escaped.
fn cell(text: &str) -> String {
    clean_line(text).replace('\\', "\\\\").replace('|', "\\|")
}

fn table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "| {} |", table.header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(table.header.len()));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

pub fn render(r: &Report) -> String {
    let doc = document(r);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&doc.title));
    for (label, value) in &doc.facts {
        let _ = writeln!(out, "- {label}：{}", clean_line(value));
    }
    if let Some(notice) = &doc.notice {
        let _ = writeln!(out, "\n> {}", clean_line(notice));
    }
    for (n, section) in doc.sections.iter().enumerate() {
        let _ = writeln!(out, "\n## {}、{}\n", numeral(n), cell(&section.title));
        for (b, block) in section.blocks.iter().enumerate() {
            if b > 0 {
                out.push('\n');
            }
            match block {
                Block::Table {
                    caption,
                    table: t,
                    when_empty,
                } => {
                    if let Some(caption) = caption {
                        let _ = writeln!(out, "### {}\n", cell(caption));
                    }
                    if t.rows.is_empty() && !when_empty.is_empty() {
                        let _ = writeln!(out, "{when_empty}");
                    } else {
                        table(&mut out, t);
                    }
                }
                Block::Lines(lines) => {
                    for line in lines {
                        let _ = writeln!(out, "- {}", clean_line(line));
                    }
                }
            }
        }
    }
    out
}
