"""A document of several files (issue 26): a narrative and its tables published apart, linted as
one. samples/split_narrative_2025.txt and samples/split_tables_2025.txt are one department's
2025 budget in two files, with five slips planted across them (samples/README.md); each file
alone agrees with itself."""
from __future__ import annotations

import json
import shutil

import pytest

from auditlint.config import ConfigError, Settings
from auditlint.engine import run
from auditlint.model import Location
from auditlint.parse import parse_documents
from auditlint.readers.text import read_text
from tests.conftest import SAMPLES

NARRATIVE = SAMPLES / "split_narrative_2025.txt"
TABLES = SAMPLES / "split_tables_2025.txt"

# The planted slips (samples/README.md), each checked by hand: narrative line, rule, what the
# narrative states, what the tables give, and the line of the tables file that gives it.
SLIPS = {
    (19, "text-vs-table", "2565.58", "2,556.58"),  # 收支总预算; the tables' 支出总计 2,556.58
    (29, "percentage", "65.05%", "63.05%"),        # 1611.88 / 2556.58 = 63.048%
    (39, "text-vs-table", "2140.36", "2,104.36"),  # 农林水支出
    (51, "text-vs-table", "353.00", "335.00"),     # 泵站运行维护
    (61, "text-vs-table", "2.06", "2.60"),         # 公务接待费
}
TABLE_LINES = {19: {15, 17, 34}, 29: {15}, 39: {85}, 51: {155}, 61: {131}}


def copy_pair(folder):
    """The two sample files copied into `folder`; their paths there."""
    return shutil.copy(NARRATIVE, folder), shutil.copy(TABLES, folder)


def slips(findings) -> set[tuple[int, str, str, str]]:
    return {(f.location.line, f.rule, f.stated, f.expected) for f in findings}


def test_each_half_alone_agrees_with_itself():
    for path in (NARRATIVE, TABLES):
        result = run([str(path)])
        assert result.findings == [] and result.errors == [], path


def test_the_pair_linted_as_one_finds_every_planted_slip_with_a_place_in_each_file():
    result = run([str(NARRATIVE), str(TABLES)])
    assert result.documents == [(str(NARRATIVE), str(TABLES))]
    assert slips(result.findings) == SLIPS
    for finding in result.findings:
        assert finding.location.path == str(NARRATIVE)
        related = {r.location.line for r in finding.related if r.location.path == str(TABLES)}
        assert related == TABLE_LINES[finding.location.line], finding


def test_a_folder_groups_the_pair_by_itself_and_lints_the_other_samples_apart():
    result = run([str(SAMPLES)])
    assert result.documents == [(str(NARRATIVE), str(TABLES))]
    assert slips(f for f in result.findings if f.location.path == str(NARRATIVE)) == SLIPS
    assert len(result.files) == len(list(SAMPLES.rglob("*.txt")))


def test_two_narratives_for_one_table_set_are_linted_apart_with_a_notice(tmp_path):
    narrative, _ = copy_pair(tmp_path)
    shutil.copy(narrative, tmp_path / "draft_narrative.txt")
    result = run([str(tmp_path)])
    assert result.documents == [] and result.findings == []
    [notice] = result.notices
    assert "2 narrative, 1 tables" in notice.en and "draft_narrative.txt" in notice.en


