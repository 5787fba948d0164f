"""The words of a performance form, as data: the labels of its boxes and the headers of its
indicator grid, each with the synonyms templates print for it.

A form (绩效目标表, 项目支出绩效目标申报表, 部门整体支出绩效目标表, 绩效自评表) is read as labelled
boxes and a grid of indicators (auditlint.parse.form_fields). A label is matched whole, with its
spaces removed, so that "项 目 名 称" and a label wrapped inside its cell read the same.
"""
from __future__ import annotations

import regex

from auditlint.patterns import compile_lazily

# Each field a form may state: its name (what auditlint calls it) and the labels printed for it,
# longest first within one field. `AMOUNT_FIELDS` hold money: their value is read as an amount.
FIELDS: dict[str, tuple[str, ...]] = {
    "项目名称": ("项目名称",),
    "单位名称": ("部门（单位）名称", "部门(单位)名称", "预算单位名称", "部门名称", "单位名称"),
    "主管部门": ("项目主管部门", "主管部门"),
    "实施单位": ("项目实施单位", "项目执行单位", "实施单位", "执行单位", "资金使用单位"),
    "项目期": ("项目期", "实施期限", "项目周期"),
    "起始年度": ("起始年度",),
    "终止年度": ("终止年度",),
    "项目总预算": ("项目总预算", "资金总额", "项目资金总额"),
    "年度资金总额": ("年度资金总额",),
    "当年预算": ("项目当年预算", "当年预算", "项目本年度预算"),
    "财政拨款": ("一般公共预算财政拨款", "财政拨款"),
    "财政专户拨款": ("财政专户拨款",),
    "其他资金": ("其他资金",),
    "年度目标": ("年度绩效目标", "年度目标"),
    "总体目标": ("长期绩效目标", "总体目标", "整体绩效目标", "长期目标"),
    # a department's self-evaluation: what it spent of each kind (基本支出总额, 项目支出总额)
    "基本支出总额": ("基本支出总额",),
    "项目支出总额": ("项目支出总额",),
}
AMOUNT_FIELDS = frozenset({"项目总预算", "年度资金总额", "当年预算", "财政拨款", "财政专户拨款", "其他资金", "基本支出总额",
                           "项目支出总额"})
