"""The parser: a Source in, a Document out. It knows budgets but nothing of files or reports."""
from __future__ import annotations

from auditlint.model import Document, Source
from auditlint.parse.narrative import segment
from auditlint.parse.tables import find_tables


def parse_document(source: Source) -> Document:
    """Read a source the way an auditor does: its tables and its paragraphs, in order."""
    return Document(source, segment(source), find_tables(source))
