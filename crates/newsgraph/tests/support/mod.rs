//! What every test of the built binary shares: the one way to run it.

use std::process::Command;

/// The binary under test. Its default database is a path that cannot exist,
/// so a command run without `--db` fails instead of touching the user's
/// database.
pub fn newsgraph() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.env(
        "NEWSGRAPH_DB",
        "/nonexistent-newsgraph-test-db/should-not-be-used.db",
    );
    cmd
}
