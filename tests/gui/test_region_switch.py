"""Issue 11, defect 4: switching region never keeps a model the region does not offer.

GIVEN the window on Singapore with qwen3-vl-plus WHEN Virginia is chosen THEN the model becomes
Virginia's equivalent, the picker shows it and the status bar says so — unless the model was
named on the command line or is locked (decision 0014).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.settings import Settings
from qwenvl_desktop.services.chat import ChatController

from .conftest import WindowFactory

pytestmark = pytest.mark.gui


def choose_region(window, region_id: str) -> None:  # type: ignore[no-untyped-def]
    picker = window.findChild(QComboBox, "regionPicker")
    assert isinstance(picker, QComboBox)
    picker.setCurrentIndex(picker.findText(region_id))


def offered(window) -> list[str]:  # type: ignore[no-untyped-def]
    models = window.findChild(QComboBox, "modelPicker")
    assert isinstance(models, QComboBox)
    return [models.itemText(i) for i in range(models.count())]


def test_given_a_model_the_new_region_lacks_then_its_equivalent_is_chosen_and_said(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("--region", "intl")
    assert window.controller.model == "qwen3-vl-plus"
    choose_region(window, "us")
    assert window.controller.region == "us"
    assert window.controller.model == "qwen3-vl-flash-us"
    assert window.picker.model.currentText() == "qwen3-vl-flash-us"
    assert "qwen3-vl-plus" not in offered(window)
    notice = window.statusBar().currentMessage()
    assert "qwen3-vl-plus" in notice and "switched to qwen3-vl-flash-us" in notice

    choose_region(window, "intl")  # back: Singapore's own name for the same model
    assert window.controller.model == "qwen3-vl-flash"
    assert window.picker.model.currentText() == "qwen3-vl-flash"


def test_given_a_model_named_on_the_command_line_then_it_stays_and_the_notice_says_why(
    make_window: WindowFactory,
) -> None:
    window = make_window("--region", "intl", "--model", "qwen3-vl-plus")
    choose_region(window, "us")
    assert window.controller.region == "us"
    assert window.controller.model == "qwen3-vl-plus"
    assert window.picker.model.currentText() == "qwen3-vl-plus"
    assert "command line" in window.statusBar().currentMessage()


def test_given_a_locked_model_then_switching_region_keeps_it(qloop, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    chat = ChatController(Settings(region="intl", history=False, locked=frozenset({"model"})))
    notices: list[str] = []
    chat.notice.connect(notices.append)
    chat.set_region("us")
    assert chat.model == "qwen3-vl-plus"
    assert notices and "locked" in notices[0]
    closing = qloop.create_task(chat.aclose())
    qtbot.waitUntil(closing.done, timeout=5000)
