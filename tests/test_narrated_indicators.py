"""The narrative's account of a self-evaluation's indicators against the values its form reports
(form-restatement): a rate stated by the indicator's name, a quality the indicator's name
asserts and the sentence denies."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.checks.form_restatement import FormRestatement
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.readers.text import read_text

FORM = ("整体绩效自评表\n单位名称\t某区行政审批局\n"
        "一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值\n"
        "管理效率\t预算编制\t预算编制合理性\t合理\t合理\n"
        "运行成本\t公用经费控制\t公用经费控制率\t≤100%\t69%\n\n")


def narrated(narrative: str):
    doc = parse_document(read_text("f.txt", ("某区行政审批局2025年度部门整体绩效自评报告\n\n" + narrative + "\n\n" + FORM).encode()))
    return [f for f in FormRestatement().check(doc, Options()) if f.logical.startswith("form-narrated")]


def test_a_sentence_denying_the_quality_the_form_reports_is_a_warning():
    [finding] = narrated("（2）预算编制合理性\n\n2025年单位测算依据不够充分，预算编制不够合理。")
    assert (finding.level, finding.stated, finding.expected) == (Level.WARNING, "预算编制不够合理", "合理")
    assert narrated("（2）预算编制合理性\n\n2025年单位测算依据充分，预算编制合理。") == []


def test_a_rate_stated_by_the_indicators_name_must_be_the_forms():
    [finding] = narrated("2025年公用经费预算11.08万元，实际支出7.76万元，公用经费控制率为70%。")
    assert (finding.level, finding.stated, finding.expected) == (Level.ERROR, "70%", "69%")
    assert narrated("2025年公用经费预算11.08万元，实际支出7.7万元，公用经费控制率为69%。") == []


def test_a_rate_of_another_indicator_or_no_rate_is_not_read():
    assert narrated("会议费控制率为70%，公用经费控制情况良好。") == []
