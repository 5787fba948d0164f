"""Property-based tests: the number parser and the readers and parser never raise on any input,
and printed amounts parse back to their value in every form the documents print them."""
from __future__ import annotations

from decimal import Decimal

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from auditlint.agreement import Options
from auditlint.parse import parse_document  # noqa: E402
from auditlint.parse.numbers import parse_amount  # noqa: E402
from auditlint.plugins import load_checks  # noqa: E402
from auditlint.readers.markdown import read_markdown  # noqa: E402
from auditlint.readers.text import UnreadableError, read_text  # noqa: E402

AMOUNTS = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2,
                      allow_nan=False, allow_infinity=False)

# The vocabulary of a budget table, so that generated text reaches the table code paths.
WORDS = st.sampled_from([
    "表1", "部门收支总表", "一般公共预算支出表", "单位：万元", "单位：元", "科目编码", "科目名称", "合计", "小计",
    "基本支出", "项目支出", "人员经费", "公用经费", "本年收入", "上年结转", "收入", "支出", "总计", "201",
    "20101", "2010101", "301", "30101", "一般公共服务支出", "行政运行", "（一）", "一、", "1.", "其中：",
    "比上年增加", "下降", "%", "万元", "元", "12.30", "1,234.56", "0", "-", "—", "本单位无此项支出。", "行次",
    "栏次", "1", "2", "<!-- auditlint: disable -->", "|", "---", "。", "，", "：", "（", "）",
])
SEPARATORS = st.sampled_from([" ", "  ", "   ", "\t", "\t\t", "", "\u3000", "|"])
LINES = st.lists(st.tuples(WORDS, SEPARATORS).map("".join), max_size=12).map("".join)
DOCUMENTS = st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=40).map("\n".join)


@given(st.text(max_size=60))
def test_parse_amount_never_raises(text):
    value = parse_amount(text)
    assert value is None or isinstance(value, Decimal)


@given(AMOUNTS)
def test_printed_amounts_parse_back_to_their_value(value):
    forms = [f"{value:.2f}", f"{value:,.2f}"]
    if value >= 0:
        forms.append(f"{value:,.2f}".replace(",", ", ").replace(".", ". "))  # OCR: "4, 461. 66"
    for form in forms:
        assert parse_amount(form) == value, form


CHECKS = load_checks()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_any_text_document_is_read_parsed_and_checked_without_raising(text):
    for reader in (read_text, read_markdown):
        try:
            source = reader("generated.txt", text.encode("utf-8"))
        except UnreadableError:
            continue  # a refusal with a reason is an allowed outcome
        document = parse_document(source)
        for check, _ in CHECKS:
            list(check.check(document, Options()))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_with_a_reason(data):
    try:
        parse_document(read_text("generated.txt", data))
    except UnreadableError as exc:
        assert str(exc)
