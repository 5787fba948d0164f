"""What a disclosure's tables are, as data: kinds recognised by their titles, code rules, header words.

Names vary by city and year (收支总表 / 部门财务收支预算总表 / 收入支出决算总表 …), so every kind
is a list of title patterns tried in order, most specific first. Checks and the parser read this
data; no budget knowledge hides in `if` chains elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from auditlint.patterns import compile_lazily



@dataclass(frozen=True)
class TableKind:
    """A standard table: its id, its usual name, and the title patterns that recognise it."""

    id: str
    name: str
    patterns: tuple[str, ...]
    two_sided: bool = False
    form: bool = False  # a form of labelled boxes (绩效目标表), not a grid of amounts


# "总表" is also printed "总体情况表" (Chongqing) or "预算总表".
_SUMMARY = r"(?:预算)?总(?:体情况)?表"

# Most specific first: the first kind whose pattern matches a title wins.
TABLE_KINDS: tuple[TableKind, ...] = (
    # Shanghai prints the 三公 figures and 机关运行经费 in one table, "“三公”经费和机关运行经费预算表".
    TableKind("sangong", "一般公共预算“三公”经费支出表",
              (r"三公.{0,6}经费.{0,8}表", r"三公.{0,6}经费.{0,2}[和及与、]机关运行经?费.{0,8}表",
               r"三公.{0,6}经费(?:[和及与、](?:会议费|培训费|机关运行经?费)){1,3}.{0,8}表")),
    TableKind("fiscal_summary", "财政拨款收支总表",
              (rf"财政拨款收[入支].{{0,6}}(?:支出)?.{{0,4}}{_SUMMARY}",), two_sided=True),
    # 一般公共预算机关运行经费支出预算表 is the 机关运行经费 table, though its title names 一般公共预算 支出.
    TableKind("agency_operation", "机关运行经费表", (r"机关运行经?费.{0,10}表",)),
    TableKind("gpb_basic", "一般公共预算基本支出表",
              (r"一般公共预算.{0,8}基本支出.{0,10}表",)),
    TableKind("gpb_economic", "一般公共预算支出表（按经济分类）",
              (r"一般公共预算.{0,8}支出.{0,6}表.{0,4}[（(]?(?:按|分)?经济分类",)),
    TableKind("gpb_function", "一般公共预算支出表",
              (r"一般公共预算.{0,8}支出.{0,8}表",)),
    TableKind("gov_fund", "政府性基金预算支出表", (r"政府性基金.{0,14}表",)),
    TableKind("state_capital", "国有资本经营预算支出表", (r"国有资本经营.{0,14}表",)),
    # The 财政拨款 tables of older templates and of budget units: spending of all 财政拨款 by
    # function (财政拨款支出预算表), and its 基本支出 by economic class (财政拨款基本支出预算表).
    TableKind("fiscal_basic", "财政拨款基本支出表", (r"财政拨款(?:预算)?基本支出.{0,10}表",)),
    TableKind("fiscal_function", "财政拨款支出表", (r"财政拨款(?:预算)?支出.{0,8}表",)),
    TableKind("summary", "部门收支总表",
              (rf"收[入支]?.{{0,4}}支出?.{{0,4}}{_SUMMARY}", rf"财务收支.{{0,4}}{_SUMMARY}"), two_sided=True),
    TableKind("income", "部门收入总表", (rf"收入.{{0,4}}(?:{_SUMMARY}|决算表)",)),
    TableKind("basic_summary", "基本支出总表", (rf"基本支出.{{0,2}}{_SUMMARY}", r"部门预算基本支出.{0,4}表")),
    TableKind("project_summary", "项目支出总表", (rf"项目支出.{{0,2}}{_SUMMARY}",)),
    TableKind("expenditure", "部门支出总表", (rf"支出.{{0,4}}(?:{_SUMMARY}|决算表)",)),
    TableKind("procurement", "政府采购预算表", (r"政府采购.{0,10}表",)),
    TableKind("purchase_services", "政府购买服务预算表", (r"政府购买服务.{0,10}表",)),
    TableKind("performance", "绩效目标表", (r"绩效.{0,8}(?:目标|评价|自评).{0,10}表", r"自评表$"), form=True),
    TableKind("project", "项目支出表", (r"项目支出.{0,8}表",)),
)

# The word every kind's title pattern names, and every numbered caption (TABLE_NUMBER): a line
# without it is neither, and the finding of tables, which asks every line, passes it by at once.
TITLE_WORD = "表"

_KIND_PATTERNS = [(kind, compile_lazily(p)) for kind in TABLE_KINDS for p in kind.patterns]
# Any kind's title at all, in one search: most lines name no table, and are then asked once, not
# once per pattern (which kind is still the first pattern's, in order, that matches).
_ANY_KIND = compile_lazily("|".join(f"(?:{p})" for kind in TABLE_KINDS for p in kind.patterns))
_SPACES = compile_lazily(r"\s+")
_SENTENCE_MARK = compile_lazily(r"[。；，]")
KINDS_BY_ID = {kind.id: kind for kind in TABLE_KINDS}

# A body's name with its second name in brackets: 武汉市洪山区行政审批局（武汉市洪山区政务服务局）.
# Both are names of bodies (they end in what bodies are called); a bracket of another kind (本级,
# 2026年) is no second name.
_BODY = r"(?:局|委员会|厅|办公室|办|中心|院|所|部|处|站|队|政府|委|会)"
# The name starts after a title's year ("2024年度临港区…局（…）部门决算").
NAME_WITH_SECOND = compile_lazily(rf"(?:年度?)?(?P<name>(?<!年)\p{{Han}}{{4,30}}?{_BODY})[（(](?P<second>\p{{Han}}{{4,30}}?{_BODY})[)）]")
# What every such name holds, found far faster: a body's word against an opening bracket.
BODY_BEFORE_BRACKET = compile_lazily(rf"{_BODY}[（(]")

# The standard tables each kind of document must print (DOMAIN.md), as table kinds; a tuple of
# several kinds is one table that cities print under either. Only the tables every city's
# template has: Shenzhen's and Chongqing's 预算 templates print no 项目支出表, Chongqing's no
# 国有资本经营预算支出表, so a 预算 without them is no slip.
REQUIRED_TABLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "预算": (("summary",), ("income",), ("expenditure",), ("fiscal_summary",), ("gpb_function",),
           ("gpb_basic", "gpb_economic"), ("sangong",), ("gov_fund",)),
    "决算": (("summary",), ("income",), ("expenditure",), ("fiscal_summary",), ("gpb_function",),
           ("gpb_basic", "gpb_economic"), ("sangong",), ("gov_fund",), ("state_capital",)),
}
# What the tables a department may have nothing for are about: a sentence saying it has none
# ("本部门无政府性基金预算收支", "三公经费…为0", "一般公共预算拨款支出预算为0") stands for the
# table's note.
NOTHING_TO_REPORT = {"gov_fund": "政府性基金", "state_capital": "国有资本经营", "sangong": "三公", "project": "项目支出",
                     "gpb_function": "一般公共预算", "gpb_basic": "一般公共预算", "gpb_economic": "一般公共预算",
                     "agency_operation": "机关运行经费"}
# Between a subject and the word that says there is none of it: words of its clause, and a year,
# but no other figure ("政府性基金预算拨款100万元，比上年增加0万元" has some).
_TO_NONE = r"(?:[^。；;\d]|\d{4}\s*年)"
# Saying there is none: a word (无, but not 无变化, 无增减; 不存在, 未发生 as 决算 notes say it), or the amount 0
# in any unit or none ("为0；", "预算0万元", "为0.00万元"), or its table empty ("…支出表为空表"), never a change of 0
# (增加0万元, 减少了0万元) nor a rate (增长0%).
_NONE_WORDS = r"(?:无(?!变化|增减|差异|明显)|没有|未安排|不涉及|不存在|未发生)"
_ZERO = (r"(?:为零|为?空表|(?<![\d.,]|增加|减少|增长|下降|上升|降低|减|持平|了)\s*0(?:\.0+)?\s*(?:万?元)?(?![\d.%％]))")


def says_none_of(kind_id: str, text: str) -> bool:
    """Does the text say the department has none of what this table reports?"""
    subject = NOTHING_TO_REPORT.get(kind_id)
    return subject is not None and says_none(subject, text)


def says_none(subject: str, text: str) -> bool:
    """Does the text say the department has none of `subject` (政府性基金, 三公 …)?"""
    return bool(regex.search(rf"{_NONE_WORDS}[^。；]{{0,16}}{subject}|{subject}{_TO_NONE}{{0,24}}?(?:{_NONE_WORDS}|{_ZERO})",
                             text))


def says_none_of_title(title: str, text: str) -> bool:
    """Does the text say the department has none of something a table's title is about (its
    政府性基金, its 三公 …)? An empty 政府性基金预算支出功能分类预算表 is then in order."""
    compact = _SPACES.sub("", title)
    return any(says_none(subject, text) for subject in set(NOTHING_TO_REPORT.values()) if subject in compact)


# A title names a table: it is short and does not read as a sentence.
MAX_TITLE_LENGTH = 40


# A table's name cited by the narrative, not a title: quoted (《…收支预算总表》, “…预算表”中…), or
# the heading of the paragraph about it (十二、政府采购预算表情况说明).
_CITED = compile_lazily(r"表[》”]|说明$")


def table_kind(title: str) -> TableKind | None:
    """The standard table a title names, or None."""
    compact = _SPACES.sub("", title)
    if len(compact) > MAX_TITLE_LENGTH or _SENTENCE_MARK.search(compact) or _CITED.search(compact) \
            or not _ANY_KIND.search(compact):
        return None
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(compact):
            return kind
    return None


# The numbered caption some templates print above the title: 预算01表, 公开 02 表, 表1, 表 5-1.
TABLE_NUMBER = compile_lazily(r"^\s*(?:(?:预算|公开|部门)?\s*\d{1,2}(?:\s*-\s*\d)?\s*表|表\s*\d{1,2}(?:\s*-\s*\d)?)\s*$")

# 单位：万元 / 金额单位：元 / 单位: 万元 (the department line "单位：某局" is no unit).
UNIT = compile_lazily(r"(?:金额)?单位[：:](万元|元)(?![\p{Han}])")
# The unit in brackets after a title or a column's name: 预算数（万元）, 金额(元), （单位：万元）.
BRACKETED_UNIT = compile_lazily(r"[（(]\s*(?:(?:金额)?单位\s*[：:]\s*)?(万元|元)\s*[)）]")
_SPACED_UNIT = compile_lazily(r"(?:金额)?单位\s*[：:]\s*(万元|元)(?![\p{Han}])")


def unit_named(text: str) -> str:
    """The unit (万元 or 元) a title or header line names, wherever on it: 单位：万元 at its right
    end, or in brackets after a name; "" when it names none, or names both."""
    units = {m.group(1) for pattern in (BRACKETED_UNIT, _SPACED_UNIT) for m in pattern.finditer(text)}
    return units.pop() if len(units) == 1 else ""


def without_unit(text: str) -> str:
    """A title or a column's name without the unit printed in it (一般公共预算支出表（单位：万元）,
    预算数（万元）): the unit is the table's, no part of the name."""
    return _SPACED_UNIT.sub("", BRACKETED_UNIT.sub("", text)).strip()

