"""`--help` in Chinese, when `--lang zh` is given or the locale is Chinese.

click writes help from the docstrings and `help=` strings of the commands, in English, and its
own words (Usage, Options, Commands) through gettext, for which it ships no Chinese. So the
commands are of the classes below, which write their help from this catalogue instead when the
language is Chinese: the command's description by its name, each option's by its parameter
name, click's headings replaced. An option the catalogue does not name keeps its English help.

The language is taken from the arguments themselves (`--lang zh`, `--lang=zh`), as `--help` is
answered while they are parsed, before any option's value is known; else from the locale. The
documents' language cannot decide here: help is printed before any document is read.
"""
from __future__ import annotations

import os
from typing import Any

import click

from auditlint.language import locale_lang

COMMANDS_ZH = {
    "main": "找出预算或决算公开文件自相矛盾之处。\n\n`auditlint 路径...` 即 `auditlint check 路径...`；见 `auditlint check --help`。",
    "check": "检查 PATHS 下的文件（.txt、.md、.pdf），报告其自相矛盾之处。",
    "show": "打印 auditlint 对 PATHS 的理解：每张表格（按网格）、是否可信及原因。几个文件作为同一份文件显示"
            "（说明和表格分开公开的）；加 --index 时打印所给文件和文件夹的索引；加 --across 时打印其文件之间比对的数字。",
    "rules": "列出每条规则及其级别和一句话说明。",
    "explain": "打印一条规则的说明：检查什么、为什么重要、示例、如何抑制。",
}
OPTIONS_ZH = {
    "config": "配置文件（默认：最近的 .auditlint.toml、pyproject.toml 或 setup.cfg）。",
    "fmt": "报告格式［默认：text］。",
    "output": "把报告写入该文件，而不是标准输出。",
    "select": "只运行这些规则（可重复或以逗号分隔）。",
    "extend_select": "另外也运行这些规则。",
    "ignore": "不运行这些规则（可重复或以逗号分隔）。",
    "fail_on": "有该级别或更高级别的发现时以 1 退出［默认：error］。",
    "lang": "消息语言：zh 或 en［默认：按区域设置；区域设置未指明时按文件的语言］。",
    "pdf_engine": "PDF 引擎：PDFium（pypdfium2）或 pdfminer.six［默认：pdfium］。",
    "jobs": "同时检查的文件数［默认：1］。",
    "executor": "在哪里检查文件：本机的子进程（local），或一个 Dask 集群（dask，需安装 auditlint-budget[dask]）［默认：local］。",
    "scheduler": "与 --executor dask 一起用：Dask 调度器的地址（tcp://主机:8786）［默认：在本机启动 --jobs 个 worker 的集群］。",
    "timeout": "一份文件（几个文件组成的按合计）最多可用的秒数，超时即放弃［默认：120］。",
    "max_memory": "一份文件（几个文件组成的按合计）最多可用的内存（MB）［默认：1024］。",
    "baseline": "只报告该基线文件未记录的发现。",
    "write_baseline": "把当前的发现记录到该基线文件后退出。",
    "statistics": "按规则和级别统计发现的数量，而不逐条列出。",
    "min_level": "只列出该级别或更高级别的发现（文本报告默认 warning，提示只计数）；摘要仍统计全部。",
    "show_notes": "也列出提示（同 --min-level note）。",
    "quiet": "只打印摘要行；没有列出的发现时什么也不打印。",
    "exit_zero": "即使有发现也以 0 退出（文件无法使用时仍为 2）。",
    "exclude": "遍历目录时跳过这些文件和目录（glob，取代默认列表）。",
    "extend_exclude": "遍历目录时另外跳过这些文件和目录（glob，加在默认列表之后）。",
    "with_text": "同时打印读出的各行，带行号。",
    "with_facts": "同时把表格中的每个金额作为事实打印出来。",
    "with_index": "打印所给文件和文件夹的索引：每份文件的部门、级次、类别、年度和构成，以及哪些文件作为同一份文件检查。",
    "with_across": "打印所给文件和文件夹中跨文件比对的每个数字：每对文件中，较晚文件所述较早文件的每个数字及所对照的数字。",
    "documents": "把这些文件（或 glob，以逗号分隔）作为同一份文件检查：分开公开的说明和表格（每份文件重复一次）。",
    "help": "显示本帮助并退出。",
    "version": "显示版本并退出。",
}
HEADINGS_ZH = {"usage": "用法：", "options": "选项", "commands": "命令"}


def help_lang(args: list[str]) -> str:
    """`zh` when the arguments ask for it (`--lang zh`) or, without a `--lang`, the locale is
    Chinese; else `en`."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return locale_lang(os.environ) or "en"


class ChineseHelp:
    """Mixin for click commands and groups: help in Chinese when the context says so."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta.setdefault("auditlint.lang", help_lang(args))
        return super().parse_args(ctx, args)  # type: ignore[misc]

    @staticmethod
    def _zh(ctx: click.Context) -> bool:
        return ctx.meta.get("auditlint.lang") == "zh"  # click shares `meta` among nested contexts

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not self._zh(ctx):
            return super().format_usage(ctx, formatter)  # type: ignore[misc]
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=HEADINGS_ZH["usage"])

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = COMMANDS_ZH.get(getattr(self, "name", "") or "") if self._zh(ctx) else None
        if text is None:
            return super().format_help_text(ctx, formatter)  # type: ignore[misc]
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not self._zh(ctx):
            return super().format_options(ctx, formatter)  # type: ignore[misc]
        records = []
        help_names = set(ctx.help_option_names)
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
            if record is not None:
                name = "help" if help_names & set(param.opts) else param.name or ""
                records.append((record[0], OPTIONS_ZH.get(name, record[1])))
        if records:
            with formatter.section(HEADINGS_ZH["options"]):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            commands = [(name, COMMANDS_ZH.get(name, command.get_short_help_str()).split("\n")[0])
                        for name, command in sorted(self.commands.items()) if not command.hidden]
            with formatter.section(HEADINGS_ZH["commands"]):
                formatter.write_dl(commands)


class Command(ChineseHelp, click.Command):
    """A command whose help is in Chinese on request."""


class Group(ChineseHelp, click.Group):
    """A group whose help is in Chinese on request."""

    command_class: Any = Command
