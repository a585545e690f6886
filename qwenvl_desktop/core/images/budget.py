"""The pixel budget of one image and the service's own resize rule.

The service resizes every image with Qwen's ``smart_resize`` before the model sees it: each side
is rounded to a multiple of the model's patch grid (28 or 32 px), then the whole image is scaled
down (or up) by one factor so its pixel count falls inside ``[min_pixels, max_pixels]``. Running the
same rule here lets the client send exactly the pixels the model will see — nothing larger, which
would be wasted upload bytes, and nothing smaller, which would lose detail the model would have
used — and predict the image's token cost before sending.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, get_args

from qwenvl_desktop.core.images.errors import AspectRatioError
from qwenvl_desktop.core.protocol.catalog import ModelInfo

__all__ = [
    "DETAILS",
    "ECONOMY_CHOICES",
    "ECONOMY_TOKENS",
    "MAX_ASPECT_RATIO",
    "MAX_DATA_URI_BYTES",
    "MIN_SIDE",
    "MIN_TOKENS",
    "Detail",
    "PixelBudget",
    "estimate_image_tokens",
    "pixel_budget",
    "smart_resize",
]

#: "standard" (shown as Auto): the model family's default budget, the pixels the service itself
#: would use; "high": the budget of ``vl_high_resolution_images`` (16,384 tokens), which the
#: request must then switch on, where the family takes the flag; "economy": at most the token cap
#: the person picked (never more than the default).
Detail = Literal["standard", "high", "economy"]
DETAILS: tuple[Detail, ...] = get_args(Detail)
#: The Economy caps offered, in image tokens; :data:`ECONOMY_TOKENS` unless the person picks one.
ECONOMY_CHOICES = (256, 512, 1024)
ECONOMY_TOKENS = 512

#: The service refuses a ``data:`` URI longer than this (prefix and base64 text included).
MAX_DATA_URI_BYTES = 10_485_760
#: The service refuses images longer than this (long side / short side).
MAX_ASPECT_RATIO = 200
#: The service refuses images with a side shorter than this many pixels.
MIN_SIDE = 10
#: The service gives every image at least this many tokens' worth of pixels.
MIN_TOKENS = 4


def _round_by(number: float, factor: int) -> int:
    # Python's round() (half to even), as in Qwen's reference implementation.
    return round(number / factor) * factor


def _floor_by(number: float, factor: int) -> int:
    return math.floor(number / factor) * factor


def _ceil_by(number: float, factor: int) -> int:
    return math.ceil(number / factor) * factor


def smart_resize(
    height: int,
    width: int,
    factor: int = 28,
    min_pixels: int = MIN_TOKENS * 28 * 28,
    max_pixels: int = 16384 * 28 * 28,
) -> tuple[int, int]:
    """Qwen's resize rule: the ``(height, width)`` the model sees for an image of that size.

    The argument order, defaults and arithmetic are those of Qwen's reference ``smart_resize``
    (qwen-vl-utils), so results match the service's. Two guards are added where the reference
    would produce an unusable size: a side never drops below one grid cell, and float rounding can
    never push the product past ``max_pixels``.

    Raises :class:`AspectRatioError` past 200:1 and :class:`ValueError` for non-positive sizes.
    """
    if height <= 0 or width <= 0:
        raise ValueError(f"image sides must be positive, not {width}×{height}")
    if factor <= 0 or min_pixels > max_pixels:
        raise ValueError("need factor > 0 and min_pixels <= max_pixels")
    if max(height, width) / min(height, width) > MAX_ASPECT_RATIO:
        raise AspectRatioError(
            f"A {width}×{height} px image is longer than the {MAX_ASPECT_RATIO}:1 the service "
            "accepts."
        )
    h_bar = max(factor, _round_by(height, factor))
    w_bar = max(factor, _round_by(width, factor))
    if h_bar * w_bar > max_pixels:
        beta = math.sqrt((height * width) / max_pixels)
        h_bar = max(factor, _floor_by(height / beta, factor))
        w_bar = max(factor, _floor_by(width / beta, factor))
        # Only reachable through float error at an exact multiple: keep the budget a hard limit.
        while h_bar * w_bar > max_pixels and max(h_bar, w_bar) > factor:
            if h_bar >= w_bar:
                h_bar -= factor
            else:
                w_bar -= factor
    elif h_bar * w_bar < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h_bar = _ceil_by(height * beta, factor)
        w_bar = _ceil_by(width * beta, factor)
    return h_bar, w_bar


@dataclass(frozen=True, slots=True)
class PixelBudget:
    """How many pixels one image may use with a given model and detail level.

    ``max_tokens`` caps the pixels the client sends; ``request_tokens`` is what the request's
    ``image_url.max_pixels`` says. They differ only for Economy: the image is made smaller here,
    and the request still names the service's default, so the field never stops the service
    from using what it would use anyway.
    """

    grid: int
    max_tokens: int
    #: the tokens ``image_url.max_pixels`` names (0: ``max_tokens``)
    request_tokens: int = 0
    #: the request must carry ``vl_high_resolution_images: true``
    high_resolution: bool = False
    #: the detail this budget applies (High falls back to Auto where the family has no flag)
    detail: Detail = "standard"

    @property
    def max_pixels(self) -> int:
        return self.max_tokens * self.grid * self.grid

    @property
    def request_max_pixels(self) -> int:
        """``image_url.max_pixels``: never below the budget the service uses by default."""
        return max(self.max_tokens, self.request_tokens) * self.grid * self.grid

    @property
    def min_pixels(self) -> int:
        return MIN_TOKENS * self.grid * self.grid

    def target_size(self, width: int, height: int) -> tuple[int, int]:
        """The ``(width, height)`` to send for a ``width``×``height`` image: what the model sees.

        One guard on top of :func:`smart_resize`: the sent image is itself checked by the service,
        and rounding can stretch a 199:1 original past 200:1 (33×6597 becomes 32×6592), so the
        long side is then cut back to the last grid multiple within 200:1.
        """
        h, w = smart_resize(height, width, self.grid, self.min_pixels, self.max_pixels)
        longest = MAX_ASPECT_RATIO * min(w, h) // self.grid * self.grid
        if h > longest:
            h = longest
        elif w > longest:
            w = longest
        return w, h

    def tokens(self, width: int, height: int) -> int:
        """Image tokens of an image already on the grid: one per grid cell, plus 2 markers."""
        return (width * height) // (self.grid * self.grid) + 2

    @property
    def max_image_tokens(self) -> int:
        """The most one image can cost: what an image of unknown size (a URL) is counted as."""
        return self.max_tokens + 2


def pixel_budget(
    model: ModelInfo, detail: Detail = "standard", *, economy_tokens: int = ECONOMY_TOKENS
) -> PixelBudget:
    """The budget of ``model`` at ``detail``.

    Auto: the family's default from the catalog (where sources disagree the catalog holds the
    larger: a smaller budget would lose detail the service would have used). High: the
    high-resolution budget where the family takes ``vl_high_resolution_images``, else Auto.
    Economy: ``economy_tokens``, but never more than Auto nor fewer than the service's minimum.
    """
    if detail not in DETAILS:
        raise ValueError(f"detail must be one of {', '.join(DETAILS)}, not {detail!r}")
    default = model.default_image_tokens
    if detail == "high" and model.high_res_image_tokens > 0:
        return PixelBudget(
            model.grid, model.high_res_image_tokens, default, high_resolution=True, detail="high"
        )
    if detail == "economy":
        cap = max(MIN_TOKENS, min(economy_tokens, default))
        return PixelBudget(model.grid, cap, default, detail="economy")
    return PixelBudget(model.grid, default, default)


def estimate_image_tokens(
    width: int,
    height: int,
    *,
    model: ModelInfo,
    detail: Detail = "standard",
    economy_tokens: int = ECONOMY_TOKENS,
) -> int:
    """Image tokens the service will count for a ``width``×``height`` image sent to ``model``.

    ``(h'·w')/(grid²) + 2`` after :func:`smart_resize` within the budget of ``detail``.
    """
    budget = pixel_budget(model, detail, economy_tokens=economy_tokens)
    return budget.tokens(*budget.target_size(width, height))
