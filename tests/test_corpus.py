"""The corpus PDFs (skipped without ../shared): every document's standard tables are found, and
PDFium and pdfminer.six read the same tables from the same file."""
from __future__ import annotations

import re

import pytest

from auditlint.parse import parse_document
from auditlint.readers import read_source
from tests.conftest import SHARED

CORPUS = sorted((SHARED / "corpus").glob("shenzhen/*.pdf")) + sorted((SHARED / "corpus").glob("chongqing/*.pdf"))
CORE_KINDS = {"summary", "income", "expenditure", "fiscal_summary", "gpb_function", "sangong", "gov_fund"}  # in every template


def tables(path, engine):
    return parse_document(read_source(str(path), {"pdf_engine": engine})).tables


def signature(table) -> tuple:
    """What a table says, spacing aside (engines differ on the space before full-width punctuation)."""
    squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    rows = tuple((r.code, squash(r.label), tuple(a.text if a else None for a in r.amounts), len(r.unplaced))
                 for r in table.rows)
    return table.kind, table.side, squash(table.title), tuple(squash(c) for c in table.columns), rows


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_engines_agree_and_the_standard_tables_are_there(path):
    pdfium = tables(path, "pdfium")
    assert [signature(t) for t in pdfium] == [signature(t) for t in tables(path, "pdfminer")]
    kinds = {t.kind for t in pdfium}
    assert CORE_KINDS <= kinds, CORE_KINDS - kinds
    assert not any(r.unplaced for t in pdfium for r in t.rows)
