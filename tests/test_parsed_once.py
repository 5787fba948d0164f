"""Documents parsed once (issue 28): a run reads and parses each file once, whether the index
groups it with another (a narrative and its table set published apart) or not; the parses it
keeps between its two passes are its own, and removed when it ends."""
from __future__ import annotations

import json
import os

import pytest

from auditlint import engine
from auditlint.config import Settings
from auditlint.engine import run
from auditlint.kept import Kept, Unkeepable, decode, encode
from auditlint.parse import assemble, parse_documents, parse_file
from auditlint.readers.text import read_text
from tests.test_documents import SLIPS, copy_pair, slips


@pytest.fixture
def reads(tmp_path, monkeypatch):
    """The files the run reads, one line each, whichever process reads them (the children are
    forked, so a list in this process would not see theirs)."""
    log = tmp_path / "reads.log"
    real = engine.read_source

    def counted(path, options=None):
        with open(log, "a", encoding="utf-8") as out:
            out.write(os.path.basename(path) + "\n")
        return real(path, options)

    monkeypatch.setattr(engine, "read_source", counted)
    return lambda: sorted(log.read_text(encoding="utf-8").split()) if log.exists() else []


@pytest.fixture
def kept_folders(monkeypatch):
    """The folders the runs keep parses in."""
    made: list[str] = []
    create = Kept.create.__func__

    def recorded(cls):
        kept = create(cls)
        made.append(kept.folder)
        return kept

    monkeypatch.setattr(Kept, "create", classmethod(recorded))
    return made


def test_a_narrative_and_its_table_set_are_read_once_and_linted_as_one(tmp_path, reads, kept_folders):
    folder = tmp_path / "pair"
    folder.mkdir()
    narrative, tables = copy_pair(folder)
    result = run([str(folder)])
    assert result.documents == [(narrative, tables)]
    assert slips(result.findings) == SLIPS
    assert reads() == sorted(os.path.basename(p) for p in (narrative, tables))
    assert kept_folders and not any(os.path.exists(f) for f in kept_folders)


def test_a_half_left_alone_is_read_once_and_linted_as_when_named_alone(tmp_path, reads):
    folder = tmp_path / "half"
    folder.mkdir()
    narrative, _ = copy_pair(folder)
    os.remove(_)
    expected = run([narrative], Settings(jobs=1))
    assert reads() == [os.path.basename(narrative)]
    result = run([str(folder)])
    assert reads() == [os.path.basename(narrative)] * 2  # once per run
    assert [f.to_data() for f in result.findings] == [f.to_data() for f in expected.findings]
    assert result.checked == expected.checked


SECTIONS = """某市某局2025年部门预算
一、一般公共预算拨款支出情况
2025年一般公共预算拨款支出100.00万元，比上年增加10.00万元。
二、政府性基金预算支出情况
2025年政府性基金预算支出20.00万元。
"""


def test_a_kept_parse_makes_the_document_a_fresh_parse_makes():
    source = read_text("n.txt", SECTIONS.encode())
    fresh = parse_documents([source])
    parsed = assemble([parse_file(source)])[1][0]
    again = assemble([decode(json.loads(json.dumps(encode(parsed))))])[0]
    money = lambda doc: sorted((p.text, doc.facts.sections[id(p)]) for p in doc.paragraphs if id(p) in doc.facts.sections)
    assert money(fresh) and money(again) == money(fresh)  # kept by number, not by a paragraph's id()
    assert again.claims == fresh.claims


def test_a_kept_parse_is_read_back_as_written_sharing_what_it_shared():
    source = read_text("n.txt", SECTIONS.encode())
    parsed = assemble([parse_file(source)])[1][0]
    raw, again = decode(json.loads(json.dumps(encode((source, parsed)))))
    assert raw == source and again == parsed
    # the paragraph a sentence is read from is the very block the document holds
    paragraph, _, _ = again.sentences[0]
    assert any(block is paragraph for block in again.blocks)


def test_only_the_models_classes_are_kept_and_made():
    class Other:
        pass

    with pytest.raises(Unkeepable):
        encode((1, Other()))
    with pytest.raises(KeyError):
        decode([4, "Popen", "ls"])  # an object (tag 4) of a name that is none of the model's classes is never looked up elsewhere


def test_a_half_alone_in_its_folder_is_linted_in_the_first_pass_and_never_kept(tmp_path, reads, monkeypatch):
    """Documents of several files are only found within one folder: a narrative alone in its
    folder has no other half to wait for, so its parse is not kept and it is linted at once."""
    folder = tmp_path / "alone"
    folder.mkdir()
    narrative, _ = copy_pair(folder)
    os.remove(_)
    saved = tmp_path / "saved.log"
    save = Kept.save

    def recorded(self, path, raw, parsed):
        with open(saved, "a", encoding="utf-8") as out:
            out.write(path + "\n")
        return save(self, path, raw, parsed)

    monkeypatch.setattr(Kept, "save", recorded)
    passes = []
    lint_all = engine._lint_all
    monkeypatch.setattr(engine, "_lint_all", lambda *a, **k: passes.append(a[0]) or lint_all(*a, **k))
    result = run([narrative])
    assert result.documents == [] and reads() == [os.path.basename(narrative)]
    assert not saved.exists() and len(passes) == 1
