"""Splits of the narrative: a total and the parts it is divided into, in every way the text lists them.

"X万元，其中：A万元、B万元" (or 包括) in one sentence; a list opening the next sentence ("…573.15
万元。其中：…"); a total announcing numbered paragraphs ("…包括：" then （一）（二）…), or a heading
that opens with its amount over the items numbered under it. Whether the parts make the whole of
their total (a complete decomposition) or are only some of it is what split-total needs to know.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Iterator, Sequence

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import Amount, Paragraph, Part, Sentence, Split
from auditlint import domain
from auditlint.domain.wording import CLAUSE, DOWN, LIST_OPENS, NUMBER, UP
from auditlint.parse.narrative import bracket_pairs
from auditlint.parse.wording import CleanText, Cleaned, Shifted

# "X万元，其中：", where X may be followed by its change ("394.49万元，较2025年减少2.48万元，其中：");
# or an amount and a colon ("大厅免费复印及文具耗材14万元：…文具用品3万元，印刷耗材费用12万元"), the
# breakdown of an item of a project's plan.
# The words may announce the list with a colon ("主要包括："), which then runs to the sentence's end,
# like any after 其中 or 包括; without one, 主要包括/主要用于 list only to the end of their clause
# ("主要包括体育竞赛3,017万元，主要用于…；").
_SPLIT = compile_lazily(rf"(?P<total>{NUMBER})\s*万元(?P<change>\s*[，,]?\s*(?:比|较|与){CLAUSE}{{0,24}}?"
                        rf"(?:{UP}|{DOWN})了?\s*(?:{NUMBER})\s*万元)?(?:\s*[，,]?\s*(?P<words>{LIST_OPENS})\s*(?P<colon>[：:])?[，,]?"
                        rf"|\s*[：:])")  # this colon unnamed: read only with the words (one name twice is regex's alone)
# What ends a clause of a list: "；".
_CLAUSE_MARK = compile_lazily(r"[；;]")
# What a list opened without a colon by these words runs to: the end of its clause.
_CLAUSE_LONG = frozenset({"主要包括", "具体包括", "主要用于"})
# Text that ends on a direction of change (…增加, 减少了): the amount after it is a change.
_CHANGED = rf"(?:{UP}|{DOWN})了?\s*$"
_ENDS_IN_COMPARISON = compile_lazily(rf"(?:比|较|与){CLAUSE}{{0,24}}?{_CHANGED}")
# A part, and its share of the total when stated: "占28.51%", "占本年收入 100%" (a share of another
# base, 占一般公共预算支出的…, is not read as one of this total).
_SHARE = rf"\s*[，,]\s*占(?:本年)?(?:收入|支出)?(?:合计|总额|总计|预算)?的?\s*(?P<share>{NUMBER})\s*[%％]"
# A part's unit: 万元, or 元 after a zero, which is the same zero ("2.政府性基金预算拨款收入 0 元。").
_PART_UNIT = r"(?:万元|(?<=(?<![\d.,])0(?:\.0+)?\s*)元)"
_PART = compile_lazily(rf"(?P<label>[\p{{Han}}（）()]{{2,24}}?)\s*(?P<amount>{NUMBER})\s*{_PART_UNIT}(?:{_SHARE})?")

# Parts that together make the whole of their total (DOMAIN.md "Splits"): for each decomposition,
# the words of its kinds of part, and the words the total's own name must have (None: any total).
# Parts make the whole when each is of one of the kinds and every kind is there (公务用车 may come
# as 购置 and 运行维护, 本年 as several 本年… sources), under a total of that name: 人员经费 and
# 公用经费 make 基本支出, not a unit's whole budget.
COMPLETE_SPLITS: tuple[tuple[tuple[str, ...], str | None], ...] = (
    (("当年|本年", "上年结转|上年结余"), None),
    (("基本支出", "项目支出"), None),
    (("人员经费", "公用经费"), "基本"),
    (("货物", "工程", "服务"), "采购"),
    (("一般公共预算", "政府性基金", "国有资本经营"), "财政拨款"),
    (("因公出国", "公务接待", "公务用车"), "三公"),
    (("购置", "运行"), "公务用车"),
)
# The same, compiled once: _complete asks every kind of every decomposition of every part.
_COMPLETE_PATTERNS = tuple((tuple(compile_lazily(kind) for kind in kinds), total_words and compile_lazily(total_words))
                           for kinds, total_words in COMPLETE_SPLITS)
# A last part of 其他… (其他收入, 其他支出) is the rest of the total: the parts before it with it
# make the whole.
_REST = compile_lazily(r"^其他")


# A sentence that ends by announcing a list: "基本支出1004.47万元，按经济分类包括：".
_LIST_TOTAL = compile_lazily(rf"(?P<total>{NUMBER})\s*万元[^。；;：:]{{0,30}}?"
                             rf"(?:包括|其中|分别为|具体如下|如下|以下方面)\s*[：:]\s*$")
# The amount a heading opens with: "（一）本年财政拨款收入 110387.98 万元", "2026年度收入预算
# 110896.62万元，比…".
_FIRST_AMOUNT = compile_lazily(rf"^[^。；;%％]{{0,40}}?(?P<total>{NUMBER})\s*万元")
# Enumerators, outermost first: 一、 （一） 1. （1）.
_ENUMERATOR_PATTERN = (r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]\s*)?(?:(?P<chapter>[一二三四五六七八九十]+、)|(?P<section>[（(][一二三四五六七八九十]+[)）])"
                       r"|(?P<item>\d{1,2}、|\d{1,2}[.．](?!\d{1,2}(?!\d)))|(?P<point>[（(]\d{1,2}[)）]))")
_ENUMERATOR = compile_lazily(_ENUMERATOR_PATTERN)
_DEPTH = {"chapter": 0, "section": 1, "item": 2, "point": 3}
# An item of a numbered list that opens with its amount: "（二）对个人和家庭的补助 51.63 万元",
# "（一）因公出国（境）费用。2026 年预算数 50.33 万元", "（一）基本支出。基本支出预算 11161.56 万元".
_LIST_ITEM = compile_lazily(_ENUMERATOR_PATTERN + rf"\s*(?P<label>[\p{{Han}}（）()“”]{{2,24}}?)\s*"
                            rf"(?:[。.：:]\s*(?:\d{{4}}\s*年)?[\p{{Han}}“”]{{0,12}}?)?\s*(?P<amount>{NUMBER})\s*{_PART_UNIT}"
                            rf"(?:{_SHARE})?")
_CAPTION = compile_lazily(r"^\s*图\s*\d+\s*[：:]")
_CHANGE_WORDS = compile_lazily(rf"(?:比|较).{{0,20}}(?:{UP}|{DOWN})")


def _enumerator(text: str) -> tuple[int, int] | None:
    """The depth (一、 is 0, （一） 1, 1. 2, （1） 3) and the ordinal a paragraph opens with."""
    match = _ENUMERATOR.match(text)
    return (_DEPTH[match.lastgroup], _ordinal(match.group(match.lastgroup))) if match else None


def listed_splits(paragraphs: tuple[Paragraph, ...], cleaned: Cleaned) -> list[Split]:
    """A total and the numbered paragraphs after it that each open with a part, one level below
    it: （一）工资福利支出854.43万元 … （二）… The total either announces the list (its sentence
    ends with 包括：, or states it just before a sentence that only announces: 具体使用情况如下：)
    or opens its own paragraph ("（一）本年财政拨款收入 110387.98 万元" over 1. 2.
    3.); the latter is a list of parts only when the parts make a complete decomposition, which is
    what the split then says. The list ends at the first paragraph that is not its next item
    (deeper items and figure captions in between are skipped), so the parts read are never
    more than the list has."""
    clean_of, openings = _openings(paragraphs, cleaned)
    splits = []
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.sentences:
            continue
        found = _list_total(paragraph, clean_of)
        if found is None:
            continue
        total, subject, sentence, announced = found
        parts, whole_list = _list_items(paragraphs[index + 1:], openings.after(index), openings[index][1])
        complete = whole_list and (_complete(parts, subject) or _restated(parts, subject))
        if (len(parts) >= 2 or complete) and (announced or complete):
            splits.append(Split(total, tuple(parts), complete, sentence))
    return splits


# A sentence that only announces a list, its total stated in the sentence before: "2024年项目支出
# 2518.62万元，其中：一般公共预算本年拨款2518.62万元。具体使用情况如下：".
_ANNOUNCES = compile_lazily(r"^[^。；;\d]{0,16}?(?:如下|包括)\s*[：:]\s*$")
_COLONS = ("：", ":")


def _list_total(paragraph: Paragraph, clean_of: dict[int, CleanText]) -> tuple[Amount, str, Sentence, bool] | None:
    """The total a paragraph gives the numbered paragraphs after it, its name, the sentence that
    states it, and whether the paragraph announces the list: a last sentence that ends with 包括：
    (its amount, or the one amount of the sentence before when it states none), or else the
    amount a heading opens with."""
    last = clean_of[id(paragraph.sentences[-1])]
    # both announcing shapes end on a colon (and blanks), the first after an amount in 万元
    colon = last.text.rstrip().endswith(_COLONS)
    announced = _LIST_TOTAL.search(last.text) if colon and "万元" in last.text else None
    if announced:
        return (last.amount(paragraph, announced, "total"), _subject(last.text, announced.start("total")),
                paragraph.sentences[-1], True)
    if colon and _ANNOUNCES.match(last.text) and len(paragraph.sentences) >= 2:
        before = paragraph.sentences[-2]
        stated = sentence_total(paragraph, clean_of[id(before)])
        return (*stated, before, True) if stated else None
    first = clean_of[id(paragraph.sentences[0])]
    total = _FIRST_AMOUNT.search(first.text) if "万元" in first.text else None
    if total is None or _CHANGE_WORDS.search(first.text, 0, total.start("total")) or any(
            _ENUMERATOR.match(clean_of[id(s)].text) for s in paragraph.sentences[1:]):
        return None  # an amount that changed, or a paragraph with headings run into it: no heading's total
    return first.amount(paragraph, total, "total"), _subject(first.text, total.start("total")), paragraph.sentences[0], False


# A paragraph's opening text and the enumerator it opens with (depth, ordinal), if any.
Opening = tuple[CleanText, tuple[int, int] | None]


class _Openings:
    """Each paragraph's opening (`_opening`), by the paragraph's index, found when first asked:
    only the paragraphs after a total are read as its list's items, and most have none."""

    def __init__(self, paragraphs: tuple[Paragraph, ...], clean_of: dict[int, CleanText]) -> None:
        self._paragraphs, self._clean_of = paragraphs, clean_of
        self._found: dict[int, Opening | None] = {}

    def __getitem__(self, index: int) -> Opening | None:
        if index not in self._found:
            self._found[index] = _opening(self._paragraphs[index], self._clean_of)
        return self._found[index]

    def after(self, index: int) -> Iterator[Opening | None]:
        """The openings of the paragraphs after paragraph `index`, in order."""
        return (self[i] for i in range(index + 1, len(self._paragraphs)))


