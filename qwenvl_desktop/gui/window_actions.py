"""Menu actions that belong to a window: their shortcuts work even when the menu bar is hidden."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

__all__ = ["window_action"]

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def window_action(
    window: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: Shortcut | None = None,
) -> QAction:
    """A ``QAction`` of ``window`` that calls ``slot``; added to the window itself, so its
    shortcut works wherever the focus is in it, with or without a menu showing the action."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action
