"""The index of the documents given: whose each file is and what it is, and which files belong
together.

Each file is profiled where it is parsed, in its own child process (auditlint.parse.profile),
and only its entry comes back: its department, level, kind, year, role (narrative, table set,
both, neither) and the units its tables list, a few hundred bytes whatever the document's size.
From the entries alone, with no file read again:

- the documents of several files: a narrative and its table set, published apart, are grouped
  when that is certain: in one folder, exactly one narrative and exactly one table set of the
  same department (its name's key, auditlint.domain.departments), kind and year, their levels
  not in conflict, and no other file of that department, kind and year beside them;
- the uncertain candidates, listed with why and never grouped: two narratives for one table
  set, a whole document beside a half, a half whose department, kind or year was not read, two
  names of which one only contains the other; and a pair that one of those may belong to;
- each department's documents across years and kinds (the same key), and each unit's document
  matched to the department whose tables list the unit.
"""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Iterable

from auditlint.domain.departments import department_key
from auditlint.parse.profile import NARRATIVE, TABLES, Profile

HALVES = (NARRATIVE, TABLES)


@dataclass(frozen=True)
class Entry:
    """One file as the index keeps it (see the module's docstring); `origin` says where its
    department's name was read (title, tables, narrative)."""

    path: str
    department: str = ""
    origin: str = ""
    level: str = ""
    kind: str = ""
    year: int | None = None
    role: str = ""
    tables: int = 0
    claims: int = 0
    units: tuple[str, ...] = ()

    @cached_property
    def key(self) -> str:
        return department_key(self.department) if self.department else ""

    @cached_property
    def folder(self) -> str:
        return folder_of(self.path)

    @property
    def known(self) -> bool:
        """Are its department, kind and year all read?"""
        return bool(self.key and self.kind and self.year)

    @property
    def groupable(self) -> bool:
        """May `group` make it half of a document of two files (a narrative or a table set whose
        department, kind and year are read)? Only such a file is; any other is a document alone."""
        return self.role in HALVES and self.known

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Entry":
        return cls(**{**data, "units": tuple(data.get("units", ()))})


def entry(path: str, found: Profile) -> Entry:
    """A file's entry from its profile."""
    named = found.department
    return Entry(path, named.name if named else "", named.origin if named else "", found.level, found.kind,
                 found.year, found.role, found.tables, found.claims, found.units)


@dataclass(frozen=True)
class Uncertain:
    """Files that may be one document, or one body's, and why that is not certain."""

    paths: tuple[str, ...]
    reason: str


@dataclass
class Grouping:
    """The documents of several files (narrative first), and the candidates left apart."""

    documents: list[tuple[str, ...]] = field(default_factory=list)
    uncertain: list[Uncertain] = field(default_factory=list)


def folder_of(path: str) -> str:
    """The folder a file is in, as the index groups by it: documents of several files are only
    looked for within one."""
    return os.path.dirname(os.path.abspath(path))


def may_be_grouped(paths: Iterable[str]) -> set[str]:
    """The files the index could group with another: those whose folder holds another of
    `paths`, since a document of several files is only ever found within one folder. A file
    alone in its folder is linted as soon as it is parsed, never kept for a second pass."""
    by_folder: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        by_folder[folder_of(path)].append(path)
    return {path for together in by_folder.values() if len(together) > 1 for path in together}


def group(entries: Iterable[Entry]) -> Grouping:
    """The certain documents of several files among the entries, and the uncertain candidates
    (see the module's docstring). Order follows the entries'."""
    entries = list(entries)
    result = Grouping()
    buckets: dict[tuple[str, str, str, int | None], list[Entry]] = defaultdict(list)
    for found in entries:
        if found.known:
            buckets[(found.folder, found.key, found.kind, found.year)].append(found)
    for bucket in buckets.values():
        halves = [e for e in bucket if e.role in HALVES]
        if not halves:
            continue
        narratives = [e for e in bucket if e.role == NARRATIVE]
        tables = [e for e in bucket if e.role == TABLES]
        levels = {e.level for e in bucket if e.level}
        if len(narratives) == 1 and len(tables) == 1 and len(bucket) == 2 and len(levels) <= 1:
            result.documents.append((narratives[0].path, tables[0].path))
        elif len(bucket) > 1:
            result.uncertain.append(Uncertain(tuple(e.path for e in bucket), _why_not(bucket, levels)))
    others = [*_unread_halves(entries), *_near_names(entries)]
    # a file another candidate may also belong to makes its group uncertain too
    touched = {path for candidate in others for path in candidate.paths}
    for paths in [d for d in result.documents if touched & set(d)]:
        result.documents.remove(paths)
        result.uncertain.append(Uncertain(paths, "another file may belong with them"))
    result.uncertain.extend(others)
    order = {e.path: i for i, e in enumerate(entries)}
    result.documents.sort(key=lambda paths: order[paths[0]])
    result.uncertain.sort(key=lambda u: min(order[p] for p in u.paths))
    return result