def _openings(paragraphs: tuple[Paragraph, ...], cleaned: Cleaned) -> tuple[dict[int, CleanText], _Openings]:
    """Each sentence's clean text by the sentence's id (cleaned once per document already), and
    each paragraph's opening (`_opening`)."""
    clean_of = {id(sentence): clean for _, sentence, clean in cleaned}
    return clean_of, _Openings(paragraphs, clean_of)


def _opening(paragraph: Paragraph, clean_of: dict[int, CleanText]) -> Opening | None:
    """A paragraph's first two sentences as one text (an item may name itself in the first and
    state its amount in the second), and the enumerator it opens with; None for an empty one."""
    if not paragraph.sentences:
        return None
    opening = [clean_of[id(s)] for s in paragraph.sentences[:2]]
    text = CleanText("".join(c.text for c in opening), sum((c.origin for c in opening), ()))
    return text, _enumerator(text.text)


def _list_items(following: tuple[Paragraph, ...], openings: Iterable[Opening | None],
                heading: tuple[int, int] | None) -> tuple[list[Part], bool]:
    """The parts the numbered paragraphs right after a total give: one level, numbered on
    without a gap, each opening with its amount, all deeper than the total's own heading; and
    whether the list was read to its end (not cut short by an item of its level that is not
    the next, or that gives no part)."""
    parts: list[Part] = []
    depth, expected = None, 0
    for item_paragraph, opening in zip(following, openings):
        if opening is None:
            break
        text, number = opening
        if number is None:
            if _CAPTION.match(text.text):
                continue
            break
        if depth is None:
            if heading is not None and number[0] <= heading[0]:
                break  # the next heading of the total's own level: no list under it
            depth, expected = number
        if number[0] > depth:
            continue  # an item of an item
        item = _LIST_ITEM.match(text.text)
        if number != (depth, expected) or item is None or _CHANGE_WORDS.search(text.text, 0, item.start("amount")):
            # not the next item, or an item that states a change (比上年增加…), no part
            return parts, number[0] < depth
        share = text.amount(item_paragraph, item, "share") if item.group("share") else None
        parts.append(Part(item.group("label"), text.amount(item_paragraph, item, "amount"), share))
        expected += 1
    return parts, True


