"""The image viewer: one of a question's images with zoom, and the answer's boxes and points.

The scene is laid out in pixels of the **original** image: the picture shown is the one that was
sent (what the model saw), scaled up to the original's size, and each box is a rectangle at the
coordinates :mod:`qwenvl_desktop.core.grounding` mapped to the original. So what the viewer draws,
the exported PNG and the exported JSON use the same numbers; labels and points keep their size on
the screen at any zoom.

:class:`ImageViewerDialog` only shows the state it is given (:meth:`~ImageViewerDialog.show_turn`,
:meth:`~ImageViewerDialog.set_turn`) and emits what the person asks for: move the boxes to the
image shown, show or hide them, export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QIcon,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
    QTransform,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.gui.annotations.overlay import colour_of

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent, QWheelEvent

    from qwenvl_desktop.core.grounding import Box, Point
    from qwenvl_desktop.services.annotations import TurnAnnotations

__all__ = ["AnnotationItem", "ImageView", "ImageViewerDialog", "ViewerImage"]

_MIN_ZOOM, _MAX_ZOOM = 0.02, 32.0
_ZOOM_STEP = 1.25


@dataclass(frozen=True, slots=True)
class ViewerImage:
    """One image of the question: its name, the picture sent (null for a link) and the
    original's size (what the coordinates are pixels of)."""

    name: str
    picture: QImage
    original_size: tuple[int, int] | None

    @property
    def scene_size(self) -> tuple[int, int]:
        if self.original_size:
            return self.original_size
        return (self.picture.width(), self.picture.height())


def _text_colour(background: QColor) -> QColor:
    light = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor(0, 0, 0) if light > 150 else QColor(255, 255, 255)


class LabelTag(QGraphicsItem):
    """A label on a coloured tag, the same size on the screen at any zoom.

    ``place``: ``above`` the box's top-left corner, ``inside`` it (a box at the image's top
    edge), or ``beside`` a point.
    """

    def __init__(self, text: str, colour: QColor, parent: QGraphicsItem, *, place: str) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.text = text
        self._colour = colour
        metrics = QFontMetricsF(QApplication.font())
        width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
        top = {"above": -height, "inside": 0.0, "beside": -height / 2}[place]
        self._rect = QRectF(9 if place == "beside" else 0, top, width, height)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawRect(self._rect)
        painter.setPen(_text_colour(self._colour))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


class AnnotationItem(QGraphicsRectItem):
    """A box (its rectangle in original-image pixels) or a point (:attr:`point`, drawn as a dot
    of a fixed screen size), with its label's tag."""

    def __init__(
        self,
        label: str,
        rect: QRectF,
        *,
        colour: QColor,
        point: QPointF | None,
        image_height: float,
    ) -> None:
        super().__init__(rect)
        self.label = label
        self.point = point
        self.colour = colour
        self.setToolTip(label)
        self.setAcceptHoverEvents(True)
        self._dot: QGraphicsEllipseItem | None = None
        if point is None:
            place = "above" if rect.top() > image_height * 0.03 else "inside"
            self.tag = LabelTag(label, self.colour, self, place=place)
            self.tag.setPos(rect.topLeft())
        else:
            self.setRect(QRectF(point, point))
            dot = QGraphicsEllipseItem(QRectF(-6, -6, 12, 12), self)
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            dot.setPos(point)
            dot.setBrush(self.colour)
            self._dot = dot
            self.tag = LabelTag(label, self.colour, self, place="beside")
            self.tag.setPos(point)
        self.set_emphasis("normal")

    def set_emphasis(self, emphasis: str) -> None:
        """``normal``, ``strong`` (hovered in the list) or ``dim`` (another one is)."""
        width = 4.0 if emphasis == "strong" else 2.0
        pen = QPen(self.colour, width)
        pen.setCosmetic(True)  # the same width on the screen at any zoom
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        if self._dot is not None:
            self.setPen(Qt.PenStyle.NoPen)
            outline = QPen(QColor(255, 255, 255), width / 2 + 1)
            outline.setCosmetic(True)
            self._dot.setPen(outline)
        else:
            self.setPen(pen)
        self.setBrush(
            QBrush(QColor(self.colour.red(), self.colour.green(), self.colour.blue(), 48))
            if emphasis == "strong" and self._dot is None
            else QBrush(Qt.BrushStyle.NoBrush)
        )
        self.setOpacity(0.3 if emphasis == "dim" else 1.0)
        self.setZValue(10 if emphasis == "strong" else 1)


