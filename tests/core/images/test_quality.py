"""SSIM with Pillow only, checked against values worked by hand, and per-image detail."""

from __future__ import annotations

import pytest
from PIL import Image

from qwenvl_desktop.core.images import prepare_attachment
from qwenvl_desktop.core.images.quality import WINDOW, ssim
from qwenvl_desktop.core.protocol import build_body, chat_request
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.protocol.request import Turn
from tests.core.images.corpus import photo, screenshot


def test_ssim_of_flat_images_is_the_luminance_term() -> None:
    # Constant images: no variance, so SSIM = (2·μx·μy + C1) / (μx² + μy² + C1), C1 = 6.5025.
    a, b = Image.new("L", (40, 40), 100), Image.new("L", (40, 40), 110)
    expected = (2 * 100 * 110 + 6.5025) / (100**2 + 110**2 + 6.5025)
    assert ssim(a, b) == pytest.approx(expected, abs=1e-4)
    assert ssim(a, a) == pytest.approx(1.0)
    assert sum(WINDOW) == pytest.approx(1.0) and len(WINDOW) == 11


def test_ssim_falls_with_damage_and_refuses_other_sizes() -> None:
    image = photo((200, 150))
    blurred = image.resize((50, 38)).resize((200, 150))
    assert 0 < ssim(image, blurred) < 0.9 < ssim(image, image)
    with pytest.raises(ValueError, match="sizes differ"):
        ssim(image, blurred.resize((100, 75)))


def test_high_detail_where_the_family_has_no_flag_stays_auto_and_says_so() -> None:
    catalog = load_catalog()
    qwen25 = catalog.model("qwen2.5-vl-7b-instruct")
    attachment = prepare_attachment(screenshot((3000, 2000)), model=qwen25, detail="high")
    assert attachment.detail == "standard" and attachment.max_pixels == 1_003_520
    assert any("does not take the high-resolution flag" in n for n in attachment.notes)
    body = build_body(
        chat_request(qwen25.name, [Turn("user", "?", (attachment.to_image_input(),))]), qwen25
    )
    assert "vl_high_resolution_images" not in body


def test_one_high_image_switches_the_flag_on_for_the_request() -> None:
    qwen3 = load_catalog().model("qwen3-vl-plus")
    auto = prepare_attachment(screenshot((640, 480)), model=qwen3)
    high = prepare_attachment(screenshot((5000, 3000)), model=qwen3, detail="high")
    economy = prepare_attachment(photo((1600, 1200)), model=qwen3, detail="economy")
    images = tuple(a.to_image_input() for a in (auto, high, economy))
    body = build_body(chat_request(qwen3.name, [Turn("user", "?", images)]), qwen3)
    assert body["vl_high_resolution_images"] is True
    parts = [p["image_url"] for p in body["messages"][-1]["content"] if p["type"] == "image_url"]
    # max_pixels: the default for Auto and Economy (never lower), the high budget for High.
    assert [p["max_pixels"] for p in parts] == [2_621_440, 16_777_216, 2_621_440]
    assert economy.estimated_tokens <= 512 + 2  # the default Economy cap
    without = build_body(chat_request(qwen3.name, [Turn("user", "?", images[::2])]), qwen3)
    assert "vl_high_resolution_images" not in without
