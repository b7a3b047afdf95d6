use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = ftz_board::cli::Cli::parse();
    // git reads the driver's exit code: 0 clean, 1 conflicts, 2 a version that does not read.
    if let Some(ftz_board::cli::Command::MergeDriver {
        base,
        ours,
        theirs,
        path,
    }) = &cli.command
    {
        let lang = cli.lang.as_deref().and_then(ftz_board::i18n::Lang::parse);
        return ftz_board::commands::git::merge_driver(
            base,
            ours,
            theirs,
            path.as_deref(),
            lang.unwrap_or_default(),
        );
    }
    match ftz_board::commands::run_with_code(cli) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(ftz_board::commands::Failure(message)) => {
            // Messages quote files and arguments; nothing in them may drive the terminal.
            let message = ftz_board::model::sanitize::clean_text(&message);
            eprintln!("ftz-board: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
