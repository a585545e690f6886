"""Fixtures for the services on their own: the qasync loop, the loopback server, no real keys.

The loop, the threaded loopback server and the isolated settings and keyring are the window
tests' own (tests/gui/conftest.py), so a service meets exactly what it meets inside the window.
Tests wait on signals and visible state from plain test functions, never inside a coroutine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.keys import KeyLookup
from qwenvl_desktop.core.settings import Settings
from qwenvl_desktop.services.chat import ChatController
from qwenvl_desktop.services.event_loop import AppEventLoop
from tests.conftest import TEST_KEY
from tests.gui import conftest as window_fixtures

# The window tests' fixtures, under the same names (pytest finds fixtures by name).
isolated_settings = window_fixtures.isolated_settings
memory_keyring = window_fixtures.memory_keyring
qloop = window_fixtures.qloop
server = window_fixtures.server

ChatFactory = Callable[..., ChatController]


@pytest.fixture
def make_chat(qloop: AppEventLoop, qtbot: QtBot) -> Iterator[ChatFactory]:
    """``make_chat(base_url, key=...)``: a chat service whose key lookup finds ``key``.

    The lookup is settled before the service is returned; each service is closed after the test.
    """
    services: list[ChatController] = []

    def make(base_url: str, *, key: str | None = TEST_KEY, **settings: object) -> ChatController:
        def lookup(region: str, custom_url: str | None) -> KeyLookup:
            return KeyLookup(key, "test double" if key else "none")

        chat = ChatController(
            Settings(base_url=base_url, history=False, **settings),  # type: ignore[arg-type]
            key_lookup=lookup,
        )
        services.append(chat)
        qtbot.waitUntil(lambda: chat.key_state.present is not None, timeout=5000)
        return chat

    yield make
    for chat in services:
        closing = qloop.create_task(chat.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)
        assert closing.exception() is None
        assert chat.is_closed
