"""Every error (and warning) auditlint reports on the real corpus, against the ledger of those
proven true by hand.

    python bench/ledger.py [--level error|warning] [--only CITY] [--no-text] [--jobs N] [--skeleton]

The corpus is every PDF under ../shared/corpus/ and, where pdftotext is installed, the
`pdftotext -layout` text of each (made afresh in a temporary folder): the same documents as a
reader who converted them would lint them. `bench/ledger.json` lists each finding at the level
that auditlint may report there, with the arithmetic that makes it true, checked by hand. This
bench prints every finding the ledger lacks (a misreading to fix, or a true finding to prove and
add) and every ledger entry no longer found (a lost detection), and exits 1 when there is either.
`--skeleton` prints the entries the ledger lacks as JSON, to be completed with their proof.

The corpus is linted as `auditlint` lints a folder: a narrative and its tables published as two
files (Jiangsu's 情况说明 and 公开表 of one year, and their two texts) are one document where the
index groups them, and a finding across them is keyed by the file of its primary location, as
any other; the ledger needs no entry of its own for them.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditlint.config import Settings  # noqa: E402
from auditlint.engine import run  # noqa: E402
from auditlint.findings import Finding  # noqa: E402

SHARED = ROOT.parent / "shared"
LEDGER = Path(__file__).resolve().parent / "ledger.json"
TEXT_SUFFIX = "#pdftotext"  # how a ledger names the pdftotext -layout text of a corpus PDF
LEVELS = ("error", "warning")


@dataclass(frozen=True)
class Key:
    """What identifies a finding in the ledger: never a line number (pdftotext versions and the
    PDF reader may number lines differently), but the page, the rule, and what the finding is
    about (its logical place and its values)."""

    file: str
    rule: str
    page: int
    logical: str
    stated: str
    expected: str

    @classmethod
    def of_entry(cls, entry: dict[str, Any]) -> "Key":
        return cls(entry["file"], entry["rule"], entry["page"], entry["logical"], entry["stated"] or "",
                   entry["expected"] or "")


def corpus_pdfs(shared: Path = SHARED, only: str = "*") -> list[Path]:
    """The corpus PDFs, all or those of one folder (`only`: a city's folder name or a glob)."""
    return sorted((shared / "corpus").glob(f"{only}/*.pdf"))


def corpus_names(pdfs: list[Path]) -> dict[str, str]:
    """{path: ledger name} of corpus PDFs: the name is the city's folder and the file's name."""
    return {str(p): p.relative_to(p.parent.parent).as_posix() for p in pdfs}


def layout_texts(pdfs: list[Path], folder: Path) -> dict[str, str]:
    """The pdftotext -layout text of each PDF, written under `folder`: {text path: ledger name}."""
    names = {}
    for pdf in pdfs:
        relative = pdf.relative_to(pdf.parent.parent)
        target = folder / relative.with_suffix(".txt")
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftotext", "-layout", str(pdf), str(target)], check=True, capture_output=True)
        names[str(target)] = f"{relative.as_posix()}{TEXT_SUFFIX}"
    return names


def findings_at(levels: Iterable[str], names: dict[str, str], jobs: int) -> tuple[list[tuple[Key, Finding]], list[str]]:
    """The findings at `levels` on the given files, keyed as the ledger keys them; and the files
    that could not be linted."""
    result = run(list(names), Settings(jobs=jobs))
    levels = set(levels)
    found = [(Key(names[f.location.path], f.rule, f.location.page, f.logical, f.stated or "", f.expected or ""), f)
             for f in result.findings if f.level.label in levels]
    return found, [f"{names.get(e.path, e.path)}: {e.reason}" for e in result.errors]


def lint_corpus(levels: Iterable[str], with_text: bool, jobs: int, shared: Path = SHARED,
                only: str = "*") -> tuple[list[tuple[Key, Finding]], list[str]]:
    """The findings at `levels` on the corpus PDFs and, when asked and pdftotext is there, on their
    texts."""
    pdfs = corpus_pdfs(shared, only)
    found, errors = findings_at(levels, corpus_names(pdfs), jobs)
    if with_text and shutil.which("pdftotext"):
        with tempfile.TemporaryDirectory(prefix="auditlint-ledger-") as folder:
            text_found, text_errors = findings_at(levels, layout_texts(pdfs, Path(folder)), jobs)
        found += text_found
        errors += text_errors
    return found, errors


def load_ledger(level: str, with_text: bool, only: str = "*", path: Path = LEDGER) -> list[dict[str, Any]]:
    entries = json.loads(path.read_text(encoding="utf-8"))[f"{level}s"]
    return [e for e in entries if (with_text or not e["file"].endswith(TEXT_SUFFIX))
            and fnmatch.fnmatchcase(e["file"].split("/")[0], only)]


def compare(found: list[tuple[Key, Finding]], ledger: list[dict[str, Any]]) -> tuple[list[tuple[Key, Finding]], list[dict[str, Any]]]:
    """(findings the ledger lacks, ledger entries not found), counted as multisets: one finding
    may be reported twice in one file at different lines, and the ledger then lists it twice."""
    wanted = Counter(Key.of_entry(e) for e in ledger)
    extra = []
    for key, finding in found:
        if wanted[key] > 0:
            wanted[key] -= 1
        else:
            extra.append((key, finding))
    missing = []
    for entry in ledger:
        key = Key.of_entry(entry)
        if wanted[key] > 0:
            wanted[key] -= 1
            missing.append(entry)
    return extra, missing


def skeleton(key: Key, finding: Finding) -> dict[str, Any]:
    """A ledger entry for a finding, its proof left to be written by hand."""
    return {"file": key.file, "rule": key.rule, "page": key.page, "line": finding.location.line,
            "logical": key.logical, "stated": finding.stated, "expected": finding.expected,
            "message": finding.message.en, "proof": ""}


def _describe(key: Key, line: int | None, message: str) -> str:
    return f"  {key.file} p{key.page}" + (f":{line}" if line else "") + f" {key.rule}: {message}"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--level", choices=LEVELS, default="error")
    parser.add_argument("--no-text", action="store_true", help="the PDFs only, not their pdftotext -layout texts")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skeleton", action="store_true", help="print the entries the ledger lacks as JSON")
    parser.add_argument("--only", default="*", help="one corpus folder (shanghai), or a glob of folders")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not corpus_pdfs(args.shared, args.only):
        print(f"no corpus PDFs under {args.shared}/corpus", file=sys.stderr)
        return 2
    with_text = not args.no_text
    if with_text and not shutil.which("pdftotext"):
        print("pdftotext is not installed: the PDFs only", file=sys.stderr)
        with_text = False
    found, errors = lint_corpus([args.level], with_text, args.jobs, args.shared, args.only)
    extra, missing = compare(found, load_ledger(args.level, with_text, args.only))
    if args.skeleton:
        print(json.dumps([skeleton(k, f) for k, f in extra], ensure_ascii=False, indent=2))
        return 1 if extra or missing else 0
    by_file = Counter(k.file.split("/")[0] for k, _ in found)
    print(f"{len(found)} {args.level}s on the corpus" + (" and its pdftotext texts" if with_text else "") + ": "
          + ", ".join(f"{city} {n}" for city, n in sorted(by_file.items())))
    for line in errors:
        print(f"  not linted: {line}")
    print(f"{len(extra)} not in the ledger:")
    for key, finding in extra:
        print(_describe(key, finding.location.line, finding.message.en))
    print(f"{len(missing)} in the ledger but not found:")
    for entry in missing:
        print(_describe(Key.of_entry(entry), entry.get("line"), entry["message"]))
    return 1 if extra or missing or errors else 0


if __name__ == "__main__":
    sys.exit(main())
