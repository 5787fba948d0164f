"""Readers turn a file into a `Source`: lines of cells with locations. They know nothing of budgets."""
from __future__ import annotations

from pathlib import Path

from auditlint.model import Source
from auditlint.readers.markdown import read_markdown
from auditlint.readers.pdf import preload, read_pdf
from auditlint.readers.text import UnreadableError, read_text

SUFFIXES = (".txt", ".md", ".pdf")


def read_source(path: str, options: dict | None = None) -> Source:
    """Read one file by its suffix; raise UnreadableError with a one-line reason when it cannot be."""
    suffix = Path(path).suffix.lower()
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
        return read_pdf(path, data, (options or {}).get("pdf_engine", "pdfium"))
    return read_text(path, data)


__all__ = ["SUFFIXES", "UnreadableError", "preload", "read_source"]
