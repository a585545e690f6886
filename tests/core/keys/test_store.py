"""Key lookup order, storage per region and endpoint, the keyring probe and the session fallback."""

from __future__ import annotations

import keyring
import keyring.errors
import pytest
from keyring.backends import fail

from qwenvl_desktop.core.keys import (
    KEYRING_SERVICE,
    KeyringFailed,
    KeyringUnavailable,
    UnusableKey,
    delete_key,
    key_statuses,
    key_target,
    keyring_status,
    lookup_key,
    session_key,
    set_session_key,
    store_key,
)
from tests.core.keys.support import MemoryKeyring

KEY = "sk-aaaabbbbccccdddd0000111122223333"
OTHER = "sk-zzzzyyyyxxxxwwww9999888877776666"


def test_each_region_and_endpoint_has_its_own_entry(memory_keyring: MemoryKeyring) -> None:
    store_key("intl", None, KEY)
    store_key("cn", None, OTHER)
    store_key("custom", "https://gw.example/v1/", "token-for-gateway")
    assert memory_keyring.entries == {
        (KEYRING_SERVICE, "region:intl"): KEY,
        (KEYRING_SERVICE, "region:cn"): OTHER,
        (KEYRING_SERVICE, "endpoint:https://gw.example/v1"): "token-for-gateway",
    }
    assert lookup_key("cn", environ={}).key == OTHER
    assert lookup_key("us", environ={}).key is None
    assert lookup_key("custom", "https://gw.example/v1", environ={}).key == "token-for-gateway"


def test_environment_wins_region_variable_first(memory_keyring: MemoryKeyring) -> None:
    store_key("cn", None, KEY)
    env = {"DASHSCOPE_API_KEY": OTHER}
    found = lookup_key("cn", environ=env)
    assert (found.key, found.source, found.origin) == (
        OTHER,
        "environment DASHSCOPE_API_KEY",
        "environment",
    )
    env["DASHSCOPE_API_KEY_CN"] = "sk-regional0000000000000000000"
    assert lookup_key("cn", environ=env).source == "environment DASHSCOPE_API_KEY_CN"
    assert lookup_key("intl", environ=env).source == "environment DASHSCOPE_API_KEY"
    found = lookup_key("cn", environ={})
    assert found.origin == "keyring" and found.source.startswith("OS keyring (")


def test_lookup_shows_only_the_masked_key(memory_keyring: MemoryKeyring) -> None:
    store_key("intl", None, KEY)
    found = lookup_key("intl", environ={})
    assert found.masked == "sk-…3333"
    assert KEY not in repr(found)


def test_delete_removes_the_entry_and_reports_absence(memory_keyring: MemoryKeyring) -> None:
    store_key("hk", None, KEY)
    assert delete_key("hk") is True
    assert delete_key("hk") is False
    assert memory_keyring.entries == {}


@pytest.mark.parametrize("text", ["", "   \n", "sk-abc def", "sk-one\nsk-two", "sk-\x00abc"])
def test_text_that_is_not_a_key_is_refused_without_echo(
    memory_keyring: MemoryKeyring, text: str
) -> None:
    with pytest.raises(UnusableKey) as info:
        store_key("intl", None, text)
    assert memory_keyring.entries == {}
    assert "sk-" not in str(info.value)


def test_surrounding_whitespace_is_not_part_of_the_key(memory_keyring: MemoryKeyring) -> None:
    store_key("intl", None, f"  {KEY}\n")
    assert lookup_key("intl", environ={}).key == KEY


# -- no keyring --------------------------------------------------------------------------------


def test_no_backend_is_reported_plainly(memory_keyring: MemoryKeyring) -> None:
    keyring.set_keyring(fail.Keyring())
    status = keyring_status()
    assert not status.available
    assert status.reason and "Secret Service" in status.reason
    with pytest.raises(KeyringUnavailable) as info:
        store_key("intl", None, KEY)
    assert "never written to a file" in str(info.value)
    found = lookup_key("intl", environ={})
    assert found.key is None and found.keyring_problem and "Secret Service" in found.keyring_problem


def test_session_fallback_keeps_the_key_in_memory_only(memory_keyring: MemoryKeyring) -> None:
    keyring.set_keyring(fail.Keyring())
    stored = store_key("us", None, KEY, session_fallback=True)
    assert stored.where == "session" and stored.masked == "sk-…3333"
    found = lookup_key("us", environ={})
    assert (found.key, found.origin) == (KEY, "session")
    assert "not saved" in found.source
    assert memory_keyring.entries == {}
    assert delete_key("us") is True
    assert lookup_key("us", environ={}).key is None


def test_gui_session_key_is_used_after_the_environment(memory_keyring: MemoryKeyring) -> None:
    set_session_key(key_target("intl"), KEY)
    assert session_key("region:intl") == KEY
    assert lookup_key("intl", environ={}).origin == "session"
    assert lookup_key("intl", environ={"DASHSCOPE_API_KEY": OTHER}).key == OTHER
    with pytest.raises(UnusableKey):
        set_session_key(key_target("intl"), "two words")


def test_saving_to_the_keyring_drops_a_stale_session_key(memory_keyring: MemoryKeyring) -> None:
    set_session_key("region:cn", OTHER)
    store_key("cn", None, KEY)
    assert lookup_key("cn", environ={}).key == KEY


def _plaintext_backend() -> keyring.backend.KeyringBackend:
    cls = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    return cls()  # type: ignore[no-any-return]


def test_a_plaintext_backend_is_refused(memory_keyring: MemoryKeyring) -> None:
    backend = _plaintext_backend()
    keyring.set_keyring(backend)
    status = keyring_status()
    assert not status.available and status.reason and "plain file" in status.reason
    with pytest.raises(KeyringUnavailable):
        store_key("intl", None, KEY)
    assert backend.entries == {}  # type: ignore[attr-defined]


def test_a_locked_keyring_says_so(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.fail_with = keyring.errors.InitError("Failed to unlock the collection!")
    with pytest.raises(KeyringFailed) as info:
        store_key("intl", None, KEY)
    assert "locked" in str(info.value)
    assert lookup_key("intl", environ={}).keyring_problem


def test_statuses_cover_every_region_and_given_endpoints(memory_keyring: MemoryKeyring) -> None:
    store_key("cn", None, KEY)
    rows = key_statuses(["http://127.0.0.1:1/v1"], environ={"DASHSCOPE_API_KEY_US": OTHER})
    assert [(r.region, r.stored, r.in_use.origin) for r in rows] == [
        ("intl", False, "none"),
        ("us", False, "environment"),
        ("cn", True, "keyring"),
        ("hk", False, "none"),
        ("custom", False, "none"),
    ]
