"""Reports: one module per output format. They format findings; they never compute."""
from __future__ import annotations

from typing import Callable

from auditlint.result import LintResult
from auditlint.report import github, html, json_lines, json_report, sarif, statistics, text

Renderer = Callable[[LintResult, str], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "json-lines": json_lines.render,
    "sarif": sarif.render,
    "github": github.render,
    "html": html.render,
}


def render(result: LintResult, fmt: str, lang: str, with_statistics: bool = False, colour: bool = False) -> str:
    """The report in `fmt`; the text format coloured when `colour` (a terminal that accepts it)."""
    if with_statistics:
        return statistics.render(result, lang, fmt)
    if fmt == "text":
        return text.render(result, lang, colour=colour)
    return FORMATS[fmt](result, lang)
