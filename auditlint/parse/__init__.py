"""The parser: a Source in, a Document out. It knows budgets but nothing of files or reports."""
from __future__ import annotations

from dataclasses import replace

from auditlint.patterns import compile_lazily
from auditlint.model import Document, Paragraph, Source
from auditlint.parse.claims import extract
from auditlint.parse.context import section_scopes
from auditlint.parse.facts import Facts
from auditlint.parse.forms import execution_rates
from auditlint.parse.identity import document_year
from auditlint.parse.narrative import segment
from auditlint.parse.tables import find_tables
from auditlint.parse.wording import sentences

_COMMENT = compile_lazily(r"<!--.*?-->")


def is_comment_line(text: str) -> bool:
    """A line that holds only HTML comments (suppression directives): no content."""
    return "<!--" in text and not _COMMENT.sub("", text).strip()


def without_comments(source: Source) -> Source:
    """The source without its comment-only lines (the others keep their numbers), so that a
    suppression comment between two lines of a paragraph or a table leaves them together."""
    if not any(is_comment_line(line.text) for line in source.lines):
        return source
    return replace(source, lines=tuple(line for line in source.lines if not is_comment_line(line.text)))


def parse_document(source: Source) -> Document:
    """Read a source the way an auditor does: its tables, its paragraphs and what they claim
    (with the budget execution rows of its forms, which claim a completion rate), and finish it
    with its facts (auditlint.parse.facts), which the checks ask."""
    source = without_comments(source)
    blocks = segment(source)
    paragraphs = tuple(b for b in blocks if isinstance(b, Paragraph))
    cleaned = sentences(paragraphs)
    sections = section_scopes(paragraphs)  # the money each section's heading names, read once
    doc = Document(source, blocks, find_tables(source))
    doc = replace(doc, claims=extract(paragraphs, cleaned, document_year(doc), sections) + tuple(execution_rates(doc)))
    return replace(doc, facts=Facts(doc, cleaned, sections))
