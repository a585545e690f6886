"""The region and model popups (issue 11, defect 3).

GIVEN the real window, WHEN the region or model list opens, THEN it is as wide as its longest
entry (so nothing is cut), and a model's flags are short words with an explanation each.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.model_picker import ID_ROLE, SECONDARY_ROLE
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory

pytestmark = pytest.mark.gui

#: catalog flags that are detail, not words a person reads in the list
_RAW_FLAG = re.compile(r"grid|grounding|context|max-output|:|\d")


def cut_entries(combo: QComboBox) -> list[str]:
    """The entries whose name and secondary text do not fit the open list's rows (the
    delegate paints the secondary text from the name's end + 24 px to the row's end - 6 px)."""
    view = combo.view()
    row_width = view.viewport().width()
    cut = []
    for row in range(combo.count()):
        index = combo.model().index(row, 0)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        font = index.data(Qt.ItemDataRole.FontRole) or combo.font()
        metrics = QFontMetrics(font)
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        secondary = str(index.data(SECONDARY_ROLE) or "")
        needed = metrics.horizontalAdvance(name) + 24 + 6
        if secondary:
            needed += QFontMetrics(combo.font()).horizontalAdvance(secondary)
        if needed > row_width:
            cut.append(f"{name} {secondary} ({needed} > {row_width})")
    return cut


def open_list(qtbot: QtBot, combo: QComboBox) -> None:
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible, timeout=2000)


@pytest.mark.parametrize("region", ["intl", "cn"])
def test_the_model_and_region_lists_fit_their_longest_entry(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, region: str
) -> None:
    window = make_window("--region", region, "--model", "qwen3-vl-plus")
    window.resize(800, 600)
    for combo in (window.picker.model, window.picker.region):
        open_list(qtbot, combo)
        try:
            assert cut_entries(combo) == []
            screen = combo.screen().availableGeometry()
            assert combo.view().window().width() <= screen.width()
        finally:
            combo.hidePopup()


def test_flags_are_short_words_each_explained_in_the_tooltip(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--region", "intl", "--model", "qvq-max")
    combo = window.picker.model
    words: dict[str, str] = {}
    for row in range(combo.count()):
        index = combo.model().index(row, 0)
        if index.data(ID_ROLE) is None:
            continue  # a group header
        secondary = str(index.data(SECONDARY_ROLE) or "")
        assert not _RAW_FLAG.search(secondary), secondary
        tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        for word in filter(None, secondary.split(", ")):
            assert word in tooltip, (word, tooltip)
            assert len(word) <= 16, word
        words[str(index.data(ID_ROLE))] = secondary
    assert "thinks" in words["qvq-max"]
    assert "can think" in words["qwen3-vl-plus"]
    assert "reads text" in words["qwen-vl-ocr"]
    assert "finds objects" in words["qwen3-vl-plus"]
    assert "stream only" in words["qvq-max"]
    # The label beside the list: the same words, the same explanations.
    assert window.picker.flags.text() == words["qvq-max"].replace(", ", " · ")
    assert "thinks" in window.picker.flags.toolTip()
    assert "pixels" in window.picker.flags.toolTip()  # the grid, as detail
