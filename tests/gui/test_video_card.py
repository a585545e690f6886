"""The video card's states on their own, the frame links' round trip, and how the draft tells a
video source by its name (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.transcript.links import TranscriptLink, frame_href, parse_link
from qwenvl_desktop.gui.video_card import VideoCard, VideoFacts, duration_words
from qwenvl_desktop.services.video_intake import is_video_source, spread_indices

pytestmark = pytest.mark.gui


def frames(count: int) -> list[QImage]:
    images = []
    for index in range(count):
        image = QImage(64, 36, QImage.Format.Format_RGB888)
        image.fill(QColor(index * 20, 90, 160))
        images.append(image)
    return images


def test_the_card_shows_progress_then_frames_then_a_problem(qtbot: QtBot) -> None:
    card = VideoCard("/home/someone/Videos/drive.mp4")
    qtbot.addWidget(card)
    # A dropped path shows its file name, the path in the tooltip.
    assert card.name.text() == "drive.mp4" and card.name.toolTip().endswith("/drive.mp4")
    facts = VideoFacts(duration=600.4, frame_count=512, fps=0.85, tokens=98306)
    card.show_planned(facts)
    card.show_progress(0.25, "128 of 512 frames")
    assert card.extracting and card.progress.value() == 250
    assert card.caption.text() == "10:00 · 512 frames · 0.85 fps\n≈98,306 tokens"
    assert card.filmstrip.placeholder == "Extracting frames…"
    fps_asked: list[float] = []
    card.fpsChosen.connect(fps_asked.append)
    card.show_ready(frames(12), VideoFacts(duration=6, frame_count=12, fps=2, tokens=1322))
    assert not card.extracting and card.fps.isVisibleTo(card)
    assert card.filmstrip.shown_indices() == [0, 3, 6, 8, 11]
    assert fps_asked == []  # showing the fps is not asking for it
    card.fps.setValue(1.0)
    assert fps_asked == [1.0]
    card.show_problem("drive.mp4 has no video in it.")
    assert card.problem_text() == "drive.mp4 has no video in it."
    assert not card.fps.isVisibleTo(card) and not card.extracting


def test_durations_and_frame_links() -> None:
    assert [duration_words(s) for s in (5, 754.4, 3723)] == ["0:05", "12:34", "1:02:03"]
    href = frame_href("abc123", 1, 75.25)
    assert href == "qwenvl:frame/abc123/1/75250"
    assert parse_link(QUrl(href)) == TranscriptLink("frame", "abc123", 1, milliseconds=75250)
    assert parse_link(QUrl("qwenvl:frame/abc123/x/5")) is None


def test_video_sources_are_told_by_their_names() -> None:
    assert is_video_source("/tmp/a/clip.MP4") and is_video_source("file:///tmp/b%20c.webm")
    assert is_video_source("https://example.com/v/clip.mov?sig=1")
    assert not is_video_source("https://example.com/photo.jpg")
    assert not is_video_source("/tmp/spin.gif")  # an animation is told by its content, later
    assert not is_video_source(b"\x00\x00\x00\x18ftypmp42")
    assert spread_indices(3, 5) == [0, 1, 2] and spread_indices(60, 6) == [0, 12, 24, 35, 47, 59]
