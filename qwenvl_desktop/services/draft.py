"""The images of the question being written: prepared as they arrive, handed over on send.

:class:`DraftAttachments` is the one way in for an image on its way to a question. A drop, a
paste, the file picker, a screen capture and the clipboard watcher all call
:meth:`DraftAttachments.add_sources`; the draft asks the :class:`~.image_intake.ImageIntake` to
prepare each source for the current model at the image's own detail (Auto, High or Economy with
its cap: :meth:`DraftAttachments.set_detail`), prepares an image again when its pixel budget
changes (another model, another detail), and on send gives the window the attachments
(:meth:`~DraftAttachments.attachments`) and the transcript their thumbnails
(:meth:`~DraftAttachments.thumbnails_for`). The image pane only shows this state; nothing is
parked in a widget.

A source that cannot be used is never dropped silently: :attr:`DraftAttachments.problem` carries
a sentence about it.

Videos come in the same way (issue 14): a video file, a video link, or an image file that turns
out to be an animation (:attr:`~.image_intake.ImageIntake.animated`) becomes a
:class:`DraftVideo`, prepared by the :class:`~.video_intake.VideoIntake` at its own fps
(:meth:`DraftAttachments.set_fps`), with progress and cancel
(:meth:`DraftAttachments.cancel_video`). A video that cannot be used keeps its place with the
sentence saying why (:attr:`DraftVideo.problem`, shown on its card) until it is removed. On send,
:meth:`DraftAttachments.media` gives images and videos in the order they were added;
:meth:`DraftAttachments.attachments` stays the images alone (what grounding and the document
tasks are about).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.images.budget import ECONOMY_TOKENS
from qwenvl_desktop.core.images.data_uri import is_data_uri
from qwenvl_desktop.services.image_intake import ImageIntake, PreparedImage
from qwenvl_desktop.services.video_intake import (
    PreparedVideo,
    VideoIntake,
    is_video_source,
    strip_of,
)

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment, Detail, ImageSource
    from qwenvl_desktop.core.protocol import ModelInfo
    from qwenvl_desktop.core.video import VideoAttachment, VideoInfo, VideoPlan
    from qwenvl_desktop.core.video.prepare import PlannedVideo

__all__ = [
    "DEFAULT_FPS",
    "DEFAULT_THUMB_SIDE",
    "DraftAttachments",
    "DraftImage",
    "DraftVideo",
    "SourceEntry",
]

#: Thumbnail side in pixels when the view has not said which it needs.
DEFAULT_THUMB_SIDE = 96

#: The frame rate a video is first prepared at (core.video.plan.DEFAULT_FPS; repeated here so the
#: draft needs no video module before the first video).
DEFAULT_FPS = 2.0

#: A source, or a source and the label to show and report it by.
SourceEntry: TypeAlias = "ImageSource | tuple[ImageSource, str | None]"


@dataclass(eq=False, slots=True)
class DraftImage:
    """One image of the draft: its source (kept to prepare again) and, once ready, the result."""

    id: str
    source: ImageSource
    label: str | None
    #: the detail this image is prepared at ("standard" is shown as Auto)
    detail: Detail = "standard"
    #: the cap of the Economy detail, in image tokens
    economy_tokens: int = ECONOMY_TOKENS
    #: the person chose this image's detail (its card, an edited question's image): the
    #: ``image_detail`` setting no longer changes it
    detail_chosen: bool = False
    prepared: PreparedImage | None = None
    #: being prepared (the first time, or again for another model or detail)
    pending: bool = True

    @property
    def name(self) -> str:
        """What to call the image: its label, else a short description of the source."""
        return self.label or describe_source(self.source)


@dataclass(eq=False, slots=True)
class DraftVideo:
    """One video of the draft: its source and fps, what the probe found, its progress, and once
    ready the attachment — or the sentence saying why it cannot be used."""

    id: str
    #: a path or link; or an animation's bytes (dragged from a browser, pasted image data)
    source: str | bytes
    label: str | None
    fps: float = DEFAULT_FPS
    #: the header as read (kept: a new fps re-plans without reading the file again)
    info: VideoInfo | None = None
    #: what will be (or was) extracted
    plan: VideoPlan | None = None
    prepared: PreparedVideo | None = None
    #: being probed or extracted
    pending: bool = True
    #: frames extracted so far and planned, while extracting
    progress: tuple[int, int] | None = None
    #: why the video cannot be used (shown on its card); None while it can
    problem: str | None = None
    #: the person cancelled the extraction (a new fps starts it again)
    cancelled: bool = False
    #: the frames as a question sent them before (Edit question): kept as they are, never
    #: extracted again — the file may have moved, and the source is only its name
    sent_before: bool = False

    @property
    def name(self) -> str:
        return self.label or describe_source(self.source)


class DraftAttachments(QObject):
    """The pending attachments of the next question, in the order they were added."""

    #: an image was added (item id); it is being prepared
    itemAdded = Signal(str)
    #: an image is being prepared again for another model (item id)
    itemUpdating = Signal(str)
    #: an image is ready (item id): :meth:`item` has its attachment and pictures
    itemPrepared = Signal(str)
    #: an image left the draft (item id): removed, cleared, sent, or unusable
    itemRemoved = Signal(str)
    #: a sentence about a source that cannot be used
    problem = Signal(str)
    #: the set of images or their readiness changed
    changed = Signal()
    #: a video's plan or progress changed (item id): its card shows it
    videoProgress = Signal(str)
    #: a video cannot be used, or its extraction was cancelled (item id): its card says so
    videoStopped = Signal(str)

    def __init__(
        self,
        intake: ImageIntake,
        model: ModelInfo,
        detail: Detail = "standard",
        parent: QObject | None = None,
        *,
        video_intake: VideoIntake | None = None,
    ) -> None:
        super().__init__(parent)
        self._intake = intake
        self._model = model
        self._detail: Detail = detail
        self._thumb_side: Callable[[], int] = lambda: DEFAULT_THUMB_SIDE
        self._items: list[DraftImage] = []
        self._videos: list[DraftVideo] = []
        #: every item id, images and videos, in the order they were added (what is sent)
        self._order: list[str] = []
        if intake.parent() is None:
            intake.setParent(self)  # the draft is the intake's only user
        intake.prepared.connect(self._on_prepared)
        intake.failed.connect(self._on_failed)
        intake.animated.connect(self._on_animated)
        self._video_intake = video_intake or VideoIntake(parent=self)
        if self._video_intake.parent() is None:
            self._video_intake.setParent(self)
        self._video_intake.planned.connect(self._on_video_planned)
        self._video_intake.progressed.connect(self._on_video_progress)
        self._video_intake.prepared.connect(self._on_video_prepared)
        self._video_intake.failed.connect(self._on_video_failed)
        self._video_intake.cancelled.connect(self._on_video_cancelled)

    # -- in ----------------------------------------------------------------------------------------

    def add_sources(self, sources: Iterable[SourceEntry]) -> list[str]:
        """Add images from anywhere (drop, paste, picker, capture): returns their item ids."""
        ids = []
        for entry in sources:
            source, label = entry if isinstance(entry, tuple) else (entry, None)
            if is_video_source(source):
                ids.append(self._add_video(os.fspath(source), label))  # type: ignore[arg-type]
                continue
            item = DraftImage(uuid.uuid4().hex, source, label, self._detail)
            self._items.append(item)
            self._order.append(item.id)
            ids.append(item.id)
            self.itemAdded.emit(item.id)
            self._prepare(item)
        self.changed.emit()
        return ids

    def set_model(self, model: ModelInfo) -> None:
        """The model changed: prepare every image again if its pixel budget differs.

        The size sent, and with it the token estimate shown, depend on the budget.
        """
        before, self._model = self._model, model
        changed = [item for item in self._items if _budget(model, item) != _budget(before, item)]
        for item in changed:
            self._prepare_again(item)
        # A video's frame limits and per-frame budget are the model's: extracted again when
        # they differ (a link is sampled by the service: nothing to do).
        videos = [v for v in self._videos if _video_differs(v, before, model)]
        for video in videos:
            self._prepare_video(video)
        if changed or videos:
            self.changed.emit()

    def set_detail(self, item_id: str, detail: Detail, economy_tokens: int | None = None) -> None:
        """Prepare one image at ``detail`` (Economy: at most ``economy_tokens``, if given).

        Nothing happens when the pixel budget stays the same (High on a model without the flag).
        """
        item = self.item(item_id)
        if item is None:
            return
        before = _budget(self._model, item)
        item.detail = detail
        item.detail_chosen = True
        if economy_tokens is not None:
            item.economy_tokens = economy_tokens
        if _budget(self._model, item) != before:
            self._prepare_again(item)
            self.changed.emit()

    @property
    def default_detail(self) -> Detail:
        """The detail a new image gets (the ``image_detail`` setting)."""
        return self._detail

    def set_default_detail(self, detail: Detail) -> None:
        """The ``image_detail`` setting changed (Preferences): new images get ``detail``, and
        the images already here whose detail nobody chose are prepared again for it (their
        size sent and the token estimate follow)."""
        if detail == self._detail:
            return
        self._detail = detail
        changed = False
        for item in self._items:
            if item.detail_chosen or item.detail == detail:
                continue
            before = _budget(self._model, item)
            item.detail = detail
            if _budget(self._model, item) != before:
                self._prepare_again(item)
            elif not item.pending:
                # The same pixels (High on a model without it): the card shows the choice.
                self.itemPrepared.emit(item.id)
            changed = True
        if changed:
            self.changed.emit()

    def set_thumbnail_side(self, side: Callable[[], int]) -> None:
        """How many pixels a thumbnail's side needs now (the view's size × its pixel ratio)."""
        self._thumb_side = side

    # -- out ---------------------------------------------------------------------------------------

    def remove(self, item_id: str) -> None:
        item = self.item(item_id)
        if item is not None:
            self._drop(item)
            self.changed.emit()
            return
        video = self.video(item_id)
        if video is not None:
            self._drop_video(video)
            self.changed.emit()

    def clear(self) -> None:
        """Empty the draft (the Clear button; the images went with a question)."""
        for item in list(self._items):
            self._drop(item)
        for video in list(self._videos):
            self._drop_video(video)
        self.changed.emit()

    def attachments(self) -> list[Attachment]:
        """The ready images, in order (grounding and the document tasks are about these)."""
        return [item.prepared.attachment for item in self._items if item.prepared is not None]

    def media(self) -> list[Attachment | VideoAttachment]:
        """The ready images and videos in the order they were added: what a question sent now
        carries (a video that cannot be used, or was cancelled, is left out)."""
        ready: dict[str, Attachment | VideoAttachment] = {
            item.id: item.prepared.attachment for item in self._items if item.prepared is not None
        }
        for video in self._videos:
            if video.prepared is not None and video.problem is None and not video.cancelled:
                ready[video.id] = video.prepared.attachment
        return [ready[item_id] for item_id in self._order if item_id in ready]

    def thumbnails_for(self, attachments: Sequence[Attachment]) -> list[QImage]:
        """The thumbnails of ``attachments`` as this draft made them, for the transcript.

        Asked while a question with these attachments starts, before the draft is cleared.
        Empty when any of them did not come from here (a conversation opened from the history):
        the transcript then makes its own from the bytes.
        """
        pictures = {
            id(item.prepared.attachment): item.prepared.thumbnail
            for item in self._items
            if item.prepared is not None
        }
        found = [pictures.get(id(attachment)) for attachment in attachments]
        return [] if None in found else [p for p in found if p is not None]

    # -- state -------------------------------------------------------------------------------------

    def items(self) -> list[DraftImage]:
        return list(self._items)

    def item(self, item_id: str) -> DraftImage | None:
        return next((item for item in self._items if item.id == item_id), None)

    def count(self) -> int:
        return len(self._items)

    def image_tokens(self) -> int:
        """The image tokens of the ready images: what they add to the request."""
        return sum(a.estimated_tokens for a in self.attachments())

    def upload_bytes(self) -> int:
        """The bytes of the ready images' data URIs (a link counts its own length)."""
        return sum(a.upload_bytes for a in self.attachments())

    def pending_count(self) -> int:
        """Images and videos still being prepared (a send waits for them)."""
        return sum(1 for item in self._items if item.pending) + sum(
            1 for video in self._videos if video.pending
        )

    # -- videos ------------------------------------------------------------------------------------

    def order(self) -> list[str]:
        """Every item id, images and videos, in the order they were added (and are sent)."""
        return list(self._order)

    def videos(self) -> list[DraftVideo]:
        return list(self._videos)

    def video(self, item_id: str) -> DraftVideo | None:
        return next((video for video in self._videos if video.id == item_id), None)

    def video_tokens(self) -> int:
        """The tokens of the ready videos (a link's are known only after the answer)."""
        return sum(video.estimated_tokens for video in self._ready_videos())

    def video_upload_bytes(self) -> int:
        return sum(video.upload_bytes for video in self._ready_videos())

    def add_sent_video(self, video: VideoAttachment) -> str:
        """Add a video as an earlier question sent it (Edit question): its frames as they
        were, not extracted again, so the edited question shows the model the same frames. A
        link is added again like a new one (nothing of it is extracted here)."""
        if video.url is not None:
            return self._add_video(video.url, video.source)
        item = DraftVideo(
            uuid.uuid4().hex, video.source, video.source, video.fps, pending=False, sent_before=True
        )
        item.prepared = PreparedVideo(video, strip_of(video.frames, self._thumb_side()))
        self._videos.append(item)
        self._order.append(item.id)
        self.itemAdded.emit(item.id)
        self.itemPrepared.emit(item.id)
        self.changed.emit()
        return item.id

    def set_fps(self, item_id: str, fps: float) -> None:
        """Take ``fps`` frames a second of video ``item_id``: planned and extracted again."""
        video = self.video(item_id)
        if video is None or (fps == video.fps and video.prepared is not None):
            return
        if video.sent_before:
            return  # no file to extract from: its card offers no fps control
        video.fps = fps
        if video.problem is not None and video.info is None:
            return  # the file itself cannot be read: another fps changes nothing
        self._prepare_video(video)
        self.changed.emit()

    def cancel_video(self, item_id: str) -> None:
        """Stop extracting ``item_id``'s frames (its card's Cancel); it stays, not attached,
        until another fps is chosen or it is removed."""
        self._video_intake.cancel(item_id)

    @property
    def model(self) -> ModelInfo:
        return self._model

    # -- preparation -------------------------------------------------------------------------------

    def _prepare(self, item: DraftImage) -> None:
        self._intake.prepare(
            item.id,
            item.source,
            label=item.label,
            model=self._model,
            detail=item.detail,
            thumb_side=self._thumb_side(),
            economy_tokens=item.economy_tokens,
        )

    def _prepare_again(self, item: DraftImage) -> None:
        item.pending = True
        self.itemUpdating.emit(item.id)
        self._prepare(item)

    def _on_prepared(self, item_id: str, prepared: PreparedImage) -> None:
        item = self.item(item_id)
        if item is None:  # removed while it was being prepared
            return
        item.prepared = prepared
        item.pending = False
        self.itemPrepared.emit(item_id)
        self.changed.emit()

    def _on_failed(self, item_id: str, sentence: str) -> None:
        item = self.item(item_id)
        if item is None:
            return
        self.problem.emit(sentence)
        self._drop(item)
        self.changed.emit()

    def _on_animated(self, item_id: str) -> None:
        """An image file that is an animation: it becomes a video in the same place."""
        item = self.item(item_id)
        if item is None:
            return
        position = self._order.index(item_id)
        self._drop(item)
        source = item.source
        path = os.fspath(source) if isinstance(source, os.PathLike) else source
        if isinstance(path, str | bytes):  # bytes: a pasted or dragged animation
            self._add_video(path, item.label, position)
        self.changed.emit()

    def _drop(self, item: DraftImage) -> None:
        self._items.remove(item)
        self._order.remove(item.id)
        self._intake.cancel(item.id)
        self.itemRemoved.emit(item.id)

    # -- video preparation ---------------------------------------------------------------------

    def _add_video(
        self, source: str | bytes, label: str | None, position: int | None = None
    ) -> str:
        video = DraftVideo(uuid.uuid4().hex, source, label)
        self._videos.append(video)
        self._order.insert(len(self._order) if position is None else position, video.id)
        self.itemAdded.emit(video.id)
        self._prepare_video(video)
        return video.id

    def _prepare_video(self, video: DraftVideo) -> None:
        video.pending = True
        video.problem = None
        video.cancelled = False
        video.progress = None
        self.itemUpdating.emit(video.id)
        self._video_intake.prepare(
            video.id,
            video.source,
            # Sentences and captions name the file, not its folders (a drop labels it by path).
            label=_file_name(video.label or _text_or_none(video.source)),
            model=self._model,
            fps=video.fps,
            strip_side=self._thumb_side(),
            info=video.info,
        )

    def _ready_videos(self) -> list[VideoAttachment]:
        return [v.prepared.attachment for v in self._videos if v.prepared and not v.pending]

    def _on_video_planned(self, item_id: str, planned: PlannedVideo) -> None:
        video = self.video(item_id)
        if video is not None:
            video.info, video.plan = planned.info, planned.plan
            video.progress = (0, planned.plan.frame_count)
            self.videoProgress.emit(item_id)

    def _on_video_progress(self, item_id: str, done: int, total: int) -> None:
        video = self.video(item_id)
        if video is not None:
            video.progress = (done, total)
            self.videoProgress.emit(item_id)

    def _on_video_prepared(self, item_id: str, prepared: PreparedVideo) -> None:
        video = self.video(item_id)
        if video is None:
            return
        video.prepared = prepared
        video.pending = False
        video.progress = None
        self.itemPrepared.emit(item_id)
        self.changed.emit()

    def _on_video_failed(self, item_id: str, sentence: str) -> None:
        self._video_stopped(item_id, problem=sentence)

    def _on_video_cancelled(self, item_id: str) -> None:
        self._video_stopped(item_id, cancelled=True)

    def _video_stopped(
        self, item_id: str, *, problem: str | None = None, cancelled: bool = False
    ) -> None:
        """Extraction ended without frames: the video stays, not attached, saying why."""
        video = self.video(item_id)
        if video is None:
            return
        if problem is not None:
            video.problem = problem
        video.cancelled = video.cancelled or cancelled
        video.pending = False
        video.prepared = None
        video.progress = None
        self.videoStopped.emit(item_id)
        self.changed.emit()

    def _drop_video(self, video: DraftVideo) -> None:
        self._videos.remove(video)
        self._order.remove(video.id)
        self._video_intake.forget(video.id)
        self.itemRemoved.emit(video.id)

    async def aclose(self) -> None:
        """Stop preparing: the window is closing."""
        await self._intake.aclose()
        await self._video_intake.aclose()


