"""Where configuration files live, and reading one into a checked layer.

Reading never raises: a file that cannot be used becomes a :class:`ConfigNotice` (file, line, key,
what is wrong) and the app goes on with the other layers.

Files consulted, lowest first::

    system  platformdirs' site config dir + config.toml
            Linux: $XDG_CONFIG_DIRS' first entry, else /etc/xdg/qwenvl-desktop/config.toml
            Windows: %PROGRAMDATA%\\qwenvl-desktop\\config.toml
            macOS: /Library/Application Support/qwenvl-desktop/config.toml
    user    $QWENVL_DESKTOP_CONFIG if set, else platformdirs' user config dir + config.toml
            Linux: ~/.config/qwenvl-desktop/config.toml; Windows: %APPDATA%\\qwenvl-desktop\\…
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.i18n import translatable, translate

__all__ = [
    "APP_NAME",
    "CONFIG_ENV",
    "CONFIG_FILE_NAME",
    "ConfigFile",
    "ConfigLocations",
    "ConfigNotice",
    "NoticeKind",
    "default_locations",
    "find_secret",
    "key_lines",
    "read_config_file",
]

APP_NAME = APP_ID
CONFIG_FILE_NAME = "config.toml"
#: names an explicit configuration file that takes the user file's place
CONFIG_ENV = "QWENVL_DESKTOP_CONFIG"

Layer = Literal["system", "user"]
NoticeKind = Literal["syntax", "unreadable", "missing", "secret", "unknown", "invalid", "locked"]

# Names that mean "a secret" wherever they appear in a file, and the shape of a DashScope key.
_SECRET_NAMES = {"api_key", "apikey", "dashscope_api_key", "key", "secret", "token", "password"}
_KEY_SHAPE = re.compile(r"^\s*sk-[A-Za-z0-9_\-]{16,}\s*$")


@dataclass(frozen=True, slots=True)
class ConfigNotice:
    """One problem found while loading; ``str()`` is the message shown to the user."""

    kind: NoticeKind
    #: the layer's description: a file path, ``environment QWENVL_DESKTOP_X``, ``command line``
    origin: str
    message: str
    key: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        # %1 the origin, %2 the line, %3 the key, %4 the message: whole patterns, as the order of
        # the parts changes between languages
        if self.line is not None and self.key is not None:
            pattern = translate("Settings", "%1, line %2, key '%3': %4")
        elif self.line is not None:
            pattern = translate("Settings", "%1, line %2: %4")
        elif self.key is not None:
            pattern = translate("Settings", "%1, key '%3': %4")
        else:
            pattern = translate("Settings", "%1: %4")
        return _fill(
            pattern, shown_origin(self.origin), str(self.line), self.key or "", self.message
        )


#: a value the loader derived from another layer's: "ORIGIN (why)" (loader.py)
_DERIVED_ORIGINS = (
    (
        " (a region replaces the base URL)",
        translatable("Settings", "%1 (a region replaces the base URL)"),
    ),
    (" (first allowed model)", translatable("Settings", "%1 (first allowed model)")),
)


def shown_origin(origin: str) -> str:
    """A layer's description (``user file PATH``, ``environment NAME``…) in the interface
    language; the description itself stays English, as code compares it."""
    for suffix, words in _DERIVED_ORIGINS:
        if origin.endswith(suffix):
            shown = shown_origin(origin.removesuffix(suffix))
            return translate("Settings", words).replace("%1", shown)
    for prefix, words in (
        ("system file ", translatable("Settings", "system file %1")),
        ("user file ", translatable("Settings", "user file %1")),
        ("environment ", translatable("Settings", "environment %1")),
    ):
        if origin.startswith(prefix):
            return translate("Settings", words).replace("%1", origin.removeprefix(prefix))
    if origin in ("command line", "default"):
        return translate("Settings", origin)
    return origin


_LAYER_WORDS = (translatable("Settings", "command line"), translatable("Settings", "default"))


def _fill(pattern: str, *values: str) -> str:
    """``pattern`` with %1, %2… replaced in one pass (a value that holds "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], pattern)


@dataclass(frozen=True, slots=True)
class ConfigLocations:
    system: Path
    user: Path
    #: the user file was named by $QWENVL_DESKTOP_CONFIG
    user_is_explicit: bool = False


def default_locations(environ: Mapping[str, str] | None = None) -> ConfigLocations:
    """The files consulted. ``environ`` supplies $QWENVL_DESKTOP_CONFIG; platformdirs reads the
    process environment (XDG_CONFIG_DIRS, XDG_CONFIG_HOME, PROGRAMDATA, APPDATA) itself."""
    environ = os.environ if environ is None else environ
    import platformdirs  # here: the command line's parser reads CONFIG_ENV from this module

    system_dir = platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=False)
    explicit = environ.get(CONFIG_ENV, "").strip()
    if explicit:
        return ConfigLocations(
            Path(system_dir) / CONFIG_FILE_NAME, Path(explicit).expanduser(), True
        )
    user_dir = platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True)
    return ConfigLocations(Path(system_dir) / CONFIG_FILE_NAME, Path(user_dir) / CONFIG_FILE_NAME)


