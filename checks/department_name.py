"""The `department-name` rule: a department's second name written two ways."""
from __future__ import annotations

from typing import Iterator

from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Document


class DepartmentName:
    """A department of two names whose second name the document writes two ways.

    What it checks: every name printed with a second name in brackets, both names of bodies
    (…局, …中心, …委员会): "武汉市洪山区行政审批局（武汉市洪山区政务服务局）". When the same first
    name comes with exactly two different second names, the less frequent one is reported where
    it is first printed, with how often each is printed. A name with three or more is a list of
    units, each its own, and is left alone.

    Why it matters: the department's name is on the cover, in its 概况 and on every table; two
    second names leave the reader unsure which body published the document, and one of them is
    no name of the department (a former name, or a neighbouring body's pasted from its document).

    Example (samples/proofreading_2024.txt): 「临港区数据资源管理局（临港区政务数据中心）」 on the
    cover against 「临港区数据资源管理局（临港区大数据中心）」 in its 概况.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=department-name -->`
    before the line.
    """

    id = "department-name"
    level = Level.WARNING
    summary_zh = "部门的第二名称（括号内）前后写法不一致"
    explain_zh = """
        检查内容：带括号第二名称的部门名称（如“武汉市洪山区行政审批局（武汉市洪山区政务服务局）”）。
        同一名称带着两种不同的括号名称出现时，在较少出现的那种第一次出现处报告，并给出两种各出现几次。
        带三种以上的，是各单位的名称列表，不报。

        为什么重要：部门名称印在封面、概况和每张表上；两种第二名称让读者不知道是哪个机关公开的，
        其中一个不是本部门的名称（旧称，或从其他部门文件中粘贴而来）。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=department-name -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for names in doc.facts.second_names:
            yield Finding(
                rule=self.id,
                level=self.level,
                message=Message(
                    f"「{names.name}」的第二名称写作「{names.rare}」（{names.rare_count} 处），"
                    f"而他处写作「{names.usual}」（{names.usual_count} 处）",
                    f"“{names.name}” is given the second name “{names.rare}” ({_times(names.rare_count)}) and "
                    f"“{names.usual}” elsewhere ({_times(names.usual_count)})"),
                location=names.rare_at,
                related=(Related(names.usual_at, Message(f"「{names.usual}」", names.usual)),),
                logical=f"department-name:{names.name}:{names.rare}",
                stated=names.rare,
                expected=names.usual,
            )


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
