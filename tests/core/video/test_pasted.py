"""An animation that arrives as bytes (a browser's drag, pasted image data) is a frame set too.

GIVEN an animated GIF, APNG or WebP as encoded bytes (no file), WHEN prepared as a video, THEN it
is kept once in the cache folder (named by its content) and extracted like the same file: the
same frames, the given label, and a still image or nothing at all refused with a sentence.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.video import NotAVideoError, VideoTooShortError, prepare_video
from qwenvl_desktop.core.video.pasted import (
    KEEP_SECONDS,
    animation_suffix,
    may_be_animation,
    pasted_folder,
    store_pasted_animation,
)
from tests.support.video_clips import frame_number_of_uri, make_animation, make_animation_bytes


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.mark.parametrize(("fmt", "suffix"), [("GIF", ".gif"), ("PNG", ".png"), ("WEBP", ".webp")])
def test_animation_bytes_are_the_frames_of_the_same_file(
    tmp_path: Path, cache_home: Path, qwen3: ModelInfo, fmt: str, suffix: str
) -> None:
    data = make_animation_bytes(frames=12, duration_ms=100, fmt=fmt)
    from_bytes = prepare_video(data, model=qwen3, fps=5, label="spin" + suffix)
    from_file = prepare_video(
        make_animation(tmp_path / f"spin{suffix}", frames=12, duration_ms=100, fmt=fmt),
        model=qwen3,
        fps=5,
    )
    assert from_bytes.kind == "animation" and from_bytes.source == "spin" + suffix
    numbers = [frame_number_of_uri(f.url) for f in from_bytes.frames]
    assert numbers == [frame_number_of_uri(f.url) for f in from_file.frames]
    assert numbers == [1, 3, 5, 7, 9, 11] and from_bytes.fps == 5.0
    # kept in the cache folder, named by content, with the ending its signature names
    (kept,) = pasted_folder().iterdir()
    assert kept.parent.is_relative_to(cache_home) and kept.suffix == suffix
    assert kept.read_bytes() == data


def test_the_same_bytes_twice_are_one_file_and_old_ones_go() -> None:
    data = make_animation_bytes(frames=6)
    first = store_pasted_animation(data)
    assert store_pasted_animation(data) == first
    # An animation older than the keeping time goes when another is kept; a recent one stays.
    stale = pasted_folder() / "0123.gif"
    stale.write_bytes(b"GIF89a old")
    long_ago = time.time() - KEEP_SECONDS - 60
    os.utime(stale, (long_ago, long_ago))
    other = store_pasted_animation(make_animation_bytes(frames=7))
    assert sorted(p.name for p in pasted_folder().iterdir()) == sorted([first.name, other.name])


def test_a_pasted_still_image_or_nothing_is_refused_with_a_sentence(qwen3: ModelInfo) -> None:
    still = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(still, "PNG")
    with pytest.raises(NotAVideoError, match="pasted image is a still image"):
        prepare_video(still.getvalue(), model=qwen3, label="pasted image")
    with pytest.raises(NotAVideoError, match="The pasted animation is empty"):
        prepare_video(b"", model=qwen3)
    with pytest.raises(VideoTooShortError, match="pasted animation has only 3 frames"):
        prepare_video(make_animation_bytes(frames=3), model=qwen3)


def test_the_header_tells_a_still_image_without_opening_it() -> None:
    for fmt in ("GIF", "PNG", "WEBP"):
        assert may_be_animation(make_animation_bytes(frames=4, fmt=fmt)), fmt
    for fmt in ("PNG", "WEBP", "JPEG"):
        still = io.BytesIO()
        Image.new("RGB", (40, 30), "red").save(still, fmt)
        assert not may_be_animation(still.getvalue()), fmt
    # A GIF's frames are only known by reading it: every GIF may be one.
    one = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(one, "GIF")
    assert may_be_animation(one.getvalue())
    assert not may_be_animation(b"") and not may_be_animation(b"RIFF\x00\x00\x00\x00WEBPVP8 ")


def test_signatures_name_the_ending() -> None:
    assert animation_suffix(b"GIF87a...") == ".gif"
    assert animation_suffix(b"\x89PNG\r\n\x1a\n....") == ".png"
    assert animation_suffix(b"RIFF\x00\x00\x00\x00WEBPVP8X") == ".webp"
    assert animation_suffix(b"\x00\x00\x00\x18ftypmp42") == ".bin"