_NOT_DIGIT = compile_lazily(r"\D")
_NOT_NUMERAL = compile_lazily(r"[^一二三四五六七八九十廿]")


def _ordinal(number: str) -> int:
    """The ordinal an enumerator gives (（三） → 3, 2. → 2, 十二、 → 12), or 0."""
    digits = _NOT_DIGIT.sub("", number)
    if digits:
        return int(digits)
    return domain.chinese_ordinal(_NOT_NUMERAL.sub("", number)) or 0


# An item of a list that is no part: a change ("比上年增加5万元", "一般公共预算拨款增加800.94万元"),
# or an explanation of the part before it ("主要用于系统线路租用费40.00万元、机房巡检…"), which
# goes on to the end of its clause.
_CHANGE_ITEM = compile_lazily(_CHANGED)
_EXPLANATION = compile_lazily(r"^\s*(?:主要|用于|包括|含|即|具体)")
_AMOUNT = compile_lazily(rf"(?:{NUMBER})\s*万元")
_NUMBER = compile_lazily(NUMBER)


def inline_splits(paragraph: Paragraph, sentence: Sentence, clean: CleanText,
                  following: Sequence[tuple[Paragraph, CleanText]] = ()) -> list[Split]:
    """"X万元，其中：A万元、B万元" (or 包括), the list going on in the sentences `following` when
    its items end in full stops (continued_parts)."""
    for match in _SPLIT.finditer(clean.text):
        if _ENDS_IN_COMPARISON.search(clean.text, 0, match.start("total")):
            continue  # the amount before 其中 is a change, and what changed is not said
        # The first list runs to the sentence's end (or its clause's): a list opened after it is
        # one of its parts' own.
        end = len(clean.text)
        if match.group("words") in _CLAUSE_LONG and not match.group("colon"):
            end = next((m.start() for m in _CLAUSE_MARK.finditer(clean.text, match.end())), end)
        return _split_at(clean.amount(paragraph, match, "total"), _subject(clean.text, match.start("total")),
                         paragraph, sentence, clean, match.end(), end, following if end == len(clean.text) else ())
    return []


