"""Extraction: the planned frames of real clips, read back by the number drawn in each.

GIVEN clips encoded at run time (each frame shows its index as a bar code), WHEN a video is
prepared, THEN exactly the frames of the plan are sent, in order, each a JPEG at the frame size,
with progress reported and cancel honoured, and the 10 MB limit kept (and said) when it binds.
"""

from __future__ import annotations

import hashlib
import io
import threading
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.images.data_uri import split_data_uri
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.video import (
    ExtractionCancelled,
    ExtractionProgress,
    VideoTooLargeError,
    prepare_video,
    probe_and_plan,
)
from qwenvl_desktop.core.video.prepare import extract_video
from tests.support.video_clips import (
    expected_frames,
    frame_number_of_uri,
    make_animation,
    make_clip,
)


def numbers(video_frames: object) -> list[int]:
    return [frame_number_of_uri(f.url) for f in video_frames]  # type: ignore[attr-defined]


def test_the_planned_frames_are_sent_in_order(mp4_clip: Path, qwen3: ModelInfo) -> None:
    video = prepare_video(mp4_clip, model=qwen3, fps=2)
    assert video.kind == "file" and video.fps == 2.0 and video.frame_count == 12
    assert numbers(video.frames) == expected_frames(6.0, 12, 10)
    assert [round(t, 2) for t in video.timestamps] == [0.2 + 0.5 * k for k in range(12)]
    assert video.duration == 6.0 and video.original_size == (320, 240) and video.codec == "h264"
    # every frame a JPEG at the one size sent, hashed as stored
    for frame in video.frames:
        image = split_data_uri(frame.url)
        assert image is not None and image.mime == "image/jpeg"
        assert frame.sha256 == hashlib.sha256(image.data).hexdigest()
        with Image.open(io.BytesIO(image.data)) as im:
            assert im.size == video.sent_size
    assert video.upload_bytes == sum(len(f.url) for f in video.frames)
    assert video.estimated_tokens > 0 and video.notes == ()


def test_max_frames_keeps_frames_spread_over_the_whole_clip(
    mp4_clip: Path, qwen3: ModelInfo
) -> None:
    video = prepare_video(mp4_clip, model=qwen3, fps=2, max_frames=4)
    # 1.5 s apart: the keyframes at 2 s and 4 s are within a quarter of that of 2.25 and 3.75
    assert numbers(video.frames) == expected_frames(6.0, 4, 10, gop=20) == [7, 20, 40, 52]
    assert video.timestamps == (0.7, 2.0, 4.0, 5.2)
    assert video.fps == round(4 / 6, 4)
    assert video.to_video_input().to_part()["fps"] == video.fps


@pytest.mark.parametrize(
    ("name", "codec", "fmt"),
    [("clip.mkv", "libx264", None), ("clip.webm", "libvpx-vp9", None), ("clip.avi", "mpeg4", None)],
)
def test_other_containers_and_codecs(
    clip_dir: Path, qwen3: ModelInfo, name: str, codec: str, fmt: str | None
) -> None:
    clip = make_clip(clip_dir / name, seconds=3, fps=10, codec=codec, container_format=fmt)
    video = prepare_video(clip, model=qwen3, fps=2)
    assert numbers(video.frames) == expected_frames(3.0, 6, 10)


def test_a_clip_with_one_keyframe_is_decoded_forward(clip_dir: Path, qwen3: ModelInfo) -> None:
    clip = make_clip(clip_dir / "one-gop.mp4", seconds=4, fps=10, gop=1000)
    video = prepare_video(clip, model=qwen3, fps=1)
    assert numbers(video.frames) == expected_frames(4.0, 4, 10)


@pytest.mark.parametrize("fmt", ["GIF", "PNG", "WEBP"])
def test_an_animated_image_is_a_frame_set(clip_dir: Path, qwen3: ModelInfo, fmt: str) -> None:
    path = make_animation(clip_dir / f"anim.{fmt.lower()}", frames=12, duration_ms=100, fmt=fmt)
    video = prepare_video(path, model=qwen3, fps=5)
    assert video.kind == "animation" and video.duration == pytest.approx(1.2)
    assert numbers(video.frames) == [1, 3, 5, 7, 9, 11] and video.fps == 5.0


def test_progress_is_reported_after_each_frame(mp4_clip: Path, qwen3: ModelInfo) -> None:
    seen: list[ExtractionProgress] = []
    video = prepare_video(mp4_clip, model=qwen3, fps=2, progress=seen.append)
    assert [p.done for p in seen] == list(range(1, 13))
    assert {p.total for p in seen} == {12}
    assert [p.position for p in seen] == list(video.timestamps)


