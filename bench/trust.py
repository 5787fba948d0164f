"""How many of the corpus's tables auditlint trusts, per city, and why it trusts the others not.

    python bench/trust.py [--only CITY] [--text] [--list]

A table is trusted when nothing about its reading is in doubt (auditlint.parse.facts): its unit is
printed, its header was named, and its sums hold but for what a slip or two explains. Only a
trusted table's figures can prove an error; the others give notes. Counted are the standard
tables found, read or not: a table left unread with a note (flattened, misaligned …) counts as not
trusted, since a note is no hiding place; performance forms and tables empty on purpose aside.
`--text` reads the pdftotext -layout text of each PDF instead (pdftotext must be installed);
`--list` names every table not trusted.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditlint.model import Doubt  # noqa: E402
from auditlint.parse import parse_document  # noqa: E402
from auditlint.readers import read_source  # noqa: E402
from auditlint.parse.facts import UNSUMMED_KINDS  # noqa: E402
from bench.ledger import SHARED, corpus_names, corpus_pdfs, layout_texts  # noqa: E402

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="*", help="one corpus folder, or a glob of folders")
    parser.add_argument("--text", action="store_true", help="read the pdftotext -layout texts instead of the PDFs")
    parser.add_argument("--list", action="store_true", help="name every table not trusted")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    pdfs = corpus_pdfs(args.shared, args.only)
    if not pdfs:
        print(f"no corpus PDFs under {args.shared}/corpus", file=sys.stderr)
        return 2
    if args.text and not shutil.which("pdftotext"):
        print("pdftotext is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="auditlint-trust-") as folder:
        paths = layout_texts(pdfs, Path(folder)) if args.text else corpus_names(pdfs)
        tables: Counter[str] = Counter()
        trusted: Counter[str] = Counter()
        reasons: dict[str, Counter[str]] = {}
        untrusted: list[str] = []
        for path, name in paths.items():
            city = name.split("/")[0]
            doc = parse_document(read_source(path, {}))
            for table in doc.tables:
                if table.kind in UNSUMMED_KINDS or (not table.rows and not table.notes):
                    continue  # a form, or a table empty on purpose
                reading = doc.facts.reading(table)
                doubts = reading.doubts if reading is not None else tuple(Doubt("unread", note, note) for note in table.notes)
                tables[city] += 1
                trusted[city] += not doubts
                for doubt in doubts:
                    reasons.setdefault(city, Counter())[doubt.kind] += 1
                if doubts:
                    untrusted.append(f"  {name} p{table.location.page} {table.name}: " + "; ".join(d.en for d in doubts))
    for city in sorted(tables):
        why = ", ".join(f"{kind} {n}" for kind, n in sorted(reasons.get(city, Counter()).items())) or "-"
        print(f"{city:<10} {trusted[city]}/{tables[city]} tables trusted ({100 * trusted[city] / tables[city]:.0f}%); "
              f"doubts: {why}")
    if args.list:
        print("\n".join(untrusted))
    return 0


if __name__ == "__main__":
    sys.exit(main())
