"""SSIM with Pillow only: how close an encoded image is to the pixels it was made from.

The structural similarity index (Wang et al., 2004) on the luma channel, with its usual 11×11
Gaussian window (σ = 1.5) and constants ``K1 = 0.01``, ``K2 = 0.03``, computed as a separable
convolution of ``F``-mode images: every step runs in Pillow's C code, so a 256×256 sample takes a
few milliseconds and no array library is needed. Only windows wholly inside the image count (the
"valid" region), as in the reference implementation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PIL import Image, ImageMath

__all__ = ["WINDOW", "ssim"]

_SIGMA = 1.5
_RADIUS = 5
#: The normalised 1-D Gaussian weights of the 11-tap window.
WINDOW: tuple[float, ...] = tuple(
    w / sum(math.exp(-(k * k) / (2 * _SIGMA**2)) for k in range(-_RADIUS, _RADIUS + 1))
    for w in (math.exp(-(k * k) / (2 * _SIGMA**2)) for k in range(-_RADIUS, _RADIUS + 1))
)
_C1 = (0.01 * 255) ** 2
_C2 = (0.03 * 255) ** 2

#: A per-pixel expression: ImageMath hands it operands (typed Any by Pillow) that support
#: arithmetic with each other and with numbers.
Operation = Callable[[dict[str, Any]], Any]


def _eval(operation: Operation, **images: Image.Image) -> Image.Image:
    result = ImageMath.lambda_eval(operation, **images)
    assert isinstance(result, Image.Image)
    return result


def _blur(im: Image.Image) -> Image.Image:
    """``im`` convolved with the Gaussian window, valid region only (each side 10 px shorter)."""
    width, height = im.size
    span = 2 * _RADIUS
    rows: Image.Image | None = None
    for k, weight in enumerate(WINDOW):
        part = im.crop((k, 0, k + width - span, height))
        rows = _tap(rows, part, weight)
    assert rows is not None
    out: Image.Image | None = None
    for k, weight in enumerate(WINDOW):
        part = rows.crop((0, k, width - span, k + height - span))
        out = _tap(out, part, weight)
    assert out is not None
    return out


def _tap(acc: Image.Image | None, part: Image.Image, weight: float) -> Image.Image:
    if acc is None:
        return _eval(lambda a: a["p"] * weight, p=part)
    return _eval(lambda a: a["acc"] + a["p"] * weight, acc=acc, p=part)


def _luma(im: Image.Image) -> Image.Image:
    if im.mode in ("LA", "RGBA", "PA"):
        im = im.convert("RGBA").convert("RGB") if im.mode != "LA" else im.convert("L")
    return im.convert("L").convert("F")


def ssim(reference: Image.Image, test: Image.Image) -> float:
    """Mean SSIM of ``test`` against ``reference`` (same size), on luma; 1.0 means identical.

    Images smaller than the 11-pixel window in either direction are compared as they are: 1.0
    when their pixels are equal, else 0.0.
    """
    if reference.size != test.size:
        raise ValueError(f"sizes differ: {reference.size} and {test.size}")
    x, y = _luma(reference), _luma(test)
    if min(x.size) <= 2 * _RADIUS:
        return 1.0 if x.tobytes() == y.tobytes() else 0.0
    mu_x, mu_y = _blur(x), _blur(y)
    xx = _blur(_eval(lambda a: a["x"] * a["x"], x=x))
    yy = _blur(_eval(lambda a: a["y"] * a["y"], y=y))
    xy = _blur(_eval(lambda a: a["x"] * a["y"], x=x, y=y))
    c1, c2 = _C1, _C2
    index = _eval(
        lambda a: (
            (2 * a["mx"] * a["my"] + c1)
            * (2 * (a["xy"] - a["mx"] * a["my"]) + c2)
            / (
                (a["mx"] * a["mx"] + a["my"] * a["my"] + c1)
                * (a["xx"] - a["mx"] * a["mx"] + a["yy"] - a["my"] * a["my"] + c2)
            )
        ),
        mx=mu_x,
        my=mu_y,
        xx=xx,
        yy=yy,
        xy=xy,
    )
    # ImageStat would bin an F image into a 256-bucket histogram; a box reduction keeps floats.
    mean = index.reduce(index.size).getpixel((0, 0))
    assert isinstance(mean, float)
    return mean
