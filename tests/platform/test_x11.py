"""Under a real X server: the clipboard between processes, and the overlay on a real screen grab.

Each side runs in its own helper process with the xcb platform (see conftest.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from qwenvl_desktop.platform.clipboard import rgba_digest
from tests.platform.pattern import pattern_image
from tests.platform.x11_clipboard_owner import picture

pytestmark = pytest.mark.gui

HERE = Path(__file__).resolve().parent


def pil_digest(image: Image.Image) -> str:
    rgba = image.convert("RGBA")
    return rgba_digest(rgba.width, rgba.height, rgba.tobytes(), 4 * rgba.width)


def test_watch_mode_attaches_an_image_copied_by_another_process_once(
    spawn, x11_env: dict[str, str], tmp_path: Path
) -> None:
    # GIVEN the watcher running in one process, watch mode on
    watcher = spawn("x11_clipboard_watcher.py", str(tmp_path), env=x11_env)
    assert watcher.expect("ready").split()[1] == "xcb"
    owner = spawn("x11_clipboard_owner.py", env=x11_env)
    owner.expect("ready")
    expected_a, expected_b = pil_digest(picture("A")), pil_digest(picture("B"))

    # WHEN another process copies image A
    owner.send("set A")
    assert owner.expect("set A").split()[2] == expected_a
    # THEN the watcher captures exactly that picture
    assert watcher.expect("captured").split()[1:] == [expected_a, "96x64"]

    # WHEN A is copied again (a new clipboard owner, the same pixels)
    owner.send("set A")
    owner.expect("set A")
    # THEN the watcher reads the clipboard again but emits nothing
    watcher.expect("checked")
    watcher.expect("checked")

    # WHEN a different image follows
    owner.send("set B")
    assert watcher.expect("captured").split()[1:] == [expected_b, "96x64"]
    watcher.finish()

    captured = [line for line in watcher.seen if line.startswith("captured")]
    assert [line.split()[1] for line in captured] == [expected_a, expected_b]
    # AND the PNG handed to the image pipeline holds the copied pixels exactly
    png = Image.open(tmp_path / "captured-1.png").convert("RGB")
    assert ImageChops.difference(png, picture("A").convert("RGB")).getbbox() is None


@pytest.mark.parametrize("scale", ["1", "2"])
def test_region_crop_is_the_pattern_under_the_selection(
    spawn, x11_env: dict[str, str], tmp_path: Path, scale: str
) -> None:
    # GIVEN a screen showing a pattern whose every pixel differs, at 1× or 2× device pixels
    env = dict(x11_env, QT_SCALE_FACTOR=scale)
    # WHEN the Qt handler grabs it and a rectangle is dragged on the overlay
    # (press at 101,83, release at 397,301 in logical pixels)
    probe = spawn("x11_capture_probe.py", str(tmp_path), "101", "83", "397", "301", env=env)
    line = probe.expect("{", timeout=20)
    assert probe.finish() == 0, probe.stderr
    info = json.loads(line)
    ratio = int(scale)

    # THEN the grab is in device pixels with the screen's ratio, and the overlay closed
    assert info["ratio"] == info["grab_ratio"] == ratio
    width, height = info["grab_size"]
    assert (width, height) == (info["geometry"][2] * ratio, info["geometry"][3] * ratio)
    assert info["overlays"] == 0
    # AND the crop is exactly the pattern's device pixels under the logical rectangle × ratio
    box = (101 * ratio, 83 * ratio, 397 * ratio, 301 * ratio)
    assert info["crop_size"] == [box[2] - box[0], box[3] - box[1]]
    assert info["crop_ratio"] == ratio
    crop = Image.open(tmp_path / "crop.png").convert("RGB")
    expected = pattern_image(width, height).crop(box)
    assert crop.size == expected.size
    assert ImageChops.difference(crop, expected).getbbox() is None