# A money box whose label is wrapped in its cell, its unit on the next line and its amount alone
# on the line after ("项目支出总额（万" / "元）" / "310.18"): the pieces of the unit note, and the
# amount.
WRAPPED_UNIT_NOTE = compile_lazily(r"^[（(]?(?:万元|万|元)?[)）]?$")
LONE_AMOUNT = compile_lazily(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
# Spaces (and a label's colon), dropped before a label or a heading is read.
_SPACE = compile_lazily(r"\s")
_SPACE_OR_COLON = compile_lazily(r"[\s：:]")
# How many lines below its label a wrapped box's amount may stand (its unit note between).
WRAPPED_VALUE_REACH = 2
# The fields that say whose form it is: a form with none of them is not read with confidence.
NAME_FIELDS = ("项目名称", "单位名称")

# Labels of boxes a form prints whose value the model does not keep: they end the value of the
# field before them on the same line ("项目名称 一网通办工作经费 项目代码").
OTHER_LABELS: tuple[str, ...] = (
    "项目代码", "项目编码", "项目负责人", "联系电话", "项目属性", "项目类别", "项目类型", "填报人", "填报日期",
    "资金单位", "单位", "项目申请理由", "项目主要内容", "项目资金来源", "项目采购", "支出项目类别",
    "项目前两年预算及当年预算变动情况", "项目前两年预算",
)

# The labels of every box, longest first: a longer label wins where two start at one place
# (项目主管部门 before 主管部门).
_LABEL_FIELD = {label: name for name, labels in FIELDS.items() for label in labels}
_LABEL_FIELD.update({label: "" for label in OTHER_LABELS})
_LABELS = sorted(_LABEL_FIELD, key=len, reverse=True)
# A label at the start of a cell (or after a gap in running text), then its value, up to the next
# label: the label stands alone or is followed by ：, a space or a value.
LABEL = compile_lazily("(?P<label>" + "|".join(regex.escape(label) for label in _LABELS) + r")(?:\s*[：:])?")


def field_of(label: str) -> str | None:
    """The field a printed label names ("" for a box the model does not keep), or None when the
    text is no label. The label's spaces and trailing colon do not count."""
    return _LABEL_FIELD.get(_SPACE_OR_COLON.sub("", label))


# The columns of an indicator grid, by what the header cell names: a grid is a header naming at
# least the indicator and its target. 年初目标值（A） and 实际完成值（B） are a self-evaluation's.
INDICATOR_COLUMNS: dict[str, regex.Pattern] = {
    "level1": compile_lazily(r"^一级指标$"),
    "level2": compile_lazily(r"^二级指标$"),
    "name": compile_lazily(r"^(?:三级指标|指标名称|绩效指标)$"),
    "target": compile_lazily(r"^(?:年度指标值|指标值|年初目标值|目标值|预期目标值)(?:[（(]A[)）])?$"),
    "actual": compile_lazily(r"^(?:实际完成值|全年实际值|实际值|完成值)(?:[（(]B[)）])?$"),
    "weight": compile_lazily(r"^(?:指标分值|分值|权重)(?:[（(].*[)）])?$"),
    "score": compile_lazily(r"^得分$"),
}
# A sub-header under 指标值 that names several years (前年, 上年, 预计当年实现): the target of the
# year is the column naming the current year.
SUB_HEADER_YEARS = compile_lazily(r"前年|上年|近两年")
CURRENT_YEAR_COLUMN = compile_lazily(r"当年")
# The terms of a grid's targets: a title or goal line above its header, or the goal of its first
# row, starts with one (长期绩效目标表, 年度目标4:, 长期绩效目标1). Targets of different terms are
# different figures: a long-term ≤600万元 does not restate a year's 802万元.
LONG_TERM, ANNUAL = "长期", "年度"
TERM = compile_lazily(r"^(?:目标\d*[:：]?)?(?P<term>长期|年度)(?:绩效)?目标")
# The names of indicator groups by level, as the national templates print them ("数量指标1" is a
# second level): a first level's name under the second level's column, or the reverse, shows a
# row whose cells moved a column.
FIRST_LEVELS = frozenset({"产出指标", "效益指标", "满意度指标", "成本指标"})
SECOND_LEVELS = frozenset({"数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标", "生态效益指标",
                           "可持续影响指标", "服务对象满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标"})
_NUMBERED = compile_lazily(r"\d+$")


def is_group(text: str) -> bool:
    """Is a text the name of an indicator group (产出指标, 数量指标1), of either level?"""
    clean = _NUMBERED.sub("", _SPACE.sub("", text))
    return clean in FIRST_LEVELS or clean in SECOND_LEVELS


def group_level(text: str) -> int | None:
    """The level a group name stands for (1 or 2), or None; 成本指标 is either, so neither."""
    clean = _NUMBERED.sub("", _SPACE.sub("", text))
    first, second = clean in FIRST_LEVELS, clean in SECOND_LEVELS
    return None if first == second else (1 if first else 2)


# The points an indicator's name states at its end ("免费复印及时率 (4 分)"), when no column does.
NAME_POINTS = compile_lazily(r"\s*[（(]\s*(?P<points>\d{1,3}(?:\.\d{1,2})?)\s*分\s*[)）]\s*$")
# A line that ends the grid: its total, or the boxes printed under it.
GRID_END = compile_lazily(r"^(?:总分|合计|偏差|改进措施|备注|说明)")


# A grid header printed as words wrapped over several lines, one cell's words after another
# ("一级" / "指标" / "二级指标 三级指标" / "年初目标值" / "（A）" / "实际完成值" / "（B）"): the
# words of its columns in order, read off the lines joined. Besides the columns above, the words of
# columns the model does not keep (指标分类) and of the merged box left of the grid (年度绩效指标).
WRAPPED_HEADER_SKIPPED = (r"指标分类", r"指标性质", r"指标方向", r"年度绩效(?:指标|目标)", r"偏差原因分析及改进措施",
                          r"偏差原因", r"备注")
WRAPPED_HEADER_WORD = compile_lazily(
    "|".join(f"(?P<{column}>{pattern.pattern.strip('^$').replace('.*', '[^（()）]*')})"
             for column, pattern in INDICATOR_COLUMNS.items())
    + "|" + "|".join(f"(?:{word})" for word in WRAPPED_HEADER_SKIPPED))
# How many lines a wrapped header may run over, and how far above its 三级指标 it may start.
WRAPPED_HEADER_REACH = 8
# A row of a grid in running text: its cells are its words, a quantity's unit after a space joined
# to its number ("2 人", "121926.11 元", "≤3 次").
QUANTITY = compile_lazily(r"^(?:[≥≤≦≧<>＜＞=]|不低于|不高于|不少于|不超过)?\d+(?:\.\d+)?[%％]?$")
QUANTITY_UNIT = compile_lazily(r"^(?:[%％]|\p{Han}{1,3}(?:/\p{Han}{1,2})?)$")
# A word that qualifies the quantity after it ("不足 12 次"): one cell with it.
QUANTITY_WORD = compile_lazily(r"^(?:不足|不低于|不高于|不少于|不超过|约|超过|低于|高于|小于|大于)$")
# A cost indicator whose name says it is the project's budget (预算控制数): its target is the
# budget the form's execution row states (预算数), its actual value what was spent (执行数).
BUDGET_COST = compile_lazily(r"^(?:项目)?预算(?:控制)?(?:数|额|金额)$")
# An indicator whose name asserts a quality of its subject (预算编制合理性, 财务管理制度健全性):
# its actual value is the quality (合理), which a sentence may deny of the subject ("预算编制不够合理").
QUALITY_NAME = compile_lazily(r"^(?P<subject>\p{Han}{2,}?)(?P<quality>合理|健全|规范|科学|相符|合规|完整|准确|及时)性$")
DENIAL = "不够|不太|不|欠|未"
MONEY_VALUE = compile_lazily(r"^(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|元)$")


def indicator_column(text: str) -> str | None:
    """What a header cell of an indicator grid names (level1, level2, name, target, actual,
    weight, score), or None."""
    clean = _SPACE.sub("", text)
    return next((column for column, pattern in INDICATOR_COLUMNS.items() if pattern.match(clean)), None)


# A department's overall form (部门整体支出绩效目标表, 整体绩效自评表): its money is the department's,
# never a project's.
OVERALL_TITLE = compile_lazily(r"整体")
# The unit a form prints for its money: in its header (单位：万元), after a label (（万元）) or
# after a value (286.77万元).
FORM_UNIT = compile_lazily(r"(?:金额)?单位\s*[:：]\s*(?P<unit>万元|元)|[（(](?P<unit>万元|元)[)）]|\d\s*(?P<unit>万元|元)")
# The year a form's title names ("2024年江汉区项目支出(绩效目标）申报表", "（2023年度）"); a date
# (填报日期：2022年11月9日) names when it was filled in, not its year.
FORM_YEAR = compile_lazily(r"(?P<year>20\d{2})\s*年(?!\s*\d{1,2}\s*月)")
# The unit a field's value ends with ("286.77万元").
VALUE_UNIT = compile_lazily(r"\d\s*(?P<unit>万元|元)$")
# A trailing bracketed note of a project's name in its form ("行政审批工作经费（一级）"): the name
# without it is the project table's row.
NAME_NOTE = compile_lazily(r"\s*[（(][^（()）]*[)）]\s*$")
# The fields of a form's sources of money, the parts of its total (资金总额 = 财政拨款 + 财政专户拨款 +
# 其他资金), and those a form of boxes must print for its total to be held to them.
SOURCE_PARTS = ("财政拨款", "财政专户拨款", "其他资金")
REQUIRED_SOURCES = ("财政拨款", "其他资金")
# The money grid of a department's overall form (部门总体资金情况): a header naming the year's
# amount (当年金额), then the sources of income down to their 合计, then the kinds of spending
# down to theirs, each row a label and its amounts by column (the year's, its share, the two
# years before).
MONEY_GRID_HEADER = compile_lazily(r"当年金额")
MONEY_GRID_TOTAL = compile_lazily(r"^合\s*计$")
# A row of the grid that is an item of the row above it (其中：一般公共预算), not a part of the total.
OF_WHICH = compile_lazily(r"^其中")
# How many lines the grid may run below its header before its second 合计.
MONEY_GRID_REACH = 30
# The subject of the balance of a budget's money grid: the year's income is its spending.
BALANCE = "收支"


# An indicator's target read as one number: what may come before it (an operator, 合同金额=),
# the number, a multiplier and the unit after it ("≥1.6万户", "< 101.8万", "≤1500元/人/天").
TARGET_NUMBER = compile_lazily(r"\d+(?:[.,]\d+)*")
TARGET = compile_lazily(r"^(?P<before>[^\d]{0,8}?)(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)(?P<multiplier>万|亿)?"
                        r"(?P<unit>[^\d]{0,8})$")
MULTIPLIERS = {"万": 10000, "亿": 100000000}
# What does not tell two indicators apart: spaces, a leading number (1. 1、 (1) ①), quotes;
# brackets are compared as one kind.
INDICATOR_NAME_NOISE = compile_lazily(r"\s+|^(?:\d+[.、．]|[（(]\d+[)）]|[①-⑳])|[“”\"'‘’]")
BRACKETS = str.maketrans({"（": "(", "）": ")", "％": "%"})
# A project's name as forms of one project print it: the level some templates add after it
# （一级） does not name another project.
_PROJECT_NOISE = compile_lazily(r"\s+|[（(][一二三四五]级[)）]$")


def project_key(name: str) -> str:
    """A project's name as compared between its forms."""
    return _PROJECT_NOISE.sub("", name).translate(BRACKETS)

# What a target's words before its number say of the actual value that meets it: at least the
# number (≥95%, 不低于) or at most (≤1%, 不超过). A rate of 100% with no word is met only by 100%.
AT_LEAST = compile_lazily(r"[≥>＞]|不低于|不少于|大于|高于|以上")
AT_MOST = compile_lazily(r"[≤<＜]|不高于|不超过|小于|低于|以内|以下")


# --------------------------------------------------------------------------------------------
# Forms printed as a list, a row per project (auditlint.parse.form_list): Guangzhou's 项目支出绩效
# 目标表 (项目名称（资金使用单位） | 总计 | 财政拨款 | 财政专户拨款 | 其他资金 | 绩效目标 | 绩效指标),
# Shenzhen's 重点项目绩效目标 (二级预算单位名称 | 一级项目名称 | 预算数（万元） | 绩效目标).

# Each column a list's header may name: the field its cells are (a Form's field names), matched on
# the header cell without spaces. 总计 and 预算数 are the project's budget of the year.
LIST_COLUMNS: dict[str, regex.Pattern] = {
    "项目名称": compile_lazily(r"^(?:一级|二级)?项目名称(?P<units>[（(]资金使用单位[)）])?$"),
    "实施单位": compile_lazily(r"^(?:二级)?(?:预算)?单位名称$|^资金使用单位$"),
    "当年预算": compile_lazily(r"^(?:总计|预算数|预算金额)[：:]?(?:[（(](?:万元|元)[)）])?$"),
    "财政拨款": compile_lazily(r"^财政拨款$"),
    "财政专户拨款": compile_lazily(r"^财政专户(?:拨款|管理资金)$"),
    "其他资金": compile_lazily(r"^其他资金$"),
    "绩效目标": compile_lazily(r"^(?:年度)?绩效目标$"),
    "绩效指标": compile_lazily(r"^绩效指标$"),
}
LIST_MONEY = ("当年预算", "财政拨款", "财政专户拨款", "其他资金")
LIST_KEY = "项目名称"  # what every list's header prints: a line without it opens no list
# What a list's header must name: the project, its money, and its goal or its indicators.
LIST_GOALS = ("绩效目标", "绩效指标")
# The unit of a list's money, printed in its header (预算数（万元）).
LIST_UNIT = compile_lazily(r"[（(](?P<unit>万元|元)[)）]")
# A line that ends a list, printed from its left margin: a note under it (备注：无), a part of
# the narrative (第八部分 其他需要说明情况) or a heading (一、机关运行经费).
LIST_END = compile_lazily(r"^(?:(?:备\s*注|注|说\s*明)\s*[：:]|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)")
# The words of the narrative that introduce a list under no title ("本单位重点项目绩效目标情况如下："):
# the list is named by them.
LIST_TITLE = compile_lazily(r"(?:本(?:单位|部门))?(?P<title>[^，,。；;：:\s]*绩效目标)")
UNTITLED_LIST = "绩效目标"  # the name of a list no words introduce


_SPACE = compile_lazily(r"\s")


def list_column(text: str) -> tuple[str, bool] | None:
    """The field a list's header cell names, and whether it says that the units are rows of the
    list (项目名称（资金使用单位）: a unit's row over its projects'); None for no column."""
    clean = _SPACE.sub("", text)
    for name, pattern in LIST_COLUMNS.items():
        match = pattern.match(clean)
        if match:
            return name, bool(match.groupdict().get("units"))
    return None


# An indicator flattened into a list's cell: "1、1－产出指标，11－数量指标，项目专职环保员数量；实施
# 周期指标值：≦核定人数，年度指标值：≦核定人数；" (its number, its first level after its code, its
# second after its own, its name, the whole term's target, the year's). Each starts at the cell's
# start or after a semicolon, with its first level's code and name.
FLAT_INDICATOR_START = compile_lazily(
    r"(?:^|(?<=[;；]))\s*(?:\d{1,2}\s*[、.．]\s*)?\d\s*[－—-]\s*(?:" + "|".join(sorted(FIRST_LEVELS)) + r")\s*[，,]")
FLAT_INDICATOR = compile_lazily(
    r"^\s*(?:\d{1,2}\s*[、.．]\s*)?\d\s*[－—-]\s*(?P<level1>[^，,；;]+?)\s*[，,]\s*\d{2}\s*[－—-]\s*(?P<level2>[^，,；;]+?)"
    r"\s*[，,]\s*(?P<name>.+?)\s*[；;。]\s*实施周期指标值\s*[：:]\s*(?P<term>.*?)\s*[，,。；;]\s*年度指标值\s*[：:]\s*"
    r"(?P<year>.*?)\s*[;；]?\s*$")
