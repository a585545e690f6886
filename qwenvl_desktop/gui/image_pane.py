"""The image pane: drop, paste or pick images; thumbnails in order, each removable.

The pane shows the draft of the question (:class:`~qwenvl_desktop.services.draft.DraftAttachments`)
and emits what the person wants. It never opens files or decodes images itself: what a drop or a
paste carries leaves as :attr:`ImagePane.sourcesOffered` (the window passes it to
``DraftAttachments.add_sources``, the one way in), a ✕ as :attr:`ImagePane.removeRequested`. Each
image of the draft gets a card — "Preparing…" until the draft says it is ready. A source that is
not a usable image is never dropped silently: it gets a sentence in the message area.

A video of the draft gets a filmstrip card (:class:`~.video_card.VideoCard`: progress and Cancel
while its frames are extracted, then a few frames, duration, frames, fps, tokens and an fps
control); a video that cannot be used keeps its card with the sentence saying why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.gui import locale_format
from qwenvl_desktop.gui.elided_label import ElidedLabel

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import (
        QDragEnterEvent,
        QDragLeaveEvent,
        QDragMoveEvent,
        QDropEvent,
        QImage,
        QKeyEvent,
        QMouseEvent,
        QPaintEvent,
        QShowEvent,
    )

    # The draft service (and asyncio under it) comes after the window's first frame: see
    # ImagePane.show_draft.
    from qwenvl_desktop.gui.video_card import VideoCard
    from qwenvl_desktop.services.draft import DraftAttachments, DraftVideo
    from qwenvl_desktop.services.image_intake import PreparedImage

__all__ = ["THUMB_SIDE", "ImagePane", "ImagePreview"]

#: Thumbnail side in device-independent pixels; bitmaps are made at this times the screen's
#: device pixel ratio so they are sharp on HiDPI screens.
THUMB_SIDE = 96
#: Messages kept visible at once (older ones scroll away).
MAX_MESSAGES = 4
#: The Economy caps a card offers, in image tokens (core.images.budget.ECONOMY_CHOICES; repeated
#: here so the pane needs no pipeline module before the first image).
ECONOMY_CHOICES = (256, 512, 1024)
#: The caps' default (core.images.budget.ECONOMY_TOKENS).
ECONOMY_TOKENS = 512
#: the drop highlight's frame, in pixels
_DROP_FRAME_WIDTH = 2

#: What the empty pane (a slim strip) says; the whole window takes drops too.
EMPTY_HINT = translatable(
    "ImagePane", "Drop images or videos here or anywhere in the window, or paste with Ctrl+V"
)
#: Format names as people know them.
_FORMAT_NAMES = {"image/webp": "WebP", "image/png": "PNG", "image/jpeg": "JPEG"}


def detail_words(detail: str, economy_tokens: int) -> str:
    """What a card's detail button says: Auto, High, or Economy with its cap."""
    translate = QCoreApplication.translate
    if detail == "high":
        return translate("ImageCard", "High", "image detail")
    if detail == "economy":
        return translate("ImageCard", "Eco %1", "image detail: economy, its cap in tokens").replace(
            "%1", str(economy_tokens)
        )
    return translate("ImageCard", "Auto", "image detail")


def _detail_choice(detail: str, cap: int) -> str:
    """A detail menu entry's words."""
    translate = QCoreApplication.translate
    if detail == "high":
        return translate("ImageCard", "High — up to %1 tokens").replace(
            "%1", locale_format.number(16384)
        )
    if detail == "economy":
        return translate("ImageCard", "Economy — at most %1 tokens").replace(
            "%1", locale_format.number(cap)
        )
    return translate("ImageCard", "Auto — the model's default pixels")