# A sentence that is one part of a list and its share, and nothing else: "财政专户管理资金147.20万元，占0.71%。".
_PART_SENTENCE = compile_lazily(rf"^\s*{_PART.pattern}\s*[。；;]?\s*$")
# What may follow a list's last part to the end of its sentence.
_LIST_ENDS = compile_lazily(r"\s*[。；;]?\s*$")


def continued_parts(following: Sequence[tuple[Paragraph, CleanText]]) -> list[Part]:
    """The parts a list of shares goes on with when its items end in full stops, each on a line
    of its own ("…合计20849.45万元，其中：一般公共预算收入20702.25万元，占99.29%。" / "财政专户管理
    资金147.20万元，占0.71%。"): each following sentence that is one part and its share and
    nothing else, up to the first that is not. A share is what tells such an item from a
    sentence that merely states an amount."""
    parts = []
    for paragraph, clean in following:
        match = _PART_SENTENCE.match(clean.text)
        if match is None or match.group("share") is None:
            break
        parts.append(Part(match.group("label"), clean.amount(paragraph, match, "amount"), clean.amount(paragraph, match, "share")))
    return parts


# A sentence that opens a list of the sentence before: "其中：…", "收入包括：…".
OPENS_LIST = compile_lazily(r"^\s*\p{Han}{0,4}?(?:其中|包括)\s*[：:，,]")
# An amount that is no total of its own: a change (增加5万元) or the prior year's (比…14708.87万元).
_CHANGE_OR_PRIOR = compile_lazily(rf"{_CHANGED}|(?:比|较){CLAUSE}{{0,24}}$")


# An item of a list closed by its subtotal: "2名网维人员，每人全年费用9.58万元，小计19.16万元；".
_SUBTOTAL = compile_lazily(rf"小计\s*(?P<amount>{NUMBER})\s*万元")
_ITEM_START = compile_lazily(r"[；;：:]")


