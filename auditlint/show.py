"""`auditlint show`: what the linter understood of a document, so a user can check the linter.

Each table is printed as a grid of code, label and amounts, with its kind, unit, side and where it
is; what could not be read with confidence is printed as its notes. Then the claims of the
narrative (changes, completion rates, splits, shares of a named total), each with its year and
scope, what its own figures give and the first table figure each of its amounts restates; then
the narrative figures matched to table figures by name. `--text` prints the lines as the reader
produced them, numbered: for a PDF these are the line numbers findings refer to. `--facts` prints
every amount of the tables as the fact the checks read (auditlint.parse.facts). Each table says
whether its reading is trusted, and why not: only a trusted table's figures can prove an error.
"""
from __future__ import annotations

from decimal import Decimal

from tabulate import tabulate

from auditlint.agreement import fact_in_wan_yuan
from auditlint.domain import TABLE_KINDS
from auditlint.model import Amount, Change, Completion, Document, Fact, Form, Line, Location, Share, Table, TableReading
from auditlint.domain.scope import SCOPE_NAMES

KIND_NAMES = {kind.id: kind.name for kind in TABLE_KINDS}


def describe_table(table: Table, number: int, reading: TableReading | None = None, lang: str = "en") -> str:
    """A table as read: a head (kind, unit, where, trusted or not: in `lang`, what a reviewer
    checks first) and its grid (as printed; the column words stay those of the linter's debug
    view)."""
    loc = table.location
    kind = f"{KIND_NAMES.get(table.kind, table.kind)} ({table.kind})"
    if lang == "zh":
        head = [f"[{number}] {table.name}",
                f"    类型：{kind}  单位：{table.unit or '-'}  第 {loc.page} 页，第 {loc.line}-{loc.end_line} 行"]
    else:
        head = [f"[{number}] {table.name}",
                f"    kind: {kind}  unit: {table.unit or '-'}  page {loc.page}, lines {loc.line}-{loc.end_line}"]
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
        grid.append([row.location.line, code, row.label, *amounts])
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


def describe_claims(doc: Document) -> str:
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
            row = [claim.delta.location.line, "change", stated + (f", {claim.percent.text}%" if claim.percent else ""),
                   recomputed, (claim.current, claim.delta)]
        elif isinstance(claim, Completion):
            rate = f"{100 * claim.actual.value / claim.budget.value:.2f}%" if claim.budget.value else "-"
            row = [claim.percent.location.line, "completion",
                   f"{claim.actual.text} / {claim.budget.text}, {claim.percent.text}%", rate, (claim.budget, claim.actual)]
        elif isinstance(claim, Share):
            total = doc.facts.named_total(claim.base, claim.scope)
            value = fact_in_wan_yuan(total)[0] if total is not None else None
            rate = f"{100 * claim.amount.value / value:.2f}% of {total.amount.text}" if value else "-"
            row = [claim.percent.location.line, "share", f"{claim.amount.text}, {claim.percent.text}% of {claim.base}", rate,
                   (claim.amount,)]
        else:
            parts = " + ".join(f"{p.label} {p.amount.text}" for p in claim.parts)
            total = sum((p.amount.value for p in claim.parts), Decimal(0))
            row = [claim.total.location.line, "split" + (" (complete)" if claim.complete else ""),
                   f"{claim.total.text} = {parts}", f"parts add up to {total}",
                   (claim.total, *(p.amount for p in claim.parts))]
        year = str(claim.year) if claim.year is not None else "?"
        rows.append([row[0], row[1], year, SCOPE_NAMES[claim.scope], *row[2:4], _matches(row[4], matched)])
    if not rows:
        return "claims: none"
    body = tabulate(rows, headers=["line", "claim", "year", "scope", "as stated", "recomputed", "matched to"],
                    tablefmt="simple", disable_numparse=True)
    return "claims:\n" + "\n".join("    " + line for line in body.splitlines())


def _matches(amounts: tuple[Amount, ...], matched: dict[Location, list[Fact]]) -> str:
    """The table figures each of a claim's amounts was matched to, by name (see `describe_matches`)."""
    found = [f"{amount.text} = {_figure(figure)}" for amount in amounts for figure in matched.get(amount.location, [])[:1]]
    return "; ".join(found) or "-"


def _figure(figure: Fact) -> str:
    return f"{figure.table.name} {figure.amount.text} (line {figure.amount.location.line})"


