//! End-to-end tests: the built `quotelens` binary run as a user runs it,
//! through the one helper in [`util`], on the bundled corpus unless a test
//! says otherwise. Output is compared with the snapshots in the top-level
//! `snapshots/` folder; see `util::snapshot!`.

mod util;

mod badinput;
mod compare;
mod eval;
mod framing;
mod help;
mod quotes;
mod said;
mod speakers;
mod threads;
mod who;
