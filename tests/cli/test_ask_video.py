"""``qwenvl-desktop ask --video`` as scripts use it: real processes against the loopback server.

GIVEN clips made at run time (each frame shows its number), WHEN ``ask`` sends them with images,
THEN the recorded request has the videos and images in command-line order, the frames of the
plan, the fps field of their real spacing, every frame within the budget; bad input exits 2
with one sentence and no traceback.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from qwenvl_desktop.core.images.data_uri import split_data_uri
from tests.support.dashscope_server import LoopbackDashScope
from tests.support.video_clips import (
    expected_frames,
    frame_number_of_uri,
    make_animation,
    make_audio_only,
    make_clip,
    make_undecodable,
)

from .test_ask import run_cli


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clip(tmp_path_factory.mktemp("video") / "ball.mp4", seconds=6, fps=10, gop=20)


def ask(server: LoopbackDashScope, *extra: str, key: str) -> tuple[int, str, list[dict[str, Any]]]:
    result = run_cli("ask", "--base-url", server.base_url("seed"), *extra, "What happens?", key=key)
    parts = []
    if server.chat_requests():
        parts = server.chat_requests()[-1].body["messages"][-1]["content"]
    return result.returncode, result.stderr, parts


def test_videos_and_images_keep_command_line_order(
    threaded_server: LoopbackDashScope, test_key: str, clip: Path, tmp_path: Path
) -> None:
    png = tmp_path / "still.png"
    Image.new("RGB", (64, 48), "green").save(png)
    status, stderr, parts = ask(
        threaded_server,
        "--fps", "1", "--video", str(clip), "--image", str(png),
        "--video", "https://example.com/talk.mp4",
        key=test_key,
    )  # fmt: skip
    assert status == 0, stderr
    assert [p["type"] for p in parts] == ["text", "video", "image_url", "video_url"]
    video = parts[1]
    assert video["fps"] == 1.0
    assert [frame_number_of_uri(u) for u in video["video"]] == expected_frames(6.0, 6, 10)
    assert parts[3] == {
        "type": "video_url",
        "video_url": {"url": "https://example.com/talk.mp4"},
        "fps": 1.0,
    }
    # every frame a JPEG on the model's 32 px grid, one size for the clip, within 10 MB
    sizes = set()
    for uri in video["video"]:
        image = split_data_uri(uri)
        assert image is not None and image.mime == "image/jpeg"
        with Image.open(io.BytesIO(image.data)) as im:
            sizes.add(im.size)
    ((w, h),) = sizes
    assert w % 32 == h % 32 == 0 and sum(len(u) for u in video["video"]) < 10 * 2**20


def test_fps_and_max_frames_after_a_video_are_its_own(
    threaded_server: LoopbackDashScope, test_key: str, clip: Path
) -> None:
    # GIVEN --fps before every --video (the default) and --fps/--max-frames after one (its own)
    status, stderr, parts = ask(
        threaded_server,
        "--fps", "1",
        "--video", str(clip),
        "--video", str(clip), "--fps", "3",
        "--video", str(clip), "--max-frames", "4",
        "--video", "https://example.com/talk.mp4", "--fps", "0.5",
        key=test_key,
    )  # fmt: skip
    assert status == 0, stderr
    first, second, third, link = parts[1:]
    # THEN the first takes the default, the second its 3 fps, the third 1 fps within 4 frames
    assert first["fps"] == 1.0
    assert [frame_number_of_uri(u) for u in first["video"]] == expected_frames(6.0, 6, 10)
    assert second["fps"] == 3.0
    assert [frame_number_of_uri(u) for u in second["video"]] == expected_frames(6.0, 18, 10)
    assert third["fps"] == round(4 / 6, 4)
    assert [frame_number_of_uri(u) for u in third["video"]] == expected_frames(6.0, 4, 10, gop=20)
    assert link["type"] == "video_url" and link["fps"] == 0.5
    # AND only the third's frames were spread (said before sending)
    assert stderr.count("spread over the whole clip") == 1


def test_fps_after_a_video_leaves_the_videos_before_it_alone(
    threaded_server: LoopbackDashScope, test_key: str, clip: Path
) -> None:
    status, stderr, parts = ask(
        threaded_server, "--video", str(clip), "--video", str(clip), "--fps", "1", key=test_key
    )
    assert status == 0, stderr
    assert [p["fps"] for p in parts[1:]] == [2.0, 1.0]
    assert [len(p["video"]) for p in parts[1:]] == [12, 6]


def test_help_says_which_video_an_fps_is_for() -> None:
    result = run_cli("ask", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "After a --video it is that video's alone; before every --video, each video's" in text


def test_max_frames_spreads_and_lowers_the_fps_field(
    threaded_server: LoopbackDashScope, test_key: str, clip: Path
) -> None:
    status, stderr, parts = ask(
        threaded_server, "--video", str(clip), "--max-frames", "4", "--json", key=test_key
    )
    assert status == 0, stderr
    video = parts[1]
    assert [frame_number_of_uri(u) for u in video["video"]] == expected_frames(6.0, 4, 10, gop=20)
    assert video["fps"] == round(4 / 6, 4)
    assert "4 frames spread over the whole clip instead of 12" in stderr  # said before sending


def test_json_reports_the_video_tokens(
    threaded_server: LoopbackDashScope, test_key: str, clip: Path
) -> None:
    result = run_cli(
        "ask", "--base-url", threaded_server.base_url("seed"), "--json",
        "--video", str(clip), "Describe", key=test_key,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["video_tokens_estimate"] > 0 and out["image_tokens_estimate"] == 0


def test_an_animated_gif_is_a_frame_set(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    gif = make_animation(tmp_path / "wave.gif", frames=12, duration_ms=100)
    status, stderr, parts = ask(threaded_server, "--video", str(gif), "--fps", "5", key=test_key)
    assert status == 0, stderr
    assert parts[1]["type"] == "video" and parts[1]["fps"] == 5.0
    assert [frame_number_of_uri(u) for u in parts[1]["video"]] == [1, 3, 5, 7, 9, 11]


def _bad_inputs(tmp: Path, clip: Path) -> dict[str, tuple[Path, str]]:
    text = tmp / "notes.txt"
    text.write_text("not a video\n" * 20)
    cut = tmp / "cut.mp4"
    cut.write_bytes(clip.read_bytes()[: clip.stat().st_size // 2])
    return {
        "not a video": (text, "is not a video"),
        "damaged": (cut, "damaged or incomplete"),
        "no video stream": (make_audio_only(tmp / "sound.wav"), "no video in it"),
        "too short": (make_clip(tmp / "blip.mp4", seconds=0.2), "at least 4"),
        "unsupported codec": (make_undecodable(tmp / "exotic.mkv"), "this app cannot decode"),
        "unsupported codec in mp4": (make_undecodable(tmp / "evc.mp4"), "this app cannot decode"),
        "missing": (tmp / "gone.mp4", "no such file"),
    }


def test_bad_videos_exit_2_with_one_sentence(tmp_path: Path, clip: Path, test_key: str) -> None:
    for case, (path, words) in _bad_inputs(tmp_path, clip).items():
        # an unreachable endpoint: the video is refused before anything is sent
        result = run_cli(
            "ask", "--base-url", "http://127.0.0.1:9/v1", "--video", str(path), "hi",
            key=test_key, timeout=60,
        )  # fmt: skip
        assert result.returncode == 2, (case, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0] and path.name in lines[0], (case, lines)
        assert lines[0].startswith("qwenvl-desktop: video: ") and "Traceback" not in result.stderr
        # the sentence alone: not FFmpeg's own words ("[Errno 1094995529] Invalid data…")
        assert "Errno" not in lines[0] and "message=" not in lines[0], (case, lines)


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [("--fps", "20", "outside 0.1 to 10"), ("--max-frames", "2", "below 4")],
)
def test_bad_options_exit_2(clip: Path, option: str, value: str, words: str) -> None:
    result = run_cli("ask", "--video", str(clip), option, value, "hi")
    assert result.returncode == 2 and words in result.stderr


def test_a_model_without_video_is_refused(clip: Path, test_key: str) -> None:
    result = run_cli(
        "ask", "--base-url", "http://127.0.0.1:9/v1", "--model", "qwen-vl-ocr",
        "--video", str(clip), "hi", key=test_key,
    )  # fmt: skip
    assert result.returncode == 2 and "does not take video" in result.stderr
