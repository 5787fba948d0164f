"""The constructors of the records a page is made of, stored through their slots
(model.slot_stores): the data class's own signature, defaults and immutability, built faster."""
from __future__ import annotations

import dataclasses
import inspect
from decimal import Decimal

import pytest

from auditlint.model import Amount, Cell, Line, Location

FAST = [Location, Cell, Line]


def test_their_constructors_store_every_field_through_its_slot_in_order():
    from auditlint import model

    for cls, stores in ((Location, model._LOCATION_STORES), (Cell, model._CELL_STORES), (Line, model._LINE_STORES)):
        assert f"_{cls.__name__.upper()}_STORES" in cls.__init__.__code__.co_names
        assert [store.__self__.__name__ for store in stores] == [f.name for f in dataclasses.fields(cls)]


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
    assert Amount(Decimal("12.50"), "12.50", place).location is place
    line = Line(3, 1, "12.50", (cell,), "prose")
    assert (line.band, line.top, line.bottom) == (None, 0.0, 0.0) and line == Line(3, 1, "12.50", (cell,), "prose", None, 9.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell.text = "13"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Location("a.pdf", 3)  # type: ignore[call-arg]
    assert hash(place) == hash(Location("a.pdf", 3, 1, 3, 9, 1, "elsewhere"))  # anchor is not compared