class _ThumbnailCard(QFrame):
    removeClicked = Signal()
    previewClicked = Signal()
    #: the person picked a detail: ``(detail, economy cap in tokens)``
    detailChosen = Signal(str, int)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A dropped file is labelled by its path; the card shows its name, as for a file picked
        # in the dialog, and the path in the name's tooltip.
        full = label
        if "/" in label.replace("\\", "/") and Path(label).is_absolute():
            label = Path(label).name
        self.setObjectName("thumbnailCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.name = QLabel(self)
        self.name.setObjectName("thumbnailName")
        self.name.setMaximumWidth(THUMB_SIDE - 4)
        self._full_name = label
        self.name.setText(self._elided(label))
        self.name.setToolTip(full)
        top.addWidget(self.name, 1)
        self.remove = QToolButton(self)
        self.remove.setObjectName("removeImageButton")
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        self.remove.clicked.connect(self.removeClicked)
        top.addWidget(self.remove)
        layout.addLayout(top)
        self.picture = QLabel(self)
        self.picture.setObjectName("thumbnailPicture")
        self.picture.setFixedSize(THUMB_SIDE, THUMB_SIDE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.caption = QLabel(self)
        self.caption.setObjectName("thumbnailCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.caption)
        # What the card shows, kept so a language change can say it again.
        self._prepared: PreparedImage | None = None
        self._updating = False
        self._detail = ("standard", ECONOMY_TOKENS)
        self._high: tuple[str, bool] | None = None
        self._add_detail_button(layout)
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.remove.setAccessibleName(
            translate("ImageCard", "Remove %1").replace("%1", self._full_name)
        )
        self.remove.setToolTip(translate("ImageCard", "Remove this image"))
        self.detail_button.setToolTip(
            translate(
                "ImageCard",
                "Detail of this image: Auto (the pixels the model uses by default), High (up to "
                "16,384 tokens) or Economy (fewer tokens, at most the cap chosen)",
            )
        )
        for (detail, cap), action in self.detail_actions.items():
            action.setText(_detail_choice(detail, cap))
        self.detail_button.setText(detail_words(*self._detail))
        if self._high is not None:
            self.set_high_available(*self._high)
        if self._prepared is None:
            self.picture.setText(translate("ImageCard", "Preparing…"))
        else:
            self._show_prepared_words(self._prepared)
        if self._updating:
            self.caption.setText(translate("ImageCard", "updating…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _add_detail_button(self, layout: QVBoxLayout) -> None:
        """Auto / High / Economy (with its cap) for this image alone."""
        self.detail_button = QToolButton(self)
        self.detail_button.setObjectName("imageDetailButton")
        self.detail_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        from PySide6.QtGui import QActionGroup  # with the first image (not on the first frame)

        menu = QMenu(self.detail_button)
        group = QActionGroup(menu)
        self.detail_actions = {}
        choices = [("standard", ECONOMY_TOKENS), ("high", ECONOMY_TOKENS)]
        choices += [("economy", c) for c in ECONOMY_CHOICES]
        for detail, cap in choices:
            action = menu.addAction(_detail_choice(detail, cap))
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, d=detail, c=cap: self.detailChosen.emit(d, c))
            self.detail_actions[(detail, cap if detail == "economy" else 0)] = action
        self.detail_button.setMenu(menu)
        layout.addWidget(self.detail_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_detail(self, detail: str, economy_tokens: int) -> None:
        self._detail = (detail, economy_tokens)
        self.detail_button.setText(detail_words(detail, economy_tokens))  # the style draws ▾
        action = self.detail_actions.get((detail, economy_tokens if detail == "economy" else 0))
        if action is not None:
            action.setChecked(True)

    def set_high_available(self, model: str, available: bool) -> None:
        self._high = (model, available)
        action = self.detail_actions[("high", 0)]
        action.setEnabled(available)
        action.setText(
            _detail_choice("high", 0)
            if available
            else QCoreApplication.translate(
                "ImageCard", "High — %1 does not take the high-resolution flag"
            ).replace("%1", model)
        )

    def _elided(self, text: str) -> str:
        metrics = self.name.fontMetrics()
        return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, THUMB_SIDE - 6)

    def show_prepared(self, prepared: PreparedImage) -> None:
        self._prepared, self._updating = prepared, False
        thumb = prepared.thumbnail
        if not thumb.isNull():
            from PySide6.QtGui import QPixmap  # with the first image

            pixmap = QPixmap.fromImage(thumb)
            # The bitmap was made for this screen's pixel ratio: tell Qt, so it is not upscaled.
            ratio = max(thumb.width(), thumb.height()) / THUMB_SIDE
            pixmap.setDevicePixelRatio(max(ratio, 1.0))
            self.picture.setPixmap(pixmap)
        self._show_prepared_words(prepared)

    def _show_prepared_words(self, prepared: PreparedImage) -> None:
        translate = QCoreApplication.translate
        attachment = prepared.attachment
        if prepared.thumbnail.isNull():
            self.picture.setText(translate("ImageCard", "🔗 link"))
        if attachment.sent_size:
            width, height = attachment.sent_size
            fmt = _FORMAT_NAMES.get(attachment.mime or "", "")
            size = f"{width}×{height} {fmt}".rstrip()
        else:
            size = translate("ImageCard", "link")
        # What is sent, not the original: the size the model sees and what it costs.
        self.caption.setText(
            translate("ImageCard", "%1\n≈%2 tokens")
            .replace("%1", size)
            .replace("%2", locale_format.number(attachment.estimated_tokens))
        )
        notes = "\n".join(attachment.notes)
        self.setToolTip(attachment.summary() + (f"\n{notes}" if notes else ""))
        self.picture.setToolTip(translate("ImageCard", "Click for a larger preview"))

    def show_updating(self) -> None:
        self._updating = True
        self.caption.setText(QCoreApplication.translate("ImageCard", "updating…"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.picture.geometry().contains(
            event.position().toPoint()
        ):
            self.previewClicked.emit()
        super().mouseReleaseEvent(event)


class ImagePreview(QDialog):
    """A larger view of one image (what will be sent), non-modal."""

    def __init__(self, title: str, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagePreview")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        label = QLabel(self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen = self.screen().availableGeometry() if self.screen() else None
        limit = QSize(
            int((screen.width() if screen else 1200) * 0.8),
            int((screen.height() if screen else 900) * 0.8),
        )
        from PySide6.QtGui import QPixmap

        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(image)
        logical = pixmap.size() / ratio
        if logical.width() > limit.width() or logical.height() > limit.height():
            target = logical.scaled(limit, Qt.AspectRatioMode.KeepAspectRatio) * ratio
            pixmap = pixmap.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        pixmap.setDevicePixelRatio(ratio)
        label.setPixmap(pixmap)
        layout.addWidget(label)


class ImagePane(QFrame):
    """Thumbnails of the images of the next question (the draft's), and where to add more."""

    #: ``[(source, label), …]`` from a drop or a paste: the window adds them to the draft
    sourcesOffered = Signal(object)
    #: the ✕ of a card (or Delete): the window removes the image from the draft
    removeRequested = Signal(str)
    #: the Clear button
    clearRequested = Signal()
    #: the "Add images…" button: the window opens a file dialog
    addFilesRequested = Signal()
    #: the banner's "Use <model>" button
    useModelRequested = Signal(str)
    #: a card's detail menu: ``(item id, detail, economy cap)``; the window tells the draft
    detailRequested = Signal(str, str, int)
    #: a card's context menu: a document task about that image alone, ``(item id, task name)``
    taskRequested = Signal(str, str)
    #: a video card's fps control: ``(item id, frames per second)``; the draft extracts again
    fpsRequested = Signal(str, float)
    #: a video card's Cancel: stop extracting its frames (item id)
    cancelVideoRequested = Signal(str)

    #: the draft shown (set by :meth:`show_draft`)
    _draft: DraftAttachments

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagePane")
        self.setAccessibleName("imagePane")
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        #: something is being dragged over the pane (or the window): its frame is highlighted
        self.drop_highlighted = False
        self._cards: dict[str, _ThumbnailCard] = {}
        self._video_cards: dict[str, VideoCard] = {}
        self._messages: list[str] = []
        self._previews: list[ImagePreview] = []
        #: the model banner's last words, said again on a language change
        self._model_support: tuple[str, bool, str | None] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(4)

        header = QHBoxLayout()
        self.title = QLabel(self)
        header.addWidget(self.title)
        # Empty, the pane is one slim row (the drop strip): the hint sits beside the title and
        # shortens with "…" rather than widening the window or scrolling sideways.
        self.empty_hint = ElidedLabel(self)
        self.empty_hint.setObjectName("imageEmptyHint")
        self.empty_hint.setEnabled(False)
        header.addWidget(self.empty_hint, 1)
        # The totals shorten with "…" (whole in the tooltip): adding images never widens the window.
        self.summary = ElidedLabel(self)
        self.summary.setObjectName("imageSummary")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addImagesButton")
        self.add_button.clicked.connect(self.addFilesRequested)
        header.addWidget(self.add_button)
        self.paste_button = QPushButton(self)
        self.paste_button.setObjectName("pasteImageButton")
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        header.addWidget(self.paste_button)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clearImagesButton")
        self.clear_button.clicked.connect(self.clearRequested)
        header.addWidget(self.clear_button)
        outer.addLayout(header)
        outer.addWidget(self.summary)  # its own line: the totals stay readable at 800 px

        self.banner, banner_layout = _warning_row(self, "modelImageBanner")
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        banner_layout.addWidget(self.banner_text, 1)
        self.banner_button = QPushButton(self.banner)
        self.banner_button.setObjectName("useImageModelButton")
        self.banner_button.clicked.connect(
            lambda: self.useModelRequested.emit(self.banner_button.property("model"))
        )
        banner_layout.addWidget(self.banner_button)
        outer.addWidget(self.banner)

        self.strip_scroll = QScrollArea(self)
        self.strip_scroll.setWidgetResizable(True)
        self.strip_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.strip_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.strip_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        strip = QWidget(self.strip_scroll)
        self.cards = QHBoxLayout(strip)
        self.cards.setContentsMargins(0, 0, 0, 0)
        self.cards.setSpacing(6)
        self.cards.addStretch(1)
        self.strip_scroll.setWidget(strip)
        self.strip_scroll.setMinimumHeight(THUMB_SIDE + 90)
        self.strip_scroll.hide()  # until the first image: the empty pane is the slim strip
        outer.addWidget(self.strip_scroll)

        self.message_frame, message_layout = _warning_row(
            self, "imageMessages", Qt.AlignmentFlag.AlignTop
        )
        self.message_label = QLabel(self.message_frame)
        self.message_label.setObjectName("imageMessageText")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message_layout.addWidget(self.message_label, 1)
        self.dismiss_button = QToolButton(self.message_frame)
        self.dismiss_button.setAutoRaise(True)
        self.dismiss_button.clicked.connect(self.clear_messages)
        message_layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.message_frame)
        self.clear_button.setEnabled(False)
        # Never taller than its content: the space the composer has goes to the prompt, and the
        # splitter gives the rest of the window to the transcript.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.setAccessibleDescription(
            translate(
                "ImagePane",
                "Images for the next question: drop files or browser images, paste with Ctrl+V",
            )
        )
        self.title.setText(translate("ImagePane", "<b>Images</b>"))
        hint = translate("ImagePane", EMPTY_HINT)
        self.empty_hint.setText(hint)
        self.empty_hint.setToolTip(hint)
        self.add_button.setText(translate("ImagePane", "Add images…"))
        self.paste_button.setText(translate("ImagePane", "Paste"))
        self.paste_button.setToolTip(
            translate("ImagePane", "Paste an image from the clipboard (Ctrl+V)")
        )
        self.clear_button.setText(translate("ImagePane", "Clear"))
        self.dismiss_button.setText(translate("ImagePane", "Dismiss"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The totals, the banner and the video cards' progress are made from the draft.
            if hasattr(self, "_draft"):
                self._refresh()
                for item_id in self._video_cards:
                    self._show_video(item_id)
            if self._model_support is not None:
                self.set_model_support(*self._model_support)
        super().changeEvent(event)

    def show_draft(self, draft: DraftAttachments) -> None:
        """Show ``draft`` from now on (once; the window's services come after its first frame)."""
        self._draft = draft
        draft.itemAdded.connect(self._add_card)
        draft.itemUpdating.connect(self._show_updating)
        draft.itemPrepared.connect(self._show_prepared)
        draft.itemRemoved.connect(self._remove_card)
        draft.problem.connect(self.show_message)
        draft.changed.connect(self._refresh)
        draft.videoProgress.connect(self._show_video)
        draft.videoStopped.connect(self._show_video)
        for item in draft.items():
            self._add_card(item.id)
            if item.prepared is not None:
                self._show_prepared(item.id)
        for video in draft.videos():
            self._add_card(video.id)
        self._refresh()

    # -- what the person does --------------------------------------------------------------------

    def add_mime(self, mime: QMimeData, origin: str = "dropped") -> int:
        """Offer what a drop or paste carries; explain what cannot be used. Returns images offered.

        The rules are the clipboard reader's (:func:`~.platform.clipboard.drop_sources`):
        image data (named by the browser link that came with it), else image files, else links.
        """
        from qwenvl_desktop.platform.clipboard import drop_sources  # on the first drop

        found, problems = drop_sources(mime, origin)
        for problem in problems:
            self.show_message(problem)
        if found:
            self.sourcesOffered.emit(found)
        return len(found)

    def paste_from_clipboard(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not (mime.hasImage() or mime.hasUrls() or mime.formats()):
            self.show_message(QCoreApplication.translate("ImagePane", "The clipboard is empty."))
            return
        from qwenvl_desktop.platform.clipboard import drop_sources

        found, problems = drop_sources(mime, "pasted")
        if not found and mime.hasText() and not mime.hasUrls():
            self.show_message(
                QCoreApplication.translate("ImagePane", "The clipboard holds text, not an image.")
            )
            return
        for problem in problems:
            self.show_message(problem)
        if found:
            self.sourcesOffered.emit(found)

    # -- showing the draft -----------------------------------------------------------------------

    def count(self) -> int:
        """How many images and videos the pane shows (ready or being prepared)."""
        return len(self._cards) + len(self._video_cards)

    def video_card(self, item_id: str) -> VideoCard | None:
        """The card of video ``item_id`` (None when it is not in the pane)."""
        return self._video_cards.get(item_id)

    def messages(self) -> list[str]:
        """The sentences shown about images that could not be used (the latest few)."""
        return list(self._messages)

    def _add_card(self, item_id: str) -> None:
        video = self._draft.video(item_id)
        if video is not None:
            self._add_video_card(video)
            return
        item = self._draft.item(item_id)
        if item is None:
            return
        card = _ThumbnailCard(item.name, self)
        card.removeClicked.connect(lambda: self.removeRequested.emit(item_id))
        card.previewClicked.connect(lambda: self.open_preview(item_id))
        card.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        card.customContextMenuRequested.connect(
            lambda pos: self.task_menu(item_id, card).popup(card.mapToGlobal(pos))
        )
        card.detailChosen.connect(
            lambda detail, cap: self.detailRequested.emit(item_id, detail, cap)
        )
        card.show_detail(item.detail, item.economy_tokens)
        self._cards[item_id] = card
        self.cards.insertWidget(self.cards.count() - 1, card)

    def _add_video_card(self, video: DraftVideo) -> None:
        from qwenvl_desktop.gui.video_card import VideoCard  # with the first video

        card = VideoCard(video.name, self)
        item_id = video.id
        card.removeClicked.connect(lambda: self.removeRequested.emit(item_id))
        card.cancelClicked.connect(lambda: self.cancelVideoRequested.emit(item_id))
        card.fpsChosen.connect(lambda fps: self.fpsRequested.emit(item_id, fps))
        card.set_fps(video.fps)
        self._video_cards[item_id] = card
        self.cards.insertWidget(self._card_position(item_id), card)
        self._show_video(item_id)

    def _card_position(self, item_id: str) -> int:
        """Where a new card goes in the strip: before the card of the first item added after it
        (an animation turned video keeps its place); otherwise last, before the stretch."""
        order = self._draft.order()
        cards: dict[str, QWidget] = {**self._cards, **self._video_cards}
        position = self.cards.count() - 1
        if item_id in order:
            for later in order[order.index(item_id) + 1 :]:
                card = cards.get(later)
                if card is not None:
                    position = min(position, self.cards.indexOf(card))
        return position

    def _show_video(self, item_id: str) -> None:
        """A video card shows its draft state: progress, ready, cancelled or its problem."""
        from qwenvl_desktop.gui.video_card import VideoFacts

        video, card = self._draft.video(item_id), self._video_cards.get(item_id)
        if video is None or card is None:
            return
        card.set_fps(video.fps)
        if video.problem is not None:
            card.show_problem(video.problem)
            return
        plan = video.plan
        if video.cancelled:
            card.show_cancelled()
            return
        if video.prepared is not None and not video.pending:
            attachment = video.prepared.attachment
            facts = VideoFacts(
                duration=attachment.duration,
                frame_count=attachment.frame_count,
                fps=attachment.fps,
                tokens=attachment.estimated_tokens,
                upload_bytes=attachment.upload_bytes if attachment.frames else None,
                notes=attachment.notes,
            )
            card.show_ready(
                video.prepared.strip,
                facts,
                link=attachment.kind == "url",
                fixed_frames=video.sent_before,
            )
            return
        if plan is not None and video.info is not None and video.progress is not None:
            done, total = video.progress
            facts = VideoFacts(
                duration=video.info.duration,
                frame_count=plan.frame_count,
                fps=plan.fps,
                tokens=plan.estimated_tokens,
                notes=plan.notes,
            )
            card.show_planned(facts)
            card.show_progress(
                done / max(total, 1),
                QCoreApplication.translate("ImagePane", "%1 of %2 frames")
                .replace("%1", str(done))
                .replace("%2", str(total)),
            )
        else:
            card.show_progress(None)

    def task_menu(self, item_id: str, card: QWidget) -> QMenu:
        """A card's context menu: the document tasks (Extract text, Table, Formula, Document)
        about this image alone — asked at once — and Remove."""
        from qwenvl_desktop.core.documents.tasks import TASKS

        menu = QMenu(card)
        menu.setObjectName("imageTaskMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        translate = QCoreApplication.translate
        for task in TASKS.values():
            # The tasks' labels are the shipped quick prompts' (core.prompts.quick_prompts).
            label = translate("QuickPrompts", task.label)
            action = menu.addAction(label)
            action.setObjectName(f"imageTask-{task.name}")
            action.setStatusTip(
                translate("ImagePane", "Ask %1 about this image now").replace("%1", label)
            )
            action.triggered.connect(
                lambda _=False, name=task.name: self.taskRequested.emit(item_id, name)
            )
        menu.addSeparator()
        remove = menu.addAction(translate("ImagePane", "Remove"))
        remove.triggered.connect(lambda: self.removeRequested.emit(item_id))
        return menu

    def _show_prepared(self, item_id: str) -> None:
        if item_id in self._video_cards:
            self._show_video(item_id)
            return
        item, card = self._draft.item(item_id), self._cards.get(item_id)
        if item is not None and item.prepared is not None and card is not None:
            card.show_prepared(item.prepared)
            card.show_detail(item.detail, item.economy_tokens)

    def _show_updating(self, item_id: str) -> None:
        card = self._cards.get(item_id)
        if card is not None:
            card.show_updating()
        elif item_id in self._video_cards:
            self._show_video(item_id)

    def _remove_card(self, item_id: str) -> None:
        card: QWidget | None = self._cards.pop(item_id, None) or self._video_cards.pop(
            item_id, None
        )
        if card is not None:
            self.cards.removeWidget(card)
            card.deleteLater()

    def _refresh(self) -> None:
        # Empty: one row (title, hint, buttons); with images: the thumbnails and their totals.
        shown = bool(self._cards or self._video_cards)
        self.empty_hint.setVisible(not shown)
        self.strip_scroll.setVisible(shown)
        ready = self._draft.attachments()
        if shown:
            count, videos = len(self._cards), len(self._video_cards)
            pending = self._draft.pending_count()
            # The request's total before sending: every ready image's tokens and upload bytes.
            text = _summary_words(
                count,
                videos,
                unusable=sum(
                    1 for v in self._draft.videos() if v.problem is not None or v.cancelled
                ),
                tokens=self._draft.image_tokens() + self._draft.video_tokens(),
                upload=self._draft.upload_bytes() + self._draft.video_upload_bytes(),
                high=any(a.detail == "high" for a in ready),
                pending=pending,
            )
            self.summary.setText(text)
            self.summary.setToolTip(text)
        else:
            self.summary.setText("")
            self.summary.setToolTip("")
        self.summary.setVisible(shown)
        model = self._draft.model
        for card in self._cards.values():
            card.set_high_available(model.name, model.high_resolution_supported)
        self.clear_button.setEnabled(shown)

    # -- messages and the model banner -------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self._messages.append(text)
        self._messages = self._messages[-MAX_MESSAGES:]
        self.message_label.setText("\n".join(self._messages))
        self.message_frame.show()

    def clear_messages(self) -> None:
        self._messages.clear()
        self.message_label.clear()
        self.message_frame.hide()

    def set_model_support(self, model: str, accepts_images: bool, alternative: str | None) -> None:
        """Say when the chosen model cannot read images (the images stay) and offer one that can."""
        self._model_support = (model, accepts_images, alternative)
        if accepts_images:
            self.banner.hide()
            return
        translate = QCoreApplication.translate
        if alternative:
            text = translate(
                "ImagePane",
                "%1 cannot read images. Your images are kept; switch to a model that can to "
                "send them.",
            )
        else:
            text = translate("ImagePane", "%1 cannot read images. Your images are kept.")
        self.banner_text.setText(text.replace("%1", model))
        if alternative:
            self.banner_button.setText(translate("ImagePane", "Use %1").replace("%1", alternative))
            self.banner_button.setProperty("model", alternative)
            self.banner_button.show()
        else:
            self.banner_button.hide()
        self.banner.show()

    # -- preview -----------------------------------------------------------------------------------

    def open_preview(self, item_id: str) -> ImagePreview | None:
        item = self._draft.item(item_id)
        if item is None or item.prepared is None or item.prepared.preview.isNull():
            return None
        attachment = item.prepared.attachment
        size = attachment.sent_size or attachment.original_size
        title = attachment.source
        if size:
            title = (
                QCoreApplication.translate("ImagePane", "%1 — %2×%3 as sent")
                .replace("%1", attachment.source)
                .replace("%2", str(size[0]))
                .replace("%3", str(size[1]))
            )
        preview = ImagePreview(title, item.prepared.preview, self.window())
        preview.setWindowFlag(Qt.WindowType.Window, True)
        self._previews.append(preview)
        preview.destroyed.connect(lambda: self._forget_preview(preview))
        preview.show()
        return preview

    def _forget_preview(self, preview: ImagePreview) -> None:
        if preview in self._previews:
            self._previews.remove(preview)

    # -- drag and drop, paste ------------------------------------------------------------------

    def set_drop_highlight(self, on: bool) -> None:
        """Show where a drag will land (the window forwards drops anywhere to the pane)."""
        if on != self.drop_highlighted:
            self.drop_highlighted = on
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.drop_highlighted:
            return
        from PySide6.QtGui import QPainter, QPen  # with the first drag over the window

        # The palette's highlight, so the frame reads in light and dark themes alike.
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), _DROP_FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = _DROP_FRAME_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
        painter.end()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Everything is accepted here so that an unusable drop gets a message, not a
        # "forbidden" cursor and silence.
        event.acceptProposedAction()
        self.set_drop_highlight(True)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.set_drop_highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.set_drop_highlight(False)
        self.add_mime(event.mimeData())
        event.acceptProposedAction()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_from_clipboard()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.count():
            self.removeRequested.emit(self._draft.order()[-1])
            event.accept()
            return
        super().keyPressEvent(event)


def _size_words(size: int) -> str:
    return locale_format.size(size)


def _summary_words(
    images: int,
    videos: int,
    *,
    unusable: int,
    tokens: int,
    upload: int,
    high: bool,
    pending: int,
) -> str:
    """The request's totals before sending: ``2 images, 1 video (1 not sent), ≈1,234 tokens,
    12 KiB to send, high resolution on (1 preparing)`` — each piece a sentence of the catalog."""
    translate = QCoreApplication.translate
    separator = translate("ImagePane", ", ", "between the totals of the images")
    parts = []
    if images or not videos:
        # Two sentences, not Qt's %n plural: English has no catalog to pick the form from.
        words = (
            translate("ImagePane", "%1 image")
            if images == 1
            else translate("ImagePane", "%1 images")
        )
        parts.append(words.replace("%1", str(images)))
    if videos:
        words = (
            translate("ImagePane", "%1 video")
            if videos == 1
            else translate("ImagePane", "%1 videos")
        )
        text = words.replace("%1", str(videos))
        if unusable:
            text = (
                translate("ImagePane", "%1 (%2 not sent)")
                .replace("%1", text)
                .replace("%2", str(unusable))
            )
        parts.append(text)
    if tokens or upload:
        words = (
            translate("ImagePane", "≈%1 tokens, %2 to send")
            if videos
            else translate("ImagePane", "≈%1 image tokens, %2 to send")
        )
        parts.append(
            words.replace("%1", locale_format.number(tokens)).replace("%2", _size_words(upload))
        )
    if high:
        parts.append(translate("ImagePane", "high resolution on"))
    text = separator.join(parts)
    if pending:
        text = (
            translate("ImagePane", "%1 (%2 preparing)")
            .replace("%1", text)
            .replace("%2", str(pending))
        )
    return text


class _WarningFrame(QFrame):
    """A frame whose first child is a label for the style's warning icon, set when first shown.

    The window's first frame shows no warning, and reaching the style from Python (``QStyle``)
    costs about 7 ms at start-up, so the icon is looked up only when a warning appears.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)

    def showEvent(self, event: QShowEvent) -> None:
        if self.icon.pixmap().isNull():
            from PySide6.QtWidgets import QStyle

            warning = QStyle.StandardPixmap.SP_MessageBoxWarning
            self.icon.setPixmap(self.style().standardIcon(warning).pixmap(16, 16))
        super().showEvent(event)


def _warning_row(
    parent: QWidget, object_name: str, icon_alignment: Qt.AlignmentFlag | None = None
) -> tuple[QFrame, QHBoxLayout]:
    """A hidden frame that starts with the style's warning icon, for a sentence and its buttons
    (the model banner, the messages about unusable images)."""
    frame = _WarningFrame(parent)
    frame.setObjectName(object_name)
    layout = QHBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    if icon_alignment is None:
        layout.addWidget(frame.icon)
    else:
        layout.addWidget(frame.icon, 0, icon_alignment)
    frame.hide()
    return frame, layout
