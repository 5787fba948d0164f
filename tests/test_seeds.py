"""The real seed documents (skipped without ../shared): what must be found, and nothing else."""
from __future__ import annotations

from auditlint.config import Settings
from auditlint.engine import run
from tests.conftest import seed_path


def duplicate_lines(shared, number: int) -> list[tuple[int, int]]:
    findings = run([str(seed_path(shared, number))], Settings(select=("duplicate-sentence",))).findings
    return [(f.related[0].location.line, f.location.line) for f in findings]


def test_seed_000_repeated_sentence_at_lines_171_to_173(shared):
    assert duplicate_lines(shared, 0) == [(171, 173)]


def test_seed_001_stutters_at_979_981_and_1026(shared):
    assert duplicate_lines(shared, 1) == [(979, 979), (981, 981), (1026, 1026)]


def test_seed_002_defines_a_glossary_term_twice_and_nothing_else_repeats(shared):
    # item 10 of its list of function codes (line 702) defines 事业单位医疗(项) again, item 5 did (line 694)
    assert duplicate_lines(shared, 2) == [(694, 702)]


def test_no_other_duplicate_findings_in_seeds_003_and_004(shared):
    for number in (3, 4):
        assert duplicate_lines(shared, number) == [], number
