"""Shared fixtures: the checkout, ../shared beside it, and the CLI binary the
Python results are compared with (NEWSGRAPH_BIN, default the release build)."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "crates" / "newsgraph" / "demo"

needs_shared = pytest.mark.skipif(
    not (SHARED / "data").is_dir(),
    reason="needs ../shared beside the checkout (CI has it)",
)


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `newsgraph` binary; scripts/python-tests.sh builds it first."""
    path = Path(os.environ.get("NEWSGRAPH_BIN", ROOT / "target" / "release" / "newsgraph"))
    if not path.is_file():
        pytest.fail(f"no newsgraph binary at {path}: run `cargo build --release -p newsgraph` or set NEWSGRAPH_BIN")
    return path


def run_cli(cli: Path, *args: str) -> str:
    """Runs the CLI and returns its standard output; fails the test on an error exit."""
    done = subprocess.run([str(cli), *args], capture_output=True)
    assert done.returncode == 0, f"newsgraph {' '.join(args)}: {done.stderr.decode(errors='replace')}"
    return done.stdout.decode("utf-8")
