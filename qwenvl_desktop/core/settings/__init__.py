"""Effective settings of the app, from layered TOML configuration.

Layers, lowest first (a higher layer wins, setting by setting)::

    default       the Settings dataclass's defaults
    system file   platformdirs' site config dir / config.toml  (may lock settings)
    user file     $QWENVL_DESKTOP_CONFIG, else platformdirs' user config dir / config.toml
    environment   QWENVL_DESKTOP_<NAME>, e.g. QWENVL_DESKTOP_REGION=cn
    command line  flags (``--region``, ``--set NAME=VALUE``…)

A file is flat TOML whose keys are the setting names (``schema.SPECS``)::

    region = "cn"
    proxy = "socks5h://127.0.0.1:1080"
    ca_bundle = "/etc/ssl/certs/company-ca.pem"
    locked = ["region", "base_url"]      # system file only

API keys never belong in a file: a file holding one is refused whole (see :mod:`..keys`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports

# Lazy: the command line's parser reads CONFIG_ENV from ``files`` without loading the loader,
# the schema or the writer.
if TYPE_CHECKING:
    from qwenvl_desktop.core.settings.files import (
        APP_NAME,
        CONFIG_ENV,
        ConfigFile,
        ConfigLocations,
        ConfigNotice,
        default_locations,
    )
    from qwenvl_desktop.core.settings.loader import (
        COMMAND_LINE,
        DEFAULT,
        LoadedSettings,
        load_settings,
    )
    from qwenvl_desktop.core.settings.schema import SPECS, SettingSpec, env_var_for
    from qwenvl_desktop.core.settings.values import DEFAULT_MODEL, Settings
    from qwenvl_desktop.core.settings.writer import (
        ConfigError,
        ConfigWriteError,
        InvalidSettingError,
        SettingLockedError,
        save_user_settings,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "APP_NAME": "files",
        "CONFIG_ENV": "files",
        "ConfigFile": "files",
        "ConfigLocations": "files",
        "ConfigNotice": "files",
        "default_locations": "files",
        "COMMAND_LINE": "loader",
        "DEFAULT": "loader",
        "LoadedSettings": "loader",
        "load_settings": "loader",
        "SPECS": "schema",
        "SettingSpec": "schema",
        "env_var_for": "schema",
        "DEFAULT_MODEL": "values",
        "Settings": "values",
        "ConfigError": "writer",
        "ConfigWriteError": "writer",
        "InvalidSettingError": "writer",
        "SettingLockedError": "writer",
        "save_user_settings": "writer",
    },
)

__all__ = [
    "APP_NAME",
    "COMMAND_LINE",
    "CONFIG_ENV",
    "DEFAULT",
    "DEFAULT_MODEL",
    "SPECS",
    "ConfigError",
    "ConfigFile",
    "ConfigLocations",
    "ConfigNotice",
    "ConfigWriteError",
    "InvalidSettingError",
    "LoadedSettings",
    "SettingLockedError",
    "SettingSpec",
    "Settings",
    "default_locations",
    "env_var_for",
    "load_settings",
    "save_user_settings",
]
