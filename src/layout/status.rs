//! Where the status view's columns and cards go. An empty column shrinks to a narrow strip and
//! gives its width to the others; a column whose cards do not all fit shows one-line (compact)
//! cards, unless the user chose a density with `z`. Drawing, the cursor and the mouse all read
//! the same [`StatusLayout`], so a click lands on the card drawn there.

use ratatui::layout::Rect;

/// How the status view draws its cards: chosen with `z`, in this order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Density {
    /// Full cards where a column's cards all fit, one line each where they do not.
    #[default]
    Auto,
    /// One line a card everywhere: number, title, light and urgency.
    Compact,
    /// Full cards everywhere; a long column scrolls.
    Full,
}

impl Density {
    /// The next density for `z`: auto, compact, full, auto again.
    pub fn next(self) -> Density {
        match self {
            Density::Auto => Density::Compact,
            Density::Compact => Density::Full,
            Density::Full => Density::Auto,
        }
    }
}

/// Cells an empty column keeps (borders included): room for a three-character status name.
pub const STRIP_WIDTH: u16 = 8;

/// One frame's status columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusLayout {
    pub columns: [Rect; 4],
    /// An empty column drawn as a narrow strip.
    pub strip: [bool; 4],
    /// Lines a card takes, the gap after a full card included (1 for a compact card).
    pub pitch: [u16; 4],
    /// Lines a card draws (its pitch less the gap).
    pub lines: [u16; 4],
    /// How many cards a column shows at once (at least one).
    pub visible: [usize; 4],
}

impl StatusLayout {
    /// `counts` are the cards per column; `full_lines` the lines of a full card (3, or 4 when
    /// the board has milestones to show).
    pub fn new(body: Rect, counts: [usize; 4], density: Density, full_lines: u16) -> StatusLayout {
        let any = counts.iter().any(|&n| n > 0);
        let mut strip = counts.map(|n| any && n == 0);
        // A strip only helps when the other columns are left enough to show a card.
        let strips = strip.iter().filter(|&&s| s).count() as u16;
        let wide = 4 - strips;
        if body.width.saturating_sub(strips * STRIP_WIDTH) < wide * 10 {
            strip = [false; 4];
        }
        let columns = split(body, strip);
        let inner = body.height.saturating_sub(2);
        let mut layout = StatusLayout {
            columns,
            strip,
            ..StatusLayout::default()
        };
        for (column, &count) in counts.iter().enumerate() {
            let full_pitch = full_lines + 1;
            let fits_full = (count as u64) * u64::from(full_pitch) <= u64::from(inner) + 1;
            let compact = match density {
                Density::Compact => true,
                Density::Full => false,
                Density::Auto => !fits_full,
            };
            let (pitch, lines) = if compact {
                (1, 1)
            } else {
                (full_pitch, full_lines)
            };
            layout.pitch[column] = pitch;
            layout.lines[column] = lines;
            layout.visible[column] = usize::from(((inner + pitch - lines) / pitch).max(1));
        }
        layout
    }

    /// The card slot (0 = first shown) at a line of a column's inside, if a card is drawn there.
    pub fn slot_at(&self, column: usize, line: u16, inner_height: u16) -> Option<usize> {
        let (pitch, lines) = (self.pitch[column].max(1), self.lines[column]);
        let slot = line / pitch;
        let on_card = line % pitch < lines && slot * pitch + lines <= inner_height;
        on_card.then_some(usize::from(slot))
    }
}

/// The columns from left to right: strips at their width, the rest sharing what is left evenly
/// (the leftmost wide columns take the odd cells).
fn split(body: Rect, strip: [bool; 4]) -> [Rect; 4] {
    let strips = strip.iter().filter(|&&s| s).count() as u16;
    let wide = 4 - strips;
    let room = body.width.saturating_sub(strips * STRIP_WIDTH);
    let share = room.checked_div(wide).unwrap_or(0);
    let mut extra = room.checked_rem(wide).unwrap_or(0);
    let mut x = body.x;
    let mut out = [Rect::default(); 4];
    for (column, is_strip) in strip.into_iter().enumerate() {
        let width = if is_strip {
            STRIP_WIDTH
        } else {
            let odd = u16::from(extra > 0);
            extra = extra.saturating_sub(1);
            share + odd
        };
        let width = width.min(body.right().saturating_sub(x));
        out[column] = Rect::new(x, body.y, width, body.height);
        x += width;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_columns_become_strips_and_the_full_column_goes_compact_when_it_does_not_fit() {
        let body = Rect::new(0, 2, 80, 21);
        let layout = StatusLayout::new(body, [19, 0, 0, 0], Density::Auto, 3);
        assert_eq!(layout.strip, [false, true, true, true]);
        assert_eq!(layout.columns[0].width, 80 - 3 * STRIP_WIDTH);
        assert_eq!(layout.columns[3].right(), 80);
        assert_eq!((layout.pitch[0], layout.visible[0]), (1, 19));
        // Four cards fit as full cards (4 + 3 lines + gaps in 19 lines).
        let layout = StatusLayout::new(body, [4, 5, 0, 10], Density::Auto, 3);
        assert_eq!(layout.pitch, [4, 4, 4, 1]);
        assert_eq!(layout.visible, [5, 5, 5, 19]);
        let full = StatusLayout::new(body, [19, 0, 0, 0], Density::Full, 3);
        assert_eq!((full.pitch[0], full.visible[0]), (4, 5));
    }

    #[test]
    fn an_empty_board_keeps_four_even_columns() {
        let layout = StatusLayout::new(Rect::new(0, 0, 44, 8), [0; 4], Density::Auto, 3);
        assert_eq!(layout.strip, [false; 4]);
        assert_eq!(layout.columns.map(|c| c.width), [11; 4]);
    }

    #[test]
    fn a_click_finds_the_card_under_it_and_not_the_gap() {
        let layout = StatusLayout::new(Rect::new(0, 0, 80, 21), [2, 19, 0, 0], Density::Auto, 3);
        assert_eq!(layout.slot_at(0, 0, 19), Some(0));
        assert_eq!(layout.slot_at(0, 3, 19), None);
        assert_eq!(layout.slot_at(0, 4, 19), Some(1));
        assert_eq!(layout.slot_at(1, 18, 19), Some(18));
    }
}
