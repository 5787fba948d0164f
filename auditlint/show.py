"""`auditlint show`: what the linter understood of a document, so a user can check the linter.

Each table is printed as a grid of code, label and amounts, with its kind, unit, side and where it
is; what could not be read with confidence is printed as its notes. Then the claims of the
narrative (changes, completion rates, splits, shares of a named total), each with its year and
scope, what its own figures give and the first table figure each of its amounts restates; then
the narrative figures matched to table figures by name. `--text` prints the lines as the reader
produced them, numbered: for a PDF these are the line numbers findings refer to. `--facts` prints
every amount of the tables as the fact the checks read (auditlint.parse.facts). Each table says
whether its reading is trusted, and why not: only a trusted table's figures can prove an error.
A document of several files (a narrative and its tables published apart) is shown as one, each
line named by its file's number and its own number (2:155). `--index` prints the index of the
files given (auditlint.index): whose each document is, and which files are linted as one.
"""
from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal

from tabulate import tabulate

from auditlint.agreement import Verdict, fact_in_wan_yuan, restatement_verdict
from auditlint.domain import TABLE_KINDS
from auditlint.model import (Amount, Change, Completion, Document, Fact, Form, Line, Location, Share, Stated, Table,
                             TableReading)
from auditlint.domain.scope import SCOPE_NAMES
from auditlint.index import Described, Entry, described, group, pairs, series, units_listed
from auditlint.report.text import plural
from auditlint.result import Comparison

KIND_NAMES = {kind.id: kind.name for kind in TABLE_KINDS}


class Where:
    """How the listing names a line: its number; in a document of several files, the number of
    its file first (2:85 is line 85 of the second file), the files numbered in the heading."""

    def __init__(self, doc: Document | None = None) -> None:
        paths = doc.paths if doc is not None else ()
        self.files = {path: number for number, path in enumerate(paths, start=1)} if len(paths) > 1 else {}

    def __call__(self, location: Location) -> str:
        return f"{self.files[location.path]}:{location.line}" if location.path in self.files else str(location.line)

    def span(self, location: Location) -> str:
        """The lines a table or a form spans: 2:19-47."""
        return f"{self(location)}-{location.end_line}"


ONE_FILE = Where()


def describe_table(table: Table, number: int, reading: TableReading | None = None, lang: str = "en",
                   at: Where = ONE_FILE) -> str:
    """A table as read: a head (kind, unit, where, trusted or not: in `lang`, what a reviewer
    checks first) and its grid (as printed; the column words stay those of the linter's debug
    view)."""
    loc = table.location
    kind = f"{KIND_NAMES.get(table.kind, table.kind)} ({table.kind})"
    if lang == "zh":
        head = [f"[{number}] {table.name}",
                f"    类型：{kind}  单位：{table.unit or '-'}  第 {loc.page} 页，第 {at.span(loc)} 行"]
    else:
        head = [f"[{number}] {table.name}",
                f"    kind: {kind}  unit: {table.unit or '-'}  page {loc.page}, lines {at.span(loc)}"]
    if reading is not None:
        head.append(f"    {_trust(reading, lang)}")
    for note in table.notes:
        head.append(f"    note: {note}")
    if table.empty_note:
        head.append(f"    empty: {table.empty_note}")
    if not table.rows:
        return "\n".join(head)
    grid = []
    for row in table.rows:
        amounts = [a.text if a is not None else "" for a in row.amounts]
        if row.unplaced:
            amounts = ["?" for _ in amounts]
            amounts[0] = " ".join(a.text for a in row.unplaced) + " (columns unknown)"
        code = row.code + (" (truncated)" if row.truncated else "")
        grid.append([at(row.location), code, row.label, *amounts])
    body = tabulate(grid, headers=["line", "code", "label", *table.columns], tablefmt="simple",
                    disable_numparse=True)
    return "\n".join(head) + "\n" + "\n".join("    " + line for line in body.splitlines())


