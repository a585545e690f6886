"""The transcript's words follow the interface language (issue 12).

GIVEN a real :class:`TranscriptView` with a turn shown, WHEN a translator is installed (Qt sends
LanguageChange, as a change in Preferences does), THEN the empty view's text follows at once, the
turns written afterwards are in the new language, and the turn already shown stays as written.

The translator here marks every text of the transcript's contexts (``«You»``) instead of loading
a catalog: the test holds the wiring (which texts go through ``translate``, and when), whatever
the catalogs hold at the time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.gui.transcript.view import TranscriptView

pytestmark = pytest.mark.gui

_MARKED = ("TranscriptView", "TranscriptDocument", "TurnAction")


class MarkingTranslator(QTranslator):
    """Every text of the transcript's contexts, between « and »."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"«{source}»" if context in _MARKED else ""

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def marking(qapp: QApplication) -> Iterator[MarkingTranslator]:
    translator = MarkingTranslator()
    yield translator
    QCoreApplication.removeTranslator(translator)


def finished(view: TranscriptView, question: str, answer: str) -> Exchange:
    exchange = Exchange(question)
    view.add_exchange(exchange)
    view.append_text(exchange.id, "", answer)
    exchange.answer, exchange.state = answer, "stopped"
    view.finish_reply(exchange)
    view._drain_renders()
    return exchange


def test_the_views_text_follows_a_language_change_at_once(
    view: TranscriptView, marking: MarkingTranslator, qtbot: QtBot
) -> None:
    # GIVEN the English view, its send key set
    view.set_send_keys("Enter")
    assert view.placeholderText() == (
        "Add images, type a question and press Enter. Answers stream in here."
    )
    # WHEN the language changes
    QCoreApplication.installTranslator(marking)
    # THEN the empty view's text and the screen reader's description follow, the key kept
    qtbot.waitUntil(lambda: view.placeholderText().startswith("«"))
    assert view.placeholderText() == (
        "«Add images, type a question and press Enter. Answers stream in here.»"
    )
    assert view.accessibleDescription().startswith("«The conversation")


def test_new_turns_use_the_new_language_and_shown_turns_stay(
    view: TranscriptView, marking: MarkingTranslator, qtbot: QtBot
) -> None:
    # GIVEN a turn shown in English
    finished(view, "First question", "First answer")
    before = view.toPlainText()
    assert "You" in before and "Copy as curl" in before and "«" not in before
    # WHEN the language changes and another turn is asked
    QCoreApplication.installTranslator(marking)
    qtbot.waitUntil(lambda: view.placeholderText().startswith("«"))
    finished(view, "Second question", "Second answer")
    text = view.toPlainText()
    # THEN the first turn reads as it did
    assert text.startswith(before.split("First answer")[0])
    # AND the new turn's label and link are the new language's (the core's sentences, the note
    # and the usage line, come from core.i18n's catalog: tests/core/conversation)
    second = text.split("Second question")[0].rsplit("\n", 2)[-2]
    assert second.startswith("«You»")
    assert "«Copy as curl»" in text.split("Second answer", 1)[1]
