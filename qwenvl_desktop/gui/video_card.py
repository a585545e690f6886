"""A video in the image pane: a filmstrip card with its duration, frames, fps and cost.

The card only shows the state the draft gives it (a
:class:`~qwenvl_desktop.services.draft.DraftVideo`) and emits what the person asks for: remove
it (✕), cancel the extraction, another frame rate (the draft plans and extracts again). While
frames are being extracted it shows a progress bar and Cancel; a source that cannot be used
keeps its card with the sentence saying why, until it is removed — never a traceback, and the
rest of the question's attachments still go.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.gui import locale_format

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent, QPaintEvent

__all__ = [
    "FILMSTRIP_HEIGHT",
    "FPS_RANGE",
    "VIDEO_CARD_WIDTH",
    "Filmstrip",
    "VideoCard",
    "VideoFacts",
    "duration_words",
]

#: The card's width in device-independent pixels (a few frames side by side).
VIDEO_CARD_WIDTH = 272
#: The height of the strip of frames.
FILMSTRIP_HEIGHT = 56
#: Frames shown on the strip at most (spread over the whole clip).
STRIP_FRAMES = 5
#: The frame rates the fps control offers (issue 14: 0.1 to 10 frames a second).
FPS_RANGE = (0.1, 10.0)


def duration_words(seconds: float) -> str:
    """``0:07``, ``12:34``, ``1:02:03`` — as a player shows it (whole seconds, rounded)."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class VideoFacts:
    """What the card says about a planned or extracted video (plain values: the card needs no
    video module)."""

    __slots__ = ("duration", "fps", "frame_count", "notes", "tokens", "upload_bytes")

    def __init__(
        self,
        *,
        duration: float | None,
        frame_count: int,
        fps: float,
        tokens: int,
        upload_bytes: int | None = None,
        notes: Sequence[str] = (),
    ) -> None:
        self.duration = duration
        self.frame_count = frame_count
        self.fps = fps
        self.tokens = tokens
        self.upload_bytes = upload_bytes
        self.notes = tuple(notes)

    def caption(self) -> str:
        """Two lines: ``0:12 · 24 frames · 2 fps`` and ``≈6,144 tokens · 1.2 MiB``."""
        translate = QCoreApplication.translate
        length = (
            duration_words(self.duration)
            if self.duration is not None
            else translate("VideoCard", "link")
        )
        first = (
            translate("VideoCard", "%1 · %2 frames · %3 fps")
            .replace("%1", length)
            .replace("%2", str(self.frame_count))
            .replace("%3", f"{self.fps:g}")
        )
        second = translate("VideoCard", "≈%1 tokens").replace(
            "%1", locale_format.number(self.tokens)
        )
        if self.upload_bytes:
            second += f" · {_size_words(self.upload_bytes)}"
        return f"{first}\n{second}"


