"""The key service on its own: lookups off the GUI thread, once per target; saving a key.

GIVEN a :class:`KeyService` with a recording lookup (or the in-memory keyring) WHEN keys are
asked for, for regions and custom endpoints, or typed in THEN each target is looked up once, in
a worker thread, and the window only ever sees the masked state.
"""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.keys import KeyLookup, key_target
from qwenvl_desktop.services.event_loop import AppEventLoop
from qwenvl_desktop.services.keys import KeyService
from tests.core.keys.support import MemoryKeyring

pytestmark = pytest.mark.gui

KEY = "sk-service0123456789abcdef"
ENDPOINT = "https://llm.example/v1"


class RecordingLookup:
    """Finds ``KEY`` for every target but ``cn``; records each call and its thread."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None, int]] = []

    def __call__(self, region: str, base_url: str | None) -> KeyLookup:
        self.calls.append((region, base_url, threading.get_ident()))
        if region == "cn":
            return KeyLookup(None, "none")
        return KeyLookup(KEY, "test double")


def close(keys: KeyService, qloop: AppEventLoop, qtbot: QtBot) -> None:
    closing = qloop.create_task(keys.aclose())
    qtbot.waitUntil(closing.done, timeout=5000)


def test_given_targets_when_looked_up_twice_then_each_is_read_once_off_the_gui_thread(
    qloop: AppEventLoop, qtbot: QtBot
) -> None:
    lookup = RecordingLookup()
    keys = KeyService(lookup)
    assert keys.state("intl", None).present is None  # not looked up yet

    with qtbot.waitSignal(keys.keyChanged, timeout=5000):
        first = keys.start_lookup("intl", None)
    assert first is not None
    assert keys.start_lookup("intl", None) is None  # known now: not read again
    for region, url in (("cn", None), ("custom", ENDPOINT)):
        with qtbot.waitSignal(keys.keyChanged, timeout=5000):
            keys.start_lookup(region, url)

    assert [(r, u) for r, u, _thread in lookup.calls] == [
        ("intl", None),
        ("cn", None),
        ("custom", ENDPOINT),
    ]
    assert all(thread != threading.get_ident() for *_rest, thread in lookup.calls)
    intl = keys.state("intl", None)
    assert intl.present is True and intl.masked and KEY not in intl.masked
    assert keys.state("cn", None).present is False and keys.state("cn", None).masked == ""
    assert keys.state("custom", ENDPOINT).present is True
    assert keys.state("custom", ENDPOINT).base_url == ENDPOINT
    close(keys, qloop, qtbot)


def test_given_a_broken_keyring_when_looked_up_then_the_state_says_why(
    qloop: AppEventLoop, qtbot: QtBot
) -> None:
    def broken(region: str, base_url: str | None) -> KeyLookup:
        raise RuntimeError("the keyring is locked")

    keys = KeyService(broken)
    with qtbot.waitSignal(keys.keyChanged, timeout=5000):
        keys.start_lookup("intl", None)
    state = keys.state("intl", None)
    assert state.present is False and state.problem == "the keyring is locked"
    close(keys, qloop, qtbot)


def test_given_a_typed_key_when_saved_then_it_is_stored_and_used(
    qloop: AppEventLoop, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    keys = KeyService(RecordingLookup())
    with qtbot.waitSignal(keys.keyStored, timeout=5000) as stored:
        keys.save("cn", None, f"  {KEY}  ")
    assert "keyring" in str(stored.args[0]).lower()
    assert KEY in memory_keyring.entries.values()
    assert any(user == key_target("cn") for _service, user in memory_keyring.entries)
    found = keys.known("cn", None)
    assert found is not None and found.key == KEY  # stripped, and known without a lookup
    assert keys.state("cn", None).present is True
    close(keys, qloop, qtbot)


def test_given_a_lookup_still_running_when_a_key_is_stored_then_the_stored_key_stays(
    qloop: AppEventLoop, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    """The welcome stores a key for a region it has just switched to, while that region's
    lookup may still be reading the (empty) keyring: the lookup's "none" must not win."""
    release = threading.Event()

    def slow_lookup(region: str, base_url: str | None) -> KeyLookup:
        release.wait(5)
        return KeyLookup(None, "none")

    keys = KeyService(slow_lookup)
    lookup = keys.start_lookup("cn", None)
    assert lookup is not None
    storing = qloop.create_task(keys.store("cn", None, KEY))
    qtbot.waitUntil(storing.done, timeout=5000)
    assert storing.result() is not None
    release.set()
    qtbot.waitUntil(lookup.done, timeout=5000)
    found = keys.known("cn", None)
    assert found is not None and found.key == KEY
    assert keys.state("cn", None).present is True
    close(keys, qloop, qtbot)
