"""Finding boxes and points in an answer's text: every shape models answer in, before mapping."""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.grounding.parse import RawMark, image_references, parse_marks

BOX = '{"bbox_2d": [10, 20, 30, 40], "label": "dog"}'
POINT = '{"point_2d": [5, 6], "label": "cat"}'


def box(label: str, values: tuple[float, ...], image: int | None = None) -> RawMark:
    return RawMark("box", label, values, image)


@pytest.mark.parametrize(
    "answer",
    [
        f"```json\n[{BOX}]\n```",  # fenced list
        f"```json\n{BOX}\n```",  # fenced single object
        f"[{BOX}]",  # bare list
        f"Here it is: {BOX} — one dog.",  # bare object inside prose
        f'```\n{{"objects": [{BOX}]}}\n```',  # a wrapper object, plain fence
        '[{"bbox_2d": [[10, 20], [30, 40]], "label": "dog"}]',  # corner pairs
        '[{"bbox_2d": ["10", "20", "30", "40"], "label": "dog"}]',  # numbers as strings
    ],
)
def test_one_box_in_each_shape(answer: str) -> None:
    assert parse_marks(answer) == [box("dog", (10, 20, 30, 40))]


def test_points_and_boxes_in_one_list_keep_their_order_and_kinds() -> None:
    marks = parse_marks(f"```json\n[{BOX}, {POINT}]\n```")
    assert [(m.kind, m.label, m.values) for m in marks] == [
        ("box", "dog", (10, 20, 30, 40)),
        ("point", "cat", (5, 6)),
    ]


def test_several_blocks_are_all_read() -> None:
    answer = f"Dogs:\n```json\n[{BOX}]\n```\nCats:\n```json\n[{POINT}]\n```"
    assert [m.kind for m in parse_marks(answer)] == ["box", "point"]


def test_an_answer_cut_mid_json_keeps_the_complete_items() -> None:
    answer = f'```json\n[{BOX}, {POINT}, {{"bbox_2d": [1, 2, 3'
    marks = parse_marks(answer)
    assert [(m.kind, m.label) for m in marks] == [("box", "dog"), ("point", "cat")]


def test_an_answer_cut_inside_a_wrapper_keeps_the_complete_items() -> None:
    answer = f'{{"objects": [{BOX}, {BOX.replace("dog", "fox")}, {{"label": "ow'
    assert [m.label for m in parse_marks(answer)] == ["dog", "fox"]


def test_a_trailing_comma_loses_nothing() -> None:
    # Not JSON as a list, but each object still is.
    assert [m.label for m in parse_marks(f"[{BOX}, {POINT},]")] == ["dog", "cat"]


@pytest.mark.parametrize(
    ("item", "label"),
    [
        ('{"bbox_2d": [1, 2, 3, 4], "text_content": "Total: 12"}', "Total: 12"),
        ('{"bbox_2d": [1, 2, 3, 4]}', ""),
        ('{"bbox_2d": [1, 2, 3, 4], "label": 7}', "7"),
        ('{"bbox": [1, 2, 3, 4], "label": "  two\\n words "}', "two words"),
    ],
)
def test_labels(item: str, label: str) -> None:
    assert [m.label for m in parse_marks(item)] == [label]


@pytest.mark.parametrize(
    "answer",
    [
        '{"bbox_2d": [1, 2, 3], "label": "short"}',
        '{"bbox_2d": [1, 2, 3, "x"], "label": "word"}',
        '{"bbox_2d": [1, 2, 3, true], "label": "bool"}',
        '{"point_2d": [1, 2, 3], "label": "three"}',
        '{"label": "no coordinates"}',
        "[1, 2, 3, 4]",
        "No boxes here {at all}.",
        "",
    ],
)
def test_not_boxes(answer: str) -> None:
    assert parse_marks(answer) == []


def test_qwenvl_html_data_bbox_labels_by_text_or_tag() -> None:
    html = (
        "```html\n<html><body>\n"
        '<h1 data-bbox="10 20 300 60">Annual <b>report</b></h1>\n'
        '<div data-bbox="10 80 600 400"><p data-bbox="12 90 590 120">First line</p></div>\n'
        '<img data-bbox="50 420 250 600" alt="chart">\n'
        '<img data-bbox="260 420 400 600">\n'
        "</body></html>\n```"
    )
    marks = parse_marks(html)
    assert [(m.label, m.values) for m in marks] == [
        ("Annual report", (10, 20, 300, 60)),
        ("First line", (10, 80, 600, 400)),  # the element's text includes its children's
        ("First line", (12, 90, 590, 120)),
        ("chart", (50, 420, 250, 600)),
        ("img", (260, 420, 400, 600)),
    ]


def test_html_cut_off_keeps_the_elements_already_opened() -> None:
    marks = parse_marks('<p data-bbox="1 2 3 4">Done</p><p data-bbox="5 6 7 8">Half a sent')
    assert [(m.label, m.values) for m in marks] == [
        ("Done", (1, 2, 3, 4)),
        ("Half a sent", (5, 6, 7, 8)),
    ]


def test_a_long_html_label_is_shortened() -> None:
    (mark,) = parse_marks(f'<p data-bbox="1 2 3 4">{"word " * 30}</p>')
    assert len(mark.label) == 40 and mark.label.endswith("…")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In image 2 there is a dog", [1]),
        ("Image #3:", [2]),
        ("the second image and the first picture", [1, 0]),
        ("the 2nd photo", [1]),
        ("图2中有一只狗", [1]),
        ("图片 3", [2]),
        ("第二张图", [1]),
        ("2枚目の画像", [1]),
        ("画像3", [2]),
        ("image 4", []),  # only three images: not a reference
        ("an image of 2 dogs", []),
        ("imagery 2", []),
    ],
)
def test_image_references(text: str, expected: list[int]) -> None:
    assert list(image_references(text, 3)) == expected


def test_each_block_belongs_to_the_image_named_before_it() -> None:
    answer = (
        f"In the first image:\n```json\n[{BOX}]\n```\n"
        f"In image 2:\n```json\n[{POINT}]\n```\n"
        f"And also:\n```json\n[{BOX}]\n```"
    )
    assert [m.image for m in parse_marks(answer, 2)] == [0, 1, 1]


def test_a_reference_after_the_json_names_its_image() -> None:
    answer = f"```json\n[{BOX}]\n```\nThese are the dogs in the second image."
    assert [m.image for m in parse_marks(answer, 2)] == [1]


def test_no_reference_leaves_the_image_open() -> None:
    assert [m.image for m in parse_marks(f"[{BOX}]", 2)] == [None]
