"""Runtime assets are found from the installed package (wheel) or the checkout (editable)."""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.assets import app_icon_path, asset_path


def test_the_app_icon_is_an_svg_file() -> None:
    path = app_icon_path()
    assert path.is_file() and path.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_a_missing_asset_is_a_clear_error() -> None:
    with pytest.raises(FileNotFoundError, match=r"nope\.png"):
        asset_path("nope.png")


def test_the_sample_picture_is_small_and_readable() -> None:
    """The welcome's sample ships in resources/ (force-included in the wheel), under 60 KB."""
    from PIL import Image

    from qwenvl_desktop.core.assets import sample_image_path

    path = sample_image_path()
    assert path.stat().st_size <= 60 * 1024
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size == (720, 480)
