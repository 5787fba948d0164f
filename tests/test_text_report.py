"""The text report: ruff's `path:line:col: level rule message`, the page first for a PDF, the hint
and the related places indented beneath, wrapped to the terminal's width, colour only when asked,
English plurals right; and the GitHub annotations of a PDF finding."""
from __future__ import annotations

from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Location, display_width
from auditlint.report.github import annotation
from auditlint.report.text import render, summary, wrap
from auditlint.result import LintResult
from tests.conftest import SAMPLES

PDF = "corpus/2026年某市某某局部门预算.pdf"
LONG_ZH = ("正文中一般公共预算财政拨款支出为 12,345.67 万元，而《一般公共预算支出表》、《部门支出总表》、"
           "《财政拨款收支总表（支出）》为 12,354.67 万元，请核对上述各表与正文的数字是否一致")


def pdf_finding(level: Level = Level.ERROR) -> Finding:
    where = Location(PDF, 433, 9, 433, 18, page=18)
    return Finding("text-vs-table", level, Message(LONG_ZH, "the text gives " + LONG_ZH), where,
                   related=tuple(Related(Location(PDF, 600 + i, 20, 600 + i, 29, page=20 + i), Message(t, t))
                                 for i, t in enumerate(("一般公共预算支出表", "部门支出总表", "财政拨款收支总表（支出）"))),
                   hint=Message("12,345.67 与 12,354.67 像是相邻两位数字颠倒",
                                "12,345.67 and 12,354.67 look like two adjacent digits swapped"))


def widest(text: str, paths: tuple[str, ...]) -> int:
    """The widest line's display width, the paths a line starts with aside."""
    def width(line: str) -> int:
        path = next((p for p in paths if line.startswith(p)), "")
        return display_width(line) - display_width(path)
    return max(width(line) for line in text.splitlines())


def test_no_line_is_wider_than_the_terminal_paths_aside(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    result = LintResult(findings=[pdf_finding()], files=[PDF])
    for lang in ("zh", "en"):
        text = render(result, lang)
        assert widest(text, (PDF,)) <= 100, text
        assert len(text.splitlines()) > 3  # it did wrap
    report = cli("--lang", "zh", "--show-notes", SAMPLES).stdout
    assert widest(report, tuple(str(p) for p in SAMPLES.iterdir())) <= 100, report


def test_a_finding_is_one_line_of_location_level_rule_message_with_its_evidence_beneath():
    text = render(LintResult(findings=[pdf_finding()], files=[PDF]), "en", width=100)
    lines = text.splitlines()
    assert lines[0].startswith(f"{PDF}:p18:433:9: error text-vs-table")
    evidence = lines[1:lines.index("")]  # then a blank line, each file's counts and the summary
    assert evidence and all(line.startswith("    ") for line in evidence)
    body = " ".join(line.strip() for line in evidence)
    assert "hint: 12,345.67 and 12,354.67 look like two adjacent digits swapped" in body
    assert "see: 一般公共预算支出表 p20:600:20" in body and "财政拨款收支总表（支出） p22:602:20" in body
    assert lines[-1] == "1 finding: 1 error, 0 warnings, 0 notes; 1 file read, 0 unreadable"


def test_a_text_finding_has_no_page_and_colour_marks_the_level_only_when_asked():
    where = Location("doc.txt", 3, 5, 3, 9, page=2)
    finding = Finding("percentage", Level.WARNING, Message("差", "off"), where)
    plain = render(LintResult(findings=[finding], files=["doc.txt"]), "en", width=80)
    assert plain.splitlines()[0] == "doc.txt:3:5: warning percentage off"
    coloured = render(LintResult(findings=[finding], files=["doc.txt"]), "en", width=80, colour=True)
    assert "\x1b[" in coloured.splitlines()[0] and "\x1b[" not in coloured.splitlines()[-1]


def test_wrapping_breaks_between_chinese_characters_never_before_closing_punctuation():
    lines = wrap("甲乙丙丁，戊己庚辛。壬癸 alpha beta", 10, "", "  ")
    assert all(display_width(line) <= 10 for line in lines)
    assert not any(line.strip()[0] in "，。" for line in lines)
    assert "".join(line.strip() for line in lines).replace("alphabeta", "alpha beta") == "甲乙丙丁，戊己庚辛。壬癸alpha beta"


def test_plurals_and_counted_but_unlisted_notes():
    note = pdf_finding(Level.NOTE)
    one = LintResult(findings=[pdf_finding()], files=[PDF, "b.txt"])
    assert summary(one, "en") == "1 finding: 1 error, 0 warnings, 0 notes; 2 files read, 0 unreadable"
    listed = LintResult(findings=[pdf_finding(), note, note], files=[PDF]).listing(Level.WARNING)
    assert [f.level for f in listed.findings] == [Level.ERROR]
    assert summary(listed, "en") == ("3 findings: 1 error, 0 warnings, 2 notes; 1 file read, 0 unreadable; "
                                     "2 notes not listed (--min-level note lists them)")


def test_a_github_annotation_of_a_pdf_names_the_page_and_claims_no_line_of_the_file():
    line = annotation(pdf_finding(), "en")
    command, message = line.split("::")[1:]
    assert command.startswith("error file=")
    assert "line=" not in command and "col=" not in command
    assert "p18%2C text line 433%3A9" in command
    assert message.startswith("p18, text line 433:9: the text gives")
