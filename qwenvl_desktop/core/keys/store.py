"""Finding, storing and deleting keys. Order of use: environment, session memory, OS keyring.

Nothing here writes a key anywhere but the OS keyring or this process's memory, and nothing
returns a key in a ``repr`` or a message: display code uses :attr:`KeyLookup.masked`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.keys import os_keyring, session
from qwenvl_desktop.core.keys.errors import KeyringUnavailable, KeyStoreError
from qwenvl_desktop.core.keys.targets import env_var_names, key_target, masked, normalize_key
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, REGION_IDS

__all__ = [
    "KeyLookup",
    "KeyOrigin",
    "KeyStatus",
    "StoredKey",
    "delete_key",
    "key_statuses",
    "lookup_key",
    "shown_source",
    "store_key",
]

KeyOrigin = Literal["environment", "session", "keyring", "none"]

SESSION_SOURCE = translatable("KeySource", "this session only (in memory, not saved)")


@dataclass(frozen=True, slots=True)
class KeyLookup:
    key: str | None = field(repr=False)
    #: where the key came from, for display: "environment DASHSCOPE_API_KEY", "OS keyring (…)", …
    source: str
    #: why the keyring could not be read, if it could not
    keyring_problem: str | None = None
    origin: KeyOrigin = "none"

    @property
    def masked(self) -> str:
        return masked(self.key)


def _keyring_source() -> str:
    return f"OS keyring ({os_keyring.keyring_status().backend})"


def lookup_key(
    region: str, base_url: str | None = None, environ: Mapping[str, str] | None = None
) -> KeyLookup:
    """The key to use for a region (or a custom endpoint: ``region="custom"`` and its URL)."""
    environ = os.environ if environ is None else environ
    for name in env_var_names(region):
        value = environ.get(name, "").strip()
        if value:
            return KeyLookup(value, f"environment {name}", origin="environment")
    target = key_target(region, base_url)
    remembered = session.session_key(target)
    if remembered:
        return KeyLookup(remembered, SESSION_SOURCE, origin="session")
    try:
        stored = os_keyring.get_password(target)
    except KeyStoreError as exc:
        reason = exc.detail if isinstance(exc, KeyringUnavailable) and exc.detail else str(exc)
        return KeyLookup(None, "none", keyring_problem=reason)
    if stored:
        return KeyLookup(stored, _keyring_source(), origin="keyring")
    return KeyLookup(None, "none")


@dataclass(frozen=True, slots=True)
class StoredKey:
    target: str
    where: Literal["keyring", "session"]
    #: "OS keyring (SecretService Keyring)" or the session-only sentence
    description: str
    masked: str


def store_key(
    region: str,
    base_url: str | None,
    key: str,
    *,
    session_fallback: bool = False,
) -> StoredKey:
    """Save ``key`` in the OS keyring; with ``session_fallback``, keep it in memory instead when
    there is no keyring. Raises :class:`UnusableKey`, :class:`KeyringUnavailable`,
    :class:`KeyringFailed`."""
    key = normalize_key(key)
    target = key_target(region, base_url)
    try:
        backend = os_keyring.set_password(target, key)
    except KeyringUnavailable:
        if not session_fallback:
            raise
        session.set_session_key(target, key)
        return StoredKey(target, "session", SESSION_SOURCE, masked(key))
    # A session key would hide the one just saved.
    session.clear_session_key(target)
    return StoredKey(target, "keyring", f"OS keyring ({backend})", masked(key))


def delete_key(region: str, base_url: str | None = None) -> bool:
    """Remove the stored key (keyring and session memory); False when there was none."""
    target = key_target(region, base_url)
    forgot = session.clear_session_key(target)
    try:
        deleted = os_keyring.delete_password(target)
    except KeyringUnavailable:
        if forgot:
            return True
        raise
    return deleted or forgot


@dataclass(frozen=True, slots=True)
class KeyStatus:
    region: str
    base_url: str | None
    #: True/False: an entry exists in the OS keyring; None: the keyring could not be read
    stored: bool | None
    in_use: KeyLookup
    problem: str | None = None


def key_statuses(
    custom_urls: Iterable[str] = (),
    environ: Mapping[str, str] | None = None,
    regions: Iterable[str] = REGION_IDS,
) -> list[KeyStatus]:
    """Each region (and each given custom endpoint): stored or not, and the key source in use."""
    targets = [(r, None) for r in regions] + [(CUSTOM_REGION, u) for u in custom_urls]
    out = []
    for region, url in targets:
        problem = None
        try:
            stored: bool | None = os_keyring.get_password(key_target(region, url)) is not None
        except KeyStoreError as exc:
            stored = None
            problem = exc.detail if isinstance(exc, KeyringUnavailable) and exc.detail else str(exc)
        out.append(KeyStatus(region, url, stored, lookup_key(region, url, environ), problem))
    return out


#: :attr:`KeyLookup.source` when there is no key
_NO_KEY = translatable("KeySource", "none")


def shown_source(source: str) -> str:
    """Where a key came from (:attr:`KeyLookup.source`), in the interface language.

    The source itself stays English: it is read by code (``startswith("environment ")``) and
    printed by ``key status``; only what a person reads in the window is translated.
    """
    if source.startswith("environment "):
        variable = source.removeprefix("environment ")
        return translate("KeySource", "environment %1").replace("%1", variable)
    if source.startswith("OS keyring (") and source.endswith(")"):
        backend = source.removeprefix("OS keyring (").removesuffix(")")
        return translate("KeySource", "OS keyring (%1)").replace("%1", backend)
    if source in (SESSION_SOURCE, _NO_KEY):
        return translate("KeySource", source)
    return source