def test_a_configured_document_is_linted_as_one_where_the_folder_is_uncertain(tmp_path, monkeypatch):
    copy_pair(tmp_path)
    shutil.copy(NARRATIVE, tmp_path / "draft_narrative.txt")
    (tmp_path / ".auditlint.toml").write_text(
        '[[documents]]\nfiles = ["split_narrative_2025.txt", "split_tables_*.txt"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from auditlint.config import resolve

    result = run(["."], resolve({}))
    assert result.documents == [("./split_narrative_2025.txt", "./split_tables_2025.txt")]
    assert slips(result.findings) == SLIPS
    assert result.notices == []


def test_a_configured_document_brings_its_other_files_into_the_run(tmp_path, monkeypatch):
    narrative, tables = copy_pair(tmp_path)
    monkeypatch.chdir(tmp_path)
    settings = Settings(documents=((str(tmp_path / "split_narrative_2025.txt"), str(tmp_path / "split_tables_2025.txt")),))
    result = run(["split_narrative_2025.txt"], settings)  # as a pre-commit hook names the changed file
    assert result.documents == [("split_narrative_2025.txt", "split_tables_2025.txt")]
    assert len(result.findings) == len(SLIPS)


def test_the_command_line_names_a_document(cli, tmp_path):
    narrative, tables = copy_pair(tmp_path)
    result = cli("--lang", "en", "--format", "json", "--document", f"{narrative},{tables}")
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert data["documents"] == [[narrative, tables]]
    assert {(f["location"]["line"], f["rule"]) for f in data["findings"]} == {(line, rule) for line, rule, *_ in SLIPS}


def test_a_file_named_in_two_documents_is_a_configuration_error(tmp_path):
    narrative, tables = copy_pair(tmp_path)
    settings = Settings(documents=((narrative, tables), (tables, narrative)))
    with pytest.raises(ConfigError, match="two documents"):
        run([narrative], settings)


@pytest.mark.parametrize("value, message", [
    ("documents = 3", "expected a list of documents"),
    ('[[documents]]\nfile = ["a.txt"]', "expected only the key `files`"),
    ('[[documents]]\nfiles = []', "no files named"),
    ('[[documents]]\nfiles = [1, 2]', "expected a list of glob patterns"),
])
def test_bad_documents_in_the_configuration_say_what_is_wrong(tmp_path, value, message):
    from auditlint.config import load_config

    config = tmp_path / ".auditlint.toml"
    config.write_text(value + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(config)


def test_setup_cfg_names_a_document_per_line(tmp_path):
    from auditlint.config import load_config

    config = tmp_path / "setup.cfg"
    config.write_text("[auditlint]\ndocuments =\n    a.txt, b.txt\n    c/*.pdf, d.pdf\n", encoding="utf-8")
    assert load_config(config)["documents"] == ((str(tmp_path / "a.txt"), str(tmp_path / "b.txt")),
                                                (str(tmp_path / "c/*.pdf"), str(tmp_path / "d.pdf")))


def test_a_file_of_the_document_that_cannot_be_read_is_said_and_the_others_are_linted(tmp_path):
    narrative, _ = copy_pair(tmp_path)
    missing = str(tmp_path / "tables_missing.txt")
    result = run([narrative], Settings(documents=((narrative, missing),)))
    assert [(e.path, e.reason) for e in result.errors] == [(missing, "No such file or directory")]
    assert result.files == [narrative] and result.findings == []


def test_a_finding_belongs_to_its_primary_file_for_per_file_ignores(tmp_path):
    narrative, tables = copy_pair(tmp_path)
    off_in_tables = Settings(per_file_ignores=(("split_tables_2025.txt", ("text-vs-table",)),), root=str(tmp_path))
    assert slips(run([narrative, tables], off_in_tables).findings) == SLIPS
    off_in_narrative = Settings(per_file_ignores=(("split_narrative_2025.txt", ("text-vs-table",)),), root=str(tmp_path))
    assert {rule for _, rule, *_ in slips(run([narrative, tables], off_in_narrative).findings)} == {"percentage"}


def test_a_finding_belongs_to_its_primary_file_for_suppressions(tmp_path):
    narrative, tables = copy_pair(tmp_path)
    lines = open(narrative, encoding="utf-8").read().splitlines()
    lines.insert(50, "<!-- auditlint: disable-next-line=text-vs-table -->")  # above 泵站运行维护 (line 51)
    open(narrative, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    table_lines = open(tables, encoding="utf-8").read().splitlines()
    table_lines.insert(130, "<!-- auditlint: disable-next-line=text-vs-table -->")  # above the 三公 row (line 131)
    open(tables, "w", encoding="utf-8").write("\n".join(table_lines) + "\n")
    found = {(f.location.path, f.location.line, f.rule) for f in run([narrative, tables]).findings}
    assert (narrative, 52, "text-vs-table") not in found  # 泵站运行维护, now line 52: suppressed in its own file
    assert (narrative, 62, "text-vs-table") in found  # 公务接待费: a comment in the tables file does not suppress it
    assert (tables, 131, "unused-suppression") in found


def test_a_baseline_records_a_finding_under_its_primary_file(tmp_path):
    from auditlint.baseline import write_baseline

    narrative, tables = copy_pair(tmp_path)
    baseline = str(tmp_path / "baseline.json")
    write_baseline(baseline, run([narrative, tables]).findings)
    assert json.loads(open(baseline, encoding="utf-8").read())  # recorded
    again = run([narrative, tables], baseline=baseline)
    assert again.findings == [] and again.baselined == len(SLIPS)


def test_every_report_names_the_other_file_of_a_related_place(tmp_path):
    from auditlint.report import render

    result = run([str(NARRATIVE), str(TABLES)])
    sarif = json.loads(render(result, "sarif", "en"))
    [pump] = [r for r in sarif["runs"][0]["results"] if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 51]
    assert pump["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("split_narrative_2025.txt")
    assert [r["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1] for r in pump["relatedLocations"]] \
        == ["split_tables_2025.txt"]
    assert pump["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 155
    text = render(result, "text", "en")
    assert f"see: 项目支出表 {TABLES}:155:14" in text.replace("\n        ", " ")
    assert f"{NARRATIVE} + {TABLES}: 5 errors (12 tables, 22 claims checked)" in text.replace("\n    ", " ")
    data = json.loads(render(result, "json", "en"))
    assert data["documents"] == [[str(NARRATIVE), str(TABLES)]]
    [pump_data] = [f for f in data["findings"] if f["location"]["line"] == 51]
    assert pump_data["related"][0]["location"]["path"] == str(TABLES)
    github = render(result, "github", "en")
    assert f"see: 项目支出表 {TABLES}:155:14" in github
    page = render(result, "html", "en")
    assert f"{TABLES} · 155:14" in page and "泵站运行维护\t特定目标类\t" in page.replace("&#x27;", "'")


def test_lines_of_several_files_keep_their_own_paths_and_numbers():
    first = read_text("a.txt", "滨江市临港区水务局2025年部门预算\n\n2025年基本支出944.70万元，其中：人员经费866.40万元，公用经费78.30万元\n".encode())
    second = read_text("b.txt", "本部门2025年“三公”经费预算8.00万元。\n".encode())
    doc = parse_documents([first, second])
    assert doc.paths == ("a.txt", "b.txt")
    assert [line.number for line in doc.lines_of("b.txt")] == [1]
    assert doc.lines_of("c.txt") == ()
    # a paragraph never runs from one file into the next, though the first ends mid-sentence
    assert [p.body.locate(0, 1).path for p in doc.paragraphs] == ["a.txt", "a.txt", "b.txt"]
    assert doc.facts.identity.location == Location("a.txt", 1, 10, 1, 19, 1)


def test_the_title_of_a_document_may_be_in_its_second_file():
    tables = read_text("t.txt", "部门收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n".encode())
    narrative = read_text("n.txt", "临港区水务局2025年部门预算\n".encode())
    doc = parse_documents([tables, narrative])
    assert doc.facts.identity.location.path == "n.txt" and doc.facts.year == 2025


def test_show_prints_several_files_as_one_document(cli):
    shown = cli("show", NARRATIVE, TABLES).stdout
    assert shown.startswith("a document of 2 files, 12 tables:\n")
    assert f"    [2] {TABLES}: text (utf-8), 158 lines" in shown
    assert "泵站运行维护" in shown and "项目支出表 335.00 (line 2:155)" in shown


def test_show_index_of_the_samples_groups_the_pair(cli):
    shown = cli("show", "--index", SAMPLES).stdout
    assert "    滨江市临港区水务局 2025 预算: split_narrative_2025.txt + split_tables_2025.txt" in shown
    row = next(line for line in shown.splitlines() if line.strip().startswith("split_tables_2025.txt"))
    assert row.split()[1:7] == ["滨江市临港区水务局", "部门", "预算", "2025", "tables", "title"]


FORM = """某区某局2025年部门预算
项目支出绩效目标申报表
项目名称\t{name}\t项目代码\t
项目主管部门\t某区某局\t项目执行单位\t档案室
项目总预算\t{budget}\t项目当年预算\t{budget}
年度绩效目标\t完成年度任务。
"""


def test_each_form_of_a_document_of_several_files_is_read_from_its_own_file():
    # both files print a form at the same line numbers: each is read from its own lines
    first = read_text("a.txt", FORM.format(name="档案数字化", budget="86.40").encode())
    second = read_text("b.txt", FORM.format(name="库房改造", budget="120.00").encode())
    doc = parse_documents([first, second])
    read = [(form.location.path, form.field("项目名称").text, form.field("当年预算").text,
             form.field("当年预算").location.path) for form in doc.facts.forms]
    assert read == [("a.txt", "档案数字化", "86.40", "a.txt"), ("b.txt", "库房改造", "120.00", "b.txt")]


def test_the_library_names_a_document_as_the_configuration_does(tmp_path, monkeypatch):
    import auditlint

    narrative, tables = copy_pair(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = auditlint.lint("split_narrative_2025.txt", documents=[["split_narrative_2025.txt", "split_tables_*.txt"]])
    assert result.documents == [("split_narrative_2025.txt", "split_tables_2025.txt")]
    assert slips(result.findings) == SLIPS


def test_a_word_narrative_and_an_excel_workbook_of_its_tables_are_one_document(tmp_path):
    # "in any mix of formats": the sample pair as a finance office drafts it, grouped by itself
    pytest.importorskip("docx")
    pytest.importorskip("openpyxl")
    from tests.office import sample_docx, sample_xlsx

    narrative = sample_docx(NARRATIVE.read_text(encoding="utf-8"), tmp_path / "说明.docx")
    tables = sample_xlsx(TABLES.read_text(encoding="utf-8"), tmp_path / "公开表.xlsx")
    result = run([str(tmp_path)])
    assert result.documents == [(str(narrative), str(tables))]
    assert {(f.rule, f.stated, f.expected) for f in result.findings} == {(rule, stated, expected) for _, rule, stated, expected in SLIPS}
    places = {(f.location.anchor, tuple(r.location.anchor for r in f.related if r.location.path == str(tables)))
              for f in result.findings}
    assert places == {("¶10", ("表1!D11", "表1!D13", "表3!C5")), ("¶15", ("表1!D11",)), ("¶20", ("表5!C15",)),
                      ("¶26", ("表10!C7",)), ("¶31", ("表7!F6",))}


def test_the_reading_notes_of_every_file_of_a_document_are_reported(tmp_path):
    pytest.importorskip("docx")
    openpyxl = pytest.importorskip("openpyxl")
    from tests.office import sample_docx, sample_xlsx

    sample_docx(NARRATIVE.read_text(encoding="utf-8"), tmp_path / "说明.docx")
    tables = sample_xlsx(TABLES.read_text(encoding="utf-8"), tmp_path / "公开表.xlsx")
    book = openpyxl.load_workbook(tables)
    book.create_sheet("底稿").sheet_state = "hidden"  # a hidden sheet of the second file: not read, and said
    book.save(tables)
    result = run([str(tmp_path)], Settings(select=("reading-note",)))
    assert len(result.documents) == 1
    assert [(f.location.path, f.rule) for f in result.findings] == [(str(tables), "reading-note")]
