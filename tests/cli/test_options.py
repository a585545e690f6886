"""The one parser: shared by the window and the commands, cheap to import, honest in its help."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator

import pytest

from qwenvl_desktop.cli.main import main
from qwenvl_desktop.cli.options import build_parser, empty_command_line
from qwenvl_desktop.core.keys import KEYRING_SERVICE


def test_given_the_window_options_when_parsed_then_there_is_no_command() -> None:
    args = build_parser().parse_args(["--region", "cn", "--model", "qwen-vl-max", "--capture"])
    assert args.command is None
    assert (args.region, args.model, args.capture) == ("cn", "qwen-vl-max", True)


def test_given_the_window_starting_when_it_imports_the_parser_then_no_command_is_loaded() -> None:
    """The window imports ``cli.options`` on every start: it must not bring the keyring along."""
    probe = (
        "import sys, qwenvl_desktop.cli.options; "
        "print(sorted(m for m in sys.modules if m.startswith(('keyring', 'PySide6', 'PIL', "
        "'qwenvl_desktop.cli.', 'qwenvl_desktop.core.keys'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "['qwenvl_desktop.cli.options']"


def test_given_no_command_when_the_command_line_runs_then_it_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Opening the window is the launcher's decision; ``cli.main`` only runs commands."""
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2
    assert "alone opens the window" in capsys.readouterr().err


def test_given_key_help_when_shown_then_it_names_the_keyring_service(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["key", "--help"])
    assert f"(service {KEYRING_SERVICE!r}," in " ".join(capsys.readouterr().out.split())


def _options(parser: argparse.ArgumentParser, path: str = "qwenvl-desktop") -> Iterator[tuple]:
    """(command path, action) for every option and argument of ``parser`` and its commands."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _options(sub, f"{path} {name}")
        else:
            yield path, action


def test_given_every_command_when_its_help_is_read_then_every_option_says_what_it_does() -> None:
    missing = [
        f"{path} {'/'.join(action.option_strings) or action.dest}"
        for path, action in _options(build_parser())
        if not action.help or action.help == argparse.SUPPRESS
    ]
    assert missing == []


def test_given_a_region_option_when_its_help_is_read_then_it_names_the_cities() -> None:
    regions = [
        (path, action)
        for path, action in _options(build_parser())
        if "--region" in action.option_strings
    ]
    assert len(regions) >= 5  # the window, ask, models, key set/delete/check, config show
    for path, action in regions:
        for city in ("intl = Singapore", "us = Virginia", "cn = Beijing", "hk = Hong Kong"):
            assert city in action.help, (path, city)


def test_given_ask_help_in_a_terminal_then_the_sampling_options_are_explained() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", "ask", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    text = " ".join(result.stdout.split())
    for option, words in (
        ("--temperature T", "sampling temperature"),
        ("--top-p P", "nucleus sampling"),
        ("--max-tokens N", "the longest answer"),
        ("--seed N", "the same seed"),
    ):
        assert f"{option} {words}" in text, option


def test_given_models_when_listed_then_a_legend_explains_every_flag_shown() -> None:
    from qwenvl_desktop.cli.models import FLAG_MEANINGS

    result = subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", "models", "--region", "custom"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = result.stdout.splitlines()
    blank = lines.index("")
    rows, legend = lines[2:blank], lines[blank + 1 :]
    assert legend[0] == "Flags:"
    explained = {line.split()[0] for line in legend[1:]}
    for row in rows:
        for flag in row.split()[2:]:
            name, _, value = flag.partition(":")
            assert (f"{name}:N" if value.isdigit() else flag) in explained, flag
    assert explained <= set(FLAG_MEANINGS)
    assert "thinking" in explained and "ocr" in explained and "grid:N" in explained


def test_given_no_arguments_when_the_window_starts_then_its_options_are_the_parsers() -> None:
    """The launcher skips the parser for an empty command line (start-up): same namespace."""
    assert vars(empty_command_line()) == vars(build_parser().parse_args([]))
