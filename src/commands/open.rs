//! Opening the interactive board: everything that can fail with a message fails here, before the
//! terminal is touched.

use super::{Failure, init, resolve_unit, today};
use crate::app::{App, ReadOnly};
use crate::cli::Cli;
use crate::i18n::Lang;
use crate::store::{Loaded, Store};
use crate::ui::theme::{ColorDepth, Theme, ThemeName};

/// Opens the interactive board. Everything that can fail with a message (a bad file, a bad
/// option) fails here, before the terminal is touched.
pub fn open(cli: &Cli, store: Store, lang: Lang) -> Result<(), Failure> {
    // First, so that a typo in the keys file is reported before anything is created or opened.
    let (keymap, keys_warning) = crate::keymap_file::load(cli.keys.as_deref()).map_err(Failure)?;
    let theme_name = match &cli.theme {
        Some(t) => ThemeName::parse(t).ok_or_else(|| {
            Failure(format!(
                "unknown theme `{t}` (expected default, contrast or mono)"
            ))
        })?,
        None if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => ThemeName::Mono,
        None => ThemeName::Default,
    };
    let mut created = false;
    if !store.exists() {
        init(&store)?;
        created = true;
    }
    let Loaded { board, stamp, .. } = store.load()?;
    // The first frame needs only the board: the history (every change ever made, often many
    // times the board's size) is read in the background, unless the board opens at a past date.
    let history_now = cli.today.is_some();
    let history = if history_now {
        Some(store.load_history()?)
    } else {
        None
    };
    let today = today(cli, &board);
    let real_today = board.settings.today_at(crate::clock::system_now());
    let mut app = App::new(board, store.path().display().to_string(), real_today, lang);
    app.set_theme(Theme::for_terminal(
        theme_name,
        cli.ascii,
        ColorDepth::from_env(),
    ));
    // Mono means no colour sequences at all (not even "default colour" resets); any other theme
    // was asked for by name, which overrides NO_COLOR (crossterm would otherwise drop its colours).
    ratatui::crossterm::style::Colored::set_ansi_color_disabled(theme_name == ThemeName::Mono);
    app.set_keymap(keymap);
    match history {
        Some(history) => app.set_history(history),
        None => app.set_history_pending(),
    }
    let user = shown_user(cli, &store, app.board());
    app.set_user(user.clone());
    app.set_login(store.login.clone());
    let read_only = if cli.read_only {
        Some(ReadOnly::Requested)
    } else if !writable(&store) {
        Some(ReadOnly::NotWritable)
    } else {
        None
    };
    app.set_read_only(read_only);
    // `--today` stands the board at that date (read-only) as stepping does, so that "back to
    // today" works from there too.
    app.look_at(today);
    if let Some(unit) = &cli.unit {
        let unit = resolve_unit(app.board(), unit)?;
        app.set_filter(crate::model::Filter {
            unit: Some((unit, crate::model::RoleFilter::Either)),
            ..Default::default()
        });
    }
    // Opening the review records the day's meeting: a change, made once the board runs.
    let first_effect = match cli.review {
        true => app.update(crate::action::Action::Review),
        false => crate::app::Effect::None,
    };
    if created {
        app.info(format!(
            "{}: {}",
            store.path().display(),
            lang.strings().created_from_plan
        ));
    }
    if let Some(warning) = keys_warning {
        app.error(warning);
    }
    let session = crate::tui::Session {
        store,
        user,
        stamp,
        mouse: !cli.no_mouse,
        load_history: !history_now,
        first_effect,
        cache: Default::default(),
    };
    crate::tui::run(app, session).map_err(|e| Failure(format!("terminal error: {e}")))
}

/// The name the board shows and records: with roles the login name, which is who the store
/// decides permissions by (`--user` is only a display name for a board without roles).
fn shown_user(cli: &Cli, store: &Store, board: &crate::model::Board) -> String {
    match (&board.roles, &store.login) {
        (None, _) => cli.user_name(),
        (Some(_), Some(login)) => login.clone(),
        (Some(_), None) => "unknown".into(),
    }
}

/// Whether we may change the file: the store's rule, the same one every change is checked against.
fn writable(store: &Store) -> bool {
    crate::store::check_writable(&store.real_path()).is_ok()
}
