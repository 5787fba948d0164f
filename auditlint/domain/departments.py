"""Departments (部门) and budget units (单位) as data: how a document names the body it is of,
and how two names of one body are told to be one.

A document names its body in its title ("江苏省政协办公厅2018年度部门预算", "2026年北京市交通委员会
部门预算"), in its tables' headers ("部门：中共江苏省委办公厅  单位：万元", "单位名称：…",
"编制单位：…") and in its narrative's sentences ("江苏省政协办公厅 2019 年度收入、支出预算总计…").
The same body is printed under several names: the party's and the CPPCC's bodies under their full
name or their short one (中国共产党江苏省委员会办公厅, 中共江苏省委办公厅, 江苏省委办公厅), a
government's under 人民政府 or 政府. A name's key folds those forms into one; two documents are of
one body only when their keys are equal.
"""
from __future__ import annotations

import regex

from auditlint.patterns import compile_lazily

# The words the name of a body ends with: a name is a run of Han characters ending in one of
# these (北京市交通委员会, 江苏省政协办公厅, 深圳市建筑工务署); a place alone (江苏省) names no body.
ORGAN_ENDINGS = ("办公厅", "办公室", "委员会", "管理局", "工务署", "事务局", "总局", "分局", "局", "厅", "委", "署", "部",
                 "院", "办", "中心", "研究会", "联合会", "协会", "学会", "会", "馆", "所", "站", "队", "社", "校", "团",
                 "室", "处", "场", "园", "台")
_ENDING = "|".join(sorted(ORGAN_ENDINGS, key=len, reverse=True))

# A name of a body: Han characters (brackets allowed inside, as in 省档案馆（局）) ending in an
# organ word, at most this long, and perhaps its second name in brackets (上海市统计和大数据研究院
# （上海市统计数据管理中心）).
MAX_NAME = 40
NAME = compile_lazily(rf"^[\p{{Han}}（）()]{{2,{MAX_NAME}}}?(?:{_ENDING})(?:[（(][\p{{Han}}]{{1,20}}[)）])?$")

# The labels a table's header prints the body after, and the level each names: 部门 (a department's
# tables, its units added up) or 单位 (one budget unit's). "单位：万元" names the unit of money, not
# a body: a value that is a unit of money is no name.
HEADER = compile_lazily(r"(?P<label>部\s*门\s*(?:名\s*称)?|预算单位|单位名称|编制单位|填报单位|编报单位|单\s*位)"
                        r"\s*[:：]\s*(?P<name>[^\s:：]{2,60}?)(?=\s|$|(?:金额)?单位\s*[:：])")
HEADER_LEVELS = {"部门": "部门", "部门名称": "部门", "预算单位": "单位", "单位名称": "单位", "编制单位": "",
                 "填报单位": "", "编报单位": "", "单位": "单位"}
MONEY_UNIT = compile_lazily(r"^(?:万元|元|亿元|千元)")

# What the title says a document is of: a department's (部门预算, 部门决算) or a unit's (单位预算).
TITLE_LEVEL = compile_lazily(r"(?P<level>部门|单位)\s*(?:汇总)?\s*(?:预算|决算)")

# A sentence that opens with the body's name, then its year or 本年 (the narrative's own subject):
# "江苏省政协办公厅 2019 年度收入、支出预算总计", "江苏省委办公厅本年收入预算合计".
SUBJECT = compile_lazily(rf"(?:^|[，。；：、\s])(?P<name>[\p{{Han}}（）()]{{2,{MAX_NAME}}}?(?:{_ENDING}))"
                         r"\s*(?=20\d{2}\s*年|本年|本部门|部门预算|部门决算)")

# A subject that opens with the body's name before 本年 or 本部门 ("江苏省委办公厅本年收入预算合计"):
# the figure is named by what follows the name.
LEADING_NAME = compile_lazily(rf"^[\p{{Han}}（）()]{{2,{MAX_NAME}}}?(?:{_ENDING})(?=本年|本部门|本单位)")

# The short forms of a body's name, as (pattern, replacement) applied in order to a name with its
# spaces gone: the key of a name. The party's committee and the CPPCC's are printed under their
# full names or their short ones; a government under 人民政府 or 政府.
ALIASES: tuple[tuple[regex.Pattern, str], ...] = (
    (compile_lazily(r"^中国共产党(?P<place>\p{Han}+?[省市县区])委员会"), r"\g<place>委"),
    (compile_lazily(r"^中国人民政治协商会议(?P<place>\p{Han}+?[省市县区])委员会"), r"\g<place>政协"),
    (compile_lazily(r"^中共"), ""),
    (compile_lazily(r"人民政府"), "政府"),
    (compile_lazily(r"[（(]?本级[)）]?$"), ""),  # the department's own unit: 深圳市公安局（本级）
)
# What a name is printed with or without: spaces, quotes, and brackets round a second name's word.
NAME_NOISE = compile_lazily(r"[\s“”\"'·]+")


def department_key(name: str) -> str:
    """The key of a body's name: its short form, so that every printed form of one name is one
    key (中国共产党江苏省委员会办公厅, 中共江苏省委办公厅 and 江苏省委办公厅 are 江苏省委办公厅)."""
    key = NAME_NOISE.sub("", name)
    for pattern, short in ALIASES:
        key = pattern.sub(short, key)
    return key


def is_name(text: str) -> bool:
    """Does a text read as the name of a body (a run of Han characters ending in an organ word)?"""
    return NAME.match(NAME_NOISE.sub("", text)) is not None