# Header words of columns that number rows or columns and never hold amounts.
ORDINAL_HEADERS = compile_lazily(r"^(?:行\s*次|行|栏\s*次|序号)$")

# Header words of the columns that name a row rather than measure it.
LABEL_HEADERS = compile_lazily(
    r"^(?:项\s*目|科目名称|科目编码|(?:部门)?(?:功能|经济)分类科目(?:名称)?|单位名称|单位编码|单位代码|部门.{0,4}(?:名称|代码|编码)"
    r"|预算单位|支出项目类别|项目名称|项目类别|类|款|项|科\s*目|经济科目|功能科目.{0,2}|收\s*入|支\s*出)$")

# Header words of a column that holds codes (科目编码, 功能分类科目编码/类, 单位代码): never amounts,
# whatever digits it prints (its 款 and 项 parts, "05", "02", read as numbers, add up to nothing).
CODE_HEADER = compile_lazily(r"(?:编码|代码)$|^[类款项]$")


def names_codes(column: str) -> bool:
    """Does a column's header (its parts under a group, "功能分类科目编码/类") name a code column?"""
    return any(CODE_HEADER.search(part) for part in _SPACES.sub("", column).split("/") if part)


# A part of a code printed in a column of its own after the column of the code's first part: the
# two digits of a 款 (208 | 05) or of a 项 (208 | 05 | 02).
CODE_PART = compile_lazily(r"^\d{2}$")
# A code of the government procurement catalogue (政府采购品目分类目录): A goods, B works, C
# services, then digits for the item (A02010104). It is a row's code, not its name: 货物 beside
# it is.
CATALOGUE_CODE = compile_lazily(r"^[ABC]\d{0,8}$")

