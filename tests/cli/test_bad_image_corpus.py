"""``ask --image`` with every kind of damaged or unusual image: a real process per kind.

Each kind (:mod:`tests.cli.bad_image_kinds`, drawn at run time) ends one of two ways, and which
one is pinned per kind:

* exit 0, and the loopback server received exactly one image that the service accepts: its MIME
  type matches its bytes, it is one frame, its sides and ratio are within the model's limits, its
  file structure is valid and holds nothing but pixels (no EXIF — so no orientation tag and no GPS
  position — no private chunk or segment, nothing after the end marker), and where the kind draws
  four coloured quarters they arrive upright;
* exit 2 with one line on stderr naming the cause, no traceback, and nothing sent.

Every process runs against one loopback server for the whole module, under a time limit, so a
hang fails its case instead of the run.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from qwenvl_desktop.core.images import MAX_ASPECT_RATIO, MAX_DATA_URI_BYTES, MIN_SIDE, pixel_budget
from qwenvl_desktop.core.protocol.catalog import load_catalog
from tests.cli.bad_image_kinds import KINDS, QUADRANT_COLOURS, QUADRANT_SIZE, SECRET, Kind
from tests.support.dashscope_server import LoopbackDashScope

ROOT = Path(__file__).resolve().parents[2]
KEY = "sk-corpus0123456789abcdef"
MODEL = "qwen3-vl-plus"
#: one case's limit: a process that decodes a 24-megapixel photo takes under a second
CASE_TIMEOUT = 30
#: what the service decodes, told from the first bytes alone
MAGIC = {
    "image/png": lambda d: d.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/jpeg": lambda d: d.startswith(b"\xff\xd8\xff"),
    "image/webp": lambda d: d[:4] == b"RIFF" and d[8:12] == b"WEBP",
}
FORMAT_OF_MIME = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}
#: PNG chunks that carry pixels or how to show them; anything else may carry private text
PIXEL_CHUNKS = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT"}
PIXEL_CHUNKS |= {b"pHYs", b"bKGD"}
#: JPEG markers of the same kind: JFIF (APP0), Adobe's colour transform (APP14), tables, frames
PIXEL_MARKERS = {0xE0, 0xEE, 0xDB, 0xC4, 0xDD, 0xDA, 0xD9, 0xCC}
PIXEL_MARKERS |= {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
WEBP_PIXEL_CHUNKS = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackDashScope]:
    """One loopback server for every case: each case asks through its own scenario name."""
    with LoopbackDashScope.in_thread(api_keys={KEY}) as running:
        yield running


def ask(
    server: LoopbackDashScope, scenario: str, image: str, kind: Kind
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHSCOPE_API_KEY")}
    env["DASHSCOPE_API_KEY"] = KEY
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    command = [sys.executable, "-m", "qwenvl_desktop", "ask", "--base-url"]
    command += [server.base_url(scenario), "--model", MODEL, "--image", image, "x"]
    return subprocess.run(
        [*without_file_override(kind), *command],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=CASE_TIMEOUT,
        env=env,
        cwd=ROOT,
        check=False,
    )


def without_file_override(kind: Kind) -> tuple[str, ...]:
    """For root, a wrapper that drops the capabilities that read any file despite its mode."""
    if not kind.unprivileged or os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root, and setpriv (util-linux) is missing to drop dac_override")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search")


@pytest.mark.parametrize("kind", KINDS, ids=[k.id for k in KINDS])
def test_image_kind(server: LoopbackDashScope, kind: Kind, tmp_path: Path) -> None:
    # GIVEN one input of this kind
    if kind.requires and importlib.util.find_spec(kind.requires) is None:
        pytest.skip(f"{kind.requires} is not installed")
    image = kind.make(tmp_path)
    scenario = f"echo-{KINDS.index(kind)}"
    # WHEN a real process asks about it
    result = ask(server, scenario, image, kind)
    received = server.chat_requests(scenario)
    # THEN it is sent as a valid image, or refused with one sentence, as this kind must be
    assert "Traceback" not in result.stderr, result.stderr
    if kind.outcome == "refused":
        assert_refused(result, kind)
        assert received == [], "a refused image must not reach the server"
        return
    assert result.returncode == 0, result.stderr
    assert "images=1" in result.stdout
    (request,) = received
    sent = assert_valid_image_sent(request.body, kind)
    if kind.unchanged:
        assert sent == Path(image).read_bytes(), "a clean original on the grid goes as it is"
    if kind.exact:
        with Image.open(io.BytesIO(sent)) as got, Image.open(image) as original:
            assert got.convert("RGB").tobytes() == original.convert("RGB").tobytes()


def assert_refused(result: subprocess.CompletedProcess[str], kind: Kind) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("qwenvl-desktop: image: "), lines[0]
    assert kind.says in lines[0], lines[0]
    assert result.stdout == ""


def assert_valid_image_sent(body: dict[str, Any], kind: Kind) -> bytes:
    """Every check of the one image in ``body``; returns its bytes."""
    budget = pixel_budget(load_catalog().model(MODEL))
    (part,) = [p["image_url"] for p in body["messages"][-1]["content"] if p["type"] == "image_url"]
    assert part["max_pixels"] == budget.request_max_pixels
    url: str = part["url"]
    assert len(url) < MAX_DATA_URI_BYTES
    header, _, payload = url.partition(",")
    assert header.startswith("data:") and header.endswith(";base64"), header
    mime = header.removeprefix("data:").removesuffix(";base64")
    data = base64.b64decode(payload, validate=True)
    # The type says what the bytes are, and the file holds only its pixels.
    assert MAGIC[mime](data), f"{mime} does not match the bytes {data[:12]!r}"
    only_pixels(mime, data)
    assert SECRET not in data
    with Image.open(io.BytesIO(data)) as sent:
        assert sent.format == FORMAT_OF_MIME[mime]
        assert getattr(sent, "n_frames", 1) == 1
        sent.load()
        assert not sent.getexif(), f"EXIF left in the sent image: {dict(sent.getexif())}"
        w, h = sent.size
        assert min(w, h) >= MIN_SIDE and max(w, h) / min(w, h) <= MAX_ASPECT_RATIO, (w, h)
        assert w % budget.grid == 0 and h % budget.grid == 0, (w, h)
        assert budget.min_pixels <= w * h <= budget.max_pixels, (w, h)
        pixels = sent.convert("RGB")
    if kind.quadrants:
        assert pixels.size == QUADRANT_SIZE
        expected = [v for colour in QUADRANT_COLOURS for v in colour]
        assert quarter_colours(pixels) == pytest.approx(expected, abs=24)
    if kind.first_colour is not None:
        assert pixels.getpixel((w // 2, h // 2)) == pytest.approx(kind.first_colour, abs=24)
    return data


def quarter_colours(im: Image.Image) -> list[int]:
    """The colours at the centre of each quarter (top-left, top-right, bottom-left, bottom-right),
    as one list of channel values."""
    w, h = im.size
    centres = [
        (w // 4, h // 4),
        (3 * w // 4, h // 4),
        (w // 4, 3 * h // 4),
        (3 * w // 4, 3 * h // 4),
    ]
    return [v for c in centres for v in im.getpixel(c)]  # type: ignore[union-attr]


# -- file structure, read independently of the app and of Pillow ---------------------------------


def only_pixels(mime: str, data: bytes) -> None:
    if mime == "image/png":
        kinds = png_chunk_types(data)
        assert set(kinds) <= PIXEL_CHUNKS, f"PNG chunks beyond pixels: {kinds}"
    elif mime == "image/jpeg":
        markers = jpeg_markers(data)
        assert set(markers) <= PIXEL_MARKERS, f"JPEG segments beyond pixels: {markers}"
    else:
        kinds = webp_chunk_types(data)
        assert set(kinds) <= WEBP_PIXEL_CHUNKS, f"WebP chunks beyond pixels: {kinds}"


def png_chunk_types(data: bytes) -> list[bytes]:
    """Every chunk's type; each CRC must be right and nothing may follow IEND."""
    pos, kinds = 8, []
    while not kinds or kinds[-1] != b"IEND":
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in the {kind!r} chunk"
        kinds.append(kind)
        pos += 12 + length
    assert pos == len(data), f"{len(data) - pos} bytes after IEND"
    return kinds