@dataclass(frozen=True, slots=True)
class ConfigFile:
    """One file as read: its top-level table, the line of every key, and what went wrong."""

    path: Path
    layer: Layer
    status: Literal["read", "missing", "refused", "invalid", "unreadable"]
    explicit: bool = False
    data: dict[str, Any] = field(default_factory=dict)
    #: dotted key path ("proxy", "region_urls.cn") -> 1-based line
    lines: dict[str, int] = field(default_factory=dict)
    notices: tuple[ConfigNotice, ...] = ()

    @property
    def origin(self) -> str:
        return f"{self.layer} file {self.path}"


_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY_PART = rf"(?:{_BARE}|{_QUOTED})"
_KEY_LINE = re.compile(rf"^\s*(?P<key>{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_TABLE_LINE = re.compile(rf"^\s*\[\[?\s*(?P<key>{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]\]?")
_PART = re.compile(_KEY_PART)


def _key_path(text: str) -> str:
    return ".".join(p.strip("'\"") for p in _PART.findall(text))


def key_lines(text: str) -> dict[str, int]:
    """Where each key is assigned: a line scanner good enough for configuration files (keys at
    the start of a line, tables in brackets). Used only to point messages at a line."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _TABLE_LINE.match(line):
            table = _key_path(match.group("key"))
            lines.setdefault(table, number)
        elif match := _KEY_LINE.match(line):
            path = _key_path(match.group("key"))
            lines.setdefault(f"{table}.{path}" if table else path, number)
    return lines


_TOML_POSITION = re.compile(r" ?\(at line (\d+), column (\d+)\)")


def find_secret(data: Mapping[str, Any], prefix: str = "") -> str | None:
    """The dotted path of the first key that names or holds an API key, if any."""
    for key, value in data.items():
        path = f"{prefix}{key}"
        name = key.lower().replace("-", "_")
        if name in _SECRET_NAMES or name.endswith("_api_key"):
            return path
        if isinstance(value, str) and _KEY_SHAPE.match(value):
            return path
        if isinstance(value, list) and any(
            isinstance(v, str) and _KEY_SHAPE.match(v) for v in value
        ):
            return path
        if isinstance(value, Mapping):
            found = find_secret(value, path + ".")
            if found:
                return found
    return None


def read_config_file(path: Path, layer: Layer, *, explicit: bool = False) -> ConfigFile:
    origin = f"{layer} file {path}"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        notices: tuple[ConfigNotice, ...] = ()
        if explicit:
            notices = (
                ConfigNotice(
                    "missing",
                    origin,
                    translate("Settings", "%1 names this file but it does not exist").replace(
                        "%1", CONFIG_ENV
                    ),
                ),
            )
        return ConfigFile(path, layer, "missing", explicit, notices=notices)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return ConfigFile(
            path,
            layer,
            "unreadable",
            explicit,
            notices=(
                ConfigNotice(
                    "unreadable",
                    origin,
                    translate("Settings", "cannot be read (%1); ignored").replace("%1", reason),
                ),
            ),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ConfigFile(
            path,
            layer,
            "invalid",
            explicit,
            notices=(
                ConfigNotice(
                    "syntax",
                    origin,
                    translate("Settings", "is not UTF-8 text; the whole file is ignored"),
                ),
            ),
        )
    import tomllib  # here: only a file that exists is parsed

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else None
        if line is None and "end of document" in message:
            line = max(1, len(text.splitlines()))
        reason = _TOML_POSITION.sub("", message).replace(" (at end of document)", "").strip()
        invalid = (
            translate("Settings", "invalid TOML (column %2): %1; the whole file is ignored")
            if position
            else translate("Settings", "invalid TOML: %1; the whole file is ignored")
        )
        notice = ConfigNotice(
            "syntax",
            origin,
            invalid.replace("%2", position.group(2) if position else "").replace("%1", reason),
            line=line,
        )
        return ConfigFile(path, layer, "invalid", explicit, notices=(notice,))
    lines = key_lines(text)
    secret = find_secret(data)
    if secret is not None:
        notice = ConfigNotice(
            "secret",
            origin,
            translate(
                "Settings",
                "configuration files must not hold API keys, so this whole file is ignored. "
                "Delete that line and store the key in the OS keyring with %1 (or set %2 in the "
                "environment).",
            )
            .replace("%1", "`qwenvl-desktop key set --region REGION`")
            .replace("%2", "DASHSCOPE_API_KEY"),
            key=secret,
            line=lines.get(secret),
        )
        return ConfigFile(path, layer, "refused", explicit, lines=lines, notices=(notice,))
    return ConfigFile(path, layer, "read", explicit, data=data, lines=lines)