def subtotal_split(total: Amount, paragraph: Paragraph, sentence: Sentence, clean: CleanText) -> list[Split]:
    """A sentence whose items each close with their subtotal ("其中：1名项目经理，每人全年费用
    9.58万元，小计9.58万元；2名网维人员，…小计19.16万元"), after a sentence that states one amount
    ("审批局窗口外包服务人员经费1813.52万元。"): the subtotals make that amount whole. Each item is
    named by its first words, from where its clause starts to its first comma."""
    found = list(_SUBTOTAL.finditer(clean.text))
    if len(found) < 2:
        return []
    parts = []
    for match in found:
        starts = [m.end() for m in _ITEM_START.finditer(clean.text, 0, match.start())]
        item = clean.text[starts[-1] if starts else 0:match.start()]
        parts.append(Part(regex.split(r"[，,]", item.strip(), maxsplit=1)[0], clean.amount(paragraph, match, "amount"), None))
    return [Split(total, tuple(parts), True, sentence)]


def sentence_total(paragraph: Paragraph, clean: CleanText) -> tuple[Amount, str] | None:
    """The one amount a sentence states, changes and prior years aside ("2023年度收入合计573.15
    万元，与2022年度相比，收入合计增加366.26万元…"): the total a list in the next sentence
    divides. A sentence with two (年初预算3090.37万元，支出决算2897.43万元) leaves it unsaid."""
    amounts = [m for m in _AMOUNT.finditer(clean.text) if not _CHANGE_OR_PRIOR.search(clean.text, 0, m.start())]
    if len({_NUMBER.match(m.group()).group().replace(",", "") for m in amounts}) != 1:
        return None  # none, or two different ones; the same one restated (X万元，其中：…X万元) is one
    number = _NUMBER.match(amounts[0].group())
    return (Amount(Decimal(number.group().replace(",", "")), number.group(),
                   clean.locate(paragraph, amounts[0].start(), amounts[0].start() + number.end())),
            _subject(clean.text, amounts[0].start()))


def split_of(total: Amount, subject: str, paragraph: Paragraph, sentence: Sentence, clean: CleanText,
             start: int, following: Sequence[tuple[Paragraph, CleanText]] = ()) -> list[Split]:
    """The parts listed from `start` to the sentence's end, as a split of `total` (named
    `subject`), and the split of each part that a bracketed note after it lists ("公务用车购置及
    运行维护费567.72万元（其中：公务用车购置费230.55万元，公务用车运行维护费337.17万元）"): the
    note's amounts are that part's own parts, never siblings of it. A list with a nested 其中
    outside brackets is not read (which total each part belongs to is not said); a list that
    leaves out an amount it states (in an explanation, or not read as a part) is no complete
    decomposition, whatever its labels. A list of shares whose sentence ends on its last part
    goes on in the sentences `following` that are each one part (continued_parts)."""
    return _split_at(total, subject, paragraph, sentence, clean, start, len(clean.text), following)


def _split_at(total: Amount, subject: str, paragraph: Paragraph, sentence: Sentence, clean: CleanText,
              start: int, end: int, following: Sequence[tuple[Paragraph, CleanText]] = ()) -> list[Split]:
    """The split of `total` listed in `clean.text[start:end]`, then the splits of its parts that
    bracketed notes list; none when the list has a nested 其中 outside brackets."""
    rest, notes = _masked(clean.text[start:end])
    inner = _clause_lists(rest)
    if inner is None:
        return []
    rest = _mask(rest, [(at, to) for at, to, _ in inner])
    parts, ends, left_out = _parts(rest, paragraph, clean, start)
    if parts and parts[-1].share is not None and _LIST_ENDS.match(rest, ends[-1]):
        parts += continued_parts(following)
    lists = [(at, to, _NOTE_OPENS.match(clean.text, start + at + 1, start + to).end(), start + to - 1) for at, to in notes]
    lists += [(at, to, start + read_from, start + to) for at, to, read_from in inner]
    nested = []
    for list_start, list_end, read_from, read_to in sorted(lists):
        owner = next(((index, part) for index, (part, part_end) in enumerate(zip(parts, ends))
                      if part_end <= list_start and not rest[part_end:list_start].strip()), None)
        if owner is None:
            left_out = True  # amounts in a list of no part: not read, so the list is no whole
            continue
        index, part = owner
        if (list_start, list_end) not in notes and not _LIST_GOES_ON.search(rest, list_end):
            # the last clause's part with a list of its own may be a total of its own
            # (收入X万元，其中：A…；支出Y万元，其中：B…): it is no part of this list
            parts, ends, left_out = parts[:index] + parts[index + 1:], ends[:index] + ends[index + 1:], True
        nested += _split_at(part.amount, part.label, paragraph, sentence, clean, read_from, read_to)
    if not parts:
        return nested
    return [Split(total, tuple(parts), not left_out and _complete(parts, subject), sentence), *nested]


