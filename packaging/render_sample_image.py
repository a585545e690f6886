#!/usr/bin/env python3
"""Render the sample picture the welcome offers to try (``resources/sample-cafe-table.png``).

A café table seen from above: a receipt with a few lines and a total, a cup of coffee on its
saucer, a croissant and a sticky note. Something to describe and some text to read, so the first
question shows both what the models see and what they read. Drawn with Pillow and its built-in
font only, so it renders the same on any machine; the output is committed and carried in the
wheel with the rest of ``resources/``. Run after editing, and keep it under 60 KB:

    python packaging/render_sample_image.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "resources" / "sample-cafe-table.png"
SIZE = (720, 480)
MAX_BYTES = 60 * 1024

INK = (38, 38, 44)
PAPER = (250, 249, 244)

#: (left text, right text) per line; a line with no right text is centred; None: a rule
RECEIPT_LINES: tuple[tuple[str, str] | None, ...] = (
    ("CAFE AURORA", ""),
    ("12 Harbour Road", ""),
    ("14 May 2026  08:42", ""),
    None,
    ("2 x Flat white", "9.00"),
    ("1 x Croissant", "3.80"),
    None,
    ("TOTAL", "12.80"),
    ("", ""),
    ("Thank you!", ""),
)


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def table(draw: ImageDraw.ImageDraw) -> None:
    """Wooden planks: bands of brown with darker seams."""
    width, height = SIZE
    plank = 96
    for index, top in enumerate(range(0, height, plank)):
        shade = (164, 116, 76) if index % 2 else (152, 106, 68)
        draw.rectangle([0, top, width, top + plank], fill=shade)
        draw.line([(0, top), (width, top)], fill=(112, 76, 48), width=3)
        for grain in range(top + 18, top + plank, 22):
            draw.line(
                [(0, grain), (width, grain + 6)], fill=(shade[0] - 10, shade[1] - 8, shade[2] - 6)
            )


def receipt(draw: ImageDraw.ImageDraw) -> None:
    left, top, right, bottom = 48, 40, 318, 430
    draw.rectangle([left + 6, top + 6, right + 6, bottom + 6], fill=(96, 64, 40))  # shadow
    draw.rectangle([left, top, right, bottom], fill=PAPER)
    # A torn bottom edge.
    teeth = [(x, bottom + (6 if (x // 10) % 2 else 0)) for x in range(left, right + 1, 10)]
    draw.polygon([(left, bottom), *teeth, (right, bottom)], fill=PAPER)
    text_font = font(19)
    y = top + 22
    for line in RECEIPT_LINES:
        if line is None:
            draw.line([(left + 20, y + 8), (right - 20, y + 8)], fill=INK, width=2)
            y += 20
            continue
        text, amount = line
        if amount:
            draw.text((left + 22, y), text, fill=INK, font=text_font)
            draw.text((right - 22, y), amount, fill=INK, font=text_font, anchor="ra")
        elif text:
            draw.text(((left + right) // 2, y), text, fill=INK, font=text_font, anchor="ma")
        y += 34


def coffee(draw: ImageDraw.ImageDraw) -> None:
    cx, cy = 500, 150
    draw.ellipse([cx - 112, cy - 112, cx + 112, cy + 112], fill=(96, 64, 40))  # shadow
    draw.ellipse([cx - 108, cy - 108, cx + 104, cy + 104], fill=(238, 240, 244))  # saucer
    draw.ellipse([cx - 70, cy - 70, cx + 70, cy + 70], fill=(250, 250, 252))  # cup
    draw.rounded_rectangle([cx + 62, cy - 16, cx + 112, cy + 16], radius=14, fill=(250, 250, 252))
    draw.ellipse([cx - 56, cy - 56, cx + 56, cy + 56], fill=(120, 72, 40))  # coffee
    # Latte art: a heart of milk foam.
    draw.ellipse([cx - 30, cy - 26, cx + 2, cy + 6], fill=(236, 214, 184))
    draw.ellipse([cx - 2, cy - 26, cx + 30, cy + 6], fill=(236, 214, 184))
    draw.polygon([(cx - 29, cy - 4), (cx + 29, cy - 4), (cx, cy + 30)], fill=(236, 214, 184))
    draw.ellipse([cx - 84, cy + 60, cx - 64, cy + 80], fill=(196, 198, 204))  # a spoon's bowl
    draw.line([(cx - 72, cy + 72), (cx - 40, cy + 100)], fill=(196, 198, 204), width=6)


def croissant(draw: ImageDraw.ImageDraw) -> None:
    cx, cy = 470, 362
    draw.ellipse([cx - 96, cy - 40, cx + 96, cy + 58], fill=(96, 64, 40))  # plate shadow
    draw.ellipse([cx - 100, cy - 46, cx + 92, cy + 50], fill=(246, 246, 248))  # plate
    segments = ((-62, 22), (-34, 30), (0, 34), (34, 30), (62, 22))
    for offset, radius in segments:
        x, y = cx + offset, cy - abs(offset) // 5
        draw.ellipse([x - radius, y - radius + 4, x + radius, y + radius - 4], fill=(214, 150, 62))
        draw.arc(
            [x - radius, y - radius + 4, x + radius, y + radius - 4],
            200,
            340,
            fill=(168, 104, 40),
            width=3,
        )


def sticky_note(draw: ImageDraw.ImageDraw) -> None:
    left, top = 606, 282
    draw.rectangle([left + 5, top + 5, left + 105, top + 125], fill=(96, 64, 40))
    draw.rectangle([left, top, left + 100, top + 120], fill=(255, 226, 92))
    note_font = font(17)
    for row, line in enumerate(("Meet Mia", "at 3 pm", "- bring", "the book")):
        draw.text((left + 10, top + 12 + row * 26), line, fill=(40, 52, 120), font=note_font)


def render() -> bytes:
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    table(draw)
    receipt(draw)
    coffee(draw)
    croissant(draw)
    sticky_note(draw)
    # Few colours: an adaptive palette keeps the text sharp and the file small.
    small = image.quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    buffer = io.BytesIO()
    small.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def main() -> int:
    data = render()
    if len(data) > MAX_BYTES:
        print(f"{OUTPUT.name}: {len(data)} bytes, more than {MAX_BYTES}", file=sys.stderr)
        return 1
    OUTPUT.write_bytes(data)
    print(f"{OUTPUT.relative_to(ROOT)}: {SIZE[0]}×{SIZE[1]}, {len(data) / 1024:.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
