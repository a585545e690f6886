"""The ``qwenvl-desktop key …`` commands: set, delete, status, check.

Their exit statuses are :class:`~qwenvl_desktop.cli.exit_codes.ExitCode`'s: 0 success, 2 usage
error or unusable input, 3 no key / key rejected / no usable keyring, 5 network failure, 6 any
other API error. No output ever shows more of a key than its masked form. Their options are in
:mod:`qwenvl_desktop.cli.options`.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from qwenvl_desktop.cli.exit_codes import ExitCode
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.keys.check import KeyCheckOutcome, check_key
from qwenvl_desktop.core.keys.errors import KeyringUnavailable, KeyStoreError, UnusableKey
from qwenvl_desktop.core.keys.os_keyring import KEYRING_SERVICE, keyring_status
from qwenvl_desktop.core.keys.store import delete_key, key_statuses, lookup_key, store_key
from qwenvl_desktop.core.keys.targets import env_var_names, key_target, looks_like_dashscope_key
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, REGION_IDS
from qwenvl_desktop.core.settings import LoadedSettings, Settings, load_settings

__all__ = ["no_key_sentence", "run_key_command"]

#: the exit status of each outcome of ``key check``
_CHECK_EXIT: dict[KeyCheckOutcome, ExitCode] = {
    "valid": ExitCode.OK,
    "invalid": ExitCode.AUTH,
    "region-mismatch": ExitCode.AUTH,
    "unreachable": ExitCode.NETWORK,
    "error": ExitCode.API,
}


def run_key_command(args: argparse.Namespace) -> int:
    """``qwenvl-desktop key ACTION …``: the action's exit status."""
    actions: dict[str, Callable[[argparse.Namespace], int]] = {
        "set": _run_set,
        "delete": _run_delete,
        "status": _run_status,
        "check": _run_check,
    }
    return actions[args.key_command](args)


def no_key_sentence(region: str, base_url: str | None, keyring_problem: str | None) -> str:
    """What to do when there is no key: ``ask`` and ``key check`` say it in these words."""
    env = translate("CliKeys", " or ").join(env_var_names(region))
    if region == CUSTOM_REGION:
        sentence = translate(
            "CliKeys",
            "No API key for the endpoint %1. Set the environment variable %2, "
            "or store one in the OS keyring with `qwenvl-desktop key set %3`.",
        ).replace("%1", str(base_url))
    else:
        sentence = translate(
            "CliKeys",
            "No API key for region %1. Set the environment variable %2, "
            "or store one in the OS keyring with `qwenvl-desktop key set %3`.",
        ).replace("%1", repr(region))
    sentence = sentence.replace("%2", env).replace("%3", _option_hint(region, base_url))
    if keyring_problem:
        sentence += translate("CliKeys", " (The OS keyring is not available: %1.)").replace(
            "%1", keyring_problem
        )
    return sentence


def _err(message: str) -> None:
    print(f"qwenvl-desktop: {message}", file=sys.stderr)


def _load() -> LoadedSettings:
    loaded = load_settings()
    for problem in loaded.problems:
        print(translate("CommandLine", "warning: %1").replace("%1", str(problem)), file=sys.stderr)
    return loaded


def _target(args: argparse.Namespace, settings: Settings) -> tuple[str, str | None]:
    """(region, base URL) the command is about: the flags, else the configured endpoint."""
    if args.base_url:
        return CUSTOM_REGION, args.base_url.rstrip("/")
    if args.region:
        return args.region, None
    return settings.effective_region, settings.base_url


def _named_target(args: argparse.Namespace, settings: Settings) -> tuple[str, str | None] | None:
    """:func:`_target`, or None (said on stderr) for the custom endpoint when none is given or
    configured: ``set`` and ``check`` need an address, ``delete`` of nothing is harmless."""
    region, base_url = _target(args, settings)
    if region == CUSTOM_REGION and not base_url:
        _err(translate("CliKeys", "no custom endpoint is configured; give --region or --base-url."))
        return None
    return region, base_url


def _describe(region: str, base_url: str | None) -> str:
    """“the endpoint URL” or “region ID”: what a sentence of these commands is about."""
    if region == CUSTOM_REGION:
        return translate("CliKeys", "the endpoint %1").replace("%1", str(base_url))
    return translate("CliKeys", "region %1").replace("%1", region)


def _option_hint(region: str, base_url: str | None) -> str:
    return f"--base-url {base_url}" if region == CUSTOM_REGION else f"--region {region}"


def _no_keyring_message(region: str, reason: str | None) -> str:
    env = translate("CliKeys", " or ").join(env_var_names(region))
    sentence = translate(
        "CliKeys",
        "No OS keyring is available (%1), so the key cannot be saved — and "
        "it is never written to a file instead. Use one of these:\n"
        "  - set the environment variable %2 for the program, or\n"
        "  - open the window and enter the key there for this session only (kept in memory, "
        "asked for again next time).",
    )
    why = reason or translate("CliKeys", "no backend")
    return sentence.replace("%1", why).replace("%2", env)


def _read_key(prompt: str) -> str:
    stdin = sys.stdin
    if stdin is None:
        raise UnusableKey(translate("CliKeys", "No key was given: there is no standard input."))
    if stdin.isatty():
        return getpass.getpass(prompt)
    return stdin.read()


# -- handlers --------------------------------------------------------------------------------------


