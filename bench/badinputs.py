"""The bad-input suite, one `auditlint` process per input, with the default limits.

    python bench/badinputs.py [--light]

Builds every input of tests/badfiles.py in a temporary directory (--light leaves out the heavy
ones: the 2 GiB Flate bomb, 5000 pages, the 50 MB line), lints each in a process of its own and
prints a table: input, exit code, the message auditlint printed (or the findings line), wall
seconds and peak resident memory of the process and its workers (the operating system's figure,
from wait4). Nothing may be unbounded and nothing may be a traceback; the last line says so.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from measure import measure  # noqa: E402  (bench/, beside this script)
from tests.badfiles import as_unprivileged, cmap_pickle_pdf, make_suite  # noqa: E402

COMMAND = [sys.executable, "-m", "auditlint", "--fail-on", "never", "--lang", "en", "--format", "json"]


def lint_in_process(path: Path, *options: str) -> tuple[int, str, float, float]:
    """Run the command line and measure it: exit code, its first message, seconds, peak MB of
    the process and its reaped workers."""
    run = measure([*COMMAND, *options, str(path)])
    return run.exit_code, first_line(run.stderr) or "no findings", run.seconds, run.peak_mb


def first_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    if any("Traceback" in line for line in lines):
        return "TRACEBACK: " + " | ".join(lines[-3:])
    return lines[0] if lines else ""


def lint_unprivileged(path: Path) -> tuple[int, str, float, float]:
    """The permission case: root reads every file, so lint as `nobody` when run as root."""
    from click.testing import CliRunner

    from auditlint.cli import main

    CliRunner().invoke(main, ["--fail-on", "never", str(ROOT / "samples")])  # import everything first

    def attempt() -> list:
        started = time.monotonic()
        result = CliRunner().invoke(main, ["--fail-on", "never", "--lang", "en", str(path)])
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return [result.exit_code, first_line(result.stderr), time.monotonic() - started, peak]
    code, message, seconds, peak = as_unprivileged(attempt)
    return code, message, seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--light", action="store_true", help="leave out the inputs that take seconds to make")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.chmod(scratch, 0o755)  # the permission case runs as nobody, who must reach the file
        directory = Path(scratch) / "bad"
        suite = [(item.name, path) for item, path in make_suite(directory, heavy=not args.light)]
        marker = Path(scratch) / "pwned"
        suite.append(("cmap-pickle.pdf, pdfminer", cmap_pickle_pdf(directory / "cmap.pdf", marker)))
        rows, worst = [], []
        for name, path in suite:
            if name == "no-permission.txt":
                code, message, seconds, peak = lint_unprivileged(path)
            else:
                code, message, seconds, peak = lint_in_process(path, *(["--pdf-engine", "pdfminer"] if "pdfminer" in name else []))
            rows.append((name, code, message.replace(str(directory) + "/", "")[:110], f"{seconds:.2f}", f"{peak:.0f}"))
            worst.append((seconds, peak, "TRACEBACK" in message))
        print(tabulate(rows, headers=("input", "exit", "message", "seconds", "peak MB"), tablefmt="github"))
        print(f"\nslowest {max(w[0] for w in worst):.1f} s, largest {max(w[1] for w in worst):.0f} MB, "
              f"tracebacks {sum(w[2] for w in worst)}, CMap payload executed: {marker.exists()}")
        return 1 if any(w[2] for w in worst) or marker.exists() else 0


if __name__ == "__main__":
    sys.exit(main())
