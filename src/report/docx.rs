//! The report as a Word document laid out as an official document (公文, GB/T 9704-2012): A4,
//! margins 37 / 35 / 28 / 26 mm (top, bottom, left, right), the title in 二号 小标宋, headings in
//! 三号 黑体 (first level) and 楷体 (second), body text in 三号 仿宋 at a fixed 28.95 pt line
//! (22 lines a page), tables with a bold, shaded header row, and page numbers in 四号 宋体 as
//! "— 1 —" at the foot. Opens in Word and WPS; Chinese text is written as it is.

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Shading, Table, TableCell, TableRow, WidthType,
};

use super::document::{Block, document};
use super::tables::numeral;
use super::{Report, ReportError};
use crate::model::sanitize::clean_line;

/// Twips (1/20 pt) in a millimetre.
const TWIPS_PER_MM: f64 = 56.693;
const A4: (u32, u32) = (11906, 16838);
/// 二号, 三号, 四号, 小四 in half-points.
const SIZE_2: usize = 44;
const SIZE_3: usize = 32;
const SIZE_4: usize = 28;
const SIZE_SMALL_4: usize = 24;
/// 28.95 pt in twips: 22 lines of 三号 on the page.
const LINE: i32 = 579;

const TITLE_FONT: &str = "方正小标宋简体";
const HEADING_FONT: &str = "黑体";
const SUBHEADING_FONT: &str = "楷体";
const BODY_FONT: &str = "仿宋";
const PAGE_NUMBER_FONT: &str = "宋体";

fn mm(v: f64) -> i32 {
    (v * TWIPS_PER_MM).round() as i32
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new()
        .add_text(clean_line(text))
        .fonts(fonts(font))
        .size(size)
}

fn fixed_line() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(LINE)
}

fn paragraph(text: &str, font: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, font, size))
        .line_spacing(fixed_line())
}

/// A body paragraph, first line indented two characters.
fn body(text: &str) -> Paragraph {
    paragraph(text, BODY_FONT, SIZE_3).first_line_chars(200)
}

fn cell(text: &str, header: bool) -> TableCell {
    let mut r = run(text, BODY_FONT, SIZE_SMALL_4);
    if header {
        r = r.bold();
    }
    let p = Paragraph::new().add_run(r).align(if header {
        AlignmentType::Center
    } else {
        AlignmentType::Left
    });
    let cell = TableCell::new().add_paragraph(p);
    if header {
        cell.shading(Shading::new().fill("D9D9D9"))
    } else {
        cell
    }
}

fn table(header: &[&str], rows: &[Vec<String>]) -> Table {
    let mut all = vec![TableRow::new(
        header.iter().map(|h| cell(h, true)).collect(),
    )];
    all.extend(
        rows.iter()
            .map(|row| TableRow::new(row.iter().map(|c| cell(c, false)).collect())),
    );
    // The width of the type area: 210 mm less the side margins.
    let width = mm(210.0 - 28.0 - 26.0) as usize;
    Table::new(all).width(width, WidthType::Dxa)
}

fn footer() -> Footer {
    let number = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(run("— ", PAGE_NUMBER_FONT, SIZE_4))
        .add_page_num(PageNum::new())
        .add_run(run(" —", PAGE_NUMBER_FONT, SIZE_4));
    Footer::new().add_paragraph(number)
}

pub fn render(r: &Report) -> Result<Vec<u8>, ReportError> {
    let doc = document(r);
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: mm(37.0),
            bottom: mm(35.0),
            left: mm(28.0),
            right: mm(26.0),
            header: mm(15.0),
            footer: mm(28.0) - mm(7.0),
            gutter: 0,
        })
        .default_fonts(fonts(BODY_FONT))
        .default_size(SIZE_3)
        .footer(footer());
    docx = docx.add_paragraph(
        paragraph(&doc.title, TITLE_FONT, SIZE_2)
            .align(AlignmentType::Center)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(LINE)
                    .after(LINE as u32),
            ),
    );
    for (label, value) in &doc.facts {
        docx = docx.add_paragraph(body(&format!("{label}：{value}")));
    }
    if let Some(notice) = &doc.notice {
        docx = docx.add_paragraph(body(notice));
    }
    for (n, section) in doc.sections.iter().enumerate() {
        let heading = format!("{}、{}", numeral(n), section.title);
        docx = docx.add_paragraph(
            paragraph(&heading, HEADING_FONT, SIZE_3)
                .first_line_chars(200)
                .keep_next(true),
        );
        let mut sub = 0;
        for block in &section.blocks {
            match block {
                Block::Table {
                    caption,
                    table: t,
                    when_empty,
                } => {
                    if let Some(caption) = caption {
                        sub += 1;
                        let text = format!("（{}）{caption}", numeral(sub - 1));
                        docx = docx.add_paragraph(
                            paragraph(&text, SUBHEADING_FONT, SIZE_3)
                                .first_line_chars(200)
                                .keep_next(true),
                        );
                    }
                    if t.rows.is_empty() && !when_empty.is_empty() {
                        docx = docx.add_paragraph(body(when_empty));
                    } else {
                        docx = docx.add_table(table(&t.header, &t.rows));
                    }
                }
                Block::Lines(lines) => {
                    for line in lines {
                        docx = docx.add_paragraph(body(line));
                    }
                }
            }
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| ReportError::Docx(e.to_string()))?;
    Ok(bytes.into_inner())
}
