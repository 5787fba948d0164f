"""Speed and memory, as ratios against the raw PDF engine on the same files.

    python bench/speed.py [--runs 3] [--limit N] [--engines pdfium,pdfminer] [--no-batch]

Per corpus PDF, in one run and on the same file, each the median of --runs runs (pdfminer: one):
raw pypdfium2 text extraction (open, text page, text of every page: the floor), auditlint's
reading and table understanding with the PDFium engine ("read"), the same plus every check
("lint", what `auditlint FILE` does for a document), and the lint with the pdfminer.six engine.
Seconds per document and milliseconds per page, and the ratios against raw extraction; the
median ratios close the table.

Then the command line as a user runs it, each measured by the operating system (wall clock, and
peak RSS from wait4, the process's workers included): `auditlint --version`, linting one small
text file, the largest corpus PDF, and the whole corpus with --jobs 1 and --jobs 2.

Never a timed test: a benchmark, read by a person.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

from tabulate import tabulate

from auditlint.agreement import Options
from auditlint.parse import parse_document
from auditlint.plugins import load_checks
from auditlint.readers import read_source
from measure import measure  # bench/, beside this script

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CHECKS = load_checks()

# The console script a user runs (next to this Python), else the module.
_SCRIPT = Path(sys.executable).with_name("auditlint")
COMMAND = [str(_SCRIPT) if _SCRIPT.exists() else sys.executable, *([] if _SCRIPT.exists() else ["-m", "auditlint"]),
           "--fail-on", "never"]


def raw_pdfium(path: Path) -> int:
    """What PDFium alone does to get the text out: the floor auditlint is measured against."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        characters = 0
        for page in document:
            textpage = page.get_textpage()
            characters += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def read(engine: str) -> Callable[[Path], int]:
    def run(path: Path) -> int:
        return len(parse_document(read_source(str(path), {"pdf_engine": engine})).tables)
    return run


def lint(engine: str) -> Callable[[Path], int]:
    def run(path: Path) -> int:
        document = parse_document(read_source(str(path), {"pdf_engine": engine}))
        return sum(len(list(check.check(document, Options()))) for check, _ in CHECKS)
    return run


def median_time(function: Callable[[Path], int], path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measured(*arguments: str, runs: int = 1) -> tuple[float, float]:
    """(median wall seconds, largest peak RSS in MB) of the command line, run `runs` times."""
    results = [measure([*COMMAND, *arguments]) for _ in range(runs)]
    return statistics.median(r.seconds for r in results), max(r.peak_mb for r in results)


def per_document(paths: list[Path], engines: list[str], runs: int) -> None:
    import pypdfium2

    measures = [("pdfium read", read("pdfium"), runs), ("pdfium lint", lint("pdfium"), runs)]
    if "pdfminer" in engines:
        measures.append(("pdfminer lint", lint("pdfminer"), 1))
    rows, ratios = [], {name: [] for name, _, _ in measures}
    for path in paths:
        pages = len(pypdfium2.PdfDocument(str(path)))
        raw = median_time(raw_pdfium, path, runs)
        row = [path.stem[:18], pages, f"{raw:.3f}", f"{1000 * raw / pages:.1f}"]
        for name, function, times in measures:
            seconds = median_time(function, path, times)
            ratios[name].append(seconds / raw)
            row += [f"{seconds:.3f}", f"{1000 * seconds / pages:.1f}", f"{seconds / raw:.2f}x"]
        rows.append(row)
    headers = ["document", "pages", "raw s", "raw ms/p"]
    for name, _, _ in measures:
        headers += [f"{name} s", "ms/p", "/raw"]
    print(tabulate(rows, headers=headers))
    print()
    for name, _, _ in measures:
        print(f"median ratio auditlint {name} / raw pypdfium2: {statistics.median(ratios[name]):.2f}x "
              f"over {len(paths)} PDFs")


def command_line(corpus: Path, paths: list[Path], runs: int) -> None:
    largest = max(paths, key=lambda p: len(__import__("pypdfium2").PdfDocument(str(p))))
    small = ROOT / "samples" / "clean_budget_2025.txt"
    rows = []
    version = measured("--version", runs=max(runs, 5))
    rows.append(("auditlint --version", *version))
    rows.append(("auditlint samples/clean_budget_2025.txt", *measured(str(small), runs=max(runs, 5))))
    rows.append((f"auditlint {largest.name}", *measured(str(largest), runs=runs)))
    one = measured("--jobs", "1", str(corpus))
    two = measured("--jobs", "2", str(corpus))
    rows.append((f"auditlint --jobs 1 corpus/ ({len(paths)} PDFs)", *one))
    rows.append((f"auditlint --jobs 2 corpus/ ({len(paths)} PDFs)", *two))
    print(tabulate([(name, f"{seconds:.3f}", f"{peak:.0f}") for name, seconds, peak in rows],
                   headers=("command", "wall s", "peak RSS MB")))
    print()
    print(f"--jobs 2 is {one[0] / two[0]:.2f}x faster than --jobs 1 on {os.cpu_count()} CPUs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N PDFs")
    parser.add_argument("--engines", default="pdfium,pdfminer")
    parser.add_argument("--no-batch", action="store_true", help="leave out the command-line measurements")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    corpus = args.shared / "corpus"
    paths = sorted(corpus.glob("*/*.pdf"))
    if args.limit:
        paths = paths[:args.limit]
    if not paths:
        print(f"no PDFs under {corpus}", file=sys.stderr)
        return 2
    per_document(paths, [e.strip() for e in args.engines.split(",") if e.strip()], args.runs)
    if not args.no_batch:
        print()
        command_line(corpus, paths, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
