"""The layout shared by the PDF engines: runs of characters read as one glyph cut into the same
cells as the characters one by one; vertical rules found line by line; the run search."""
from __future__ import annotations

import pytest

from auditlint.readers.layout import (CELL_GAP, Glyph, PageLayout, Rule, VerticalRules, make_glyph, make_run,
                                      page_lines)
from auditlint.readers.pdf import _longest

SIZE = 10.0  # points: the font size of the glyphs below


def characters(text: str, x0: float, baseline: float = 100.0, spacing: float = 0.0) -> list[Glyph]:
    """One glyph per character, set from x0, a wide character one em wide and a narrow one half."""
    glyphs, x = [], x0
    for char in text:
        width = SIZE if "\u4e00" <= char <= "\u9fff" else SIZE / 2
        glyphs.append(make_glyph(char, x, baseline - SIZE, x + width, baseline, baseline))
        x += width + spacing
    return glyphs


def as_run(glyphs: list[Glyph]) -> Glyph:
    first, last = glyphs[0], glyphs[-1]
    return make_run("".join(g.text for g in glyphs), first.x0, first.top, last.x1, last.bottom, first.baseline)


def cells(glyphs: list[Glyph], rules: tuple[Rule, ...] = ()) -> list[str]:
    [line] = page_lines([PageLayout(tuple(glyphs), rules)], "t.pdf")
    return [c.text for c in line.cells]


def test_a_run_cuts_into_the_same_cells_as_its_characters():
    label, first, second = characters("行政运行", 50), characters("1,234.56", 200), characters("7.30", 260)
    by_character = cells(label + first + second)
    assert by_character == ["行政运行", "1,234.56", "7.30"]
    assert cells([as_run(label), as_run(first), as_run(second)]) == by_character


def test_two_numbers_a_fifth_of_an_em_apart_are_two_cells_whether_runs_or_characters():
    first = characters("12.5", 50)
    second = characters("7.3", first[-1].x1 + 0.2 * SIZE)
    assert cells(first + second) == ["12.5", "7.3"]
    assert cells([as_run(first), as_run(second)]) == ["12.5", "7.3"]


def test_letter_spaced_chinese_reads_without_spaces_but_a_number_keeps_its_space():
    spaced = characters("新生儿疾病筛查", 50, spacing=0.3 * SIZE)
    assert cells(spaced) == ["新生儿疾病筛查"]
    words = characters("增长", 50)
    number = characters("24.3%", words[-1].x1 + 0.3 * SIZE)
    assert cells(words + number) == ["增长 24.3%"]


def test_a_wide_gap_or_a_vertical_rule_between_glyphs_starts_a_cell():
    left = characters("合计", 50)
    far = characters("项目", left[-1].x1 + CELL_GAP * SIZE + 1)
    assert cells(left + far) == ["合计", "项目"]
    near = characters("项目", left[-1].x1 + 2)
    rule = Rule(left[-1].x1 + 0.5, 80.0, left[-1].x1 + 1.0, 120.0)
    assert cells(left + near) == ["合计项目"]
    assert cells(left + near, (rule,)) == ["合计", "项目"]


def test_a_radical_on_a_page_is_read_as_its_ideograph_and_other_pages_as_they_are():
    """Kangxi radicals are mapped cell by cell on a page with one anywhere on it (a page of
    text without one is left as it is, full-width digits and all)."""
    radical = characters("\u2F00\u2EDA", 10.0) + characters("（２０２４）", 200.0)
    plain = characters("一页", 10.0) + characters("（２０２４）", 200.0)
    [first], [second] = (page_lines([PageLayout(tuple(glyphs), ())], "t.pdf") for glyphs in (radical, plain))
    assert [c.text for c in first.cells] == [c.text for c in second.cells] == ["一页", "（２０２４）"]


def test_vertical_rules_are_found_going_down_the_page_and_again_going_up():
    rules = VerticalRules([Rule(10, 0, 11, 50), Rule(30, 40, 31, 100), Rule(20, 60, 21, 200)])
    assert rules.crossing(45) == [10.5, 30.5]
    assert rules.crossing(70) == [20.5, 30.5]
    assert rules.crossing(150) == [20.5]
    assert rules.crossing(5) == [10.5]  # higher up than the question before: the sweep starts again