def describe_matches(doc: Document) -> str:
    """Every narrative amount that names a quantity: the linked ones with the table figures they
    restate, then those not linked with why, then the tables the narrative never restates."""
    linked = [[link.amount.location.line, link.subject, link.amount.text, "; ".join(_figure(f) for f in link.facts)]
              for link in doc.facts.links if link.linked]
    unlinked = [[link.amount.location.line, link.subject, link.amount.text, link.reason]
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


def describe_facts(doc: Document) -> str:
    """Every amount the tables print, as a fact: where, in which table, row and column, what
    quantity of which money and year, in which unit, the row it adds up into, and whether it
    holds its table's sums."""
    rows = [[f.amount.location.line, f.table.name, f.row.code or f.row.label if f.row else "", f.column,
             f.concept or "-", SCOPE_NAMES.get(f.scope, f.scope) if f.scope else "?", f.year, f.unit or "?", f.amount.text,
             (f.parent.code or f.parent.label) if f.parent is not None else "-", f.level, "" if f.fits_its_table else "off"]
            for f in doc.facts.table_facts]
    if not rows:
        return "facts: none"
    body = tabulate(rows, headers=["line", "table", "row", "column", "concept", "scope", "year", "unit", "amount",
                                   "parent", "level", "sums"], tablefmt="simple", disable_numparse=True)
    return "facts:\n" + "\n".join("    " + line for line in body.splitlines())


def describe_form(form: Form, number: int) -> str:
    """A performance form as read: its fields (name: value, line) and its indicator grid, or why
    it was not read (its doubts)."""
    loc = form.location
    head = [f"form {number}: {form.table.title}  (page {loc.page}, lines {loc.line}-{loc.end_line})"]
    head.extend(f"    doubt: {doubt}" for doubt in form.doubts)
    for f in form.fields:
        amount = f"  = {f.amount.value}" if f.amount is not None else ""
        head.append(f"    {f.name}: {_short(f.text)}{amount}  (line {f.location.line})")
    if form.indicators:
        grid = [[i.location.line, i.term or "-", i.level1, i.level2, _short(i.name), _short(i.target),
                 _short(i.actual) if i.actual is not None else "-", i.weight.text if i.weight else "-",
                 i.score.text if i.score else "-"] for i in form.indicators]
        body = tabulate(grid, headers=["line", "term", "level 1", "level 2", "indicator", "target", "actual", "weight", "score"],
                        tablefmt="simple", disable_numparse=True)
        head.append(_indented(_indented(body)))
    elif not form.doubts:
        head.append("    indicators: none printed")
    return "\n".join(head)


def _short(text: str, width: int = 40) -> str:
    """A value cut to fit a line of the listing (a form's goals run to paragraphs)."""
    return text if len(text) <= width else text[:width - 1] + "…"


def describe_forms(doc: Document) -> str:
    """Every performance form of the document, as fields and a grid."""
    forms = doc.facts.forms
    if not forms:
        return "forms: none"
    return f"forms: {len(forms)}\n\n" + "\n\n".join(describe_form(form, n) for n, form in enumerate(forms, start=1))


def _anchor(line: Line) -> str:
    """Where an office file's line starts, as the file names it (`¶9`, `表2!A5`), before its text."""
    anchor = line.cells[0].location.anchor if line.cells else ""
    return f"{anchor}  " if anchor else ""


def render_document(doc: Document, with_text: bool = False, with_facts: bool = False, lang: str = "en") -> str:
    parts = [f"{doc.path}: {doc.source.kind} ({doc.source.encoding}), {len(doc.source.lines)} lines, "
             f"{len(doc.tables)} tables"]
    if doc.source.remarks:  # what the reader of a Word or Excel file left out or read as shown
        parts.append("\n".join(f"reading note: {remark.zh if lang == 'zh' else remark.en}" for remark in doc.source.remarks))
    if with_text:
        width = len(str(len(doc.source.lines)))
        parts.append("\n".join(f"{line.number:>{width}} p{line.page}  {_anchor(line)}{line.text}" for line in doc.source.lines))
    for number, table in enumerate(doc.tables, start=1):
        parts.append(describe_table(table, number, doc.facts.reading(table), lang))
    parts.append(describe_forms(doc))
    parts.append(describe_claims(doc))
    parts.append(describe_matches(doc))
    if with_facts:
        parts.append(describe_facts(doc))
    return "\n\n".join(parts) + "\n"
