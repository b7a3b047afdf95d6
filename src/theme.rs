//! Colours and glyphs. Meaning is always carried by words too; colour only helps.
//!
//! The palette depends on what the terminal can show ([`ColorDepth`]): on 16 colours only the
//! named colours and text attributes are used (no dark grey, which vanishes on black in many
//! schemes); on 256 and true colour one design is written as indexed or RGB colours, chosen to
//! stay readable on dark and light backgrounds alike. Every glyph the layout draws besides the
//! box-drawing border has the same width in every terminal (no East Asian ambiguous-width
//! characters); `--ascii` replaces the border too.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::model::Urgency;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Default,
    /// For projectors: bright, bold, no grey.
    Contrast,
    /// No colour at all (also chosen by `NO_COLOR`).
    Mono,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s.trim().to_lowercase().as_str() {
            "default" => Some(ThemeName::Default),
            "contrast" | "high-contrast" => Some(ThemeName::Contrast),
            "mono" | "monochrome" | "none" => Some(ThemeName::Mono),
            _ => None,
        }
    }
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorDepth {
    /// The 16 named colours: what every terminal has, and all that `TERM=screen` promises.
    #[default]
    Ansi16,
    Indexed256,
    TrueColor,
}

impl ColorDepth {
    /// From `COLORTERM` and `TERM`, the variables terminals and multiplexers set for this; never by
    /// asking the terminal (queries time out over some SSH links).
    pub fn detect(colorterm: Option<&str>, term: Option<&str>) -> ColorDepth {
        let colorterm = colorterm.unwrap_or_default().to_ascii_lowercase();
        let term = term.unwrap_or_default().to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" || term.ends_with("-direct") {
            ColorDepth::TrueColor
        } else if term.contains("256color") {
            ColorDepth::Indexed256
        } else {
            ColorDepth::Ansi16
        }
    }

    pub fn from_env() -> ColorDepth {
        let colorterm = std::env::var("COLORTERM").ok();
        let term = std::env::var("TERM").ok();
        ColorDepth::detect(colorterm.as_deref(), term.as_deref())
    }

    /// One colour of the 256/true-colour design at this depth; `named` stands in on 16 colours.
    fn pick(self, rgb: (u8, u8, u8), named: Color) -> Color {
        match self {
            ColorDepth::Ansi16 => named,
            ColorDepth::Indexed256 => Color::Indexed(nearest_256(rgb)),
            ColorDepth::TrueColor => Color::Rgb(rgb.0, rgb.1, rgb.2),
        }
    }
}

/// The closest colour of the 256-colour palette's 6x6x6 cube or grey ramp (indices 16-255, which,
/// unlike 0-15, are the same in every terminal).
pub fn nearest_256((r, g, b): (u8, u8, u8)) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(v)).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let cube_index = 16 + 36 * ri + 6 * gi + bi;
    let mean = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    let grey_step = (mean.saturating_sub(3) / 10).min(23) as u8;
    let grey_value = 8 + 10 * grey_step;
    let distance = |(cr, cg, cb): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(cr, r) + d(cg, g) + d(cb, b)
    };
    if distance((grey_value, grey_value, grey_value)) < distance(cube) {
        232 + grey_step
    } else {
        cube_index as u8
    }
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub header: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub overdue: Style,
    pub due_soon: Style,
    pub on_track: Style,
    pub done: Style,
    pub done_late: Style,
    pub error: Style,
    pub info: Style,
    pub key: Style,
    pub border_set: border::Set<'static>,
    /// Marks cut text: `⋯` (U+22EF, one cell everywhere) rather than `…`, which terminals set to
    /// treat ambiguous-width characters as wide draw two cells wide, pushing borders out of line.
    pub ellipsis: &'static str,
    /// Fills the dashboard's bars.
    pub bar: &'static str,
    /// Points at the selected card from its column's left border: `▸` (U+25B8, one cell
    /// everywhere, unlike the ambiguous-width `▶`).
    pub marker: &'static str,
}

