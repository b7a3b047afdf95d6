//! Opening the interactive board: everything that can fail with a message fails here, before the
//! terminal is touched.

use super::{Failure, init, resolve_unit, today};
use crate::app::{App, Effect, ReadOnly};
use crate::cli::Cli;
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::store::{Loaded, Store};
use crate::ui::theme::{ColorDepth, Theme, ThemeName};

/// What the options say about the terminal side: keys and colours. Read first, so that a typo in
/// the keys file is reported before anything is created or opened.
pub(super) struct Look {
    keymap: Keymap,
    keys_warning: Option<String>,
    theme_name: ThemeName,
}

impl Look {
    pub(super) fn from_cli(cli: &Cli) -> Result<Look, Failure> {
        let (keymap, keys_warning) =
            crate::keymap_file::load(cli.keys.as_deref()).map_err(Failure)?;
        let theme_name = match &cli.theme {
            Some(t) => ThemeName::parse(t).ok_or_else(|| {
                Failure(format!(
                    "unknown theme `{t}` (expected default, contrast or mono)"
                ))
            })?,
            None if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => ThemeName::Mono,
            None => ThemeName::Default,
        };
        Ok(Look {
            keymap,
            keys_warning,
            theme_name,
        })
    }

    /// A keys file with problems is said last, over any other first message.
    pub(super) fn warn(&self, app: &mut App) {
        if let Some(warning) = &self.keys_warning {
            app.error(warning.clone());
        }
    }
}

/// Opens the interactive board. Everything that can fail with a message (a bad file, a bad
/// option) fails here, before the terminal is touched.
pub fn open(cli: &Cli, store: Store, lang: Lang) -> Result<(), Failure> {
    let look = Look::from_cli(cli)?;
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
    let real_today = board.settings.today_at(crate::clock::system_now());
    let mut app = App::new(board, store.path().display().to_string(), real_today, lang);
    let user = shown_user(cli, &store, app.board());
    app.set_login(store.login.clone());
    let read_only = read_only(cli, &[&store]);
    let first_effect = set_up(cli, &mut app, &look, history, user.clone(), read_only)?;
    if created {
        app.info(format!(
            "{}: {}",
            store.path().display(),
            lang.strings().created_from_plan
        ));
    }
    look.warn(&mut app);
    let session = crate::tui::Session {
        store,
        user,
        stamp,
        mouse: !cli.no_mouse,
        load_history: !history_now,
        first_effect,
        cache: Default::default(),
        city: None,
    };
    crate::tui::run(app, session).map_err(|e| Failure(format!("terminal error: {e}")))
}

/// Why changes are refused before the first key: asked for, or a file we may not write.
pub(super) fn read_only(cli: &Cli, stores: &[&Store]) -> Option<ReadOnly> {
    if cli.read_only {
        Some(ReadOnly::Requested)
    } else if !stores.iter().all(|s| writable(s)) {
        Some(ReadOnly::NotWritable)
    } else {
        None
    }
}

/// What every board opened needs, once it is read: theme, keys, history, user, read-only,
/// the date to look at, the unit filter and the review; returns what the loop must do first.
pub(super) fn set_up(
    cli: &Cli,
    app: &mut App,
    look: &Look,
    history: Option<crate::model::History>,
    user: String,
    read_only: Option<ReadOnly>,
) -> Result<Effect, Failure> {
    let theme_name = look.theme_name;
    app.set_theme(Theme::for_terminal(
        theme_name,
        cli.ascii,
        ColorDepth::from_env(),
    ));
    // Mono means no colour sequences at all (not even "default colour" resets); any other theme
    // was asked for by name, which overrides NO_COLOR (crossterm would otherwise drop its colours).
    ratatui::crossterm::style::Colored::set_ansi_color_disabled(theme_name == ThemeName::Mono);
    app.set_keymap(look.keymap.clone());
    match history {
        Some(history) => app.set_history(history),
        None => app.set_history_pending(),
    }
    app.set_user(user);
    app.set_read_only(read_only);
    // `--today` stands the board at that date (read-only) as stepping does, so that "back to
    // today" works from there too.
    app.look_at(today(cli, app.board()));
    if let Some(unit) = &cli.unit {
        let unit = resolve_unit(app.board(), unit)?;
        app.set_filter(crate::model::Filter {
            unit: Some((unit, crate::model::RoleFilter::Either)),
            ..Default::default()
        });
    }
    // Opening the review records the day's meeting: a change, made once the board runs.
    Ok(match cli.review {
        true => app.update(crate::action::Action::Review),
        false => Effect::None,
    })
}

/// The name the board shows and records: with roles the login name, which is who the store
/// decides permissions by (`--user` is only a display name for a board without roles).
pub(super) fn shown_user(cli: &Cli, store: &Store, board: &crate::model::Board) -> String {
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
