"""Preferences on their own: the new settings, where each value comes from and what locks it,
saving to the user file (comments and order kept, nothing written when a value is refused), the
request built from the saved values, and the keys per region.

GIVEN real settings files in the test's folder, the loopback server and the in-memory keyring
(or the real Secret Service for the test marked ``keyring``) WHEN the service reads, saves and
manages keys THEN the files, the requests and the keyring show it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring.backend
import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.core.keys import KEYRING_SERVICE, KeyLookup
from qwenvl_desktop.core.settings import ConfigLocations, LoadedSettings, load_settings
from qwenvl_desktop.core.settings.schema import SPECS, InvalidValue, ParseContext
from qwenvl_desktop.services.chat import ChatController
from qwenvl_desktop.services.event_loop import AppEventLoop
from qwenvl_desktop.services.history import HistorySync
from qwenvl_desktop.services.preferences import PreferencesService, SaveOutcome
from tests.conftest import TEST_KEY
from tests.core.keys.support import MemoryKeyring, forget_all, secret_service_keyring
from tests.packaging.test_tls_proxy import ConnectProxy, TlsLoopbackDashScope, make_pki
from tests.support.dashscope_server import LoopbackDashScope, RecordedRequest, Reply, chunk_json

ROOT = Path(__file__).resolve().parents[2]

USER_TEXT = """# my settings: keep this comment
region = "cn"  # Beijing, where my key is
history = true
"""


def places(tmp_path: Path, system: str = "", user: str = USER_TEXT) -> ConfigLocations:
    (tmp_path / "etc").mkdir(exist_ok=True)
    system_file, user_file = tmp_path / "etc" / "config.toml", tmp_path / "user.toml"
    if system:
        system_file.write_text(system, encoding="utf-8")
    if user:
        user_file.write_text(user, encoding="utf-8")
    return ConfigLocations(system_file, user_file)


def service_for(
    locations: ConfigLocations,
    environ: dict[str, str] | None = None,
    controller: ChatController | None = None,
) -> PreferencesService:
    environ = environ or {}
    loaded = load_settings(None, environ, locations=locations)
    return PreferencesService(loaded, controller=controller, locations=locations, environ=environ)


def save(service: PreferencesService, qtbot: QtBot, **wanted: Any) -> SaveOutcome:
    task = service.save(wanted)
    qtbot.waitUntil(task.done, timeout=5000)
    outcome = task.result()
    assert isinstance(outcome, SaveOutcome)
    return outcome


# -- the new settings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("theme", "Dark", "dark"),
        ("font_size", "13", 13),
        ("font_size", "system", None),
        ("send_with", "Enter", "enter"),
        ("send_with", "ctrl+enter", "ctrl_enter"),
        ("temperature", "0.25", 0.25),
        ("temperature", "default", None),
        ("top_p", "1", 1.0),
        ("max_tokens", "2048", 2048),
        ("system_prompt", "  Answer in French.  ", "Answer in French."),
    ],
)
def test_the_new_settings_read_from_text(name: str, text: str, expected: object) -> None:
    assert SPECS[name].parse(text, ParseContext(from_text=True)) == expected


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("theme", "blue", 'choose "system", "light" or "dark"'),
        ("font_size", 99, "give 6 to 48 points"),
        ("font_size", 12.5, "whole number"),
        ("send_with", "shift", '"enter"'),
        ("temperature", 2, "less than 2"),
        ("temperature", True, "got a boolean"),
        ("top_p", 0, "more than 0 and at most 1"),
        ("max_tokens", 0, "give 1 to 1,000,000 tokens"),
        ("system_prompt", "x" * 20_001, "at most 20,000"),
    ],
)
def test_values_out_of_range_are_refused_with_what_would_do(
    name: str, value: object, says: str
) -> None:
    with pytest.raises(InvalidValue, match=None) as refused:
        SPECS[name].parse(value, ParseContext())
    assert says in str(refused.value)


def test_the_new_settings_come_from_the_environment_like_the_others(tmp_path: Path) -> None:
    environ = {
        "QWENVL_DESKTOP_THEME": "dark",
        "QWENVL_DESKTOP_TEMPERATURE": "0.4",
        "QWENVL_DESKTOP_MAX_TOKENS": "lots",
    }
    loaded = load_settings(None, environ, locations=places(tmp_path))
    assert (loaded.settings.theme, loaded.settings.temperature) == ("dark", 0.4)
    assert loaded.settings.max_tokens is None
    assert any("QWENVL_DESKTOP_MAX_TOKENS" in p and "'lots'" in p for p in loaded.problems)
    assert loaded.sources["theme"] == "environment QWENVL_DESKTOP_THEME"


# -- origins and locks ---------------------------------------------------------------------------


def test_each_field_says_where_it_comes_from_and_what_locks_it(tmp_path: Path) -> None:
    locations = places(tmp_path, system='proxy = "http://proxy.corp:3128"\nlocked = ["proxy"]\n')
    service = service_for(locations, {"QWENVL_DESKTOP_TOP_P": "0.5"})

    region, proxy, top_p, theme = (service.field(n) for n in ("region", "proxy", "top_p", "theme"))
    assert region.value == "cn" and region.origin.startswith("Your settings file")
    assert region.editable and region.locked_by is None
    assert not proxy.editable and str(locations.system) in (proxy.locked_by or "")
    assert top_p.value == 0.5 and "QWENVL_DESKTOP_TOP_P" in (top_p.overridden_by or "")
    assert theme.origin == "Default" and theme.applies == "now"
    assert service.field("proxy").applies == "after the answer"
    assert service.field("language").applies == "now"  # switched live (issue 12)


# -- saving --------------------------------------------------------------------------------------


@pytest.mark.gui
def test_saving_keeps_comments_and_order_and_writes_only_what_changed(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    locations = places(tmp_path)
    service = service_for(locations)
    everything = {name: field.value for name, field in service.fields.items()}

    assert save(service, qtbot, **everything).message == "Nothing changed."
    assert locations.user.read_text(encoding="utf-8") == USER_TEXT

    outcome = save(
        service,
        qtbot,
        **{**everything, "theme": "dark", "temperature": 0.3, "system_prompt": "Be brief.\nOK?"},
    )
    assert outcome.ok and set(outcome.saved) == {"theme", "temperature", "system_prompt"}
    text = locations.user.read_text(encoding="utf-8")
    assert text.startswith(USER_TEXT)  # the comments, the order and the values kept
    reread = load_settings(None, {}, locations=locations).settings
    assert (reread.theme, reread.temperature, reread.system_prompt) == (
        "dark",
        0.3,
        "Be brief.\nOK?",
    )
    assert service.field("theme").value == "dark"  # loaded again after saving

    # Back to the model's default: the key leaves the file.
    assert save(service, qtbot, temperature=None).ok
    assert "temperature" not in locations.user.read_text(encoding="utf-8")


@pytest.mark.gui
def test_a_refused_value_writes_nothing_and_says_why_for_each_setting(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    locations = places(tmp_path, system='proxy = "http://proxy.corp:3128"\nlocked = ["proxy"]\n')
    service = service_for(locations)

    outcome = save(
        service,
        qtbot,
        base_url="ftp://gateway.example/v1",
        top_p=1.5,
        proxy="http://mine:8080",
        theme="dark",
    )
    assert not outcome.ok and outcome.problems is not None
    assert "must start with http:// or https://" in outcome.problems["base_url"]
    assert "at most 1" in outcome.problems["top_p"]
    assert "locked" in outcome.problems["proxy"]
    assert "theme" not in outcome.problems
    assert outcome.message.startswith("Nothing was saved")
    assert locations.user.read_text(encoding="utf-8") == USER_TEXT


# -- the request uses what was saved -------------------------------------------------------------


@pytest.mark.gui
def test_saved_sampling_options_and_system_prompt_reach_the_request(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path, server: LoopbackDashScope
) -> None:
    locations = places(tmp_path, user=f'base_url = "{server.base_url()}"\n')
    loaded = load_settings(None, {}, locations=locations)

    def lookup(region: str, custom_url: str | None) -> KeyLookup:
        return KeyLookup(TEST_KEY, "test double")

    chat = ChatController(loaded.settings, key_lookup=lookup)
    qtbot.waitUntil(lambda: chat.key_state.present is not None, timeout=5000)
    service = PreferencesService(loaded, controller=chat, locations=locations, environ={})
    try:
        assert chat.send("before")
        qtbot.waitUntil(lambda: not chat.busy, timeout=10_000)
        before = server.chat_requests()[-1].body
        assert "temperature" not in before and before["messages"][0]["role"] == "user"

        outcome = save(
            service,
            qtbot,
            system_prompt="Answer in one sentence.",
            temperature=0.2,
            top_p=0.9,
            max_tokens=300,
        )
        assert outcome.ok
        assert chat.send("after")
        qtbot.waitUntil(lambda: not chat.busy, timeout=10_000)
        body = server.chat_requests()[-1].body
        assert body["messages"][0] == {"role": "system", "content": "Answer in one sentence."}
        assert (body["temperature"], body["top_p"], body["max_tokens"]) == (0.2, 0.9, 300)
    finally:
        closing = qloop.create_task(chat.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)


@pytest.mark.gui
def test_a_saved_region_and_model_switch_the_chat_service(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    locations = places(tmp_path, user="")
    loaded = load_settings(None, {}, locations=locations)
    chat = ChatController(loaded.settings, key_lookup=lambda r, u: KeyLookup(None, "none"))
    service = PreferencesService(loaded, controller=chat, locations=locations, environ={})
    try:
        assert save(service, qtbot, region="cn", model="qwen-vl-max").ok
        assert (chat.region, chat.model) == ("cn", "qwen-vl-max")
    finally:
        closing = qloop.create_task(chat.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)


# -- the connection and the history change while the window runs ---------------------------------


@pytest.fixture
def tls_server(qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path) -> Iterator[TlsServer]:
    """The loopback DashScope server behind TLS, signed by a CA made for the test, and a loopback
    CONNECT proxy, both on the window's loop; the CA's PEM file beside them."""
    pki = make_pki(tmp_path)
    server = TlsLoopbackDashScope(api_keys={TEST_KEY}, ssl_context=pki.server_context())
    proxy = ConnectProxy()
    for starting in (qloop.create_task(server.start()), qloop.create_task(proxy.start())):
        qtbot.waitUntil(starting.done, timeout=5000)
    yield TlsServer(server, proxy, pki.ca_pem)
    for stopping in (qloop.create_task(server.stop()), qloop.create_task(proxy.stop())):
        qtbot.waitUntil(stopping.done, timeout=5000)


@dataclass
class TlsServer:
    server: TlsLoopbackDashScope
    proxy: ConnectProxy
    ca_pem: Path


def chat_for(loaded: LoadedSettings, **kwargs: Any) -> ChatController:
    def lookup(region: str, custom_url: str | None) -> KeyLookup:
        return KeyLookup(TEST_KEY, "test double")

    return ChatController(loaded.settings, key_lookup=lookup, **kwargs)


def answered(qtbot: QtBot, chat: ChatController, question: str) -> Exchange:
    assert chat.send(question)
    exchange = chat.conversation.exchanges[-1]
    qtbot.waitUntil(lambda: exchange.is_settled and not chat.busy, timeout=20_000)
    return exchange


def close(qloop: AppEventLoop, qtbot: QtBot, chat: ChatController) -> None:
    closing = qloop.create_task(chat.aclose())
    qtbot.waitUntil(closing.done, timeout=5000)
    assert closing.exception() is None and chat.is_closed


@pytest.mark.gui
def test_a_saved_proxy_and_ca_bundle_carry_the_next_request(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path, tls_server: TlsServer
) -> None:
    # GIVEN an endpoint whose certificate only the test's CA vouches for, reached directly
    locations = places(tmp_path, user=f'base_url = "{tls_server.server.base_url()}"\n')
    loaded = load_settings(None, {}, locations=locations)
    chat = chat_for(loaded)
    qtbot.waitUntil(lambda: chat.key_state.present is not None, timeout=5000)
    service = PreferencesService(loaded, controller=chat, locations=locations, environ={})
    try:
        refused = answered(qtbot, chat, "before")
        assert refused.state == "failed" and refused.error is not None
        assert refused.error.kind == "tls"
        assert tls_server.proxy.targets == []

        # WHEN Preferences save the company proxy and CA bundle (no reply streaming)
        outcome = save(service, qtbot, proxy=tls_server.proxy.url, ca_bundle=str(tls_server.ca_pem))
        assert outcome.ok and outcome.message == f"Saved to {locations.user}."

        # THEN the very next request goes through the proxy and trusts the CA
        assert chat.retry(refused.id)
        qtbot.waitUntil(lambda: refused.is_settled and not chat.busy, timeout=20_000)
        assert refused.state == "done" and refused.answer
        port = tls_server.server.port
        assert tls_server.proxy.targets == [f"127.0.0.1:{port}"]
        assert chat.settings.proxy == tls_server.proxy.url
    finally:
        close(qloop, qtbot, chat)


@pytest.mark.gui
def test_a_connection_change_while_an_answer_streams_waits_for_its_end(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path, tls_server: TlsServer
) -> None:
    # GIVEN a slow answer streaming directly (the CA trusted, no proxy)
    url = tls_server.server.base_url("slow")
    locations = places(tmp_path, user=f'base_url = "{url}"\nca_bundle = "{tls_server.ca_pem}"\n')
    loaded = load_settings(None, {}, locations=locations)
    chat = chat_for(loaded)
    qtbot.waitUntil(lambda: chat.key_state.present is not None, timeout=5000)
    service = PreferencesService(loaded, controller=chat, locations=locations, environ={})
    try:
        assert chat.send("slowly")
        streaming = chat.conversation.exchanges[-1]
        qtbot.waitUntil(lambda: bool(streaming.answer), timeout=10_000)

        # WHEN the proxy is saved mid-answer
        outcome = save(service, qtbot, proxy=tls_server.proxy.url)

        # THEN the answer finishes whole on its own connection, and the dialog says it waits
        assert outcome.ok and chat.busy
        assert "Used once the answer being written ends: the proxy." in outcome.message
        assert chat.settings_pending
        qtbot.waitUntil(lambda: streaming.is_settled and not chat.busy, timeout=20_000)
        assert streaming.state == "done"
        assert streaming.finish_reason == "stop"
        assert tls_server.proxy.targets == []
        assert not chat.settings_pending

        # AND the next question goes through the proxy
        after = answered(qtbot, chat, "now through the proxy")
        assert after.state == "done"
        assert tls_server.proxy.targets == [f"127.0.0.1:{tls_server.server.port}"]
    finally:
        close(qloop, qtbot, chat)


async def stall_after_first_words(
    server: LoopbackDashScope, req: RecordedRequest, reply: Reply
) -> None:
    await reply.start()
    await reply.send(chunk_json({"content": "The first words", "role": "assistant"}))
    await asyncio.sleep(60)


@pytest.mark.gui
def test_a_saved_timeout_ends_the_next_stalled_answer(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path, server: LoopbackDashScope
) -> None:
    # GIVEN a server that stalls after the first words, and the default 120 s silence limit
    server.add_scenario("stall", stall_after_first_words)
    locations = places(tmp_path, user=f'base_url = "{server.base_url("stall")}"\n')
    loaded = load_settings(None, {}, locations=locations)
    chat = chat_for(loaded)
    qtbot.waitUntil(lambda: chat.key_state.present is not None, timeout=5000)
    service = PreferencesService(loaded, controller=chat, locations=locations, environ={})
    try:
        # WHEN Preferences lower the longest silence in a stream to 1 s
        assert save(service, qtbot, stream_read_timeout=1.0).ok

        # THEN the next stalled answer ends in seconds, its first words kept
        exchange = answered(qtbot, chat, "stall, please")
        assert exchange.state == "failed" and exchange.error is not None
        assert exchange.answer == "The first words"
        assert exchange.error.kind in ("timeout", "incomplete"), exchange.error
    finally:
        close(qloop, qtbot, chat)


def stored_questions(path: Path) -> list[str]:
    """The questions in a history file, read with SQLite itself (the app's store closed)."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT question FROM exchanges ORDER BY position")]


@pytest.mark.gui
def test_history_turned_off_closes_the_file_and_on_opens_it_again(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path, server: LoopbackDashScope
) -> None:
    # GIVEN the history on, in a real SQLite file, with one question saved
    history_file = tmp_path / "history" / "history.sqlite3"
    locations = places(tmp_path, user=f'base_url = "{server.base_url()}"\nhistory = true\n')
    loaded = load_settings(None, {}, locations=locations)
    sync = HistorySync.open(True, history_file)
    chat = chat_for(loaded, history=sync)
    qtbot.waitUntil(lambda: chat.key_state.present is not None, timeout=5000)
    service = PreferencesService(loaded, controller=chat, locations=locations, environ={})
    listed: list[bool] = []
    sync.listChanged.connect(lambda: listed.append(sync.enabled))
    try:
        answered(qtbot, chat, "kept in the file")
        assert sync.enabled and stored_questions(history_file) == ["kept in the file"]

        # WHEN history is turned off
        assert save(service, qtbot, history=False).ok

        # THEN the store is closed (the file stays, as it was), and nothing more is written
        assert not sync.enabled and sync.path is None and listed[-1] is False
        assert history_file.exists()
        answered(qtbot, chat, "not saved")
        assert stored_questions(history_file) == ["kept in the file"]
        assert sync.conversations() == []

        # WHEN it is turned on again
        assert save(service, qtbot, history=True).ok

        # THEN the same file is open, and the conversation shown is saved whole
        assert sync.enabled and sync.path == history_file and listed[-1] is True
        assert stored_questions(history_file) == ["kept in the file", "not saved"]
        answered(qtbot, chat, "saved again")
        assert stored_questions(history_file)[-1] == "saved again"
        assert [c.id for c in sync.conversations()] == [chat.conversation.id]
    finally:
        close(qloop, qtbot, chat)
    # closed with the app: the file is whole
    with contextlib.closing(sqlite3.connect(history_file)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.gui
def test_history_switched_while_an_answer_streams_waits_for_it_to_be_saved(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path, server: LoopbackDashScope
) -> None:
    history_file = tmp_path / "history.sqlite3"
    locations = places(tmp_path, user=f'base_url = "{server.base_url("slow")}"\n')
    loaded = load_settings(None, {}, locations=locations)
    sync = HistorySync.open(True, history_file)
    chat = chat_for(loaded, history=sync)
    qtbot.waitUntil(lambda: chat.key_state.present is not None, timeout=5000)
    service = PreferencesService(loaded, controller=chat, locations=locations, environ={})
    try:
        assert chat.send("a slow one")
        exchange = chat.conversation.exchanges[-1]
        qtbot.waitUntil(lambda: bool(exchange.answer), timeout=10_000)
        outcome = save(service, qtbot, history=False)
        assert "Used once the answer being written ends: the history." in outcome.message
        assert sync.enabled  # still saving the answer being written
        qtbot.waitUntil(lambda: not chat.busy, timeout=20_000)
        assert not sync.enabled
        with contextlib.closing(sqlite3.connect(history_file)) as db:
            state, answer = db.execute("SELECT state, answer FROM exchanges").fetchone()
        assert state == "done" and answer == exchange.answer
    finally:
        close(qloop, qtbot, chat)


# -- keys ----------------------------------------------------------------------------------------


def messages_of(service: PreferencesService) -> list[str]:
    said: list[str] = []
    service.keyMessage.connect(said.append)
    return said


@pytest.mark.gui
def test_keys_are_set_checked_and_deleted_per_region_and_never_shown(
    qloop: AppEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    server: LoopbackDashScope,
) -> None:
    endpoint = server.base_url()
    locations = places(tmp_path, user=f'base_url = "{endpoint}"\n')
    service = service_for(locations)
    said = messages_of(service)
    qtbot.waitUntil(service.refresh_keys().done, timeout=5000)
    assert [(row.region, row.base_url) for row in service.keys] == [
        ("intl", None),
        ("us", None),
        ("cn", None),
        ("hk", None),
        ("custom", endpoint),
    ]
    assert not any(row.present for row in service.keys)

    qtbot.waitUntil(service.set_key("custom", endpoint, f"  {TEST_KEY}\n").done, timeout=5000)
    assert memory_keyring.entries[(KEYRING_SERVICE, f"endpoint:{endpoint}")] == TEST_KEY
    row = next(r for r in service.keys if r.region == "custom")
    assert row.stored is True and row.present and TEST_KEY not in row.masked

    qtbot.waitUntil(service.check_key("custom", endpoint).done, timeout=10_000)
    assert "is valid" in said[-1]

    qtbot.waitUntil(service.check_key("hk", None).done, timeout=5000)
    assert said[-1] == "No key for Hong Kong (hk) to check: set one first."

    qtbot.waitUntil(service.delete_key("custom", endpoint).done, timeout=5000)
    assert (KEYRING_SERVICE, f"endpoint:{endpoint}") not in memory_keyring.entries
    assert "deleted" in said[-1]
    assert not any(TEST_KEY in sentence for sentence in said)


@pytest.mark.gui
@pytest.mark.keyring
def test_a_key_set_and_deleted_in_preferences_goes_through_the_secret_service(
    qloop: AppEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    backend: keyring.backend.KeyringBackend = secret_service_keyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    forget_all(backend)
    try:
        service = service_for(places(tmp_path))
        qtbot.waitUntil(service.set_key("hk", None, TEST_KEY).done, timeout=10_000)
        assert backend.get_password(KEYRING_SERVICE, "region:hk") == TEST_KEY
        assert next(r for r in service.keys if r.region == "hk").stored is True
        qtbot.waitUntil(service.delete_key("hk", None).done, timeout=10_000)
        assert backend.get_password(KEYRING_SERVICE, "region:hk") is None
    finally:
        forget_all(backend)
        keyring.set_keyring(previous)


def test_ask_takes_the_system_prompt_and_sampling_options_from_the_settings(
    tmp_path: Path, threaded_server: LoopbackDashScope
) -> None:
    """The command line builds its request like the window: what the settings say, unless a
    flag says otherwise (here ``--top-p``)."""
    user = tmp_path / "user.toml"
    user.write_text('system_prompt = "Answer in French."\nmax_tokens = 77\n', encoding="utf-8")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DASHSCOPE_API_KEY", "QWENVL_DESKTOP_"))
    }
    env.update(
        HOME=str(tmp_path),
        XDG_CONFIG_DIRS=str(tmp_path / "etc"),
        QWENVL_DESKTOP_CONFIG=str(user),
        QWENVL_DESKTOP_TEMPERATURE="0.6",
        DASHSCOPE_API_KEY=TEST_KEY,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONPATH=str(ROOT),
    )
    url = threaded_server.base_url()
    result = subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", "ask", "--base-url", url, "--top-p", "0.5", "Hi"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    body = threaded_server.chat_requests()[-1].body
    assert body["messages"][0] == {"role": "system", "content": "Answer in French."}
    assert (body["temperature"], body["top_p"], body["max_tokens"]) == (0.6, 0.5, 77)
