"""A question's videos in the transcript: a filmstrip of the frames sent, and a caption.

Each video of the question (:attr:`~qwenvl_desktop.core.conversation.model.Exchange.videos`)
gets a row of a few of its frames, spread over the clip, and a line saying what was sent
(``Video clip.mp4 — 0:12 · 24 frames at 2 fps · ≈6,144 tokens``). Each frame is a ``qwenvl:frame``
link (:func:`~.links.frame_href`): a click shows it in the frame viewer. The pictures come from
the frames' own bytes, so a conversation opened from the history shows the same strip as one
just asked. A link (the service downloads the video) has no frames: its caption says so.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextImageFormat

from qwenvl_desktop.core.conversation.model import Exchange
from qwenvl_desktop.core.video.attachment import VideoAttachment, format_timestamp
from qwenvl_desktop.gui import locale_format
from qwenvl_desktop.gui.transcript.links import frame_href
from qwenvl_desktop.services.video_intake import frame_picture, spread_indices

__all__ = ["FILMSTRIP_FRAMES", "FRAME_HEIGHT", "insert_filmstrips", "video_caption"]

#: Frames of one video shown in the question (spread over the clip).
FILMSTRIP_FRAMES = 6
#: Height of a filmstrip frame, in device-independent pixels.
FRAME_HEIGHT = 40

_serials = itertools.count(1)


def insert_filmstrips(
    cursor: QTextCursor,
    exchange: Exchange,
    small: QTextCharFormat,
    device_pixel_ratio: float,
) -> int:
    """The videos of ``exchange`` at ``cursor`` (which ends at the end of the last caption).

    Each video starts a block of its own. Returns the number of frames inserted.
    """
    document = cursor.document()
    dpr = max(device_pixel_ratio, 1.0)
    inserted = 0
    for number, placed in enumerate(exchange.videos):
        video = placed.video
        cursor.insertBlock(cursor.blockFormat(), QTextCharFormat())
        frames = video.frames
        for index in spread_indices(len(frames), FILMSTRIP_FRAMES):
            frame = frames[index]
            picture = frame_picture(frame.url, round(FRAME_HEIGHT * 16 / 9 * dpr))
            if picture.isNull():
                continue
            name = f"qwenvl-frame:{exchange.id}/{next(_serials)}"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), picture)
            image = QTextImageFormat()
            image.setName(name)
            image.setAnchor(True)
            image.setAnchorHref(frame_href(exchange.id, number, frame.timestamp))
            tooltip = QCoreApplication.translate("Filmstrip", "%1: show this frame")
            image.setToolTip(tooltip.replace("%1", format_timestamp(frame.timestamp)))
            height = min(FRAME_HEIGHT, picture.height() / dpr)
            image.setHeight(height)
            image.setWidth(picture.width() * height / max(picture.height(), 1))
            cursor.insertImage(image)
            cursor.insertText(" ", QTextCharFormat())  # a hairline between frames
            inserted += 1
        if frames:
            cursor.insertBlock(cursor.blockFormat(), small)
        cursor.insertText(video_caption(video), small)
    return inserted


def shown_source_name(source: str) -> str:
    """A video's source as a person reads it: the name an animation pasted without a file got
    (stored in English) in the interface language."""
    from qwenvl_desktop.core.i18n import translate
    from qwenvl_desktop.core.video.prepare import PASTED_LABEL

    return translate("Errors", PASTED_LABEL) if source == PASTED_LABEL else source


def video_caption(video: VideoAttachment) -> str:
    """``Video clip.mp4 — 0:12 · 24 frames at 2 fps · ≈6,144 tokens`` (a link: sampled by the
    service). Words, not an emoji: many desktops have no colour-emoji font."""
    name = shown_source_name(video.source).replace("\\", "/")
    if video.kind != "url" and "/" in name:
        name = name.rsplit("/", 1)[-1]
    if len(name) > 48:
        name = name[:47] + "…"
    translate = QCoreApplication.translate
    if video.kind == "url" or not video.frames:
        sentence = translate("Filmstrip", "Video %1 — link, sampled by the service at %2 fps")
        return sentence.replace("%2", f"{video.fps:g}").replace("%1", name)
    length = format_timestamp(video.duration or 0.0)
    sentence = translate("Filmstrip", "Video %1 — %2 · %3 frames at %4 fps · ≈%5 tokens")
    values = (
        ("%5", locale_format.number(video.estimated_tokens)),
        ("%4", f"{video.fps:g}"),
        ("%3", str(video.frame_count)),
        ("%2", length),
        ("%1", name),  # last: a file name may hold "%2"
    )
    for mark, value in values:
        sentence = sentence.replace(mark, value)
    return sentence
