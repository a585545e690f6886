"""The ``qwenvl-desktop config …`` commands: ``show`` (effective settings and their layers) and
``path`` (the files consulted). Their options are in :mod:`qwenvl_desktop.cli.options`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from qwenvl_desktop.cli.exit_codes import ExitCode
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.protocol.proxy import mask_proxy_url
from qwenvl_desktop.core.settings import Settings
from qwenvl_desktop.core.settings.files import CONFIG_ENV, shown_origin
from qwenvl_desktop.core.settings.loader import LoadedSettings, load_settings
from qwenvl_desktop.core.settings.schema import SPECS, to_toml_value
from qwenvl_desktop.core.settings.writer import settings_value_to_toml

__all__ = ["run_config_command"]

_FIELDS = [*SPECS, "locked"]


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: two for a wide (CJK) character."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _shown_value(settings: Settings, name: str) -> Any:
    """A setting's value as TOML data, safe to print: a proxy's password is masked."""
    value = settings_value_to_toml(name, getattr(settings, name))
    return mask_proxy_url(value) if name == "proxy" and isinstance(value, str) else value


def run_config_command(args: argparse.Namespace) -> int:
    """``qwenvl-desktop config ACTION …``: the action's exit status."""
    actions: dict[str, Callable[[argparse.Namespace], int]] = {
        "show": _run_show,
        "path": _run_path,
    }
    return actions[args.config_command](args)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = {
        "region": args.region,
        "base_url": args.base_url,
        "model": args.model,
    }
    for item in args.set or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise ValueError(
                translate("CliConfig", "--set expects NAME=VALUE, got %1").replace("%1", repr(item))
            )
        overrides[name.strip()] = value
    return overrides


def _show_text(loaded: LoadedSettings) -> None:
    settings = loaded.settings
    print(
        translate(
            "CliConfig",
            "# Effective settings. Layers, lowest first: default < system file < user file\n"
            "# < environment < command line. Each line names the layer its value came from.",
        )
    )
    lines = []
    for name in _FIELDS:
        value = _shown_value(settings, name)
        if value is not None:
            text = f"{name} = {to_toml_value(value)}"
        else:
            text = translate("CliConfig", "# %1 not set").replace("%1", name)
        note = shown_origin(loaded.sources.get(name, "default"))
        if settings.is_locked(name):
            note = translate("CliConfig", "%1 [locked]").replace("%1", note)
        lines.append((text, note))
    width = min(48, max(_columns(t) for t, _ in lines))
    for text, note in lines:
        # padded by terminal columns: a translated "not set" may hold wide characters
        print(f"{text}{' ' * (width - _columns(text))}  # {note}")
    in_use = translate("CliConfig", "# endpoint in use: %1 (region %2)")
    in_use = in_use.replace("%1", settings.endpoint_base_url())
    print(in_use.replace("%2", settings.effective_region))


def _run_show(args: argparse.Namespace) -> int:
    try:
        overrides = _overrides(args)
    except ValueError as exc:
        print(f"qwenvl-desktop: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    loaded = load_settings(overrides)
    for problem in loaded.problems:
        if str(problem) not in loaded.flag_errors:
            print(
                translate("CommandLine", "warning: %1").replace("%1", str(problem)), file=sys.stderr
            )
    if loaded.flag_errors:
        for error in loaded.flag_errors:
            print(f"qwenvl-desktop: {error}", file=sys.stderr)
        return ExitCode.USAGE
    settings = loaded.settings
    if args.json:
        out = {
            name: {
                "value": _shown_value(settings, name),
                "source": loaded.sources.get(name, "default"),
                "locked": settings.is_locked(name),
            }
            for name in _FIELDS
        }
        print(json.dumps({"settings": out, "problems": list(loaded.problems)}, indent=2))
    else:
        _show_text(loaded)
    return ExitCode.OK


def _run_path(args: argparse.Namespace) -> int:
    loaded = load_settings()
    for file in loaded.files:
        status: str = file.status
        if file.explicit:
            status = translate("CliConfig", "%1; named by %2").replace("%1", status)
            status = status.replace("%2", CONFIG_ENV)
        print(f"{file.layer:<6}  {file.path}  ({status})")
    for problem in loaded.problems:
        print(translate("CommandLine", "warning: %1").replace("%1", str(problem)), file=sys.stderr)
    return ExitCode.OK
