"""The accuracy ratchet on the seeds (skipped without ../shared): core recall never falls below
the floor recorded in bench/accuracy_floor.json, and at most one error-level finding matches no
gold item."""
from __future__ import annotations

import importlib.util
import json
import sys

from tests.conftest import ROOT

FLOOR = json.loads((ROOT / "bench" / "accuracy_floor.json").read_text(encoding="utf-8"))


def load_bench(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_core_recall_and_unmatched_errors_hold_the_ratchet(shared):
    accuracy = load_bench("accuracy")
    scores = accuracy.score(shared)
    assert accuracy.core_recall(scores) >= FLOOR["core_recall"]
    unmatched = accuracy.unmatched_errors(scores)
    assert len(unmatched) <= FLOOR["max_unmatched_errors"], [f.message.en for f in unmatched]


def test_a_finding_touching_a_gold_line_counts_and_one_elsewhere_does_not():
    accuracy = load_bench("accuracy")
    from auditlint.findings import Finding, Level, Message, Related
    from auditlint.model import Location

    item = accuracy.GoldItem("000", "x", "sum", (109, 111), "high", "")
    at = lambda line, end=None: Location("f.txt", line, 1, end or line, 2)  # noqa: E731
    plain = lambda loc, related=(): Finding("r", Level.ERROR, Message("", ""), loc, related)  # noqa: E731
    assert item.touched_by(plain(at(111)))
    assert item.touched_by(plain(at(100, 110)))
    assert item.touched_by(plain(at(5), (Related(at(109), Message("", "")),)))
    assert not item.touched_by(plain(at(112)))
