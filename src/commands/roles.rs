//! `roles`: show who may do what, or change it (the office only, once roles exist).

use super::Failure;
use super::change::change;
use crate::cli::{AddRemove, Cli, RolesChange};
use crate::model::sanitize::clean_line;
use crate::model::{Operation, Roles};
use crate::store::Store;

pub fn roles(cli: &Cli, store: &Store, asked: Option<&RolesChange>) -> Result<(), Failure> {
    let board = store.load()?.board;
    let Some(asked) = asked else {
        return super::print_out(&describe(board.roles.as_ref()));
    };
    let mut roles = board.roles.clone().unwrap_or_default();
    let (list, action, login) = match asked {
        RolesChange::Office { action, login } => (&mut roles.office, *action, login),
        RolesChange::Unit {
            unit,
            action,
            login,
        } => {
            let unit = super::resolve_unit(&board, unit)?;
            (roles.units.entry(unit).or_default(), *action, login)
        }
    };
    let login = clean_line(login.trim());
    if login.is_empty() {
        return Err(Failure("a login name must not be empty".into()));
    }
    match action {
        AddRemove::Add if !list.contains(&login) => list.push(login),
        AddRemove::Remove => list.retain(|m| *m != login),
        AddRemove::Add => {}
    }
    if board.roles.is_some() && roles.office.is_empty() {
        return Err(Failure(
            "not removing the office's last member: nobody could then close tasks, decide requests or change the roles"
                .into(),
        ));
    }
    change(cli, store, Operation::SetRoles { roles: Some(roles) })
}

fn describe(roles: Option<&Roles>) -> String {
    let Some(roles) = roles else {
        return "no roles: anyone who can write the file may change anything\n".into();
    };
    let names = |list: &[String]| {
        let names: Vec<String> = list.iter().map(|n| clean_line(n)).collect();
        if names.is_empty() {
            "(none)".to_string()
        } else {
            names.join(", ")
        }
    };
    let mut out = format!("专班办公室 (office): {}\n", names(&roles.office));
    for (unit, members) in &roles.units {
        out.push_str(&format!("{}: {}\n", clean_line(unit), names(members)));
    }
    out
}
