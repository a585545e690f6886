"""The interface language without Qt: which one (setting > environment > OS locale > English),
the ``language`` setting's values, and the core's reader of the compiled catalogs.

The catalogs themselves (complete, current with the code, equal to what Qt reads) are checked in
tests/core/test_i18n_catalogs.py and tests/gui/test_translations.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.core import i18n
from qwenvl_desktop.core.i18n import (
    CatalogError,
    language_from_tag,
    read_qm,
    resolve_language,
    set_language,
    system_languages,
    translate,
)
from qwenvl_desktop.core.settings import load_settings
from qwenvl_desktop.core.settings.files import ConfigLocations


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    set_language("en")  # a language set by a test never outlives it


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ja", "ja"),
        ("ja_JP.UTF-8", "ja"),
        ("ja-JP", "ja"),
        ("zh_CN", "zh_CN"),
        ("zh_CN.GB18030", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh", "zh_CN"),
        ("zh_TW.UTF-8", None),  # Traditional Chinese: not shipped, so not Simplified either
        ("zh-Hant", None),
        ("en_GB.UTF-8", "en"),
        ("C", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("fr_FR.UTF-8", None),
        ("", None),
    ],
)
def test_locale_tags_map_to_the_shipped_languages(tag: str, expected: str | None) -> None:
    assert language_from_tag(tag) == expected


def test_the_setting_wins_over_the_system_and_english_is_the_last_resort() -> None:
    assert resolve_language("ja", ["zh_CN.UTF-8"]) == "ja"
    assert resolve_language("zh_CN", ["ja_JP"]) == "zh_CN"
    assert resolve_language("en", ["ja_JP"]) == "en"
    # "system" (or not set): the first shipped language of the system's list
    assert resolve_language(None, ["fr_FR", "zh_CN.UTF-8", "ja"]) == "zh_CN"
    assert resolve_language("system", ["de", "ja_JP.UTF-8"]) == "ja"
    assert resolve_language(None, ["fr_FR", "de_DE"]) == "en"
    assert resolve_language(None, []) == "en"


def test_the_os_locale_comes_from_language_then_lc_all_lc_messages_lang() -> None:
    environ = {
        "LANG": "fr_FR.UTF-8",
        "LC_MESSAGES": "zh_CN.UTF-8",
        "LANGUAGE": "de:ja",
    }
    assert system_languages(environ)[:4] == ["de", "ja", "zh_CN.UTF-8", "fr_FR.UTF-8"]
    assert resolve_language(None, system_languages(environ)) == "ja"
    assert resolve_language(None, system_languages({"LANG": "zh_CN.UTF-8"})) == "zh_CN"
    assert resolve_language(None, system_languages({"LC_ALL": "C.UTF-8", "LANG": "ja_JP"})) == "en"
    assert resolve_language(None, system_languages({})) == "en"


def test_the_environment_variable_overrides_the_settings_file(tmp_path: Path) -> None:
    # GIVEN a user file choosing Japanese
    where = ConfigLocations(tmp_path / "sys" / "config.toml", tmp_path / "user" / "config.toml")
    where.user.parent.mkdir(parents=True)
    where.user.write_text('language = "ja"\n', encoding="utf-8")
    locale = system_languages({"LANG": "zh_CN.UTF-8"})
    # THEN the file's choice beats the locale, the environment's beats the file
    from_file = load_settings(environ={}, locations=where).settings.language
    assert resolve_language(from_file, locale) == "ja"
    env = {"QWENVL_DESKTOP_LANGUAGE": "zh-CN"}
    from_env = load_settings(environ=env, locations=where).settings.language
    assert from_env == "zh_CN" and resolve_language(from_env, locale) == "zh_CN"
    env = {"QWENVL_DESKTOP_LANGUAGE": "system"}
    assert resolve_language(load_settings(environ=env, locations=where).settings.language, locale)
    assert load_settings(environ=env, locations=where).settings.language is None


@pytest.mark.parametrize("text", ["fr", "zh_TW", "english please", "C"])
def test_the_setting_refuses_a_language_that_is_not_shipped(tmp_path: Path, text: str) -> None:
    where = ConfigLocations(tmp_path / "sys" / "config.toml", tmp_path / "user" / "config.toml")
    loaded = load_settings(environ={"QWENVL_DESKTOP_LANGUAGE": text}, locations=where)
    assert loaded.settings.language is None
    [problem] = loaded.problems
    assert '"en", "ja", "zh_CN" or "system"' in problem


def test_the_core_translates_from_the_shipped_catalog() -> None:
    assert translate("MainWindow", "&File") == "&File"  # English: nothing loaded
    set_language("ja")
    assert translate("MainWindow", "&File") == "ファイル(&F)"
    assert translate("PreferencesDialog", "none", "no key") == "なし"
    assert translate("MainWindow", "Not in the catalog") == "Not in the catalog"
    set_language("zh_CN")
    assert translate("MainWindow", "&File") == "文件(&F)"
    assert i18n.current_language() == "zh_CN"
    set_language("en")
    assert translate("MainWindow", "&File") == "&File"


def test_n_is_replaced_like_qt_does() -> None:
    assert translate("Any", "%n images", n=3) == "3 images"
    assert translate("Any", "100%", n=-1) == "100%"


def test_a_damaged_catalog_says_so() -> None:
    with pytest.raises(CatalogError, match="not a Qt translation file"):
        read_qm(b"<TS>not compiled</TS>")
    good = i18n.catalog_path("ja").read_bytes()
    with pytest.raises(CatalogError, match="damaged"):
        read_qm(good[: len(good) // 2])
