"""Planning: how many frames, at which times, what the fps field says, how large each frame is.

GIVEN a clip's duration and size and a model, WHEN frames are planned at an fps (and maybe a
frame cap), THEN the frames are spread evenly over the whole clip, within the family's limits,
and the fps field is their real rate.
"""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.protocol.catalog import ModelInfo, load_catalog
from qwenvl_desktop.core.video import VideoTooShortError, frame_limits, plan_video
from qwenvl_desktop.core.video.plan import MAX_FRAME_TOKENS, MIN_FRAME_TOKENS, video_tokens


@pytest.mark.parametrize(
    ("model", "most"),
    [
        ("qwen3-vl-plus", 512),
        ("qwen3-vl-flash", 512),
        ("qwen-vl-max", 512),
        ("qwen2.5-vl-72b-instruct", 512),
        ("qvq-max", 80),
        ("qwen2-vl-7b-instruct", 80),
        ("some-gateway-model", 80),
    ],
)
def test_frame_limits_follow_the_family(model: str, most: int) -> None:
    limits = frame_limits(load_catalog().model(model))
    assert (limits.min_frames, limits.max_frames) == (4, most)


def test_two_fps_over_ten_seconds_is_twenty_evenly_spread_frames(qwen3: ModelInfo) -> None:
    plan = plan_video(10.0, 1920, 1080, model=qwen3, fps=2)
    assert plan.frame_count == 20 and plan.fps == 2.0
    assert plan.timestamps[0] == 0.25 and plan.timestamps[-1] == 9.75
    gaps = {round(b - a, 6) for a, b in zip(plan.timestamps, plan.timestamps[1:], strict=False)}
    assert gaps == {0.5}
    assert plan.notes == ()


def test_max_frames_spreads_over_the_whole_clip_and_lowers_the_fps_field(
    qwen3: ModelInfo,
) -> None:
    plan = plan_video(60.0, 640, 360, model=qwen3, fps=2, max_frames=12)
    assert plan.frame_count == 12
    assert plan.fps == 0.2  # 12 frames over 60 s: one every 5 s
    assert plan.timestamps[0] == 2.5 and plan.timestamps[-1] == 57.5
    assert any("sent as 0.2 fps" in note for note in plan.notes)


def test_the_family_limit_caps_a_long_clip(qwen3: ModelInfo, qwen2: ModelInfo) -> None:
    long_clip = plan_video(600.0, 1920, 1080, model=qwen3, fps=1)
    assert long_clip.frame_count == 512 and long_clip.fps == round(512 / 600, 4)
    older = plan_video(600.0, 1920, 1080, model=qwen2, fps=1)
    assert older.frame_count == 80 and older.fps == round(80 / 600, 4)


def test_a_short_clip_still_gets_four_frames(qwen3: ModelInfo) -> None:
    plan = plan_video(1.0, 320, 240, model=qwen3, fps=0.5)
    assert plan.frame_count == 4 and plan.fps == 4.0


def test_no_frame_is_planned_twice_in_a_clip_with_few_frames(qwen3: ModelInfo) -> None:
    plan = plan_video(3.0, 160, 120, model=qwen3, fps=10, frame_count=6)
    assert plan.frame_count == 6 and plan.fps == 2.0


@pytest.mark.parametrize(("duration", "frames"), [(0.2, None), (5.0, 3)])
def test_too_short_for_four_frames(qwen3: ModelInfo, duration: float, frames: int | None) -> None:
    with pytest.raises(VideoTooShortError, match="4"):
        plan_video(duration, 320, 240, model=qwen3, fps=2, frame_count=frames)


@pytest.mark.parametrize("fps", [0.05, 10.5, float("nan")])
def test_fps_outside_the_range_is_refused(qwen3: ModelInfo, fps: float) -> None:
    with pytest.raises(ValueError, match=r"0\.1 to 10"):
        plan_video(10.0, 320, 240, model=qwen3, fps=fps)


def test_frames_get_fewer_pixels_as_there_are_more(qwen3: ModelInfo) -> None:
    few = plan_video(10.0, 1920, 1080, model=qwen3, fps=2)
    many = plan_video(600.0, 1920, 1080, model=qwen3, fps=1)
    assert few.budget.max_tokens == MAX_FRAME_TOKENS
    assert many.budget.max_tokens == MIN_FRAME_TOKENS
    fw, fh = few.frame_size
    mw, mh = many.frame_size
    assert fw * fh > mw * mh
    assert fw % 32 == fh % 32 == mw % 32 == mh % 32 == 0  # Qwen3-VL's grid
    assert many.estimated_tokens == video_tokens(512, mw, mh, 32)
