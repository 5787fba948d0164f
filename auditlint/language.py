"""Which language auditlint speaks: `--lang` or the `lang` key, else the locale, else the documents.

A CI machine often runs in the C or POSIX locale (C.UTF-8): it states no preference for Chinese
or English, and answering English there would give English messages about Chinese documents to
the people who read them. So where the locale names neither language, messages follow the
language the documents are written in.

That choice is made per run, not per file: one report speaks one language (its headings, its
summary line, one SARIF run), so a run whose documents are mostly Chinese speaks Chinese. Ties go
to Chinese, the language these documents are published in; a run that read no document speaks
English.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from typing import Iterable, Mapping

from auditlint import LANGS

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the order in which POSIX consults them
LETTERS_PER_HAN = 4  # a Chinese character carries about as much as four letters of English
_HAN_RUN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")  # CJK unified ideographs and extension A
_LATIN_RUN = re.compile("[A-Za-z]+")  # ASCII letters only: ｅ and é are no English


def locale_lang(environ: Mapping[str, str] | None = None) -> str | None:
    """`zh` or `en` when the locale names that language, else None (C, POSIX, C.UTF-8, or a
    language auditlint does not speak). The first variable set decides, as in POSIX."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGS else None
    return None


def text_lang(text: str) -> str:
    """The language a text is written in: `zh` when its Chinese characters outweigh its Latin
    letters (figures and punctuation count for neither), else `en`."""
    han = sum(map(len, _HAN_RUN.findall(text)))  # by runs: a document is hundreds of thousands of characters
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    return "zh" if han and han * LETTERS_PER_HAN >= latin else "en"


def documents_lang(languages: Iterable[str]) -> str | None:
    """The language most of the documents are written in (ties to Chinese); None for none."""
    counts = Counter(languages)
    if not counts:
        return None
    return "zh" if counts["zh"] >= counts["en"] else "en"


def choose(given: str | None, documents: Iterable[str] = (), environ: Mapping[str, str] | None = None) -> str:
    """The language of a run's messages: the one given (option or configuration), else the
    locale's, else the documents', else English."""
    return given or locale_lang(environ) or documents_lang(documents) or "en"
