"""The quick-prompt bar and its editor (Qt widgets over the quick-prompt library)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.prompts.quick_prompts import QuickPrompts
from qwenvl_desktop.gui.quick_prompts_bar import QuickPromptsBar


@pytest.fixture
def config_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """platformdirs' user config folder, moved into the test's temporary folder."""
    folder = tmp_path / "config" / "qwenvl-desktop"
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a, **k: str(folder))
    return folder


# The bar and its editor ---------------------------------------------------------------------------


@pytest.mark.gui
def test_bar_emits_the_prompt_and_whether_it_wants_ocr(
    qtbot: QtBot, qapp: QApplication, config_dir: Path
) -> None:
    bar = QuickPromptsBar(QuickPrompts.load())
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.promptChosen) as blocker:
        bar.button("extract-text").click()
    assert blocker.args == [QuickPrompts().get("extract-text").text, True]
    with qtbot.waitSignal(bar.promptChosen) as blocker:
        bar.button("describe").click()
    assert blocker.args[1] is False


@pytest.mark.gui
def test_choosing_a_language_saves_it_and_asks(
    qtbot: QtBot, qapp: QApplication, config_dir: Path
) -> None:
    bar = QuickPromptsBar(QuickPrompts.load())
    qtbot.addWidget(bar)
    menu = bar.button("translate").menu()
    assert menu is not None
    german = next(a for a in menu.actions() if a.text() == "German")
    with qtbot.waitSignal(bar.promptChosen) as blocker:
        german.trigger()
    assert "into German" in blocker.args[0]
    assert bar.button("translate").text() == "Translate to German"
    assert QuickPrompts.load().language == "German"  # saved


@pytest.mark.gui
def test_editor_ok_saves_and_rebuilds_cancel_does_not(
    qtbot: QtBot, qapp: QApplication, config_dir: Path
) -> None:
    bar = QuickPromptsBar(QuickPrompts.load())
    qtbot.addWidget(bar)

    # WHEN the editor renames the first prompt and adds one, then OK
    bar.open_editor()
    editor = bar._editor
    assert editor is not None
    editor.list.setCurrentRow(0)
    editor.label_edit.setText("What is this?")
    editor.label_edit.textEdited.emit("What is this?")
    editor.add_button.click()
    editor.accept()

    # THEN the bar shows the change and the file has it
    assert bar.button("describe").text() == "What is this?"
    assert "new-prompt" in [p.id for p in bar.prompts]
    assert QuickPrompts.load().get("describe").label == "What is this?"

    # WHEN an empty label is typed, OK is disabled; Cancel keeps the saved list
    bar.open_editor()
    editor = bar._editor
    assert editor is not None
    editor.list.setCurrentRow(1)
    editor.label_edit.setText("")
    editor.label_edit.textEdited.emit("")
    assert editor.error.isVisibleTo(editor)
    assert not editor.buttons.button(editor.buttons.StandardButton.Ok).isEnabled()
    editor.done(QDialog.DialogCode.Rejected)
    assert bar.prompts.get("extract-text").label == "Extract text"
