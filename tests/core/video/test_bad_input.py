"""Unusable video input: one sentence naming the file, the right error, never a traceback or hang.

GIVEN files that are not videos, damaged copies of a real clip (cut short, container garbled,
codec unknown), audio only, too short, or not files at all, WHEN prepared, THEN a VideoError
subclass says why in one sentence naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.video import (
    CorruptVideoError,
    NotAVideoError,
    NoVideoStreamError,
    ProbeTimeoutError,
    UnsupportedCodecError,
    VideoError,
    VideoNotFoundError,
    VideoTooShortError,
    VideoUnreadableError,
    prepare_video,
    probe_video,
)
from tests.support.video_clips import (
    make_animation,
    make_audio_only,
    make_clip,
    make_undecodable,
)


def truncated(clip: Path, out: Path) -> Path:
    data = clip.read_bytes()
    out.write_bytes(data[: len(data) // 2])  # the index (moov) is at the end: gone
    return out


def garbled_index(clip: Path, out: Path) -> Path:
    data = clip.read_bytes()
    at = data.find(b"moov")
    out.write_bytes(data[: at + 8] + b"\xff" * 200 + data[at + 208 :])
    return out


Maker = Callable[[Path, Path], Path]
CASES: list[tuple[str, Maker, type[VideoError], str]] = [
    ("notes.txt", lambda c, p: _write(p, b"hello\n" * 50), NotAVideoError, "is not a video"),
    ("notes.mp4", lambda c, p: _write(p, b"hello\n" * 50), NotAVideoError, "is not a video"),
    ("doc.pdf", lambda c, p: _write(p, b"%PDF-1.4\n" + b"x" * 500), NotAVideoError, "not a video"),
    ("empty.mp4", lambda c, p: _write(p, b""), NotAVideoError, "is empty"),
    ("cut.mp4", lambda c, p: truncated(c, p), CorruptVideoError, "damaged or incomplete"),
    ("garbled.mp4", lambda c, p: garbled_index(c, p), CorruptVideoError, "is damaged"),
    ("codec.mkv", lambda c, p: make_undecodable(p), UnsupportedCodecError, "cannot decode"),
    ("evc.mp4", lambda c, p: make_undecodable(p), UnsupportedCodecError, "cannot decode"),
    ("sound.wav", lambda c, p: make_audio_only(p), NoVideoStreamError, "no video in it"),
    ("blip.mp4", lambda c, p: make_clip(p, seconds=0.2), VideoTooShortError, "at least 4"),
    ("still.png", lambda c, p: _save_png(p), NotAVideoError, "still image"),
    ("two.gif", lambda c, p: make_animation(p, frames=2), VideoTooShortError, "at least 4"),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _save_png(path: Path) -> Path:
    Image.new("RGB", (40, 30), "red").save(path)
    return path


@pytest.mark.parametrize(("name", "make", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_bad_file_gets_its_sentence(
    tmp_path: Path,
    mp4_clip: Path,
    qwen3: ModelInfo,
    name: str,
    make: Maker,
    error: type[VideoError],
    words: str,
) -> None:
    path = make(mp4_clip, tmp_path / name)
    with pytest.raises(error) as caught:
        prepare_video(path, model=qwen3)
    sentence = str(caught.value)
    assert words in sentence and name in sentence
    assert "\n" not in sentence and "Traceback" not in sentence
    assert caught.value.kind == "video" and caught.value.source is not None


def test_a_clip_cut_after_its_index_sends_what_is_there(tmp_path: Path, qwen3: ModelInfo) -> None:
    # GIVEN a Matroska clip (index first) cut at 60 %
    clip = make_clip(tmp_path / "whole.mkv", seconds=4)
    data = clip.read_bytes()
    cut = tmp_path / "cut.mkv"
    cut.write_bytes(data[: len(data) * 6 // 10])
    # WHEN prepared THEN the frames before the cut go, and it is said
    video = prepare_video(cut, model=qwen3, fps=2)
    assert 4 <= video.frame_count < 8
    assert any("the clip ends at" in note for note in video.notes)


def test_sources_that_are_not_files(tmp_path: Path, qwen3: ModelInfo) -> None:
    with pytest.raises(VideoNotFoundError, match="no such file"):
        prepare_video(tmp_path / "missing.mp4", model=qwen3)
    with pytest.raises(VideoUnreadableError, match="is a folder"):
        prepare_video(tmp_path, model=qwen3)
    fifo = tmp_path / "pipe.mp4"
    os.mkfifo(fifo)
    with pytest.raises(VideoUnreadableError, match="not a regular file"):
        prepare_video(fifo, model=qwen3)  # and does not block on the pipe
    with pytest.raises(VideoUnreadableError, match="ftp://"):
        prepare_video("ftp://example.com/clip.mp4", model=qwen3)


def test_a_file_named_like_an_ffmpeg_protocol_is_read_as_a_file(
    tmp_path: Path, mp4_clip: Path, qwen3: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FFmpeg would read "concat:a|b" as a protocol; the file object keeps it a file name.
    monkeypatch.chdir(tmp_path)
    odd = tmp_path / "concat:x.mp4"
    odd.write_bytes(mp4_clip.read_bytes())
    assert probe_video("concat:x.mp4").duration == 6.0


def test_probing_gives_up_after_its_time_limit(mp4_clip: Path) -> None:
    # A limit already over: the first read ends the file, and the reason is the time
    with pytest.raises(ProbeTimeoutError, match="took over"):
        probe_video(mp4_clip, timeout=0)
