"""Detail per image in the window: each card's Auto / High / Economy, what it shows, what is sent.

The real window on the loopback server: two images dropped, one set to High and one to Economy
through their cards' menus; the cards show the size sent and its tokens, the pane the request's
total, and the request carries exactly that (the high-resolution flag once, ``max_pixels`` never
below the default).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.image_pane import _ThumbnailCard
from qwenvl_desktop.gui.main_window import MainWindow
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import WindowFactory, drop, file_mime, make_image
from .test_window import ask, image_parts, wait_idle

pytestmark = pytest.mark.gui


def cards(window: MainWindow) -> list[_ThumbnailCard]:
    return window.image_pane.findChildren(_ThumbnailCard, "thumbnailCard")


def settled(qtbot: QtBot, window: MainWindow, count: int) -> None:
    qtbot.waitUntil(
        lambda: len(window.draft.attachments()) == count and window.draft.pending_count() == 0,
        timeout=10000,
    )


def choose(card: _ThumbnailCard, text: str) -> None:
    """Pick the card's detail menu entry that starts with ``text``, as a click would."""
    button = card.findChild(QToolButton, "imageDetailButton")
    assert button is not None and button.menu() is not None
    (action,) = [a for a in button.menu().actions() if a.text().startswith(text)]
    assert action.isEnabled(), action.text()
    action.trigger()


def test_each_image_has_its_own_detail_and_the_pane_shows_the_request_total(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("echo"), "--model", "qwen3-vl-plus")
    screen = make_image(tmp_path / "screen.png", (3000, 2000), "white")
    holiday = make_image(tmp_path / "holiday.jpg", (3000, 2000))
    mime = file_mime(screen, holiday)
    assert drop(window.image_pane, mime)
    settled(qtbot, window, 2)
    first, second = cards(window)
    # Auto: 3000×2000 over 2,621,440 px, beta = 1.5129: 1982.9 → 1952, 1321.9 → 1312 (floored
    # to the 32-px grid); shown as sent, with its tokens.
    assert first.caption.text().splitlines()[0].startswith("1952×1312 ")
    assert first.caption.text().splitlines()[1] == f"≈{1952 * 1312 // 1024 + 2:,} tokens"
    assert first.detail_button.text() == second.detail_button.text() == "Auto"

    choose(first, "High")
    choose(second, "Economy — at most 256")
    qtbot.waitUntil(lambda: second.detail_button.text() == "Eco 256", timeout=10000)
    settled(qtbot, window, 2)
    high, economy = window.draft.attachments()
    assert high.sent_size == (3008, 1984) and high.detail == "high"
    assert economy.estimated_tokens <= 258 and economy.detail == "economy"
    assert first.caption.text().startswith("3008×1984")
    assert second.caption.text().splitlines()[1] == f"≈{economy.estimated_tokens:,} tokens"
    total = high.estimated_tokens + economy.estimated_tokens
    summary = window.image_pane.summary.text()
    assert f"≈{total:,} image tokens" in summary and "high resolution on" in summary
    assert "to send" in summary
    # The details say which encoding and why.
    assert "text and hard edges: lossless" in first.toolTip()
    assert "photo: JPEG quality" in second.toolTip()

    ask(qtbot, window, "Read the screen; what is the photo?")
    wait_idle(qtbot, window)
    (request,) = server.chat_requests("echo")
    assert request.body["vl_high_resolution_images"] is True
    parts = [p["image_url"] for p in image_parts(request.body)]
    assert [p["max_pixels"] for p in parts] == [16384 * 1024, 2560 * 1024]
    assert [p["url"] for p in parts] == [high.url, economy.url]


def test_high_is_offered_only_where_the_model_takes_the_flag(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(
        "--base-url", server.base_url("echo"), "--model", "qwen2.5-vl-72b-instruct"
    )
    mime = file_mime(make_image(tmp_path / "a.png", (640, 480), "white"))
    assert drop(window.image_pane, mime)
    settled(qtbot, window, 1)
    (card,) = cards(window)
    high = card.detail_actions[("high", 0)]
    assert not high.isEnabled() and "does not take the high-resolution flag" in high.text()
    # 28-px grid, 1,003,520 px: 640×480 fits; 480/28 = 17.1 → 476, 640/28 = 22.9 → 644.
    assert card.caption.text().startswith("644×476")


def test_the_totals_never_widen_the_window(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    """The request's total is on its own line and shortens with "…": adding images to a window
    at its narrowest keeps it narrow (it grew to 1,097 px at "800×600" when the totals shared
    the buttons' row)."""
    window = make_window("--base-url", server.base_url("echo"), "--model", "qwen3-vl-plus")
    empty = window.minimumSizeHint().width()
    images = [make_image(tmp_path / f"shot{i}.png", (3840, 2160), "white") for i in range(3)]
    assert drop(window.image_pane, file_mime(*images))
    settled(qtbot, window, 3)
    assert window.minimumSizeHint().width() <= empty
    summary = window.image_pane.summary
    assert summary.text().startswith("3 images, ≈") and summary.toolTip() == summary.text()
