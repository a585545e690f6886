"""Videos in the window (issue 14): the filmstrip card, what is sent, times that show frames.

The real window on the loopback server, with clips encoded at run time by PyAV (each frame's
number drawn on it as a bar code, :mod:`tests.support.video_clips`, so the tests can tell which
frames were sent and which one a viewer shows).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from qwenvl_desktop.gui.main_window import MainWindow
from qwenvl_desktop.gui.video_card import VideoCard
from qwenvl_desktop.services.draft import DraftVideo
from tests.support.dashscope_server import (
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    usage_json,
)
from tests.support.video_clips import (
    frame_number,
    frame_number_of_uri,
    make_animation,
    make_animation_bytes,
    make_audio_only,
    make_clip,
    make_undecodable,
)

from .conftest import WindowFactory, drop, file_mime
from .test_window import ask, click_link, transcript_text, wait_idle

pytestmark = pytest.mark.gui

#: What the "times" scenario answers: times written three ways.
TIMES_ANSWER = "The ball is highest at 0:03, low again at 5 seconds, and gone by 1:02:03."


async def sc_times(server: LoopbackDashScope, request: RecordedRequest, reply: Reply) -> None:
    await reply.start()
    await reply.send(chunk_json({"content": "", "role": "assistant"}))
    await reply.send(chunk_json({"content": TIMES_ANSWER}))
    await reply.send(chunk_json({"content": ""}, "stop"))
    await reply.send(usage_json(900, 20))
    await reply.send(DONE)
    await reply.end()


def video_parts(body: dict) -> list[dict]:
    return [
        part
        for message in body["messages"]
        if isinstance(message["content"], list)
        for part in message["content"]
        if part["type"] in ("video", "video_url")
    ]


def only_video(window: MainWindow) -> DraftVideo:
    (video,) = window.draft.videos()
    return video


def card_of(window: MainWindow) -> VideoCard:
    card = window.image_pane.video_card(only_video(window).id)
    assert card is not None
    return card


def wait_ready(qtbot: QtBot, window: MainWindow, timeout: int = 20000) -> None:
    qtbot.waitUntil(
        lambda: (
            bool(window.draft.videos())
            and window.draft.pending_count() == 0
            and only_video(window).prepared is not None
        ),
        timeout=timeout,
    )


def wait_stopped(qtbot: QtBot, window: MainWindow) -> DraftVideo:
    qtbot.waitUntil(
        lambda: bool(window.draft.videos()) and not only_video(window).pending, timeout=20000
    )
    return only_video(window)


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    """6 s at 10 fps: 60 numbered frames; at the default 2 fps, 12 are sent."""
    return make_clip(tmp_path / "clip.mp4", seconds=6, fps=10, gop=20)


def test_a_dropped_video_is_a_filmstrip_card_and_goes_out_as_its_frames(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, clip: Path
) -> None:
    # GIVEN the window and a 6-second clip
    window = make_window("--base-url", server.base_url("echo"))
    # WHEN the clip is dropped on the image pane
    assert drop(window.image_pane, file_mime(clip))
    wait_ready(qtbot, window)
    # THEN its card shows a strip of frames, the duration, 12 frames at 2 fps and the tokens
    card = card_of(window)
    video = only_video(window).prepared
    assert video is not None
    attachment = video.attachment
    assert attachment.frame_count == 12 and attachment.fps == 2.0
    assert len(card.filmstrip.shown_indices()) == 5
    caption = card.caption.text()
    assert "0:06 · 12 frames · 2 fps" in caption
    assert f"≈{attachment.estimated_tokens:,} tokens" in caption
    assert card.fps.value() == 2.0 and not card.extracting
    assert "1 video" in window.image_pane.summary.text()

    # WHEN the question is sent
    ask(qtbot, window, "Where does the ball go?")
    wait_idle(qtbot, window)
    # THEN the request has one video item: the 12 frames in order, and the fps field
    (request,) = server.chat_requests("echo")
    (part,) = video_parts(request.body)
    assert part["type"] == "video" and part["fps"] == 2.0
    numbers = [frame_number_of_uri(uri) for uri in part["video"]]
    assert len(numbers) == 12 and numbers == sorted(numbers)
    assert numbers[0] <= 5 and numbers[-1] >= 55  # spread over the whole clip
    # AND the question's turn shows the filmstrip and what was sent; the pane is empty again
    text = transcript_text(window)
    assert "Video clip.mp4 — 0:06 · 12 frames at 2 fps" in text
    assert len(frame_links(window)) == 6
    assert window.image_pane.count() == 0


def test_the_fps_control_plans_and_extracts_again(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, clip: Path
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    window.draft.add_sources([str(clip)])
    wait_ready(qtbot, window)
    card = card_of(window)
    # WHEN the person sets 1 frame a second on the card
    card.fps.setValue(1.0)
    qtbot.waitUntil(
        lambda: (
            (p := only_video(window).prepared) is not None
            and p.attachment.frame_count == 6
            and not only_video(window).pending
        ),
        timeout=20000,
    )
    # THEN 6 frames are planned and sent at 1 fps, and the card says so
    assert "12 frames" not in card.caption.text() and "6 frames · 1 fps" in card.caption.text()
    (media,) = window.draft.media()
    assert media.fps == 1.0  # type: ignore[union-attr]


def test_unusable_videos_keep_a_card_with_a_sentence_and_nothing_is_sent(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, clip: Path, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(clip.read_bytes()[:1500])
    cases = {
        damaged: "damaged",
        (tmp_path / "notes.mov"): "not a video",
        make_audio_only(tmp_path / "sound.avi"): "no video",
        make_clip(tmp_path / "blink.mp4", seconds=0.3, fps=10): "at least 4",
        make_undecodable(tmp_path / "exotic.mkv"): "this app cannot decode",
    }
    (tmp_path / "notes.mov").write_text("this is a shopping list, not a film\n" * 20)
    for path, words in cases.items():
        # WHEN an unusable file is dropped
        drop(window.image_pane, file_mime(path))
        video = wait_stopped(qtbot, window)
        card = card_of(window)
        # THEN its card says why in one sentence (naming the file), not a traceback
        sentence = card.problem_text()
        assert video.problem == sentence and words in sentence.lower(), sentence
        assert path.name in sentence and "Traceback" not in sentence
        assert window.draft.media() == []
        # AND it is removed like an image
        card.remove.click()
        qtbot.waitUntil(lambda: window.image_pane.count() == 0)
    assert server.chat_requests("echo") == []


def test_a_time_in_the_answer_shows_the_frame_sent_nearest_it(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, clip: Path
) -> None:
    server.add_scenario("times", sc_times)
    window = make_window("--base-url", server.base_url("times"))
    window.draft.add_sources([str(clip)])
    wait_ready(qtbot, window)
    ask(qtbot, window, "When is the ball highest?")
    wait_idle(qtbot, window)
    exchange = window.controller.last_exchange()
    assert exchange is not None
    video = exchange.videos[0].video
    # THEN "0:03" and "5 seconds" are links; "1:02:03" is past the clip's end and stays text
    hrefs = {href for href, _ in frame_links(window, answer=True)}
    assert hrefs == {f"qwenvl:frame/{exchange.id}/0/3000", f"qwenvl:frame/{exchange.id}/0/5000"}
    # WHEN the person clicks "0:03"
    click_link(qtbot, window, "0:03")
    viewer = window.video_links.viewer
    qtbot.waitUntil(lambda: viewer is not None and viewer.isVisible())
    assert viewer is not None
    # THEN the viewer shows the frame sent nearest 3 s: its pixels are that frame's
    nearest = video.frame_at(3.0)
    assert nearest is not None and abs(nearest.timestamp - 3.0) <= 0.25
    assert frame_number(pil_of(viewer.picture_image())) == frame_number_of_uri(nearest.url)
    assert "0:03" in viewer.caption.text()
    # AND its filmstrip frames open the same viewer at their own frame
    viewer.show_index(0)
    assert viewer.index == 0 and viewer.next.isEnabled() and not viewer.previous.isEnabled()


def test_cancelling_an_extraction_stops_it_and_another_fps_starts_again(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    # GIVEN a 30-second clip (60 frames at 2 fps) whose extraction is cancelled at its first frame
    long_clip = make_clip(tmp_path / "long.mp4", seconds=30, fps=10, gop=10)
    window = make_window("--base-url", server.base_url("echo"))
    progress: list[tuple[int, int]] = []

    def cancel_at_first_frame(item_id: str) -> None:
        video = window.draft.video(item_id)
        if video is not None and video.progress and video.progress[0] >= 1 and not progress:
            progress.append(video.progress)
            assert card_of(window).extracting  # the card shows the progress and Cancel
            card_of(window).cancel.click()

    window.draft.videoProgress.connect(cancel_at_first_frame)
    window.draft.add_sources([str(long_clip)])
    video = wait_stopped(qtbot, window)
    window.draft.videoProgress.disconnect(cancel_at_first_frame)
    # THEN it stopped before the end: nothing is attached, and the card says it was cancelled
    assert progress and progress[0][1] == 60
    assert video.cancelled and video.prepared is None and window.draft.media() == []
    card = card_of(window)
    assert "Cancelled" in card.problem.text() and card.fps.isVisibleTo(card)
    # WHEN another fps is chosen
    card.fps.setValue(0.5)
    wait_ready(qtbot, window)
    # THEN it is extracted at that rate
    (media,) = window.draft.media()
    assert media.frame_count == 15  # type: ignore[union-attr]


def test_a_reopened_conversation_shows_its_filmstrip_and_time_links(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, clip: Path
) -> None:
    server.add_scenario("times", sc_times)
    window = make_window("--base-url", server.base_url("times"))
    window.draft.add_sources([str(clip)])
    wait_ready(qtbot, window)
    ask(qtbot, window, "Describe the clip")
    wait_idle(qtbot, window)
    conversation_id = window.controller.conversation.id
    sent = [f.url for f in window.controller.conversation.exchanges[0].videos[0].video.frames]
    # WHEN another conversation is started and this one opened again from the history
    window.new_conversation()
    assert "Video clip.mp4" not in transcript_text(window)
    assert window.open_history_conversation(conversation_id)
    # THEN its question shows the filmstrip made from the stored frames
    qtbot.waitUntil(lambda: "Video clip.mp4" in transcript_text(window), timeout=5000)
    (exchange,) = window.controller.conversation.exchanges
    assert [f.url for f in exchange.videos[0].video.frames] == sent
    assert len(frame_links(window)) == 6
    # AND the times in its answer are links to those frames again
    assert [text for _, text in frame_links(window, answer=True)] == ["0:03", "5 seconds"]


def test_editing_a_question_with_a_video_keeps_the_frames_it_was_sent_with(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, clip: Path
) -> None:
    # GIVEN a question sent with a clip, and the clip then moved away
    window = make_window("--base-url", server.base_url("echo"))
    window.draft.add_sources([str(clip)])
    wait_ready(qtbot, window)
    ask(qtbot, window, "Where does the ball go?")
    wait_idle(qtbot, window)
    clip.rename(clip.with_name("moved.mp4"))
    (first,) = server.chat_requests("echo")
    sent = video_parts(first.body)[0]["video"]
    # WHEN the question is edited
    window.turn_actions.edit_question(window.controller.conversation.exchanges[0].id)
    # THEN the pane holds the video ready at once, with the frames sent before (nothing is
    # extracted again: the file is gone), and its card offers no fps to change
    video = only_video(window)
    assert video.sent_before and not video.pending and video.problem is None
    assert video.prepared is not None and video.prepared.attachment.frame_count == 12
    card = card_of(window)
    assert not card.fps.isVisibleTo(card) and "sent with the question before" in card.problem_text()
    # AND resending the edited question sends exactly those frames again
    window.prompt.setPlainText("Where does the ball end up?")
    window.send()
    wait_idle(qtbot, window)
    second = server.chat_requests("echo")[-1]
    assert video_parts(second.body)[0]["video"] == sent
    assert video_parts(second.body)[0]["fps"] == 2.0


def test_an_animated_gif_a_pasted_file_and_a_video_link_come_in_the_same_way(
    make_window: WindowFactory, server: LoopbackDashScope, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window("--base-url", server.base_url("echo"))
    # An animated GIF (12 frames of 100 ms) is a frame set, not its first frame.
    gif = make_animation(tmp_path / "spin.gif", frames=12, duration_ms=100)
    drop(window.image_pane, file_mime(gif))
    wait_ready(qtbot, window)
    assert window.draft.items() == [] and window.image_pane.count() == 1
    prepared = only_video(window).prepared
    assert prepared is not None and prepared.attachment.kind == "animation"
    assert prepared.attachment.frame_count >= 4
    window.draft.clear()
    # A video file pasted from a file manager (the pane's Paste) comes in as a video.
    clip = make_clip(tmp_path / "pasted.webm", seconds=2, fps=10, codec="libvpx")
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(file_mime(clip))
    window.image_pane.paste_from_clipboard()
    clipboard.clear()  # the clipboard owns its data: let it go while the app is alive
    wait_ready(qtbot, window)
    pasted = only_video(window).prepared
    assert pasted is not None and pasted.attachment.frame_count == 4
    window.draft.clear()
    # A pasted link ending in a video extension goes out as a link for the service to fetch.
    mime = QMimeData()
    mime.setText("https://example.com/media/clip.mp4")
    window.image_pane.add_mime(mime, "pasted")
    wait_ready(qtbot, window)
    assert "link" in card_of(window).caption.text()
    ask(qtbot, window, "What happens?")
    wait_idle(qtbot, window)
    (request,) = server.chat_requests("echo")
    (part,) = video_parts(request.body)
    assert part == {
        "type": "video_url",
        "video_url": {"url": "https://example.com/media/clip.mp4"},
        "fps": 2.0,
    }


def test_an_animation_pasted_or_dragged_as_bytes_is_a_frame_set(
    make_window: WindowFactory,
    server: LoopbackDashScope,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    window = make_window("--base-url", server.base_url("echo"))
    # GIVEN an animated GIF copied in a browser: its bytes on the clipboard, no file
    copied = QMimeData()
    copied.setData("image/gif", make_animation_bytes(frames=12, duration_ms=100, fmt="GIF"))
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(copied)
    # WHEN Ctrl+V is pressed anywhere in the window
    window.transcript.setFocus()
    qtbot.keyClick(window.transcript, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_ready(qtbot, window)
    clipboard.clear()  # the clipboard owns its data: let it go while the app is alive
    # THEN it is a frame set on a video card, not its first frame as an image
    assert window.draft.items() == [] and window.image_pane.count() == 1
    pasted = only_video(window).prepared
    assert pasted is not None and pasted.attachment.kind == "animation"
    assert card_of(window).name.text() == "pasted image"
    kept = list((tmp_path / "cache").rglob("*.gif"))
    assert len(kept) == 1  # kept once in the cache folder for the probe and a new fps
    # AND an animated WebP dragged from a browser (bytes, and the link they came from) follows it
    dragged = QMimeData()
    dragged.setData("image/webp", make_animation_bytes(frames=8, duration_ms=200, fmt="WEBP"))
    dragged.setUrls([QUrl("https://example.com/anim/wave.webp")])
    drop(window.image_pane, dragged)
    qtbot.waitUntil(lambda: len(window.draft.videos()) == 2, timeout=10000)
    qtbot.waitUntil(
        lambda: (
            window.draft.pending_count() == 0
            and all(v.prepared is not None for v in window.draft.videos())
        ),
        timeout=20000,
    )
    assert [v.name for v in window.draft.videos()] == ["pasted image", "wave.webp"]
    ask(qtbot, window, "What moves?")
    wait_idle(qtbot, window)
    (request,) = server.chat_requests("echo")
    parts = video_parts(request.body)
    assert [p["type"] for p in parts] == ["video", "video"]
    gif_frames = [frame_number_of_uri(u) for u in parts[0]["video"]]
    webp_frames = [frame_number_of_uri(u) for u in parts[1]["video"]]
    assert len(gif_frames) >= 4 and gif_frames == sorted(set(gif_frames))
    assert len(webp_frames) >= 4 and webp_frames == sorted(set(webp_frames))
    assert not any(
        part["type"] == "image_url"
        for message in request.body["messages"]
        if isinstance(message["content"], list)
        for part in message["content"]
    )


# -- helpers -------------------------------------------------------------------------------------


def frame_links(window: MainWindow, *, answer: bool = False) -> list[tuple[str, str]]:
    """``(href, text)`` of the transcript's frame links: the filmstrips' pictures, or (with
    ``answer``) the times linked in answers."""
    found = []
    block = window.transcript.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fmt = fragment.charFormat()
            href = fmt.anchorHref()
            if href.startswith("qwenvl:frame/") and fmt.isImageFormat() != answer:
                found.append((href, fragment.text()))
            fragments += 1
        block = block.next()
    return found


def pil_of(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[: rgb.bytesPerLine() * rgb.height()]
    return Image.frombytes(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine()
    )
