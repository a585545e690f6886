"""The resize rule, the pixel budgets and the token estimate.

Expected sizes are worked by hand from Qwen's reference ``smart_resize`` (round to the grid with
half-to-even, then scale by a square root and floor, or ceil when below the minimum).
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qwenvl_desktop.core.images import (
    AspectRatioError,
    estimate_image_tokens,
    pixel_budget,
    smart_resize,
)
from qwenvl_desktop.core.protocol.catalog import ModelInfo, load_catalog

QWEN3_STANDARD = {"factor": 32, "min_pixels": 4 * 32 * 32, "max_pixels": 1280 * 32 * 32}


@pytest.mark.parametrize(
    ("height", "width", "expected"),
    [
        # 24 MP photo: beta = sqrt(24e6 / 1,310,720) = 4.279; 934.8 → 928, 1402.2 → 1376.
        (4000, 6000, (928, 1376)),
        # 4K screenshot: beta = 2.5156; 858.6 → 832, 1526.5 → 1504.
        (2160, 3840, (832, 1504)),
        # Already on the grid and inside the budget: unchanged.
        (800, 1280, (800, 1280)),
        # Half-to-even rounding as in the reference: 80/32 = 2.5 → 2, 48/32 = 1.5 → 2.
        (80, 80, (64, 64)),
        (48, 48, (64, 64)),
        # A 5 px side is raised to one grid cell; 400/32 = 12.5 → 12.
        (5, 400, (32, 384)),
        # Below min_pixels: scaled up by sqrt(4096 / 400) and ceiled.
        (20, 20, (64, 64)),
    ],
)
def test_smart_resize_matches_the_reference_rule(
    height: int, width: int, expected: tuple[int, int]
) -> None:
    assert smart_resize(height, width, **QWEN3_STANDARD) == expected


def test_smart_resize_defaults_are_qwen_reference_defaults() -> None:
    # factor 28, min 4 tokens, max 16,384 tokens: 20×20 → ceil(20·2.8 / 28)·28 = 56.
    assert smart_resize(20, 20) == (56, 56)
    # sqrt(16384·784) is exactly 3584, but the reference's float arithmetic lands at 3583.99…
    # and floors a whole grid cell lower; the service computes the same way, so do we.
    assert smart_resize(10000, 10000) == (3556, 3556)


def test_smart_resize_refuses_beyond_200_to_1() -> None:
    assert smart_resize(1, 200, **QWEN3_STANDARD) == (32, 192)
    with pytest.raises(AspectRatioError):
        smart_resize(1, 201, **QWEN3_STANDARD)
    with pytest.raises(ValueError):
        smart_resize(0, 10)


sizes = st.integers(min_value=1, max_value=30_000)
budgets = st.sampled_from([(32, 1280), (28, 1280), (32, 16384), (28, 16384), (28, 10700)])


@given(sizes, sizes, budgets)
def test_smart_resize_properties(height: int, width: int, budget: tuple[int, int]) -> None:
    factor, tokens = budget
    assume(max(height, width) / min(height, width) <= 200)
    min_pixels, max_pixels = 4 * factor * factor, tokens * factor * factor
    h, w = smart_resize(height, width, factor, min_pixels, max_pixels)
    assert h % factor == 0 and w % factor == 0
    assert min_pixels <= h * w <= max_pixels
    # What the client sends is resized no further by the service (rounding may stretch a
    # 199:1 image past 200:1; PixelBudget.target_size cuts that back, tested below).
    if max(h, w) <= 200 * min(h, w):
        assert smart_resize(h, w, factor, min_pixels, max_pixels) == (h, w)


@given(sizes, sizes, budgets)
def test_target_size_is_a_fixed_point_the_service_accepts(
    height: int, width: int, budget: tuple[int, int]
) -> None:
    factor, tokens = budget
    assume(max(height, width) / min(height, width) <= 200)
    model = ModelInfo("m", "g", grid=factor, default_image_tokens=tokens)
    plan = pixel_budget(model)
    w, h = plan.target_size(width, height)
    assert max(w, h) <= 200 * min(w, h)
    assert w * h <= plan.max_pixels
    assert plan.target_size(w, h) == (w, h)


def test_rounding_past_200_to_1_is_cut_back() -> None:
    # 33×6597 is 199.9:1, but the grid turns it into 32×6592 (206:1), which the service refuses.
    plan = pixel_budget(ModelInfo("m", "g", grid=32, default_image_tokens=16384))
    assert smart_resize(33, 6597, 32, plan.min_pixels, plan.max_pixels) == (32, 6592)
    assert plan.target_size(6597, 33) == (6400, 32)


def test_budgets_per_model_and_detail() -> None:
    catalog = load_catalog()
    qwen3 = pixel_budget(catalog.model("qwen3-vl-plus"), "standard")
    assert (qwen3.grid, qwen3.max_pixels, qwen3.min_pixels) == (32, 1280 * 1024, 4 * 1024)
    high = pixel_budget(catalog.model("qwen3-vl-plus"), "high")
    assert high.max_pixels == 16384 * 32 * 32
    qwen25 = pixel_budget(catalog.model("qwen2.5-vl-7b-instruct"))
    assert (qwen25.grid, qwen25.max_pixels) == (28, 1280 * 784)
    ocr = pixel_budget(catalog.model("qwen-vl-ocr"))
    assert ocr.max_pixels == 10700 * 784  # ≈ the documented OCR default of 8,388,608
    with pytest.raises(ValueError, match="detail"):
        pixel_budget(catalog.model("qwen3-vl-plus"), "ultra")  # type: ignore[arg-type]


def test_token_estimate() -> None:
    qwen3 = load_catalog().model("qwen3-vl-plus")
    # 1376×928 / 32² = 1247 patches, plus the two image markers.
    assert estimate_image_tokens(6000, 4000, model=qwen3) == 1249
    assert estimate_image_tokens(3840, 2160, model=qwen3) == 1224
    # High detail of a 4K screenshot: on the grid already, 3840×2176 / 1024 + 2.
    assert estimate_image_tokens(3840, 2160, model=qwen3, detail="high") == 3840 * 2176 // 1024 + 2
    assert estimate_image_tokens(10, 10, model=qwen3) == 4 + 2
