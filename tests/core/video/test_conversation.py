"""Videos in the conversation model and the request: order kept among images, parts as documented.

GIVEN a question with images and videos in some order, WHEN its request is built (now and as
history for a follow-up), THEN the parts come in that order, a clip as
``{"type":"video","video":[…],"fps":N}`` and a link as ``{"type":"video_url",…,"fps":N}``.
"""

from __future__ import annotations

from pathlib import Path

from qwenvl_desktop.core.conversation.model import Conversation, PlacedVideo
from qwenvl_desktop.core.protocol.catalog import ModelInfo
from qwenvl_desktop.core.protocol.request import ImageInput, build_body, chat_request
from qwenvl_desktop.core.video import prepare_video
from tests.support.video_clips import frame_number_of_uri

from ..history.builders import answer, attachment


def test_images_and_videos_keep_their_order(mp4_clip: Path, qwen3: ModelInfo) -> None:
    clip = prepare_video(mp4_clip, model=qwen3, fps=1)
    link = prepare_video("https://example.com/a.mp4", model=qwen3, fps=2)
    first, second = attachment(source="a.png"), attachment(source="b.png")
    conversation = Conversation()
    exchange = conversation.ask(
        "What happens?", [clip, first, link, second], model="qwen3-vl-plus", region="intl"
    )
    # images stay numbered as before; each video knows its place
    assert exchange.attachments == [first, second]
    assert exchange.videos == [PlacedVideo(clip, 0), PlacedVideo(link, 1)]
    body = build_body(chat_request("qwen3-vl-plus", conversation.turns_for(exchange)), qwen3)
    parts = body["messages"][-1]["content"]
    assert [p["type"] for p in parts] == ["text", "video", "image_url", "video_url", "image_url"]
    video = parts[1]
    assert set(video) == {"type", "video", "fps"} and video["fps"] == 1.0
    assert [frame_number_of_uri(u) for u in video["video"]] == [5, 15, 25, 35, 45, 55]
    assert parts[3] == {
        "type": "video_url",
        "video_url": {"url": "https://example.com/a.mp4"},
        "fps": 2.0,
    }
    assert exchange.video_tokens_estimate == clip.estimated_tokens


def test_a_follow_up_resends_the_earlier_video(mp4_clip: Path, qwen3: ModelInfo) -> None:
    clip = prepare_video(mp4_clip, model=qwen3, fps=1)
    conversation = Conversation()
    first = conversation.ask("Describe", [clip], model="m", region="intl")
    answer(first, "A ball bounces.")
    follow_up = conversation.ask("When does it stop?", [], model="m", region="intl")
    turns = conversation.turns_for(follow_up)
    assert [t.role for t in turns] == ["user", "assistant", "user"]
    assert turns[0].images == (clip.to_video_input(),)
    assert turns[2].images == ()


def test_a_video_never_switches_on_high_resolution(mp4_clip: Path, qwen3: ModelInfo) -> None:
    clip = prepare_video(mp4_clip, model=qwen3, fps=1)
    conversation = Conversation()
    exchange = conversation.ask("Q", [clip], model="qwen3-vl-plus", region="intl")
    body = build_body(chat_request("qwen3-vl-plus", conversation.turns_for(exchange)), qwen3)
    assert "vl_high_resolution_images" not in body
    high = ImageInput("data:image/png;base64,AAAA", high_resolution=True)
    assert high.high_resolution and not clip.to_video_input().high_resolution
