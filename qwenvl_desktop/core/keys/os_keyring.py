"""The OS keyring, through the ``keyring`` package, and a probe that says whether it is usable.

``keyring`` picks a backend by priority: the Secret Service (GNOME Keyring, KWallet ≥ 5.97,
KeePassXC) on Linux, the Keychain on macOS, the Credential Locker on Windows. Without one it falls
back to ``keyring.backends.fail.Keyring``, whose every call raises. Two more cases are refused here
on purpose: the null backend (stores nothing) and any ``keyrings.alt`` / plaintext backend, which
would write the key to a file — the one thing this app never does.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.keys.errors import KeyringFailed, KeyringUnavailable, KeyStoreError

if TYPE_CHECKING:
    # Imported where the keyring is used: loading keyring and its backends takes tens of
    # milliseconds, which the window's first frame should not wait for.
    import keyring.backend

__all__ = [
    "KEYRING_SERVICE",
    "KeyringStatus",
    "delete_password",
    "get_password",
    "keyring_status",
    "set_password",
]

#: the keyring "service" of every entry; the "user name" is the key target (see ``key_target``)
KEYRING_SERVICE = APP_ID


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    available: bool
    #: the backend's own name, e.g. "SecretService Keyring"
    backend: str
    #: why it cannot be used, in a sentence, with what to do about it
    reason: str | None = None


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    name = getattr(backend, "name", None)
    return name if isinstance(name, str) and name else type(backend).__name__


def _no_backend_reason() -> str:
    if sys.platform.startswith("linux"):
        return (
            "no Secret Service is running on the D-Bus session bus (a desktop keyring such as "
            "GNOME Keyring or KWallet, unlocked), as on a headless machine"
        )
    return "the keyring package found no usable backend"


def _refusal(backend: keyring.backend.KeyringBackend) -> str | None:
    """Why this backend must not hold keys, or None when it may."""
    from keyring.backends import chainer, fail, null

    cls = type(backend)
    if isinstance(backend, fail.Keyring):
        return _no_backend_reason()
    if isinstance(backend, null.Keyring):
        return "the keyring is switched off (null backend)"
    if cls.__module__.startswith("keyrings.alt") or "plaintext" in cls.__name__.lower():
        return (
            f"the backend {cls.__module__}.{cls.__name__} would write keys to a plain file, "
            "which this app refuses"
        )
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        if not members:
            return _no_backend_reason()
        refused = [r for r in (_refusal(m) for m in members) if r]
        if refused:
            return refused[0]
    return None


def keyring_status() -> KeyringStatus:
    """Whether the OS keyring can hold keys, and if not, why. Cheap: no I/O."""
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration file, an import error
        return KeyringStatus(False, "unknown", f"the keyring cannot be loaded ({exc})")
    reason = _refusal(backend)
    return KeyringStatus(reason is None, _backend_name(backend), reason)


def _usable_backend() -> keyring.backend.KeyringBackend:
    import keyring

    status = keyring_status()
    if not status.available:
        raise KeyringUnavailable(detail=status.reason)
    return keyring.get_keyring()


#: what went wrong with the keyring, per operation ("read", "stored", "deleted"): whole sentences,
#: as the words around the verb change with it in other languages
_LOCKED = {
    "read": translatable(
        "Errors", "The OS keyring is locked, so the key could not be read. Unlock it and try again."
    ),
    "stored": translatable(
        "Errors",
        "The OS keyring is locked, so the key could not be stored. Unlock it and try again.",
    ),
    "deleted": translatable(
        "Errors",
        "The OS keyring is locked, so the key could not be deleted. Unlock it and try again.",
    ),
}
_FAILED = {
    "read": translatable("Errors", "The OS keyring failed, so the key could not be read: %1"),
    "stored": translatable("Errors", "The OS keyring failed, so the key could not be stored: %1"),
    "deleted": translatable("Errors", "The OS keyring failed, so the key could not be deleted: %1"),
}


def _failed(verb: str, exc: BaseException) -> KeyStoreError:
    import keyring.errors

    if isinstance(exc, keyring.errors.NoKeyringError):
        return KeyringUnavailable(detail=str(exc) or None)
    text = str(exc) or type(exc).__name__
    locked = any(w in text.lower() for w in ("locked", "prompt dismissed", "unlock"))
    sentences = _LOCKED if locked else _FAILED
    message = translate("Errors", sentences[verb]).replace("%1", text)
    return KeyringFailed(message, detail=f"{type(exc).__name__}: {text}")


def get_password(target: str) -> str | None:
    backend = _usable_backend()
    try:
        return backend.get_password(KEYRING_SERVICE, target)
    except Exception as exc:
        raise _failed("read", exc) from None


def set_password(target: str, key: str) -> str:
    """Store ``key``; returns the backend's name."""
    backend = _usable_backend()
    try:
        backend.set_password(KEYRING_SERVICE, target, key)
    except Exception as exc:
        raise _failed("stored", exc) from None
    return _backend_name(backend)


def delete_password(target: str) -> bool:
    """Remove the entry; False when there was none."""
    import keyring.errors

    backend = _usable_backend()
    try:
        if backend.get_password(KEYRING_SERVICE, target) is None:
            return False
        backend.delete_password(KEYRING_SERVICE, target)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise _failed("deleted", exc) from None
    return True
