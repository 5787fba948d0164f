"""The ledger gate (skipped without ../shared): the errors and warnings auditlint reports on every
corpus PDF and, where pdftotext is installed, on the pdftotext -layout text of each, are exactly
those bench/ledger.json proves by hand. A new one fails until it is proven and added, or its
misreading fixed; a lost one fails too."""
from __future__ import annotations

import os
import shutil

import pytest

from bench.ledger import LEVELS, compare, corpus_pdfs, lint_corpus, load_ledger
from tests.conftest import SHARED

WITH_TEXT = shutil.which("pdftotext") is not None


@pytest.fixture(scope="module")
def corpus_findings():
    """Every error and warning on the corpus, linted once for both tests."""
    if not corpus_pdfs(SHARED):
        pytest.skip("../shared/corpus is absent")
    return lint_corpus(LEVELS, WITH_TEXT, os.cpu_count() or 1, SHARED)


@pytest.mark.parametrize("level", LEVELS)
def test_the_findings_on_the_corpus_are_exactly_the_ledgers(corpus_findings, level):
    found, unlinted = corpus_findings
    extra, missing = compare([(key, f) for key, f in found if f.level.label == level], load_ledger(level, WITH_TEXT))
    assert unlinted == []
    assert [f"{key.file} p{key.page}:{finding.location.line} {key.rule}: {finding.message.en}"
            for key, finding in extra] == [], "not in the ledger: prove each and add it, or fix its misreading"
    assert [f"{entry['file']} p{entry['page']} {entry['rule']}: {entry['message']}" for entry in missing] == [], \
        "in the ledger but no longer found"
