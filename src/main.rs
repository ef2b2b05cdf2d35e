//! The `quotelens` command. Everything but argument parsing and choosing
//! where output goes lives in the library; see `quotelens --help`.

mod cli;

use std::process::ExitCode;

use clap::Parser as _;

/// The command allocates many small, short-lived values per article on
/// several threads; mimalloc serves those with a fraction of the
/// instructions of the system allocator (issue #5, BENCHMARKS.md). The
/// library leaves the choice of allocator to its users.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
