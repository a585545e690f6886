"""Test doubles and isolation for key storage, shared by the keys, settings and packaging tests.

Every test in those folders gets an in-memory keyring (priority -1, so ``keyring`` never picks it
on its own) and, for subprocesses, ``PYTHON_KEYRING_BACKEND`` set to the fail backend: no test
there touches the real OS keyring unless it is marked ``keyring`` and asks for ``secret_service``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from qwenvl_desktop.core.keys import KEYRING_SERVICE, clear_session_keys
from qwenvl_desktop.core.protocol.catalog import REGION_IDS

FAIL_BACKEND = "keyring.backends.fail.Keyring"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in a dict. ``priority = -1``: only ever used when set explicitly."""

    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.fail_with: Exception | None = None

    def _maybe_fail(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_fail()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_fail()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_fail()
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.entries[(service, username)]


def isolate(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[MemoryKeyring]:
    """The body of the autouse fixtures in tests/keys, tests/settings and tests/packaging."""
    config_root = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(config_root / "system"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_root / "user"))
    for var in ("DASHSCOPE_API_KEY", *(f"DASHSCOPE_API_KEY_{r.upper()}" for r in REGION_IDS)):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.delenv("QWENVL_DESKTOP_CONFIG", raising=False)
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    if request.node.get_closest_marker("keyring") is None:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FAIL_BACKEND)
        keyring.set_keyring(memory)
    clear_session_keys()
    try:
        yield memory
    finally:
        clear_session_keys()
        keyring.set_keyring(previous)


def secret_service_keyring() -> keyring.backend.KeyringBackend:
    """The real Secret Service backend, or a skip saying why it cannot be used."""
    try:
        import secretstorage
        from keyring.backends import SecretService
    except ImportError as exc:  # pragma: no cover - secretstorage ships with keyring on Linux
        pytest.skip(f"no Secret Service client library: {exc}")
    try:
        connection = secretstorage.dbus_init()
    except Exception as exc:
        pytest.skip(f"no D-Bus session bus ({exc}); run inside dbus-run-session with gnome-keyring")
    try:
        if not secretstorage.check_service_availability(connection):
            pytest.skip(
                "no Secret Service on the D-Bus session bus; start gnome-keyring-daemon --unlock"
            )
        try:  # D-Bus activation can start a gnome-keyring whose collection is locked or missing
            if secretstorage.get_default_collection(connection).is_locked():
                pytest.skip("the Secret Service's default collection is locked")
        except secretstorage.exceptions.SecretStorageException as exc:
            pytest.skip(
                f"the Secret Service cannot store ({type(exc).__name__}: {exc}); start "
                "`gnome-keyring-daemon --unlock --components=secrets` with a password on stdin"
            )
    finally:
        connection.close()
    return SecretService.Keyring()


def forget_all(
    backend: keyring.backend.KeyringBackend, extra_targets: tuple[str, ...] = ()
) -> None:
    for target in (*(f"region:{r}" for r in REGION_IDS), *extra_targets):
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            backend.delete_password(KEYRING_SERVICE, target)
