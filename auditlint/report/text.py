"""The human format, in the convention of ruff and flake8: one finding per line,
`path:line:col: level rule message`, its hint and the related places indented beneath, wrapped
to the terminal's width; then a line of counts.

A PDF finding names its page first (`report.pdf:p18:433:9`): a reviewer with the PDF open finds
the page; the line and column are those of the extracted text (`auditlint show --text`). A Word
or Excel finding names the place the file itself has (`draft.docx:¶12`, `draft.docx:T2!R3C4`,
`tables.xlsx:表2!C7`): the lines are the reader's, which Word and Excel do not show.
Widths are display widths (a Chinese character takes two columns), so that a wrapped report
fits a terminal whatever its language. Colour marks the level words only, and only when asked
(standard output a terminal and `NO_COLOR` unset: the command line decides).
"""
from __future__ import annotations

import shutil
from collections import Counter
from functools import lru_cache
from pathlib import PurePath

import click

from auditlint.findings import Finding, Level
from auditlint.model import Location, display_width
from auditlint.readers import NOT_YET_ADVICE
from auditlint.translate import translate
from auditlint.result import Comparison, LintResult

INDENT = "    "          # the message's continuation, the hint and the related places
HANGING = INDENT * 2     # the continuation of a hint or of the related places
MIN_WIDTH = 40           # narrower terminals are treated as this wide
MIN_FIRST = 24           # a message starts on the finding's line only with this much room
COLOURS = {Level.ERROR: "red", Level.WARNING: "yellow", Level.NOTE: "cyan"}
PAGED = (".pdf",)        # formats whose readers find a page where a text editor finds a line
LEVEL_WORDS = {"zh": {Level.ERROR: "错误", Level.WARNING: "警告", Level.NOTE: "提示"},
               "en": {Level.ERROR: ("error", "errors"), Level.WARNING: ("warning", "warnings"),
                      Level.NOTE: ("note", "notes")}}

# Where a line may not break: before closing punctuation, after opening punctuation (kinsoku).
_CLOSING = "，。、；：！？）》」』”’】〉,.;:!?)]%"
_OPENING = "（《「『“‘【〈([“"


def position(location: Location) -> str:
    """`line:col`, `pPAGE:line:col` in a paged format (PDF), or the anchor of an office file."""
    if location.anchor:
        return location.anchor
    where = f"{location.line}:{location.column}"
    return f"p{location.page}:{where}" if is_paged(location.path) else where


@lru_cache(maxsize=256)
def is_paged(path: str) -> bool:
    """Is a document one whose readers find a page (a PDF), not a line of a text editor?"""
    return PurePath(path).suffix.lower() in PAGED


def plural(count: int, one: str, many: str) -> str:
    """`1 finding`, `2 findings`, `0 findings`."""
    return f"{count} {one if count == 1 else many}"


def related_text(finding: Finding, lang: str) -> str:
    """Where else to look: each related figure or sentence with its position, and its file
    when that is another file of the document (a table published apart from its narrative)."""
    see = ", ".join(f"{r.message.get(lang)} {elsewhere(r.location, finding.location.path)}" for r in finding.related)
    return ("参见：" if lang == "zh" else "see: ") + see


def elsewhere(location: Location, path: str) -> str:
    """A related place: its position, after its file's path when not in the file `path`."""
    return position(location) if location.path == path else f"{location.path}:{position(location)}"


def describe(finding: Finding, lang: str) -> str:
    """The message, then the hint, then where else to look, one per line (the machine formats'
    one-field rendering of a finding)."""
    parts = [finding.message.get(lang)]
    if finding.hint is not None:
        parts.append(finding.hint.get(lang))
    if finding.related:
        parts.append(related_text(finding, lang))
    return "\n".join(parts)


def _pieces(text: str) -> list[str]:
    """Runs of spaces, single wide characters, and the runs of other characters between them."""
    pieces: list[str] = []
    last = ""
    for ch in text:
        kind = _kind(ch)
        if pieces and kind != "wide" and last == kind:
            pieces[-1] += ch
        else:
            pieces.append(ch)
        last = kind
    return pieces


