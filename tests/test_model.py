"""The records' constructor stored through slots (model.stored_through_slots): the data class's
own signature, defaults and immutability, built faster."""
from __future__ import annotations

import dataclasses
import inspect
from decimal import Decimal

import pytest

from auditlint import model
from auditlint.model import Amount, Cell, Line, Location, stored_through_slots

# the records whose constructor stores through their slots (its code names the stores)
FAST = [cls for cls in vars(model).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)
        and any(name.startswith("_store_") for name in cls.__init__.__code__.co_names)]


def test_the_records_a_document_is_made_of_are_built_through_their_slots():
    assert {Location, Cell, Line, Amount} <= set(FAST)


@pytest.mark.parametrize("cls", FAST, ids=lambda cls: cls.__name__)
def test_the_signature_is_the_data_class_s_own(cls):
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    every = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in every]
    assert [p.default for p in parameters] == [inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
                                               for f in every]


def test_a_record_holds_what_it_was_given_or_its_defaults_and_stays_frozen():
    place = Location("a.pdf", 3, 1, 3, 9)
    assert (place.page, place.anchor) == (1, "") and place == Location(path="a.pdf", line=3, column=1, end_line=3,
                                                                       end_column=9, page=1)
    assert Location("a.pdf", 3, 1, 3, 9, 2, "¶4").anchor == "¶4"
    cell = Cell("12.50", place, 10.0, 30.0)
    assert (cell.text, cell.location, cell.x0, cell.x1, cell.ruled) == ("12.50", place, 10.0, 30.0, None)
    assert dataclasses.replace(cell, ruled=(5.0, 35.0)).ruled == (5.0, 35.0)
    assert Amount(Decimal("12.50"), "12.50", place) == Amount(Decimal("12.50"), "12.50", place)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.text = "13"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Location("a.pdf", 3)  # type: ignore[call-arg]
    assert hash(place) == hash(Location("a.pdf", 3, 1, 3, 9, 1, "elsewhere"))  # anchor is not compared


def test_only_plain_records_are_built_so():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Afterwards:
        value: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Made:
        values: list[int] = dataclasses.field(default_factory=list)

    for cls in (Afterwards, Made):
        with pytest.raises(TypeError):
            stored_through_slots(cls)
