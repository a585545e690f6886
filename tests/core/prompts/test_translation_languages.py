"""The "Translate to…" choices put the interface's language first (no Qt)."""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.prompts.quick_prompts import TRANSLATION_LANGUAGES, translation_languages


@pytest.mark.parametrize(
    ("interface", "first"),
    [
        ("ja", "Japanese"),
        ("ja_JP", "Japanese"),
        ("zh_CN", "Chinese (Simplified)"),
        ("zh-Hans-CN", "Chinese (Simplified)"),
        ("zh_TW", "Chinese (Traditional)"),
        ("zh-Hant", "Chinese (Traditional)"),
        ("en", "English"),
        ("en_US", "English"),
        ("de_DE.UTF-8", "German"),
        ("ko_KR", "Korean"),
    ],
)
def test_the_interface_language_comes_first_and_nothing_is_lost(interface: str, first: str) -> None:
    languages = translation_languages(interface)
    assert languages[0] == first
    assert sorted(languages) == sorted(TRANSLATION_LANGUAGES)  # each once, none lost
    # The others keep their order.
    assert [x for x in languages if x != first] == [x for x in TRANSLATION_LANGUAGES if x != first]


@pytest.mark.parametrize("interface", ["", "C", "sw_KE", "  "])
def test_a_language_not_offered_leaves_the_list_as_it_is(interface: str) -> None:
    assert translation_languages(interface) == TRANSLATION_LANGUAGES