@lru_cache(maxsize=4096)
def _kind(ch: str) -> str:
    """A character's kind for line breaking, asked once per character met (a report of many
    related places has hundreds of thousands of them)."""
    return "space" if ch.isspace() else "wide" if display_width(ch) == 2 else "word"


def atoms(text: str) -> list[str]:
    """The pieces a line breaks between: words, single wide characters, runs of spaces; closing
    punctuation stays with what it closes and opening punctuation with what it opens."""
    atoms_: list[str] = []
    glue = False
    for piece in _pieces(text):
        if atoms_ and not piece.isspace() and not atoms_[-1].isspace() and (glue or piece[0] in _CLOSING):
            atoms_[-1] += piece
        else:
            atoms_.append(piece)
        glue = not piece.isspace() and piece[-1] in _OPENING
    return atoms_


def wrap(text: str, width: int, lead: str, indent: str) -> list[str]:
    """`text` in lines at most `width` columns wide, the first after `lead`, the others after
    `indent`. Only a single piece wider than the room (a long path) overflows. The line's width
    is kept as it grows, each piece measured once: a finding that lists hundreds of related
    places must cost its length, not its length times the terminal's width."""
    lines: list[str] = []
    line, start, space = lead, lead, False
    used = display_width(lead)
    for piece in atoms(text):
        if piece.isspace():
            space = line != start
            continue
        grown = used + space + display_width(piece)
        if line != start and grown > width:
            lines.append(line)
            line = start = indent
            line, used, space = indent + piece, display_width(indent) + display_width(piece), False
            continue
        line, used, space = line + (" " if space else "") + piece, grown, False
    lines.append(line)
    return lines


def finding_lines(finding: Finding, lang: str, width: int, colour: bool) -> list[str]:
    """One finding: its location, level, rule and message, wrapped; the hint and related places
    indented beneath."""
    head = f"{finding.location.path}:{position(finding.location)}: {finding.level.label} {finding.rule}"
    message = finding.message.get(lang)
    room = width - display_width(head) - 1
    if room >= min(MIN_FIRST, display_width(message)):
        lines = wrap(message, width, head + " ", INDENT)
    else:
        lines = [head, *wrap(message, width, INDENT, INDENT)]
    if colour:
        word = finding.level.label
        lines[0] = lines[0].replace(f": {word} ", f": {click.style(word, fg=COLOURS[finding.level], bold=True)} ", 1)
    if finding.hint is not None:
        hint = ("线索：" if lang == "zh" else "hint: ") + finding.hint.get(lang)
        lines += wrap(hint, width, INDENT, HANGING)
    if finding.related:
        lines += wrap(related_text(finding, lang), width, INDENT, HANGING)
    return lines


def counts(findings: list[Finding], lang: str) -> str:
    """Findings per level: `1 error, 2 warnings, 0 notes`."""
    tally = Counter(f.level for f in findings)
    if lang == "zh":
        return "，".join(f"{LEVEL_WORDS['zh'][level]} {tally[level]}" for level in sorted(Level, reverse=True))
    return ", ".join(plural(tally[level], *LEVEL_WORDS["en"][level]) for level in sorted(Level, reverse=True))


def summary(result: LintResult, lang: str) -> str:
    """One line: findings per level, files read and unreadable, findings the baseline hid, and
    the findings counted but not listed (below --min-level)."""
    every = result.every_finding
    unlisted = sorted(Counter(f.level for f in result.unlisted).items(), reverse=True)
    if lang == "zh":
        hidden = f"，基线中已有 {result.baselined} 项未列出" if result.baselined else ""
        shown = "，".join(f"{LEVEL_WORDS['zh'][level]} {n} 项" for level, n in unlisted)
        shown = f"；未列出{shown}（--min-level {unlisted[-1][0].label} 可列出）" if unlisted else ""
        return (f"共 {len(every)} 项：{counts(every, lang)}；读取 {len(result.files)} 个文件，"
                f"无法读取 {len(result.errors)} 个{hidden}{shown}")
    hidden = f", {result.baselined} in the baseline not shown" if result.baselined else ""
    shown = ", ".join(plural(n, *LEVEL_WORDS["en"][level]) for level, n in unlisted)
    shown = f"; {shown} not listed (--min-level {unlisted[-1][0].label} lists them)" if unlisted else ""
    return (f"{plural(len(every), 'finding', 'findings')}: {counts(every, lang)}; "
            f"{plural(len(result.files), 'file', 'files')} read, {len(result.errors)} unreadable{hidden}{shown}")


