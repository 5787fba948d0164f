"""Plant one realistic slip per copy of a document and measure how many auditlint detects.

    python bench/mutations.py [--n 40] [--seed 1] [--corpus] [--pdf] [--only CITY] [--kinds swap,digit,sentence,unit]

Slips, each planted on one line and without moving any other line:
  swap      two adjacent different digits swapped in an amount the document states at least twice
            (with cents, or a whole amount with thousands commas)
  digit     one digit changed in such an amount
  sentence  a sentence of the narrative repeated right after itself
  unit      an amount's 万元 written as 元
  figure    one digit changed in an amount of the narrative in 万元 (not a change's 增加/减少 amount)

A slip is detected when the copy has a finding that the original has not and that touches the
changed line; the report counts those at error level apart, and slips planted in a table's lines
apart from those in the narrative, and those in a narrative amount auditlint links to a table
figure ("linked") apart from the rest. New findings elsewhere are counted too, errors apart (they are
either the other side of the same contradiction or a false alarm, to read by hand: a new error
elsewhere should be none). The random choices come from --seed, so a run
is reproducible. Documents: the seeds in ../shared/seeds; with --corpus the text of the corpus
PDFs, extracted with pypdfium2; with --pdf the corpus PDFs as auditlint reads them (the slip is
planted in the cell of the lines its PDF reader produced, so the PDF path's tables are tested);
--only keeps the corpus documents of one folder (guangzhou) or of a glob of folders.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import regex
from tabulate import tabulate

from auditlint.agreement import Options
from auditlint.engine import run
from auditlint.findings import Finding, Level
from auditlint.model import Line, Source
from auditlint.parse import parse_document
from auditlint.plugins import load_checks
from auditlint.readers import read_source

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
# An amount with cents (2,877.94, 2877.94), or a whole amount with thousands commas (178,830,483:
# tables in 元 print no cents).
AMOUNT = regex.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}(?![\d%])|(?<![\d.,])\d{4,}\.\d{2}(?![\d%])"
                       r"|(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.,%])")
WAN_YUAN = regex.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*万元")
# An amount of running text, before 万元 (not a change: 增加/减少 … right before it).
NARRATIVE_AMOUNT = regex.compile(r"(?<![增减加少降长][了]?\s*)(?<![\d.,])(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*万元")
# A line laid out as a table: figures apart by wide gaps, or cells cut by tabs.
_TABLE_LIKE = regex.compile(r"\t|\d\s{2,}[\d-]")
SENTENCE = regex.compile(r"[^。！？\s][^。！？]{7,}?[。！？]")
HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True)
class Slip:
    kind: str
    line: int  # 1-based
    before: str
    after: str
    column: int = 0  # 1-based, where `before` starts; 0 where no one place is meant


def _replace_on_line(lines: list[str], index: int, start: int, end: int, new: str) -> list[str]:
    copy = list(lines)
    copy[index] = lines[index][:start] + new + lines[index][end:]
    return copy


def _amounts_stated_twice(lines: list[str]) -> list[tuple[int, regex.Match]]:
    counts = Counter(m.group().replace(",", "") for line in lines for m in AMOUNT.finditer(line))
    return [(i, m) for i, line in enumerate(lines) for m in AMOUNT.finditer(line)
            if counts[m.group().replace(",", "")] >= 2 and float(m.group().replace(",", "")) > 0]


def plant_swap(lines: list[str], rng: random.Random) -> tuple[list[str], Slip] | None:
    candidates = []
    for i, m in _amounts_stated_twice(lines):
        text = m.group()
        pairs = [k for k in range(len(text) - 1) if text[k].isdigit() and text[k + 1].isdigit()
                 and text[k] != text[k + 1] and not (k == 0 and text[1] == "0")]
        candidates.extend((i, m, k) for k in pairs)
    if not candidates:
        return None
    i, m, k = rng.choice(candidates)
    text = m.group()
    new = text[:k] + text[k + 1] + text[k] + text[k + 2:]
    return _replace_on_line(lines, i, m.start(), m.end(), new), Slip("swap", i + 1, text, new)


def plant_digit(lines: list[str], rng: random.Random) -> tuple[list[str], Slip] | None:
    candidates = _amounts_stated_twice(lines)
    if not candidates:
        return None
    i, m = rng.choice(candidates)
    text = m.group()
    positions = [k for k, ch in enumerate(text) if ch.isdigit() and not (k == 0 and len(text) > 1)]
    k = rng.choice(positions)
    digit = rng.choice([d for d in "0123456789" if d != text[k]])
    new = text[:k] + digit + text[k + 1:]
    return _replace_on_line(lines, i, m.start(), m.end(), new), Slip("digit", i + 1, text, new)


def plant_figure(lines: list[str], rng: random.Random) -> tuple[list[str], Slip] | None:
    """One digit changed in an amount the narrative states in 万元 (a line of running text), the
    slip a reviewer most often misses: the tables keep the right figure."""
    candidates = [(i, m) for i, line in enumerate(lines) if not _TABLE_LIKE.search(line)
                  for m in NARRATIVE_AMOUNT.finditer(line) if float(m.group("amount").replace(",", "")) > 0]
    if not candidates:
        return None
    i, m = rng.choice(candidates)
    text = m.group("amount")
    positions = [k for k, ch in enumerate(text) if ch.isdigit() and not (k == 0 and len(text) > 1)]
    k = rng.choice(positions)
    new = text[:k] + rng.choice([d for d in "0123456789" if d != text[k]]) + text[k + 1:]
    return _replace_on_line(lines, i, m.start("amount"), m.end("amount"), new), Slip("figure", i + 1, text, new,
                                                                                     m.start("amount") + 1)


def _starts_a_sentence(lines: list[str], index: int, start: int) -> bool:
    """Whole sentences only: one that follows 。！？ on its line, or opens a line after a line that
    ended one (a wrapped line's first words are the middle of a sentence)."""
    before = lines[index][:start].rstrip()
    if before:
        return before[-1] in "。！？"
    previous = next((l.strip() for l in reversed(lines[:index]) if l.strip()), "")
    return not previous or previous[-1] in "。！？：:"


def plant_sentence(lines: list[str], rng: random.Random) -> tuple[list[str], Slip] | None:
    candidates = [(i, m) for i, line in enumerate(lines) if "\t" not in line
                  for m in SENTENCE.finditer(line)
                  if len(HAN.findall(m.group())) >= 8 and _starts_a_sentence(lines, i, m.start())]
    if not candidates:
        return None
    i, m = rng.choice(candidates)
    return _replace_on_line(lines, i, m.end(), m.end(), m.group()), Slip("sentence", i + 1, m.group(), m.group() * 2)


def plant_unit(lines: list[str], rng: random.Random) -> tuple[list[str], Slip] | None:
    candidates = [(i, m) for i, line in enumerate(lines) for m in WAN_YUAN.finditer(line)
                  if float(m.group(1)) > 0]
    if not candidates:
        return None
    i, m = rng.choice(candidates)
    new = m.group().replace("万元", "元")
    return _replace_on_line(lines, i, m.start(), m.end(), new), Slip("unit", i + 1, m.group(), new)


PLANTERS: dict[str, Callable[[list[str], random.Random], tuple[list[str], Slip] | None]] = {
    "swap": plant_swap, "digit": plant_digit, "sentence": plant_sentence, "unit": plant_unit, "figure": plant_figure,
}


def finding_key(finding: Finding) -> tuple:
    """What identifies a finding across two copies of a document (never the file name)."""
    return (finding.rule, finding.logical, finding.stated, finding.expected, finding.message.en)


def touches(finding: Finding, line: int) -> bool:
    locations = [finding.location, *(r.location for r in finding.related)]
    return any(loc.line <= line <= loc.end_line for loc in locations)


def lint_text(text: str, directory: Path, name: str) -> list[Finding]:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    result = run([str(path)])
    if result.errors:
        raise RuntimeError(f"{name}: {result.errors[0].reason}")
    return result.findings


@dataclass(frozen=True)
class Places:
    """Where a slip may land, as auditlint reads the original: the lines its tables span, and the
    narrative amounts (line, column, text) it links to table figures."""

    tables: set[int]
    linked: set[tuple[int, int, str]]  # (line, column, text): one amount, not its twin on the line

    def of(self, slip: Slip) -> str:
        if slip.line in self.tables:
            return "table"
        return "linked" if (slip.line, slip.column, slip.before) in self.linked else "text"


def places(source: Source) -> Places:
    doc = parse_document(source)
    return Places({n for table in doc.tables for n in range(table.location.line, table.location.end_line + 1)},
                  {(link.amount.location.line, link.amount.location.column, link.amount.text)
                   for link in doc.facts.links if link.linked})


class TextDocument:
    """A text file: a slip is planted in its lines, and the copy is linted as a file."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self._text = text

    def places(self) -> Places:
        from auditlint.readers.text import read_text
        return places(read_text("original.txt", self._text.encode("utf-8")))

    def lint(self, lines: list[str], directory: Path, name: str) -> list[Finding]:
        return lint_text("\n".join(lines), directory, name)


class PdfDocument:
    """A PDF as auditlint's reader gives it: its lines' texts take the slip, and the changed line's
    cells are rebuilt around it, so the copy is what the reader would give for a PDF printed with
    the slip (without writing that PDF)."""

    def __init__(self, path: Path, checks: list) -> None:
        self.source = read_source(str(path), {})
        self.lines = [line.text for line in self.source.lines]
        self.checks = checks

    def lint(self, lines: list[str], directory: Path, name: str) -> list[Finding]:
        changed = tuple(line if line.text == text else _retext(line, text)
                        for line, text in zip(self.source.lines, lines))
        document = parse_document(Source(self.source.path, self.source.kind, self.source.encoding, changed))
        return [finding for check, _ in self.checks for finding in check.check(document, Options())]

    def places(self) -> Places:
        return places(self.source)


def _retext(line: Line, text: str) -> Line:
    """The line with its text changed to `text` in one span: the cell holding the span takes the
    change, and the cells after it move by the change in length."""
    start = next((i for i, (a, b) in enumerate(zip(line.text, text)) if a != b), min(len(line.text), len(text)))
    common_end = 0
    while (common_end < min(len(line.text), len(text)) - start
           and line.text[len(line.text) - 1 - common_end] == text[len(text) - 1 - common_end]):
        common_end += 1
    old_end, new_end = len(line.text) - common_end, len(text) - common_end
    shift = new_end - old_end
    cells = []
    for cell in line.cells:
        first, last = cell.location.column - 1, cell.location.end_column - 1  # the cell's span in line.text
        if first <= start and old_end <= last:
            cut = start - first
            new_text = cell.text[:cut] + text[start:new_end] + cell.text[cut + old_end - start:]
            cell = replace(cell, text=new_text, location=replace(cell.location, end_column=cell.location.end_column + shift))
        elif first >= old_end:
            cell = replace(cell, location=replace(cell.location, column=cell.location.column + shift,
                                                  end_column=cell.location.end_column + shift))
        cells.append(cell)
    return replace(line, text=text, cells=tuple(cells))


def corpus_pdfs(shared: Path, only: str = "*") -> dict[str, PdfDocument]:
    checks = load_checks()
    return {path.stem + ".pdf": PdfDocument(path, checks) for path in sorted((shared / "corpus").glob(f"{only}/*.pdf"))}


def corpus_texts(shared: Path, only: str = "*") -> dict[str, str]:
    """The text layer of every corpus PDF, one page after another, as raw PDFium extracts it."""
    import pypdfium2

    texts = {}
    for pdf_path in sorted((shared / "corpus").glob(f"{only}/*.pdf")):
        pdf = pypdfium2.PdfDocument(str(pdf_path))
        try:
            pages = []
            for page in pdf:
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
                textpage.close()
                page.close()
            texts[pdf_path.stem] = "\f".join(pages)
        finally:
            pdf.close()
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=40, help="number of mutated copies (default 40)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--kinds", default=",".join(PLANTERS), help="comma-separated slip kinds")
    parser.add_argument("--corpus", action="store_true", help="also use the text of the corpus PDFs")
    parser.add_argument("--pdf", action="store_true", help="also use the corpus PDFs, as auditlint reads them")
    parser.add_argument("--no-seeds", action="store_true", help="leave out the seeds")
    parser.add_argument("--only", default="*", help="the corpus folder (guangzhou), or a glob of folders, to use")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--verbose", action="store_true", help="list every slip and what was found")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",")]
    documents: dict[str, TextDocument | PdfDocument] = {} if args.no_seeds else {
        p.name: TextDocument(p.read_text(encoding="utf-8")) for p in sorted((args.shared / "seeds").glob("*.txt"))}
    if args.corpus:
        documents.update({name: TextDocument(text) for name, text in corpus_texts(args.shared, args.only).items()})
    if args.pdf:
        documents.update(corpus_pdfs(args.shared, args.only))
    if not documents:
        print(f"no documents under {args.shared}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    names = sorted(documents)
    planted: Counter[tuple[str, str]] = Counter()
    detected: Counter[tuple[str, str]] = Counter()
    as_error: Counter[tuple[str, str]] = Counter()
    elsewhere: Counter[tuple[str, str]] = Counter()
    errors_elsewhere: Counter[tuple[str, str]] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        baseline: dict[str, Counter] = {}
        where: dict[str, Places] = {}
        for i in range(args.n):
            kind = kinds[i % len(kinds)]
            name = names[rng.randrange(len(names))]
            document = documents[name]
            lines = document.lines
            outcome = PLANTERS[kind](lines, rng)
            if outcome is None:
                continue
            mutated, slip = outcome
            if name not in baseline:
                baseline[name] = Counter(finding_key(f) for f in document.lint(lines, directory, "original.txt"))
                where[name] = document.places()
            findings = document.lint(mutated, directory, "mutant.txt")
            remaining = Counter(baseline[name])
            new = []
            for finding in findings:
                key = finding_key(finding)
                if remaining[key] > 0:
                    remaining[key] -= 1
                else:
                    new.append(finding)
            place = (kind, where[name].of(slip))
            planted[place] += 1
            at_slip = [f for f in new if touches(f, slip.line)]
            away = [f for f in new if not touches(f, slip.line)]
            detected[place] += bool(at_slip)
            as_error[place] += any(f.level == Level.ERROR for f in at_slip)
            elsewhere[place] += len(away)
            errors_elsewhere[place] += sum(1 for f in away if f.level == Level.ERROR)
            if args.verbose:
                mark = "ERR " if any(f.level == Level.ERROR for f in at_slip) else "HIT " if at_slip else "miss"
                print(f"{mark} {kind:<8} {place[1]:<5} {name[:24]:<24} L{slip.line} {slip.before[:20]!r} -> {slip.after[:20]!r}")
                for finding in away:  # to read by hand: the slip's other side, or a false alarm
                    print(f"     elsewhere L{finding.location.line} {finding.level.name.lower()} {finding.rule}: "
                          f"{finding.message.en[:160]}")

    def row(label: str, keys: list[tuple[str, str]]) -> list:
        n, hit, err = (sum(c[k] for k in keys) for c in (planted, detected, as_error))
        return [label, n, hit, f"{100 * hit / n:.0f}%" if n else "-", err, f"{100 * err / n:.0f}%" if n else "-",
                sum(elsewhere[k] for k in keys), sum(errors_elsewhere[k] for k in keys)]

    places = sorted(planted)
    rows = [row(f"{kind} ({where})", [(kind, where)]) for kind, where in places]
    rows.append(row("table slips", [k for k in places if k[1] == "table"]))
    rows.append(row("all", places))
    print(f"{args.n} copies of {len(documents)} documents, seed {args.seed}")
    print(tabulate(rows, headers=["slip", "planted", "detected", "rate", "as error", "error rate",
                                  "new findings elsewhere", "new errors elsewhere"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