def test_decoding_in_two_parts_sends_the_same_frames(mp4_clip: Path, qwen3: ModelInfo) -> None:
    planned = probe_and_plan(mp4_clip, model=qwen3, fps=2)
    one = extract_video(planned, model=qwen3, workers=1)
    seen: list[ExtractionProgress] = []
    two = extract_video(planned, model=qwen3, workers=2, progress=seen.append)
    assert two.frames == one.frames and two.fps == one.fps and two.sent_size == one.sent_size
    assert sorted(p.done for p in seen) == list(range(1, 13))
    with pytest.raises(ExtractionCancelled):
        extract_video(planned, model=qwen3, workers=2, cancel=lambda: True)


def test_cancel_stops_the_extraction(mp4_clip: Path, qwen3: ModelInfo) -> None:
    cancel = threading.Event()
    seen: list[int] = []

    def progress(p: ExtractionProgress) -> None:
        seen.append(p.done)
        if p.done == 3:
            cancel.set()

    with pytest.raises(ExtractionCancelled):
        prepare_video(mp4_clip, model=qwen3, fps=2, progress=progress, cancel=cancel)
    assert seen == [1, 2, 3]
    with pytest.raises(ExtractionCancelled):
        prepare_video(mp4_clip, model=qwen3, cancel=lambda: True)


def test_frames_are_made_smaller_to_fit_the_limit_and_it_is_said(
    grainy_clip: Path, qwen3: ModelInfo
) -> None:
    planned = probe_and_plan(grainy_clip, model=qwen3, fps=2)
    full = extract_video(planned, model=qwen3)
    limit = full.upload_bytes // 3
    smaller = extract_video(planned, model=qwen3, limit=limit)
    assert smaller.upload_bytes < limit
    # the same frames, only smaller
    assert smaller.frame_count == 8 and numbers(smaller.frames) == numbers(full.frames)
    sw, sh = smaller.sent_size or (0, 0)
    fw, fh = full.sent_size or (0, 0)
    assert sw * sh < fw * fh and sw % 32 == 0 and sh % 32 == 0
    assert any("frames reduced" in note for note in smaller.notes)


def test_frames_are_left_out_when_smaller_frames_are_not_enough(
    grainy_clip: Path, qwen3: ModelInfo
) -> None:
    planned = probe_and_plan(grainy_clip, model=qwen3, fps=2)
    full = extract_video(planned, model=qwen3)
    # room for fewer than 8 of the smallest frames a clip is made of (16 grid cells)
    video = extract_video(planned, model=qwen3, limit=5_000)
    assert video.upload_bytes < 5_000
    step = 8 // video.frame_count
    assert step in (2, 4) and video.fps == 2.0 / step
    assert numbers(video.frames) == numbers(full.frames)[::step]
    assert any("frames left out" in note for note in video.notes)


def test_a_video_that_cannot_fit_at_all_is_refused(mp4_clip: Path, qwen3: ModelInfo) -> None:
    planned = probe_and_plan(mp4_clip, model=qwen3, fps=2)
    with pytest.raises(VideoTooLargeError, match=r"clip\.mp4 cannot be made small enough"):
        extract_video(planned, model=qwen3, limit=2_000)


def test_an_upright_phone_clip_is_turned(clip_dir: Path, qwen3: ModelInfo) -> None:
    # GIVEN a clip stored landscape with a display matrix saying "turn it a quarter"
    clip = make_clip(clip_dir / "phone.mp4", seconds=2, fps=10, rotation=90)
    video = prepare_video(clip, model=qwen3, fps=2)
    # THEN the frames are sent upright: taller than wide
    w, h = video.sent_size or (0, 0)
    assert h > w


def test_a_link_is_passed_through(qwen3: ModelInfo) -> None:
    video = prepare_video("https://example.com/v/clip.mp4", model=qwen3, fps=1.5)
    assert video.kind == "url" and video.frames == ()
    assert video.to_video_input().to_part() == {
        "type": "video_url",
        "video_url": {"url": "https://example.com/v/clip.mp4"},
        "fps": 1.5,
    }


def test_the_frame_nearest_a_time(mp4_clip: Path, qwen3: ModelInfo) -> None:
    video = prepare_video(mp4_clip, model=qwen3, fps=2)
    assert video.index_at(0.0) == 0 and video.index_at(99) == 11
    assert video.index_at(2.6) == 5  # frames at 2.2 and 2.7
    assert video.frame_at(2.6) is video.frames[5]