def terminal_width() -> int:
    """The terminal's width (COLUMNS when set, 80 when there is no terminal), at least MIN_WIDTH."""
    return max(MIN_WIDTH, shutil.get_terminal_size().columns)


def file_line(result: LintResult, paths: str | tuple[str, ...], lang: str) -> str:
    """What one document (a file, or the files linted as one) gave the checks and what they
    found: clean only when something was checked and nothing found."""
    paths = (paths,) if isinstance(paths, str) else paths
    mine = [f for f in result.every_finding if f.location.path in paths]
    counts_ = result.checked.get(paths[0])
    name = " + ".join(paths)
    if lang == "zh":
        what = f"（核对表格 {counts_.tables} 张、说明 {counts_.claims} 处）" if counts_ else ""
        found = "，".join(f"{LEVEL_WORDS['zh'][level]} {n}" for level, n in sorted(Counter(f.level for f in mine).items(), reverse=True))
        if result.nothing_checked(paths):
            return f"{name}：未核对任何内容，不算无问题（{found or '未报告'}）"
        return f"{name}：{found or '无问题'}{what}"
    what = f" ({plural(counts_.tables, 'table', 'tables')}, {plural(counts_.claims, 'claim', 'claims')} checked)" if counts_ else ""
    found = ", ".join(plural(n, *LEVEL_WORDS["en"][level])
                      for level, n in sorted(Counter(f.level for f in mine).items(), reverse=True))
    if result.nothing_checked(paths):
        return f"{name}: nothing checked, so not clean ({found or 'not reported'})"
    return f"{name}: {found or 'clean'}{what}"


# How two documents compared across relate, in words.
RELATIONS = {"prior-year": ("上年数", "last year's figures"), "budget-to-account": ("年初预算", "the budget"),
             "unit-document": ("单位数字", "a unit's figures")}


def comparison_line(made: Comparison, lang: str) -> str:
    """Two documents held one to the other by the checks across documents: how many figures
    of the later were compared with the earlier's, and how many differ."""
    zh, en = RELATIONS.get(made.relation, (made.relation, made.relation))
    if lang == "zh":
        return (f"跨文件核对（{zh}）：{made.later_name} 对照 {made.earlier_name}，比对 {made.compared} 个数字，"
                f"不符 {made.differ} 个（错误 {made.errors}）")
    return (f"across documents ({en}): {made.later_name} held to {made.earlier_name}: "
            f"{plural(made.compared, 'figure', 'figures')} compared, {made.differ} differ ({plural(made.errors, 'error', 'errors')})")


def unsupported_line(result: LintResult, lang: str) -> str:
    """The files found in formats not read yet, and what to do with them."""
    names = ", ".join(result.unsupported)
    if lang == "zh":
        return f"未读取 {len(result.unsupported)} 个文件（{translate(NOT_YET_ADVICE, 'zh')}）：{names}"
    return f"{plural(len(result.unsupported), 'file', 'files')} not read ({NOT_YET_ADVICE}): {names}"


def render(result: LintResult, lang: str, width: int | None = None, colour: bool = False) -> str:
    """Every listed finding; then each file with its counts, the files in formats not read yet,
    and the summary line."""
    width = width or terminal_width()
    lines = [line for f in result.findings for line in finding_lines(f, lang, width, colour)]
    if lines:
        lines.append("")
    for paths in result.by_document():
        lines += wrap(file_line(result, paths, lang), width, "", INDENT)
    for made in result.comparisons:
        lines += wrap(comparison_line(made, lang), width, "", INDENT)
    if result.unsupported:
        lines += wrap(unsupported_line(result, lang), width, "", INDENT)
    lines += wrap(summary(result, lang), width, "", INDENT)
    return "".join(line + "\n" for line in lines)
