"""Encoding choice, the data-URI limit (quality before pixels), and work off the event loop."""

from __future__ import annotations

import asyncio
import io
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from qwenvl_desktop.core.images import (
    Attachment,
    estimate_turn_tokens,
    prepare_attachment,
    prepare_attachment_async,
)
from qwenvl_desktop.core.images import budget as limits
from qwenvl_desktop.core.images.encode import (
    JPEG_QUALITIES,
    SSIM_TARGET,
    choose_encoding,
    encode_jpeg,
    encode_png,
    flat_neighbour_share,
    looks_like_photo,
)
from qwenvl_desktop.core.images.quality import ssim
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from tests.core.images.corpus import check_sent, decode_data_uri, photo, screenshot


def test_photo_and_line_art_are_told_apart() -> None:
    assert looks_like_photo(photo((800, 600)))
    assert not looks_like_photo(screenshot((800, 600)))
    assert not looks_like_photo(Image.new("L", (300, 300), 7))
    # A screenshot showing a photo has many colours, but its panels keep neighbours equal.
    window = screenshot((1200, 800))
    window.paste(photo((500, 400)), (600, 200))
    assert flat_neighbour_share(window) > 0.5 > flat_neighbour_share(photo((800, 600)))
    assert not looks_like_photo(window)


def test_text_goes_lossless_the_smaller_of_webp_and_png() -> None:
    flat = screenshot((640, 384))
    chosen = choose_encoding(flat, photo=False)
    assert chosen.lossless and chosen.format in ("WEBP", "PNG")
    assert len(chosen.data) <= len(encode_png(flat).data)
    assert chosen.why.startswith(f"text and hard edges: {chosen.name}, every pixel exact")
    with Image.open(io.BytesIO(chosen.data)) as sent:
        assert sent.convert("RGB").tobytes() == flat.tobytes()
    # Lossless even where JPEG would be smaller: it fits, and every pixel arrives.
    noisy = photo((640, 384))
    assert choose_encoding(noisy, photo=False).lossless


def test_photo_quality_is_measured_not_fixed() -> None:
    # Smooth gradients with mild noise: JPEG reaches the SSIM target below the highest quality.
    smooth = photo((640, 384)).filter(ImageFilter.GaussianBlur(1.2))
    chosen = choose_encoding(smooth, photo=True)
    assert chosen.format == "JPEG" and chosen.quality in JPEG_QUALITIES
    assert chosen.quality < JPEG_QUALITIES[-1]
    assert chosen.ssim is not None and chosen.ssim >= SSIM_TARGET
    assert f"JPEG quality {chosen.quality}, the lowest whose SSIM" in chosen.why
    # Measured on the whole image, not only the sample, the target holds.
    with Image.open(io.BytesIO(chosen.data)) as sent:
        assert ssim(smooth, sent) >= SSIM_TARGET
    # And the next lower quality would not have reached it on the sample's most detailed tiles:
    # the lowest passing quality is the one chosen (fewest bytes for the fidelity asked).
    lower = JPEG_QUALITIES[JPEG_QUALITIES.index(chosen.quality) - 1]
    assert len(encode_jpeg(smooth, lower, photo=True).data) < len(chosen.data)
    # Faint noise (σ = 3 on mid grey) never reaches 0.98 within the qualities used: SSIM weighs
    # errors against the local contrast, which is tiny here. The highest is used, and said.
    noisy = choose_encoding(Image.effect_noise((256, 256), 3).convert("RGB"), photo=True)
    assert noisy.quality == JPEG_QUALITIES[-1]
    assert "the highest used" in noisy.why


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


def _decoded_quality(attachment: Attachment) -> int:
    """The JPEG quality the details name ("photo: JPEG quality 88, …")."""
    why = next(n for n in attachment.notes if n.startswith("photo: JPEG quality "))
    return int(why.split()[3].rstrip(","))


def test_quality_goes_before_pixels(
    corpus: dict[str, Path], qwen3: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = _baseline(corpus["photo.jpg"], qwen3)
    measured = _decoded_quality(full)
    monkeypatch.setattr(limits, "MAX_DATA_URI_BYTES", int(full.upload_bytes * 0.8))
    attachment = prepare_attachment(corpus["photo.jpg"], model=qwen3)
    check_sent(attachment, qwen3)
    assert attachment.sent_size == full.sent_size
    assert attachment.upload_bytes < limits.MAX_DATA_URI_BYTES
    # One step of 10 below the measured quality is enough for 80 % of the bytes.
    assert any(
        n.startswith(f"JPEG quality lowered to {measured - 10}") for n in attachment.notes
    ), attachment.notes


def test_pixels_go_when_the_lowest_quality_is_too_large(
    corpus: dict[str, Path], qwen3: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = _baseline(corpus["photo.jpg"], qwen3)
    monkeypatch.setattr(limits, "MAX_DATA_URI_BYTES", full.upload_bytes // 8)
    attachment = prepare_attachment(corpus["photo.jpg"], model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert attachment.upload_bytes < limits.MAX_DATA_URI_BYTES
    assert full.sent_size is not None
    assert sent.image.width * sent.image.height < full.sent_size[0] * full.sent_size[1]
    assert any(
        n.startswith(f"reduced to {sent.image.width}×{sent.image.height}")
        for n in (attachment.notes)
    )


def test_lossless_too_large_turns_into_a_measured_jpeg(
    qwen3: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A window showing a photo: hard edges (lossless first), but the photo makes lossless large
    # while JPEG stays small.
    window = screenshot((1280, 800))
    window.paste(photo((480, 360)), (600, 200))
    full = prepare_attachment(window, model=qwen3)
    assert full.mime in ("image/png", "image/webp")
    monkeypatch.setattr(limits, "MAX_DATA_URI_BYTES", int(full.upload_bytes * 0.9))
    attachment = prepare_attachment(window, model=qwen3)
    sent = check_sent(attachment, qwen3)
    assert sent.mime == "image/jpeg"
    assert sent.image.size == (1280, 800)
    why = next(n for n in attachment.notes if n.startswith("image: JPEG quality"))
    assert "SSIM" in why and "would exceed the" in why and "data-URI limit" in why


def test_turn_tokens_add_up(corpus: dict[str, Path], qwen3: ModelInfo) -> None:
    attachments = [
        prepare_attachment(corpus[name], model=qwen3) for name in ("photo.jpg", "screenshot.png")
    ]
    attachments.append(prepare_attachment("https://example.com/x.png", model=qwen3))
    # The 1600×1200 photo on the grid (1600×1216), the 1280×800 screenshot, and a link counted
    # at the whole 2,560-token budget.
    assert estimate_turn_tokens(attachments) == (1600 * 1216 // 1024 + 2) + (1000 + 2) + 2562


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
    assert sent.image.size == (1952, 1312)
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
