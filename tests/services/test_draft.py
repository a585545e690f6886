"""The draft of a question on its own: images in, prepared, handed over on send.

GIVEN a :class:`DraftAttachments` on a real :class:`ImageIntake` (the pipeline in the executor)
WHEN images are added, fail, are removed, or the model changes THEN its items, signals and
attachments say so; and its attachments and thumbnails go out with a question unchanged.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from qwenvl_desktop.core.images import pixel_budget
from qwenvl_desktop.core.images.data_uri import split_data_uri
from qwenvl_desktop.core.protocol import ModelInfo, load_catalog
from qwenvl_desktop.services.draft import DraftAttachments
from qwenvl_desktop.services.event_loop import AppEventLoop
from qwenvl_desktop.services.image_intake import ImageIntake
from tests.gui.conftest import make_image
from tests.support.dashscope_server import LoopbackDashScope

from .conftest import ChatFactory

pytestmark = pytest.mark.gui

THUMB = 80


def model(name: str) -> ModelInfo:
    return load_catalog().model(name)


@pytest.fixture
def draft(qloop: AppEventLoop, qtbot: QtBot) -> Iterator[DraftAttachments]:
    made = DraftAttachments(ImageIntake(), model("qwen3-vl-plus"))
    made.set_thumbnail_side(lambda: THUMB)
    yield made
    closing = qloop.create_task(made.aclose())
    qtbot.waitUntil(closing.done, timeout=5000)


def settled(draft: DraftAttachments, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: draft.pending_count() == 0, timeout=10000)


def test_given_a_png_file_when_added_then_it_is_prepared_with_a_thumbnail(
    draft: DraftAttachments, qtbot: QtBot, tmp_path: Path
) -> None:
    path = make_image(tmp_path / "chart.png", (640, 400), "white")
    added: list[str] = []
    draft.itemAdded.connect(added.append)
    with qtbot.waitSignal(draft.itemPrepared, timeout=10000) as ready:
        (item_id,) = draft.add_sources([str(path)])
    assert added == [item_id] and ready.args == [item_id]

    item = draft.item(item_id)
    assert item is not None and not item.pending and item.name == "chart.png"
    assert item.prepared is not None
    (attachment,) = draft.attachments()
    assert attachment is item.prepared.attachment
    # Flat white is a "hard edges" image: lossless, WebP or PNG (whichever is smaller).
    assert attachment.original_size == (640, 400)
    assert attachment.mime in ("image/png", "image/webp")
    thumb = item.prepared.thumbnail
    assert max(thumb.width(), thumb.height()) == THUMB
    assert thumb.pixelColor(THUMB // 2, thumb.height() // 2) == QColor("white")
    assert draft.count() == 1 and draft.pending_count() == 0


def test_the_preview_shows_the_pixels_the_request_carries(
    draft: DraftAttachments, qtbot: QtBot
) -> None:
    # A left half red, right half blue PNG: lossless, so the sent bytes show exactly these.
    picture = Image.new("RGB", (300, 200), "red")
    picture.paste(Image.new("RGB", (150, 200), "blue"), (150, 0))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    draft.add_sources([(buffer.getvalue(), "halves")])
    settled(draft, qtbot)

    (item,) = draft.items()
    assert item.prepared is not None
    sent = split_data_uri(item.prepared.attachment.url)
    assert sent is not None
    with Image.open(io.BytesIO(sent.data)) as decoded:
        sent_pixels = decoded.convert("RGB")
    preview = item.prepared.preview
    assert (preview.width(), preview.height()) == sent_pixels.size
    for x, y in ((10, 10), (sent_pixels.width - 10, 10), (sent_pixels.width // 2 - 5, 100)):
        color = preview.pixelColor(x, y)
        assert (color.red(), color.green(), color.blue()) == sent_pixels.getpixel((x, y))


def test_given_a_file_that_is_not_an_image_when_added_then_a_sentence_says_so(
    draft: DraftAttachments, qtbot: QtBot, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.png"
    bogus.write_text("this is text, not a picture")
    removed: list[str] = []
    draft.itemRemoved.connect(removed.append)
    with qtbot.waitSignal(draft.problem, timeout=10000) as problem:
        (item_id,) = draft.add_sources([str(bogus)])
    sentence = str(problem.args[0])
    assert "notes.png" in sentence and not sentence.startswith("Traceback")
    assert removed == [item_id]
    assert draft.count() == 0 and draft.attachments() == []


def test_given_two_images_when_one_is_removed_then_only_the_other_remains(
    draft: DraftAttachments, qtbot: QtBot, tmp_path: Path
) -> None:
    first, second = draft.add_sources(
        [str(make_image(tmp_path / "a.png")), str(make_image(tmp_path / "b.png", color="blue"))]
    )
    with qtbot.waitSignal(draft.itemRemoved, timeout=2000) as removed:
        draft.remove(first)
    assert removed.args == [first]
    settled(draft, qtbot)
    assert [item.id for item in draft.items()] == [second]
    assert [a.source for a in draft.attachments()] == [str(tmp_path / "b.png")]
    draft.clear()
    assert draft.count() == 0 and draft.attachments() == []


def test_given_a_model_with_another_pixel_budget_when_chosen_then_images_are_prepared_again(
    draft: DraftAttachments, qtbot: QtBot, tmp_path: Path
) -> None:
    plus, same, ocr = model("qwen3-vl-plus"), model("qwen3-vl-flash"), model("qwen-vl-ocr")
    assert pixel_budget(plus) == pixel_budget(same) and pixel_budget(plus) != pixel_budget(ocr)
    draft.add_sources([str(make_image(tmp_path / "wide.jpg", (1900, 1000)))])
    settled(draft, qtbot)
    (before,) = draft.attachments()
    updating: list[str] = []
    draft.itemUpdating.connect(updating.append)

    draft.set_model(same)  # the same budget: nothing to do
    assert updating == [] and draft.pending_count() == 0 and draft.attachments() == [before]

    draft.set_model(ocr)
    assert len(updating) == 1 and draft.pending_count() == 1
    settled(draft, qtbot)
    (after,) = draft.attachments()
    assert after.max_pixels == pixel_budget(ocr).max_pixels != before.max_pixels
    assert after.sent_size != before.sent_size  # another grid: another size


def test_given_two_images_when_one_is_set_to_economy_and_one_to_high_then_only_each_changes(
    draft: DraftAttachments, qtbot: QtBot, tmp_path: Path
) -> None:
    first, second = draft.add_sources(
        [str(make_image(tmp_path / n, (3000, 2000))) for n in ("a.jpg", "b.jpg")]
    )
    settled(draft, qtbot)
    auto_a, auto_b = draft.attachments()
    assert auto_a.detail == auto_b.detail == "standard"  # new images start at Auto
    updating: list[str] = []
    draft.itemUpdating.connect(updating.append)

    draft.set_detail(first, "economy", 256)
    draft.set_detail(second, "high")
    assert updating == [first, second]
    settled(draft, qtbot)
    economy, high = draft.attachments()
    # Economy: at most 256 tokens, but image_url.max_pixels still names the default.
    assert economy.detail == "economy" and economy.estimated_tokens <= 256 + 2
    assert economy.max_pixels == auto_a.max_pixels == 2560 * 1024
    # High: the whole 3000×2000 fits 16,384 tokens, only rounded to the grid: 93.75 → 94 cells,
    # 62.5 → 62 (half to even).
    assert high.detail == "high" and high.sent_size == (3008, 1984)
    assert high.to_image_input().high_resolution and not economy.to_image_input().high_resolution
    assert draft.image_tokens() == economy.estimated_tokens + high.estimated_tokens
    assert draft.upload_bytes() == economy.upload_bytes + high.upload_bytes

    # The same detail again, or High on a model without the flag: nothing to prepare.
    draft.set_detail(second, "high")
    draft.set_model(model("qwen2.5-vl-7b-instruct"))  # every budget differs: both again
    assert updating == [first, second, first, second]
    settled(draft, qtbot)
    draft.set_detail(second, "standard")  # no flag on Qwen2.5-VL: its High already is Auto
    assert updating == [first, second, first, second]
    assert draft.attachments()[1].detail == "standard"


def test_given_ready_images_when_sent_then_attachments_and_thumbnails_go_with_the_question(
    draft: DraftAttachments,
    make_chat: ChatFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    chat = make_chat(server.base_url("echo"))
    draft.add_sources([str(make_image(tmp_path / "photo.jpg")), (make_png(), "pasted image")])
    settled(draft, qtbot)
    attachments = draft.attachments()
    made = [item.prepared.thumbnail for item in draft.items() if item.prepared is not None]
    handed: list[list[object]] = []
    # What the window does on exchangeStarted: the transcript's thumbnails come from the draft.
    chat.exchangeStarted.connect(
        lambda eid: handed.append(list(draft.thumbnails_for(chat.exchange(eid).attachments)))  # type: ignore[union-attr]
    )

    with qtbot.waitSignal(chat.exchangeFinished, timeout=10000):
        assert chat.send("What are these?", attachments)
    draft.clear()

    assert handed == [made]  # the very thumbnails the pane showed, in order
    (request,) = server.chat_requests("echo")
    parts = [p for p in request.body["messages"][-1]["content"] if p["type"] == "image_url"]
    assert [p["image_url"]["url"] for p in parts] == [a.url for a in attachments]
    assert draft.count() == 0
    exchange = chat.last_exchange()
    assert exchange is not None and draft.thumbnails_for(exchange.attachments) == []


def make_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 150), "green").save(buffer, "PNG")
    return buffer.getvalue()
