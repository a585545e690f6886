"""The exit statuses of ``qwenvl-desktop``: one table for every command, and the status of an error.

Scripts rely on these numbers (the README lists them), so they are a contract: a command returns
one of :class:`ExitCode`'s members and nothing else.
"""

from __future__ import annotations

from enum import IntEnum

from qwenvl_desktop.core.protocol.errors import (
    AuthenticationError,
    Interrupted,
    MissingKeyError,
    ModerationError,
    NetworkError,
    PermissionDenied,
    RateLimitError,
)
from qwenvl_desktop.core.protocol.request import RequestError

__all__ = ["ExitCode", "UsageProblem", "exit_code_for"]


class ExitCode(IntEnum):
    """What a ``qwenvl-desktop`` command's exit status means."""

    OK = 0
    #: a usage error (argparse uses 2 too) or unusable input: a missing or non-image file, a
    #: damaged video…
    USAGE = 2
    #: authentication or permission refused, no key, a key rejected, no usable keyring
    AUTH = 3
    #: rate limit or quota, still failing after the retries
    RATE = 4
    #: network failure, timeout, or a stream cut off
    NETWORK = 5
    #: any other API error, and internal errors
    API = 6
    #: the service's content moderation refused the request or the answer
    MODERATION = 7
    #: ``batch``: every input has its row, and some rows are errors (the others succeeded)
    SOME_FAILED = 8
    #: Ctrl+C (128 + SIGINT, as shells report it)
    INTERRUPTED = 130
    #: stdout closed before the answer ended (``… | head``): 128 + SIGPIPE, what a shell reports
    #: for ``yes | head``; nothing is printed
    BROKEN_PIPE = 141


class UsageProblem(Exception):
    """A request that cannot be made as asked: exit 2 with this sentence."""


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit status of a command that ended with ``error``."""
    if isinstance(error, Interrupted):
        return ExitCode.INTERRUPTED
    if isinstance(error, ModerationError):
        return ExitCode.MODERATION
    if isinstance(error, AuthenticationError | PermissionDenied | MissingKeyError):
        return ExitCode.AUTH
    if isinstance(error, RateLimitError):
        return ExitCode.RATE
    if isinstance(error, NetworkError):
        return ExitCode.NETWORK
    if isinstance(error, UsageProblem | RequestError):
        return ExitCode.USAGE
    # the image and video pipelines' errors: unusable input
    if getattr(error, "kind", None) in ("image", "video"):
        return ExitCode.USAGE
    return ExitCode.API
