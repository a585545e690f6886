"""Session-only keys: kept in this process's memory, never written anywhere, gone at exit.

This is the visible fallback when no OS keyring exists: the window offers it and says that the
key will be asked for again next time.
"""

from __future__ import annotations

import threading

from qwenvl_desktop.core.keys.targets import normalize_key

__all__ = ["clear_session_key", "clear_session_keys", "session_key", "set_session_key"]

_lock = threading.Lock()
_keys: dict[str, str] = {}


def set_session_key(target: str, key: str) -> None:
    """Remember ``key`` for ``target`` (see ``key_target``) until the process ends.

    Raises :class:`~.errors.UnusableKey` for text that is not a key."""
    key = normalize_key(key)
    with _lock:
        _keys[target] = key


def session_key(target: str) -> str | None:
    with _lock:
        return _keys.get(target)


def clear_session_key(target: str) -> bool:
    with _lock:
        return _keys.pop(target, None) is not None


def clear_session_keys() -> None:
    with _lock:
        _keys.clear()