def _run_set(args: argparse.Namespace) -> int:
    target = _named_target(args, _load().settings)
    if target is None:
        return ExitCode.USAGE
    region, base_url = target
    status = keyring_status()
    if not status.available:
        _err(_no_keyring_message(region, status.reason))
        return ExitCode.AUTH
    where = _describe(region, base_url)
    try:
        text = _read_key(
            translate("CliKeys", "API key for %1 (input hidden): ").replace("%1", where)
        )
        stored = store_key(region, base_url, text)
    except UnusableKey as exc:
        _err(str(exc))
        return ExitCode.USAGE
    except KeyringUnavailable as exc:
        _err(_no_keyring_message(region, exc.detail))
        return ExitCode.AUTH
    except KeyStoreError as exc:
        _err(exc.one_line())
        return ExitCode.AUTH
    done = translate("CliKeys", "Stored the key %1 for %2 in the %3.")
    done = done.replace("%1", stored.masked).replace("%2", where)
    print(done.replace("%3", stored.description))
    if region != CUSTOM_REGION and not looks_like_dashscope_key(text.strip()):
        print(
            translate(
                "CliKeys", "note: it does not look like a Model Studio key (sk-…); stored anyway."
            )
        )
    in_use = lookup_key(region, base_url)
    if in_use.origin == "environment":
        variable = in_use.source.removeprefix("environment ")
        note = translate(
            "CliKeys",
            "note: %1 is set in this environment and is used instead of the stored key.",
        )
        print(note.replace("%1", variable))
    check = translate("CliKeys", "Check it with: qwenvl-desktop key check %1")
    print(check.replace("%1", _option_hint(region, base_url)))
    return ExitCode.OK


def _run_delete(args: argparse.Namespace) -> int:
    settings = _load().settings
    region, base_url = _target(args, settings)
    where = _describe(region, base_url)
    try:
        deleted = delete_key(region, base_url)
    except KeyringUnavailable as exc:
        sentence = translate(
            "CliKeys", "No OS keyring is available (%1); there is no stored key to delete."
        )
        _err(sentence.replace("%1", str(exc.detail)))
        return ExitCode.AUTH
    except KeyStoreError as exc:
        _err(exc.one_line())
        return ExitCode.AUTH
    if deleted:
        print(translate("CliKeys", "Deleted the stored key for %1.").replace("%1", where))
    else:
        print(translate("CliKeys", "No key was stored for %1.").replace("%1", where))
    return ExitCode.OK


def _run_status(args: argparse.Namespace) -> int:
    loaded = _load()
    settings = loaded.settings
    customs = [u.rstrip("/") for u in args.base_url or []]
    if settings.base_url and settings.base_url not in customs:
        customs.insert(0, settings.base_url)
    status = keyring_status()
    rows = key_statuses(customs)
    if args.json:
        out: dict[str, Any] = {
            "keyring": {
                "available": status.available,
                "backend": status.backend,
                "reason": status.reason,
                "service": KEYRING_SERVICE,
            },
            "configured": settings.effective_region,
            "targets": [
                {
                    "region": r.region,
                    "base_url": r.base_url,
                    "keyring_entry": key_target(r.region, r.base_url),
                    "stored": r.stored,
                    "source": r.in_use.source,
                    "origin": r.in_use.origin,
                    "masked": r.in_use.masked if r.in_use.key else None,
                }
                for r in rows
            ],
        }
        print(json.dumps(out, indent=2))
        return ExitCode.OK
    if status.available:
        line = translate("CliKeys", "OS keyring: %1 (service %2)")
        print(line.replace("%1", str(status.backend)).replace("%2", repr(KEYRING_SERVICE)))
    else:
        line = translate("CliKeys", "OS keyring: not available — %1.")
        print(line.replace("%1", str(status.reason)))
        print(
            translate(
                "CliKeys",
                "  Keys can come from the environment or be entered in the window for one session.",
            )
        )
    table = [("REGION", "STORED", "KEY IN USE", "FROM")]
    for r in rows:
        name = r.region if r.region != CUSTOM_REGION else f"custom {r.base_url}"
        stored = {True: "yes", False: "no", None: "unknown"}[r.stored]
        key = r.in_use.masked if r.in_use.key else "-"
        source = r.in_use.source if r.in_use.key else "no key"
        table.append((name, stored, key, source))
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    for row in table:
        print(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}")
    configured = _describe(settings.effective_region, settings.base_url)
    layer = loaded.sources["base_url" if settings.base_url else "region"]
    default = translate("CliKeys", "In use by default: %1 (from %2)")
    print(default.replace("%1", configured).replace("%2", layer))
    return ExitCode.OK


def _run_check(args: argparse.Namespace) -> int:
    settings = _load().settings
    target = _named_target(args, settings)
    if target is None:
        return ExitCode.USAGE
    region, base_url = target
    found = lookup_key(region, base_url)
    if not found.key:
        _err(no_key_sentence(region, base_url, found.keyring_problem))
        return ExitCode.AUTH
    url = base_url or settings.region_base_url(region)
    urls = {r: settings.region_base_url(r) for r in REGION_IDS}
    checking = translate("CliKeys", "Checking the key %1 from %2 at %3 …")
    checking = checking.replace("%1", found.masked).replace("%2", found.source)
    print(checking.replace("%3", url), file=sys.stderr)
    result = asyncio.run(
        check_key(
            found.key,
            region,
            url,
            settings.client_settings(),
            region_urls=urls,
            try_other_regions=args.try_other_regions,
        )
    )
    labels = {
        "valid": translate("CliKeys", "valid"),
        "invalid": translate("CliKeys", "invalid"),
        "region-mismatch": translate("CliKeys", "likely region mismatch"),
        "unreachable": translate("CliKeys", "unreachable"),
        "error": translate("CliKeys", "error"),
    }
    label = labels.get(result.outcome, result.outcome)
    if result.works_in:
        label = translate("CliKeys", "region mismatch")
    stream = sys.stdout if result.outcome == "valid" else sys.stderr
    print(f"{label}: {result.message}", file=stream)
    return _CHECK_EXIT[result.outcome]