# A list of a part's own parts inside a list: "基本支出60万元，其中：人员经费50万元、公用经费10万元；"
# (to the end of its clause), "人力资源综合管理12,966.72万元，主要包括：A…；B…" (to the end of the
# sentence: a colon announces all that follows).
_INNER_OPENS = compile_lazily(rf"[，,]?\s*(?P<words>{LIST_OPENS})\s*(?P<colon>[：:])?[，,]?\s*")
# An item of the outer list after a part's own list: another clause that states an amount.
_LIST_GOES_ON = compile_lazily(rf"[；;][^。]*?{NUMBER}\s*万元")


def _clause_lists(rest: str) -> list[tuple[int, int, int]] | None:
    """Where a part's own list stands inside a list, from the words that open it after the part
    to where it ends, and where its items start. After 其中 the list is the part's to the end of
    its clause, when ； cuts the outer list's items apart; a nested 其中 with no ； to tell which
    items are the part's, or whose clause opens with it, leaves the list unread (None). After
    包括, 主要包括 or 主要用于 and a colon, everything to the end is the part's when no other clause
    stating an amount follows; when one does after a ；, it may be the part's item or the outer
    list's, and the list is not read (None). Without a colon they explain their part
    (_EXPLANATION). An opener with no amount after it in its clause opens an
    explanation (包括办公费、水费), no list."""
    inner = []
    cut = _CLAUSE_MARK.search(rest) is not None
    for opener in _INNER_OPENS.finditer(rest):
        clause_start = max(rest.rfind(mark, 0, opener.start()) for mark in "；;") + 1
        clause_end = min((i for i in (rest.find(mark, opener.end()) for mark in "；;") if i >= 0), default=len(rest))
        if not _AMOUNT.search(rest, opener.end(), clause_end) or inner and opener.start() < inner[-1][1]:
            continue
        if opener.group("words") != "其中":
            if opener.group("colon") and _AMOUNT.search(rest, clause_start, opener.start()):
                if _LIST_GOES_ON.search(rest, clause_end):
                    return None  # its items or the outer list's after the ；? Nothing tells
                inner.append((opener.start(), len(rest), opener.end()))
            continue
        if not cut or not _AMOUNT.search(rest, clause_start, opener.start()):
            return None
        inner.append((opener.start(), clause_end, opener.end()))
    return inner


# The words a bracketed list of a part's own parts may open with: （其中：…）, （含…）, （包括…）.
_NOTE_OPENS = compile_lazily(r"\s*(?:(?:其中|包括|包含)\s*[：:]?|含)?")
# What a bracketed note stands as while its part's list is read: no word, number or separator.
_MASK = "\u2026"


def _masked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with each outermost bracketed note that states an amount blanked out, and where
    each such note starts and ends (its brackets included, end exclusive)."""
    notes, outer_end = [], -1
    for open_at, close_at in bracket_pairs(text):
        if open_at > outer_end and _AMOUNT.search(text, open_at, close_at):
            notes.append((open_at, close_at + 1))
            outer_end = close_at
    return _mask(text, notes), notes


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span blanked out by _MASK, every other character where it was."""
    for span_start, span_end in spans:
        text = text[:span_start] + _MASK * (span_end - span_start) + text[span_end:]
    return text


def _parts(rest: str, paragraph: Paragraph, clean: CleanText, start: int) -> tuple[list[Part], list[int], bool]:
    """The parts a list (`rest`, found at `start` of the clean text) states, where each part's
    match ends in `rest`, and whether the list states an amount it leaves out of its parts."""
    parts, ends, left_out = [], [], False
    for clause_start, clause in _cut(rest, _CLAUSE_MARKS):
        # items: at 、 and at commas, but not inside a number (35,541.8) nor before a share (，占21.84%)
        for item_start, item in _cut(clause, _ITEM_MARKS):
            part = _PART.search(item)
            if part is not None and _CHANGE_ITEM.search(item, 0, part.start("amount")):
                continue  # a change: no part, and nothing of the total left out
            if _EXPLANATION.match(item):
                left_out = left_out or _AMOUNT.search(clause, item_start) is not None
                break  # the rest of the clause explains the part before it
            if part is None:
                left_out = left_out or _AMOUNT.search(item) is not None  # an amount not read as a part
                continue
            shifted = Shifted(part, start + clause_start + item_start)
            share = clean.amount(paragraph, shifted, "share") if part.group("share") else None
            parts.append(Part(part.group("label"), clean.amount(paragraph, shifted, "amount"), share))
            ends.append(clause_start + item_start + part.end())
    return parts, ends, left_out


