"""Reports: one module per output format. They format findings; they never compute.

A format's module is imported when a report is rendered in it: the HTML report brings the PDF
renderer and Pillow, the statistics table tabulate, and a run that prints text needs neither.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditlint.result import LintResult

# Each format, by the module under auditlint.report that renders it (its `render(result, lang)`).
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "json-lines": "json_lines",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}


def render(result: LintResult, fmt: str, lang: str, with_statistics: bool = False, colour: bool = False) -> str:
    """The report in `fmt`; the text format coloured when `colour` (a terminal that accepts it)."""
    if with_statistics:
        from auditlint.report import statistics

        return statistics.render(result, lang, fmt)
    module = importlib.import_module(f"auditlint.report.{FORMATS[fmt]}")
    if fmt == "text":
        return module.render(result, lang, colour=colour)
    return module.render(result, lang)
