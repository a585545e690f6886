"""The frame viewer: one frame of a question's video, as sent, with the frames around it.

Opened by a time in an answer (``at 0:05``) or a frame of the question's filmstrip. It shows the
frame sent nearest that time, its time in the clip (and the time asked, when they differ), and
lets the person step through the frames sent (‹ ›, the slider, the arrow keys). It only shows
the frames it is given (:meth:`FrameViewer.show_frames`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

__all__ = ["FrameViewer", "ViewerFrame"]


@dataclass(frozen=True, slots=True)
class ViewerFrame:
    """One frame sent: its time in the clip and its ``data:`` URI (decoded when shown)."""

    timestamp: float
    url: str


class FrameViewer(QDialog):
    """A non-modal window showing one frame of a video at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frameViewer")
        self.setModal(False)
        self.name = ""
        self.frames: list[ViewerFrame] = []
        self.index = 0
        self._asked: float | None = None
        self._picture = QImage()

        layout = QVBoxLayout(self)
        self.picture = QLabel(self)
        self.picture.setObjectName("framePicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 180)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout.addWidget(self.picture, 1)

        row = QHBoxLayout()
        self.previous = QToolButton(self)
        self.previous.setText("‹")
        self.previous.clicked.connect(lambda: self.show_index(self.index - 1))
        row.addWidget(self.previous)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("frameSlider")
        self.slider.valueChanged.connect(self._on_slider)
        row.addWidget(self.slider, 1)
        self.next = QToolButton(self)
        self.next.setText("›")
        self.next.clicked.connect(lambda: self.show_index(self.index + 1))
        row.addWidget(self.next)
        layout.addLayout(row)
        self.caption = QLabel(self)
        self.caption.setObjectName("frameCaption")
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        QShortcut(QKeySequence(Qt.Key.Key_Left), self, lambda: self.show_index(self.index - 1))
        QShortcut(QKeySequence(Qt.Key.Key_Right), self, lambda: self.show_index(self.index + 1))
        self.resize(800, 560)
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.previous.setToolTip(translate("FrameViewer", "The frame before (Left)"))
        self.slider.setAccessibleName(translate("FrameViewer", "Frame"))
        self.next.setToolTip(translate("FrameViewer", "The frame after (Right)"))
        if self.frames:
            self._show_caption()
        else:
            self.setWindowTitle(translate("FrameViewer", "Frame"))
        if self._picture.isNull() and self.frames:
            self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_frames(
        self,
        name: str,
        frames: Sequence[ViewerFrame],
        index: int,
        asked_seconds: float | None = None,
    ) -> None:
        """Show frame ``index`` of ``frames`` (the video ``name``); ``asked_seconds``: the time
        the answer named, said beside the frame's own time when they differ."""
        self.name = name
        self.frames = list(frames)
        self._asked = asked_seconds
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(self.frames) - 1, 0))
        self.slider.blockSignals(False)
        self.show_index(index, keep_asked=True)

    def show_index(self, index: int, *, keep_asked: bool = False) -> None:
        if not self.frames:
            return
        from qwenvl_desktop.services.video_intake import frame_picture

        index = max(0, min(index, len(self.frames) - 1))
        if not keep_asked:
            self._asked = None  # stepping away from the frame the answer named
        self.index = index
        frame = self.frames[index]
        self._picture = frame_picture(frame.url, 0)
        self._fit()
        self.slider.blockSignals(True)
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index + 1 < len(self.frames))
        self._show_caption()

    def _show_caption(self) -> None:
        """The caption and the title of the frame shown, in the interface's language."""
        from qwenvl_desktop.core.video.attachment import format_timestamp

        translate = QCoreApplication.translate
        frame = self.frames[self.index]
        text = translate("FrameViewer", "Frame %1 of %2 · %3 s into the clip")
        text = (
            text.replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.frames)))
            .replace("%3", f"{frame.timestamp:.1f}")
        )
        if self._asked is not None:
            asked = translate("FrameViewer", "%1 · the frame sent nearest %2")
            text = asked.replace("%2", format_timestamp(self._asked)).replace("%1", text)
        self.caption.setText(text)
        self.setWindowTitle(f"{self.name} — {format_timestamp(frame.timestamp)}")

    def picture_image(self) -> QImage:
        """The frame shown, as decoded (what was sent)."""
        return self._picture

    def _on_slider(self, value: int) -> None:
        self.show_index(value)

    def _fit(self) -> None:
        if self._picture.isNull():
            self.picture.setText(
                QCoreApplication.translate("FrameViewer", "This frame cannot be shown.")
            )
            return
        ratio = self.devicePixelRatioF()
        target = self.picture.size() * ratio
        pixmap = QPixmap.fromImage(self._picture)
        if pixmap.width() > target.width() or pixmap.height() > target.height():
            pixmap = pixmap.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