class ImageView(QGraphicsView):
    """The picture and its annotations, zoomed with the wheel (under the pointer) or the
    buttons; fitted to the window until the person zooms."""

    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setAccessibleName("imageViewer")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(self.palette().dark())
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.items_shown: list[AnnotationItem] = []
        self._fitted = True
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "ImageView", "The image at the size chosen, with the answer's boxes"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what is shown ---------------------------------------------------------------------------

    def show_image(self, image: ViewerImage) -> None:
        scene = self.scene()
        scene.clear()
        self.items_shown = []
        self.pixmap_item = None
        width, height = image.scene_size
        if image.picture.isNull():
            note = scene.addText(
                QCoreApplication.translate(
                    "ImageView",
                    "The service downloaded this image from its link: the app has no copy to show.",
                )
            )
            note.setDefaultTextColor(self.palette().brightText().color())
            scene.setSceneRect(note.boundingRect())
        else:
            item = QGraphicsPixmapItem(QPixmap.fromImage(image.picture))
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            # The sent picture stretched over the original's size: scene units are original px.
            sx = width / max(image.picture.width(), 1)
            sy = height / max(image.picture.height(), 1)
            item.setTransform(QTransform.fromScale(sx, sy))
            item.setZValue(0)
            scene.addItem(item)
            self.pixmap_item = item
            scene.setSceneRect(QRectF(0, 0, width, height))
        self.fit()

    def show_annotations(
        self,
        boxes: Sequence[Box],
        points: Sequence[Point],
        image_height: float,
        labels: Sequence[str],
    ) -> list[AnnotationItem]:
        """Draw ``boxes`` and ``points`` (original-image pixels); ``labels``: all the answer's,
        which pick the colours as the export does."""
        for old in self.items_shown:
            self.scene().removeItem(old)
        shown = []
        for box in boxes:
            x1, y1, x2, y2 = box.box
            rect = QRectF(QPointF(x1, y1), QPointF(x2, y2)).normalized()
            colour = colour_of(box.label, labels)
            shown.append(
                AnnotationItem(
                    box.label, rect, colour=colour, point=None, image_height=image_height
                )
            )
        for point in points:
            spot = QPointF(*point.point)
            colour = colour_of(point.label, labels)
            shown.append(
                AnnotationItem(
                    point.label, QRectF(), colour=colour, point=spot, image_height=image_height
                )
            )
        for item in shown:
            self.scene().addItem(item)
        self.items_shown = shown
        return shown

    def set_annotations_visible(self, visible: bool) -> None:
        for item in self.items_shown:
            item.setVisible(visible)

    def highlight(self, index: int | None) -> None:
        """Bring out item ``index`` of :attr:`items_shown` and dim the others (None: none)."""
        for i, item in enumerate(self.items_shown):
            if index is None:
                item.set_emphasis("normal")
            else:
                item.set_emphasis("strong" if i == index else "dim")

    # -- zoom ------------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """Screen (logical) pixels per original-image pixel."""
        return self.transform().m11()

    def fit(self) -> None:
        self._fitted = True
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomChanged.emit(self.zoom)

    def set_zoom(self, zoom: float) -> None:
        self._fitted = False
        zoom = min(max(zoom, _MIN_ZOOM), _MAX_ZOOM)
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.zoomChanged.emit(self.zoom)

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom * factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(_ZOOM_STEP**steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()


class ImageViewerDialog(QDialog):
    """The viewer's window: image picker, move, show/hide, zoom, label list, exports."""

    #: move every box and point of the turn to this image (0-based)
    moveRequested = Signal(int)
    #: show or hide the boxes and points (everywhere: here and on the thumbnails)
    visibilityToggled = Signal(bool)
    #: ``png`` or ``json``, the image shown (0-based), the file chosen
    exportRequested = Signal(str, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewerDialog")
        self.setModal(False)
        self.exchange_id = ""
        self.images: list[ViewerImage] = []
        self.turn: TurnAnnotations | None = None
        self.index = 0
        self._file_dialog: QFileDialog | None = None
        self._build()
        self.resize(1000, 720)
        self.retranslate()

    def retranslate(self) -> None:
        """The dialog's words; those made from what is shown (the picker, the title, the
        list, the move button) are made again."""
        translate = QCoreApplication.translate
        self.move_button.setToolTip(
            translate(
                "ImageViewerDialog", "The answer meant this image: put every box and point on it"
            )
        )
        self.show_toggle.setText(translate("ImageViewerDialog", "Show boxes"))
        for button, text, tip in self._zoom_buttons:
            if text is not None:
                button.setText(translate("ImageViewerDialog", text))
            button.setToolTip(translate("ImageViewerDialog", tip))
        self.png_button.setText(translate("ImageViewerDialog", "Export PNG…"))
        self.png_button.setToolTip(
            translate(
                "ImageViewerDialog", "This image at its original size with the boxes drawn on it"
            )
        )
        self.json_button.setText(translate("ImageViewerDialog", "Export JSON…"))
        self.json_button.setToolTip(
            translate("ImageViewerDialog", "The boxes and points in pixels of the original images")
        )
        self.close_button.setText(translate("ImageViewerDialog", "Close"))
        if self.images:
            self._fill_picker()
            self._show_title()
            self._show_annotations()
        else:
            self.setWindowTitle(translate("ImageViewerDialog", "Image"))
            self.move_button.setText(translate("ImageViewerDialog", "Move boxes here"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _build(self) -> None:
        self.view = ImageView(self)
        self.image_picker = QComboBox(self)
        self.image_picker.setObjectName("viewerImagePicker")
        self.image_picker.currentIndexChanged.connect(self._on_image_picked)
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("moveAnnotationsButton")
        self.move_button.clicked.connect(lambda: self.moveRequested.emit(self.index))
        self.show_toggle = QCheckBox(self)
        self.show_toggle.setObjectName("showAnnotationsToggle")
        self.show_toggle.setChecked(True)
        self.show_toggle.toggled.connect(self._on_toggled)

        top = QHBoxLayout()
        top.addWidget(self.image_picker)
        top.addWidget(self.move_button)
        top.addWidget(self.show_toggle)
        top.addStretch(1)
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("viewerZoom")
        top.addWidget(self.zoom_label)
        #: the zoom buttons, their words (None: a sign, the same in every language), their tooltips
        self._zoom_buttons: list[tuple[QToolButton, str | None, str]] = []
        for sign, text, tip, slot, keys in (
            (
                "−",
                None,
                translatable("ImageViewerDialog", "Zoom out (Ctrl+-)"),
                lambda: self.view.zoom_by(1 / _ZOOM_STEP),
                "Ctrl+-",
            ),
            (
                "Fit",
                translatable("ImageViewerDialog", "Fit"),
                translatable("ImageViewerDialog", "Fit the window (Ctrl+0)"),
                self.view.fit,
                "Ctrl+0",
            ),
            (
                "100%",
                None,
                translatable("ImageViewerDialog", "One image pixel per screen pixel (Ctrl+1)"),
                self._actual_size,
                "Ctrl+1",
            ),
            (
                "+",
                None,
                translatable("ImageViewerDialog", "Zoom in (Ctrl++)"),
                lambda: self.view.zoom_by(_ZOOM_STEP),
                "Ctrl++",
            ),
        ):
            button = QToolButton(self)
            button.setText(sign)
            self._zoom_buttons.append((button, text, tip))
            button.clicked.connect(slot)
            top.addWidget(button)
            QShortcut(QKeySequence(keys), self, slot)
        QShortcut(QKeySequence("Ctrl+="), self, lambda: self.view.zoom_by(_ZOOM_STEP))
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z:.0%}"))

        self.label_list = QListWidget(self)
        self.label_list.setObjectName("annotationList")
        self.label_list.setMouseTracking(True)
        self.label_list.viewport().setMouseTracking(True)
        self.label_list.currentRowChanged.connect(lambda _row: self._highlight_current())
        self.label_list.viewport().installEventFilter(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.label_list)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([780, 200])
        splitter.setChildrenCollapsible(False)

        self.notes = QLabel(self)
        self.notes.setObjectName("annotationNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.png_button = QPushButton(self)
        self.png_button.setObjectName("exportAnnotatedPngButton")
        self.png_button.clicked.connect(lambda: self.choose_export_file("png"))
        self.json_button = QPushButton(self)
        self.json_button.setObjectName("exportAnnotationsJsonButton")
        self.json_button.clicked.connect(lambda: self.choose_export_file("json"))
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notes, 1)
        bottom.addWidget(self.png_button)
        bottom.addWidget(self.json_button)
        bottom.addWidget(self.close_button)

        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(splitter, 1)
        column.addLayout(bottom)

    # -- state in --------------------------------------------------------------------------------

    def show_turn(
        self,
        exchange_id: str,
        images: list[ViewerImage],
        turn: TurnAnnotations | None,
        index: int,
    ) -> None:
        """Show image ``index`` of a question, with the answer's annotations (None: none)."""
        self.exchange_id = exchange_id
        self.images = images
        self.turn = turn
        self.index = min(max(index, 0), max(len(images) - 1, 0))
        self._fill_picker()
        self._show_current()

    def set_turn(self, turn: TurnAnnotations | None) -> None:
        """The annotations changed (found, moved, forgotten): the same image, drawn again."""
        self.turn = turn
        self._fill_picker()
        self._show_annotations()

    def set_annotations_visible(self, visible: bool) -> None:
        self.show_toggle.setChecked(visible)

    def show_message(self, sentence: str) -> None:
        self.notes.setText(sentence)

    # -- drawing ---------------------------------------------------------------------------------

    def _fill_picker(self) -> None:
        translate = QCoreApplication.translate
        picker = self.image_picker
        picker.blockSignals(True)
        picker.clear()
        for number, image in enumerate(self.images, 1):
            size = (
                f" ({image.original_size[0]}×{image.original_size[1]})"
                if image.original_size
                else ""
            )
            count = self._count_on(number - 1)
            if count:
                marks = translate("ImageViewerDialog", " · %1 marked").replace("%1", str(count))
            else:
                marks = ""
            entry = translate("ImageViewerDialog", "Image %1: %2%3%4")
            # the name last: a file name may hold "%3"
            entry = entry.replace("%1", str(number)).replace("%3", size).replace("%4", marks)
            picker.addItem(entry.replace("%2", image.name))
        picker.setCurrentIndex(self.index)
        picker.blockSignals(False)
        picker.setVisible(len(self.images) > 1)

    def _count_on(self, image: int) -> int:
        if self.turn is None:
            return 0
        boxes, points = self.turn.on_image(image)
        return len(boxes) + len(points)

    def _show_current(self) -> None:
        if not self.images:
            return
        image = self.images[self.index]
        self._show_title()
        self.view.show_image(image)
        self._show_annotations()

    def _show_title(self) -> None:
        image = self.images[self.index]
        title = QCoreApplication.translate("ImageViewerDialog", "%1 — image %2 of %3")
        title = title.replace("%2", str(self.index + 1)).replace("%3", str(len(self.images)))
        self.setWindowTitle(title.replace("%1", image.name))

    def _show_annotations(self) -> None:
        translate = QCoreApplication.translate
        if not self.images:
            return
        image = self.images[self.index]
        boxes, points = self.turn.on_image(self.index) if self.turn else ([], [])
        labels = self.turn.annotations.labels if self.turn else ()
        items = self.view.show_annotations(boxes, points, image.scene_size[1], labels)
        self.view.set_annotations_visible(self.show_toggle.isChecked())
        self.label_list.clear()
        for item in items:
            row = QListWidgetItem(_swatch(item.colour), item.label, self.label_list)
            row.setToolTip(_where(item))
        if not items:
            empty = QListWidgetItem(
                translate("ImageViewerDialog", "Nothing marked here."), self.label_list
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        total = self.turn.count if self.turn else 0
        elsewhere = total - len(items)
        can_move = elsewhere > 0 and bool(image.original_size)
        self.move_button.setVisible(len(self.images) > 1)
        self.move_button.setEnabled(can_move)
        if can_move:
            move = translate("ImageViewerDialog", "Move %1 here").replace("%1", str(elsewhere))
        else:
            move = translate("ImageViewerDialog", "Move boxes here")
        self.move_button.setText(move)
        self.show_toggle.setEnabled(total > 0)
        self.png_button.setEnabled(bool(items) and not image.picture.isNull())
        self.json_button.setEnabled(total > 0)
        notes = list(self.turn.annotations.notes) if self.turn else []
        if elsewhere and not items:
            other = translate("ImageViewerDialog", "The answer marks another image (%1).")
            notes.insert(0, other.replace("%1", str(elsewhere)))
        self.notes.setText(" ".join(notes))

    # -- intent out ------------------------------------------------------------------------------

    def _on_image_picked(self, index: int) -> None:
        if 0 <= index < len(self.images) and index != self.index:
            self.index = index
            self._show_current()

    def _on_toggled(self, visible: bool) -> None:
        self.view.set_annotations_visible(visible)
        self.visibilityToggled.emit(visible)

    def _actual_size(self) -> None:
        self.view.set_zoom(1.0)

    def _highlight_current(self) -> None:
        row = self.label_list.currentRow()
        self.view.highlight(row if 0 <= row < len(self.view.items_shown) else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label_list.viewport():
            if event.type() == QEvent.Type.MouseMove:
                assert isinstance(event, QMouseEvent)
                row = self.label_list.indexAt(event.position().toPoint()).row()
                if 0 <= row < len(self.view.items_shown):
                    self.view.highlight(row)
                else:
                    self._highlight_current()
            elif event.type() == QEvent.Type.Leave:
                self._highlight_current()  # the pointer left the list: back to the row selected
        return super().eventFilter(watched, event)

    def choose_export_file(self, kind: str) -> None:
        """Ask where to save (a non-modal dialog), then emit :attr:`exportRequested`."""
        if self._file_dialog is not None:
            self._file_dialog.close()
        stem = Path(self.images[self.index].name).stem if self.images else ""
        stem = stem or "image"
        name = f"{stem}-annotated.png" if kind == "png" else f"{stem}-annotations.json"
        translate = QCoreApplication.translate
        if kind == "png":
            filters = translate("ImageViewerDialog", "PNG image (*.png)")
        else:
            filters = "JSON (*.json)"
        dialog = QFileDialog(self, translate("ImageViewerDialog", "Export"), name, filters)
        dialog.setObjectName("annotationExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        image = self.index
        dialog.fileSelected.connect(lambda path: self.exportRequested.emit(kind, image, path))
        dialog.finished.connect(self._file_dialog_closed)
        self._file_dialog = dialog
        dialog.open()  # not exec(): a nested loop would re-enter the asyncio loop

    def _file_dialog_closed(self) -> None:
        if self._file_dialog is not None:
            self._file_dialog.deleteLater()
        self._file_dialog = None


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)


def _where(item: AnnotationItem) -> str:
    translate = QCoreApplication.translate
    if item.point is not None:
        where = translate("ImageViewerDialog", "%1: point (%2) px")
        spot = f"{item.point.x():.0f}, {item.point.y():.0f}"
        return where.replace("%2", spot).replace("%1", item.label)
    r = item.rect()
    where = translate("ImageViewerDialog", "%1: (%2) – (%3) px of the original")
    corner, far = f"{r.left():.0f}, {r.top():.0f}", f"{r.right():.0f}, {r.bottom():.0f}"
    return where.replace("%2", corner).replace("%3", far).replace("%1", item.label)
