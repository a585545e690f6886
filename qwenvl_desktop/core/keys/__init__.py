"""API keys: from the environment, this session's memory or the OS keyring — never from a file.

Keys are bound to their region, so each region (and each custom endpoint) has its own keyring
entry: service ``qwenvl-desktop``, user name ``region:intl`` … or ``endpoint:https://host/path``.
Order of use: ``DASHSCOPE_API_KEY_<REGION>`` (e.g. ``DASHSCOPE_API_KEY_CN``), ``DASHSCOPE_API_KEY``,
a session-only key, the OS keyring. Without a usable keyring (a headless Linux machine without a
Secret Service) the key can only come from the environment or be kept in memory for the session;
it is never written in plain text. Keys are shown only masked (``sk-…f3a9``).

Modules: ``targets`` (names), ``os_keyring`` (the keyring and its probe), ``session`` (memory),
``store`` (lookup, store, delete, status), ``check`` (``GET /models``), ``errors``, ``commands``
(the ``key`` command line).
"""

from __future__ import annotations

from qwenvl_desktop.core.keys.check import KeyCheck, KeyCheckOutcome, check_key
from qwenvl_desktop.core.keys.errors import (
    KeyringFailed,
    KeyringUnavailable,
    KeyStoreError,
    UnusableKey,
)
from qwenvl_desktop.core.keys.os_keyring import KEYRING_SERVICE, KeyringStatus, keyring_status
from qwenvl_desktop.core.keys.session import (
    clear_session_key,
    clear_session_keys,
    session_key,
    set_session_key,
)
from qwenvl_desktop.core.keys.store import (
    KeyLookup,
    KeyOrigin,
    KeyStatus,
    StoredKey,
    delete_key,
    key_statuses,
    lookup_key,
    store_key,
)
from qwenvl_desktop.core.keys.targets import (
    env_var_names,
    key_target,
    looks_like_dashscope_key,
    masked,
    normalize_key,
)

__all__ = [
    "KEYRING_SERVICE",
    "KeyCheck",
    "KeyCheckOutcome",
    "KeyLookup",
    "KeyOrigin",
    "KeyStatus",
    "KeyStoreError",
    "KeyringFailed",
    "KeyringStatus",
    "KeyringUnavailable",
    "StoredKey",
    "UnusableKey",
    "check_key",
    "clear_session_key",
    "clear_session_keys",
    "delete_key",
    "env_var_names",
    "key_statuses",
    "key_target",
    "keyring_status",
    "looks_like_dashscope_key",
    "lookup_key",
    "masked",
    "normalize_key",
    "session_key",
    "set_session_key",
    "store_key",
]
