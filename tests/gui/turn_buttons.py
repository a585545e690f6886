"""Finding and clicking the transcript's per-turn buttons (icons with links) as a person would."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.transcript.turn_actions import TURN_ACTION

__all__ = ["TurnButton", "button_center", "click_button", "turn_buttons"]


@dataclass(frozen=True)
class TurnButton:
    name: str
    href: str
    tooltip: str
    alt_text: str
    position: int


def turn_buttons(view: QTextEdit, name: str | None = None) -> list[TurnButton]:
    """Every action button in the transcript, in document order (only ``name``'s if given)."""
    found: list[TurnButton] = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            action = fmt.property(TURN_ACTION)
            if fmt.isImageFormat() and action and (name is None or action == name):
                found.append(
                    TurnButton(
                        str(action),
                        fmt.anchorHref(),
                        fmt.toolTip(),
                        str(fmt.property(QTextFormat.Property.ImageAltText) or ""),
                        fragment.position(),
                    )
                )
            it += 1
        block = block.next()
    return found


def button_center(view: QTextEdit, button: TurnButton) -> QPoint:
    """Viewport coordinates of the middle of ``button``'s icon."""
    before = QTextCursor(view.document())
    before.setPosition(button.position)
    after = QTextCursor(view.document())
    after.setPosition(button.position + 1)
    left, right = view.cursorRect(before), view.cursorRect(after)
    return QPoint((left.left() + right.left()) // 2, right.center().y())


def click_button(qtbot: QtBot, view: QTextEdit, name: str, exchange_id: str | None = None) -> None:
    """Click the last ``name`` button (of ``exchange_id``'s turn when given), scrolled into view."""
    buttons = [b for b in turn_buttons(view, name) if exchange_id is None or exchange_id in b.href]
    assert buttons, f"no {name!r} button"
    button = buttons[-1]
    cursor = QTextCursor(view.document())
    cursor.setPosition(button.position)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = button_center(view, button)
    assert view.anchorAt(point) == button.href, (view.anchorAt(point), button.href)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
