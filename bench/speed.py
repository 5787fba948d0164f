"""Speed of reading and table understanding, as ratios against the raw PDF engine on the same files.

    python bench/speed.py [--runs 3] [--limit N] [--engines pdfium,pdfminer]

For every corpus PDF, in one run and on the same file: raw pypdfium2 text extraction (open,
text page, text of every page), auditlint's reading and table understanding with the PDFium
engine, and the same with the pdfminer.six engine. Each is the median of --runs runs. The table
gives seconds per document and per page and the ratio against raw extraction; the last line gives
the median ratios. Never a timed test: a benchmark, read by a person.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

from tabulate import tabulate

from auditlint.parse import parse_document
from auditlint.readers import read_source

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


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


def auditlint_read(engine: str) -> Callable[[Path], int]:
    def read(path: Path) -> int:
        document = parse_document(read_source(str(path), {"pdf_engine": engine}))
        return len(document.tables)
    return read


def median_time(function: Callable[[Path], int], path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N PDFs")
    parser.add_argument("--engines", default="pdfium,pdfminer")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    paths = sorted((args.shared / "corpus").glob("*/*.pdf"))
    if args.limit:
        paths = paths[:args.limit]
    if not paths:
        print(f"no PDFs under {args.shared / 'corpus'}", file=sys.stderr)
        return 2
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    import pypdfium2

    rows, ratios = [], {engine: [] for engine in engines}
    for path in paths:
        pages = len(pypdfium2.PdfDocument(str(path)))
        raw = median_time(raw_pdfium, path, args.runs)
        row = [path.stem[:18], pages, f"{raw:.3f}", f"{1000 * raw / pages:.1f}"]
        for engine in engines:
            seconds = median_time(auditlint_read(engine), path, 1 if engine == "pdfminer" else args.runs)
            ratios[engine].append(seconds / raw)
            row += [f"{seconds:.3f}", f"{1000 * seconds / pages:.1f}", f"{seconds / raw:.2f}x"]
        rows.append(row)
    headers = ["document", "pages", "raw s", "raw ms/p"]
    for engine in engines:
        headers += [f"{engine} s", f"{engine} ms/p", f"{engine}/raw"]
    print(tabulate(rows, headers=headers))
    print()
    for engine in engines:
        print(f"median ratio auditlint[{engine}] / raw pypdfium2: {statistics.median(ratios[engine]):.2f}x "
              f"over {len(paths)} PDFs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
