"""The window's figures follow the locale: token counts, sizes, tok/s and the history's dates.

GIVEN a default locale (``QLocale.setDefault``, what choosing a language does), WHEN the window's
widgets show a figure, THEN it has that locale's digit grouping, decimal sign and date format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.conversation.model import Exchange, Usage
from qwenvl_desktop.core.conversation.words import usage_line, usage_summary
from qwenvl_desktop.core.history.interface import ConversationSummary
from qwenvl_desktop.gui import locale_format
from qwenvl_desktop.gui.history_sidebar import HistorySidebar, when
from qwenvl_desktop.gui.status import StatusPanel
from qwenvl_desktop.gui.video_card import VideoFacts

pytestmark = pytest.mark.gui

NOW = dt.datetime(2025, 12, 2, 14, 5)

SetLocale = Callable[[str], None]


@pytest.fixture
def set_locale(qapp: QApplication) -> Iterator[SetLocale]:
    """``set_locale("de_DE")`` makes it the default; the one before comes back after the test."""
    before = QLocale()

    def choose(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield choose
    QLocale.setDefault(before)


def test_token_counts_group_digits_as_the_locale_does(set_locale: SetLocale) -> None:
    set_locale("de_DE")
    assert locale_format.number(1322) == "1.322"
    facts = VideoFacts(duration=12, frame_count=24, fps=2, tokens=1322, upload_bytes=1_300_000)
    assert facts.caption().splitlines()[1] == "≈1.322 tokens · 1,2 MiB"
    set_locale("en_US")
    assert facts.caption().splitlines()[1] == "≈1,322 tokens · 1.2 MiB"
    assert locale_format.size(20_000) == "20 KiB" and locale_format.size(10) == "1 KiB"


def test_the_rate_in_the_status_bar_follows_the_locale(set_locale: SetLocale, qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    strip = StatusPanel.for_window(window)
    set_locale("de_DE")
    strip.set_rate(1234.4)
    assert strip.rate.text() == "1.234 tok/s"
    set_locale("ja_JP")
    strip.set_rate(1234.4)
    assert strip.rate.text() == "1,234 tok/s"


@pytest.mark.parametrize(
    ("locale", "this_year", "earlier", "today"),
    [
        ("ja_JP", "11月5日", "2024年11月5日", "9:30"),
        ("zh_CN", "11月5日", "2024年11月5日", "09:30"),
        ("de_DE", "5. Nov.", "5. Nov. 2024", "09:30"),
        ("en_US", "Nov 5", "Nov 5, 2024", "9:30\u202fAM"),
    ],
)
def test_history_dates_use_the_locale_format(
    set_locale: SetLocale, locale: str, this_year: str, earlier: str, today: str
) -> None:
    set_locale(locale)
    assert when(dt.datetime(2025, 11, 5, 9, 30).timestamp(), NOW) == this_year
    assert when(dt.datetime(2024, 11, 5, 9, 30).timestamp(), NOW) == earlier
    # Qt's CLDR data puts a narrow no-break space before "AM" in newer versions.
    shown_today = when(dt.datetime(2025, 12, 2, 9, 30).timestamp(), NOW)
    assert shown_today.replace("\u202f", " ") == today.replace("\u202f", " ")


def test_the_sidebar_rows_show_dates_in_the_locale(set_locale: SetLocale, qtbot: QtBot) -> None:
    sidebar = HistorySidebar()
    qtbot.addWidget(sidebar)
    older = dt.datetime(2025, 3, 14, 8, 0).timestamp()
    summaries = [ConversationSummary("c1", "猫の写真", older, older, 1)]
    set_locale("zh_CN")
    sidebar.set_conversations(summaries, NOW)
    ((_, title, subtitle),) = sidebar.rows()
    assert title == "猫の写真" and subtitle.startswith("3月14日 · ")
    set_locale("de_DE")
    sidebar.set_conversations(summaries, NOW)
    assert sidebar.rows()[0][2].startswith("14. März · ")


def test_the_transcript_token_line_follows_the_locale_and_exports_do_not(
    set_locale: SetLocale,
) -> None:
    exchange = Exchange("What is this?", model="qwen3-vl-plus", region="intl")
    exchange.begin()
    exchange.answer = "A dog."
    exchange.usage = Usage(prompt_tokens=1322, completion_tokens=40, total_tokens=1362)
    exchange.finish()
    set_locale("de_DE")
    assert usage_summary(exchange, locale_format.number).startswith(
        "Tokens: prompt 1.322 · completion 40"
    )
    # The core's own wording (exports, the command line) keeps its figures whatever the locale.
    assert usage_summary(exchange).startswith("Tokens: prompt 1,322 · ")
    assert usage_line(exchange) is not None and "1,322 prompt tokens" in str(usage_line(exchange))
