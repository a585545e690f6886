"""Reading a paste, and watch mode, in one process (offscreen Qt). The Qt-free rules they rely
on are tested in ``test_clipboard_rules``."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.images import prepare_attachment
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.platform.clipboard import (
    ClipboardWatcher,
    clipboard_payload,
    drop_sources,
    image_digest,
    rgba_digest,
)

pytestmark = pytest.mark.gui


def checker(
    width: int = 40,
    height: int = 30,
    *,
    fmt: QImage.Format = QImage.Format.Format_ARGB32,
    colour: tuple[int, int, int] = (200, 30, 60),
) -> QImage:
    """A two-colour image; ``colour`` paints the even squares."""
    image = QImage(width, height, fmt)
    for y in range(height):
        for x in range(width):
            even = (x // 5 + y // 5) % 2 == 0
            image.setPixelColor(x, y, QColor(*colour) if even else QColor(10, 220, 90))
    return image


# Pixel hashes ------------------------------------------------------------------------------------


def test_digest_is_the_same_for_the_same_pixels_in_any_format() -> None:
    argb = checker()
    rgb32 = argb.convertToFormat(QImage.Format.Format_RGB32)
    rgb888 = argb.convertToFormat(QImage.Format.Format_RGB888)
    pil = Image.frombytes("RGB", (40, 30), bytes(rgb888.constBits())[: 40 * 30 * 3])
    pil_digest = rgba_digest(40, 30, pil.convert("RGBA").tobytes(), 160)
    assert image_digest(argb) == image_digest(rgb32) == image_digest(rgb888) == pil_digest
    assert image_digest(argb) != image_digest(checker(colour=(201, 30, 60)))


# Reading a paste ---------------------------------------------------------------------------------


def test_payload_of_image_data_is_lossless_png_with_pixel_ratio(qapp: QGuiApplication) -> None:
    image = checker()
    image.setDevicePixelRatio(2.0)
    mime = QMimeData()
    mime.setImageData(image)

    payload = clipboard_payload(mime)

    assert len(payload.images) == 1
    pasted = payload.images[0]
    assert pasted.png.startswith(b"\x89PNG\r\n\x1a\n")
    assert pasted.size == (40, 30)
    assert pasted.device_pixel_ratio == 2.0
    assert pasted.logical_size == (20, 15)
    decoded = QImage.fromData(pasted.png)
    assert image_digest(decoded) == image_digest(image) == pasted.digest
    assert payload.attachable() == [(pasted.png, "pasted image")]


def test_payload_image_goes_through_the_image_pipeline(qapp: QGuiApplication) -> None:
    mime = QMimeData()
    mime.setImageData(checker(64, 48))
    source, label = clipboard_payload(mime).attachable()[0]
    attachment = prepare_attachment(
        source, model=load_catalog().model("qwen3-vl-plus"), label=label
    )
    assert attachment.kind == "data"
    assert attachment.original_size == (64, 48)
    assert attachment.source == "pasted image"


def test_payload_of_encoded_image_bytes_only(qapp: QGuiApplication) -> None:
    # Some programs offer only raw encoded bytes under an image/* type, no Qt image.
    image = checker()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    mime = QMimeData()
    mime.setData("image/x-custom-not-qt", b"junk")
    mime.setData("image/png", array)
    payload = clipboard_payload(mime)
    assert [i.digest for i in payload.images] == [image_digest(image)]


def encoded(image: QImage, fmt: str) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(array.data())


@pytest.mark.parametrize(
    ("mime_type", "fmt"),
    [("image/png", "PNG"), ("image/jpeg", "JPEG"), ("application/octet-stream", "PNG")],
)
def test_encoded_image_bytes_reach_the_pipeline_as_they_came(
    qapp: QGuiApplication, mime_type: str, fmt: str
) -> None:
    # GIVEN a browser drop carrying the image's encoded bytes (typed, or as untyped bytes)
    data = encoded(checker(), fmt)
    mime = QMimeData()
    mime.setData(mime_type, data)
    mime.setUrls([QUrl("https://images.example/cats/tabby.png")])

    # WHEN the drop is read
    sources, problems = drop_sources(mime)

    # THEN those very bytes are the source, named by the link; no pixels were decoded for it
    assert sources == [(data, "tabby.png")] and problems == []
    (image,) = clipboard_payload(mime).images
    assert image.size == (40, 30) and image.format == fmt.lower()
    assert "pixels" not in vars(image)


def test_png_is_preferred_and_bytes_that_are_no_image_are_skipped(qapp: QGuiApplication) -> None:
    # GIVEN junk under an image type, untyped junk, a JPEG and a PNG of the same picture
    image = checker()
    mime = QMimeData()
    mime.setData("application/octet-stream", b"%PDF-1.7 not an image")
    mime.setData("image/x-custom-not-qt", b"junk")
    mime.setData("image/jpeg", encoded(image, "JPEG"))
    mime.setData("image/png", encoded(image, "PNG"))
    # WHEN it is read, THEN the lossless PNG is taken, as it came
    assert clipboard_payload(mime).attachable() == [(encoded(image, "PNG"), "pasted image")]

    only_junk = QMimeData()
    only_junk.setData("application/octet-stream", b"%PDF-1.7 not an image")
    assert drop_sources(only_junk)[0] == []


def test_formats_the_pipeline_is_not_handed_are_decoded_by_qt_into_png(
    qapp: QGuiApplication,
) -> None:
    # A clipboard BMP (32-bit, alpha undefined) is read the way Qt reads it, then sent as PNG.
    image = checker()
    mime = QMimeData()
    mime.setData("image/bmp", encoded(image, "BMP"))
    (source, _label), *_ = clipboard_payload(mime).attachable()
    assert isinstance(source, bytes) and source.startswith(b"\x89PNG\r\n\x1a\n")
    assert image_digest(QImage.fromData(source)) == image_digest(image)


def test_payload_of_urls_sorts_image_files_links_and_others(qapp: QGuiApplication) -> None:
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile("/home/me/shot.PNG"),
            QUrl.fromLocalFile("/home/me/report.pdf"),
            QUrl("https://example.com/cat.jpg?size=large"),
            QUrl("https://example.com/article.html"),
            QUrl("ftp://example.com/cat.png"),
        ]
    )
    payload = clipboard_payload(mime)
    assert payload.images == ()
    assert payload.image_files == ("/home/me/shot.PNG",)
    assert payload.image_urls == ("https://example.com/cat.jpg?size=large",)
    assert payload.skipped == (
        "report.pdf is not an image file.",
        "ftp://example.com/cat.png: only image files and http(s) image links can be used.",
    )
    assert payload.other_urls == ("https://example.com/article.html",)
    assert payload.attachable() == [("/home/me/shot.PNG", "/home/me/shot.PNG")]


def test_image_link_in_text_is_offered_once(qapp: QGuiApplication) -> None:
    mime = QMimeData()
    link = "https://pbs.example.com/media/Ab12?format=jpg&name=large"
    mime.setText(f"  {link}\n")
    mime.setUrls([QUrl(link)])  # browsers put it in both
    payload = clipboard_payload(mime)
    assert payload.image_urls == (link,)
    assert payload.attachable() == []  # links are offered, not attached
    assert not payload.is_empty


@pytest.mark.parametrize(
    "text",
    [
        "see https://example.com/cat.png for details",  # a sentence, not a link
        "https://example.com/page",  # not an image
        "just words",
        "",
    ],
)
def test_text_that_is_not_an_image_link_is_left_to_the_text_box(
    qapp: QGuiApplication, text: str
) -> None:
    mime = QMimeData()
    mime.setText(text)
    assert clipboard_payload(mime).is_empty


def test_image_data_wins_over_its_own_link(qapp: QGuiApplication) -> None:
    mime = QMimeData()
    mime.setImageData(checker())
    mime.setText("https://example.com/cat.png")
    payload = clipboard_payload(mime)
    assert len(payload.attachable()) == 1
    assert isinstance(payload.attachable()[0][0], bytes)


def test_empty_or_missing_mime_data(qapp: QGuiApplication) -> None:
    assert clipboard_payload(None).is_empty
    assert clipboard_payload(QMimeData()).is_empty


# Drops on the image pane: the same reader, links attached --------------------------------------


def test_drop_of_browser_image_bytes_is_named_by_its_link(qapp: QGuiApplication) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://images.example/cats/tabby.png")])
    mime.setImageData(checker())
    (source, label), *rest = drop_sources(mime)[0]
    assert rest == []
    assert isinstance(source, bytes) and label == "tabby.png"


def test_drop_of_links_attaches_them_image_links_first(qapp: QGuiApplication) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://cdn.example/media/ab12"), QUrl("https://example.com/dog.jpg")])
    assert drop_sources(mime) == (
        [("https://example.com/dog.jpg", None), ("https://cdn.example/media/ab12", None)],
        [],
    )
    only_other = QMimeData()
    only_other.setUrls([QUrl("https://cdn.example/media/ab12")])
    assert drop_sources(only_other) == ([("https://cdn.example/media/ab12", None)], [])


@pytest.mark.parametrize(
    ("fill", "sentence"),
    [
        (lambda m: m.setText("just words"), "That was text, not an image or a link to one."),
        (lambda m: m.setData("application/x-unknown", b"1"), "Nothing in that was an image"),
        (lambda m: m.setUrls([QUrl.fromLocalFile("/tmp/notes.txt")]), "notes.txt is not an image"),
    ],
)
def test_drop_of_nothing_usable_says_why(qapp: QGuiApplication, fill, sentence: str) -> None:
    mime = QMimeData()
    fill(mime)
    sources, problems = drop_sources(mime)
    assert sources == []
    assert len(problems) == 1 and problems[0].startswith(sentence)


def test_drop_of_a_data_uri_text(qapp: QGuiApplication) -> None:
    mime = QMimeData()
    mime.setText("data:image/png;base64,iVBORw0KGgo=")
    assert drop_sources(mime)[0] == [("data:image/png;base64,iVBORw0KGgo=", None)]


# Watch mode --------------------------------------------------------------------------------------


@pytest.fixture
def watcher(qapp: QGuiApplication):
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    watcher = ClipboardWatcher(settle_ms=10)
    captured: list[bytes] = []
    watcher.imageCaptured.connect(captured.append)
    watcher.captured = captured  # type: ignore[attr-defined]
    yield watcher
    watcher.set_enabled(False)
    clipboard.clear()


def settle(qtbot: QtBot) -> None:
    qtbot.wait(60)


def test_watch_mode_emits_each_new_image_once(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    clipboard = QGuiApplication.clipboard()
    # GIVEN watch mode on
    watcher.set_enabled(True)
    a, b = checker(), checker(colour=(0, 0, 255))

    # WHEN an image is copied, then the same pixels again (another format), then another image
    with qtbot.waitSignal(watcher.imageCaptured, timeout=2000):
        clipboard.setImage(a)
    clipboard.setImage(a.convertToFormat(QImage.Format.Format_RGB32))
    settle(qtbot)
    with qtbot.waitSignal(watcher.imageCaptured, timeout=2000):
        clipboard.setImage(b)
    clipboard.setImage(a)  # seen before
    settle(qtbot)

    # THEN exactly two PNGs came out, with A's and B's pixels
    digests = [image_digest(QImage.fromData(png)) for png in watcher.captured]
    assert digests == [image_digest(a), image_digest(b)]


def test_watch_mode_is_off_by_default_and_ignores_what_was_there(
    qtbot: QtBot, watcher: ClipboardWatcher
) -> None:
    clipboard = QGuiApplication.clipboard()
    assert not watcher.is_enabled()
    clipboard.setImage(checker())
    settle(qtbot)
    assert watcher.captured == []

    # Turning it on takes the current image as seen; text is never captured.
    with qtbot.waitSignal(watcher.enabledChanged, timeout=1000) as blocker:
        watcher.set_enabled(True)
    assert blocker.args == [True]
    clipboard.setText("hello")
    settle(qtbot)
    clipboard.setImage(checker())
    settle(qtbot)
    assert watcher.captured == []

    # forget() makes the same picture new again.
    watcher.forget()
    with qtbot.waitSignal(watcher.imageCaptured, timeout=2000):
        clipboard.setImage(checker())


def test_watch_mode_off_stops_capturing(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    watcher.set_enabled(True)
    watcher.set_enabled(False)
    QGuiApplication.clipboard().setImage(checker(colour=(1, 2, 3)))
    settle(qtbot)
    assert watcher.captured == []


def test_watch_mode_passes_a_copied_png_on_and_knows_its_pixels_in_any_encoding(
    qtbot: QtBot, watcher: ClipboardWatcher
) -> None:
    clipboard = QGuiApplication.clipboard()
    # GIVEN watch mode on
    watcher.set_enabled(True)
    image = checker(colour=(9, 99, 199))
    png = encoded(image, "PNG")
    as_png = QMimeData()
    as_png.setData("image/png", png)

    # WHEN another program copies the picture as PNG bytes, then the same pixels as an image
    with qtbot.waitSignal(watcher.imageCaptured, timeout=2000) as blocker:
        clipboard.setMimeData(as_png)
    clipboard.setImage(image)
    settle(qtbot)

    # THEN the PNG went out as it came, once: the second copy has the same pixels
    assert blocker.args == [png]
    assert watcher.captured == [png]


def test_png_is_the_copied_pixels(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    watcher.set_enabled(True)
    image = checker(33, 17, fmt=QImage.Format.Format_RGB888)
    with qtbot.waitSignal(watcher.imageCaptured, timeout=2000) as blocker:
        QGuiApplication.clipboard().setImage(image)
    png: bytes = blocker.args[0]
    decoded = QImage.fromData(png)
    assert (decoded.width(), decoded.height()) == (33, 17)
    assert image_digest(decoded) == image_digest(image)
