"""The links inside the transcript, and what clicking one does.

Actions inside the document are links with the ``qwenvl:`` scheme —
``qwenvl:<action>/<exchange id>`` (fold the thinking, show error details, retry, copy the
answer, copy as curl) and ``qwenvl:copy-code/<exchange id>/<n>`` (copy the n-th code block,
see :mod:`.markdown_stream`). Web and mail links open in the person's browser or mail program.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

__all__ = ["LinkAction", "TranscriptLink", "copy_to_clipboard", "link_href", "parse_link"]

LinkAction = Literal["fold", "details", "retry", "copy", "curl", "copy-code"]

_SCHEME = "qwenvl"
_ACTIONS: frozenset[str] = frozenset(("fold", "details", "retry", "copy", "curl", "copy-code"))
_EXTERNAL = ("http", "https", "mailto")


def link_href(action: LinkAction, exchange_id: str) -> str:
    return f"{_SCHEME}:{action}/{exchange_id}"


@dataclass(frozen=True, slots=True)
class TranscriptLink:
    """A clicked ``qwenvl:`` link: what to do, to which exchange (and which code block)."""

    action: LinkAction
    exchange_id: str
    #: the code block of a ``copy-code`` link
    index: int | None = None


def parse_link(url: QUrl) -> TranscriptLink | None:
    """The action of a ``qwenvl:`` link; None for any other link (a web link is opened here)."""
    if url.scheme() != _SCHEME:
        if url.scheme() in _EXTERNAL:
            QDesktopServices.openUrl(url)
        return None
    action, _, arg = url.path().partition("/")
    if action not in _ACTIONS:
        return None
    if action == "copy-code":
        exchange_id, _, index = arg.rpartition("/")
        if not index.isdigit():
            return None
        return TranscriptLink("copy-code", exchange_id, int(index))
    return TranscriptLink(action, arg)  # type: ignore[arg-type]


def copy_to_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