impl Theme {
    /// The theme on a 16-colour terminal (what tests and unknown terminals get).
    pub fn new(name: ThemeName, ascii: bool) -> Theme {
        Theme::for_terminal(name, ascii, ColorDepth::Ansi16)
    }

    pub fn for_terminal(name: ThemeName, ascii: bool, depth: ColorDepth) -> Theme {
        let mut theme = match name {
            ThemeName::Default => Theme::default_colours(depth),
            ThemeName::Contrast => Theme::contrast(),
            ThemeName::Mono => Theme::mono(),
        };
        if ascii {
            theme.border_set = ASCII_BORDER;
            theme.ellipsis = "~";
            theme.bar = "#";
            theme.marker = ">";
        }
        theme
    }

    fn default_colours(depth: ColorDepth) -> Theme {
        let bold = Modifier::BOLD;
        let fg = |rgb, named| Style::new().fg(depth.pick(rgb, named));
        // Grey that reads on black and on white; on 16 colours the terminal's own faint text,
        // since its dark grey is the background colour in several common schemes.
        let (dim, border) = match depth {
            ColorDepth::Ansi16 => (Style::new().add_modifier(Modifier::DIM), Style::new()),
            _ => (
                fg((138, 138, 138), Color::Gray),
                fg((108, 108, 108), Color::Gray),
            ),
        };
        let teal = (0, 135, 175);
        let white = (255, 255, 255);
        Theme {
            name: ThemeName::Default,
            text: Style::new(),
            dim,
            title: Style::new().add_modifier(bold),
            header: fg((0, 0, 0), Color::Black).bg(depth.pick((95, 175, 175), Color::Cyan)),
            border,
            border_focus: fg(teal, Color::Cyan).add_modifier(bold),
            selected: fg(white, Color::White)
                .bg(depth.pick((0, 95, 175), Color::Blue))
                .add_modifier(bold),
            overdue: fg((215, 0, 0), Color::Red).add_modifier(bold),
            // Black on yellow: yellow text alone is unreadable on a light background.
            due_soon: fg((0, 0, 0), Color::Black)
                .bg(depth.pick((255, 215, 0), Color::Yellow))
                .add_modifier(bold),
            on_track: fg((0, 135, 0), Color::Green),
            done: fg((0, 135, 0), Color::Green),
            done_late: fg((175, 95, 175), Color::Magenta),
            error: fg(white, Color::White).bg(depth.pick((215, 0, 0), Color::Red)),
            info: fg(teal, Color::Cyan),
            key: fg(teal, Color::Cyan).add_modifier(bold),
            border_set: border::PLAIN,
            ellipsis: "⋯",
            bar: "█",
            marker: "▸",
        }
    }

    /// For a projector: bright colours and bold on the (dark) screen, no grey or faint text,
    /// thick borders. Only the named colours, which every terminal has.
    fn contrast() -> Theme {
        let bold = Modifier::BOLD;
        let bright = Style::new().fg(Color::White).add_modifier(bold);
        let badge = |fg: Color, bg: Color| Style::new().fg(fg).bg(bg).add_modifier(bold);
        Theme {
            name: ThemeName::Contrast,
            text: bright,
            dim: Style::new().fg(Color::White),
            title: bright,
            header: badge(Color::Black, Color::White),
            border: bright,
            border_focus: Style::new().fg(Color::LightYellow).add_modifier(bold),
            selected: badge(Color::Black, Color::LightYellow),
            overdue: badge(Color::White, Color::Red),
            due_soon: badge(Color::Black, Color::LightYellow),
            on_track: Style::new().fg(Color::LightGreen).add_modifier(bold),
            done: Style::new().fg(Color::LightGreen).add_modifier(bold),
            done_late: Style::new().fg(Color::LightMagenta).add_modifier(bold),
            error: badge(Color::White, Color::Red),
            info: Style::new().fg(Color::LightCyan).add_modifier(bold),
            key: Style::new().fg(Color::LightYellow).add_modifier(bold),
            border_set: border::THICK,
            ellipsis: "⋯",
            bar: "█",
            marker: "▸",
        }
    }

