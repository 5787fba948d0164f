"""Linear in size: a document twice as long costs twice the work, never four times.

Work is counted, not timed: the Python function calls a lint makes (cProfile's count is the same
on every run and on any machine), on the planted sample repeated. A pass that walks the whole
document for every table, or compares every sentence with every copy of a figure afresh, makes
the count grow with the square of the copies.
"""
from __future__ import annotations

import cProfile
import json
import pstats
from dataclasses import asdict, replace

from auditlint.config import Settings
from auditlint.engine import all_rules, lint_document
from auditlint.findings import Finding, Level, Message, Place, Related
from auditlint.model import Line, Location, Source, display_width
from auditlint.plugins import load_checks
from auditlint.report.text import atoms, wrap
from conftest import ROOT, SAMPLES

# Calls for 12 copies over calls for 3 (4 times the lines). Each finding's related places grow
# with the copies of the tables it restates (what the output must say), so a little over 4;
# before the passes were made linear it was 4.77 (now 4.04).
MAX_GROWTH = 4.3


def calls(path: str) -> int:
    """The calls of auditlint's own functions while linting `path` (the regex module's are left
    out: it compiles a pattern again when its cache of them overflows, whenever that is)."""
    loaded = load_checks()
    known = {info.id for info in all_rules(loaded)}
    profile = cProfile.Profile()
    profile.enable()
    outcome = lint_document((path,), loaded, Settings(), known, True)
    [finding.to_data() for finding in outcome.findings]
    profile.disable()
    ours = (str(ROOT / "auditlint"), str(ROOT / "checks"))
    return sum(counts[1] for (filename, _, _), counts in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
               if filename.startswith(ours))


def test_the_work_of_a_lint_grows_linearly_with_the_document(tmp_path):
    text = (SAMPLES / "planted_budget_2025.txt").read_text(encoding="utf-8")
    calls(str(SAMPLES / "planted_budget_2025.txt"))  # warm: patterns compiled on first use
    small, large = tmp_path / "three.txt", tmp_path / "twelve.txt"
    small.write_text(text * 3, encoding="utf-8")
    large.write_text(text * 12, encoding="utf-8")
    assert calls(str(large)) <= MAX_GROWTH * calls(str(small))


def test_lines_between_two_numbers_are_found_by_number_not_position():
    lines = tuple(Line(number, 1, f"line {number}", (), "prose") for number in (1, 2, 4, 5, 9))  # comment lines dropped
    source = Source("doc.txt", "text", "utf-8", lines)
    assert [line.number for line in source.between(2, 5)] == [2, 4, 5]
    assert [line.number for line in source.between(3, 3)] == []
    assert [line.number for line in source.between(6, float("inf"))] == [9]
    assert source.index_of(3) == 2 and source.index_of(10) == 5


def test_a_findings_data_is_what_asdict_gave():
    """to_data is written out field by field for speed; it must stay what asdict made of it."""
    full = Finding("text-vs-table", Level.ERROR, Message("甲", "a"), Location("d.pdf", 3, 4, 3, 9, 2),
                   (Related(Location("d.pdf", 7, 1, 7, 5, 3), Message("《表》", "table")),), "text:x", "1.00", "2.00",
                   "-1.00", Message("提示", "hint"), Place("表", "201", "合计"), "f" * 32)
    bare = Finding("placeholder", Level.NOTE, Message("乙", "b"), Location("d.txt", 1, 1, 1, 2))
    for finding in (full, bare):
        expected = asdict(finding)
        expected["level"], expected["related"] = finding.level.label, list(expected["related"])
        assert finding.to_data() == expected
        assert list(finding.to_data()) == list(expected)
        assert Finding.from_data(finding.to_data()) == finding


def measured_whole(text: str, width: int, lead: str, indent: str) -> list[str]:
    """wrap as it was: every candidate line measured whole."""
    lines: list[str] = []
    line, start, space = lead, lead, False
    for piece in atoms(text):
        if piece.isspace():
            space = line != start
            continue
        candidate = line + (" " if space else "") + piece
        if line != start and display_width(candidate) > width:
            lines.append(line)
            line = start = indent
            candidate = indent + piece
        line, space = candidate, False
    lines.append(line)
    return lines


def test_wrapping_counts_the_width_as_the_line_grows_and_breaks_where_it_did():
    text = ("正文中社会保障和就业支出为 171.84 万元，而《部门收支总表（支出）》、《部门支出总表》为 117.84 万元 "
            "see: table 1 75:28, 《一般公共预算支出表》 116:15, a/very/long/path/that/overflows/the/room.pdf p3:4:5")
    for width in (30, 40, 57, 80, 200):
        for lead in ("", "doc.txt:1:1: error rule ", "a-lead-wider-than-the-room-" * 3):
            assert wrap(text, width, lead, "    ") == measured_whole(text, width, lead, "    ")


def test_display_width_counts_wide_characters_twice_as_unicodedata_says():
    import random
    import unicodedata

    chance = random.Random(3)
    for _ in range(500):
        text = "".join(chr(chance.randint(32, 0x2FFFF)) for _ in range(chance.randint(0, 20)))
        assert display_width(text) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_a_files_findings_travel_with_each_related_place_once():
    from auditlint.findings import pack_findings, unpack_findings

    shared = Related(Location("d.txt", 9, 1, 9, 5), Message("《表》", "table"))
    findings = [Finding("text-vs-table", Level.ERROR, Message("甲", "a"), Location("d.txt", line, 1, line, 3),
                        (shared, Related(Location("d.txt", line, 5, line, 7), Message("乙", "b"))), f"text:{line}")
                for line in (1, 2, 3)]
    packed = pack_findings(findings)
    assert len(packed["places"]) == 4 and [f["related"][0] for f in packed["findings"]] == [0, 0, 0]
    back = unpack_findings(json.loads(json.dumps(packed)))
    assert back == findings and back[0].related[0] is back[2].related[0]
    # a place the same but for its anchor (which equality does not compare) keeps its own anchor
    anchored = [replace(findings[0], related=(Related(replace(shared.location, anchor="表1!C7"), shared.message),)),
                findings[1]]
    back = unpack_findings(json.loads(json.dumps(pack_findings(anchored))))
    assert [r.location.anchor for f in back for r in f.related][:2] == ["表1!C7", ""]
