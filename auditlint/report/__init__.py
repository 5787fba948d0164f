"""Reports: one module per output format. They format findings; they never compute."""
from __future__ import annotations

from typing import Callable

from auditlint.engine import LintResult
from auditlint.report import json_report, sarif, text

Renderer = Callable[[LintResult, str], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
}


def render(result: LintResult, fmt: str, lang: str) -> str:
    return FORMATS[fmt](result, lang)
