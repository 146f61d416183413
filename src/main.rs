use std::process::ExitCode;

use clap::Parser;

use briefing_notes::app::{self, Startup};
use briefing_notes::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        if let Some(e) = cli.missing_file_error() {
            e.exit();
        }
        return match app::open_window(Startup {
            files: cli.files,
            fresh: false,
            places: briefing_notes::places::Places::platform(),
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::FAILURE
            }
        };
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(command, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        // `briefing-notes extract page.html | head`: the reader has all it wanted.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        // Merged, with conflicts left for review: not an error, but git must know.
        Err(e) if e.downcast_ref::<briefing_notes::cli::Unsettled>().is_some() => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
