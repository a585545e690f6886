"""The grounding questions: each family asked in its own coordinate convention."""

from __future__ import annotations

from qwenvl_desktop.core.grounding import find_prompt, point_prompt
from qwenvl_desktop.core.protocol.catalog import load_catalog

QWEN3 = load_catalog().model("qwen3-vl-plus")
QWEN25 = load_catalog().model("qwen2.5-vl-7b-instruct")


def test_relative_family_is_asked_for_the_0_1000_grid() -> None:
    text = find_prompt("red car", QWEN3)
    assert '"red car"' in text and "bbox_2d" in text and "0–1000" in text


def test_absolute_family_is_not_told_a_scale_it_does_not_use() -> None:
    text = find_prompt("red car", QWEN25)
    assert '"red car"' in text and "bbox_2d" in text and "1000" not in text


def test_points() -> None:
    assert "point_2d" in point_prompt("eyes", QWEN3) and "0–1000" in point_prompt("eyes", QWEN3)
    assert "point_2d" in point_prompt("eyes", QWEN25)
    assert "1000" not in point_prompt("eyes", QWEN25)


def test_several_images_ask_which_image_each_block_is_about() -> None:
    assert "Image 2:" in find_prompt("dog", QWEN3, images=2)
    assert "Image 2:" not in find_prompt("dog", QWEN3)


def test_what_is_tidied_and_never_empty() -> None:
    assert '"red car"' in find_prompt("  red\n car. ", QWEN3)
    assert "every object" in find_prompt("  ", QWEN3)