# The heading over one side of a two-sided table (本年收入 | 本年支出, 财政拨款收入 | 财政拨款支出).
SIDE_HEADING = compile_lazily(r"^(?:本年|财政拨款)(收入|支出)$")

# A heading of the narrative, which ends a table it follows: 其他相关情况说明, 名词解释.
SECTION_HEADING = compile_lazily(r"^.{0,30}(?:说明|名词解释)$")

# Words that mark a total row.
TOTAL_LABEL = compile_lazily(r"^(?:合\s*计|总\s*计|小\s*计|本年收入合计|本年支出合计|当年收入小计|当年支出小计|收\s*入\s*[总合]\s*计"
                           r"|支\s*出\s*[总合]\s*计)$")

# Notes that say a table is empty on purpose.
EMPTY_NOTE = compile_lazily(r"(?:备注|注)\s*[：:][^。]{0,20}(?:没有|无)[^。]{0,30}(?:支出|收入|经费|数据|安排)|本表无数据|无(?:此类|相关)?(?:收支|支出|数据)|本表本年无发生额|本(?:部门|单位).{0,20}(?:没有|无).{0,20}(?:支出|收入|经费|数据)|为空表")

# Second-row header words and the first-row parent they sit under (a merged two-row header read
# as a flat list of words).
HEADER_CHILDREN: dict[str, frozenset[str]] = {
    "基本支出": frozenset({"小计", "人员经费", "公用经费"}),
    "本年收入": frozenset({"小计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金",
                       "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"}),
    "公务用车购置及运行维护费": frozenset({"小计", "公务用车购置费", "公务用车运行维护费"}),
}