def _trust(reading: TableReading, lang: str = "en") -> str:
    """Whether a table's reading is trusted (its figures may prove an error), and why not."""
    if lang == "zh":
        sums = f"{reading.checked} 处勾稽有 {reading.checked - reading.failing} 处成立" if reading.checked else "无可核对的勾稽"
        if reading.trusted:
            return f"可信：{sums}"
        return f"不可信：{'；'.join(d.zh for d in reading.doubts)}（{sums}）"
    sums = f"{reading.checked - reading.failing}/{reading.checked} sums hold" if reading.checked else "no sums to check"
    if reading.trusted:
        return f"trusted: {sums}"
    return f"not trusted: {'; '.join(d.en for d in reading.doubts)} ({sums})"


def describe_claims(doc: Document, at: Where = ONE_FILE) -> str:
    """Each claim of the narrative: where, for which year and money, what it says, what its own
    figures give, and the table figures its amounts were matched to."""
    matched = {stated.location: found for _, stated, found in doc.facts.named_figures()}
    rows = []
    for claim in doc.claims:
        if isinstance(claim, Change):
            prior = claim.current.value + (-claim.delta.value if claim.increase else claim.delta.value)
            recomputed = f"{100 * claim.delta.value / prior:.2f}% of prior {prior}" if prior else "-"
            stated = f"{claim.current.text} {'+' if claim.increase else '-'}{claim.delta.text}"
            if claim.prior is not None:
                stated = f"{claim.prior.text} → {stated}"
            row = [at(claim.delta.location), "change", stated + (f", {claim.percent.text}%" if claim.percent else ""),
                   recomputed, (claim.current, claim.delta)]
        elif isinstance(claim, Completion):
            rate = f"{100 * claim.actual.value / claim.budget.value:.2f}%" if claim.budget.value else "-"
            row = [at(claim.percent.location), "completion",
                   f"{claim.actual.text} / {claim.budget.text}, {claim.percent.text}%", rate, (claim.budget, claim.actual)]
        elif isinstance(claim, Share):
            total = doc.facts.named_total(claim.base, claim.scope)
            value = fact_in_wan_yuan(total)[0] if total is not None else None
            rate = f"{100 * claim.amount.value / value:.2f}% of {total.amount.text}" if value else "-"
            row = [at(claim.percent.location), "share", f"{claim.amount.text}, {claim.percent.text}% of {claim.base}", rate,
                   (claim.amount,)]
        else:
            parts = " + ".join(f"{p.label} {p.amount.text}" for p in claim.parts)
            total = sum((p.amount.value for p in claim.parts), Decimal(0))
            row = [at(claim.total.location), "split" + (" (complete)" if claim.complete else ""),
                   f"{claim.total.text} = {parts}", f"parts add up to {total}",
                   (claim.total, *(p.amount for p in claim.parts))]
        year = str(claim.year) if claim.year is not None else "?"
        rows.append([row[0], row[1], year, SCOPE_NAMES[claim.scope], *row[2:4], _matches(row[4], matched, at)])
    if not rows:
        return "claims: none"
    body = tabulate(rows, headers=["line", "claim", "year", "scope", "as stated", "recomputed", "matched to"],
                    tablefmt="simple", disable_numparse=True)
    return "claims:\n" + "\n".join("    " + line for line in body.splitlines())


def _matches(amounts: tuple[Amount, ...], matched: dict[Location, list[Fact]], at: Where) -> str:
    """The table figures each of a claim's amounts was matched to, by name (see `describe_matches`)."""
    found = [f"{amount.text} = {_figure(figure, at)}" for amount in amounts for figure in matched.get(amount.location, [])[:1]]
    return "; ".join(found) or "-"


def _figure(figure: Fact, at: Where) -> str:
    return f"{figure.table.name} {figure.amount.text} (line {at(figure.amount.location)})"


