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
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from qwenvl_desktop.core.images.budget import ECONOMY_TOKENS
from qwenvl_desktop.core.images.data_uri import is_data_uri
from qwenvl_desktop.services.image_intake import ImageIntake, PreparedImage

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment, Detail, ImageSource
    from qwenvl_desktop.core.protocol import ModelInfo

__all__ = ["DEFAULT_THUMB_SIDE", "DraftAttachments", "DraftImage", "SourceEntry"]

#: Thumbnail side in pixels when the view has not said which it needs.
DEFAULT_THUMB_SIDE = 96

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
    prepared: PreparedImage | None = None
    #: being prepared (the first time, or again for another model or detail)
    pending: bool = True

    @property
    def name(self) -> str:
        """What to call the image: its label, else a short description of the source."""
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

    def __init__(
        self,
        intake: ImageIntake,
        model: ModelInfo,
        detail: Detail = "standard",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._intake = intake
        self._model = model
        self._detail: Detail = detail
        self._thumb_side: Callable[[], int] = lambda: DEFAULT_THUMB_SIDE
        self._items: list[DraftImage] = []
        if intake.parent() is None:
            intake.setParent(self)  # the draft is the intake's only user
        intake.prepared.connect(self._on_prepared)
        intake.failed.connect(self._on_failed)

    # -- in ----------------------------------------------------------------------------------------

    def add_sources(self, sources: Iterable[SourceEntry]) -> list[str]:
        """Add images from anywhere (drop, paste, picker, capture): returns their item ids."""
        ids = []
        for entry in sources:
            source, label = entry if isinstance(entry, tuple) else (entry, None)
            item = DraftImage(uuid.uuid4().hex, source, label, self._detail)
            self._items.append(item)
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
        if changed:
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
        if economy_tokens is not None:
            item.economy_tokens = economy_tokens
        if _budget(self._model, item) != before:
            self._prepare_again(item)
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

    def clear(self) -> None:
        """Empty the draft (the Clear button; the images went with a question)."""
        for item in list(self._items):
            self._drop(item)
        self.changed.emit()

    def attachments(self) -> list[Attachment]:
        """The ready attachments, in order: what a question sent now carries."""
        return [item.prepared.attachment for item in self._items if item.prepared is not None]

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
        return sum(1 for item in self._items if item.pending)

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

    def _drop(self, item: DraftImage) -> None:
        self._items.remove(item)
        self._intake.cancel(item.id)
        self.itemRemoved.emit(item.id)

    async def aclose(self) -> None:
        """Stop preparing: the window is closing."""
        await self._intake.aclose()


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
            return "data URI"
        return source.replace("\\", "/").rsplit("/", 1)[-1] or source
    if isinstance(source, bytes | bytearray):
        return "dropped image"
    return "pasted image"  # pixels (a PIL image)
