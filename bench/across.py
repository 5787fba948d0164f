"""What the checks across documents keep of each document: its ledger's size as its child sends
it (JSON, UTF-8), the memory it takes read (a Ledger, as a pair compares it) and the memory the
run holds of it until then (auditlint.engine.HeldLedger), per document and per folder, and what
10,000 such documents would hold.

    python bench/across.py [PATHS ...] [--only CITY] [--documents]

PATHS are files or folders (default: the corpus PDFs, `--only` one city's folder). The files
are grouped into documents as the index groups them (a narrative and its tables published
apart are one document), as `auditlint` lints them. Each ledger is sent through JSON and read
back; the bench fails when what comes back is not the ledger sent. The comparisons made from
these ledgers are listed by `auditlint show --across PATHS`.
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditlint.engine import HeldLedger, build_index, collect_files  # noqa: E402
from auditlint.index import group  # noqa: E402
from auditlint.model import Ledger  # noqa: E402
from auditlint.parse import parse_documents  # noqa: E402
from auditlint.parse.across import ledger  # noqa: E402
from auditlint.parse.profile import profile  # noqa: E402
from auditlint.readers import read_source  # noqa: E402
from bench.ledger import SHARED, corpus_pdfs  # noqa: E402

PROJECTED = 10_000  # documents


def documents(paths: list[str]) -> list[tuple[str, ...]]:
    """The documents among the files: those the index groups as one, and every other file alone."""
    grouped = group(build_index(paths)[0]).documents
    together = {path for members in grouped for path in members}
    return [*grouped, *((path,) for path in paths if path not in together)]


def measure(members: tuple[str, ...]) -> tuple[int, int, int, int] | None:
    """(JSON bytes, figures, bytes of memory read, bytes held) of a document's ledger, None when
    it has none (its kind or year not read). Raises when the ledger does not come back from
    JSON as it was sent."""
    doc = parse_documents([read_source(path, {}) for path in members])
    kept = ledger(doc, profile(doc))
    if kept is None:
        return None
    sent = json.dumps(kept.to_data(), ensure_ascii=False)
    back, read = _allocated(lambda: Ledger.from_data(json.loads(sent)))
    if back != kept:
        raise AssertionError(f"{' + '.join(members)}: the ledger read back from JSON is not the one sent")
    _, held = _allocated(lambda: HeldLedger.of(json.dumps(kept.to_data(), ensure_ascii=False)))
    return len(sent.encode("utf-8")), len(kept.figures), read, held


def _allocated(make: Callable[[], Any]) -> tuple[Any, int]:
    """What `make` returns, and the memory it takes (what is left allocated once it is made)."""
    gc.collect()
    tracemalloc.start()
    try:
        made = make()
        gc.collect()
        return made, tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="files or folders (default: the corpus PDFs)")
    parser.add_argument("--only", default="*", help="one corpus folder, or a glob of folders")
    parser.add_argument("--documents", action="store_true", help="a line per document too")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    files = collect_files(args.paths)[0] if args.paths else [str(p) for p in corpus_pdfs(args.shared, args.only)]
    if not files:
        print("no documents to measure", file=sys.stderr)
        return 2
    by_folder: dict[str, list[tuple[int, int, int, int]]] = {}
    for members in documents(files):
        found = measure(members)
        if found is None:
            continue
        by_folder.setdefault(Path(members[0]).parent.name, []).append(found)
        if args.documents:
            sent, figures, read, held = found
            names = " + ".join(Path(path).name for path in members)
            print(f"  {names}: {figures} figures, {sent:,} bytes of JSON, {read:,} bytes read, {held:,} bytes held")
    every = [found for measured in by_folder.values() for found in measured]
    for folder, measured in [*sorted(by_folder.items()), ("all", every)]:
        sent, figures, read, held = (sum(m[i] for m in measured) for i in range(4))
        n = len(measured)
        projected = PROJECTED / n / 1e6  # MB for PROJECTED documents, per byte of these n
        print(f"{folder:<10} {n} documents, {figures} figures; per document: {sent // n:,} bytes of JSON "
              f"({sent // max(figures, 1)} per figure), {read // n:,} bytes read, {held // n:,} bytes held; "
              f"{PROJECTED:,} such documents hold {held * projected:,.0f} MB ({sent * projected:,.0f} MB of JSON)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
