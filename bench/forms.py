"""How many performance forms auditlint reads, per corpus city and on the seeds.

    python bench/forms.py [--only CITY] [--documents] [--no-seeds] [--jobs N]

A form (绩效目标表, 项目支出绩效目标申报表, 部门整体支出绩效目标表, 绩效自评表) is counted as read when
it was read without doubt (its fields and indicators, auditlint.parse.form_fields), read with
doubts when something of it could not be read (no field naming its project or unit, a scrambled
grid header, rows not under their columns), and not read when nothing of it was. The counts of
fields and indicators read are what the checks of forms will have to work with.
`--documents` prints a line per document.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditlint.parse import parse_document  # noqa: E402
from auditlint.readers import read_source  # noqa: E402
from bench.ledger import SHARED, corpus_names, corpus_pdfs  # noqa: E402

KEYS = ("forms", "read", "doubts", "not read", "fields", "indicators")


def count(path: str) -> Counter[str]:
    """The form counts of one document."""
    doc = parse_document(read_source(path, {}))
    counts: Counter[str] = Counter()
    for form in doc.facts.forms:
        counts["forms"] += 1
        if not form.read:
            counts["not read"] += 1
        elif form.doubts:
            counts["doubts"] += 1
        else:
            counts["read"] += 1
        counts["fields"] += len(form.fields)
        counts["indicators"] += len(form.indicators)
    return counts


def _line(name: str, counts: Counter[str]) -> str:
    return f"{name:<48} " + "  ".join(f"{key} {counts[key]:>4}" for key in KEYS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="*", help="one corpus folder, or a glob of folders")
    parser.add_argument("--documents", action="store_true", help="a line per document")
    parser.add_argument("--no-seeds", action="store_true", help="leave the seeds out")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    names = corpus_names(corpus_pdfs(args.shared, args.only))
    if not args.no_seeds:
        names.update({str(p): f"seeds/{p.name}" for p in sorted((args.shared / "seeds").glob("*.txt"))})
    if not names:
        print(f"no documents under {args.shared}", file=sys.stderr)
        return 2
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = dict(zip(names.values(), pool.map(count, names)))
    groups: dict[str, Counter[str]] = {}
    for name, counts in results.items():
        if args.documents:
            print(_line(name, counts))
        groups.setdefault(name.split("/")[0], Counter()).update(counts)
    if args.documents:
        print()
    for group, counts in sorted(groups.items()):
        print(_line(group, counts))
    print(_line("all", sum(groups.values(), Counter())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
