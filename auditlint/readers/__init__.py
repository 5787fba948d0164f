"""Readers turn a file into a `Source`: lines of cells with locations. They know nothing of budgets."""
from __future__ import annotations

from pathlib import Path

from auditlint.model import Source
from auditlint.readers.markdown import read_markdown
from auditlint.readers.text import UnreadableError, read_text

# The PDF reader (and its layout stage) is imported when a PDF is read: linting text never pays for it.

SUFFIXES = (".txt", ".md", ".pdf")
# Formats budget documents are also published in that auditlint cannot read yet: a folder's are
# listed, never skipped in silence, and a file named on the command line is refused with this.
NOT_YET = (".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".odt", ".ods", ".rtf")
NOT_YET_ADVICE = "convert to PDF or text; Word/Excel input is planned"


def read_source(path: str, options: dict | None = None) -> Source:
    """Read one file by its suffix; raise UnreadableError with a one-line reason when it cannot be."""
    suffix = Path(path).suffix.lower()
    if suffix in NOT_YET:
        raise UnreadableError(f"{suffix} files are not read yet: {NOT_YET_ADVICE}")
    try:
        data = Path(path).read_bytes()
    except PermissionError as exc:
        raise UnreadableError("permission denied") from exc
    except IsADirectoryError as exc:
        raise UnreadableError("is a directory") from exc
    except OSError as exc:
        raise UnreadableError(exc.strerror or str(exc)) from exc
    if not data.strip():
        raise UnreadableError("empty file" if not data else "empty file (only whitespace)")
    if suffix == ".md":
        return read_markdown(path, data)
    if suffix == ".pdf":
        from auditlint.readers.pdf import read_pdf

        return read_pdf(path, data, (options or {}).get("pdf_engine", "pdfium"))
    return read_text(path, data)


def preload(engine: str) -> None:
    """Import a PDF engine ahead of time (see readers.pdf.preload)."""
    from auditlint.readers.pdf import preload as preload_engine

    preload_engine(engine)


__all__ = ["NOT_YET", "NOT_YET_ADVICE", "SUFFIXES", "UnreadableError", "preload", "read_source"]
