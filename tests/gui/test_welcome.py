"""First start: with no key for the region, the welcome takes the transcript's place.

GIVEN the real window with no key anywhere (the in-memory keyring is empty, no environment
variable) and the catalog regions pointed at the loopback server, each region's host accepting
only its own key, WHEN a person chooses a region, pastes a key, lets the app find the key's
region, or tries the sample picture, THEN the key is checked against the endpoint before it is
stored, a rejected key goes nowhere else without the person's consent, and the welcome goes once
a key is there (and comes back for a region without one).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.protocol.catalog import REGION_IDS
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.welcome import SAMPLE_QUESTION
from tests.conftest import TEST_KEY
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import CN_KEY, WindowFactory

pytestmark = pytest.mark.gui

#: a key of the right form that no region accepts
STRANGER_KEY = "sk-nobodyknowsthis0123456789"


@pytest.fixture
def regions(server: LoopbackDashScope, monkeypatch: pytest.MonkeyPatch) -> LoopbackDashScope:
    """Each catalog region's endpoint on the loopback server (scenario ``seed-<region>``); the
    Singapore host accepts only TEST_KEY, the Beijing host only CN_KEY, the others nothing."""
    monkeypatch.setenv(
        "QWENVL_DESKTOP_REGION_URLS",
        ",".join(f"{r}={server.base_url(f'seed-{r}')}" for r in REGION_IDS),
    )
    server.scenario_keys.update(
        {"seed-intl": {TEST_KEY}, "seed-us": set(), "seed-cn": {CN_KEY}, "seed-hk": set()}
    )
    return server


def part(window: MainWindow, name: str) -> QWidget:
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def welcome_of(window: MainWindow) -> QWidget:
    welcome = window.welcome
    assert welcome is not None
    return welcome


def paste_key(qtbot: QtBot, window: MainWindow, key: str) -> None:
    edit = part(window, "welcomeKeyEdit")
    assert isinstance(edit, QLineEdit)
    edit.clear()
    qtbot.keyClicks(edit, key)
    qtbot.mouseClick(part(window, "welcomeSaveButton"), Qt.MouseButton.LeftButton)


def models_checks(server: LoopbackDashScope) -> list[tuple[str, str | None]]:
    """(scenario, bearer token) of every ``GET /models`` the server answered."""
    return [
        (r.scenario, r.authorization)
        for r in server.requests
        if r.method == "GET" and r.path.endswith("/models")
    ]


def status_text(window: MainWindow) -> str:
    label = part(window, "welcomeKeyStatus")
    assert isinstance(label, QLabel)
    return label.text()


def test_given_a_key_when_the_window_opens_then_there_is_no_welcome(
    make_window: WindowFactory, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    assert window.welcome is None
    assert window.transcript.isVisible()


def test_given_no_key_then_the_welcome_replaces_the_transcript_and_no_dialog_opens(
    make_window: WindowFactory, regions: LoopbackDashScope, qtbot: QtBot
) -> None:
    window = make_window("--region", "intl", key=None)
    qtbot.waitUntil(lambda: window.welcome is not None and window.welcome.isVisible())
    assert not window.transcript.isVisible()
    assert window.findChild(QWidget, "keyDialog") is None
    page = " ".join(label.text() for label in welcome_of(window).findChildren(QLabel))
    assert "Welcome to Qwen-VL Desktop" in page and "vision-language models" in page
    assert "A key works only in the region whose console made it" in page
    assert "modelstudio.console.alibabacloud.com" in page  # Singapore's key page
    picker = part(window, "welcomeRegion")
    assert isinstance(picker, QComboBox)
    cities = [picker.itemText(i) for i in range(picker.count())]
    assert cities == ["Singapore (intl)", "Virginia (us)", "Beijing (cn)", "Hong Kong (hk)"]
    assert picker.currentText() == "Singapore (intl)"
    # The automation contract is all there, the transcript only hidden behind the welcome.
    for name in ("imagePane", "promptEdit", "sendButton", "stopButton", "transcriptView"):
        part(window, name)


def test_given_the_welcome_when_a_region_is_chosen_then_it_follows_and_leaves_once_a_key_is_there(
    make_window: WindowFactory,
    regions: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DASHSCOPE_API_KEY_CN", CN_KEY)  # Beijing has a key, Singapore none
    window = make_window("--region", "intl", key=None)
    welcome = welcome_of(window)
    picker = part(window, "welcomeRegion")
    assert isinstance(picker, QComboBox)
    hint = part(window, "welcomeRegionHint")
    assert isinstance(hint, QLabel)

    picker.setCurrentIndex(picker.findData("us"))
    picker.activated.emit(picker.currentIndex())  # as a person's choice arrives
    assert window.controller.region == "us"
    toolbar = part(window, "regionPicker")
    assert isinstance(toolbar, QComboBox) and toolbar.currentText() == "us"
    qtbot.waitUntil(lambda: window.controller.key_state.present is False)
    assert welcome.isVisible() and "us-east-1" in hint.text()  # Virginia's key page

    picker.setCurrentIndex(picker.findData("cn"))
    picker.activated.emit(picker.currentIndex())
    qtbot.waitUntil(lambda: not welcome.isVisible())
    assert window.transcript.isVisible()

    toolbar.setCurrentIndex(toolbar.findText("hk"))  # back to a region without a key
    qtbot.waitUntil(lambda: welcome.isVisible())
    assert picker.currentText() == "Hong Kong (hk)"


def test_given_a_question_without_a_key_when_a_key_is_pasted_then_it_is_checked_stored_and_sent(
    make_window: WindowFactory,
    regions: LoopbackDashScope,
    qtbot: QtBot,
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window("--region", "intl", key=None)
    welcome = welcome_of(window)
    prompt = part(window, "promptEdit")
    qtbot.keyClicks(prompt, "Hello without a key")
    qtbot.mouseClick(part(window, "sendButton"), Qt.MouseButton.LeftButton)
    assert regions.chat_requests() == []  # nothing sent, and no dialog over the window
    assert window.findChild(QWidget, "keyDialog") is None
    assert window.prompt.toPlainText() == "Hello without a key"

    paste_key(qtbot, window, TEST_KEY)
    qtbot.waitUntil(
        lambda: "a moment of friendship" in window.transcript.toPlainText(), timeout=5000
    )
    assert models_checks(regions) == [("seed-intl", f"Bearer {TEST_KEY}")]  # checked first
    assert memory_keyring.entries[("qwenvl-desktop", "region:intl")] == TEST_KEY
    (chat,) = regions.chat_requests("seed-intl")
    assert chat.authorization == f"Bearer {TEST_KEY}"
    assert not welcome.isVisible() and window.transcript.isVisible()
    assert "works in Singapore (intl)" in window.statusBar().currentMessage()
    edit = part(window, "welcomeKeyEdit")
    assert isinstance(edit, QLineEdit) and edit.text() == ""  # not kept in the widget


def test_given_a_key_of_another_region_then_only_with_consent_is_it_tried_elsewhere(
    make_window: WindowFactory,
    regions: LoopbackDashScope,
    qtbot: QtBot,
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window("--region", "intl", key=None)
    welcome = welcome_of(window)
    find = part(window, "welcomeFindRegion")

    paste_key(qtbot, window, CN_KEY)  # a Beijing key, in Singapore
    qtbot.waitUntil(lambda: "rejected the key" in status_text(window), timeout=5000)
    assert "Singapore (intl) rejected the key sk-…" in status_text(window)
    assert CN_KEY not in status_text(window)
    assert find.isVisible()
    targets = part(window, "welcomeFindTargets")
    assert isinstance(targets, QLabel)
    assert "Virginia (127.0.0.1:" in targets.text() and "Beijing" in targets.text()
    button = part(window, "welcomeFindRegionButton")
    assert isinstance(button, QPushButton) and "sends the key" in button.text()
    # Without consent the key went to Singapore's host only, and was not stored.
    assert models_checks(regions) == [("seed-intl", f"Bearer {CN_KEY}")]
    assert memory_keyring.entries == {}
    assert welcome.isVisible() and window.controller.region == "intl"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "belongs to" in window.statusBar().currentMessage(), timeout=5000)
    assert not welcome.isVisible()
    assert window.controller.region == "cn"
    toolbar = part(window, "regionPicker")
    assert isinstance(toolbar, QComboBox) and toolbar.currentText() == "cn"
    assert memory_keyring.entries == {("qwenvl-desktop", "region:cn"): CN_KEY}
    assert {scenario for scenario, _ in models_checks(regions)} == {
        "seed-intl",
        "seed-us",
        "seed-cn",
        "seed-hk",
    }
    notice = window.statusBar().currentMessage()
    assert "belongs to Beijing" in notice and "the region is now Beijing (cn)" in notice


def test_given_the_region_locked_by_the_system_then_it_is_not_offered_nor_searched(
    make_window: WindowFactory,
    regions: LoopbackDashScope,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    system = tmp_path / "system" / "qwenvl-desktop"
    system.mkdir(parents=True)
    (system / "config.toml").write_text('region = "intl"\nlocked = ["region"]\n')
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "system"))
    window = make_window(key=None)
    picker = part(window, "welcomeRegion")
    assert picker.currentText() == "Singapore (intl)" and not picker.isEnabled()
    paste_key(qtbot, window, CN_KEY)
    qtbot.waitUntil(lambda: "rejected the key" in status_text(window), timeout=5000)
    assert not part(window, "welcomeFindRegion").isVisible()
    assert models_checks(regions) == [("seed-intl", f"Bearer {CN_KEY}")]


def test_given_a_key_no_region_accepts_then_it_is_said_and_nothing_is_stored(
    make_window: WindowFactory,
    regions: LoopbackDashScope,
    qtbot: QtBot,
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window("--region", "intl", key=None)
    paste_key(qtbot, window, STRANGER_KEY)
    qtbot.waitUntil(lambda: part(window, "welcomeFindRegion").isVisible(), timeout=5000)
    qtbot.mouseClick(part(window, "welcomeFindRegionButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "No region accepted the key" in status_text(window), timeout=5000)
    assert not part(window, "welcomeFindRegion").isVisible()
    assert window.controller.region == "intl" and memory_keyring.entries == {}
    assert welcome_of(window).isVisible()


def test_given_an_unreachable_endpoint_then_the_key_is_stored_unchecked_and_says_so(
    make_window: WindowFactory,
    qtbot: QtBot,
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    endpoint = "http://127.0.0.1:9/v1"  # the discard port: nothing listens
    window = make_window("--base-url", endpoint, key=None)
    picker = part(window, "welcomeRegion")
    assert isinstance(picker, QComboBox) and picker.currentText() == "Your own endpoint"
    paste_key(qtbot, window, TEST_KEY)
    qtbot.waitUntil(
        lambda: "could not be checked now" in window.statusBar().currentMessage(), timeout=10000
    )
    assert memory_keyring.entries == {("qwenvl-desktop", f"endpoint:{endpoint}"): TEST_KEY}
    assert not welcome_of(window).isVisible()


def test_given_the_sample_picture_when_a_key_follows_then_the_first_answer_comes(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
) -> None:
    window = make_window("--base-url", server.base_url("echo"), key=None)
    qtbot.mouseClick(part(window, "welcomeSampleButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.draft.attachments()) == 1, timeout=5000)
    assert window.prompt.toPlainText() == SAMPLE_QUESTION
    assert server.chat_requests() == []

    paste_key(qtbot, window, TEST_KEY)
    qtbot.waitUntil(lambda: "images=1" in window.transcript.toPlainText(), timeout=5000)
    (request,) = server.chat_requests("echo")
    assert SAMPLE_QUESTION in str(request.body)
    assert "image/webp" in window.transcript.toPlainText()  # drawn, flat: lossless WebP


def test_given_the_key_menu_then_the_key_dialog_still_opens(
    make_window: WindowFactory, server: LoopbackDashScope
) -> None:
    window = make_window("--base-url", server.base_url("seed"))
    window.key_action.trigger()
    dialog = window.findChild(QWidget, "keyDialog")
    assert dialog is not None and dialog.isVisible()
