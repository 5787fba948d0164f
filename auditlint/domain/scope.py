"""The money a figure is about (its scope), as data: the words that name a source of money, the
money each kind of table covers, and what a column's header narrows it to.

A department's money is all its funds (ALL), of which 财政拨款 (FISCAL) is what the treasury
grants: 一般公共预算 (GPB), 政府性基金 (GOV_FUND) and 国有资本经营 (STATE_CAPITAL). A table of
all funds and one of 一般公共预算 only print different figures for the same code whenever the
department has other money, so figures are only compared within one scope.
"""
from __future__ import annotations

from auditlint.patterns import compile_lazily

ALL = "all"
FISCAL = "fiscal"
GPB = "gpb"
GOV_FUND = "gov_fund"
STATE_CAPITAL = "state_capital"
UNKNOWN = ""  # the paragraph narrowed the money, and the sentence does not say to what

SCOPE_NAMES = {ALL: "全部资金", FISCAL: "财政拨款", GPB: "一般公共预算", GOV_FUND: "政府性基金",
               STATE_CAPITAL: "国有资本经营", UNKNOWN: "?"}

# The sources of money a sentence can narrow its figures to, each with its scope. 一般公共预算
# takes the 财政拨款 after it ("一般公共预算财政拨款支出" is 一般公共预算 money only).
SCOPE_WORDS = compile_lazily(r"(?P<gpb>一般公共预算(?:财政拨款)?)|(?P<gov_fund>政府性基金)"
                             r"|(?P<state_capital>国有资本经营)|(?P<fiscal>财政拨款)")

# Which money each table of the document's totals covers. The 政府性基金 and 国有资本经营 tables
# total their own funds only.
TABLE_SCOPES = {"expenditure": ALL, "summary": ALL, "income": ALL, "basic_summary": ALL, "project_summary": ALL,
                "fiscal_summary": FISCAL, "gpb_function": GPB, "gpb_basic": GPB, "gpb_economic": GPB,
                "fiscal_function": FISCAL, "fiscal_basic": FISCAL}

# The funds' own tables: what they print of a class is that fund's money only (a 政府性基金
# table's 教育支出 is no figure of all funds).
FUND_TABLE_SCOPES = {"gov_fund": GOV_FUND, "state_capital": STATE_CAPITAL}


def table_scope(kind: str) -> str:
    """The money a table's rows are of: its kind's, all funds for a table of none."""
    return TABLE_SCOPES.get(kind) or FUND_TABLE_SCOPES.get(kind, ALL)


# A column that totals the sources beside it, rather than being one.
_TOTAL_COLUMN = compile_lazily(r"^(?:合计|总计|小计|收入总计|本年收入合计|财政指标)$")
_SPACES = compile_lazily(r"\s+")


def column_scope(name: str) -> str | None:
    """The money a column's header narrows its figures to, by its most specific words: the last
    part of a header under a group that names a source (财政拨款收入/政府性基金预算 is 政府性基金,
    财政拨款/小计 is 财政拨款); ALL for a total over every source; None for a source outside
    财政拨款 (事业收入, 其他收入, 上年结转 …) or a name that names none."""
    parts = [part for part in _SPACES.sub("", name).split("/") if part]
    for part in reversed(parts):
        found = SCOPE_WORDS.search(part)
        if found is not None:
            return found.lastgroup
        if not _TOTAL_COLUMN.match(part):
            return None
    return ALL if parts else None