def describe_matches(doc: Document, at: Where = ONE_FILE) -> str:
    """Every narrative amount that names a quantity: the linked ones with the table figures they
    restate, then those not linked with why, then the tables the narrative never restates."""
    linked = [[at(link.amount.location), link.subject, link.amount.text, "; ".join(_figure(f, at) for f in link.facts)]
              for link in doc.facts.links if link.linked]
    unlinked = [[at(link.amount.location), link.subject, link.amount.text, link.reason]
                for link in doc.facts.links if not link.linked]
    parts = [f"narrative amounts linked: {len(linked)} of {len(linked) + len(unlinked)} that name a quantity"]
    if linked:
        parts.append("linked:\n" + _indented(tabulate(linked, headers=["line", "subject", "text", "tables"],
                                                      tablefmt="simple", disable_numparse=True)))
    if unlinked:
        parts.append("not linked:\n" + _indented(tabulate(unlinked, headers=["line", "subject", "text", "why"],
                                                          tablefmt="simple", disable_numparse=True)))
    restated = {id(f.table) for link in doc.facts.links if link.linked for f in link.facts}
    unmentioned = [t.name for t in doc.tables if t.rows and id(t) not in restated and t.kind != "performance"]
    if unmentioned and doc.facts.links:
        parts.append("tables the narrative restates no figure of: " + "; ".join(unmentioned))
    return "\n".join(parts)


def _indented(body: str) -> str:
    return "\n".join("    " + line for line in body.splitlines())


def describe_facts(doc: Document, at: Where = ONE_FILE) -> str:
    """Every amount the tables print, as a fact: where, in which table, row and column, what
    quantity of which money and year, in which unit, the row it adds up into, and whether it
    holds its table's sums."""
    rows = [[at(f.amount.location), f.table.name, f.row.code or f.row.label if f.row else "", f.column,
             f.concept or "-", SCOPE_NAMES.get(f.scope, f.scope) if f.scope else "?", f.year, f.unit or "?", f.amount.text,
             (f.parent.code or f.parent.label) if f.parent is not None else "-", f.level, "" if f.fits_its_table else "off"]
            for f in doc.facts.table_facts]
    if not rows:
        return "facts: none"
    body = tabulate(rows, headers=["line", "table", "row", "column", "concept", "scope", "year", "unit", "amount",
                                   "parent", "level", "sums"], tablefmt="simple", disable_numparse=True)
    return "facts:\n" + "\n".join("    " + line for line in body.splitlines())


def describe_form(form: Form, number: int, at: Where = ONE_FILE) -> str:
    """A performance form as read: its fields (name: value, line) and its indicator grid, or why
    it was not read (its doubts)."""
    loc = form.location
    head = [f"form {number}: {form.table.title}  (page {loc.page}, lines {at.span(loc)})"]
    head.extend(f"    doubt: {doubt}" for doubt in form.doubts)
    for f in form.fields:
        amount = f"  = {f.amount.value}" if f.amount is not None else ""
        head.append(f"    {f.name}: {_short(f.text)}{amount}  (line {at(f.location)})")
    if form.indicators:
        whole = any(i.long_term for i in form.indicators)  # a list's row prints the whole term's target beside the year's
        grid = [[at(i.location), i.term or "-", i.level1, i.level2, _short(i.name), _short(i.target),
                 *([_short(i.long_term) or "-"] if whole else []),
                 _short(i.actual) if i.actual is not None else "-", i.weight.text if i.weight else "-",
                 i.score.text if i.score else "-"] for i in form.indicators]
        headers = ["line", "term", "level 1", "level 2", "indicator", "target", *(["whole term"] if whole else []),
                   "actual", "weight", "score"]
        body = tabulate(grid, headers=headers, tablefmt="simple", disable_numparse=True)
        head.append(_indented(_indented(body)))
    elif not form.doubts:
        head.append("    indicators: none printed")
    return "\n".join(head)


def _short(text: str, width: int = 40) -> str:
    """A value cut to fit a line of the listing (a form's goals run to paragraphs)."""
    return text if len(text) <= width else text[:width - 1] + "…"


def describe_forms(doc: Document, at: Where = ONE_FILE) -> str:
    """Every performance form of the document, as fields and a grid."""
    forms = doc.facts.forms
    if not forms:
        return "forms: none"
    return f"forms: {len(forms)}\n\n" + "\n\n".join(describe_form(form, n, at) for n, form in enumerate(forms, start=1))


