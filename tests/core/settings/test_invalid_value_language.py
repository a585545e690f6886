"""A setting's invalid-value sentence follows the interface language (issue 12), without Qt.

The sentences are whole (``%1`` where the value goes), so a translator can put the value where
Japanese or Chinese word order wants it; English stays as it was. The Japanese checks run against
the shipped catalog (resources/translations/qwenvl_desktop_ja.qm).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.core.i18n import set_language
from qwenvl_desktop.core.settings.files import ConfigLocations, shown_origin
from qwenvl_desktop.core.settings.loader import load_settings
from qwenvl_desktop.core.settings.schema import SPECS, InvalidValue, ParseContext


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    set_language("en")  # a language set by a test never outlives it


def _message(name: str, value: object, *, from_text: bool = False) -> str:
    with pytest.raises(InvalidValue) as raised:
        SPECS[name].parse(value, ParseContext(from_text=from_text))
    return str(raised.value)


def test_an_invalid_theme_is_explained_in_japanese_then_in_english_again() -> None:
    english = _message("theme", "purple")
    set_language("ja")
    japanese = _message("theme", "purple")
    set_language("en")
    back = _message("theme", "purple")

    assert english == 'theme \'purple\': choose "system", "light" or "dark"'
    assert japanese == 'テーマ \'purple\'："system"、"light"、"dark" のいずれかを選んでください'
    assert back == english


def test_an_expected_kind_and_the_kind_given_are_both_translated() -> None:
    set_language("ja")
    japanese = _message("connect_timeout", True)
    japanese_font = _message("font_size", "big", from_text=True)
    set_language("en")

    assert japanese == "秒数が必要ですが、真偽値が指定されました"
    assert japanese_font == "ポイント単位のフォントサイズが必要ですが、'big'が指定されました"
    assert _message("connect_timeout", True) == "expected a number of seconds, got a boolean"
    assert (
        _message("font_size", "big", from_text=True) == "expected a font size in points, got 'big'"
    )


def test_a_value_that_looks_like_a_placeholder_is_shown_as_written() -> None:
    # the values go in in one pass: a theme named "%2" is not replaced by the second value
    assert _message("theme", "%2") == 'theme \'%2\': choose "system", "light" or "dark"'
    assert _message("region_urls", "cn=%1 %2", from_text=True) == "base URL '%1 %2' contains spaces"


def test_a_model_outside_the_allowed_list_is_explained_in_the_interface_language(
    tmp_path: Path,
) -> None:
    where = ConfigLocations(tmp_path / "system.toml", tmp_path / "user.toml")
    environ = {
        "QWENVL_DESKTOP_ALLOWED_MODELS": "qwen3-vl-plus",
        "QWENVL_DESKTOP_MODEL": "qwen3-vl-flash",
    }
    english = load_settings(environ=environ, locations=where)
    set_language("ja")
    japanese = load_settings(environ=environ, locations=where)
    set_language("en")

    [notice] = english.notices
    assert str(notice) == (
        "environment QWENVL_DESKTOP_MODEL, key 'model': model 'qwen3-vl-flash' is not in "
        "allowed_models (qwen3-vl-plus, from environment QWENVL_DESKTOP_ALLOWED_MODELS); "
        "using qwen3-vl-plus"
    )
    # what programs read stays English; what a person reads does not
    assert (
        english.sources["model"]
        == japanese.sources["model"]
        == ("environment QWENVL_DESKTOP_ALLOWED_MODELS (first allowed model)")
    )
    assert shown_origin(english.sources["model"]) == english.sources["model"]
    [japanese_notice] = japanese.notices
    assert "allowed_models（qwen3-vl-plus、" in japanese_notice.message
    set_language("ja")
    assert shown_origin(japanese.sources["model"]).endswith("（許可されたモデルの先頭）")
