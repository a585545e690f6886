"""Names: which keyring entry and which environment variables belong to a region or endpoint.

Keys are bound to their region, so each region has its own keyring entry, and so has each custom
endpoint::

    keyring service  qwenvl-desktop
    user name        region:intl | region:us | region:cn | region:hk
                     endpoint:https://host/compatible-mode/v1   (custom base URL, no trailing /)

Environment variables, first found wins: ``DASHSCOPE_API_KEY_<REGION>`` (``DASHSCOPE_API_KEY_CN``…;
not for custom endpoints), then ``DASHSCOPE_API_KEY``.
"""

from __future__ import annotations

import re

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.keys.errors import UnusableKey
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION
from qwenvl_desktop.core.protocol.client import mask_key

__all__ = [
    "env_var_names",
    "key_target",
    "looks_like_dashscope_key",
    "masked",
    "normalize_key",
]

_DASHSCOPE_KEY = re.compile(r"^sk-[A-Za-z0-9]{16,}$")
MAX_KEY_LENGTH = 1024


def key_target(region: str, base_url: str | None = None) -> str:
    """The keyring user name of a region, or of a custom endpoint."""
    if base_url and region == CUSTOM_REGION:
        return f"endpoint:{base_url.rstrip('/')}"
    return f"region:{region}"


def env_var_names(region: str) -> list[str]:
    names = [] if region == CUSTOM_REGION else [f"DASHSCOPE_API_KEY_{region.upper()}"]
    return [*names, "DASHSCOPE_API_KEY"]


def looks_like_dashscope_key(key: str) -> bool:
    """Model Studio keys are ``sk-`` and a run of letters and digits."""
    return bool(_DASHSCOPE_KEY.match(key))


def masked(key: str | None) -> str:
    """The only form of a key ever shown: ``sk-…f3a9``."""
    return mask_key(key)


def normalize_key(text: str) -> str:
    """The key in ``text`` (surrounding whitespace removed), or :class:`UnusableKey`."""
    key = text.strip()
    if not key:
        raise UnusableKey(translate("Errors", "No key was given (the input was empty)."))
    if len(key) > MAX_KEY_LENGTH or any(c.isspace() or not c.isprintable() for c in key):
        # Say why without echoing anything of the input.
        raise UnusableKey()
    return key