class Filmstrip(QWidget):
    """A row of frames spread over the clip, on a dark band like a strip of film."""

    #: a frame of the strip was clicked (its index among the frames given)
    frameClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, height: int = FILMSTRIP_HEIGHT) -> None:
        super().__init__(parent)
        self.setObjectName("videoFilmstrip")
        self._frames: list[QImage] = []
        self._shown: list[int] = []
        self._height = height
        #: what the empty band says (while the frames are being extracted)
        self.placeholder = ""
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_frames(self, frames: Sequence[QImage]) -> None:
        """The frames sent (all of them: the strip shows a few spread over the clip)."""
        self._frames = [f for f in frames if not f.isNull()]
        self._shown = _spread(len(self._frames), STRIP_FRAMES)
        self.setToolTip(
            QCoreApplication.translate("VideoCard", "%1 frames").replace(
                "%1", str(len(self._frames))
            )
            if self._frames
            else ""
        )
        self.update()

    def shown_indices(self) -> list[int]:
        """Which of the frames given the strip shows, left to right."""
        return list(self._shown)

    def sizeHint(self) -> QSize:
        return QSize(VIDEO_CARD_WIDTH - 8, self._height)

    def _cells(self) -> list[QRectF]:
        count = max(len(self._shown), 1)
        gap = 2.0
        inner = self.rect().adjusted(2, 4, -2, -4)
        width = (inner.width() - gap * (count - 1)) / count
        return [
            QRectF(inner.left() + i * (width + gap), inner.top(), width, inner.height())
            for i in range(count)
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # A dark band in light and dark themes alike: frames read as film, not as a grid.
        painter.fillRect(self.rect(), QColor(28, 28, 30))
        for cell, index in zip(self._cells(), self._shown, strict=False):
            frame = self._frames[index]
            source = QRectF(frame.rect())
            # Fill the cell, cropping the frame's middle (a strip, not a contact sheet).
            scale = max(cell.width() / source.width(), cell.height() / source.height())
            crop_w, crop_h = cell.width() / scale, cell.height() / scale
            source = QRectF(
                source.center().x() - crop_w / 2, source.center().y() - crop_h / 2, crop_w, crop_h
            )
            painter.drawImage(cell, frame, source)
        if not self._shown and self.placeholder:
            # Light grey on the dark band whatever the theme (the band is dark in both).
            painter.setPen(QColor(200, 200, 204))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            point = event.position()
            for cell, index in zip(self._cells(), self._shown, strict=False):
                if cell.contains(point):
                    self.frameClicked.emit(index)
                    break
        super().mouseReleaseEvent(event)


class VideoCard(QFrame):
    """One video of the draft: name and ✕, the filmstrip (or progress, or why it cannot be
    used), duration · frames · fps, estimated tokens, and the fps control."""

    removeClicked = Signal()
    cancelClicked = Signal()
    #: the person chose another frame rate (frames per second)
    fpsChosen = Signal(float)
    #: a frame of the strip was clicked (its index among the frames extracted)
    frameClicked = Signal(int)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        full = label
        if "/" in label.replace("\\", "/") and Path(label).is_absolute():
            label = Path(label).name
        self.setObjectName("videoCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(VIDEO_CARD_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.name = QLabel(self)
        self.name.setObjectName("videoName")
        metrics = self.name.fontMetrics()
        self.name.setText(
            metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, VIDEO_CARD_WIDTH - 40)
        )
        self.name.setToolTip(full)
        top.addWidget(self.name, 1)
        self._label = label
        self.remove = QToolButton(self)
        self.remove.setObjectName("removeVideoButton")
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        self.remove.clicked.connect(self.removeClicked)
        top.addWidget(self.remove)
        layout.addLayout(top)

        self.filmstrip = Filmstrip(self)
        self.filmstrip.frameClicked.connect(self.frameClicked)
        layout.addWidget(self.filmstrip)

        #: why the video cannot be used (in the strip's place)
        self.problem = QLabel(self)
        self.problem.setObjectName("videoProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setMinimumHeight(FILMSTRIP_HEIGHT)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.problem.hide()
        layout.addWidget(self.problem)

        self.caption = QLabel(self)
        self.caption.setObjectName("videoCaption")
        layout.addWidget(self.caption)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("videoProgress")
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.setTextVisible(True)
        self.progress.setFormat(QCoreApplication.translate("VideoCard", "Reading…"))
        bottom.addWidget(self.progress, 1)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelVideoButton")
        self.cancel.clicked.connect(self.cancelClicked)
        bottom.addWidget(self.cancel)
        self.fps_label = QLabel("fps", self)
        bottom.addWidget(self.fps_label)
        self.fps = QDoubleSpinBox(self)
        self.fps.setObjectName("videoFpsSpin")
        self.fps.setRange(*FPS_RANGE)
        self.fps.setDecimals(1)
        self.fps.setSingleStep(0.5)
        self.fps.setMaximumWidth(72)
        self.fps.setKeyboardTracking(False)  # one re-plan per value typed, not per key
        self.fps.valueChanged.connect(self._on_fps)
        bottom.addWidget(self.fps)
        layout.addLayout(bottom)
        self._showing_fps = False
        self._planned = False
        self.show_progress(None)
        self.retranslate()

    def retranslate(self) -> None:
        """The card's fixed words; its state's words the image pane says again (it shows the
        draft's state: ``ImagePane._show_video``)."""
        translate = QCoreApplication.translate
        self.remove.setAccessibleName(
            translate("VideoCard", "Remove %1").replace("%1", self._label)
        )
        self.remove.setToolTip(translate("VideoCard", "Remove this video"))
        self.cancel.setText(translate("VideoCard", "Cancel"))
        self.cancel.setToolTip(
            translate("VideoCard", "Stop extracting frames (the video is removed)")
        )
        self.fps.setAccessibleName(translate("VideoCard", "Frames per second"))
        self.fps.setToolTip(
            translate(
                "VideoCard",
                "Frames per second taken from the clip (0.1 to 10): more frames see more, cost "
                "more tokens. The model reads this rate as time.",
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- states ----------------------------------------------------------------------------------

    def show_planned(self, facts: VideoFacts) -> None:
        """The header was read: what will be sent (the frames follow)."""
        self.caption.setText(facts.caption())
        self._planned = True

    def show_progress(self, fraction: float | None, words: str = "") -> None:
        """Extracting: a progress bar (busy when ``fraction`` is None) and Cancel."""
        # The band stays (empty) while extracting: the card keeps its height when frames arrive.
        self.filmstrip.set_frames([])
        translate = QCoreApplication.translate
        self.filmstrip.placeholder = (
            translate("VideoCard", "Extracting frames…")
            if self._planned
            else translate("VideoCard", "Reading…")
        )
        self.filmstrip.show()
        self.filmstrip.update()
        self.problem.hide()
        self.progress.show()
        self.cancel.show()
        self.fps_label.hide()
        self.fps.hide()
        if fraction is None:
            self.progress.setRange(0, 0)
            self.progress.setFormat(words or translate("VideoCard", "Reading…"))
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(max(0.0, min(fraction, 1.0)) * 1000))
            self.progress.setFormat(words or translate("VideoCard", "Extracting frames… %p%"))
        if not self._planned:
            self.caption.setText(translate("VideoCard", "Reading the video…"))

    def show_ready(
        self,
        frames: Sequence[QImage],
        facts: VideoFacts,
        *,
        link: bool = False,
        fixed_frames: bool = False,
    ) -> None:
        """Extracted: the strip of frames, the facts, the fps control (a link: the service
        downloads and samples it, so only the fps; ``fixed_frames``: the frames an earlier
        question sent, which cannot be extracted again, so no fps control)."""
        translate = QCoreApplication.translate
        self._planned = False
        self.filmstrip.set_frames(frames)
        self.filmstrip.setVisible(bool(frames))
        self.problem.setVisible(link)
        if link:
            self.problem.setText(
                translate("VideoCard", "Link: the service downloads the video and samples it")
            )
            self.problem.setToolTip("")
        self.progress.hide()
        self.cancel.hide()
        self.fps_label.setVisible(not fixed_frames)
        self.fps.setVisible(not fixed_frames)
        self.set_fps(facts.fps)
        self.caption.setText(
            facts.caption()
            if not link
            else translate("VideoCard", "link · %1 fps").replace("%1", f"{facts.fps:g}")
        )
        if fixed_frames:
            self.problem.setText(translate("VideoCard", "The frames sent with the question before"))
            self.problem.setToolTip(
                translate(
                    "VideoCard",
                    "The frames sent with the question before. Add the file again to choose"
                    " another fps.",
                )
            )
            self.problem.show()
        tip = facts.caption().replace("\n", " · ")
        self.setToolTip(tip + ("\n" + "\n".join(facts.notes) if facts.notes else ""))

    def show_problem(self, sentence: str) -> None:
        """The video cannot be used: the sentence in the strip's place; only ✕ is left."""
        self.filmstrip.hide()
        self.progress.hide()
        self.cancel.hide()
        self.fps_label.hide()
        self.fps.hide()
        self._planned = False
        self.problem.setText(f"⚠ {sentence}")
        self.problem.setToolTip(sentence)
        self.problem.show()
        self.caption.setText(
            QCoreApplication.translate("VideoCard", "Not attached: remove it or try another file")
        )

    def show_cancelled(self) -> None:
        """Extraction cancelled: not attached; another fps extracts again."""
        self._planned = False
        self.filmstrip.hide()
        self.progress.hide()
        self.cancel.hide()
        self.fps_label.show()
        self.fps.show()
        translate = QCoreApplication.translate
        self.problem.setText(
            translate(
                "VideoCard", "Cancelled: nothing of it is sent. Choose an fps to extract again."
            )
        )
        self.problem.setToolTip("")
        self.problem.show()
        self.caption.setText(translate("VideoCard", "Not attached"))

    def set_fps(self, fps: float) -> None:
        """Show ``fps`` in the control without asking for it again."""
        self._showing_fps = True
        try:
            self.fps.setValue(fps)
        finally:
            self._showing_fps = False

    def problem_text(self) -> str:
        """The sentence shown when the video cannot be used ("" otherwise)."""
        return self.problem.toolTip() if self.problem.isVisibleTo(self) else ""

    @property
    def extracting(self) -> bool:
        """The progress bar and Cancel are shown."""
        return self.progress.isVisibleTo(self)

    def _on_fps(self, value: float) -> None:
        if not self._showing_fps:
            self.fpsChosen.emit(round(value, 1))


def _spread(count: int, most: int) -> list[int]:
    """``most`` indices spread evenly over ``count`` items, first and last included."""
    if count <= most:
        return list(range(count))
    return [round(i * (count - 1) / (most - 1)) for i in range(most)]


def _size_words(size: int) -> str:
    return locale_format.size(size)
