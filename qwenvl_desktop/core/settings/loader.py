"""Merging the layers: defaults < system file < user file < environment < command line.

Loading never raises for bad input: every problem becomes a :class:`ConfigNotice` and the value
from the layer below stays. The system-wide file may *lock* settings (``locked = ["region", …]``):
a locked setting keeps the system file's value (or the default) whatever a higher layer says, and
each attempt to change it is reported. Command-line values that cannot be used (locked, invalid,
unknown) are also listed in :attr:`LoadedSettings.flag_errors`, so the command line can refuse to
run instead of doing something the user did not ask for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.protocol.catalog import model_allowed
from qwenvl_desktop.core.settings.files import (
    ConfigFile,
    ConfigLocations,
    ConfigNotice,
    NoticeKind,
    default_locations,
    read_config_file,
    shown_origin,
)
from qwenvl_desktop.core.settings.schema import SPECS, InvalidValue, ParseContext, env_var_for
from qwenvl_desktop.core.settings.values import Settings

__all__ = ["COMMAND_LINE", "DEFAULT", "LOCKABLE", "LoadedSettings", "load_settings"]

DEFAULT = "default"
COMMAND_LINE = "command line"
#: every setting can be locked by the system-wide file
LOCKABLE = frozenset(SPECS)


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    settings: Settings
    #: setting name -> the layer it came from: "default", "system file PATH", "user file PATH",
    #: "environment QWENVL_DESKTOP_X", "command line"
    sources: dict[str, str] = field(default_factory=dict)
    #: readable problems found while loading (file, line, key, what is wrong); loading goes on
    problems: tuple[str, ...] = ()
    #: the same problems, structured
    notices: tuple[ConfigNotice, ...] = ()
    #: the files consulted, lowest layer first
    files: tuple[ConfigFile, ...] = ()
    #: command-line values that were not applied (locked, invalid, unknown): a usage error
    flag_errors: tuple[str, ...] = ()

    def is_locked(self, name: str) -> bool:
        return self.settings.is_locked(name)


class _Merge:
    def __init__(self) -> None:
        defaults = Settings()
        self.values: dict[str, Any] = {f.name: getattr(defaults, f.name) for f in fields(Settings)}
        self.sources: dict[str, str] = {name: DEFAULT for name in self.values}
        self.notices: list[ConfigNotice] = []
        self.flag_errors: list[str] = []
        self.locked: set[str] = set()

    def notice(
        self,
        kind: NoticeKind,
        origin: str,
        message: str,
        *,
        key: str | None = None,
        line: int | None = None,
    ) -> None:
        notice = ConfigNotice(kind, origin, message, key=key, line=line)
        self.notices.append(notice)
        if origin == COMMAND_LINE:
            self.flag_errors.append(str(notice))

    def apply(
        self,
        entries: Iterable[tuple[str, str, Any, int | None]],
        ctx: ParseContext,
        *,
        may_lock: bool = False,
    ) -> None:
        """Apply one layer's ``(origin, name, raw value, line)`` entries."""
        applied: dict[str, str] = {}
        for origin, name, raw, line in entries:
            if name == "locked":
                if may_lock:
                    self._lock(origin, raw, line)
                else:
                    self.notice(
                        "invalid",
                        origin,
                        translate(
                            "Settings", "only the system-wide file can lock settings; ignored"
                        ),
                        key=name,
                        line=line,
                    )
                continue
            spec = SPECS.get(name)
            if spec is None:
                unknown = (
                    translate(
                        "Settings",
                        "unknown setting; ignored (API keys go in the OS keyring: %2). "
                        "Known settings: %1",
                    )
                    if "key" in name
                    else translate("Settings", "unknown setting; ignored. Known settings: %1")
                )
                self.notice(
                    "unknown",
                    origin,
                    unknown.replace("%1", ", ".join(SPECS)).replace(
                        "%2", "`qwenvl-desktop key set`"
                    ),
                    key=name,
                    line=line,
                )
                continue
            try:
                value = spec.parse(raw, ctx)
            except InvalidValue as exc:
                below = self.sources[name]
                ignored = (
                    translate("Settings", "%1; ignored (the default stays)")
                    if below == DEFAULT
                    else translate("Settings", "%1; ignored (the value from %2 stays)")
                )
                self.notice(
                    "invalid",
                    origin,
                    ignored.replace("%2", below).replace("%1", str(exc)),
                    key=name,
                    line=line,
                )
                continue
            if name in self.locked:
                if value == self.values[name]:
                    continue  # repeating the locked value is not an attempt to change it
                self.notice(
                    "locked",
                    origin,
                    (
                        translate(
                            "Settings",
                            "%1 is locked by the system-wide configuration (%2); it cannot be "
                            "changed on the command line",
                        )
                        if origin == COMMAND_LINE
                        else translate(
                            "Settings",
                            "%1 is locked by the system-wide configuration (%2); this value is "
                            "ignored",
                        )
                    )
                    .replace("%2", self.sources[name])
                    .replace("%1", name),
                    key=name,
                    line=line,
                )
                continue
            self.values[name] = value
            self.sources[name] = origin
            applied[name] = origin
        # Choosing a region in a higher layer means "use that region", not "keep the custom
        # endpoint a lower layer set".
        if (
            "region" in applied
            and "base_url" not in applied
            and "base_url" not in self.locked
            and self.values["base_url"] is not None
        ):
            self.values["base_url"] = None
            self.sources["base_url"] = f"{applied['region']} (a region replaces the base URL)"

    def _lock(self, origin: str, raw: Any, line: int | None) -> None:
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(n, str) for n in raw):
            self.notice(
                "invalid",
                origin,
                translate("Settings", "expected an array of setting names"),
                key="locked",
                line=line,
            )
            return
        unknown = [n for n in raw if n not in LOCKABLE]
        if unknown:
            self.notice(
                "invalid",
                origin,
                translate(
                    "Settings", "cannot lock unknown setting(s) %1; the others are locked"
                ).replace("%1", ", ".join(unknown)),
                key="locked",
                line=line,
            )
        self.locked.update(n for n in raw if n in LOCKABLE)
        self.sources["locked"] = origin

    def apply_file(self, file: ConfigFile, *, may_lock: bool = False) -> None:
        self.notices.extend(file.notices)
        if file.status != "read":
            return
        entries = [
            (file.origin, name, value, file.lines.get(name)) for name, value in file.data.items()
        ]
        self.apply(entries, ParseContext(base_dir=file.path.parent), may_lock=may_lock)

    def apply_model_policy(self) -> None:
        allowed: tuple[str, ...] = self.values["allowed_models"]
        model: str = self.values["model"]
        if model_allowed(model, allowed):
            return
        origin = self.sources["model"]
        policy = (
            translate("Settings", "allowed_models (%1, from %2)")
            .replace("%2", shown_origin(self.sources["allowed_models"]))
            .replace("%1", ", ".join(allowed))
        )
        if origin != DEFAULT:
            self.notice(
                "invalid",
                origin,
                translate("Settings", "model %1 is not in %2; using %3")
                .replace("%2", policy)
                .replace("%3", allowed[0])
                .replace("%1", repr(model)),
                key="model",
            )
        self.values["model"] = allowed[0]
        self.sources["model"] = f"{self.sources['allowed_models']} (first allowed model)"


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    locations: ConfigLocations | None = None,
) -> LoadedSettings:
    """The effective settings.

    ``overrides`` are the command line's values by setting name (``None`` values are skipped; text
    is parsed like an environment variable). ``environ`` defaults to the process environment;
    ``locations`` to :func:`~.files.default_locations`.
    """
    environ = os.environ if environ is None else environ
    locations = locations or default_locations(environ)
    merge = _Merge()

    system = read_config_file(locations.system, "system")
    user = read_config_file(locations.user, "user", explicit=locations.user_is_explicit)
    merge.apply_file(system, may_lock=True)
    merge.apply_file(user)

    text_ctx = ParseContext(from_text=True, base_dir=Path.cwd())
    env_entries = [
        (f"environment {env_var_for(name)}", name, environ[env_var_for(name)], None)
        for name in SPECS
        if environ.get(env_var_for(name), "").strip()
    ]
    merge.apply(env_entries, text_ctx)
    flags = [(COMMAND_LINE, n, v, None) for n, v in (overrides or {}).items() if v is not None]
    merge.apply(flags, text_ctx)
    merge.apply_model_policy()

    values = dict(merge.values)
    values["locked"] = frozenset(merge.locked)
    settings = Settings(**values)
    return LoadedSettings(
        settings=settings,
        sources=dict(merge.sources),
        problems=tuple(str(n) for n in merge.notices),
        notices=tuple(merge.notices),
        files=(system, user),
        flag_errors=tuple(merge.flag_errors),
    )
