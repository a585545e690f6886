"""Encoding choice, the data-URI limit (quality before pixels), and work off the event loop."""

from __future__ import annotations

import asyncio
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.images import (
    Attachment,
    estimate_turn_tokens,
    prepare_attachment,
    prepare_attachment_async,
)
from qwenvl_desktop.core.images import budget as limits
from qwenvl_desktop.core.images.encode import choose_encoding, encode_png, looks_like_photo
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from tests.core.images.corpus import check_sent, decode_data_uri, photo, screenshot


def test_photo_and_line_art_are_told_apart() -> None:
    assert looks_like_photo(photo((800, 600)))
    assert not looks_like_photo(screenshot((800, 600)))
    assert not looks_like_photo(Image.new("L", (300, 300), 7))


def test_lossless_wins_when_not_larger() -> None:
    flat = screenshot((640, 384))
    assert choose_encoding(flat, photo=False).format == "PNG"
    noisy = photo((640, 384))
    chosen = choose_encoding(noisy, photo=True)
    assert (chosen.format, chosen.quality) == ("JPEG", 85)
    # Even when asked to compare, noise is smaller as JPEG.
    assert choose_encoding(noisy, photo=False).format == "JPEG"
    assert len(encode_png(noisy).data) > len(chosen.data)


def test_real_limit_lowers_quality_and_keeps_pixels(qwen3: ModelInfo) -> None:
    # 4096×4096 is exactly the high-detail budget; as noise its JPEG at quality 85 is ≈ 15 MiB.
    size = (4096, 4096)
    noise = Image.frombytes("RGB", size, random.Random(7).randbytes(size[0] * size[1] * 3))
    attachment = prepare_attachment(noise, model=qwen3, detail="high")
    sent = check_sent(attachment, qwen3, "high")
    assert sent.image.size == size
    assert attachment.upload_bytes < 10_485_760
    lowered = [n for n in attachment.notes if n.startswith("JPEG quality lowered to")]
    assert lowered and lowered[0].endswith("to stay under the 10 MiB data-URI limit")
    assert int(lowered[0].split()[4]) < 85


def _baseline(path: Path, model: ModelInfo) -> Attachment:
    return prepare_attachment(path, model=model)


def test_quality_goes_before_pixels(
    corpus: dict[str, Path], qwen3: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = _baseline(corpus["photo.jpg"], qwen3)
    monkeypatch.setattr(limits, "MAX_DATA_URI_BYTES", int(full.upload_bytes * 0.8))
    attachment = prepare_attachment(corpus["photo.jpg"], model=qwen3)
    check_sent(attachment, qwen3)
    assert attachment.sent_size == full.sent_size
    assert attachment.upload_bytes < limits.MAX_DATA_URI_BYTES
    assert any(n.startswith("JPEG quality lowered to 75") for n in attachment.notes), (
        attachment.notes
    )


def test_pixels_go_when_the_lowest_quality_is_too_large(
    corpus: dict[str, Path], qwen3: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = _baseline(corpus["photo.jpg"], qwen3)
    monkeypatch.setattr(limits, "MAX_DATA_URI_BYTES", full.upload_bytes // 8)
    attachment = prepare_attachment(corpus["photo.jpg"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert attachment.upload_bytes < limits.MAX_DATA_URI_BYTES
    assert sent.image.width * sent.image.height < 1312 * 960
    assert any(
        n.startswith(f"reduced to {sent.image.width}×{sent.image.height}")
        for n in (attachment.notes)
    )


def test_png_too_large_turns_into_jpeg(
    corpus: dict[str, Path], qwen3: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = _baseline(corpus["screenshot.png"], qwen3)
    assert full.mime == "image/png"
    monkeypatch.setattr(limits, "MAX_DATA_URI_BYTES", int(full.upload_bytes * 0.9))
    attachment = prepare_attachment(corpus["screenshot.png"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.mime == "image/jpeg"
    assert sent.image.size == (1280, 800)
    assert any("lossless PNG would exceed" in n for n in attachment.notes)


def test_turn_tokens_add_up(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    attachments = [
        prepare_attachment(corpus[name], model=qwen3) for name in ("photo.jpg", "screenshot.png")
    ]
    attachments.append(prepare_attachment("https://example.com/x.png", model=qwen3))
    assert estimate_turn_tokens(attachments) == (1312 * 960 // 1024 + 2) + (1000 + 2) + 1282


def test_24_megapixel_photo_does_not_block_the_loop(tmp_path: Path, qwen3: ModelInfo) -> None:
    path = tmp_path / "camera.jpg"
    photo((6000, 4000)).save(path, quality=90)
    workers: set[str] = set()

    def initializer() -> None:
        workers.add(threading.current_thread().name)

    async def watch() -> tuple[Attachment, float, int]:
        with ThreadPoolExecutor(1, "image-prep", initializer=initializer) as pool:
            task = asyncio.create_task(prepare_attachment_async(path, model=qwen3, executor=pool))
            ticks, longest, last = 0, 0.0, time.perf_counter()
            while not task.done():
                await asyncio.sleep(0.002)
                now = time.perf_counter()
                longest, last, ticks = max(longest, now - last), now, ticks + 1
            return task.result(), longest, ticks

    attachment, longest_gap, ticks = asyncio.run(watch())
    assert workers == {"image-prep_0"}
    sent = check_sent(attachment, qwen3)
    assert sent.image.size == (1376, 928)
    assert sent.mime == "image/jpeg"
    # The loop kept turning while the photo was prepared: never stalled for a frame's worth.
    assert ticks >= 10
    assert longest_gap < 0.1, longest_gap


def test_results_do_not_depend_on_concurrency(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    names = ["photo.jpg", "screenshot.png", "cmyk.jpg", "gray16.png", "exif_rotated.jpg"]
    alone = [prepare_attachment(corpus[n], model=qwen3).url for n in names]

    async def together() -> list[Attachment]:
        return await asyncio.gather(
            *(prepare_attachment_async(corpus[n], model=qwen3) for n in names)
        )

    assert [a.url for a in asyncio.run(together())] == alone
    assert decode_data_uri(alone[0]).mime == "image/jpeg"
