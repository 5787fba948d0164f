"""How many of the narrative's amounts auditlint links to the table figures they restate, per
document and per corpus city, and why the others are not.

    python bench/links.py [--only CITY] [--seeds] [--documents] [--apart]

An amount of the narrative (in 万元) that names a quantity (one of the document's totals, a figure
the tables name, a 类 of the classifications) is a link (auditlint.parse.facts: Facts.links). The
share counted is of the amounts that name a quantity a table of the document prints: those of an
earlier year, those no table prints (a narrative whose tables are published apart), and a unit's
spending by category are counted apart. The seeds are the text documents in ../shared/seeds; the corpus its PDFs.
A narrative and its tables published apart are counted as one document where the index groups
them (auditlint.index: Jiangsu's 情况说明 and 公开表 of one year), as `auditlint` lints them;
`--apart` counts every file alone.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditlint.engine import build_index  # noqa: E402
from auditlint.index import group  # noqa: E402
from auditlint.parse import parse_documents  # noqa: E402
from auditlint.parse.figures import CATEGORY, EARLIER_YEAR, NO_TABLE  # noqa: E402
from auditlint.readers import read_source  # noqa: E402
from bench.ledger import SHARED, corpus_names, corpus_pdfs  # noqa: E402

# Not figures the document's tables print: an earlier year's, one no table prints, and a unit's
# spending by category (Shenzhen's 对个人和家庭的补助支出 beside 在职人员经费 and 公用经费), which
# adds up to the unit's 基本支出 as the classes do but may cut across them; its own sentence's
# split (split-total) and its restatements (restated-figure) hold it instead.
OUTSIDE = frozenset({EARLIER_YEAR, NO_TABLE, CATEGORY})


def tally(paths: tuple[str, ...]) -> Counter[str]:
    """A document's links by outcome (its files read as one): "linked", or the reason it is not."""
    doc = parse_documents([read_source(path, {}) for path in paths])
    return Counter("linked" if link.linked else link.reason for link in doc.facts.links)


def documents(paths: list[str], apart: bool) -> list[tuple[str, ...]]:
    """The documents among the files: those the index groups as one, and every other file alone."""
    grouped = [] if apart else group(build_index(paths)[0]).documents
    together = {path for members in grouped for path in members}
    return [*grouped, *((path,) for path in paths if path not in together)]


def share(counts: Counter[str]) -> tuple[int, int]:
    """(linked, amounts naming a quantity a table prints)."""
    return counts["linked"], sum(n for reason, n in counts.items() if reason not in OUTSIDE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="*", help="one corpus folder, or a glob of folders")
    parser.add_argument("--seeds", action="store_true", help="the seeds instead of the corpus")
    parser.add_argument("--documents", action="store_true", help="a line per document too")
    parser.add_argument("--apart", action="store_true", help="every file alone, none grouped with another")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    if args.seeds:
        names = {str(p): f"seeds/{p.name}" for p in sorted((args.shared / "seeds").glob("*.txt"))}
    else:
        names = corpus_names(corpus_pdfs(args.shared, args.only))
    if not names:
        print(f"no documents under {args.shared}", file=sys.stderr)
        return 2
    groups: dict[str, Counter[str]] = {}
    for members in sorted(documents(list(names), args.apart), key=lambda paths: names[paths[0]]):
        counts = tally(members)
        groups.setdefault(names[members[0]].split("/")[0], Counter()).update(counts)
        if args.documents:
            linked, total = share(counts)
            print(f"  {' + '.join(names[path] for path in members)}: {linked}/{total} linked")
    for group, counts in sorted(groups.items()):
        linked, total = share(counts)
        reasons = ", ".join(f"{reason}: {n}" for reason, n in counts.most_common() if reason != "linked")
        rate = f"{100 * linked / total:.0f}%" if total else "-"
        print(f"{group:<10} {linked}/{total} linked ({rate}); not linked: {reasons or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
