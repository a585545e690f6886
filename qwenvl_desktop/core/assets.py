"""Runtime assets (icons, desktop metadata, the welcome's sample picture) from ``resources/``.

A built wheel or bundle carries ``resources/`` inside the package as ``qwenvl_desktop/resources``
(hatch force-include); an editable install from a checkout does not, so fall back to the
checkout's folder. Either way callers get a real file path (Qt's icon loaders want paths).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["app_icon_path", "asset_path", "sample_image_path"]

_CHECKOUT_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def asset_path(relative: str) -> Path:
    """The file ``relative`` (e.g. ``"qwenvl-desktop.svg"``) of the shipped resources."""
    packaged = resources.files("qwenvl_desktop").joinpath("resources", relative)
    if packaged.is_file():
        return Path(str(packaged))
    fallback = _CHECKOUT_RESOURCES / relative
    if fallback.is_file():
        return fallback
    raise FileNotFoundError(f"resource {relative!r} is missing from this installation")


def app_icon_path() -> Path:
    return asset_path("qwenvl-desktop.svg")


def sample_image_path() -> Path:
    """The picture the welcome offers to try (made by ``packaging/render_sample_image.py``)."""
    return asset_path("sample-cafe-table.png")