# Numbering of items in tables without codes, outermost first: 一、 （一） 1.
ENUMERATOR_LEVELS = (
    compile_lazily(r"^[一二三四五六七八九十廿]+、"),
    compile_lazily(r"^[（(][一二三四五六七八九十廿]+[)）]"),
    compile_lazily(r"^\d{1,2}[.、．](?!\d)"),
)
_DIGITS = "一二三四五六七八九"


def chinese_ordinal(numeral: str) -> int | None:
    """The number a Chinese numeral of an enumerator writes (三 → 3, 十二 → 12, 二十一 → 21, 廿 → 20),
    or None."""
    numeral = numeral.replace("廿", "二十")
    tens, _, units = numeral.rpartition("十") if "十" in numeral else ("", "", numeral)
    if "十" in numeral:
        ten = 1 if tens == "" else (_DIGITS.index(tens) + 1 if len(tens) == 1 and tens in _DIGITS else None)
    else:
        ten = 0
    unit = 0 if units == "" else (_DIGITS.index(units) + 1 if len(units) == 1 and units in _DIGITS else None)
    if ten is None or unit is None or (ten == 0 and unit == 0):
        return None
    return 10 * ten + unit


# The rows of a 项目支出表 by their first cell, outermost first: a department (014), a unit
# (014001), a group of projects (22 其他运转类, 31 本级支出项目), a project (42011126014Y000000100).
PROJECT_ROW_LEVELS = (compile_lazily(r"^\d{3}$"), compile_lazily(r"^\d{6}$"), compile_lazily(r"^\d{2}$"),
                      compile_lazily(r"^[0-9A-Z]{10,}$"))

