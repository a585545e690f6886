"""Mapping each family's coordinates to pixels of the original image.

Expected pixels are worked by hand: Qwen3-VL's 0–1000 grid scales by width/1000 and height/1000;
Qwen2.5-VL's pixels are those of Qwen's ``smart_resize`` of the image sent (28 px grid).
"""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.grounding import (
    Annotations,
    Box,
    ImageFrame,
    Point,
    find_annotations,
)
from qwenvl_desktop.core.grounding.geometry import coordinate_system, model_view_size
from qwenvl_desktop.core.protocol.catalog import ModelInfo, load_catalog

QWEN3 = load_catalog().model("qwen3-vl-plus")
QWEN25 = load_catalog().model("qwen2.5-vl-7b-instruct")


def test_the_catalog_families_read_as_expected() -> None:
    catalog = load_catalog()
    assert coordinate_system(QWEN3) == "relative-1000"
    assert coordinate_system(QWEN25) == "absolute-resized"
    assert coordinate_system(catalog.model("qvq-max")) == "absolute-resized"
    assert coordinate_system(catalog.model("qwen-vl-max")) == "relative-1000"


def test_relative_family_scales_by_the_original_size() -> None:
    answer = '```json\n[{"bbox_2d": [100, 200, 500, 800], "label": "dog"}]\n```'
    found = find_annotations(answer, [ImageFrame((2000, 1000), (1024, 512))], QWEN3)
    assert found == Annotations(boxes=(Box("dog", (200.0, 200.0, 1000.0, 800.0), 0),))


def test_relative_points() -> None:
    found = find_annotations(
        '{"point_2d": [250, 750], "label": "eye"}', [ImageFrame((800, 400))], QWEN3
    )
    assert found.points == (Point("eye", (200.0, 300.0), 0),)


def test_absolute_family_maps_from_the_sent_size() -> None:
    # 1400×700 is on the 28 px grid and within 1,003,520 px: the service keeps it; ×2 to 2800×1400.
    answer = '[{"bbox_2d": [140, 70, 700, 350], "label": "car"}]'
    found = find_annotations(answer, [ImageFrame((2800, 1400), (1400, 700))], QWEN25)
    assert found.boxes == (Box("car", (280.0, 140.0, 1400.0, 700.0), 0),)
    assert found.notes == ()


def test_absolute_family_recomputes_the_resize_of_an_image_sent_unchanged() -> None:
    # 1000×500: round(1000/28)=36 → 1008, round(500/28)=18 → 504; the model saw 1008×504.
    frame = ImageFrame((1000, 500))
    assert model_view_size(frame, QWEN25) == (1008, 504)
    found = find_annotations('{"bbox_2d": [504, 252, 1008, 504], "label": "x"}', [frame], QWEN25)
    assert found.boxes == (Box("x", (500.0, 250.0, 1000.0, 500.0), 0),)


def test_values_above_1000_from_a_relative_family_are_read_as_pixels_and_noted() -> None:
    # qwen3-vl: 2048×1024 is on the 32 px grid and fits its budget, so the model saw 2048×1024.
    answer = '[{"bbox_2d": [1024, 512, 2048, 1024], "label": "sign"}]'
    found = find_annotations(answer, [ImageFrame((4000, 2000), (2048, 1024))], QWEN3)
    assert found.boxes == (Box("sign", (2000.0, 1000.0, 4000.0, 2000.0), 0),)
    assert len(found.notes) == 1 and "above 1000" in found.notes[0]
    assert "2048×1024" in found.notes[0]


def test_boxes_are_ordered_and_clamped_to_the_image() -> None:
    found = find_annotations(
        '{"bbox_2d": [600, 900, -20, 1000], "label": "odd"}', [ImageFrame((100, 100))], QWEN3
    )
    assert found.boxes == (Box("odd", (0.0, 90.0, 60.0, 100.0), 0),)


