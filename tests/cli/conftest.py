"""Every command-line test runs without the real OS keyring and with its own configuration folders.

In-process commands get an in-memory keyring; subprocesses inherit ``PYTHON_KEYRING_BACKEND`` set
to the fail backend and the private ``XDG_CONFIG_*`` folders (see :func:`tests.core.keys.support
.isolate`), so no test reads a developer's key or configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.keys.support import MemoryKeyring, isolate


@pytest.fixture(autouse=True)
def memory_keyring(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[MemoryKeyring]:
    """GIVEN no real keyring and no configuration: an in-memory keyring for this test."""
    yield from isolate(monkeypatch, tmp_path, request)
