use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = ftz_board::cli::Cli::parse();
    match ftz_board::commands::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(ftz_board::commands::Failure(message)) => {
            eprintln!("ftz-board: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