def _text_or_none(source: str | bytes) -> str | None:
    return source if isinstance(source, str) else None


def _file_name(label: str | None) -> str | None:
    """An absolute path's file name; any other label as it is."""
    if label is None or "://" in label:
        return label
    name = label.replace("\\", "/")
    if name.startswith("/") or name[1:3] == ":/":  # POSIX or Windows absolute path
        return name.rsplit("/", 1)[-1] or label
    return label


def _video_differs(video: DraftVideo, before: ModelInfo, after: ModelInfo) -> bool:
    """Whether ``video`` would be planned otherwise for ``after`` than for ``before``."""
    if video.info is None or video.problem is not None or video.cancelled:
        return video.pending  # still probing: the probe started for the old model
    from qwenvl_desktop.core.video import VideoError, plan_video

    info = video.info

    def plan(model: ModelInfo) -> object:
        try:
            planned = plan_video(
                info.duration,
                info.width,
                info.height,
                model=model,
                fps=video.fps,
                frame_count=info.frame_count,
                source=info.source,
            )
        except (VideoError, ValueError) as error:
            return str(error)
        return (planned.timestamps, planned.frame_size)

    return plan(before) != plan(after)


def _budget(model: ModelInfo, item: DraftImage) -> object:
    """The pixel budget ``item`` gets from ``model``: when it changes, so does what is sent."""
    # Imported here: the pipeline (and Pillow) loads with the first image, not at start-up.
    from qwenvl_desktop.core.images import pixel_budget

    return pixel_budget(model, item.detail, economy_tokens=item.economy_tokens)


def describe_source(source: ImageSource) -> str:
    """A short name for a source without a label: a file name, "data URI", "dropped image"."""
    if isinstance(source, os.PathLike):
        source = os.fspath(source)
    if isinstance(source, str):
        if is_data_uri(source):
            return translate("DraftAttachments", "data URI")
        return source.replace("\\", "/").rsplit("/", 1)[-1] or source
    if isinstance(source, bytes | bytearray):
        return translate("DraftAttachments", "dropped image")
    return translate("DraftAttachments", "pasted image")  # pixels (a PIL image)
