"""Drawing: pixels read back from a written PNG, one colour per label, the input untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.grounding import Annotations, Box, Point, draw_annotations, label_colour
from qwenvl_desktop.core.grounding.draw import _PALETTE

WHITE = (255, 255, 255)


def written(image: Image.Image, tmp_path: Path) -> Image.Image:
    """``image`` as a PNG file reads it back: what a viewer would show."""
    path = tmp_path / "drawn.png"
    image.save(path)
    with Image.open(path) as reread:
        return reread.convert("RGB")


def test_a_box_is_drawn_on_its_pixel_edges(tmp_path: Path) -> None:
    # GIVEN a white 400×300 image and a box from (50, 60) to (250, 200)
    image = Image.new("RGB", (400, 300), WHITE)
    found = Annotations(boxes=(Box("cat", (50, 60, 250, 200), 0),))
    # WHEN it is drawn and written
    drawn = written(draw_annotations(image, found), tmp_path)
    colour = label_colour("cat", ("cat",))
    # THEN the outline covers the box's edge pixels, and nothing outside or deep inside
    assert drawn.getpixel((50, 130)) == colour  # left edge
    assert drawn.getpixel((249, 130)) == colour  # right edge: the last pixel inside
    assert drawn.getpixel((150, 199)) == colour  # bottom edge
    assert drawn.getpixel((49, 130)) == WHITE
    assert drawn.getpixel((250, 130)) == WHITE
    assert drawn.getpixel((150, 200)) == WHITE
    assert drawn.getpixel((150, 130)) == WHITE  # inside stays clear
    # AND the label's tab sits above the box's top-left corner
    assert drawn.getpixel((50, 58)) == colour  # the tab's padding, left of the text
    assert image.getpixel((50, 130)) == WHITE  # the input is not changed


def test_scale_draws_on_a_thumbnail_at_the_scaled_place(tmp_path: Path) -> None:
    thumbnail = Image.new("RGB", (200, 150), WHITE)
    found = Annotations(boxes=(Box("cat", (50, 60, 250, 200), 0),))
    drawn = written(draw_annotations(thumbnail, found, scale=0.5), tmp_path)
    colour = label_colour("cat", ("cat",))
    assert drawn.getpixel((25, 65)) == colour
    assert drawn.getpixel((124, 65)) == colour
    assert drawn.getpixel((24, 65)) == WHITE and drawn.getpixel((125, 65)) == WHITE


def test_a_point_is_a_dot_centred_on_it(tmp_path: Path) -> None:
    image = Image.new("RGB", (400, 300), WHITE)
    found = Annotations(points=(Point("eye", (300, 100), 0),))
    drawn = written(draw_annotations(image, found), tmp_path)
    assert drawn.getpixel((300, 100)) == label_colour("eye", ("eye",))
    assert drawn.getpixel((300, 130)) == WHITE


def test_only_the_chosen_image_is_drawn(tmp_path: Path) -> None:
    image = Image.new("RGB", (100, 100), WHITE)
    found = Annotations(boxes=(Box("a", (10, 10, 90, 90), 1),))
    assert written(draw_annotations(image, found, 0), tmp_path).getpixel((10, 50)) == WHITE
    assert written(draw_annotations(image, found, 1), tmp_path).getpixel((10, 50)) != WHITE


def test_each_label_gets_its_own_colour(tmp_path: Path) -> None:
    labels = [f"thing {i}" for i in range(len(_PALETTE))]
    image = Image.new("RGB", (40 * len(labels), 200), WHITE)
    boxes = tuple(
        Box(label, (40 * i + 5, 100, 40 * i + 35, 190), 0) for i, label in enumerate(labels)
    )
    drawn = written(draw_annotations(image, Annotations(boxes=boxes)), tmp_path)
    seen = [drawn.getpixel((40 * i + 5, 150)) for i in range(len(labels))]
    assert len(set(seen)) == len(labels)
    assert seen == [label_colour(label, labels) for label in labels]


def test_label_colour_is_stable_across_processes() -> None:
    code = "from qwenvl_desktop.core.grounding import label_colour; print(label_colour('dog'))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert outputs == {str(label_colour("dog"))}


def test_a_label_keeps_its_own_colour_when_nothing_collides() -> None:
    assert label_colour("dog", ("dog",)) == label_colour("dog")


@pytest.mark.parametrize(
    ("mode", "expected"), [("RGB", "RGB"), ("RGBA", "RGBA"), ("L", "RGB"), ("P", "RGB")]
)
def test_result_mode(mode: str, expected: str) -> None:
    image = Image.new(mode, (50, 50))
    found = Annotations(boxes=(Box("a", (5, 5, 45, 45), 0),))
    drawn = draw_annotations(image, found)
    assert drawn.mode == expected and drawn.size == (50, 50) and drawn is not image


def test_labels_in_other_scripts_and_at_the_edges_do_not_fail(tmp_path: Path) -> None:
    image = Image.new("RGB", (300, 200), WHITE)
    found = Annotations(
        boxes=(Box("红色汽车", (0, 0, 300, 200), 0), Box("車", (280, 190, 300, 200), 0)),
        points=(Point("端", (299, 0), 0),),
    )
    drawn = written(draw_annotations(image, found), tmp_path)
    assert drawn.getpixel((0, 100)) == label_colour("红色汽车", found.labels)
