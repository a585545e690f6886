"""Against a real Secret Service (gnome-keyring on a private D-Bus session), and the promise that a
key never lands in a file, a log or the output.

The ``keyring`` tests skip unless a Secret Service answers on the session bus; CI runs the suite
inside ``dbus-run-session`` with an unlocked ``gnome-keyring-daemon`` (see PLATFORM.md).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import keyring.backend
import pytest

from qwenvl_desktop.core.keys import (
    KEYRING_SERVICE,
    delete_key,
    keyring_status,
    lookup_key,
    store_key,
)
from tests.support.dashscope_server import LoopbackDashScope

ROOT = Path(__file__).resolve().parents[3]


def fresh_key() -> str:
    return "sk-" + secrets.token_hex(16)


def run_cli(
    args: list[str], home: Path, *, stdin: str = "", extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DASHSCOPE_API_KEY", "QWENVL_DESKTOP_", "XDG_CONFIG"))
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CONFIG_DIRS=str(home / "etc-xdg"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        PYTHONPATH=str(ROOT),
    )
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=60,
    )


def files_containing(root: Path, needle: str) -> list[Path]:
    hits = []
    raw = needle.encode()
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                if raw in path.read_bytes():
                    hits.append(path)
            except OSError:
                continue
    return hits


# -- no keyring: nothing is written anywhere ----------------------------------------------------


def test_key_set_without_keyring_writes_nothing_and_prints_no_key(tmp_path: Path) -> None:
    """GIVEN no keyring backend WHEN a key is piped to `key set` THEN it is refused, and the key
    appears in no file under HOME and in no output."""
    home = tmp_path / "home"
    home.mkdir()
    key = fresh_key()
    result = run_cli(
        ["key", "set", "--region", "intl"],
        home,
        stdin=key + "\n",
        extra_env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert result.returncode == 3, result.stderr
    assert "No OS keyring is available" in result.stderr
    assert key not in result.stdout + result.stderr
    assert key[-12:] not in result.stdout + result.stderr
    assert files_containing(tmp_path, key) == []


def test_key_set_refuses_a_plaintext_backend(tmp_path: Path) -> None:
    """GIVEN keyring configured for a plaintext file backend THEN `key set` refuses to use it."""
    home = tmp_path / "home"
    home.mkdir()
    shim = tmp_path / "shim"
    (shim / "keyrings" / "alt").mkdir(parents=True)
    (shim / "keyrings" / "__init__.py").write_text("")
    (shim / "keyrings" / "alt" / "__init__.py").write_text("")
    (shim / "keyrings" / "alt" / "file.py").write_text(
        "from pathlib import Path\n"
        "from keyring.backend import KeyringBackend\n"
        "class PlaintextKeyring(KeyringBackend):\n"
        "    priority = 1\n"
        "    def get_password(self, s, u): return None\n"
        "    def set_password(self, s, u, p): Path('plain.txt').write_text(p)\n"
        "    def delete_password(self, s, u): pass\n"
    )
    key = fresh_key()
    result = run_cli(
        ["key", "set", "--region", "cn"],
        home,
        stdin=key,
        extra_env={
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "PYTHONPATH": f"{ROOT}{os.pathsep}{shim}",
        },
    )
    assert result.returncode == 3, result.stderr
    assert "plain file" in result.stderr
    assert files_containing(tmp_path, key) == []


# -- the real Secret Service --------------------------------------------------------------------


@pytest.mark.keyring
def test_store_lookup_delete_in_the_secret_service(
    secret_service: keyring.backend.KeyringBackend,
) -> None:
    status = keyring_status()
    assert status.available, status.reason
    key = fresh_key()
    stored = store_key("hk", None, key)
    assert stored.where == "keyring"
    assert secret_service.get_password(KEYRING_SERVICE, "region:hk") == key
    found = lookup_key("hk", environ={})
    assert (found.key, found.origin) == (key, "keyring")
    assert lookup_key("cn", environ={}).key is None
    assert delete_key("hk") is True
    assert secret_service.get_password(KEYRING_SERVICE, "region:hk") is None


@pytest.mark.keyring
def test_cli_round_trip_through_the_secret_service_leaves_no_plain_key(
    secret_service: keyring.backend.KeyringBackend,
    tmp_path: Path,
    threaded_server: LoopbackDashScope,
    test_key: str,
) -> None:
    """GIVEN gnome-keyring WHEN `key set` stores the key for an endpoint, `key status` and `ask`
    use it THEN nothing under HOME (ours or the keyring daemon's) or in the output holds it."""
    home = tmp_path / "home"
    home.mkdir()
    base = threaded_server.base_url("seed")
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring"}
    try:
        stored = run_cli(["key", "set", "--base-url", base], home, stdin=test_key, extra_env=env)
        assert stored.returncode == 0, stored.stderr
        assert "SecretService" in stored.stdout
        status = run_cli(["key", "status", "--base-url", base], home, extra_env=env)
        assert status.returncode == 0, status.stderr
        assert "custom " + base in status.stdout
        asked = run_cli(["ask", "--base-url", base, "What is in the image?"], home, extra_env=env)
        assert asked.returncode == 0, asked.stderr
        assert asked.stdout.strip()
        checked = run_cli(["key", "check", "--base-url", base], home, extra_env=env)
        assert checked.returncode == 0, checked.stderr
        outputs = "".join(r.stdout + r.stderr for r in (stored, status, asked, checked))
        assert test_key not in outputs
        assert files_containing(tmp_path, test_key) == []
        daemon_home = Path(os.environ.get("HOME", "/nonexistent"))
        keyrings = daemon_home / ".local" / "share" / "keyrings"
        if keyrings.is_dir():
            assert files_containing(keyrings, test_key) == []
    finally:
        delete_key("custom", base)
