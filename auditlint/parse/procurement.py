"""What a procurement paragraph says was awarded to small and medium enterprises.

A final account's 政府采购支出说明 states the procurement total and its kinds, the contracts
awarded to small and medium enterprises (中小企业), and for each kind the share of it they won
("本部门政府采购支出总额277.22万元，其中：政府采购货物支出1.55万元、政府采购工程支出0万元、政府采购
服务支出275.67万元。授予中小企业合同金额277.22万元，占政府采购支出总额的100%，…货物采购授予中小
企业合同金额占货物支出金额的0%，…服务采购授予中小企业合同金额占服务支出金额的99.44%").
"""
from __future__ import annotations

from typing import Iterable, Iterator

from auditlint.patterns import compile_lazily
from auditlint.domain.concepts import PROCUREMENT_KIND_NAME, PROCUREMENT_KINDS
from auditlint.domain.wording import NUMBER
from auditlint.model import Amount, AwardedToSmes, KindAwarded, Paragraph, Sentence
from auditlint.parse.wording import CleanText

_KIND = "|".join(PROCUREMENT_KINDS)
# A kind's amount: 政府采购货物支出1.55万元, 货物类政府采购支出预算259.32万元.
_KIND_AMOUNT = compile_lazily(rf"{PROCUREMENT_KIND_NAME}(?:支出|预算|项目)*\s*(?:为|是)?\s*(?P<amount>{NUMBER})\s*万元")
_TOTAL = compile_lazily(rf"政府采购(?:支出|预算)*总额\s*(?:为|是)?\s*(?P<amount>{NUMBER})\s*万元")
# What every statement of an award to small and medium enterprises says, amount or share.
_AWARDED_TO_SMES = "授予中小企业"
_AWARDED = compile_lazily(rf"{_AWARDED_TO_SMES}(?:的)?合同金额\s*(?:为|是)?\s*(?P<amount>{NUMBER})\s*万元")
# A kind's share: 货物采购授予中小企业合同金额占货物支出金额的0%.
_KIND_SHARE = compile_lazily(rf"(?P<kind>{_KIND})类?采购{_AWARDED_TO_SMES}(?:的)?合同金额占(?P=kind)类?(?:采购)?支出(?:金额)?的?\s*"
                             rf"(?P<percent>{NUMBER})\s*[%％]")


def awarded_to_smes(sentences: Iterable[tuple[Paragraph, Sentence, CleanText]]) -> Iterator[AwardedToSmes]:
    """Each paragraph that states the contracts awarded to small and medium enterprises, every
    kind's amount and every kind's share of it: the last amount and share stated of each."""
    by_paragraph: dict[int, list[tuple[Paragraph, CleanText]]] = {}
    for paragraph, _, clean in sentences:
        by_paragraph.setdefault(id(paragraph), []).append((paragraph, clean))
    for cleaned in by_paragraph.values():
        if not any(_AWARDED_TO_SMES in clean.text for _, clean in cleaned):
            continue  # states no award: most paragraphs, which four patterns are slow to rule out
        amounts: dict[str, Amount] = {}
        shares: dict[str, Amount] = {}
        total = awarded = None
        for paragraph, clean in cleaned:
            for match in _KIND_AMOUNT.finditer(clean.text):
                amounts[match.group("kind")] = clean.amount(paragraph, match, "amount")
            for match in _KIND_SHARE.finditer(clean.text):
                shares[match.group("kind")] = clean.amount(paragraph, match, "percent")
            for match in _TOTAL.finditer(clean.text):
                total = clean.amount(paragraph, match, "amount")
            for match in _AWARDED.finditer(clean.text):
                awarded = clean.amount(paragraph, match, "amount")
        if awarded is not None and set(shares) == set(PROCUREMENT_KINDS) and set(amounts) == set(PROCUREMENT_KINDS):
            yield AwardedToSmes(awarded, total, tuple(KindAwarded(kind, amounts[kind], shares[kind]) for kind in PROCUREMENT_KINDS))
