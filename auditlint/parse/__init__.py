"""The parser: a Source in, a Document out. It knows budgets but nothing of files or reports."""
from __future__ import annotations

from auditlint.model import Document, Paragraph, Source
from auditlint.parse.claims import extract
from auditlint.parse.narrative import segment
from auditlint.parse.tables import find_tables


def parse_document(source: Source) -> Document:
    """Read a source the way an auditor does: its tables, its paragraphs and what they claim."""
    blocks = segment(source)
    paragraphs = tuple(b for b in blocks if isinstance(b, Paragraph))
    return Document(source, blocks, find_tables(source), extract(paragraphs))
