"""Times in an answer about a video become links that show the frame sent nearest to them.

:class:`VideoTimeLinks` watches the transcript: when a reply has rendered
(:attr:`~.transcript.view.TranscriptView.replyRendered`) and its question carried a video, each
time the answer mentions within the clip (``0:05``, ``12:34``, ``1:02:03``, "at 75 seconds":
:func:`qwenvl_desktop.core.video.find_time_mentions`) gets a ``qwenvl:frame`` link. A click on
one — or on a frame of the question's filmstrip — opens the :class:`~.frame_viewer.FrameViewer`
at the frame sent nearest that time (:meth:`~qwenvl_desktop.core.video.VideoAttachment.index_at`).

A time is taken for the first of the question's videos that is that long (a question rarely has
more than one video; when it has, the first that reaches the time is the likeliest meant). Text
that is already a link (a Markdown link) is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from qwenvl_desktop.core.conversation.model import Exchange
    from qwenvl_desktop.core.video import VideoAttachment
    from qwenvl_desktop.gui.frame_viewer import FrameViewer
    from qwenvl_desktop.gui.transcript.view import TranscriptView
    from qwenvl_desktop.services.chat import ChatController

__all__ = ["VideoTimeLinks"]

#: A time past a clip's end by at most this much is still taken for it (the model rounds).
_END_SLACK_SECONDS = 1.0


class VideoTimeLinks(QObject):
    """Links from the times in answers to the frames of the questions' videos, and the viewer."""

    def __init__(self, window: QWidget, transcript: TranscriptView) -> None:
        super().__init__(window)
        self._window = window
        self._transcript = transcript
        self._controller: ChatController | None = None
        #: the frame viewer, once opened
        self.viewer: FrameViewer | None = None
        transcript.replyRendered.connect(self.link_times)
        transcript.frameRequested.connect(self.show_frame)

    def wire(self, controller: ChatController) -> None:
        self._controller = controller

    def _exchange(self, exchange_id: str) -> Exchange | None:
        return self._controller.exchange(exchange_id) if self._controller is not None else None

    def link_times(self, exchange_id: str) -> int:
        """Link the times in ``exchange_id``'s answer to its question's video; how many."""
        exchange = self._exchange(exchange_id)
        if exchange is None or not exchange.videos or not exchange.answer:
            return 0
        videos = [placed.video for placed in exchange.videos]
        with_frames = [video for video in videos if video.frames]  # a link has none to show
        span = self._transcript.answer_span(exchange_id)
        if span is None or not with_frames:
            return 0
        longest = max(video.duration or 0.0 for video in with_frames)
        from PySide6.QtGui import QTextCharFormat, QTextCursor

        from qwenvl_desktop.core.video import find_time_mentions
        from qwenvl_desktop.gui.transcript.colours import TranscriptColours
        from qwenvl_desktop.gui.transcript.links import frame_href

        start, end = span
        document = self._transcript.document()
        colours = TranscriptColours(self._transcript.palette())
        found: list[tuple[int, int, str]] = []
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            offset = block.position()
            for mention in find_time_mentions(block.text(), duration=longest + _END_SLACK_SECONDS):
                first, last = offset + mention.start, offset + mention.end
                if first < start or last > end:
                    continue
                video = _video_for(videos, mention.seconds)
                if video is None:
                    continue
                found.append((first, last, frame_href(exchange_id, video, mention.seconds)))
            block = block.next()
        cursor = QTextCursor(document)
        linked = 0
        for first, last, href in found:
            cursor.setPosition(first + 1)
            if cursor.charFormat().isAnchor():
                continue  # already a link (Markdown's, or made before for this reply)
            cursor.setPosition(first)
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            link: QTextCharFormat = colours.char("link")
            link.setAnchor(True)
            link.setAnchorHref(href)
            link.setFontUnderline(True)
            link.setToolTip(
                QCoreApplication.translate("VideoLinks", "Show the frame sent nearest this time")
            )
            cursor.mergeCharFormat(link)
            linked += 1
        if linked:
            self._transcript.viewport().update()
        return linked

    def show_frame(
        self, exchange_id: str, video_index: int, milliseconds: int
    ) -> FrameViewer | None:
        """Open the viewer at the frame of the question's video nearest ``milliseconds``."""
        exchange = self._exchange(exchange_id)
        if exchange is None or not 0 <= video_index < len(exchange.videos):
            return None
        video = exchange.videos[video_index].video
        seconds = milliseconds / 1000
        index = video.index_at(seconds)
        if index is None:
            return None
        from qwenvl_desktop.gui.frame_viewer import FrameViewer, ViewerFrame

        if self.viewer is None:
            self.viewer = FrameViewer(self._window)
        frames = [ViewerFrame(f.timestamp, f.url) for f in video.frames]
        self.viewer.show_frames(_name_of(video), frames, index, seconds)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        return self.viewer


def _video_for(videos: list[VideoAttachment], seconds: float) -> int | None:
    """The first video with frames that reaches ``seconds`` (its index among all of them)."""
    for index, video in enumerate(videos):
        if video.frames and seconds <= (video.duration or 0.0) + _END_SLACK_SECONDS:
            return index
    return None


def _name_of(video: VideoAttachment) -> str:
    from qwenvl_desktop.gui.transcript.filmstrip import shown_source_name

    name = shown_source_name(video.source).replace("\\", "/")
    return name.rsplit("/", 1)[-1] if video.kind != "url" else name
