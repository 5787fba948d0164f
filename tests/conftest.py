"""Shared fixtures: the path of ../shared (tests using it skip when it is absent), a CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from auditlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is absent")
    return SHARED


def seed_path(shared: Path, number: int) -> Path:
    return next((shared / "seeds").glob(f"{number:03d}_*.txt"))


@pytest.fixture
def cli():
    """Run the command line in-process; returns click's Result (stdout, stderr, exit_code)."""
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return invoke
