"""What the narrative calls the figures the tables print, as data: the concept dictionary.

Each quantity a narrative restates has the words it is named by (its synonyms, matched against a
sentence's subject once spaces, numbering, a year and filler words are gone) and where the
tables print it. The document's totals (spending, income, 基本支出, 项目支出, 人员经费, 公用经费,
政府采购) are concepts with a quantity; the figures a table names in a row or a column (a function
or economic class, a project, a 三公 item, 机关运行经费) are named by their own label, under the one
name FIGURE_NAMES gives them. CLASS_NAMES are the 类 of the function and economic classifications,
which a narrative names whether or not its tables print them: an amount so named is a quantity
the tables should hold, and a narrative amount of none of these names nothing auditlint can check.
"""
from __future__ import annotations

import regex

from auditlint.patterns import compile_lazily

# Subjects the narrative uses for the document's totals, and the quantity they name.
CONCEPTS: tuple[tuple[regex.Pattern, str], ...] = (
    # the year's spending (支出预算) and income (收入预算); the whole budget (收支总预算) is both
    # (部门预算支出, 本年支出合计); 财政拨款 or 一般公共预算 before them names the money (一般公共预算财政
    # 拨款支出 is the 一般公共预算 tables' total)
    # (收入预算总计 and 本年支出预算合计 are the provincial template's: 支出预算总计 is what is left
    # of 收入、支出预算总计 before its amount)
    (compile_lazily(r"^(?:收支总预算|支出预算(?:总计|合计)?|收支预算总额|支出总预算|支出预算总额|支出总计|支出合计"
                    r"|本年支出(?:预算)?(?:合计|预算)?|部门预算支出|部门支出预算"
                    r"|(?:一般公共预算(?:财政)?拨款|一般公共预算|财政拨款)支出(?:预算|总计|合计)?)$"), "total"),
    (compile_lazily(r"^(?:收入预算(?:总计|合计)?|收入总预算|收入预算总额|收入总计|收入合计|本年收入(?:预算)?(?:合计|预算)?"
                    r"|部门预算收入|部门收入预算|财政拨款收入(?:预算)?(?:总计|合计)?)$"), "income"),
    (compile_lazily(r"^(?:一般公共预算)?(?:财政拨款)?基本支出$"), "basic"),
    (compile_lazily(r"^(?:一般公共预算)?(?:财政拨款)?项目支出$"), "project"),
    (compile_lazily(r"^人员经费$"), "personnel"),
    (compile_lazily(r"^公用经费$"), "public"),
    # "2025年政府采购预算612.36万元", "所属各预算单位政府采购预算总额4,542.69万元"
    (compile_lazily(r"^(?:.*?(?:单位|部门|本级))?政府采购预算(?:总额|总计)?$"), "procurement"),
)
# Tables whose first column's total is the year's spending of their money (of a 基本支出表 it is
# its 基本支出 only).
TOTAL_SPENDING_TABLES = frozenset({"expenditure", "summary", "gpb_function", "fiscal_function"})
# Tables that state one of the document's totals as a whole, in the total column of their first
# (合计) row: the 政府采购预算表 is the only table of the department's procurement.
WHOLE_TABLE_TOTALS = {"procurement": "procurement"}
# Those totals one table states: a narrative figure of theirs needs no second table to agree.
ONE_TABLE_QUANTITIES = frozenset(WHOLE_TABLE_TOTALS.values())


# The level a function class's name may be printed with, after it or inside it (一般公共服务（类）
# 支出, 卫生健康支出（类）, …（款）…（项）): the name is the same without it.
CLASS_LEVEL_MARK = compile_lazily(r"[（(][类款项][)）]")


# The kinds of government procurement: goods, works, services; and how a narrative names a
# kind's amount (政府采购货物预算, 货物类政府采购支出预算), its `kind` group the kind.
PROCUREMENT_KINDS = ("货物", "工程", "服务")
_KIND = "|".join(PROCUREMENT_KINDS)
PROCUREMENT_KIND_NAME = rf"(?:政府采购(?P<kind>{_KIND})类?|(?P<kind>{_KIND})类?(?:政府)?采购)"

# The names the narrative and the tables give one figure, and the one name it is indexed under
# (a name may take a group of its pattern: 政府采购{kind})
# (Shanghai's 三公 table heads a column 机关运行经费 or 机关运行费; the narrative's “三公”经费 is
# the 三公 table's 合计, COLUMN_TOTAL_NAMES). A name may end in the words that say which figure
# it is, a budget or an actual: 机关运行经费财政拨款预算, 机关运行经费支出.
FIGURE_NAMES: tuple[tuple[regex.Pattern, str], ...] = (
    (compile_lazily(r"^机关运行经?费"), "机关运行经费"),
    (compile_lazily(r"^(?:财政拨款)?三公经费"), "三公经费"),
    # the parts of 三公, as the 三公 table heads them and as narratives name them
    (compile_lazily(r"^因公出国[（(]?境[)）]?费用?"), "因公出国（境）费"),
    (compile_lazily(r"^公务用车购置及运行(?:维护)?费"), "公务用车购置及运行维护费"),
    (compile_lazily(r"^公务用车运行(?:维护)?费"), "公务用车运行维护费"),
    (compile_lazily(r"^公务用车购置费"), "公务用车购置费"),
    (compile_lazily(r"^公务接待费"), "公务接待费"),
    # the kinds of procurement (政府采购货物预算, 货物类政府采购支出预算): the 政府采购预算表's rows
    (compile_lazily(rf"^{PROCUREMENT_KIND_NAME}"), "政府采购{kind}"),
)

# Rows a table names by a word too short to name one thing elsewhere, and the name the narrative
# gives their figure: the 政府采购预算表's 货物, 工程 and 服务 (coded A, B, C).
SHORT_ROW_NAMES: dict[str, tuple[regex.Pattern, str]] = {
    "procurement": (compile_lazily(rf"^(?P<kind>{'|'.join(PROCUREMENT_KINDS)})类?$"), "政府采购{kind}"),
}


# One-row tables whose columns name the figures (the 三公 table's 因公出国（境）费, 公务接待费 …),
# and the name of the figure their first column (合计) totals.
NAMED_BY_COLUMN = frozenset({"sangong"})
COLUMN_TOTAL_NAMES = {"sangong": "三公经费"}

# The 类 of the government's function classification and of the economic classification of
# spending, as narratives name them (with or without a trailing 支出).
CLASS_NAMES = frozenset({
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出",
    "文化体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "医疗卫生与计划生育支出", "节能环保支出", "城乡社区支出",
    "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "资源勘探信息等支出", "商业服务业等支出", "金融支出",
    "援助其他地区支出", "自然资源海洋气象等支出", "国土海洋气象等支出", "住房保障支出", "粮油物资储备支出",
    "灾害防治及应急管理支出", "国有资本经营预算支出", "债务付息支出", "债务发行费用支出", "其他支出",
    "工资福利支出", "商品和服务支出", "对个人和家庭的补助", "对个人和家庭补助支出", "对个人和家庭的补助支出",
    "资本性支出", "对企业补助", "债务利息及费用支出",
})
