"""The ``qwenvl-desktop key …`` commands: set, delete, status, check.

Exit statuses follow the command line's contract (``qwenvl_desktop.cli.main``): 0 success, 2 usage
error or unusable input, 3 no key / key rejected / no usable keyring, 5 network failure,
6 any other API error. No output ever shows more of a key than its masked form.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from typing import Any

from qwenvl_desktop.core.keys.check import check_key
from qwenvl_desktop.core.keys.errors import KeyringUnavailable, KeyStoreError, UnusableKey
from qwenvl_desktop.core.keys.os_keyring import KEYRING_SERVICE, keyring_status
from qwenvl_desktop.core.keys.store import delete_key, key_statuses, lookup_key, store_key
from qwenvl_desktop.core.keys.targets import env_var_names, key_target, looks_like_dashscope_key
from qwenvl_desktop.core.protocol.catalog import CUSTOM_REGION, REGION_IDS
from qwenvl_desktop.core.settings import LoadedSettings, Settings, load_settings

__all__ = ["register_key_commands"]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_KEY = 3
EXIT_NETWORK = 5
EXIT_API = 6


def _err(message: str) -> None:
    print(f"qwenvl-desktop: {message}", file=sys.stderr)


def _load() -> LoadedSettings:
    loaded = load_settings()
    for problem in loaded.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return loaded


def _target(args: argparse.Namespace, settings: Settings) -> tuple[str, str | None]:
    """(region, base URL) the command is about: the flags, else the configured endpoint."""
    if args.base_url:
        return CUSTOM_REGION, args.base_url.rstrip("/")
    if args.region:
        return args.region, None
    return settings.effective_region, settings.base_url


def _describe(region: str, base_url: str | None) -> str:
    return f"the endpoint {base_url}" if region == CUSTOM_REGION else f"region {region}"


def _option_hint(region: str, base_url: str | None) -> str:
    return f"--base-url {base_url}" if region == CUSTOM_REGION else f"--region {region}"


def _no_keyring_message(region: str, reason: str | None) -> str:
    env = " or ".join(env_var_names(region))
    return (
        f"No OS keyring is available ({reason or 'no backend'}), so the key cannot be saved — and "
        "it is never written to a file instead. Use one of these:\n"
        f"  - set the environment variable {env} for the program, or\n"
        "  - open the window and enter the key there for this session only (kept in memory, "
        "asked for again next time)."
    )


def _read_key(prompt: str) -> str:
    stdin = sys.stdin
    if stdin is None:
        raise UnusableKey("No key was given: there is no standard input.")
    if stdin.isatty():
        return getpass.getpass(prompt)
    return stdin.read()


# -- handlers --------------------------------------------------------------------------------------


def _run_set(args: argparse.Namespace) -> int:
    settings = _load().settings
    region, base_url = _target(args, settings)
    if region == CUSTOM_REGION and not base_url:
        _err("no custom endpoint is configured; give --region or --base-url.")
        return EXIT_USAGE
    status = keyring_status()
    if not status.available:
        _err(_no_keyring_message(region, status.reason))
        return EXIT_KEY
    where = _describe(region, base_url)
    try:
        text = _read_key(f"API key for {where} (input hidden): ")
        stored = store_key(region, base_url, text)
    except UnusableKey as exc:
        _err(str(exc))
        return EXIT_USAGE
    except KeyringUnavailable as exc:
        _err(_no_keyring_message(region, exc.detail))
        return EXIT_KEY
    except KeyStoreError as exc:
        _err(exc.one_line())
        return EXIT_KEY
    print(f"Stored the key {stored.masked} for {where} in the {stored.description}.")
    if region != CUSTOM_REGION and not looks_like_dashscope_key(text.strip()):
        print("note: it does not look like a Model Studio key (sk-…); stored anyway.")
    in_use = lookup_key(region, base_url)
    if in_use.origin == "environment":
        print(f"note: {in_use.source.removeprefix('environment ')} is set in this environment "
              "and is used instead of the stored key.")  # fmt: skip
    print(f"Check it with: qwenvl-desktop key check {_option_hint(region, base_url)}")
    return EXIT_OK


def _run_delete(args: argparse.Namespace) -> int:
    settings = _load().settings
    region, base_url = _target(args, settings)
    where = _describe(region, base_url)
    try:
        deleted = delete_key(region, base_url)
    except KeyringUnavailable as exc:
        _err(f"No OS keyring is available ({exc.detail}); there is no stored key to delete.")
        return EXIT_KEY
    except KeyStoreError as exc:
        _err(exc.one_line())
        return EXIT_KEY
    print(f"Deleted the stored key for {where}." if deleted else f"No key was stored for {where}.")
    return EXIT_OK


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
        return EXIT_OK
    if status.available:
        print(f"OS keyring: {status.backend} (service {KEYRING_SERVICE!r})")
    else:
        print(f"OS keyring: not available — {status.reason}.")
        print("  Keys can come from the environment or be entered in the window for one session.")
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
    print(f"In use by default: {configured} (from {layer})")
    return EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    settings = _load().settings
    region, base_url = _target(args, settings)
    if region == CUSTOM_REGION and not base_url:
        _err("no custom endpoint is configured; give --region or --base-url.")
        return EXIT_USAGE
    found = lookup_key(region, base_url)
    if not found.key:
        env = " or ".join(env_var_names(region))
        extra = (
            f" (The OS keyring is not available: {found.keyring_problem}.)"
            if found.keyring_problem
            else ""
        )
        _err(
            f"No API key for {_describe(region, base_url)}. Set {env}, or store one with "
            f"`qwenvl-desktop key set {_option_hint(region, base_url)}`.{extra}"
        )
        return EXIT_KEY
    url = base_url or settings.region_base_url(region)
    urls = {r: settings.region_base_url(r) for r in REGION_IDS}
    print(f"Checking the key {found.masked} from {found.source} at {url} …", file=sys.stderr)
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
    label = {"region-mismatch": "likely region mismatch"}.get(result.outcome, result.outcome)
    if result.works_in:
        label = "region mismatch"
    stream = sys.stdout if result.outcome == "valid" else sys.stderr
    print(f"{label}: {result.message}", file=stream)
    return {
        "valid": EXIT_OK,
        "invalid": EXIT_KEY,
        "region-mismatch": EXIT_KEY,
        "unreachable": EXIT_NETWORK,
        "error": EXIT_API,
    }[result.outcome]


# -- registration ----------------------------------------------------------------------------------


def _add_target_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--region", choices=REGION_IDS, help="the region (default: the configured one)"
    )
    group.add_argument("--base-url", metavar="URL", help="a custom endpoint instead of a region")


def register_key_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    key = commands.add_parser(
        "key",
        help="store, delete, list and check API keys (OS keyring)",
        description=(
            "API keys live in the OS keyring, one entry per region and per custom endpoint "
            f"(service {KEYRING_SERVICE!r}, user 'region:<id>' or 'endpoint:<url>'). "
            "DASHSCOPE_API_KEY_<REGION> and DASHSCOPE_API_KEY in the environment take precedence."
        ),
    )
    actions = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)

    set_ = actions.add_parser(
        "set", help="store a key: read from stdin when piped, else prompted without echo"
    )
    _add_target_options(set_)
    set_.set_defaults(handler=_run_set)

    delete = actions.add_parser("delete", help="delete the stored key")
    _add_target_options(delete)
    delete.set_defaults(handler=_run_delete)

    status = actions.add_parser("status", help="each region: stored or not, and the key in use")
    status.add_argument(
        "--base-url", action="append", metavar="URL", help="also list this custom endpoint"
    )
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=_run_status)

    check = actions.add_parser(
        "check", help="check the key with GET {base}/models: valid, invalid or region mismatch"
    )
    _add_target_options(check)
    check.add_argument(
        "--try-other-regions",
        action="store_true",
        help="when rejected, try the key at the other regions' endpoints (sends it to them)",
    )
    check.set_defaults(handler=_run_check)
