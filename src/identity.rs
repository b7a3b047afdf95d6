//! Who is making a change: the name recorded in the history and noted in the lock file.

/// `explicit` (from `--user`), else `$USER`, else `$LOGNAME`, else the login name of the user
/// running us (cron and `sudo -u` may set neither variable), cleaned like board text; `unknown`
/// only when there is no name at all.
pub fn user_name(explicit: Option<&str>) -> String {
    explicit
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .or_else(login_name)
        .map(|u| crate::model::sanitize::clean_line(u.trim()))
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// The login name of the current user from /etc/passwd, for sessions without $USER (cron, sudo -u).
fn login_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id: u32 = fields.nth(1)?.parse().ok()?;
        (id == uid).then(|| name.to_string())
    })
}
