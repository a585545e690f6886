"""Reading a paste, and watch mode, in one process (offscreen Qt)."""

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
    RecentDigests,
    clipboard_payload,
    drop_sources,
    image_digest,
    looks_like_image_url,
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


# Pixel hashes (Qt-free) -------------------------------------------------------------------------


def test_digest_ignores_row_padding_but_not_size() -> None:
    pixels = bytes(range(24))  # 3×2 RGBA
    padded = pixels[:12] + b"\xff\xff\xff\xff" + pixels[12:] + b"\x00\x00\x00\x00"
    assert rgba_digest(3, 2, pixels, 12) == rgba_digest(3, 2, padded, 16)
    assert rgba_digest(3, 2, pixels, 12) != rgba_digest(2, 3, pixels, 8)
    assert rgba_digest(3, 2, pixels, 12) != rgba_digest(3, 2, bytes(24), 12)
    with pytest.raises(ValueError):
        rgba_digest(3, 2, pixels[:20], 12)


def test_digest_is_the_same_for_the_same_pixels_in_any_format() -> None:
    argb = checker()
    rgb32 = argb.convertToFormat(QImage.Format.Format_RGB32)
    rgb888 = argb.convertToFormat(QImage.Format.Format_RGB888)
    pil = Image.frombytes("RGB", (40, 30), bytes(rgb888.constBits())[: 40 * 30 * 3])
    pil_digest = rgba_digest(40, 30, pil.convert("RGBA").tobytes(), 160)
    assert image_digest(argb) == image_digest(rgb32) == image_digest(rgb888) == pil_digest
    assert image_digest(argb) != image_digest(checker(colour=(201, 30, 60)))


def test_recent_digests_forget_the_oldest() -> None:
    seen = RecentDigests(limit=2)
    assert seen.add("a") and seen.add("b")
    assert not seen.add("a")  # seen, and now the most recent
    assert seen.add("c")  # "b" was the oldest
    assert "a" in seen and "c" in seen and "b" not in seen


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


def test_image_url_recognition() -> None:
    assert looks_like_image_url("http://example.com/a/b%20c.webp")
    assert looks_like_image_url("https://cdn.example.com/x?fm=png")
    assert not looks_like_image_url("https:///nohost.png")
    assert not looks_like_image_url("file:///tmp/a.png")
    assert not looks_like_image_url("https://example.com/a.png.html")


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


def test_png_is_the_copied_pixels(qtbot: QtBot, watcher: ClipboardWatcher) -> None:
    watcher.set_enabled(True)
    image = checker(33, 17, fmt=QImage.Format.Format_RGB888)
    with qtbot.waitSignal(watcher.imageCaptured, timeout=2000) as blocker:
        QGuiApplication.clipboard().setImage(image)
    png: bytes = blocker.args[0]
    decoded = QImage.fromData(png)
    assert (decoded.width(), decoded.height()) == (33, 17)
    assert image_digest(decoded) == image_digest(image)
