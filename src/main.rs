use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = ftz_board::cli::Cli::parse();
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
