"""Saving the user's choices (the window's region, model and endpoint) to the user configuration
file.

The file is edited with tomlkit, so the person's comments, order and formatting stay; only the
changed keys change. Locked settings and anything that looks like a secret are refused before
anything is written, and the file is replaced atomically.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.toml_document import TOMLDocument

from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.protocol.errors import QwenVLError
from qwenvl_desktop.core.settings.atomic_file import write_text_atomically
from qwenvl_desktop.core.settings.files import (
    ConfigLocations,
    default_locations,
    find_secret,
    read_config_file,
)
from qwenvl_desktop.core.settings.schema import SPECS, InvalidValue, ParseContext

__all__ = [
    "ConfigError",
    "ConfigWriteError",
    "InvalidSettingError",
    "SettingLockedError",
    "save_user_settings",
    "settings_value_to_toml",
]


class ConfigError(QwenVLError):
    """Base of the errors raised when *changing* configuration (loading never raises).

    ::

        ConfigError
        ├── SettingLockedError   the system-wide file locks this setting
        ├── InvalidSettingError  unknown setting, a value it cannot take, or a secret
        └── ConfigWriteError     the user file cannot be read back or written
    """

    kind = "config"
    user_message = translatable("Errors", "The configuration could not be changed.")


class SettingLockedError(ConfigError):
    kind = "config-locked"
    user_message = translatable(
        "Errors", "This setting is locked by the system-wide configuration."
    )


class InvalidSettingError(ConfigError):
    kind = "config-invalid"
    user_message = translatable("Errors", "This setting cannot take that value.")


class ConfigWriteError(ConfigError):
    kind = "config-write"
    user_message = translatable("Errors", "The configuration file could not be written.")


def settings_value_to_toml(name: str, value: Any) -> Any:
    """A :class:`Settings` field value as the value written in a file (None: leave it out)."""
    if value is None:
        return {"thinking": "auto", "language": "system"}.get(name)
    if name == "region_urls":
        return dict(value)
    if name == "models":
        return {alias: {"like": like} for alias, like in value}
    if isinstance(value, tuple | frozenset):
        return sorted(value) if isinstance(value, frozenset) else list(value)
    return value


def save_user_settings(
    changes: Mapping[str, Any],
    *,
    locations: ConfigLocations | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """Write ``changes`` (setting name -> value; ``None`` removes the key) into the user file.

    Values are checked exactly as when loading. Raises :class:`SettingLockedError`,
    :class:`InvalidSettingError` or :class:`ConfigWriteError`; nothing is written then.
    """
    locations = locations or default_locations(environ)
    path = locations.user
    checked = _checked_changes(
        changes, _system_locks(locations), ParseContext(base_dir=path.parent)
    )
    document = _read_user_file(path)
    for name, value in checked.items():
        if value is None:
            document.pop(name, None)
        else:
            document[name] = value
    secret = find_secret(document.unwrap())
    if secret is not None:
        raise InvalidSettingError(
            translate(
                "Errors",
                "%1: configuration files must not hold API keys; use `qwenvl-desktop key set`.",
            ).replace("%1", str(secret))
        )
    try:
        rendered = tomlkit.dumps(document)
    except (TypeError, ValueError) as exc:
        raise InvalidSettingError(str(exc)) from None
    try:
        write_text_atomically(path, rendered, prefix=".config-")
    except OSError as exc:
        raise ConfigWriteError(
            translate("Errors", "Cannot write %1: %2")
            .replace("%1", str(path))
            .replace("%2", str(exc.strerror or exc))
        ) from None
    return path


def _system_locks(locations: ConfigLocations) -> set[str]:
    """The settings the system-wide file locks (``locked = [...]``, or one name)."""
    system = read_config_file(locations.system, "system")
    raw_locks = system.data.get("locked", []) if system.status == "read" else []
    return {raw_locks} if isinstance(raw_locks, str) else set(raw_locks)


def _checked_changes(
    changes: Mapping[str, Any], locked: set[str], ctx: ParseContext
) -> dict[str, Any]:
    """``changes`` as file values, each checked as loading would check it (None: remove)."""
    checked: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in SPECS:
            raise InvalidSettingError(
                translate("Errors", "%1 is not a setting (API keys go in the OS keyring).").replace(
                    "%1", repr(name)
                )
            )
        if name in locked:
            raise SettingLockedError(
                translate("Errors", "%1 is locked by the system-wide configuration.").replace(
                    "%1", str(name)
                )
            )
        value = settings_value_to_toml(name, value) if value is not None else None
        if value is not None:
            try:
                SPECS[name].parse(value, ctx)
            except InvalidValue as exc:
                raise InvalidSettingError(
                    translate("Errors", "%1: %2.").replace("%1", str(name)).replace("%2", str(exc))
                ) from None
        checked[name] = value
    return checked


def _read_user_file(path: Path) -> TOMLDocument:
    """The user file as an editable document (comments kept); a new one when there is none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        document = tomlkit.document()
        document.add(tomlkit.comment(_HEADER))
        return document
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigWriteError(
            translate("Errors", "Cannot read %1: %2")
            .replace("%1", str(path))
            .replace("%2", str(exc))
        ) from None
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:
        raise ConfigWriteError(
            translate(
                "Errors", "%1 is not valid TOML (%2); fix or remove it before saving settings."
            )
            .replace("%1", str(path))
            .replace("%2", str(exc))
        ) from None


_HEADER = "Qwen-VL Desktop user settings (see `qwenvl-desktop config show`)"
