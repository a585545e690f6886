"""``ask --image`` end to end: a real process sends images to the loopback DashScope server.

What the server receives is decoded here as the service would decode it: the exact pixel size and
MIME type of every image, the ``max_pixels`` inside each ``image_url``, and the high-resolution
flag, plus the ``image_tokens_estimate`` that ``ask --json`` reports before sending.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from qwenvl_desktop.core.images import prepare_attachment
from qwenvl_desktop.core.protocol.catalog import load_catalog
from tests.core.images.corpus import check_sent, decode_data_uri
from tests.support.dashscope_server import LoopbackDashScope

ROOT = Path(__file__).resolve().parents[3]


def ask(server: LoopbackDashScope, key: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHSCOPE_API_KEY")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["DASHSCOPE_API_KEY"] = key
    command = ["ask", "--base-url", server.base_url("echo"), "--model", "qwen3-vl-plus"]
    return subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", *command, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
        check=False,
    )


def image_parts(server: LoopbackDashScope) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    (request,) = server.chat_requests("echo")
    body: dict[str, Any] = request.body
    content = body["messages"][-1]["content"]
    return body, [part["image_url"] for part in content if part["type"] == "image_url"]


def test_ask_sends_exactly_the_prepared_pixels(
    threaded_server: LoopbackDashScope, test_key: str, corpus: dict[str, Path]
) -> None:
    model = load_catalog().model("qwen3-vl-plus")
    names = ["photo.jpg", "screenshot.png", "cmyk.jpg", "gray16.png", "exif_rotated.jpg"]
    url = "https://example.com/street.jpg"
    images = [str(corpus[n]) for n in names]
    arguments = [a for path in [*images, url] for a in ("--image", path)]
    result = ask(threaded_server, test_key, *arguments, "--json", "What is in these?")
    assert result.returncode == 0, result.stderr

    body, parts = image_parts(threaded_server)
    assert "vl_high_resolution_images" not in body
    assert len(parts) == len(names) + 1
    received = [decode_data_uri(p["url"]) for p in parts[:-1]]
    # qwen3-vl-plus uses 2,560 tokens of 32×32 px by default (Alibaba's vision pages): every one
    # of these fits, so each is only rounded to the grid. Photos go JPEG; the rest lossless
    # (WebP or PNG, whichever is smaller: the encoding tests check that choice).
    assert [r.image.size for r in received] == [
        (1600, 1216),  # 1600×1200 photo: 1200/32 = 37.5 rounds half-to-even to 38 → 1216
        (1280, 800),  # screenshot already on the grid
        (320, 256),  # flat red CMYK 320×240, 240 rounded to the grid
        (256, 64),  # 16-bit ramp, now 8-bit
        (320, 640),  # two flat halves stored 640×320, EXIF orientation 6
    ]
    assert received[0].mime == "image/jpeg"
    assert all(r.mime in ("image/png", "image/webp") for r in received[1:])
    # max_pixels names the service's default: it never stops the service from using it.
    assert all(p["max_pixels"] == 2560 * 1024 for p in parts)
    assert parts[-1] == {"url": url, "max_pixels": 2560 * 1024}

    # The process sent what the pipeline prepares, byte for byte, and its estimate adds up.
    expected = [prepare_attachment(path, model=model) for path in images]
    assert [p["url"] for p in parts[:-1]] == [a.url for a in expected]
    for attachment in expected:
        check_sent(attachment, model)
    out = json.loads(result.stdout)
    assert out["image_tokens_estimate"] == sum(a.estimated_tokens for a in expected) + 2562
    assert "images=6" in out["content"]


def test_ask_high_detail(
    threaded_server: LoopbackDashScope, test_key: str, corpus: dict[str, Path]
) -> None:
    result = ask(
        threaded_server,
        test_key,
        "--detail",
        "high",
        "--image",
        str(corpus["photo.jpg"]),
        "--json",
        "Read every detail",
    )
    assert result.returncode == 0, result.stderr
    body, (part,) = image_parts(threaded_server)
    assert body["vl_high_resolution_images"] is True
    assert part["max_pixels"] == 16384 * 1024
    sent = decode_data_uri(part["url"])
    # 1600×1200 fits the high budget: only 1200 → 1216 on the grid.
    assert (sent.mime, sent.image.size) == ("image/jpeg", (1600, 1216))
    assert json.loads(result.stdout)["image_tokens_estimate"] == 1600 * 1216 // 1024 + 2


def test_ask_economy_detail_sends_fewer_pixels_but_keeps_max_pixels(
    threaded_server: LoopbackDashScope, test_key: str, corpus: dict[str, Path]
) -> None:
    result = ask(
        threaded_server,
        test_key,
        "--detail",
        "economy",
        "--economy-tokens",
        "256",
        "--image",
        str(corpus["photo.jpg"]),
        "--json",
        "Roughly what is this?",
    )
    assert result.returncode == 0, result.stderr
    body, (part,) = image_parts(threaded_server)
    assert "vl_high_resolution_images" not in body
    # The image is made smaller here; the request still names the default budget.
    assert part["max_pixels"] == 2560 * 1024
    sent = decode_data_uri(part["url"])
    # 256 tokens of 32 px: beta = sqrt(1600·1200 / 262,144) = 2.706; 443.4 → 416, 591.2 → 576.
    assert sent.image.size == (576, 416)
    assert json.loads(result.stdout)["image_tokens_estimate"] == 576 * 416 // 1024 + 2


def test_unusable_image_exits_2_with_its_sentence(
    threaded_server: LoopbackDashScope, test_key: str, corpus: dict[str, Path], tmp_path: Path
) -> None:
    fake = tmp_path / "holiday.png"
    fake.write_text("not really a picture\n")
    result = ask(
        threaded_server, test_key, "--image", str(corpus["photo.jpg"]), "--image", str(fake), "Hi"
    )
    assert result.returncode == 2
    assert f"{fake} contains text, not image data despite its .png name." in result.stderr
    assert threaded_server.chat_requests() == []  # nothing was sent