def _anchor(line: Line) -> str:
    """Where an office file's line starts, as the file names it (`¶9`, `表2!A5`), before its text."""
    anchor = line.cells[0].location.anchor if line.cells else ""
    return f"{anchor}  " if anchor else ""


def render_document(doc: Document, with_text: bool = False, with_facts: bool = False, lang: str = "en") -> str:
    """What was understood of a document: its files (and what their readers left out or read as
    shown), (their lines,) its tables, forms, claims, links, (and facts). A document of several
    files numbers its files, and each line names its file's number (Where)."""
    at = Where(doc)
    if at.files:
        parts = [f"a document of {len(doc.sources)} files, {len(doc.tables)} tables:\n" + "\n".join(
            f"    [{at.files[source.path]}] {source.path}: {source.kind} ({source.encoding}), {len(source.lines)} lines"
            for source in doc.sources)]
    else:
        parts = [f"{doc.path}: {doc.source.kind} ({doc.source.encoding}), {len(doc.source.lines)} lines, "
                 f"{len(doc.tables)} tables"]
    for source in doc.sources:
        if source.remarks:  # what the reader of a Word or Excel file left out or read as shown
            lead = f"[{at.files[source.path]}] " if at.files else ""
            parts.append("\n".join(f"{lead}reading note: {remark.zh if lang == 'zh' else remark.en}"
                                   for remark in source.remarks))
    if with_text:
        for source in doc.sources:
            width = len(str(len(source.lines)))
            lead = f"[{at.files[source.path]}] {source.path}\n" if at.files else ""
            parts.append(lead + "\n".join(f"{line.number:>{width}} p{line.page}  {_anchor(line)}{line.text}"
                                           for line in source.lines))
    for number, table in enumerate(doc.tables, start=1):
        parts.append(describe_table(table, number, doc.facts.reading(table), lang, at))
    parts.append(describe_forms(doc, at))
    parts.append(describe_claims(doc, at))
    parts.append(describe_matches(doc, at))
    if with_facts:
        parts.append(describe_facts(doc, at))
    return "\n\n".join(parts) + "\n"


def describe_index(entries: list[Entry]) -> str:
    """The index of the documents given: each file's department, level, kind, year and role,
    and where its department's name was read; the files linted as one document; the uncertain
    candidates, linted apart; each department's documents across years and kinds; and each
    unit matched to the department that lists it."""
    if not entries:
        return "index: no documents\n"
    root = os.path.commonpath([os.path.dirname(os.path.abspath(e.path)) for e in entries])

    def name(path: str) -> str:
        return os.path.relpath(os.path.abspath(path), root)

    rows = [[name(e.path), e.department or "?", e.level or "?", e.kind or "?", e.year or "?", e.role, e.origin or "-",
             e.tables, e.claims] for e in entries]
    parts = [f"index of {len(entries)} files under {root}:\n" + _indented(tabulate(
        rows, headers=["file", "department", "level", "kind", "year", "role", "named in", "tables", "claims"],
        tablefmt="simple", disable_numparse=True))]
    grouping = group(entries)
    by_path = {e.path: e for e in entries}
    documents = [f"{by_path[d[0]].department} {by_path[d[0]].year} {by_path[d[0]].kind}: "
                 + " + ".join(name(path) for path in d) for d in grouping.documents]
    parts.append("documents of several files, linted as one:\n" + _listed(documents))
    uncertain = [" + ".join(name(path) for path in u.paths) + f" ({u.reason})" for u in grouping.uncertain]
    parts.append("uncertain, linted apart:\n" + _listed(uncertain))
    across = []
    alone = 0
    for found in series(entries).values():
        if len(found) == 1:
            alone += 1
            continue
        times = Counter(f"{e.year or '?'} {e.kind or '?'}" for e in found)
        levels = "/".join(sorted({e.level for e in found if e.level})) or "?"
        across.append(f"{found[0].department} ({levels}): "
                      + ", ".join(f"{time} ({plural(n, 'file', 'files')})" for time, n in times.items()))
    if alone:
        across.append(f"{plural(alone, 'other department or unit', 'other departments and units')} with one file each")
    parts.append("departments and units across years and kinds:\n" + _listed(across))
    listed, unsure = units_listed(entries)
    units = [f"{by_path[path].department}: listed by " + ", ".join(f"{d.department} {d.year or '?'} {d.kind}" for d in lists)
             for path, lists in listed.items()]
    units += [" + ".join(name(path) for path in u.paths) + f" ({u.reason})" for u in unsure]
    parts.append("units matched to the department that lists them:\n" + _listed(units))
    documents_ = described(entries, grouping.documents)
    held, unsure = pairs(documents_)
    lines = [f"{_named(documents_[p.later])} held to {_named(documents_[p.earlier])} ({p.relation})" for p in held]
    lines += ["uncertain, not compared: " + " + ".join(name(path) for path in u.paths) + f" ({u.reason})" for u in unsure]
    parts.append("documents compared across (the checks across documents):\n" + _listed(lines))
    return "\n\n".join(parts) + "\n"