# 本年收入合计 / 本年支出合计: the year's items added up; 收入总计 / 支出总计 / 总计: with carry-overs.
# Older templates word them 当年收入小计 / 当年支出小计, and 收入合计 / 支出合计 (after 上年结转资金 /
# 结转下年资金).
YEAR_TOTAL = compile_lazily(r"^(?:本年(?:收入|支出)合计|当年(?:收入|支出)小计)$")
GRAND_TOTAL = compile_lazily(r"^(?:(?:收入|支出)?总计|(?:收入|支出)合计)$")

# Columns that add up to a table's total column, by what their names say (compacted). Older
# templates' 支出预算总表 adds 单位预留机动经费 and 结转下年资金 to 基本支出 and 项目支出. A column
# of another kind (政府采购, a year's comparison) between them stops the identity: it is only
# checked when the total is followed by nothing but its parts.
EXPENDITURE_PARTS = compile_lazily(r"^(?:基本支出(?:/小计)?|项目支出|事业单位经营支出|经营支出|上缴上级支出|对附属单位补助支出"
                                   r"|单位预留机动经费|结转下年资金)$")
ECONOMIC_PARTS = compile_lazily(r"^(?:工资福利支出|商品和服务支出|对个人和家庭(?:的)?补助(?:支出)?|债务利息支出|债务还本支出"
                                r"|资本性支出(?:\(基本建设\)|（基本建设）)?|对企业补助(?:\(基本建设\)|（基本建设）)?"
                                r"|对社会保障基金补助|其他支出)$")
BASIC_PARTS = compile_lazily(r"^(?:基本支出/)?(?:人员经费|公用经费)$")
TOTAL_COLUMN = compile_lazily(r"^(?:本年支出/)?(?:合计|总计|小计|支出总计|本年支出合计)$|^.{0,12}基本支出/(?:合计|总计)$")


# The sources of a department's money, as income and project tables head their columns (the
# last words of a column under a group: 本年拨款/一般公共预算, 单位资金/上级补助收入), and the total
# over them.
SOURCE_PARTS = compile_lazily(r"^(?:一般公共预算|政府性基金预算|政府性基金|国有资本经营预算|财政专户管理资金|财政专户|单位资金|财政拨款"
                              r"|事业|事业单位经营|经营|上级补助|附属单位上缴|其他资金|其他)(?:财政)?(?:拨款)?(?:收入)?$"
                              r"|^上年结[转余](?:[、和]?结[转余])?$")
SOURCE_TOTAL = compile_lazily(r"^(?:合计|总计|小计|收入总计|本年收入合计)$")


