//! Opening a city view: `ftz-board --file A --file B …` or `--dir DIR` with no command. Every
//! board is read (and must read) before the terminal is touched; each keeps its own file, lock
//! and history, and the app works on their combined board (`model::city`).

use std::path::{Path, PathBuf};

use super::Failure;
use super::open::{Look, read_only, set_up, shown_user};
use crate::app::App;
use crate::cli::Cli;
use crate::i18n::Lang;
use crate::model::sanitize::clean_line;
use crate::store::{Loaded, Store};
use crate::tui::{City, CityMember};

pub fn open_city(cli: &Cli, paths: &[PathBuf], lang: Lang) -> Result<(), Failure> {
    let look = Look::from_cli(cli)?;
    // One file named twice (`--file a.ron --dir .`) is one board, not two that overwrite each
    // other.
    let mut seen = Vec::new();
    let paths: Vec<PathBuf> = paths
        .iter()
        .filter(|p| {
            let real = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            let new = !seen.contains(&real);
            seen.push(real);
            new
        })
        .cloned()
        .collect();
    if paths.len() == 1 {
        let mut store = Store::new(&paths[0]);
        store.user = cli.user_name();
        return super::open::open(cli, store, lang);
    }
    let paths = &paths[..];
    let names = board_names(paths);
    let mut members = Vec::new();
    for (path, name) in paths.iter().zip(names.iter()) {
        let mut store = Store::new(path);
        store.user = cli.user_name();
        if !store.exists() {
            return Err(Failure(format!(
                "{}: no such board (a city view opens boards that exist; make one with `ftz-board init --file {}`)",
                path.display(),
                path.display()
            )));
        }
        let Loaded { board, stamp, .. } = store.load()?;
        let seen = store.recent_history(1).ok().and_then(|mut r| r.pop());
        members.push(CityMember {
            store,
            name: name.clone(),
            board,
            stamp,
            cache: Default::default(),
            seen,
            problem: None,
        });
    }
    let city = City { members };
    let combined = city.combined().map_err(Failure)?;
    let stores: Vec<&Store> = city.members.iter().map(|m| &m.store).collect();
    let history_now = cli.today.is_some();
    let history = match history_now {
        true => Some(crate::tui::city_history(&stores)?),
        false => None,
    };
    let read_only = read_only(cli, &stores);
    let first = &city.members[0];
    let user = shown_user(cli, &first.store, &first.board);
    // The footer names the files; with --dir, the folder says where they are.
    let label = paths
        .iter()
        .map(|p| match &cli.dir {
            Some(dir) if p.starts_with(dir) => p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            _ => p.display().to_string(),
        })
        .collect::<Vec<_>>()
        .join(" + ");
    let real_today = combined.settings.today_at(crate::clock::system_now());
    let mut app = App::new(combined, label, real_today, lang);
    app.set_city(names);
    app.set_login(first.store.login.clone());
    let first_effect = set_up(cli, &mut app, &look, history, user.clone(), read_only)?;
    look.warn(&mut app);
    let session = crate::tui::Session {
        store: first.store.clone(),
        user,
        stamp: first.stamp,
        mouse: !cli.no_mouse,
        load_history: !history_now,
        first_effect,
        cache: Default::default(),
        city: Some(city),
    };
    crate::tui::run(app, session).map_err(|e| Failure(format!("terminal error: {e}")))
}

/// Each board's name: its file's name without `.ron`, or its folder's name when the files share
/// a name (`minhang/board.ron`, `pudong/board.ron`), numbered if that is not enough.
fn board_names(paths: &[PathBuf]) -> Vec<String> {
    let stem = |p: &Path| clean_line(&p.file_stem().unwrap_or_default().to_string_lossy());
    let folder = |p: &Path| {
        let folder = std::path::absolute(p)
            .ok()
            .and_then(|p| p.parent().and_then(|f| f.file_name()).map(|f| f.to_owned()));
        folder.map(|f| clean_line(&f.to_string_lossy()))
    };
    let stems: Vec<String> = paths.iter().map(|p| stem(p)).collect();
    let mut names: Vec<String> = paths
        .iter()
        .zip(&stems)
        .map(|(p, s)| match stems.iter().filter(|t| *t == s).count() {
            1 => s.clone(),
            _ => folder(p).unwrap_or_else(|| s.clone()),
        })
        .collect();
    for i in 0..names.len() {
        if names[..i].contains(&names[i]) {
            names[i] = format!("{}{}", names[i], i + 1);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::board_names;
    use std::path::PathBuf;

    #[test]
    fn boards_are_named_by_file_then_by_folder() {
        let names = |ps: &[&str]| board_names(&ps.iter().map(PathBuf::from).collect::<Vec<_>>());
        assert_eq!(names(&["a/闵行.ron", "b/浦东.ron"]), ["闵行", "浦东"]);
        assert_eq!(
            names(&["/srv/minhang/board.ron", "/srv/pudong/board.ron"]),
            ["minhang", "pudong"]
        );
        assert_eq!(
            names(&["/srv/x/board.ron", "/tmp/x/board.ron"]),
            ["x", "x2"]
        );
    }
}
