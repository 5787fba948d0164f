"""Readers turn a file into a `Source`: lines of cells with locations. They know nothing of budgets."""
from __future__ import annotations

from pathlib import Path

from auditlint.model import Source
from auditlint.readers.markdown import read_markdown
from auditlint.readers.office import MACRO_SUFFIXES, macro_refusal
from auditlint.readers.text import UnreadableError, read_text

# The PDF, Word and Excel readers are imported when a file of theirs is read: linting text never
# pays for them (nor for the PDF engine and the layout stage).

# What a folder walk reads: macro-enabled Word and Excel files too, to refuse them by name.
SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".xlsx", *MACRO_SUFFIXES)
# Formats budget documents are also published in that auditlint does not read, with what to do:
# a folder's are listed, never skipped in silence, and a file named on the command line is
# refused with its advice.
NOT_YET = {
    ".doc": "save it as .docx in Word or WPS",
    ".wps": "save it as .docx in WPS",
    ".rtf": "save it as .docx",
    ".odt": "save it as .docx",
    ".xls": "save it as .xlsx in Excel or WPS",
    ".et": "save it as .xlsx in WPS",
    ".ods": "save it as .xlsx",
    ".ofd": "convert it to PDF",
}
NOT_YET_ADVICE = "save Word and WPS documents as .docx and spreadsheets as .xlsx, or convert them to PDF"


def read_source(path: str, options: dict | None = None) -> Source:
    """Read one file by its suffix; raise UnreadableError with a one-line reason when it cannot be.
    `options`: the PDF engine (`pdf_engine`), and the run's memory limit in MB (`max_memory`),
    which a Word or Excel file's unpacked parts must leave room under."""
    options = options or {}
    suffix = Path(path).suffix.lower()
    if suffix in NOT_YET:
        raise UnreadableError(f"{suffix} files are not read: {NOT_YET[suffix]}")
    if suffix in MACRO_SUFFIXES:
        raise UnreadableError(macro_refusal(suffix))
    try:
        data = Path(path).read_bytes()
    except PermissionError as exc:
        raise UnreadableError("permission denied") from exc
    except IsADirectoryError as exc:
        raise UnreadableError("is a directory") from exc
    except OSError as exc:
        raise UnreadableError(exc.strerror or str(exc)) from exc
    if not data or data.isspace():  # data.strip() would copy a whole PDF that ends in a newline
        raise UnreadableError("empty file" if not data else "empty file (only whitespace)")
    if suffix == ".md":
        return read_markdown(path, data)
    if suffix == ".pdf":
        from auditlint.readers.pdf import read_pdf

        return read_pdf(path, data, options.get("pdf_engine", "pdfium"))
    if suffix == ".docx":
        from auditlint.readers.docx import read_docx

        return read_docx(path, data, options.get("max_memory"))
    if suffix == ".xlsx":
        from auditlint.readers.xlsx import read_xlsx

        return read_xlsx(path, data, options.get("max_memory"))
    return read_text(path, data)


def preload(engine: str) -> None:
    """Import a PDF engine ahead of time (see readers.pdf.preload)."""
    from auditlint.readers.pdf import preload as preload_engine

    preload_engine(engine)


__all__ = ["NOT_YET", "NOT_YET_ADVICE", "SUFFIXES", "UnreadableError", "preload", "read_source"]