def source_identities(names: list[str]) -> list[tuple[int, tuple[int, ...]]]:
    """合计 = the sources of money in its row (一般公共预算 + 政府性基金 + … + 单位资金), when every
    column after the total is a known source or the 小计 of a group of them (本年收入/小计 over
    本年收入/一般公共预算 …, 上年结转结余/小计 over its own), none an "of which" (其中). A group's
    小计 stands for its sources in the total, and is their sum. The same source in two groups
    (this year's, carried over) are two parts."""
    if not names or not SOURCE_TOTAL.match(names[0]) or len(names) < 3:
        return []
    groups: dict[str, list[int]] = {}
    subtotals: dict[str, int] = {}
    for index, name in enumerate(names[1:], start=1):
        group, _, last = name.rpartition("/")
        if last == "小计" and group and group not in subtotals:
            subtotals[group] = index
        elif _is_source(name):
            groups.setdefault(group, []).append(index)
        else:
            return []
    if any(group not in groups for group in subtotals):
        return []  # a subtotal over nothing it could be the sum of
    parts = sorted([*subtotals.values(), *(i for group, members in groups.items() if group not in subtotals
                                           for i in members)])
    return [(0, tuple(parts)), *((subtotals[group], tuple(groups[group])) for group in subtotals)]


_LIST_PUNCTUATION = compile_lazily(r"[、，,（）()]")


def _is_source(name: str) -> bool:
    """Is a column one source of money: its last words, all its words when a header wrapped
    inside the name ("上年结余/、结转"), or its words under its group when the source's own name
    wrapped ("财政拨款/一般公共/预算拨款")? A column under a group that names a source of money is
    one of its kinds (财政专户拨款收入/教育收费, 其他资金收入/事业收入), whatever its own name."""
    group, _, rest = name.partition("/")
    words = (name.rpartition("/")[2], name.replace("/", ""), rest.replace("/", ""))
    return any(SOURCE_PARTS.match(_LIST_PUNCTUATION.sub("", w)) for w in words) or \
        bool(rest and "/" not in rest and SOURCE_PARTS.match(group) and not OTHER_GROUP.match(rest))


SANGONG_PARTS = compile_lazily(r"^(?:因公出国[（(]境[)）]费(?:用)?|公务用车购置及运行(?:维护)?费(?:/小计)?|公务接待费)$")
# A column that opens another group after a total's parts (政府采购's 小计, 其中：…): no part of it.
OTHER_GROUP = compile_lazily(r"^(?:.*/)?(?:小计|合计)$|^其中")
CAR_PARTS = compile_lazily(r"^公务用车购置及运行(?:维护)?费/(?:公务用车)?(?:购置费?|运行(?:维护)?费)$")


# Fees a 三公 table prints beside the 三公 group (“三公”经费、会议费、培训费支出预算表): its 合计 is the
# group's 小计 and these.
FEE_PARTS = compile_lazily(r"^(?:会议费|培训费)$")
_TABLE_TOTAL = compile_lazily(r"^(?:合计|总计)$")


def _sangong_group(names: list[str]) -> list[tuple[int, tuple[int, ...]]]:
    """The identities of a 三公 group printed beside other fees: the group's 小计 (“三公”经费/小计)
    is its three kinds, and the table's 合计 is that 小计 and the fees (会议费, 培训费)."""
    for index, name in enumerate(names):
        group, _, last = name.partition("/")
        if last != "小计" or "三公" not in group:
            continue
        inner = [i for i, n in enumerate(names) if n.startswith(group + "/") and i != index]
        kinds = [i for i in inner if SANGONG_PARTS.match(names[i][len(group) + 1:])]
        if len(kinds) != 3:
            return []
        found = [(index, tuple(kinds))]
        rest = [i for i in range(1, len(names)) if i != index and i not in inner]
        if _TABLE_TOTAL.match(names[0]) and rest and all(FEE_PARTS.match(names[i]) for i in rest):
            found.insert(0, (0, (index, *rest)))
        return found
    return []



