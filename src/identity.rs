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

/// The login name of the real user id, from the system's user database (getpwuid_r: /etc/passwd,
/// LDAP, whatever NSS is set up with). This, not `$USER` or `--user`, is who a board with roles
/// sees: anyone can set those, but not the uid the kernel gave them. `None` when the uid has no
/// entry (a container's arbitrary uid).
pub fn os_login() -> Option<String> {
    // SAFETY: getuid cannot fail; getpwuid_r writes only into `pwd` and `buf`, whose sizes we pass,
    // and `pw_name` points into `buf`, which outlives its use here.
    let uid = unsafe { libc::getuid() };
    let mut buf: Vec<libc::c_char> = vec![0; 1024];
    loop {
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc =
            unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result) };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 4, 0);
            continue;
        }
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
        let name = crate::model::sanitize::clean_line(&name.to_string_lossy());
        return (!name.is_empty()).then_some(name);
    }
}