# What cuts a list into clauses, and a clause into items (not a thousands comma, nor the comma
# before a share: "…万元，占12.5%").
_CLAUSE_MARKS = compile_lazily(r"[；;]")
_ITEM_MARKS = compile_lazily(r"(?:、|，|,(?!\d))(?!\s*占)")


def _cut(text: str, separators: regex.Pattern) -> list[tuple[int, str]]:
    """The pieces of a text between its separators, each with where it starts."""
    result, start = [], 0
    for separator in separators.finditer(text):
        result.append((start, text[start:separator.start()]))
        start = separator.end()
    result.append((start, text[start:]))
    return result


def _complete(parts: list[Part], subject: str) -> bool:
    """Do the parts make the whole of a total named `subject`?"""
    if len(parts) >= 2 and _REST.match(parts[-1].label):
        return True
    for kinds, total_words in _COMPLETE_PATTERNS:
        matched = [[k for k in kinds if k.search(part.label)] for part in parts]
        if all(len(m) == 1 for m in matched) and {m[0] for m in matched} == set(kinds) \
                and (total_words is None or total_words.search(subject)):
            return True
    return False


def restated_parts(paragraphs: tuple[Paragraph, ...], cleaned: Cleaned, splits: Iterable[Split]) -> list[tuple[Split, Part, Part]]:
    """The parts a sentence lists that the numbered paragraphs right after it state again, one
    item each ("…包括在职人员经费8,327.50万元、公用经费857.93万元…。" then "（一）在职人员经费
    8,327.5万元…（二）公用经费875.93万元…"): each split, its listed part and the item that
    restates it. The items must be as many as the parts, and an item restates the part of its own
    name, in whatever order; a list whose sentence does not end its paragraph is followed by no
    items of its own. (A split whose parts are those very items, 包括： over （一）（二）…, meets
    itself here, and agrees.)"""
    ends_paragraph = {id(p.sentences[-1]): index for index, p in enumerate(paragraphs) if p.sentences}
    _, openings = _openings(paragraphs, cleaned)  # a paragraph's opening, read only when a list may follow
    restated = []
    for split in splits:
        index = ends_paragraph.get(id(split.sentence))
        if index is None or len(split.parts) < 2:
            continue
        heading = openings[index][1] if openings[index] else None
        items, _ = _list_items(paragraphs[index + 1:], openings.after(index), heading)
        by_name = {_name_key(part.label): part for part in split.parts}
        if len(items) != len(split.parts) or len(by_name) != len(split.parts):
            continue
        restated.extend((split, by_name[_name_key(item.label)], item) for item in items
                        if _name_key(item.label) in by_name)
    return restated


def _name_key(label: str) -> str:
    """A part's name as its restatement may word it: 对个人和家庭的补助支出 is 对个人和家庭补助支出."""
    return _bare_name(label).replace("的", "")


def _restated(parts: list[Part], subject: str) -> bool:
    """A heading's one item under its own name ("（三）上年结转结余 508.64 万元" over "10.上年结转结余
    508.64 万元"): the same figure, stated twice."""
    return len(parts) == 1 and _bare_name(subject) == _bare_name(parts[0].label)


_SPACE_OR_BRACKET = compile_lazily(r"[\s（）()]")


def _bare_name(text: str) -> str:
    """A name without its enumerator, spaces and brackets."""
    return _SPACE_OR_BRACKET.sub("", _ENUMERATOR.sub("", text))


_CLAUSE_END = compile_lazily(r"[。；;，,：:]")


def _subject(text: str, end: int) -> str:
    """The name a total goes by: the words of its clause before it ("“三公”经费预算" in
    "2026年“三公”经费预算394.49万元")."""
    return _CLAUSE_END.split(text[:end])[-1]