def column_identities(names: list[str]) -> list[tuple[int, tuple[int, ...]]]:
    """(total column, part columns) that must hold in every row, read from the column names.

    The first column, when it is a total, is the sum of the columns after it, provided each of
    them is a known part of it (基本支出, 项目支出, … or the economic classes, or 人员经费 and
    公用经费); a 基本支出 subtotal is the sum of 人员经费 and 公用经费. In the 三公 table the total is
    因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, and the car subtotal is its 购置费 +
    运行维护费; a 三公 group printed beside 会议费 and 培训费 holds its own (_sangong_group). An
    unknown column among the parts means the identity is not known, and it is not claimed. A table whose columns repeat one set under several headers holds the identities
    within each (_grouped_identities).
    """
    names = [_SPACES.sub("", n) for n in names]
    group = _sangong_group(names)
    totals = {total for total, _ in group}
    return [*group, *(i for i in _identities(names) or _grouped_identities(names) if i[0] not in totals)]


def _grouped_identities(names: list[str]) -> list[tuple[int, tuple[int, ...]]]:
    """The identities of a set of columns repeated under several headers, held within each: a
    year's group beside the prior year's (2025年预算数/合计 … 2026年预算数/合计 …), or every
    column split by the source of its money (总计/一般公共预算, 总计/政府性基金预算, 因公出国(境)费/
    一般公共预算 …: the 三公 identities hold among the 一般公共预算 columns, and among each other
    source's). A column outside every group is part of none."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, name in enumerate(names):
        first, _, rest = name.partition("/")
        if rest:
            groups.setdefault(("head", first), []).append(index)
            groups.setdefault(("tail", name.rpartition("/")[2]), []).append(index)
    identities = []
    for (side, _), members in groups.items():
        if len(members) < 3 or len(members) == len(names):
            continue  # too few to hold an identity; or every column, already read as one table
        inner = [names[i].partition("/")[2] if side == "head" else names[i].rpartition("/")[0] for i in members]
        identities.extend((members[total], tuple(members[p] for p in parts))
                          for total, parts in _identities(inner))
    return identities


# The column names _identities reads, compiled once (it is asked of every table).
_BASIC_GROUP = compile_lazily(r"^基本支出/")
_BASIC_SUBTOTAL = compile_lazily(r"^基本支出(?:/小计)?$")
_CAR_SUBTOTAL = compile_lazily(r"^公务用车购置及运行(?:维护)?费/小计$")
_BARE_TOTAL = compile_lazily(r"^(?:合计|总计)$")


def _identities(names: list[str]) -> list[tuple[int, tuple[int, ...]]]:
    group = names[0].split("/")[0] + "/" if names and "/" in names[0] else None
    while group and all(n.startswith(group) for n in names) and not _BASIC_GROUP.match(group):
        names = [n[len(group):] for n in names]  # one header over every column: 本年一般公共预算基本支出/合计 …
        group = names[0].split("/")[0] + "/" if "/" in names[0] else None  # … or two: 本年支出/预算数/合计
    sources = source_identities(names)
    if sources:
        return sources
    identities = []
    subtotal = next((i for i, n in enumerate(names) if _BASIC_SUBTOTAL.match(n)), None)
    basic = [i for i, n in enumerate(names) if BASIC_PARTS.match(n)]
    if subtotal is not None and len(basic) == 2:
        identities.append((subtotal, tuple(basic)))
    car = next((i for i, n in enumerate(names) if _CAR_SUBTOTAL.match(n)), None)
    car_parts = [i for i, n in enumerate(names) if CAR_PARTS.match(n)]
    if car is not None and len(car_parts) == 2:
        identities.append((car, tuple(car_parts)))
    sangong = [i for i, n in enumerate(names) if SANGONG_PARTS.match(n) or SANGONG_PARTS.match(n.replace("/", ""))]
    if names and _BARE_TOTAL.match(names[0]) and len(sangong) == 3:
        identities.append((0, tuple(sangong)))
        return identities  # the 三公 table: its total is the three kinds, whatever else it prints
    if names and TOTAL_COLUMN.match(names[0]):
        parts = []
        for i, name in enumerate(names[1:], start=1):
            if EXPENDITURE_PARTS.match(name) or ECONOMIC_PARTS.match(name):
                parts.append(i)
            elif BASIC_PARTS.match(name) and subtotal is not None:
                continue  # inside the 基本支出 group, counted through its subtotal
            elif BASIC_PARTS.match(name) and subtotal is None:
                parts.append(i)
            elif OTHER_GROUP.match(name):
                break  # the parts end where another group's total or an "of which" begins
            else:
                parts = []
                break
        if parts:
            identities.append((0, tuple(parts)))
    return identities


# Column names, as printed, and the quantity of expenditure each stands for.
_COLUMN_QUANTITY = (
    (compile_lazily(r"人员经费"), "personnel"),
    (compile_lazily(r"公用经费"), "public"),
    (compile_lazily(r"基本支出(?:/小计)?$"), "basic"),
    (compile_lazily(r"项目支出$"), "project"),
)


# A column of the year before the table's own: 上年 (not 上年结转, money carried into this year).
_PRIOR_YEAR = compile_lazily(r"上年(?!结)|上年度")
_YEAR_IN_NAME = compile_lazily(r"(20\d{2})年")


def prior_columns(columns: tuple[str, ...] | list[str]) -> set[int]:
    """The columns of an earlier year than the table's own: named 上年…, or a year before the
    latest one the columns name (a table printed in blocks, 2025年预算数 | 2026年预算数)."""
    years = [[int(y) for y in _YEAR_IN_NAME.findall(c)] for c in columns]
    latest = max((y for found in years for y in found), default=None)
    return {i for i, (name, found) in enumerate(zip(columns, years))
            if _PRIOR_YEAR.search(_SPACES.sub("", name)) or (found and max(found) < latest)}


# Columns of a final account's budget (年初预算数, 调整预算数) and of its actuals (决算数).
_INITIAL_BUDGET = compile_lazily(r"年初预算|调整(?:后)?预算|全年预算")
_FINAL = compile_lazily(r"决算")


def column_years(columns: tuple[str, ...] | list[str]) -> list[str]:
    """Which year's figure each column prints: "prior" (上年…, or an earlier year than the latest
    the columns name), "initial_budget" (a final account's 年初预算数 or 调整预算数), "final"
    (决算数), else "current"."""
    prior = prior_columns(columns)
    names = [_SPACES.sub("", c) for c in columns]
    return ["prior" if i in prior else "initial_budget" if _INITIAL_BUDGET.search(n) else "final" if _FINAL.search(n)
            else "current" for i, n in enumerate(names)]


def column_quantities(columns: tuple[str, ...], table_kind: str) -> dict[int, str]:
    """Which column states which quantity: the first column is the table's total when its name
    says so (a 基本支出表's total is 基本支出); others by name, the leftmost column of each
    quantity only (a 小计 further right belongs to another group, such as 政府采购), and only a
    name that names one quantity (人员经费/公用经费 run together names none). A column of an
    earlier year (prior_columns) states no quantity of the table's year. A header over every
    column (支出预算/合计, 支出预算/基本支出 …) names none of them."""
    quantities: dict[int, str] = {}
    names = [_SPACES.sub("", c) for c in columns]
    prior = prior_columns(names)
    group = names[0].partition("/")[0] + "/" if names and "/" in names[0] else ""
    if group and all(n.startswith(group) for n in names):
        names = [n[len(group):] for n in names]
    # the table's total: its first column, or the first of the table's year where a column of
    # the year before comes first (2025年预算数 | 2026年预算数/总计 | …)
    first = next((index for index in range(len(names)) if index not in prior), None)
    if first is not None and (first == 0 or prior) and TOTAL_COLUMN.match(names[first].rpartition("/")[2] if first else names[0]):
        quantities[first] = "basic" if table_kind == "gpb_basic" else "total"
    for index, name in enumerate(names):
        if index in prior:
            continue
        named = [quantity for pattern, quantity in _COLUMN_QUANTITY if pattern.search(name)]
        if len(named) == 1 and named[0] not in quantities.values():
            quantities[index] = named[0]  # a name with two quantities' words is a header run together
    return quantities
