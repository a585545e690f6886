"""The ``qwenvl-desktop config …`` commands: ``show`` (effective settings and their layers) and
``path`` (the files consulted)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from qwenvl_desktop.core.protocol.catalog import REGION_IDS
from qwenvl_desktop.core.settings.files import CONFIG_ENV
from qwenvl_desktop.core.settings.loader import LoadedSettings, load_settings
from qwenvl_desktop.core.settings.schema import SPECS, to_toml_value
from qwenvl_desktop.core.settings.writer import settings_value_to_toml

__all__ = ["register_config_commands"]

EXIT_OK = 0
EXIT_USAGE = 2

_FIELDS = [*SPECS, "locked"]


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = {
        "region": args.region,
        "base_url": args.base_url,
        "model": args.model,
    }
    for item in args.set or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"--set expects NAME=VALUE, got {item!r}")
        overrides[name.strip()] = value
    return overrides


def _show_text(loaded: LoadedSettings) -> None:
    settings = loaded.settings
    print("# Effective settings. Layers, lowest first: default < system file < user file")
    print("# < environment < command line. Each line names the layer its value came from.")
    lines = []
    for name in _FIELDS:
        value = settings_value_to_toml(name, getattr(settings, name))
        text = f"{name} = {to_toml_value(value)}" if value is not None else f"# {name} not set"
        note = loaded.sources.get(name, "default")
        if settings.is_locked(name):
            note += " [locked]"
        lines.append((text, note))
    width = min(48, max(len(t) for t, _ in lines))
    for text, note in lines:
        print(f"{text:<{width}}  # {note}")
    print(f"# endpoint in use: {settings.endpoint_base_url()} (region {settings.effective_region})")


def _run_show(args: argparse.Namespace) -> int:
    try:
        overrides = _overrides(args)
    except ValueError as exc:
        print(f"qwenvl-desktop: {exc}", file=sys.stderr)
        return EXIT_USAGE
    loaded = load_settings(overrides)
    for problem in loaded.problems:
        if str(problem) not in loaded.flag_errors:
            print(f"warning: {problem}", file=sys.stderr)
    if loaded.flag_errors:
        for error in loaded.flag_errors:
            print(f"qwenvl-desktop: {error}", file=sys.stderr)
        return EXIT_USAGE
    settings = loaded.settings
    if args.json:
        out = {
            name: {
                "value": settings_value_to_toml(name, getattr(settings, name)),
                "source": loaded.sources.get(name, "default"),
                "locked": settings.is_locked(name),
            }
            for name in _FIELDS
        }
        print(json.dumps({"settings": out, "problems": list(loaded.problems)}, indent=2))
    else:
        _show_text(loaded)
    return EXIT_OK


def _run_path(args: argparse.Namespace) -> int:
    loaded = load_settings()
    for file in loaded.files:
        status: str = file.status
        if file.explicit:
            status += f"; named by {CONFIG_ENV}"
        print(f"{file.layer:<6}  {file.path}  ({status})")
    for problem in loaded.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return EXIT_OK


def register_config_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    config = commands.add_parser(
        "config",
        help="show the effective settings, or the configuration files consulted",
        description=(
            "Settings come from TOML files in layers: built-in defaults < system file < user file "
            f"< environment (QWENVL_DESKTOP_<NAME>) < command line. {CONFIG_ENV} names a file "
            "that takes the user file's place."
        ),
    )
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="the effective settings and the layer of each")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.add_argument("--region", choices=REGION_IDS, help="as a command-line flag would")
    show.add_argument("--base-url", metavar="URL", help="as a command-line flag would")
    show.add_argument("--model", metavar="NAME", help="as a command-line flag would")
    show.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="any setting, as a command-line flag (repeatable)",
    )
    show.set_defaults(handler=_run_show)
    path = actions.add_parser("path", help="the configuration files consulted, lowest first")
    path.set_defaults(handler=_run_path)
