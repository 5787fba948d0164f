"""The parser: a Source in, a Document out. It knows budgets but nothing of files or reports."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from auditlint.patterns import compile_lazily

from auditlint.model import Block, Claim, Document, Paragraph, Source, Table
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


@dataclass(frozen=True)
class FileParse:
    """What parsing reads of one file of a document on its own: its source (without its comment
    lines), its blocks and tables, its sentences and the money its sections' headings name, and
    the claims of its sentences as read with a document year (`year`; `claims` None when not
    read yet). A document of several files is assembled from its files' parses (assemble): a
    run that parsed a file alone to learn what it is (auditlint.index) keeps its parse
    (auditlint.kept), and parses nothing again when the file turns out to be half of a
    document. The sections' money is kept by each paragraph's number among the file's
    paragraphs, not by the paragraph's id(), which a paragraph written and read back does not
    keep."""

    source: Source
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...]
    sentences: Cleaned
    sections: tuple[tuple[int, str], ...]
    year: int | None = None
    claims: tuple[Claim, ...] | None = None


def parse_file(source: Source) -> FileParse:
    """One file cut into its paragraphs and tables on its own, so that no paragraph or table runs
    from one file into the next, with its sentences and its sections' money; its claims, which
    depend on the document's year, are read by assemble."""
    cleaned = without_comments(source)
    blocks = segment(cleaned)
    paragraphs = tuple(b for b in blocks if isinstance(b, Paragraph))
    scopes = section_scopes(paragraphs)  # the money each section's heading names, read once
    numbered = tuple((number, scopes[id(paragraph)]) for number, paragraph in enumerate(paragraphs) if id(paragraph) in scopes)
    return FileParse(cleaned, blocks, find_tables(cleaned), sentences(paragraphs), numbered)


def _paragraphs(part: FileParse) -> tuple[Paragraph, ...]:
    return tuple(b for b in part.blocks if isinstance(b, Paragraph))


def _sections(part: FileParse) -> dict[int, str]:
    """A file's sections' money by its paragraphs' id(), as the claims and the facts ask it."""
    paragraphs = _paragraphs(part)
    return {id(paragraphs[number]): money for number, money in part.sections}


def assemble(parts: Sequence[FileParse]) -> tuple[Document, tuple[FileParse, ...]]:
    """The document its files' parses make, the first file first, and the parses with their
    claims as read with the document's year (the first title that states one, else its
    tables'): a file's claims already read with that year are taken as they are. The facts are
    read over every file at once: a narrative amount of one file is linked to the table figure
    of another that it restates."""
    if not parts:
        raise ValueError("a document has at least one file")
    doc = Document(parts[0].source, tuple(b for part in parts for b in part.blocks),
                   tuple(t for part in parts for t in part.tables), companions=tuple(p.source for p in parts[1:]))
    year = document_year(doc)
    read = tuple(part if part.claims is not None and part.year == year else
                 replace(part, year=year, claims=tuple(extract(_paragraphs(part), part.sentences, year, _sections(part))))
                 for part in parts)
    cleaned: Cleaned = [sentence for part in read for sentence in part.sentences]
    sections = {key: money for part in read for key, money in _sections(part).items()}
    claims = [claim for part in read for claim in part.claims or ()]
    doc = replace(doc, claims=(*claims, *execution_rates(doc)))
    return replace(doc, facts=Facts(doc, cleaned, sections)), read


def parse_documents(sources: Sequence[Source]) -> Document:
    """Read one document published as one file or as several (a narrative and its tables apart),
    the first file first: each file parsed on its own (parse_file), then assembled as one."""
    return assemble([parse_file(source) for source in sources])[0]
