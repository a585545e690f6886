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
