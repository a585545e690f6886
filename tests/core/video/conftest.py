"""Clips for the video tests, encoded once per session with PyAV (small: 320×240, a few seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qwenvl_desktop.core.protocol.catalog import ModelInfo, load_catalog
from tests.support.video_clips import make_clip


@pytest.fixture(scope="session")
def clip_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("clips")


@pytest.fixture(scope="session")
def mp4_clip(clip_dir: Path) -> Path:
    """6 s at 10 fps (60 numbered frames), a keyframe every 2 s."""
    return make_clip(clip_dir / "clip.mp4", seconds=6, fps=10, gop=20)


@pytest.fixture(scope="session")
def grainy_clip(clip_dir: Path) -> Path:
    """4 s of 1280×720 with film grain at 10 fps: frames of tens of KB, as a camera's are."""
    return make_clip(
        clip_dir / "grainy.mp4", seconds=4, fps=10, width=1280, height=720, textured=True
    )


@pytest.fixture(scope="session")
def qwen3() -> ModelInfo:
    return load_catalog().model("qwen3-vl-plus")


@pytest.fixture(scope="session")
def qwen2() -> ModelInfo:
    """A model of an older family: at most 80 frames."""
    return load_catalog().model("qvq-max")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.db"
