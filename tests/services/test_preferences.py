"""Preferences on their own: the new settings, where each value comes from and what locks it,
saving to the user file (comments and order kept, nothing written when a value is refused), the
request built from the saved values, and the keys per region.

GIVEN real settings files in the test's folder, the loopback server and the in-memory keyring
(or the real Secret Service for the test marked ``keyring``) WHEN the service reads, saves and
manages keys THEN the files, the requests and the keyring show it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring.backend
import pytest
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.keys import KEYRING_SERVICE, KeyLookup
from qwenvl_desktop.core.settings import ConfigLocations, load_settings
from qwenvl_desktop.core.settings.schema import SPECS, InvalidValue, ParseContext
from qwenvl_desktop.services.chat import ChatController
from qwenvl_desktop.services.event_loop import AppEventLoop
from qwenvl_desktop.services.preferences import PreferencesService, SaveOutcome
from tests.conftest import TEST_KEY
from tests.core.keys.support import MemoryKeyring, forget_all, secret_service_keyring
from tests.support.dashscope_server import LoopbackDashScope

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
    assert service.field("proxy").applies == "next start"


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
