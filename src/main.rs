//! The `quotelens` command. Everything but argument parsing and choosing
//! where output goes lives in the library; see `quotelens --help`.

mod cli;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    match cli::run(cli::Cli::parse()) {
        Ok(status) => {
            cli::finish();
            status.into()
        }
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("quotelens: {err:#}");
            ExitCode::from(2)
        }
    }
}