def jpeg_markers(data: bytes) -> list[int]:
    """Every segment's marker up to EOI, which must end the file."""
    pos, markers = 2, []
    while not markers or markers[-1] != 0xD9:
        assert data[pos] == 0xFF, f"no marker at {pos}"
        while data[pos] == 0xFF:  # fill bytes
            pos += 1
        marker = data[pos]
        markers.append(marker)
        pos += 1
        if marker == 0xD9:
            break
        pos += int.from_bytes(data[pos : pos + 2], "big")
        if marker == 0xDA:
            pos = end_of_scan(data, pos)
    assert pos == len(data), f"{len(data) - pos} bytes after EOI"
    return markers


def end_of_scan(data: bytes, pos: int) -> int:
    """Where the entropy-coded data after SOS ends: the next 0xFF that starts a marker."""
    while True:
        pos = data.index(b"\xff", pos)
        following = data[pos + 1]
        if following == 0 or 0xD0 <= following <= 0xD7:  # a stuffed 0xFF, a restart marker
            pos += 2
        elif following == 0xFF:
            pos += 1
        else:
            return pos


def webp_chunk_types(data: bytes) -> list[bytes]:
    (riff_size,) = struct.unpack("<I", data[4:8])
    assert riff_size + 8 == len(data), "the RIFF size does not match the file"
    pos, kinds = 12, []
    while pos < len(data):
        kind, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        kinds.append(kind)
        pos += 8 + size + (size & 1)
    assert pos == len(data)
    return kinds
