"""`auditlint show`: what the linter understood of a document, so a user can check the linter.

Each table is printed as a grid of code, label and amounts, with its kind, unit, side and where it
is; what could not be read with confidence is printed as its notes. `--text` prints the lines as
the reader produced them, numbered: for a PDF these are the line numbers findings refer to.
"""
from __future__ import annotations

from tabulate import tabulate

from auditlint.model import Document, Table
from auditlint.parse.domain import TABLE_KINDS

KIND_NAMES = {kind.id: kind.name for kind in TABLE_KINDS}


def describe_table(table: Table, number: int) -> str:
    loc = table.location
    where = f"page {loc.page}, lines {loc.line}-{loc.end_line}"
    head = [f"[{number}] {table.name}",
            f"    kind: {KIND_NAMES.get(table.kind, table.kind)} ({table.kind})  unit: {table.unit or '-'}  {where}"]
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


def render_document(doc: Document, with_text: bool = False) -> str:
    parts = [f"{doc.path}: {doc.source.kind} ({doc.source.encoding}), {len(doc.source.lines)} lines, "
             f"{len(doc.tables)} tables"]
    if with_text:
        width = len(str(len(doc.source.lines)))
        parts.append("\n".join(f"{line.number:>{width}} p{line.page}  {line.text}" for line in doc.source.lines))
    for number, table in enumerate(doc.tables, start=1):
        parts.append(describe_table(table, number))
    return "\n\n".join(parts) + "\n"
