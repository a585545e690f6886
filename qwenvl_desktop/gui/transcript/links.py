"""The links inside the transcript, and what clicking one does.

Actions inside the document are links with the ``qwenvl:`` scheme —
``qwenvl:<action>/<exchange id>`` (fold the thinking, show error details, retry, set the key
of a turn whose key was rejected, copy the answer, copy as curl, and the per-turn buttons of
:mod:`.turn_actions`: edit the question, regenerate, continue),
``qwenvl:version/<exchange id>/<n>`` (show the n-th reply Regenerate kept, ‹ ›),
``qwenvl:copy-code/<exchange id>/<n>`` (copy the n-th code block, see :mod:`.markdown_stream`),
``qwenvl:image/<exchange id>/<n>`` (a question's n-th image clicked: open it in the viewer),
``qwenvl:frame/<exchange id>/<video>/<ms>`` (a time in an answer, or a frame of the question's
filmstrip: show the frame of the question's video nearest that time, :func:`frame_href`) and
``qwenvl:result/<exchange id>/<key>`` (one of a document
task's results: Copy CSV, Save Markdown…). Web and mail links open in the person's browser or
mail program.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

__all__ = [
    "LinkAction",
    "TranscriptLink",
    "copy_to_clipboard",
    "frame_href",
    "link_href",
    "parse_link",
    "result_href",
]

LinkAction = Literal[
    "fold",
    "details",
    "retry",
    "set-key",
    "copy",
    "curl",
    "copy-code",
    "image",
    "result",
    "edit",
    "regenerate",
    "continue",
    "version",
    "frame",
]

_SCHEME = "qwenvl"
_ACTIONS: frozenset[str] = frozenset(get_args(LinkAction))
#: the actions whose link ends in a number (the code block, the image, the reply version)
_INDEXED = ("copy-code", "image", "version")
_EXTERNAL = ("http", "https", "mailto")


def link_href(action: LinkAction, exchange_id: str) -> str:
    return f"{_SCHEME}:{action}/{exchange_id}"


def result_href(exchange_id: str, key: str) -> str:
    """The link of one of an answer's results (Copy CSV, Save Markdown…)."""
    return f"{link_href('result', exchange_id)}/{key}"


def frame_href(exchange_id: str, video: int, seconds: float) -> str:
    """The link to the frame of the question's ``video`` (0-based) nearest ``seconds``."""
    return f"{link_href('frame', exchange_id)}/{video}/{max(0, round(seconds * 1000))}"


@dataclass(frozen=True, slots=True)
class TranscriptLink:
    """A clicked ``qwenvl:`` link: what to do, to which exchange (and which code block)."""

    action: LinkAction
    exchange_id: str
    #: the code block of a ``copy-code`` link, the image of an ``image`` link, the reply of a
    #: ``version`` link
    index: int | None = None
    #: a ``result`` link's result (``copy-csv``…: ``core.documents.ResultAction.key``)
    key: str | None = None
    #: a ``frame`` link's time into the video (its video is ``index``)
    milliseconds: int | None = None


def parse_link(url: QUrl) -> TranscriptLink | None:
    """The action of a ``qwenvl:`` link; None for any other link (a web link is opened here)."""
    if url.scheme() != _SCHEME:
        if url.scheme() in _EXTERNAL:
            QDesktopServices.openUrl(url)
        return None
    action, _, arg = url.path().partition("/")
    if action not in _ACTIONS:
        return None
    if action == "result":
        exchange_id, _, key = arg.rpartition("/")
        return TranscriptLink("result", exchange_id, key=key) if exchange_id and key else None
    if action == "frame":
        exchange_id, video, milliseconds = [*arg.split("/"), "", ""][:3]
        if not (exchange_id and video.isdigit() and milliseconds.isdigit()):
            return None
        return TranscriptLink("frame", exchange_id, int(video), milliseconds=int(milliseconds))
    if action in _INDEXED:
        exchange_id, _, index = arg.rpartition("/")
        if not index.isdigit():
            return None
        return TranscriptLink(action, exchange_id, int(index))  # type: ignore[arg-type]
    return TranscriptLink(action, arg)  # type: ignore[arg-type]


def copy_to_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