def _why_not(bucket: list[Entry], levels: set[str]) -> str:
    roles = defaultdict(int)
    for e in bucket:
        roles[e.role] += 1
    if len(levels) > 1:
        return f"same department, kind and year, but of levels {' and '.join(sorted(levels))}"
    said = ", ".join(f"{n} {role}" for role, n in sorted(roles.items()))
    return f"same department, kind and year: {said}; not exactly one narrative and one table set"


def _unread_halves(entries: list[Entry]) -> Iterable[Uncertain]:
    """A half whose department, kind or year was not read, with the halves of the other role
    in its folder that agree with it on whatever both read."""
    by_folder = _halves_by_folder(entries)
    for half in entries:
        if half.role not in HALVES or half.known:
            continue
        other = TABLES if half.role == NARRATIVE else NARRATIVE
        partners = [e for e in by_folder[half.folder][other] if _agree(half, e)]
        if partners:
            missing = [name for name, value in (("department", half.key), ("kind", half.kind), ("year", half.year))
                       if not value]
            yield Uncertain((half.path, *(p.path for p in partners)), f"its {', '.join(missing)} not read")


def _halves_by_folder(entries: list[Entry]) -> dict[str, dict[str, list[Entry]]]:
    """The narratives and the table sets of each folder: pairs are only looked for within one."""
    found: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: {NARRATIVE: [], TABLES: []})
    for e in entries:
        if e.role in HALVES:
            found[e.folder][e.role].append(e)
    return found


def _agree(a: Entry, b: Entry) -> bool:
    """Do two entries agree on every field both read?"""
    return all(not x or not y or x == y for x, y in ((a.key, b.key), (a.kind, b.kind), (a.year, b.year)))


def _near_names(entries: list[Entry]) -> Iterable[Uncertain]:
    """A narrative and a table set of one folder, kind and year whose names differ, one
    containing the other (省委办公厅, 江苏省委办公厅): maybe one body, not certainly."""
    for halves in _halves_by_folder(entries).values():
        for table_set in (e for e in halves[TABLES] if e.known):
            for narrative in (e for e in halves[NARRATIVE] if e.known):
                a, b = narrative.key, table_set.key
                if (narrative.kind, narrative.year) == (table_set.kind, table_set.year) and a != b and (a in b or b in a):
                    yield Uncertain((narrative.path, table_set.path),
                                    f"names differ: {narrative.department} / {table_set.department}")


