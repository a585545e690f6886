"""Draw boxes and points over an image with Pillow: labelled, one colour per label.

Fast enough for the command line to draw on the full original (200 boxes on a 24 MP photo in well
under 100 ms, ``bench/bench_grounding.py``): each distinct label's tab is rendered once and then
copied onto the image, and everything else is solid rectangles.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from qwenvl_desktop.core.grounding.annotations import Annotations

__all__ = ["draw_annotations", "label_colour"]

#: fonts tried for labels, first found wins; Pillow's own font when none is installed
_LATIN_FONTS = ("DejaVuSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf", "Helvetica.ttc")
_CJK_FONTS = (
    "NotoSansCJK-Bold.ttc",
    "NotoSansCJK-Regular.ttc",
    "msyhbd.ttc",
    "msyh.ttc",
    "PingFang.ttc",
    "Hiragino Sans GB.ttc",
    "wqy-microhei.ttc",
)
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
#: colours that stay apart from each other and read on photos and screenshots (after Sasha
#: Trubetskoy's list of 20 distinct colours, without its greys and pale tints)
_PALETTE: tuple[tuple[int, int, int], ...] = (
    (230, 25, 75),
    (60, 180, 75),
    (255, 225, 25),
    (0, 130, 200),
    (245, 130, 48),
    (145, 30, 180),
    (70, 240, 240),
    (240, 50, 230),
    (210, 245, 60),
    (250, 190, 212),
    (0, 128, 128),
    (220, 190, 255),
    (170, 110, 40),
    (128, 0, 0),
    (170, 255, 195),
    (128, 128, 0),
    (0, 0, 128),
)


def label_colour(label: str, among: Sequence[str] = ()) -> tuple[int, int, int]:
    """The colour of ``label``'s boxes: the same in every run, window and export.

    Each label has a preferred colour of a palette of well-told-apart colours, chosen by a CRC of
    the label (Python's ``hash`` changes per process). ``among``: every label shown together, in
    order (``Annotations.labels``); a label whose colour an earlier one of them already has takes
    the next free colour, so that labels shown together differ while the palette lasts. Pass the
    same ``among`` wherever the same boxes are drawn (window, export) to get the same colours.
    """
    taken: set[int] = set()
    for other in among:
        if other == label:
            break
        taken.add(_free_slot(_preferred_slot(other), taken))
    return _PALETTE[_free_slot(_preferred_slot(label), taken)]


def _preferred_slot(label: str) -> int:
    return zlib.crc32(label.encode("utf-8")) % len(_PALETTE)


def _free_slot(preferred: int, taken: set[int]) -> int:
    if len(taken) >= len(_PALETTE):
        return preferred
    slot = preferred
    while slot in taken:
        slot = (slot + 1) % len(_PALETTE)
    return slot


def draw_annotations(
    image: Image.Image, annotations: Annotations, image_index: int = 0, *, scale: float = 1.0
) -> Image.Image:
    """A copy of ``image`` with the boxes and points of image ``image_index`` (0-based) drawn on it.

    ``scale``: ``image``'s size over the original's, for drawing on a thumbnail or a zoomed copy
    (coordinates in ``annotations`` are pixels of the original). The result is RGBA when
    ``image`` has transparency, else RGB; ``image`` itself is not changed. Line widths and label
    sizes follow the drawn image's size.
    """
    canvas = (
        image.copy()
        if image.mode in ("RGB", "RGBA")
        else image.convert("RGBA" if image.has_transparency_data else "RGB")
    )
    shown = annotations.on_image(image_index)
    if not shown:
        return canvas
    style = _Style.for_size(canvas.size)
    labels = annotations.labels  # the whole answer's, so colours survive moving to another image
    colours = {label: label_colour(label, labels) for label in labels}
    draw = ImageDraw.Draw(canvas)
    for box in shown.boxes:
        x1, y1, x2, y2 = (round(v * scale) for v in box.box)
        colour = colours[box.label]
        draw.rectangle((x1, y1, max(x1, x2 - 1), max(y1, y2 - 1)), outline=colour, width=style.line)
        if box.label:
            _stamp_label(canvas, box.label, colour, (x1, y1), style)
    for point in shown.points:
        x, y = (round(v * scale) for v in point.point)
        colour = colours[point.label]
        r = style.dot
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=colour, outline=(255, 255, 255), width=max(1, r // 3)
        )
        if point.label:
            _stamp_label(canvas, point.label, colour, (x + r + style.line, y - r), style)
    return canvas


class _Style:
    """Sizes that read at the drawn image's scale."""

    __slots__ = ("dot", "font_px", "line", "pad")

    def __init__(self, line: int, font_px: int, dot: int) -> None:
        self.line = line
        self.font_px = font_px
        self.dot = dot
        self.pad = max(1, font_px // 6)

    @classmethod
    def for_size(cls, size: tuple[int, int]) -> _Style:
        short = min(size)
        line = max(2, round(short / 500))
        font_px = min(96, max(11, round(short / 45)))
        return cls(line=line, font_px=font_px, dot=max(4, line * 3))


def _stamp_label(
    canvas: Image.Image,
    label: str,
    colour: tuple[int, int, int],
    corner: tuple[int, int],
    style: _Style,
) -> None:
    """The label's tab above ``corner`` (inside the box when there is no room above)."""
    tab = _label_tab(label, colour, style.font_px, style.pad, canvas.mode)
    x, y = corner
    y = y - tab.height if y - tab.height >= 0 else y
    x = min(max(0, x), max(0, canvas.width - tab.width))
    canvas.paste(tab, (x, y))


# A large label's tab is ~200 KB at 96 px: the cache stays under ~15 MB in a long-lived window.
@lru_cache(maxsize=64)
def _label_tab(
    label: str, colour: tuple[int, int, int], font_px: int, pad: int, mode: str
) -> Image.Image:
    """``label`` on its colour, rendered once and then copied for every box that carries it.

    The tab is opaque, so a plain paste (a copy of rows) replaces blending the text into the
    image for each box, which cost ten times as much on a 24 MP photo.
    """
    font = _font(font_px, cjk=any(ord(c) >= 0x2E80 for c in label))
    left, top, right, bottom = font.getbbox(label)
    size = (max(1, int(right - left)) + 2 * pad, max(1, int(bottom - top)) + 2 * pad)
    tab = Image.new(mode, size, colour)
    ink = (0, 0, 0) if _luma(colour) > 150 else (255, 255, 255)
    ImageDraw.Draw(tab).text((pad - left, pad - top), label, fill=ink, font=font)
    return tab


@lru_cache(maxsize=64)
def _font(size: int, *, cjk: bool) -> Font:
    for name in (*_CJK_FONTS, *_LATIN_FONTS) if cjk else _LATIN_FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _luma(colour: tuple[int, int, int]) -> float:
    r, g, b = colour
    return 0.299 * r + 0.587 * g + 0.114 * b
