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

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports

# Lazy: keyring (and httpx, for the key check) load only when a key is looked up or checked.
if TYPE_CHECKING:
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

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "KeyCheck": "check",
        "KeyCheckOutcome": "check",
        "check_key": "check",
        "KeyringFailed": "errors",
        "KeyringUnavailable": "errors",
        "KeyStoreError": "errors",
        "UnusableKey": "errors",
        "KEYRING_SERVICE": "os_keyring",
        "KeyringStatus": "os_keyring",
        "keyring_status": "os_keyring",
        "clear_session_key": "session",
        "clear_session_keys": "session",
        "session_key": "session",
        "set_session_key": "session",
        "KeyLookup": "store",
        "KeyOrigin": "store",
        "KeyStatus": "store",
        "StoredKey": "store",
        "delete_key": "store",
        "key_statuses": "store",
        "lookup_key": "store",
        "store_key": "store",
        "env_var_names": "targets",
        "key_target": "targets",
        "looks_like_dashscope_key": "targets",
        "masked": "targets",
        "normalize_key": "targets",
    },
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