def test_several_images_each_block_on_the_image_it_names() -> None:
    answer = (
        'Image 1: [{"bbox_2d": [0, 0, 500, 500], "label": "a"}]\n'
        'In the second image: [{"bbox_2d": [0, 0, 500, 500], "label": "b"}]\n'
        '图2: {"point_2d": [1000, 1000], "label": "c"}'
    )
    frames = [ImageFrame((1000, 1000)), ImageFrame((400, 200))]
    found = find_annotations(answer, frames, QWEN3)
    assert found.boxes == (
        Box("a", (0.0, 0.0, 500.0, 500.0), 0),
        Box("b", (0.0, 0.0, 200.0, 100.0), 1),
    )
    assert found.points == (Point("c", (400.0, 200.0), 1),)


def test_without_a_reference_the_boxes_go_on_the_first_image() -> None:
    frames = [ImageFrame((1000, 1000)), ImageFrame((400, 200))]
    found = find_annotations('{"bbox_2d": [0, 0, 10, 10], "label": "a"}', frames, QWEN3)
    assert [b.image for b in found.boxes] == [0]


def test_above_1000_is_judged_per_image() -> None:
    answer = (
        'Image 1: [{"bbox_2d": [0, 0, 500, 500], "label": "a"}]\n'
        'Image 2: [{"bbox_2d": [0, 0, 1600, 1600], "label": "b"}]'
    )
    frames = [ImageFrame((1000, 1000)), ImageFrame((3200, 3200), (1600, 1600))]
    found = find_annotations(answer, frames, QWEN3)
    assert found.boxes[0].box == (0.0, 0.0, 500.0, 500.0)
    assert found.boxes[1].box == (0.0, 0.0, 3200.0, 3200.0)
    assert len(found.notes) == 1 and "image 2" in found.notes[0]


def test_html_boxes_are_mapped_like_json() -> None:
    found = find_annotations(
        '<p data-bbox="100 100 200 150">Title</p>', [ImageFrame((2000, 2000))], QWEN3
    )
    assert found.boxes == (Box("Title", (200.0, 200.0, 400.0, 300.0), 0),)


def test_a_model_not_known_to_ground_is_read_on_the_grid_and_noted() -> None:
    unknown = load_catalog().model("some-gateway-model")
    found = find_annotations(
        '{"bbox_2d": [0, 0, 500, 500], "label": "a"}', [ImageFrame((10, 10))], unknown
    )
    assert found.boxes[0].box == (0.0, 0.0, 5.0, 5.0)
    assert any("not known to answer with boxes" in note for note in found.notes)


@pytest.mark.parametrize("frames", [[], [ImageFrame((10, 10))]])
def test_nothing_found_is_empty_and_false(frames: list[ImageFrame]) -> None:
    found = find_annotations("A dog on a beach.", frames, QWEN3)
    assert found == Annotations() and not found


def test_no_frames_means_nothing_to_map_onto() -> None:
    assert not find_annotations('{"bbox_2d": [0, 0, 5, 5], "label": "a"}', [], QWEN3)


def test_helpers_on_annotations() -> None:
    found = Annotations(
        boxes=(Box("b", (0, 0, 1, 1), 0), Box("a", (0, 0, 1, 1), 1)),
        points=(Point("b", (0, 0), 1), Point("c", (0, 0), 1)),
    )
    assert found.labels == ("b", "a", "c")
    assert found.on_image(1) == Annotations(boxes=(Box("a", (0, 0, 1, 1), 1),), points=found.points)
    assert {b.image for b in found.moved_to(2).boxes} == {2}


def test_model_info_is_what_drives_the_mapping() -> None:
    # The same answer and image, two families: the absolute one scales by the model's view.
    answer = '{"bbox_2d": [0, 0, 500, 250], "label": "a"}'
    frame = ImageFrame((1008, 504))
    relative = ModelInfo(name="r", group="g", grounding="relative-1000", grid=28)
    absolute = ModelInfo(name="a", group="g", grounding="absolute-resized", grid=28)
    assert find_annotations(answer, [frame], relative).boxes[0].box == (0.0, 0.0, 504.0, 126.0)
    assert find_annotations(answer, [frame], absolute).boxes[0].box == (0.0, 0.0, 500.0, 250.0)
