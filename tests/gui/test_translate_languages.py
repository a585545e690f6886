"""The "Translate to…" drop-down of the quick-prompt bar starts with the interface's language.

GIVEN the default locale a chosen interface language sets (``QLocale.setDefault``), WHEN the
drop-down opens, THEN its first language is that one; switching the language reorders it the
next time it opens, and choosing still asks in the chosen language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.prompts.quick_prompts import QuickPrompts
from qwenvl_desktop.gui.quick_prompts_bar import QuickPromptsBar

pytestmark = pytest.mark.gui


@pytest.fixture
def bar(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[QuickPromptsBar]:
    folder = tmp_path / "config" / "qwenvl-desktop"
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a, **k: str(folder))
    before = QLocale()
    widget = QuickPromptsBar(QuickPrompts.load())
    qtbot.addWidget(widget)
    yield widget
    QLocale.setDefault(before)


def opened_languages(qtbot: QtBot, bar: QuickPromptsBar) -> list[str]:
    """The languages of the drop-down as it shows when opened (the separator and Other… off)."""
    menu = bar.button("translate").menu()
    assert isinstance(menu, QMenu)
    menu.popup(bar.mapToGlobal(bar.rect().center()))
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.hide()
    assert texts[-1] == "Other…"
    return texts[:-1]


def test_the_interface_language_is_offered_first(qtbot: QtBot, bar: QuickPromptsBar) -> None:
    QLocale.setDefault(QLocale("ja_JP"))
    assert opened_languages(qtbot, bar)[:2] == ["Japanese", "English"]
    QLocale.setDefault(QLocale("zh_CN"))  # switched while the window is open
    assert opened_languages(qtbot, bar)[:2] == ["Chinese (Simplified)", "English"]
    QLocale.setDefault(QLocale("en_US"))
    assert opened_languages(qtbot, bar)[:2] == ["English", "Chinese (Simplified)"]


def test_choosing_the_first_language_asks_in_it(qtbot: QtBot, bar: QuickPromptsBar) -> None:
    QLocale.setDefault(QLocale("ja_JP"))
    menu = bar.button("translate").menu()
    assert menu is not None
    menu.aboutToShow.emit()
    first = menu.actions()[0]
    with qtbot.waitSignal(bar.promptChosen) as blocker:
        first.trigger()
    assert "into Japanese" in blocker.args[0]
    assert QuickPrompts.load().language == "Japanese"
