"""The text of a crash report: what the crash dialog shows, copies and logs.

Qt-free so that the words and the scrubbing are tested without a window. A report must be safe to
paste into a public bug tracker, so the API key never appears in it: the text goes through
:func:`~qwenvl_desktop.core.protocol.errors.scrub_secrets` (anything shaped like a DashScope key
or a bearer token), and every key the process knows of by value (``DASHSCOPE_API_KEY*`` in the
environment, which may be a custom endpoint's key of any shape) is blanked out as well.
"""

from __future__ import annotations

import os
import platform
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType

from qwenvl_desktop import __version__
from qwenvl_desktop.core.protocol.errors import scrub_secrets

__all__ = ["CrashReport", "crash_report", "environment_secrets", "scrub_known_secrets"]

#: shorter values are not treated as secrets: blanking "1" or "en" would garble the report
_MIN_SECRET_LENGTH = 8
_KEY_VARIABLE_PREFIX = "DASHSCOPE_API_KEY"


@dataclass(frozen=True)
class CrashReport:
    """One uncaught exception, as words for a person and as details for a bug report."""

    #: one line: the exception's type and message, e.g. "ZeroDivisionError: division by zero"
    summary: str
    #: the traceback and the versions, scrubbed; what "Copy details" puts on the clipboard
    details: str


def environment_secrets(environ: Mapping[str, str] | None = None) -> list[str]:
    """The API keys given in the environment (``DASHSCOPE_API_KEY``, ``DASHSCOPE_API_KEY_CN``…)."""
    env = os.environ if environ is None else environ
    return [
        value.strip()
        for name, value in env.items()
        if name.startswith(_KEY_VARIABLE_PREFIX) and len(value.strip()) >= _MIN_SECRET_LENGTH
    ]


def scrub_known_secrets(text: str, secrets: Iterable[str] | None = None) -> str:
    """``text`` with each of ``secrets`` and anything shaped like a key blanked out.

    ``secrets`` defaults to :func:`environment_secrets`, so that no caller can forget the keys
    given by value.
    """
    known = environment_secrets() if secrets is None else secrets
    # The known values first: a custom endpoint's key need not look like "sk-…".
    for secret in sorted({s for s in known if len(s) >= _MIN_SECRET_LENGTH}, key=len, reverse=True):
        text = text.replace(secret, "…")
    return scrub_secrets(text)


def crash_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    where: str = "",
    versions: Mapping[str, str] | None = None,
    secrets: Iterable[str] | None = None,
) -> CrashReport:
    """The report of one uncaught exception.

    ``where`` says where it surfaced (e.g. "in an asyncio task"); ``versions`` adds lines such as
    the Qt version; ``secrets`` defaults to :func:`environment_secrets`.
    """
    known = environment_secrets() if secrets is None else list(secrets)  # used twice below
    message = str(exc).strip()
    summary = f"{exc_type.__name__}: {message}" if message else exc_type.__name__
    header = [f"Qwen-VL Desktop {__version__} — uncaught exception{' ' + where if where else ''}"]
    header.append(f"Python {platform.python_version()} on {platform.platform()}")
    header.extend(f"{name} {value}" for name, value in (versions or {}).items())
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    details = "\n".join(header) + "\n\n" + trace.rstrip("\n") + "\n"
    return CrashReport(
        summary=scrub_known_secrets(summary, known),
        details=scrub_known_secrets(details, known),
    )
