"""Fixtures for driving the real window: the qasync loop on pytest-qt's app, a loopback server,
isolated settings and keyring, and a window factory that closes windows cleanly.

The loop is *attached* (current and running) rather than run: pytest-qt's ``waitUntil`` spins Qt,
which runs the loop's callbacks. Tests wait on visible state from plain test functions.
"""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qwenvl_desktop.app import create_main_window
from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.services.event_loop import AppEventLoop
from tests.conftest import TEST_KEY
from tests.core.keys.support import MemoryKeyring
from tests.support.dashscope_server import LoopbackDashScope

#: A second key, for a second region.
CN_KEY = "sk-loopbackcn9876543210fedcba"


@pytest.fixture(autouse=True)
def isolated_settings(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No real configuration file, history, window geometry or keyring entry is used.

    Only for tests marked ``gui``: the Qt-free ones kept here beside the module they test (the
    transcript's Markdown splitter) touch none of these, nor Qt.
    """
    if request.node.get_closest_marker("gui") is None:
        yield
        return
    default_config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("QWENVL_DESKTOP_CONFIG", str(tmp_path / "config" / "absent.toml"))
    # The conversation history (platformdirs' user data directory) goes to the test's folder.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(native, user, str(tmp_path))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)
    QSettings.setPath(native, user, default_config)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    return backend


@pytest.fixture
def qloop(qapp: QApplication, qtbot: QtBot) -> Iterator[AppEventLoop]:
    loop = AppEventLoop(qapp)
    loop.attach()
    yield loop
    shutdown = loop.create_task(loop.shutdown_asyncgens())
    qtbot.waitUntil(shutdown.done, timeout=5000)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def server() -> Iterator[LoopbackDashScope]:
    """The loopback server on its own thread, accepting two keys."""
    with LoopbackDashScope.in_thread(api_keys={TEST_KEY, CN_KEY}) as running:
        yield running


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qloop: AppEventLoop, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[WindowFactory]:
    """``make_window("--base-url", url, ...)``: the real window, shown offscreen, closed after."""
    windows: list[MainWindow] = []

    def make(*argv: str, key: str | None = TEST_KEY) -> MainWindow:
        if key is not None:
            monkeypatch.setenv("DASHSCOPE_API_KEY", key)
        window = create_main_window(list(argv))
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        # The key lookup runs in the executor, and the history opens after the first frame;
        # wait for both so tests start from a settled window.
        qtbot.waitUntil(lambda: window.controller.key_state.present is not None, timeout=5000)
        qtbot.waitUntil(lambda: window.controller.history.is_open, timeout=5000)
        return window

    yield make
    for window in windows:
        window.close()
        closing = qloop.create_task(window.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)
        assert closing.exception() is None
        window.deleteLater()


# -- helpers -----------------------------------------------------------------------------------


def make_image(path: Path, size: tuple[int, int] = (320, 240), color: str = "red") -> Path:
    """A flat image, or for ``.jpg`` a noisy photo-like one (the pipeline keeps photos JPEG)."""
    image = Image.new("RGB", size, color)
    if path.suffix.lower() in (".jpg", ".jpeg"):
        noise = Image.effect_noise(size, 60)
        gradient = Image.linear_gradient("L").resize(size)
        mirrored = noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        image = Image.merge("RGB", (noise, gradient, mirrored))
    fmt = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}[path.suffix.lower()]
    image.save(path, fmt)
    return path


def png_bytes(size: tuple[int, int] = (200, 150), color: str = "blue") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def drop(widget: QWidget, mime: QMimeData) -> bool:
    """Drag ``mime`` over ``widget`` and drop it, as a person's drop would arrive."""
    point = QPointF(widget.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(point, actions, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    dropped = QDropEvent(point, actions, mime, buttons, mods)
    QApplication.sendEvent(widget, dropped)
    return dropped.isAccepted()


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime
