"""Budget units (预算单位) as data: the tables that print a row per unit, what a unit's row states
there, and how the narrative's sections name a unit.

A department's tables may print, under the department's row, a row per budget unit (本级, each
subordinate unit) with the unit's economic classes (基本支出表) or projects (项目支出表) under it,
and its narrative a section per unit ("二、深圳市劳动人事争议仲裁院 … 项目支出2,149.05万元"). A
figure of such a section is the unit's, printed in the unit's rows, never the department's.
"""
from __future__ import annotations

import regex

from auditlint.patterns import compile_lazily

# Per-unit tables whose total column states one quantity of each unit (its 基本支出, its 项目支出),
# and the quantity: the tables of economic classes and of projects.
UNIT_TOTAL_COLUMNS = {"basic_summary": "basic", "gpb_basic": "basic", "fiscal_basic": "basic",
                      "project_summary": "project", "project": "project"}
# Per-unit tables whose rows under a unit are its economic classes (基本支出 by class), and those
# whose rows under a unit are its projects.
CLASS_TABLES = frozenset({"basic_summary", "gpb_basic", "fiscal_basic"})
PROJECT_TABLES = frozenset({"project_summary", "project"})
# The quantities of a unit a column of a per-unit table may state by its header (支出总表 by unit:
# 支出总计 | 基本支出 | 项目支出); its total ("total") only in a table of spending.
UNIT_QUANTITIES = frozenset({"total", "basic", "project"})
SPENDING_TABLES = frozenset({"expenditure", "gpb_function", "gpb_economic", "fiscal_function"})
# What the narrative calls a unit's whole budget, after the unit's name: "深圳市劳动人事争议仲裁院
# 预算4,720.86万元" is the unit's total spending.
UNIT_TOTAL_WORDS = compile_lazily(r"^(?:部门|单位)?(?:支出)?预算(?:总额|总计|数)?$")

# Characters a unit's name is printed with or without: spaces, and the brackets around 本级 or a
# second name (深圳市社会保险基金管理局（本级） is 深圳市社会保险基金管理局本级 in the narrative).
NAME_NOISE = compile_lazily(r"[\s（）()“”\"'、]+")
# The narrative may drop the city before a unit's name (市建筑工务署本级 for 深圳市建筑工务署（本级）):
# a name may be matched from one of these characters of an administrative level on, when that
# character is within the first MAX_PLACE_PREFIX characters of the name.
PLACE_LEVELS = "省市区县"
MAX_PLACE_PREFIX = 6
# A unit's name shorter than this names no unit (本级, 中心): too short to be told from text.
MIN_UNIT_NAME = 5

# The levels of the narrative's headings, outermost first: 第三部分, 一、, （一）, 1., （1）. A
# unit's section ends at the next heading of its own level or an outer one.
HEADING_LEVELS: tuple[regex.Pattern, ...] = (
    compile_lazily(r"^第[一二三四五六七八九十]+部分"),
    compile_lazily(r"^[一二三四五六七八九十廿]+、"),
    compile_lazily(r"^[（(][一二三四五六七八九十廿]+[)）]"),
    compile_lazily(r"^\d+\s*[、.．](?!\d)"),
    compile_lazily(r"^[（(]\d+[)）]"),
)

# Economic classes as the narrative and the tables name them: 对个人和家庭的补助 (the table's row),
# 对个人和家庭的补助支出 and 对个人和家庭补助支出 (the narrative's) are one class. A class is known
# by its name without these words.
CLASS_NAME_FILLERS = compile_lazily(r"的|支出$")