def describe_across(comparisons: list[Comparison]) -> str:
    """The comparisons the checks across documents made, as `auditlint` counts them: per pair of
    documents, every figure the later one states of the earlier's (where, as printed, what it
    is: its table, row and column, key, year and stage, how it was read), and the earlier's
    figure it was held to, with the verdict (agrees; a gap within the rounding of both; differs
    by so much). A figure one sentence states that may be read several ways lists each reading
    the earlier document prints."""
    if not comparisons:
        return "compared across documents: none\n"
    paths = [path for made in comparisons for path in (*made.later, *made.earlier)]
    root = os.path.commonpath([os.path.dirname(os.path.abspath(path)) for path in paths])
    parts = []
    for made in comparisons:
        lines = [f"{made.later_name} held to {made.earlier_name} ({made.relation}): "
                 f"{plural(made.compared, 'figure', 'figures')} compared, {made.differ} differ"]
        for number, restatement in enumerate(made.figures, 1):
            for reading, (statement, sources) in enumerate(restatement.sources):
                judged = restatement_verdict(statement, sources)
                if judged is None:
                    continue
                verdict, source = judged
                mark = f"{number}." if not reading else " " * len(f"{number}.")
                lines.append(f"    {mark} {_stated(statement, root)}")
                said = _verdict(verdict, statement, source)
                lines.append(f"    {' ' * len(mark)}   held to {_stated(source, root)}: {said}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _stated(figure: Stated, root: str) -> str:
    """A figure of a ledger: where, as printed, what it is and how it was read."""
    at = figure.location
    owner = f"of {figure.owner}" if figure.owner else ""
    key = " ".join(part for part in (figure.subject, figure.column, figure.scope, owner) if part)
    how = {"change": ", this year's amount less the change", "stated": ", as the sentence names it",
           "unchanged": ", this year's amount, stated unchanged"}.get(figure.how, "")
    doubts = "; ".join(d.en for d in figure.doubts)
    return (f"{os.path.relpath(os.path.abspath(at.path), root)}:{at.line} p{at.page}  {figure.text}  [{figure.label}; "
            f"{key}; {figure.year} {figure.basis or 'stage unsaid'}{how}]"
            + (f" (not proven: {doubts})" if doubts else ""))


def _verdict(verdict: Verdict, statement: Stated, source: Stated) -> str:
    if verdict == Verdict.AGREES:
        return "agrees"
    gap = f"{statement.value - source.value:+f}"
    return f"{gap}, within the rounding of both" if verdict == Verdict.ROUNDING else f"differs by {gap}"


def _named(doc: Described) -> str:
    return f"{doc.department} {doc.year or '?'} {doc.kind or '?'}"


def _listed(items: list[str]) -> str:
    return "\n".join(f"    {item}" for item in items) if items else "    none"
