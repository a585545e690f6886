"""Errors of key storage. None of them ever carries the key itself.

::

    QwenVLError                      (qwenvl_desktop.core.protocol.errors)
    └── KeyStoreError                a key could not be stored, read or deleted
        ├── KeyringUnavailable       no usable OS keyring: no backend (headless Linux without a
        │                            Secret Service), or only a backend that writes plain files
        ├── KeyringFailed            the keyring answered with an error (locked, prompt dismissed,
        │                            D-Bus failure)
        └── UnusableKey              the text given is not a key (empty, spaces, several lines)
"""

from __future__ import annotations

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.core.protocol.errors import QwenVLError

__all__ = ["KeyStoreError", "KeyringFailed", "KeyringUnavailable", "UnusableKey"]


class KeyStoreError(QwenVLError):
    kind = "keyring"
    user_message = translatable("Errors", "The API key could not be stored or read.")


class KeyringUnavailable(KeyStoreError):
    kind = "no-keyring"
    user_message = translatable(
        "Errors",
        "No OS keyring is available, so the key cannot be saved. It is never written to a file "
        "instead: set the DASHSCOPE_API_KEY environment variable, or enter the key for this "
        "session only (kept in memory, forgotten when the app quits).",
    )


class KeyringFailed(KeyStoreError):
    kind = "keyring-failed"
    user_message = translatable("Errors", "The OS keyring refused the operation (is it locked?).")


class UnusableKey(KeyStoreError):
    kind = "unusable-key"
    user_message = translatable(
        "Errors", "That is not an API key: it must be one line without spaces."
    )
