"""The `auditlint` program (cli.command): main's exit code and output, its exit handlers run,
the interpreter's teardown skipped."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANTED = ROOT / "samples" / "planted_budget_2025.txt"


def program(*args: str, before: str = "") -> subprocess.CompletedProcess[str]:
    code = f"import sys\n{before}\nsys.argv = ['auditlint', *sys.argv[1:]]\nfrom auditlint.cli import command\ncommand()\n"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)


def test_the_exit_code_is_mains_and_the_report_is_all_written():
    run = program("--lang", "en", str(PLANTED))
    assert run.returncode == 1
    assert run.stdout.rstrip().endswith("17 findings: 15 errors, 2 warnings, 0 notes; 1 file read, 0 unreadable")
    assert program("--version").returncode == 0
    assert program("--no-such-option").returncode == 2
    assert program(str(ROOT / "no-such-file.txt")).returncode == 2


def test_exit_handlers_still_run():
    run = program("--fail-on", "never", str(PLANTED), before="import atexit\natexit.register(lambda: print('handler ran'))")
    assert run.returncode == 0 and run.stdout.rstrip().endswith("handler ran")
