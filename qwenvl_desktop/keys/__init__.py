"""API keys: from the environment or the OS keyring, never from a file.

Keys are bound to their region, so each region (and each custom endpoint) has its own entry:
keyring service ``qwenvl-desktop``, user name ``region:intl`` / ``endpoint:https://host/path``.
Environment variables win over the keyring: ``DASHSCOPE_API_KEY_<REGION>`` (e.g.
``DASHSCOPE_API_KEY_CN``), then ``DASHSCOPE_API_KEY``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

import keyring
import keyring.errors

from ..protocol.catalog import CUSTOM_REGION

__all__ = ["KEYRING_SERVICE", "KeyLookup", "env_var_names", "key_target", "lookup_key"]

KEYRING_SERVICE = "qwenvl-desktop"


@dataclass(frozen=True, slots=True)
class KeyLookup:
    key: str | None = field(repr=False)
    #: where the key came from, for display: "environment DASHSCOPE_API_KEY", "keyring", …
    source: str
    #: why the keyring could not be read, if it could not
    keyring_problem: str | None = None


def key_target(region: str, base_url: str | None = None) -> str:
    """The keyring user name of a region, or of a custom endpoint."""
    if base_url and region == CUSTOM_REGION:
        return f"endpoint:{base_url.rstrip('/')}"
    return f"region:{region}"


def env_var_names(region: str) -> list[str]:
    names = [] if region == CUSTOM_REGION else [f"DASHSCOPE_API_KEY_{region.upper()}"]
    return [*names, "DASHSCOPE_API_KEY"]


def lookup_key(
    region: str, base_url: str | None = None, environ: Mapping[str, str] | None = None
) -> KeyLookup:
    environ = os.environ if environ is None else environ
    for name in env_var_names(region):
        value = environ.get(name, "").strip()
        if value:
            return KeyLookup(value, f"environment {name}")
    try:
        stored = keyring.get_password(KEYRING_SERVICE, key_target(region, base_url))
    except keyring.errors.KeyringError as exc:
        return KeyLookup(None, "none", keyring_problem=f"{type(exc).__name__}: {exc}")
    if stored:
        return KeyLookup(stored, "keyring")
    return KeyLookup(None, "none")