    /// No colour: bold for what matters, reverse video for the selection and the header.
    fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            name: ThemeName::Mono,
            text: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            header: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            border_focus: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            overdue: plain.add_modifier(Modifier::BOLD),
            due_soon: plain.add_modifier(Modifier::BOLD),
            on_track: plain,
            done: plain,
            done_late: plain,
            error: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            info: plain,
            key: plain.add_modifier(Modifier::BOLD),
            border_set: border::PLAIN,
            ellipsis: "⋯",
            bar: "█",
            marker: "▸",
        }
    }

    pub fn urgency(&self, urgency: Urgency) -> Style {
        match urgency {
            Urgency::Overdue { .. } => self.overdue,
            Urgency::DueSoon { .. } => self.due_soon,
            Urgency::OnTrack { .. } => self.on_track,
            Urgency::DoneOnTime => self.done,
            Urgency::DoneLate { .. } => self.done_late,
        }
    }

    /// Every style of the theme, for checks that must hold for all of them.
    pub fn styles(&self) -> [Style; 15] {
        [
            self.text,
            self.dim,
            self.title,
            self.header,
            self.border,
            self.border_focus,
            self.selected,
            self.overdue,
            self.due_soon,
            self.on_track,
            self.done,
            self.done_late,
            self.error,
            self.info,
            self.key,
        ]
    }
}

pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_depth_comes_from_colorterm_and_term() {
        let detect = ColorDepth::detect;
        assert_eq!(
            detect(Some("truecolor"), Some("xterm-256color")),
            ColorDepth::TrueColor
        );
        assert_eq!(detect(Some("24bit"), None), ColorDepth::TrueColor);
        assert_eq!(detect(None, Some("xterm-direct")), ColorDepth::TrueColor);
        assert_eq!(detect(None, Some("tmux-256color")), ColorDepth::Indexed256);
        assert_eq!(
            detect(Some(""), Some("screen-256color")),
            ColorDepth::Indexed256
        );
        assert_eq!(detect(None, Some("screen")), ColorDepth::Ansi16);
        assert_eq!(detect(None, Some("linux")), ColorDepth::Ansi16);
        assert_eq!(detect(None, None), ColorDepth::Ansi16);
    }

    #[test]
    fn nearest_256_finds_cube_and_grey_entries() {
        assert_eq!(nearest_256((255, 0, 0)), 196);
        assert_eq!(nearest_256((0, 135, 175)), 31);
        assert_eq!(nearest_256((138, 138, 138)), 245);
        assert_eq!(nearest_256((0, 0, 0)), 16);
        assert_eq!(nearest_256((255, 255, 255)), 231);
    }

    #[test]
    fn sixteen_colours_use_only_named_colours_and_never_dark_grey() {
        let theme = Theme::for_terminal(ThemeName::Default, false, ColorDepth::Ansi16);
        for style in theme.styles() {
            for colour in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(colour, Color::Indexed(_) | Color::Rgb(..) | Color::DarkGray),
                    "{style:?}"
                );
            }
        }
    }

    #[test]
    fn deeper_terminals_get_indexed_or_rgb_colours() {
        let indexed = Theme::for_terminal(ThemeName::Default, false, ColorDepth::Indexed256);
        assert_eq!(indexed.overdue.fg, Some(Color::Indexed(160)));
        let rgb = Theme::for_terminal(ThemeName::Default, false, ColorDepth::TrueColor);
        assert_eq!(rgb.overdue.fg, Some(Color::Rgb(215, 0, 0)));
    }

    #[test]
    fn contrast_has_no_grey_or_faint_text() {
        let theme = Theme::new(ThemeName::Contrast, false);
        for style in theme.styles() {
            assert!(!style.add_modifier.contains(Modifier::DIM), "{style:?}");
            for colour in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(colour, Color::Gray | Color::DarkGray),
                    "{style:?}"
                );
            }
        }
        assert!(theme.text.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn mono_has_no_colour_and_marks_the_selection_by_reverse_video() {
        let theme = Theme::new(ThemeName::Mono, false);
        for style in theme.styles() {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
