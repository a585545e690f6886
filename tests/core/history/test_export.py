"""Exports: Markdown with image files, and JSON read back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.history import (
    ExportFormatError,
    from_json,
    to_json,
    to_markdown,
)
from qwenvl_desktop.core.history.export import JSON_FORMAT
from qwenvl_desktop.core.protocol.errors import RateLimitError

from .builders import answer, attachment, noise_jpeg, png_bytes, url_attachment

PNG = png_bytes(seed=3)
JPEG = noise_jpeg(64, 48)


def sample_conversation() -> Conversation:
    """Four turns covering images (file, link, repeated), reasoning, usage and each ending."""
    conversation = Conversation(system="Answer in English.")
    photo = attachment(PNG, source="/home/me/private/photo.png")
    scan = attachment(JPEG, mime="image/jpeg", source="/home/me/scan.jpg")
    first = conversation.ask(
        "What is in these?", [photo, scan, url_attachment()], model="qvq-max", region="intl"
    )
    answer(first, "A cat and a receipt.", reasoning="The first image shows fur.")
    first.first_token_seconds = 1.25
    second = conversation.ask("And the total?", [], model="qwen3-vl-plus", region="intl")
    second.begin()
    second.fail(RateLimitError(status=429, code="Throttling.RateQuota", request_id="req-9"))
    third = conversation.ask("Try again", [], model="qwen3-vl-plus", region="intl")
    answer(third, "The total is", finish=False)
    third.state = "incomplete"
    fourth = conversation.ask("Same photo again", [photo], model="qwen3-vl-plus", region="intl")
    answer(fourth, "Still a cat.")
    return conversation


# ---- Markdown ---------------------------------------------------------------------------------


def test_markdown_export_writes_the_images_beside_it(tmp_path: Path) -> None:
    # GIVEN a conversation with images, reasoning, usage, a failure and an incomplete reply
    conversation = sample_conversation()
    folder = tmp_path / "export"
    # WHEN it is exported to Markdown
    path = to_markdown(conversation, folder)
    # THEN conversation.md and one file per distinct image are in the folder
    assert path == folder / "conversation.md"
    assert sorted(p.name for p in folder.iterdir()) == [
        "conversation.md",
        "image-001-1.png",
        "image-001-2.jpg",
    ]
    assert (folder / "image-001-1.png").read_bytes() == PNG
    assert (folder / "image-001-2.jpg").read_bytes() == JPEG
    text = path.read_text(encoding="utf-8")
    # AND every local link resolves relative to the file; the repeated photo reuses its file
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert links == [
        "image-001-1.png",
        "image-001-2.jpg",
        "<https://example.com/cat.jpg>",
        "image-001-1.png",
    ]
    assert all((folder / link).is_file() for link in links if not link.startswith("<"))
    # AND only file names, not the user's folders, appear
    assert "![photo.png](image-001-1.png)" in text and "/home/me" not in text
    # AND reasoning is collapsible, usage is shown, and each ending is said
    assert (
        "<details>\n<summary>Reasoning</summary>\n\nThe first image shows fur.\n\n</details>"
        in text
    )
    assert (
        "Usage: 1,300 prompt tokens (1,250 for images) · 40 completion tokens (20 reasoning)"
        " · 1,340 total · first token after 1.2 s"
    ) in text
    assert "> **Failed:** " in text and "(429, Throttling.RateQuota, req-9)" in text
    assert "Incomplete: the app closed while this reply was arriving." in text
    assert text.startswith("# What is in these?\n")
    assert "> Answer in English." in text


def test_exporting_again_to_the_same_folder_replaces_the_files(tmp_path: Path) -> None:
    conversation = sample_conversation()
    to_markdown(conversation, tmp_path)
    conversation.exchanges[0].answer = "Changed answer."
    to_markdown(conversation, tmp_path)
    assert "Changed answer." in (tmp_path / "conversation.md").read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files


# ---- JSON -------------------------------------------------------------------------------------


def test_json_export_has_the_documented_shape(tmp_path: Path) -> None:
    conversation = sample_conversation()
    document = json.loads(to_json(conversation))
    assert document["format"] == JSON_FORMAT and document["version"] == 1
    assert document["title"] == "What is in these?" and document["system"] == "Answer in English."
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["created_at_utc"])
    first = document["exchanges"][0]
    assert set(first) == {
        "id", "question", "model", "region", "created_at", "state", "answer", "reasoning",
        "finish_reason", "first_token_seconds", "usage", "error", "attachments",
    }  # fmt: skip
    assert first["usage"] == {
        "prompt_tokens": 1300,
        "completion_tokens": 40,
        "total_tokens": 1340,
        "reasoning_tokens": 20,
        "image_tokens": 1250,
    }
    image = first["attachments"][0]
    assert image["url"] == conversation.exchanges[0].attachments[0].url
    assert image["url"].startswith("data:image/png;base64,")
    assert image["original_size"] == [4000, 3000] and image["kind"] == "file"
    assert document["exchanges"][1]["error"]["code"] == "Throttling.RateQuota"
    assert document["exchanges"][1]["state"] == "failed"


def test_json_export_reads_back_to_the_same_conversation() -> None:
    conversation = sample_conversation()
    text = to_json(conversation)
    again = from_json(text)
    assert to_json(again) == text
    assert again.exchanges[0].attachments == conversation.exchanges[0].attachments
    assert again.exchanges[1].error == conversation.exchanges[1].error
    assert again.id == conversation.id and again.created_at == conversation.created_at


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"format": "something-else"}',
        json.dumps({"format": JSON_FORMAT, "version": 99, "exchanges": []}),
        json.dumps({"format": JSON_FORMAT, "version": 1, "exchanges": "x"}),
        json.dumps({"format": JSON_FORMAT, "version": 1, "exchanges": [{"question": 5}]}),
    ],
)
def test_json_that_is_not_an_export_is_refused(text: str) -> None:
    with pytest.raises(ExportFormatError):
        from_json(text)
