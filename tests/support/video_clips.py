"""Clips made at run time with PyAV: moving shapes, and each frame's number drawn as a bar code.

The top band of every frame holds :data:`BITS` black or white blocks, the frame's index in
binary, large enough to survive scaling and JPEG. :func:`frame_number` reads it back from a sent
frame, so tests can check *which* frames were sent, not just how many.
"""

from __future__ import annotations

import base64
import functools
import io
import math
import struct
from pathlib import Path

import av
from PIL import Image, ImageDraw

BITS = 10


def draw_frame(index: int, width: int, height: int, *, textured: bool = False) -> Image.Image:
    """Frame ``index``: a bar code of the index on top, a ball moving below (over film grain
    when ``textured``, which makes JPEG bytes grow with pixels as a camera's frames do)."""
    if textured:
        image = _grain(width, height).copy()
    else:
        image = Image.new("RGB", (width, height), (40, 60, 90))
    draw = ImageDraw.Draw(image)
    band = height // 4
    block = width / BITS
    for bit in range(BITS):
        on = (index >> (BITS - 1 - bit)) & 1
        x0 = round(bit * block)
        draw.rectangle(
            (x0, 0, round((bit + 1) * block) - 1, band - 1),
            fill=(255, 255, 255) if on else (0, 0, 0),
        )
    radius = max(4, height // 10)
    cx = int((index * 7) % max(1, width - 2 * radius)) + radius
    cy = band + radius + int((height - band - 2 * radius) * (0.5 + 0.5 * math.sin(index / 5)))
    cy = min(cy, height - radius - 1)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=(250, 200, 30))
    return image


@functools.cache
def _grain(width: int, height: int) -> Image.Image:
    return Image.merge("RGB", [Image.effect_noise((width, height), 40)] * 3)


def frame_number(image: Image.Image) -> int:
    """The index drawn by :func:`draw_frame`, read from a (scaled, compressed) frame."""
    rgb = image.convert("L")
    width, height = rgb.size
    band = height / 4
    value = 0
    for bit in range(BITS):
        x = int((bit + 0.5) * width / BITS)
        y = int(band / 2)
        value = (value << 1) | (1 if rgb.getpixel((x, y)) > 128 else 0)  # type: ignore[operator]
    return value


def frame_number_of_uri(uri: str) -> int:
    header, _, payload = uri.partition(",")
    assert header == "data:image/jpeg;base64", header
    with Image.open(io.BytesIO(base64.b64decode(payload))) as im:
        return frame_number(im)


def make_clip(
    path: Path,
    *,
    seconds: float = 4.0,
    fps: int = 10,
    width: int = 320,
    height: int = 240,
    codec: str = "libx264",
    gop: int | None = None,
    container_format: str | None = None,
    rotation: int | None = None,
    textured: bool = False,
) -> Path:
    """Encode ``seconds`` of :func:`draw_frame` frames; the file's path."""
    frames = round(seconds * fps)
    with av.open(str(path), "w", format=container_format) as out:
        stream = out.add_stream(codec, rate=fps)
        stream.width = width
        stream.height = height
        stream.pix_fmt = "yuv420p"
        if gop is not None:
            stream.codec_context.gop_size = gop
        if codec == "libx264":
            stream.options = {"preset": "ultrafast"}
        if rotation is not None:
            stream.set_display_rotation(rotation)
        for index in range(frames):
            frame = av.VideoFrame.from_image(draw_frame(index, width, height, textured=textured))
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def make_audio_only(path: Path, seconds: float = 1.0) -> Path:
    """A WAV file of silence: a container with no video stream."""
    rate = 8000
    samples = int(rate * seconds)
    data = b"\x00\x00" * samples
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt "
    header += struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
    path.write_bytes(header + b"data" + struct.pack("<I", len(data)) + data)
    return path


def make_animation(path: Path, frames: int = 12, duration_ms: int = 100, fmt: str = "GIF") -> Path:
    images = [draw_frame(i, 160, 120) for i in range(frames)]
    images[0].save(path, fmt, save_all=True, append_images=images[1:], duration=duration_ms, loop=0)
    return path


def make_animation_bytes(frames: int = 12, duration_ms: int = 100, fmt: str = "GIF") -> bytes:
    """An animation's encoded bytes (what a browser drags, or puts on the clipboard)."""
    images = [draw_frame(i, 160, 120) for i in range(frames)]
    out = io.BytesIO()
    images[0].save(out, fmt, save_all=True, append_images=images[1:], duration=duration_ms, loop=0)
    return out.getvalue()


def make_undecodable(path: Path, seconds: float = 2.0) -> Path:
    """A well-formed container FFmpeg demuxes whose video it cannot decode, by ``path``'s suffix:

    - ``.mkv``: the track's CodecID rewritten to one no one knows (``V_QWERTY/XX/ZZZ``);
    - ``.mp4`` / ``.mov``: the sample entry ``avc1`` relabelled ``evc1`` (MPEG-5 EVC, which
      FFmpeg names but PyAV's build has no decoder for).

    The H.264 inside is untouched: only the label says what it is, as with a clip in a codec this
    FFmpeg lacks.
    """
    suffix = path.suffix.lower()
    made = make_clip(path.with_name(f"source-of-{path.stem}{suffix}"), seconds=seconds)
    data = made.read_bytes()
    made.unlink()
    if suffix == ".mkv":
        label, unknown = b"V_MPEG4/ISO/AVC", b"V_QWERTY/XX/ZZZ"  # the same length: sizes hold
    elif suffix in (".mp4", ".mov"):
        label, unknown = b"avc1", b"evc1"
    else:
        raise ValueError(f"no undecodable recipe for {suffix!r}")
    if label not in data:
        raise AssertionError(f"{label!r} not found in the clip PyAV wrote")
    path.write_bytes(data.replace(label, unknown))
    return path


def expected_frames(duration: float, count: int, fps: float, gop: int | None = None) -> list[int]:
    """The frame indices the plan's times select: the first frame at or after each slot's middle
    (within half a frame) — or, for frames a second or more apart, a keyframe (every ``gop``
    frames) within a quarter of their spacing (core/video/frames.py, ``_snap_tolerance``)."""
    spacing = duration / count
    tolerance = min(0.25 * spacing, 0.5) if spacing >= 1.0 else 0.0
    frames = []
    for k in range(count):
        target = (k + 0.5) * spacing
        if gop and tolerance:
            key = math.ceil((target - tolerance) * fps / gop - 1e-9) * gop
            if key / fps <= target + tolerance and key < duration * fps:
                frames.append(key)
                continue
        frames.append(math.ceil(target * fps - 0.5 - 1e-9))
    return frames
