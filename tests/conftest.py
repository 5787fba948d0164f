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


def at(*cells: tuple) -> str:
    """One line of layout text: (x, text) starts the text at character x, (x, text, "r") ends it
    there, as pdftotext -layout sets labels and right-aligned figures."""
    line = ""
    for x, text, *align in cells:
        line = line.ljust(x - len(text) if align else x) + text
    return line


def rows_of(table) -> list[tuple[str, str, list[str | None]]]:
    """A table's rows as (code, label, amounts as printed): what a test compares."""
    return [(r.code, r.label, [a.text if a else None for a in r.amounts]) for r in table.rows]