def test_vertical_rules_answer_what_every_rule_says_line_after_line():
    """The sweep's answers, the ones it repeats while no rule begins or ends among them, are
    those of asking every rule: on rules of many lengths, asked down the page line by line (on
    a rule's end, just past it, between), then from the top again."""
    import random

    chance = random.Random(27)
    rules = [Rule(x, top, x + 0.5, top + chance.choice([0.0, 3.0, 12.0, 40.0, 300.0]))
             for x, top in ((chance.uniform(0, 500), chance.uniform(0, 700)) for _ in range(300))]
    ends = sorted({r.top for r in rules} | {r.bottom for r in rules})
    questions = sorted(chance.uniform(-10, 1010) for _ in range(400)) + ends + [e + 1e-9 for e in ends]
    sweep = VerticalRules(rules)
    for y in sorted(questions) + sorted(questions[:50]):
        assert sweep.crossing(y) == sorted((r.x0 + r.x1) / 2 for r in rules if r.top <= y <= r.bottom), y


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 8, 9, 40])
def test_the_run_search_finds_the_longest_run_that_holds(limit):
    for longest in range(1, limit + 1):
        asked = []

        def holds(n: int) -> bool:
            asked.append(n)
            return n <= longest

        assert _longest(holds, limit) == longest
        assert all(1 <= n <= limit for n in asked)


def test_amounts_whose_characters_touch_part_where_each_ends_two_digits_after_its_point():
    # A wide figure overflowing its right-aligned cell runs into the figure before it.
    glued = characters("110,344.65101,963.54", 290)
    assert cells(characters("资源勘探", 50) + glued) == ["资源勘探", "110,344.65", "101,963.54"]
    assert cells(characters("资源勘探", 50) + characters("1,234.56", 290)) == ["资源勘探", "1,234.56"]
    assert cells(characters("增长", 50) + characters("12.345", 290)) == ["增长", "12.345"]


def right_set(text: str, right: float, baseline: float) -> list[Glyph]:
    """The characters of a figure set flush against `right`, as amounts are in their cells."""
    return characters(text, right - SIZE / 2 * len(text), baseline)


# One table row between rules at heights 80 and 140 (a header band above it), three ruled boxes:
# the label (40–140), a narrow total (140–190) and a part (190–260).
ROW_RULES = (Rule(40, 60, 260, 60.5), Rule(40, 80, 260, 80.5), Rule(40, 140, 260, 140.5),
             Rule(40, 60, 40.5, 140), Rule(140, 60, 140.5, 140), Rule(190, 60, 190.5, 140), Rule(260, 60, 260.5, 140))


def lines_of(glyphs: list[Glyph], rules: tuple[Rule, ...] = ROW_RULES) -> list[list[str]]:
    return [[c.text for c in line.cells] for line in page_lines([PageLayout(tuple(glyphs), rules)], "t.pdf")]


def test_a_number_wrapped_inside_its_ruled_cell_is_one_amount_on_its_row():
    # 138,907.24 is too wide for its box: "138,907.2" above the row's other cells, "4" below.
    glyphs = right_set("138,907.2", 187, 95) + characters("某局", 45, 110) + right_set("104,340.46", 257, 110) \
        + right_set("4", 187, 125)
    assert lines_of(glyphs) == [["某局", "138,907.24", "104,340.46"]]
    # The same figures with no row rules: nothing shows the two parts to be one cell.
    vertical_only = tuple(r for r in ROW_RULES if r.vertical)
    assert lines_of(glyphs, vertical_only) == [["138,907.2"], ["某局", "104,340.46"], ["4"]]


def test_two_figures_with_room_in_their_box_are_not_one_wrapped_number():
    # A box of two short figures (a table ruled only around its body): 12.5 and 3, never 12.53.
    glyphs = right_set("12.5", 187, 95) + characters("某局", 45, 110) + right_set("104,340.46", 257, 110) \
        + right_set("3", 187, 125)
    assert lines_of(glyphs) == [["12.5"], ["某局", "104,340.46"], ["3"]]


def test_a_page_without_rules_is_cut_as_the_general_path_cuts_it():
    """The fast path for unruled pages (prose) gives the very lines the general path gives when
    no rule touches the page (one rule far off it makes the general path run)."""
    import random

    from auditlint.readers.layout import PageLayout, Rule, make_glyph, page_lines

    chance = random.Random(7)
    for _ in range(40):
        glyphs = []
        for row in range(20):
            x = 50.0
            for _ in range(chance.randint(1, 25)):
                char = chance.choice("预算支出合计12345.6,0 ab")
                width = 10 if ord(char) > 255 else 5
                glyphs.append(make_glyph(char, x, 100 + row * 14, x + width, 110 + row * 14, 109 + row * 14))
                x += width + chance.choice([0, 0, 0.5, 2, 20])
        far_off = (Rule(-1000, -1000, -999, -990),)
        assert page_lines([PageLayout(tuple(glyphs), ())], "p.pdf") == \
            page_lines([PageLayout(tuple(glyphs), far_off)], "p.pdf")
