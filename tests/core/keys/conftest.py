from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

from tests.core.keys.support import MemoryKeyring, forget_all, isolate, secret_service_keyring


@pytest.fixture(autouse=True)
def memory_keyring(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[MemoryKeyring]:
    """GIVEN no real keyring and no configuration: an in-memory keyring for this test."""
    yield from isolate(monkeypatch, tmp_path, request)


@pytest.fixture
def secret_service() -> Iterator[keyring.backend.KeyringBackend]:
    """The real Secret Service (tests marked ``keyring``); entries of this app removed after."""
    backend = secret_service_keyring()
    keyring.set_keyring(backend)
    forget_all(backend)
    try:
        yield backend
    finally:
        forget_all(backend)