def series(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Each department's (or unit's) entries across years and kinds, by its name's key, in the
    order of its years."""
    by_key: dict[str, list[Entry]] = defaultdict(list)
    for found in entries:
        if found.key:
            by_key[found.key].append(found)
    return {key: sorted(found, key=lambda e: (e.year or 0, e.kind, e.role)) for key, found in by_key.items()}


def units_listed(entries: Iterable[Entry]) -> tuple[dict[str, list[Entry]], list[Uncertain]]:
    """Each unit's entry (level 单位) matched to the department entries that list it among their
    units (by key), and the uncertain matches: a unit named after a department of the index
    (上海市应急管理局执法总队 after 上海市应急管理局) that no department lists."""
    entries = list(entries)
    departments = [e for e in entries if e.level == "部门" and e.key]
    listing: dict[str, list[Entry]] = defaultdict(list)  # a unit's key: the departments that list it
    for department in departments:
        for name in dict.fromkeys(department_key(name) for name in department.units):
            listing[name].append(department)
    by_key: dict[str, list[Entry]] = defaultdict(list)
    for department in departments:
        by_key[department.key].append(department)
    listed: dict[str, list[Entry]] = {}
    uncertain: list[Uncertain] = []
    for unit in (e for e in entries if e.level == "单位" and e.key):
        lists = listing.get(unit.key, [])
        if lists:
            listed[unit.path] = lists
            continue
        # the departments whose name the unit's name opens with (its own name cut short)
        named_after = [d for end in range(1, len(unit.key)) for d in by_key.get(unit.key[:end], [])]
        if named_after:
            uncertain.append(Uncertain((unit.path, *(d.path for d in named_after)),
                                       f"{unit.department} is named after {named_after[0].department}, which lists no such unit"))
    return listed, uncertain


# How two documents are held one to the other by the checks across documents (the rules'
# `relation`): a budget (or final account) to the one of the year before, a final account to
# the budget of its year, a department's tables by unit to each unit's own document.
PRIOR_YEAR, BUDGET_TO_ACCOUNT, UNIT_DOCUMENT = "prior-year", "budget-to-account", "unit-document"


@dataclass(frozen=True)
class Described:
    """A document (one file or several linted as one) as the pairing sees it: its files, whose
    it is (name, key, level), its kind and year, and the keys of the units its tables list."""

    paths: tuple[str, ...]
    department: str
    key: str
    level: str
    kind: str
    year: int | None
    units: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Pair:
    """Two documents one of which states figures of the other: `later` (the one that states
    them, where a finding is reported) and `earlier` (the one held to), by their index in the
    list paired, and how they relate."""

    later: int
    earlier: int
    relation: str


def described(entries: Iterable[Entry], documents: Iterable[tuple[str, ...]] = ()) -> list[Described]:
    """The documents the entries make: the files of each document of several files as one (the
    first file's name, else the next's; the level, kind and year they agree on), the others one each."""
    by_path = {e.path: e for e in entries}
    grouped = {path for members in documents for path in members}
    found = []
    for members in [*documents, *((path,) for path in by_path if path not in grouped)]:
        parts = [by_path[path] for path in members if path in by_path]
        if not parts:
            continue
        named = next((e for e in parts if e.key), parts[0])
        found.append(Described(tuple(members), named.department, named.key, _one(e.level for e in parts) or "",
                               _one(e.kind for e in parts) or "", _one(e.year for e in parts),
                               frozenset(department_key(name) for e in parts for name in e.units)))
    return found


def _one(values: Iterable[Any]) -> Any:
    """The one value the parts read (those that read none aside), else none."""
    read = {value for value in values if value}
    return read.pop() if len(read) == 1 else None


def pairs(documents: list[Described]) -> tuple[list[Pair], list[Uncertain]]:
    """The pairs of documents the checks across documents compare, and the matches left
    uncertain (listed, never used): a department (its key) with two documents of one kind and
    year (which of them is its?), a unit listed by two departments of that year and kind."""
    slots: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for number, doc in enumerate(documents):
        if doc.key and doc.kind and doc.year:
            slots[(doc.key, doc.kind, doc.year)].append(number)
    uncertain = [Uncertain(tuple(path for n in numbers for path in documents[n].paths),
                           "one department's two documents of one kind and year: which is its own is not certain")
                 for numbers in slots.values() if len(numbers) > 1]
    one = {slot: numbers[0] for slot, numbers in slots.items() if len(numbers) == 1}
    found: list[Pair] = []
    for (key, kind, year), later in one.items():
        earlier = one.get((key, kind, year - 1))
        if earlier is not None:
            found.append(Pair(later, earlier, PRIOR_YEAR))
        budget = one.get((key, "预算", year)) if kind == "决算" else None
        if budget is not None:
            found.append(Pair(later, budget, BUDGET_TO_ACCOUNT))
    listing: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for (key, kind, year), number in one.items():
        for unit in documents[number].units:
            listing[(unit, kind, year)].append(number)
    for slot, departments in listing.items():
        unit = one.get(slot)
        if unit is None or unit in departments:
            continue
        if len(departments) > 1:
            uncertain.append(Uncertain((*documents[unit].paths, *(p for n in departments for p in documents[n].paths)),
                                       "a unit listed by two departments"))
            continue
        found.append(Pair(departments[0], unit, UNIT_DOCUMENT))
    order = {id(doc): n for n, doc in enumerate(documents)}
    found.sort(key=lambda p: (order[id(documents[p.later])], p.relation, p.earlier))
    return found, uncertain
