"""Fidelity of what is sent: generated text screenshots through the image pipeline.

Run: ``.venv-test/bin/python bench/bench_fidelity.py``

Each input is drawn at run time on a 2560×1440 screen (text at 9–14 px in several fonts, a
window with widgets, a table, code, a window showing a photo) plus two camera-like photos (the
test corpus's noise over gradients, and the same blurred as a lens would), and
prepared for qwen3-vl-plus at Auto detail. The pixels the pipeline resized to the model's size
(before encoding) are the reference; three encodings of those same pixels are compared against it:

- ours: what :func:`prepare_attachment_with_pixels` sends (lossless WebP or PNG for text and hard
  edges, JPEG at a measured quality for photos);
- JPEG q90: the previous rule for reduced graphics (4:4:4 chroma, as the pipeline encoded them);
- PNG: lossless, Pillow's compression level 6.

Per variant: PSNR over RGB (dB; ``inf`` when identical), SSIM on luma (11×11 Gaussian window,
σ 1.5 — ``core.images.quality.ssim``, Pillow only: numpy is not a dependency), and upload bytes
(the data URI). Human-readable lines first; the last line is one JSON object with every figure.
"""

from __future__ import annotations

import io
import json
import math
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont  # noqa: E402

from qwenvl_desktop.core.images import prepare_attachment_with_pixels  # noqa: E402
from qwenvl_desktop.core.images.data_uri import data_uri_length  # noqa: E402
from qwenvl_desktop.core.images.quality import ssim  # noqa: E402
from qwenvl_desktop.core.protocol.catalog import load_catalog  # noqa: E402
from tests.core.images.corpus import photo, screenshot  # noqa: E402

MODEL = "qwen3-vl-plus"
SCREEN = (2560, 1440)
FONTS = ("DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf", "DejaVuSansCondensed.ttf")
WORDS = tuple(
    [
        "the",
        "quick",
        "brown",
        "fox",
        "jumps",
        "over",
        "lazy",
        "dog",
        "invoice",
        "total",
        "amount",
        "due",
        "2026-12-01",
        "error",
        "warning",
        "configuration",
        "network",
        "latency",
        "0.0375",
        "ms",
        "Ünïcödé",
        "qwen",
        "vision",
        "model",
        "tokens",
    ]
)

FontType = ImageFont.FreeTypeFont | ImageFont.ImageFont


def font(name: str, size: int) -> FontType:
    """A TrueType font by file name, else Pillow's bundled one at that size."""
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size)


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


# -- the inputs ------------------------------------------------------------------------------------


def small_text() -> Image.Image:
    """Paragraphs at 9, 10, 11, 12, 13 and 14 px in four fonts, dark on light and light on dark."""
    im = Image.new("RGB", SCREEN, (255, 255, 255))
    draw = ImageDraw.Draw(im)
    rng = random.Random(1)
    column_width = SCREEN[0] // len(FONTS)
    for column, name in enumerate(FONTS):
        y = 10
        for size in range(9, 15):
            face = font(name, size)
            dark = size % 2 == 0
            if dark:
                draw.rectangle(
                    (column * column_width, y, (column + 1) * column_width - 8, y + 8 * (size + 4)),
                    fill=(30, 32, 38),
                )
            for _ in range(8):
                draw.text(
                    (column * column_width + 8, y),
                    sentence(rng, 9),
                    font=face,
                    fill=(230, 230, 230) if dark else (20, 20, 20),
                )
                y += size + 4
            y += 12
        while y < SCREEN[1] - 20:
            draw.text(
                (column * column_width + 8, y),
                sentence(rng, 9),
                font=font(name, 11),
                fill=(60, 60, 60),
            )
            y += 15
    return im


