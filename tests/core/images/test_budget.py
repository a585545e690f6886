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

# The budget of Qwen's open-source Qwen3-VL processor config (1,280 tokens of 32×32): the
# reference rule's arithmetic, not what the hosted service uses by default (2,560 tokens).
PROCESSOR_DEFAULT = {"factor": 32, "min_pixels": 4 * 32 * 32, "max_pixels": 1280 * 32 * 32}


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
    assert smart_resize(height, width, **PROCESSOR_DEFAULT) == expected


def test_smart_resize_defaults_are_qwen_reference_defaults() -> None:
    # factor 28, min 4 tokens, max 16,384 tokens: 20×20 → ceil(20·2.8 / 28)·28 = 56.
    assert smart_resize(20, 20) == (56, 56)
    # sqrt(16384·784) is exactly 3584, but the reference's float arithmetic lands at 3583.99…
    # and floors a whole grid cell lower; the service computes the same way, so do we.
    assert smart_resize(10000, 10000) == (3556, 3556)


def test_smart_resize_refuses_beyond_200_to_1() -> None:
    assert smart_resize(1, 200, **PROCESSOR_DEFAULT) == (32, 192)
    with pytest.raises(AspectRatioError):
        smart_resize(1, 201, **PROCESSOR_DEFAULT)
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
    # Alibaba's vision pages: Qwen3-VL 2,621,440 px by default (2,560 tokens of 32×32); Qwen's
    # open-source processor ships 1,310,720. Where sources disagree the larger is kept.
    qwen3 = pixel_budget(catalog.model("qwen3-vl-plus"), "standard")
    assert (qwen3.grid, qwen3.max_pixels, qwen3.min_pixels) == (32, 2_621_440, 4 * 1024)
    assert qwen3.request_max_pixels == 2_621_440 and not qwen3.high_resolution
    high = pixel_budget(catalog.model("qwen3-vl-plus"), "high")
    assert high.max_pixels == high.request_max_pixels == 16384 * 32 * 32
    assert high.high_resolution and high.detail == "high"
    # Qwen2.5-VL-family models and QVQ: 1,003,520 px (1,280 of 28×28), no high-resolution flag.
    for name in ("qwen2.5-vl-7b-instruct", "qvq-max", "qwen-vl-max-2025-04-08"):
        info = catalog.model(name)
        assert not info.high_resolution_supported
        qwen25 = pixel_budget(info)
        assert (qwen25.grid, qwen25.max_pixels) == (28, 1_003_520)
        assert pixel_budget(info, "high") == qwen25  # High falls back to Auto there
    # The 2025-07+ qwen-vl-max/plus snapshots are on the 32 px grid and take the flag.
    assert pixel_budget(catalog.model("qwen-vl-max"), "high").high_resolution
    # Qwen3.5 and newer unified models read images like Qwen3-VL.
    assert pixel_budget(catalog.model("qwen3.6-plus")).max_pixels == 2_621_440
    ocr = pixel_budget(catalog.model("qwen-vl-ocr"))
    assert ocr.max_pixels == 10700 * 784  # ≈ the documented OCR default of 8,388,608
    with pytest.raises(ValueError, match="detail"):
        pixel_budget(catalog.model("qwen3-vl-plus"), "ultra")  # type: ignore[arg-type]


def test_economy_caps_the_pixels_but_never_the_request() -> None:
    qwen3 = load_catalog().model("qwen3-vl-plus")
    economy = pixel_budget(qwen3, "economy", economy_tokens=256)
    assert economy.max_pixels == 256 * 1024
    # image_url.max_pixels still names the default: it must never stop the service.
    assert economy.request_max_pixels == 2_621_440
    assert not economy.high_resolution and economy.detail == "economy"
    # The cap never goes above Auto, nor below the service's minimum of 4 tokens.
    assert pixel_budget(qwen3, "economy", economy_tokens=99_999).max_pixels == 2_621_440
    assert pixel_budget(qwen3, "economy", economy_tokens=1).max_tokens == 4


@given(st.sampled_from([m.name for m in load_catalog().models.values()]))
def test_no_detail_sends_a_max_pixels_below_the_default(name: str) -> None:
    info = load_catalog().model(name)
    default = info.default_image_tokens * info.grid**2
    for detail in ("standard", "high", "economy"):
        budget = pixel_budget(info, detail)  # type: ignore[arg-type]
        assert budget.request_max_pixels >= default
        assert budget.max_pixels <= budget.request_max_pixels


def test_token_estimate() -> None:
    qwen3 = load_catalog().model("qwen3-vl-plus")
    # 24 MP: beta = sqrt(24e6 / 2,621,440) = 3.0258; 1322 → 1312, 1983 → 1952: 2501 patches + 2.
    assert estimate_image_tokens(6000, 4000, model=qwen3) == 1952 * 1312 // 1024 + 2 == 2503
    # 4K screenshot: beta = 1.7788; 1214.3 → 1184, 2158.8 → 2144.
    assert estimate_image_tokens(3840, 2160, model=qwen3) == 2144 * 1184 // 1024 + 2 == 2481
    # Economy at 512 tokens: beta = sqrt(24e6 / 524,288) = 6.766; 591.2 → 576, 886.8 → 864.
    economy = estimate_image_tokens(6000, 4000, model=qwen3, detail="economy", economy_tokens=512)
    assert economy == 864 * 576 // 1024 + 2
    # High detail of a 4K screenshot: on the grid already, 3840×2176 / 1024 + 2.
    assert estimate_image_tokens(3840, 2160, model=qwen3, detail="high") == 3840 * 2176 // 1024 + 2
    assert estimate_image_tokens(10, 10, model=qwen3) == 4 + 2
