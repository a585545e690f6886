"""Videos in the history: frames kept (deduplicated), back on reopening, in exports; old files.

GIVEN a real SQLite history, WHEN a question with a video is saved, THEN reopening gives the same
frames in the same order with their times, each distinct frame stored once across the history;
deleting frees them; JSON and Markdown exports carry them; a file written before videos existed
upgrades and keeps its conversations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.history import HistoryStore, from_json, to_json, to_markdown
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.video import VideoAttachment, prepare_video

from ..history.builders import answer, attachment, old_history_file


@pytest.fixture(scope="module")
def clip_video(mp4_clip: Path, qwen3: ModelInfo) -> VideoAttachment:
    return prepare_video(mp4_clip, model=qwen3, fps=2)


def ask_with_video(video: VideoAttachment, store: HistoryStore) -> Conversation:
    conversation = Conversation()
    image = attachment(source="photo.png")
    link = VideoAttachment("https://example.com/v.mp4", "url", 1.0, url="https://example.com/v.mp4")
    exchange = conversation.ask("What happens?", [image, video, link], model="m", region="intl")
    store.save_question(conversation, exchange)
    answer(exchange, "A ball bounces at 0:02.")
    store.save_reply(exchange)
    return conversation


def count(store: HistoryStore, table: str) -> int:
    return int(store._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_reopened_conversation_has_its_frames(db_path: Path, clip_video: VideoAttachment) -> None:
    with HistoryStore.open(db_path) as store:
        saved = ask_with_video(clip_video, store)
    with HistoryStore.open(db_path) as store:
        loaded = store.load_conversation(saved.id)
    (exchange,) = loaded.exchanges
    assert exchange.videos == saved.exchanges[0].videos
    assert exchange.media_inputs == saved.exchanges[0].media_inputs
    placed = exchange.videos[0]
    assert placed.after_images == 1 and placed.video.timestamps == clip_video.timestamps
    assert [f.sha256 for f in placed.video.frames] == [f.sha256 for f in clip_video.frames]
    assert exchange.videos[1].video.kind == "url"


def test_frames_are_stored_once_and_freed_with_their_conversations(
    db_path: Path, clip_video: VideoAttachment
) -> None:
    with HistoryStore.open(db_path) as store:
        first = ask_with_video(clip_video, store)
        images_after_one = count(store, "images")
        second = ask_with_video(clip_video, store)
        # the same frames in another conversation: rows, but no new bytes
        assert count(store, "images") == images_after_one == clip_video.frame_count + 1
        assert count(store, "video_frames") == 2 * clip_video.frame_count
        store.delete(first.id)
        store.purge_deleted()
        assert count(store, "images") == images_after_one  # still used by the second
        store.delete(second.id)
        store.purge_deleted()
        assert count(store, "images") == count(store, "video_frames") == count(store, "videos") == 0


def test_exports_carry_the_frames(
    tmp_path: Path, db_path: Path, clip_video: VideoAttachment
) -> None:
    with HistoryStore.open(db_path) as store:
        conversation = store.load_conversation(ask_with_video(clip_video, store).id)
    text = to_json(conversation)
    document = json.loads(text)
    video = document["exchanges"][0]["videos"][0]
    assert video["after_images"] == 1 and video["fps"] == 2.0 and video["kind"] == "file"
    assert len(video["frames"]) == clip_video.frame_count
    assert video["frames"][0]["url"].startswith("data:image/jpeg;base64,")
    assert from_json(text).exchanges[0].videos == conversation.exchanges[0].videos
    # Markdown: every frame written once in the video's folder, a strip shown
    page = to_markdown(conversation, tmp_path / "export").read_text()
    frames = sorted((tmp_path / "export" / "video-001-1").iterdir())
    assert len(frames) == clip_video.frame_count
    assert "12 frames sent at 2 fps" in page and "](video-001-1/frame-0001.jpg)" in page
    assert page.index("photo.png") < page.index("**Video:** clip.mp4")
    assert "https://example.com/v.mp4" in page


def test_a_file_from_before_videos_upgrades(db_path: Path) -> None:
    # GIVEN a file as version 3 of the schema left it, with a conversation
    old_history_file(db_path, 3)
    # WHEN this version opens it THEN it is upgraded, reads as before, and takes videos
    with HistoryStore.open(db_path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == 4
        loaded = store.load_conversation("c1")
        assert loaded.exchanges[0].question == "Old question" and loaded.exchanges[0].videos == []
        assert store.check_integrity() == []
