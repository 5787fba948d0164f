"""The parser: a Source in, a Document out. It knows budgets but nothing of files or reports."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from auditlint.patterns import compile_lazily

from auditlint.model import Claim, Document, Paragraph, Source
from auditlint.parse.claims import extract
from auditlint.parse.context import section_scopes
from auditlint.parse.facts import Facts
from auditlint.parse.forms import execution_rates
from auditlint.parse.identity import document_year
from auditlint.parse.narrative import segment
from auditlint.parse.tables import find_tables
from auditlint.parse.wording import Cleaned, sentences

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
    return parse_documents((source,))


def parse_documents(sources: Sequence[Source]) -> Document:
    """Read one document published as one file or as several (a narrative and its tables apart),
    the first file first. Each file is cut into its paragraphs and tables on its own, so that no
    paragraph or table runs from one file into the next, and its sentences' claims are read
    with their own headings; the year is the document's (the first title that states one, else
    its tables'), and the facts are read over every file at once: a narrative amount of one
    file is linked to the table figure of another that it restates."""
    if not sources:
        raise ValueError("a document has at least one file")
    cleaned_sources = tuple(without_comments(source) for source in sources)
    parts = [(segment(source), find_tables(source)) for source in cleaned_sources]
    doc = Document(cleaned_sources[0], tuple(b for blocks, _ in parts for b in blocks),
                   tuple(t for _, tables in parts for t in tables), companions=cleaned_sources[1:])
    year = document_year(doc)
    cleaned: Cleaned = []
    sections: dict[int, str] = {}
    claims: list[Claim] = []
    for blocks, _ in parts:
        paragraphs = tuple(b for b in blocks if isinstance(b, Paragraph))
        own = sentences(paragraphs)
        scopes = section_scopes(paragraphs)  # the money each section's heading names, read once
        claims.extend(extract(paragraphs, own, year, scopes))
        cleaned.extend(own)
        sections.update(scopes)
    doc = replace(doc, claims=(*claims, *execution_rates(doc)))
    return replace(doc, facts=Facts(doc, cleaned, sections))
