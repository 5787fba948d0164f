"""Speed and memory, as ratios against the raw PDF engine on the same files.

    python bench/speed.py [--runs 3] [--limit N] [--engines pdfium,pdfminer] [--no-batch]
                          [--no-documents] [--no-growth] [--dask] [--documents]

Per corpus PDF, paired on the same file and each the median of --runs runs, taken in turn so that
a load that comes and goes hits both alike, in CPU seconds of this process (pdfminer: one run): raw pypdfium2 text extraction
(open, text page, text of every page: the floor), auditlint's reading and table understanding
with the PDFium engine ("read"), the same plus every check ("lint", what `auditlint FILE` does for
a document), and the lint with the pdfminer.six engine; this process's garbage collector set as a
worker's is (runner.tune_collector). Per city and over all: the median of the
per-file ratios against raw extraction, the time-weighted ratio (all lint time over all raw
time), and milliseconds per page (--documents lists every file).

Growth: time and peak memory against size, each a command line run, for PDFs (the longest corpus
PDF imported 1, 2 and 4 times over into one file) and for text (samples/planted_budget_2025.txt
repeated 10, 40 and 160 times), with the cost per page or per line, and the exponent b of the fit
time ∝ size^b (1 is linear, 2 the square).

Then the command line as a user runs it, measured by the operating system (wall clock, and peak
RSS from wait4, the process's workers included): `auditlint --version`, one page of text, the
largest corpus PDF, the whole corpus with --jobs 1 and --jobs 2 (and on a local two-worker Dask
cluster with --dask), and the per-file overhead: the corpus on the command line with --jobs 1
less the same files linted one after another in one warm process.

The load of the machine (its load average, against its CPUs) opens and closes the report: on a
shared machine, read the ratios, not the seconds. Never a timed test: a benchmark, read by a
person.
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from tabulate import tabulate

from auditlint.agreement import Options
from auditlint.parse import parse_document
from auditlint.plugins import load_checks
from auditlint.readers import read_source
from auditlint.runner import tune_collector
from measure import measure  # bench/, beside this script

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CHECKS = load_checks()
PLANTED = ROOT / "samples" / "planted_budget_2025.txt"
TEXT_COPIES = (10, 40, 160)
PDF_COPIES = (1, 2, 4)

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


def seconds(function: Callable[[Path], int], path: Path) -> float:
    """CPU seconds of this process (all of it one thread, PDFium's calls included): a shared
    machine's load stretches wall time, and the ratios with it, far more than CPU time."""
    start = time.process_time()
    function(path)
    return time.process_time() - start


def paired(functions: list[Callable[[Path], int]], path: Path, runs: int) -> list[float]:
    """The median seconds of each function on one file, the functions run in turn, `runs` rounds."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(runs):
        for taken, function in zip(times, functions):
            taken.append(seconds(function, path))
    return [statistics.median(taken) for taken in times]


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def per_document(paths: list[Path], engines: list[str], runs: int, listed: bool) -> None:
    import pypdfium2

    rows, kept = [], []
    for path in paths:
        pages = len(pypdfium2.PdfDocument(str(path)))
        raw_s, read_s, lint_s = paired([raw_pdfium, read("pdfium"), lint("pdfium")], path, runs)
        miner_s = seconds(lint("pdfminer"), path) if "pdfminer" in engines else math.nan
        kept.append((path.parent.name, pages, raw_s, read_s, lint_s, miner_s))
        rows.append([path.stem[:18], pages, f"{raw_s:.3f}", f"{read_s / raw_s:.2f}x", f"{lint_s:.3f}",
                     f"{1000 * lint_s / pages:.1f}", f"{lint_s / raw_s:.2f}x",
                     "" if math.isnan(miner_s) else f"{miner_s / raw_s:.2f}x"])
    if listed:
        print(tabulate(rows, headers=["document", "pages", "raw s", "read/raw", "lint s", "lint ms/p", "lint/raw",
                                      "pdfminer/raw"]))
        print()
    summary = []
    for city in [*sorted({row[0] for row in kept}), "all"]:
        mine = [row for row in kept if city in ("all", row[0])]
        raw_total, read_total, lint_total = (sum(row[i] for row in mine) for i in (2, 3, 4))
        pages = sum(row[1] for row in mine)
        miners = [row[5] / row[2] for row in mine if not math.isnan(row[5])]
        summary.append([city, len(mine), pages,
                        f"{statistics.median(row[3] / row[2] for row in mine):.2f}x",
                        f"{statistics.median(row[4] / row[2] for row in mine):.2f}x",
                        f"{lint_total / raw_total:.2f}x", f"{read_total / raw_total:.2f}x",
                        f"{1000 * raw_total / pages:.1f}", f"{1000 * lint_total / pages:.1f}",
                        f"{statistics.median(miners):.2f}x" if miners else ""])
    print(tabulate(summary, headers=["city", "PDFs", "pages", "read/raw median", "lint/raw median",
                                     "lint/raw time-weighted", "read/raw time-weighted", "raw ms/page",
                                     "lint ms/page", "pdfminer lint/raw"]))


def fit(sizes: list[float], values: list[float]) -> float:
    """The exponent b of values ∝ sizes^b, by least squares on the logarithms."""
    xs, ys = [math.log(s) for s in sizes], [math.log(v) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def growth_table(label: str, unit: str, files: list[tuple[int, int, Path]], runs: int) -> None:
    """Each file (copies, size in `unit`s, path) linted on the command line: seconds and peak
    memory, per unit, and the exponent of their growth."""
    rows, sizes, times, peaks = [], [], [], []
    for copies, size, path in files:
        results = [measure([*COMMAND, "--jobs", "1", str(path)]) for _ in range(runs)]
        wall, peak = statistics.median(r.seconds for r in results), max(r.peak_mb for r in results)
        sizes.append(size)
        times.append(wall)
        peaks.append(peak)
        rows.append([copies, size, f"{wall:.2f}", f"{1000 * wall / size:.3f}", f"{peak:.0f}", f"{1024 * peak / size:.1f}"])
    print(tabulate(rows, headers=[f"{label} copies", unit, "wall s", f"ms/{unit[:-1]}", "peak RSS MB",
                                  f"KB/{unit[:-1]}"]))
    steps = ", ".join(f"x{sizes[i + 1] / sizes[i]:.0f} {unit}: time x{times[i + 1] / times[i]:.2f}, "
                      f"memory x{peaks[i + 1] / peaks[i]:.2f}" for i in range(len(sizes) - 1))
    print(f"{label}: time ∝ {unit}^{fit(sizes, times):.2f}, peak memory ∝ {unit}^{fit(sizes, peaks):.2f} "
          f"(1 is linear); step by step: {steps}")


def growth(paths: list[Path], runs: int) -> None:
    import pypdfium2

    with tempfile.TemporaryDirectory() as folder:
        text = PLANTED.read_text(encoding="utf-8")
        files = []
        for copies in TEXT_COPIES:
            path = Path(folder) / f"planted_x{copies}.txt"
            path.write_text(text * copies, encoding="utf-8")
            files.append((copies, (text * copies).count("\n"), path))
        growth_table("text", "lines", files, runs)
        print()
        if not paths:
            return
        longest = max(paths, key=lambda p: len(pypdfium2.PdfDocument(str(p))))
        files = []
        for copies in PDF_COPIES:
            combined = pypdfium2.PdfDocument.new()
            for _ in range(copies):
                source = pypdfium2.PdfDocument(str(longest))
                combined.import_pages(source)
            path = Path(folder) / f"{longest.stem}_x{copies}.pdf"
            combined.save(str(path))
            files.append((copies, len(combined), path))
        print(f"PDF: {longest.name}, imported 1, 2 and 4 times over")
        growth_table("PDF", "pages", files, runs)


def measured(*arguments: str, runs: int = 1) -> tuple[float, float, float]:
    """(median wall seconds, largest peak RSS in MB, median CPU seconds) of the command line,
    run `runs` times."""
    results = [measure([*COMMAND, *arguments]) for _ in range(runs)]
    return (statistics.median(r.seconds for r in results), max(r.peak_mb for r in results),
            statistics.median(r.cpu for r in results))


def warm_lints(paths: list[Path]) -> float:
    """CPU seconds of the same run in this process, warm, every document linted here one after
    another instead of in a worker (the engine's run_jobs swapped for a loop): the command
    line's work less its processes, what the per-file overhead is measured against. The whole
    run, so that the documents the index groups (their halves kept, then linted as one) count on
    both sides."""
    import auditlint.engine as engine
    from auditlint.config import Settings
    from auditlint.runner import Outcome, _attempt

    def here(keys, job, jobs, limits, done=lambda: None, size=None):  # noqa: ANN001 - run_jobs's signature
        outcomes = []
        for key in keys:
            payload = _attempt(key, job, limits)
            outcomes.append(Outcome(key, result=payload.get("result"), error=payload.get("error")))
            done()
        return outcomes

    targets = [str(p) for p in paths]
    original, engine.run_jobs = engine.run_jobs, here
    try:
        engine.run(targets[:3], Settings())  # warm
        start = time.process_time()
        engine.run(targets, Settings())
        return time.process_time() - start
    finally:
        engine.run_jobs = original


def command_line(corpus: Path, paths: list[Path], runs: int, dask: bool) -> None:
    import pypdfium2

    largest = max(paths, key=lambda p: len(pypdfium2.PdfDocument(str(p))))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "one_page.txt"
        page.write_text("".join(PLANTED.read_text(encoding="utf-8").splitlines(keepends=True)[:40]), encoding="utf-8")
        rows.append(("auditlint --version", *measured("--version", runs=max(runs, 5))))
        rows.append(("auditlint one_page.txt (40 lines)", *measured(str(page), runs=max(runs, 9))))
    rows.append((f"auditlint {largest.name}", *measured(str(largest), runs=runs)))
    targets = [str(p) for p in paths]
    ones, warms = [], []
    for _ in range(runs):  # paired: the command line, then the same lints warm in this process
        ones.append(measured("--jobs", "1", *targets))
        warms.append(warm_lints(paths))
    one = (statistics.median(s for s, _, _ in ones), max(m for _, m, _ in ones), statistics.median(c for _, _, c in ones))
    two = measured("--jobs", "2", *targets, runs=runs)
    rows.append((f"auditlint --jobs 1 ({len(paths)} PDFs)", *one))
    rows.append((f"auditlint --jobs 2 ({len(paths)} PDFs)", *two))
    if dask:
        rows.append((f"auditlint --executor dask, 2 workers ({len(paths)} PDFs)", *dask_run(targets)))
    print(tabulate([(name, f"{wall:.3f}", f"{peak:.0f}", f"{cpu:.3f}") for name, wall, peak, cpu in rows],
                   headers=("command", "wall s", "peak RSS MB", "CPU s")))
    print()
    overhead = statistics.median(1000 * (c - w) / len(paths) for (_, _, c), w in zip(ones, warms))
    print(f"--jobs 2 is {one[0] / two[0]:.2f}x faster than --jobs 1 on {os.cpu_count()} CPUs (wall clock)")
    print(f"per-file overhead: {overhead:.1f} ms of CPU a file (--jobs 1 on the command line, {one[2]:.2f} s, less "
          f"the same lints warm in one process, {statistics.median(warms):.2f} s)")


def dask_run(targets: list[str]) -> tuple[float, float, float]:
    """Wall seconds of the corpus on a local Dask cluster of two workers, the cluster started
    beforehand (its start is no part of a national year's run); memory and CPU are the
    cluster's own, not measured here. The run's summary line is printed: a run that failed is
    no measure."""
    try:
        from distributed import LocalCluster
    except ImportError:
        return math.nan, math.nan, math.nan
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = measure([*COMMAND, "--executor", "dask", "--scheduler", cluster.scheduler_address, *targets])
    print(f"dask run: exit {result.exit_code}, {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ''}")
    return result.seconds, math.nan, math.nan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N PDFs")
    parser.add_argument("--engines", default="pdfium,pdfminer")
    parser.add_argument("--no-batch", action="store_true", help="leave out the command-line measurements")
    parser.add_argument("--no-documents", action="store_true", help="leave out the per-document ratios")
    parser.add_argument("--no-growth", action="store_true", help="leave out the growth tables")
    parser.add_argument("--dask", action="store_true", help="also lint the corpus on a local two-worker Dask cluster")
    parser.add_argument("--documents", action="store_true", help="list every PDF's figures")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    tune_collector()  # this process's collector as a worker's is: the lints measured here are what a worker does
    corpus = args.shared / "corpus"
    paths = sorted(corpus.glob("*/*.pdf"))
    if args.limit:
        paths = paths[:args.limit]
    if not paths:
        print(f"no PDFs under {corpus}", file=sys.stderr)
        return 2
    print(load())
    print()
    if not args.no_documents:
        per_document(paths, [e.strip() for e in args.engines.split(",") if e.strip()], args.runs, args.documents)
    if not args.no_growth:
        print()
        growth(paths, max(1, args.runs // 2))
    if not args.no_batch:
        print()
        command_line(corpus, paths, args.runs, args.dask)
    print()
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
