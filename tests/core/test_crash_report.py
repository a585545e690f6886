"""The crash report's text (Qt-free): the traceback and versions, never a key."""

from __future__ import annotations

import sys

import pytest

from qwenvl_desktop import __version__
from qwenvl_desktop.core.crash_report import (
    crash_report,
    environment_secrets,
    scrub_known_secrets,
)

DASHSCOPE_KEY = "sk-0123456789abcdef0123"
ODD_KEY = "corp-gateway-secret-7Hq2Zx9w"


def raised(message: str) -> tuple[type[BaseException], BaseException, object]:
    def function_that_fails() -> None:
        raise RuntimeError(message)

    try:
        function_that_fails()
    except RuntimeError:
        kind, exc, tb = sys.exc_info()
        assert kind is not None and exc is not None
        return kind, exc, tb
    raise AssertionError("unreachable")


def test_given_an_exception_then_the_report_has_the_traceback_and_the_versions() -> None:
    kind, exc, tb = raised("division went wrong")

    report = crash_report(kind, exc, tb, where="in a slot", versions={"Qt": "6.9.9"}, secrets=())  # type: ignore[arg-type]

    assert report.summary == "RuntimeError: division went wrong"
    assert f"Qwen-VL Desktop {__version__}" in report.details
    assert "uncaught exception in a slot" in report.details
    assert "Qt 6.9.9" in report.details
    assert "Python " in report.details
    assert "function_that_fails" in report.details
    assert report.details.rstrip().endswith("RuntimeError: division went wrong")


def test_given_keys_in_the_message_then_neither_summary_nor_details_hold_them() -> None:
    kind, exc, tb = raised(f"sent {DASHSCOPE_KEY} to {ODD_KEY}; Authorization: Bearer abc.def")

    report = crash_report(kind, exc, tb, secrets=[ODD_KEY])  # type: ignore[arg-type]

    for text in (report.summary, report.details):
        assert DASHSCOPE_KEY not in text
        assert ODD_KEY not in text
        assert "abc.def" not in text
        assert "sk-0123…" in text  # enough to tell which key it was, not enough to use it


def test_given_keys_in_the_environment_then_they_are_the_known_secrets() -> None:
    env = {
        "DASHSCOPE_API_KEY": DASHSCOPE_KEY,
        "DASHSCOPE_API_KEY_CORP": f" {ODD_KEY} ",
        "DASHSCOPE_API_KEY_EMPTY": "",
        "HOME": "/home/someone",
    }

    assert sorted(environment_secrets(env)) == sorted([DASHSCOPE_KEY, ODD_KEY])


def test_given_short_values_then_they_are_not_blanked() -> None:
    # Blanking "en" or "1" everywhere would make a report unreadable.
    assert scrub_known_secrets("lang en, retry 1", ["en", "1"]) == "lang en, retry 1"
    assert scrub_known_secrets(f"x {ODD_KEY} y", [ODD_KEY]) == "x … y"


def test_given_a_key_in_the_environment_when_scrubbing_without_a_list_then_it_is_blanked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The event loop's log lines are scrubbed without naming the keys: the environment's count.
    monkeypatch.setenv("DASHSCOPE_API_KEY_CORP", ODD_KEY)
    assert scrub_known_secrets(f"Task pending: headers={{'x-key': '{ODD_KEY}'}}") == (
        "Task pending: headers={'x-key': '…'}"
    )
