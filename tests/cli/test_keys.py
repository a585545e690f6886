"""``qwenvl-desktop key set|delete|status|check`` in-process, against loopback servers."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from qwenvl_desktop.cli.main import main
from qwenvl_desktop.core.keys import KEYRING_SERVICE
from tests.core.keys.support import MemoryKeyring
from tests.support.dashscope_server import LoopbackDashScope

KEY = "sk-keycli0123456789abcdef0123"
CN_KEY = "sk-beijing0123456789abcdef012"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def pipe(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_set_reads_a_piped_key_and_shows_only_its_masked_form(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    pipe(monkeypatch, KEY + "\n")
    assert main(["key", "set", "--region", "cn"]) == 0
    assert memory_keyring.entries == {(KEYRING_SERVICE, "region:cn"): KEY}
    out = capsys.readouterr()
    assert "sk-…0123" in out.out and "region cn" in out.out
    assert KEY not in out.out + out.err


def test_set_prompts_without_echo_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return KEY

    monkeypatch.setattr("sys.stdin", _Tty())
    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert main(["key", "set", "--base-url", "http://127.0.0.1:9/v1/"]) == 0
    assert prompts == ["API key for the endpoint http://127.0.0.1:9/v1 (input hidden): "]
    assert memory_keyring.entries == {(KEYRING_SERVICE, "endpoint:http://127.0.0.1:9/v1"): KEY}
    assert KEY not in capsys.readouterr().out


def test_set_defaults_to_the_configured_region(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    monkeypatch.setenv("QWENVL_DESKTOP_REGION", "hk")
    pipe(monkeypatch, KEY)
    assert main(["key", "set"]) == 0
    assert list(memory_keyring.entries) == [(KEYRING_SERVICE, "region:hk")]


def test_set_notes_an_environment_key_that_takes_precedence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DASHSCOPE_API_KEY", CN_KEY)
    pipe(monkeypatch, KEY)
    assert main(["key", "set", "--region", "intl"]) == 0
    assert "DASHSCOPE_API_KEY is set in this environment" in capsys.readouterr().out


def test_set_refuses_empty_input(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    pipe(monkeypatch, "\n")
    assert main(["key", "set", "--region", "intl"]) == 2
    assert "empty" in capsys.readouterr().err
    assert memory_keyring.entries == {}


def test_set_without_a_keyring_offers_environment_or_session(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keyring.set_keyring(fail.Keyring())
    pipe(monkeypatch, KEY)
    assert main(["key", "set", "--region", "us"]) == 3
    err = capsys.readouterr().err
    assert "No OS keyring is available" in err
    assert "DASHSCOPE_API_KEY_US or DASHSCOPE_API_KEY" in err
    assert "this session only" in err and "never written to a file" in err
    assert KEY not in err


def test_delete_and_status(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.entries[(KEYRING_SERVICE, "region:intl")] = KEY
    monkeypatch.setenv("DASHSCOPE_API_KEY_CN", CN_KEY)
    assert main(["key", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["keyring"]["available"] is True
    rows = {r["region"]: r for r in status["targets"]}
    assert rows["intl"]["stored"] is True and rows["intl"]["origin"] == "keyring"
    assert rows["intl"]["masked"] == "sk-…0123"
    assert rows["cn"]["source"] == "environment DASHSCOPE_API_KEY_CN"
    assert rows["us"]["stored"] is False and rows["us"]["masked"] is None

    assert main(["key", "status"]) == 0
    text = capsys.readouterr().out
    assert "intl    yes" in text and "environment DASHSCOPE_API_KEY_CN" in text
    assert KEY not in text and CN_KEY not in text

    assert main(["key", "delete", "--region", "intl"]) == 0
    assert "Deleted the stored key for region intl" in capsys.readouterr().out
    assert memory_keyring.entries == {}
    assert main(["key", "delete", "--region", "intl"]) == 0
    assert "No key was stored" in capsys.readouterr().out


def test_status_without_a_keyring_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    keyring.set_keyring(fail.Keyring())
    assert main(["key", "status"]) == 0
    out = capsys.readouterr().out
    assert "OS keyring: not available" in out and "unknown" in out


# -- key check ---------------------------------------------------------------------------------


@pytest.fixture
def regions(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, LoopbackDashScope]]:
    """Every catalog region served on loopback: intl accepts KEY, cn accepts CN_KEY."""
    with (
        LoopbackDashScope.in_thread(api_keys={KEY}) as intl,
        LoopbackDashScope.in_thread(api_keys={CN_KEY}) as cn,
        LoopbackDashScope.in_thread(api_keys=set()) as other,
    ):
        servers = {"intl": intl, "cn": cn, "us": other, "hk": other}
        urls = ",".join(f"{r}={s.base_url(r)}" for r, s in servers.items())
        monkeypatch.setenv("QWENVL_DESKTOP_REGION_URLS", urls)
        yield servers


def test_check_valid_key(
    regions: dict[str, LoopbackDashScope],
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    memory_keyring.entries[(KEYRING_SERVICE, "region:intl")] = KEY
    assert main(["key", "check", "--region", "intl"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("valid: The key sk-…0123 is valid for region intl (2 models")
    assert "from OS keyring" in out.err
    [request] = regions["intl"].requests
    assert request.path.endswith("/intl/compatible-mode/v1/models")
    assert request.authorization == f"Bearer {KEY}"


def test_check_wellformed_key_rejected_is_a_likely_region_mismatch_and_stays_put(
    regions: dict[str, LoopbackDashScope],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DASHSCOPE_API_KEY", CN_KEY)
    assert main(["key", "check", "--region", "intl"]) == 3
    err = capsys.readouterr().err
    assert "likely region mismatch:" in err and "--try-other-regions" in err
    assert CN_KEY not in err
    assert regions["cn"].requests == []  # the key went nowhere else


def test_check_try_other_regions_finds_the_right_one(
    regions: dict[str, LoopbackDashScope],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DASHSCOPE_API_KEY", CN_KEY)
    assert main(["key", "check", "--region", "intl", "--try-other-regions"]) == 3
    err = capsys.readouterr().err
    assert "region mismatch:" in err and "works in region cn" in err
    assert "key set --region cn" in err
    assert len(regions["cn"].requests) == 1


def test_check_key_rejected_everywhere_is_invalid(
    regions: dict[str, LoopbackDashScope],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DASHSCOPE_API_KEY", "sk-nobodyknowsme0000000000000")
    assert main(["key", "check", "--region", "us", "--try-other-regions"]) == 3
    assert "invalid: " in (err := capsys.readouterr().err) and "every other region" in err
    monkeypatch.setenv("DASHSCOPE_API_KEY", "not-a-dashscope-key")
    assert main(["key", "check", "--region", "us"]) == 3
    assert "invalid: " in capsys.readouterr().err


def test_check_custom_endpoint(
    threaded_server: LoopbackDashScope,
    test_key: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("QWENVL_DESKTOP_BASE_URL", threaded_server.base_url("seed"))
    monkeypatch.setenv("DASHSCOPE_API_KEY", test_key)
    assert main(["key", "check"]) == 0
    assert "valid for the endpoint http://127.0.0.1" in capsys.readouterr().out


def test_check_unreachable_endpoint_exits_5(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("DASHSCOPE_API_KEY", KEY)
    assert main(["key", "check", "--base-url", f"http://127.0.0.1:{port}/v1"]) == 5
    assert "unreachable: Could not reach" in capsys.readouterr().err


def test_check_without_a_key_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["key", "check", "--region", "hk"]) == 3
    assert "key set --region hk" in capsys.readouterr().err