def user_interface() -> Image.Image:
    """A window: the test corpus's panels and text, plus inputs, tabs and a coloured toolbar."""
    im = screenshot(SCREEN)
    draw = ImageDraw.Draw(im)
    face = font("DejaVuSans.ttf", 12)
    for i in range(8):
        x = 560 + i * 150
        draw.rectangle(
            (x, 40, x + 140, 70),
            fill=(255, 255, 255) if i else (30, 110, 230),
            outline=(190, 190, 200),
        )
        draw.text(
            (x + 10, 48),
            f"Tab {i + 1}: settings",
            font=face,
            fill=(255, 255, 255) if not i else (30, 30, 30),
        )
    for row in range(14):
        y = 120 + row * 44
        draw.text((1800, y + 6), f"Field {row + 1}", font=face, fill=(70, 70, 80))
        draw.rounded_rectangle(
            (1900, y, 2480, y + 30), 4, fill=(255, 255, 255), outline=(170, 170, 180)
        )
        draw.text((1910, y + 8), sentence(random.Random(row), 5), font=face, fill=(20, 20, 20))
    return im


def table() -> Image.Image:
    """A spreadsheet: grid lines, right-aligned figures at 11 px, a header row."""
    im = Image.new("RGB", SCREEN, (255, 255, 255))
    draw = ImageDraw.Draw(im)
    face, bold = font("DejaVuSans.ttf", 11), font("DejaVuSans-Bold.ttf", 11)
    rng = random.Random(3)
    columns, cell_w, cell_h = 16, 158, 22
    draw.rectangle((0, 0, SCREEN[0], cell_h), fill=(232, 236, 244))
    for c in range(columns):
        draw.text((c * cell_w + 6, 5), f"Quarter {c + 1}", font=bold, fill=(20, 20, 20))
    for r in range(1, SCREEN[1] // cell_h):
        if r % 2 == 0:
            draw.rectangle((0, r * cell_h, SCREEN[0], (r + 1) * cell_h), fill=(247, 248, 250))
        for c in range(columns):
            value = f"{rng.uniform(-99999, 99999):,.2f}"
            width = draw.textlength(value, font=face)
            draw.text(
                (c * cell_w + cell_w - 6 - width, r * cell_h + 5),
                value,
                font=face,
                fill=(200, 30, 30) if value.startswith("-") else (20, 20, 20),
            )
    for c in range(columns + 1):
        draw.line((c * cell_w, 0, c * cell_w, SCREEN[1]), fill=(200, 204, 212))
    for r in range(SCREEN[1] // cell_h + 1):
        draw.line((0, r * cell_h, SCREEN[0], r * cell_h), fill=(200, 204, 212))
    return im


def code() -> Image.Image:
    """An editor: 12 px monospace with syntax colours on a dark background, line numbers."""
    im = Image.new("RGB", SCREEN, (30, 31, 36))
    draw = ImageDraw.Draw(im)
    face = font("DejaVuSansMono.ttf", 12)
    colours = [(198, 120, 221), (97, 175, 239), (152, 195, 121), (229, 192, 123), (171, 178, 191)]
    rng = random.Random(4)
    for line in range(SCREEN[1] // 16):
        y = 4 + line * 16
        draw.text((8, y), f"{line + 1:4d}", font=face, fill=(90, 94, 104))
        x = 70 + 28 * rng.randint(0, 4)
        for _ in range(rng.randint(2, 9)):
            token = rng.choice(
                [
                    "def",
                    "return",
                    "self",
                    "await",
                    "prepare_attachment(",
                    "x[i]",
                    "0x1F",
                    '"text"',
                    "# why",
                    "->",
                    "None:",
                ]
            )
            draw.text((x, y), token, font=face, fill=rng.choice(colours))
            x += int(draw.textlength(token + " ", font=face))
    return im


def window_with_photo() -> Image.Image:
    im = user_interface()
    im.paste(photo((960, 640), seed=5), (560, 300))
    return im


INPUTS: dict[str, Callable[[], Image.Image]] = {
    "text_9_14px": small_text,
    "ui": user_interface,
    "table": table,
    "code": code,
    "ui_with_photo": window_with_photo,
    "photo_noisy": lambda: photo((4000, 3000), seed=6),
    "photo_smooth": lambda: photo((4000, 3000), seed=7).filter(ImageFilter.GaussianBlur(2.5)),
}


# -- measuring -------------------------------------------------------------------------------------


def psnr(reference: Image.Image, test: Image.Image) -> float:
    diff = ImageChops.difference(reference.convert("RGB"), test.convert("RGB"))
    counts = diff.histogram()
    squares = sum(count * (value % 256) ** 2 for value, count in enumerate(counts))
    mse = squares / (reference.width * reference.height * 3)
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def decoded(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        return im.copy()


def variant(reference: Image.Image, data: bytes, mime: str) -> dict[str, Any]:
    sent = decoded(data)
    db = psnr(reference, sent)
    return {
        # null: identical (infinite PSNR), which strict JSON cannot write
        "psnr_db": None if math.isinf(db) else round(db, 2),
        "ssim": round(ssim(reference, sent), 4),
        "upload_bytes": data_uri_length(len(data), mime),
    }


def measure(name: str, make: Callable[[], Image.Image]) -> dict[str, Any]:
    original = make()
    model = load_catalog().model(MODEL)
    buffer = io.BytesIO()
    original.save(buffer, "PNG")
    start = time.perf_counter()
    prepared = prepare_attachment_with_pixels(buffer.getvalue(), model=model, label=name)
    elapsed = time.perf_counter() - start
    attachment, reference = prepared.attachment, prepared.pixels
    assert reference is not None and attachment.sent_size is not None
    reference = reference.convert("RGB")
    ours_bytes = _payload(attachment.url)
    jpeg, png = io.BytesIO(), io.BytesIO()
    reference.save(jpeg, "JPEG", quality=90, subsampling=0, optimize=True)
    reference.save(png, "PNG", compress_level=6)
    encoding = next(
        n
        for n in attachment.notes
        if n.startswith(("text and hard", "photo:", "image:", "the original"))
    )
    return {
        "original_size": list(original.size),
        "sent_size": list(attachment.sent_size),
        "tokens": attachment.estimated_tokens,
        "ours_format": attachment.mime,
        "ours_why": encoding,
        "prepare_ms": round(elapsed * 1000, 1),
        "ours": variant(reference, ours_bytes, str(attachment.mime)),
        "jpeg_q90": variant(reference, jpeg.getvalue(), "image/jpeg"),
        "png": variant(reference, png.getvalue(), "image/png"),
    }


def _payload(url: str) -> bytes:
    import base64

    return base64.b64decode(url.partition(",")[2])


def _cell(v: dict[str, Any]) -> str:
    db = "∞" if v["psnr_db"] is None else f"{v['psnr_db']:.1f}"
    return f"{db:>5} dB {v['ssim']:.4f} {v['upload_bytes'] / 1024:7,.0f} KiB"


def main() -> None:
    results: dict[str, Any] = {"model": MODEL, "detail": "standard", "screen": list(SCREEN)}
    print(f"{'input':<14} {'sent':>10} {'ours':<34} {'JPEG q90 (4:4:4)':<28} {'PNG':<28}")
    for name, make in INPUTS.items():
        r = measure(name, make)
        results[name] = r
        sent = f"{r['sent_size'][0]}×{r['sent_size'][1]}"
        fmt = r["ours_format"].removeprefix("image/")
        cells = "  ".join(_cell(r[v]) for v in ("ours", "jpeg_q90", "png"))
        print(f"{name:<14} {sent:>10} {fmt:>4} {cells}")
        print(f"{'':<14} ↳ {r['ours_why']} ({r['prepare_ms']:.0f} ms)")
    print(json.dumps(results, separators=(",", ":")))


if __name__ == "__main__":
    main()
