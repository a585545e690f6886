"""Bad input never crashes or hangs: each case raises its own ImageError with its own sentence.

The sentences are asserted in full where they are short, because they are the interface the user
sees (in the window and as ``ask``'s exit-2 message).
"""

from __future__ import annotations

import asyncio
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from qwenvl_desktop.core.images import (
    AspectRatioError,
    BadPathError,
    BrokenLinkError,
    CorruptImageError,
    EmptyImageError,
    ImageError,
    ImageNotFoundError,
    ImageTooLargeError,
    NotAFileError,
    NotAnImageError,
    UnreadableFileError,
    UnsupportedFormatError,
    UnsupportedSourceError,
    prepare_attachment,
    prepare_attachment_async,
)
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from tests.core.images.corpus import check_sent, jpeg_bytes, photo, png_claiming

ROOT = Path(__file__).resolve().parents[3]
MakeFile = Callable[[str, bytes], Path]


@pytest.fixture
def make_file(tmp_path: Path) -> MakeFile:
    def make(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


def refused_in_child(path: Path, *, wrapper: tuple[str, ...] = (), preamble: str = "") -> str:
    """``Type sentence`` of the ImageError that preparing ``path`` raises in a fresh interpreter."""
    code = (
        f"{preamble}\n"
        "import sys\n"
        "from qwenvl_desktop.core.images import prepare_attachment, ImageError\n"
        "from qwenvl_desktop.core.protocol import load_catalog\n"
        "try:\n"
        "    prepare_attachment(sys.argv[1], model=load_catalog().model('qwen3-vl-plus'))\n"
        "except ImageError as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    result = subprocess.run(
        [*wrapper, sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if wrapper and wrapper[0] in result.stderr:
        pytest.skip(f"{wrapper[0]} cannot run here: {result.stderr.strip()}")
    return result.stdout.strip()


def refused(source: object, model: ModelInfo, error: type[ImageError]) -> ImageError:
    with pytest.raises(error) as caught:
        prepare_attachment(source, model=model)  # type: ignore[arg-type]
    assert caught.value.kind == "image"
    return caught.value


def test_zero_byte_file(make_file: MakeFile, qwen3: ModelInfo) -> None:
    path = make_file("empty.png", b"")
    error = refused(path, qwen3, EmptyImageError)
    assert str(error) == f"{path} is empty (0 bytes)."
    assert error.source == str(path)


def test_zero_bytes_of_data(qwen3: ModelInfo) -> None:
    assert str(refused(b"", qwen3, EmptyImageError)) == "dropped image is empty (0 bytes)."


def test_zero_pixel_image(qwen3: ModelInfo) -> None:
    error = refused(Image.new("RGB", (0, 0)), qwen3, EmptyImageError)
    assert str(error) == "pasted image has no pixels (0×0)."


def test_truncated_jpeg(make_file: MakeFile, qwen3: ModelInfo) -> None:
    data = jpeg_bytes(photo((640, 480)), quality=90)
    path = make_file("cut.jpg", data[: len(data) // 2])
    error = refused(path, qwen3, CorruptImageError)
    expected = f"{path} is truncated or damaged: its image data cannot be decoded"
    assert str(error).startswith(expected)


def test_truncated_png(make_file: MakeFile, qwen3: ModelInfo) -> None:
    buffer = io.BytesIO()
    photo((300, 200)).save(buffer, "PNG")
    path = make_file("cut.png", buffer.getvalue()[:5000])
    assert "truncated or damaged" in str(refused(path, qwen3, CorruptImageError))


def test_text_named_png(make_file: MakeFile, qwen3: ModelInfo) -> None:
    path = make_file("notes.png", "Shopping list: milk, eggs, café\n".encode())
    error = refused(path, qwen3, NotAnImageError)
    assert str(error) == f"{path} contains text, not image data despite its .png name."


def test_binary_junk_named_jpg(make_file: MakeFile, qwen3: ModelInfo) -> None:
    path = make_file("junk.jpg", bytes(range(256)) * 8)
    error = refused(path, qwen3, NotAnImageError)
    assert str(error) == (
        f"{path} is not in an image format this app can read despite its .jpg name."
    )


def test_damaged_png_header(make_file: MakeFile, qwen3: ModelInfo) -> None:
    path = make_file("broken.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    assert "damaged" in str(refused(path, qwen3, CorruptImageError))


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", NotAnImageError, "is a PDF document"),
        # Pillow would hand this to Ghostscript; it is refused before that.
        (
            b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 64 64\n",
            UnsupportedFormatError,
            "is a PostScript/EPS file",
        ),
        (
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
            UnsupportedFormatError,
            "is an SVG drawing",
        ),
        (b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41" + b"\0" * 64, NotAnImageError, "video"),
    ],
)
def test_documents_drawings_and_videos_are_named(
    make_file: MakeFile,
    qwen3: ModelInfo,
    data: bytes,
    error: type[ImageError],
    words: str,
) -> None:
    path = make_file("attachment.png", data)
    assert words in str(refused(path, qwen3, error))


def test_decompression_bomb_header(make_file: MakeFile, qwen3: ModelInfo) -> None:
    # 100,000 × 100,000 claimed in 80 bytes: refused before any pixel is allocated.
    path = make_file("bomb.png", png_claiming(100_000, 100_000))
    error = refused(path, qwen3, ImageTooLargeError)
    assert str(error) == (
        f"{path} claims 10,000 megapixels, more than the 179-megapixel safety limit for one image "
        "(Pillow's decompression-bomb limit), so it is not decoded. Reduce it in an image editor "
        "first."
    )


def test_decompression_bomb_follows_pillows_limit(
    monkeypatch: pytest.MonkeyPatch, qwen3: ModelInfo
) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    data = jpeg_bytes(Image.new("RGB", (64, 64), "white"))
    assert "megapixel safety limit" in str(refused(data, qwen3, ImageTooLargeError))


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_hundred_megapixel_png_is_reduced(tmp_path: Path, qwen3: ModelInfo) -> None:
    # Decision: images up to Pillow's hard limit (2 × MAX_IMAGE_PIXELS ≈ 179 MP) are accepted
    # and reduced to the budget. A PNG must be decoded at full size once (here 100 MB of grey);
    # such decodes run one at a time, so several cannot pile up.
    path = tmp_path / "scan.png"
    Image.new("L", (10_000, 10_000), 200).save(path, compress_level=1)
    attachment = prepare_attachment(path, model=qwen3)
    sent = check_sent(attachment, qwen3)
    # 2,621,440 px: beta = 6.1763 → 1619.1 → 1600 on the 32-px grid.
    assert sent.image.size == (1600, 1600)
    assert sent.image.convert("L").getpixel((500, 500)) == 200
    assert "reduced from 10000×10000 px to the 2,560-token budget" in attachment.notes


def test_hundred_megapixel_jpeg_is_decoded_at_reduced_scale(
    tmp_path: Path, qwen3: ModelInfo
) -> None:
    path = tmp_path / "panorama.jpg"
    Image.new("L", (20_000, 5_000), 90).save(path, quality=80)
    # Peak memory of the whole preparation, in a fresh interpreter: full decoding alone would
    # need 100 MB; the reduced-scale decode (one quarter: 5000×1250, the smallest scale still
    # wider than the 3232 px sent) needs about 6 MB.
    code = (
        "import resource, sys\n"
        "from qwenvl_desktop.core.images import prepare_attachment\n"
        "from qwenvl_desktop.core.protocol import load_catalog\n"
        "model = load_catalog().model('qwen3-vl-plus')\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "a = prepare_attachment(sys.argv[1], model=model)\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(a.sent_size[0], a.sent_size[1], (after - before) // 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    width, height, grown_mb = map(int, out)
    # 2,621,440 px: beta = 6.1763; 809.5 → 800, 3238.2 → 3232.
    assert (width, height) == (3232, 800)
    assert grown_mb < 40


def test_directory(tmp_path: Path, qwen3: ModelInfo) -> None:
    error = refused(tmp_path, qwen3, NotAFileError)
    assert str(error) == f"{tmp_path} is a folder, not an image file."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_does_not_block(tmp_path: Path, qwen3: ModelInfo) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    error = refused(fifo, qwen3, NotAFileError)
    assert str(error) == (
        f"{fifo} is not a regular file (a device, pipe or socket); only image files can be "
        "attached."
    )


def test_missing_file(tmp_path: Path, qwen3: ModelInfo) -> None:
    path = tmp_path / "gone.jpg"
    assert str(refused(path, qwen3, ImageNotFoundError)) == f"{path}: no such file."


def test_broken_symlink(tmp_path: Path, qwen3: ModelInfo) -> None:
    link = tmp_path / "photo.jpg"
    link.symlink_to(tmp_path / "deleted.jpg")
    error = refused(link, qwen3, BrokenLinkError)
    assert str(error) == (
        f"{link} is a symbolic link to {tmp_path / 'deleted.jpg'}, which does not exist."
    )


def test_symlink_loop(tmp_path: Path, qwen3: ModelInfo) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    a.symlink_to(b)
    b.symlink_to(a)
    assert str(refused(a, qwen3, BrokenLinkError)) == f"{a} is a loop of symbolic links."


def _unreadable_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.png"
    path.write_bytes(jpeg_bytes(Image.new("RGB", (64, 64))))
    path.chmod(0)
    return path


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path, qwen3: ModelInfo) -> None:
    path = _unreadable_file(tmp_path)
    error = refused(path, qwen3, UnreadableFileError)
    assert str(error) == f"{path} cannot be read: permission denied."


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to drop the capability to read any file",
)
def test_unreadable_file_as_root_without_dac_override(tmp_path: Path) -> None:
    # Root passes permission checks through CAP_DAC_OVERRIDE; a child without it does not.
    path = _unreadable_file(tmp_path)
    drop = ("setpriv", "--bounding-set=-dac_override,-dac_read_search")
    assert refused_in_child(path, wrapper=drop) == (
        f"UnreadableFileError {path} cannot be read: permission denied."
    )


def test_name_too_long(tmp_path: Path, qwen3: ModelInfo) -> None:
    path = tmp_path / ("x" * 300 + ".png")
    error = refused(path, qwen3, BadPathError)
    assert "the path is too long for this system" in str(error)
    assert "its longest name has 304, where most systems allow 255" in str(error)
    assert len(str(error)) < 300  # the message shortens the path in the middle
    assert error.source == str(path)


def test_long_but_valid_path(tmp_path: Path, qwen3: ModelInfo) -> None:
    deep = tmp_path.joinpath(*["d" * 200] * 18)  # ≈ 3,600 characters, under PATH_MAX
    deep.mkdir(parents=True)
    path = deep / "image.png"
    Image.new("RGB", (64, 64), "teal").save(path)
    attachment = prepare_attachment(path, model=qwen3)
    check_sent(attachment, qwen3)
    assert attachment.source == str(path)


def test_non_utf8_path(tmp_path: Path, qwen3: ModelInfo) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.png"
    with open(raw, "wb") as handle:
        Image.new("RGB", (64, 64), "olive").save(handle, "PNG")
    as_text = os.fsdecode(raw)
    for source in (as_text, Path(as_text)):
        attachment = prepare_attachment(source, model=qwen3)
        check_sent(attachment, qwen3)
        assert attachment.source == f"{tmp_path}/caf\\xe9.png"
        attachment.source.encode("utf-8")  # printable, JSON-able, showable
    from_uri = prepare_attachment(Path(as_text).as_uri(), model=qwen3)  # file:///…/caf%E9.png
    assert from_uri.url == attachment.url
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/\xff\xfe.png")
    error = refused(missing, qwen3, ImageNotFoundError)
    assert str(error) == f"{tmp_path}/\\xff\\xfe.png: no such file."


def test_nul_and_empty_paths(qwen3: ModelInfo) -> None:
    assert "NUL character" in str(refused("a\0b.png", qwen3, BadPathError))
    assert str(refused("", qwen3, BadPathError)) == "No file name was given."


def test_a_path_the_file_system_cannot_encode_is_named_so(qwen3: ModelInfo) -> None:
    # GIVEN a lone surrogate, which no file system encoding can write (UnicodeEncodeError)
    # WHEN it is attached THEN the sentence says so (it used to say "NUL character")
    error = refused("a\ud800b.png", qwen3, BadPathError)
    assert "characters this system cannot use in a file name" in str(error)


def test_unsupported_links(qwen3: ModelInfo) -> None:
    error = refused("ftp://example.com/a.png", qwen3, UnsupportedSourceError)
    assert str(error) == "ftp:// links cannot be attached; use an http(s) link or a local file."
    error = refused("https:///a.png", qwen3, UnsupportedSourceError)
    assert str(error) == "https:///a.png is not a usable link: it names no host."


def test_bad_data_uris(qwen3: ModelInfo) -> None:
    assert "without base64" in str(refused("data:image/svg+xml,<svg/>", qwen3, NotAnImageError))
    assert "contains text" in str(
        refused("data:image/png;base64,aGVsbG8gd29ybGQ=", qwen3, NotAnImageError)
    )


def test_too_long_and_thin(make_file: MakeFile, qwen3: ModelInfo) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (1, 300), "black").save(buffer, "PNG")
    path = make_file("line.png", buffer.getvalue())
    error = refused(path, qwen3, AspectRatioError)
    assert str(error) == (
        f"{path} is 1×300 px: its aspect ratio of 300:1 is beyond the 200:1 the service accepts. "
        "Crop it into shorter pieces."
    )


def test_heic_without_its_decoder(make_file: MakeFile, qwen3: ModelInfo) -> None:
    # The start of a HEIC file; in a child where pillow-heif cannot be imported.
    path = make_file("IMG_0001.HEIC", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 200)
    blocked = "import sys; sys.modules['pillow_heif'] = None  # as if the extra were not installed"
    assert refused_in_child(path, preamble=blocked) == (
        f"UnsupportedFormatError {path} is a HEIC/HEIF image, and the HEIC decoder is not "
        "installed. Install it with: pip install 'qwenvl-desktop[heic]'"
    )
    # With the decoder installed the same bytes are a damaged HEIC, still a sentence.
    with pytest.raises(ImageError):
        prepare_attachment(path, model=qwen3)


def test_bad_inputs_do_not_affect_the_rest_of_a_turn(
    corpus: dict[str, Path], tmp_path: Path, qwen3: ModelInfo
) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    sources: list[object] = [
        corpus["photo.jpg"],
        tmp_path / "empty.png",
        corpus["screenshot.png"],
        png_claiming(100_000, 100_000),
        tmp_path,
        "https://example.com/a.png",
    ]

    async def turn() -> list[object]:
        return await asyncio.gather(
            *(prepare_attachment_async(s, model=qwen3) for s in sources),  # type: ignore[arg-type]
            return_exceptions=True,
        )

    results = asyncio.run(turn())
    kinds = [type(r).__name__ for r in results]
    assert kinds == [
        "Attachment",
        "EmptyImageError",
        "Attachment",
        "ImageTooLargeError",
        "NotAFileError",
        "Attachment",
    ]


_valid_png = io.BytesIO()
photo((96, 64)).save(_valid_png, "PNG")
_valid_jpeg = jpeg_bytes(photo((96, 64)), quality=80)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    base=st.sampled_from([_valid_png.getvalue(), _valid_jpeg]),
    cut=st.integers(min_value=1, max_value=4000),
    flips=st.lists(st.tuples(st.integers(100, 3999), st.integers(0, 255)), max_size=6),
)
def test_damaged_bytes_never_escape_as_other_errors(
    qwen3: ModelInfo, base: bytes, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(base[:cut])
    for position, value in flips:
        if position < len(data):
            data[position] = value
    try:
        attachment = prepare_attachment(bytes(data), model=qwen3)
    except ImageError as error:
        assert str(error)
    else:
        check_sent(attachment, qwen3)
