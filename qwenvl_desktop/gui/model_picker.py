"""Region and model choice, with each model's flags, and the thinking switch where it applies.

Item texts are the plain identifiers (``cn``, ``qwen3-vl-plus``) so ``findText`` and
``currentText`` give names a script can use; the descriptions and flags are painted beside them
by :class:`_SecondaryTextDelegate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QWidget,
)

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION
from qwenvl_desktop.gui.elided_label import ElidedLabel

if TYPE_CHECKING:
    # Painting a list entry needs these; the window's first frame paints no open list.
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from qwenvl_desktop.core.protocol.catalog import ModelInfo

__all__ = ["GROUP_ORDER", "ModelPicker", "model_flags", "model_flags_tooltip"]

GROUP_ORDER = ("Qwen3-VL", "Qwen-VL", "QVQ", "OCR")
#: Item data: the secondary text painted after the name.
SECONDARY_ROLE = Qt.ItemDataRole.UserRole + 1
#: Item data: the identifier (model name / region id); None on group headers.
ID_ROLE = Qt.ItemDataRole.UserRole + 2

#: The most a hybrid model may think, in tokens (API.md: thinking_budget ≤ 81,920).
MAX_THINKING_BUDGET = 81920


#: The catalog's flags (:meth:`~qwenvl_desktop.core.protocol.ModelInfo.flags`) a person choosing
#: a model cares about, as a short word for the list and the label beside it, and what the word
#: means for the tooltip. A flag with a value is keyed by its name (``grounding``).
_FLAG_WORDS = {
    "thinking": (
        translatable("ModelPicker", "thinks"),
        translatable("ModelPicker", "always reasons step by step before it answers (slower)"),
    ),
    "thinking:optional": (
        translatable("ModelPicker", "can think"),
        translatable("ModelPicker", "can reason before it answers: the Thinking switch"),
    ),
    "stream-only": (
        translatable("ModelPicker", "stream only"),
        translatable("ModelPicker", "answers only as a stream"),
    ),
    "ocr": (
        translatable("ModelPicker", "reads text"),
        translatable("ModelPicker", "made for reading the text in images and documents"),
    ),
    "video": (
        translatable("ModelPicker", "video"),
        translatable("ModelPicker", "also takes video"),
    ),
    "grounding": (
        translatable("ModelPicker", "finds objects"),
        translatable("ModelPicker", "can point at things: boxes drawn on the image"),
    ),
    "no-images": (
        translatable("ModelPicker", "no images"),
        translatable("ModelPicker", "cannot read images"),
    ),
    "unlisted": (
        translatable("ModelPicker", "not in catalog"),
        translatable("ModelPicker", "not in the built-in catalog: its abilities are guessed"),
    ),
}

#: Flags with a number, shown only as detail in the tooltip (``%1`` is the number).
_FLAG_DETAILS = {
    "grid": translatable("ModelPicker", "each image token covers %1 × %1 pixels"),
    "context": translatable("ModelPicker", "holds up to %1 tokens per conversation"),
    "max-output": translatable("ModelPicker", "answers up to %1 tokens long"),
}

#: Catalog groups that are words, not model families (the families' names stay as they are).
_GROUP_WORDS = frozenset({translatable("ModelPicker", "Other")})


def _words(text: str) -> str:
    return QCoreApplication.translate("ModelPicker", text)


def _flag_key(flag: str) -> str:
    """``grounding:relative-1000`` → ``grounding``, ``grid:32`` → ``grid``; others as they are."""
    name, _, value = flag.partition(":")
    return name if name == "grounding" or value.isdigit() else flag


def model_flags(info: ModelInfo) -> list[str]:
    """The flags a person choosing a model cares about, in words (in the catalog's order)."""
    return [
        _words(_FLAG_WORDS[key][0]) for key in map(_flag_key, info.flags()) if key in _FLAG_WORDS
    ]


def model_flags_tooltip(info: ModelInfo) -> str:
    """Each flag's word with what it means, then the detail (image grid, context, output)."""
    lines = [
        QCoreApplication.translate("ModelPicker", "%1: %2")
        .replace("%1", _words(word))
        .replace("%2", _words(meaning))
        for word, meaning in (
            _FLAG_WORDS[key] for key in map(_flag_key, info.flags()) if key in _FLAG_WORDS
        )
    ]
    for flag in info.flags():
        name, _, value = flag.partition(":")
        if name in _FLAG_DETAILS and value.isdigit():
            number = f"{int(value):,}"
            lines.append(_words(_FLAG_DETAILS[name]).replace("%1", number))
        elif name == "like":
            lines.append(
                QCoreApplication.translate(
                    "ModelPicker", "behaves as %1 (your configuration)"
                ).replace("%1", value)
            )
    return "\n".join(lines)


class _SecondaryTextDelegate(QStyledItemDelegate):
    """Paints an item's text, then its secondary text (flags, region name) dimmed after it."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        from PySide6.QtWidgets import QStyle

        super().paint(painter, option, index)
        secondary = index.data(SECONDARY_ROLE)
        if not secondary:
            return
        painter.save()
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = option.fontMetrics
        rect = option.rect.adjusted(metrics.horizontalAdvance(text) + 24, 0, -6, 0)
        selected = option.state & QStyle.StateFlag.State_Selected
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(option.palette.color(role))
        painter.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            metrics.elidedText(str(secondary), Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        secondary = index.data(SECONDARY_ROLE)
        if secondary:
            extra = option.fontMetrics.horizontalAdvance(str(secondary)) + 30
            size.setWidth(size.width() + extra)
        return size


class ModelPicker(QWidget):
    """Region, custom URL, model (grouped, with flags), thinking switch and budget."""

    #: region id, custom base URL ("" unless the region is custom)
    regionChosen = Signal(str, str)
    modelChosen = Signal(str)
    #: thinking on, budget in tokens (0: the model's default)
    thinkingChanged = Signal(bool, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.region_label = QLabel(self)
        layout.addWidget(self.region_label)
        self.region = QComboBox(self)
        self.region.setObjectName("regionPicker")
        self.region.setAccessibleName("regionPicker")
        self.region.setItemDelegate(_SecondaryTextDelegate(self.region))
        self.region.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.region.currentIndexChanged.connect(self._region_changed)
        layout.addWidget(self.region)

        self.custom_url = QLineEdit(self)
        self.custom_url.setObjectName("customUrlEdit")
        self.custom_url.setAccessibleName("customUrlEdit")
        self.custom_url.setPlaceholderText("https://host/compatible-mode/v1")
        self.custom_url.setMinimumWidth(120)
        self.custom_url.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.custom_url.editingFinished.connect(self._custom_url_edited)
        self.custom_url.hide()
        layout.addWidget(self.custom_url, 3)

        layout.addSpacing(8)
        self.model_label = QLabel(self)
        layout.addWidget(self.model_label)
        self.model = QComboBox(self)
        self.model.setObjectName("modelPicker")
        self.model.setAccessibleName("modelPicker")
        self.model.setItemDelegate(_SecondaryTextDelegate(self.model))
        self.model.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model.setMinimumContentsLength(14)
        self._model_items = QStandardItemModel(self.model)
        self.model.setModel(self._model_items)
        self.model.currentIndexChanged.connect(self._model_changed)
        layout.addWidget(self.model)

        self.flags = ElidedLabel(self)
        self.flags.setObjectName("modelFlags")
        self.flags.setEnabled(False)  # drawn dimmed, like the flags in the list
        layout.addWidget(self.flags)

        layout.addSpacing(8)
        self.thinking = QCheckBox(self)
        self.thinking.setObjectName("thinkingSwitch")
        self.thinking.setAccessibleName("thinkingSwitch")
        self.thinking.toggled.connect(self._thinking_changed)
        layout.addWidget(self.thinking)
        self.budget = QSpinBox(self)
        self.budget.setObjectName("thinkingBudget")
        self.budget.setAccessibleName("thinkingBudget")
        self.budget.setRange(0, MAX_THINKING_BUDGET)
        self.budget.setSingleStep(1024)
        self.budget.valueChanged.connect(self._thinking_changed)
        layout.addWidget(self.budget)
        layout.addStretch(1)
        self._regions: list[tuple[str, str]] = []
        self._models: list[ModelInfo] = []
        self._show_thinking(False)
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.region_label.setText(translate("ModelPicker", "Region"))
        self.region.setAccessibleDescription(
            translate("ModelPicker", "Service region; each has its own key and endpoint")
        )
        self.model_label.setText(translate("ModelPicker", "Model"))
        self.model.setAccessibleDescription(
            translate("ModelPicker", "Model, grouped by family, with its flags")
        )
        self.thinking.setText(translate("ModelPicker", "Thinking"))
        self.thinking.setToolTip(
            translate(
                "ModelPicker", "Let the model reason before it answers (hybrid-thinking models)"
            )
        )
        self.budget.setSpecialValueText(translate("ModelPicker", "auto", "thinking budget"))
        self.budget.setSuffix(translate("ModelPicker", " tok", "unit of the thinking budget"))
        self.budget.setToolTip(
            translate("ModelPicker", "Most tokens the model may spend thinking (0: its default)")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The lists' flags and the custom entry's words are made when they are filled.
            if self._regions:
                region = self.current_region()
                self.set_regions(self._regions)
                self.set_region(region, self.custom_url.text())
            if self._models:
                self.set_models(self._models, self.current_model())
        super().changeEvent(event)

    # -- filling --------------------------------------------------------------------------------

    def set_regions(self, regions: Sequence[tuple[str, str]]) -> None:
        """(id, description) pairs; a "custom" entry is added for any other endpoint."""
        self._regions = list(regions)
        custom = QCoreApplication.translate("ModelPicker", "any compatible endpoint URL")
        self.region.blockSignals(True)
        self.region.clear()
        for region_id, label in [*regions, (CUSTOM_REGION, custom)]:
            self.region.addItem(region_id, region_id)
            index = self.region.count() - 1
            self.region.setItemData(index, label, SECONDARY_ROLE)
            self.region.setItemData(index, label, Qt.ItemDataRole.ToolTipRole)
        self.region.blockSignals(False)
        _fit_list_to_entries(self.region)

    def set_region(self, region: str, custom_url: str | None) -> None:
        self.region.blockSignals(True)
        index = self.region.findData(region)
        if index >= 0:
            self.region.setCurrentIndex(index)
        self.region.blockSignals(False)
        self.custom_url.setText(custom_url or "")
        self.custom_url.setVisible(region == CUSTOM_REGION)

    def set_models(self, models: Sequence[ModelInfo], current: str) -> None:
        """Fill the list grouped by family (group headers cannot be chosen)."""
        self._models = list(models)
        self.model.blockSignals(True)
        self._model_items.clear()
        groups: dict[str, list[ModelInfo]] = {}
        for info in models:
            groups.setdefault(info.group, []).append(info)
        order = [g for g in GROUP_ORDER if g in groups]
        order += [g for g in groups if g not in GROUP_ORDER]
        header_font = QFont(self.model.font())
        header_font.setBold(True)
        self._infos = {info.name: info for info in models}
        for group in order:
            header = QStandardItem(_words(group) if group in _GROUP_WORDS else group)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setFont(header_font)
            self._model_items.appendRow(header)
            for info in groups[group]:
                item = QStandardItem(info.name)
                item.setData(info.name, ID_ROLE)
                flags = ", ".join(model_flags(info))
                item.setData(flags, SECONDARY_ROLE)
                item.setToolTip(model_flags_tooltip(info))
                self._model_items.appendRow(item)
        index = self.model.findText(current)
        self.model.setCurrentIndex(index)
        self.model.blockSignals(False)
        _fit_list_to_entries(self.model)
        self._show_flags(current)

    def set_thinking(self, enabled: bool | None, budget: int | None) -> None:
        for widget in (self.thinking, self.budget):
            widget.blockSignals(True)
        self.thinking.setChecked(bool(enabled))
        self.budget.setValue(budget or 0)
        self.budget.setEnabled(bool(enabled))
        for widget in (self.thinking, self.budget):
            widget.blockSignals(False)

    def set_locked(self, locked: frozenset[str]) -> None:
        """Settings fixed by the system-wide configuration are shown but cannot be changed."""
        self.region.setEnabled("region" not in locked and "base_url" not in locked)
        self.custom_url.setReadOnly("base_url" in locked)
        self.model.setEnabled("model" not in locked)
        self.thinking.setEnabled("thinking" not in locked)

    def current_model(self) -> str:
        return self.model.currentText()

    def current_region(self) -> str:
        return str(self.region.currentData() or "")

    # -- reacting -------------------------------------------------------------------------------

    def _show_flags(self, name: str) -> None:
        info = getattr(self, "_infos", {}).get(name)
        if info is None:
            self.flags.setText("")
            self.flags.setToolTip("")
            self._show_thinking(False)
            return
        flags = model_flags(info)
        self.flags.setText(" · ".join(flags))
        self.flags.setToolTip(model_flags_tooltip(info))
        self._show_thinking(info.thinking == "hybrid")

    def _show_thinking(self, visible: bool) -> None:
        self.thinking.setVisible(visible)
        self.budget.setVisible(visible)

    def _region_changed(self, _index: int) -> None:
        region = self.current_region()
        custom = region == CUSTOM_REGION
        self.custom_url.setVisible(custom)
        if custom:
            if not self.custom_url.text().strip():
                self.custom_url.setFocus()
                return  # wait for a URL
            self.regionChosen.emit(region, self.custom_url.text().strip())
        else:
            self.regionChosen.emit(region, "")

    def _custom_url_edited(self) -> None:
        url = self.custom_url.text().strip()
        if self.current_region() == CUSTOM_REGION and url:
            self.regionChosen.emit(CUSTOM_REGION, url)

    def _model_changed(self, _index: int) -> None:
        name = self.model.currentText()
        self._show_flags(name)
        if name:
            self.modelChosen.emit(name)

    def _thinking_changed(self, *_: object) -> None:
        on = self.thinking.isChecked()
        self.budget.setEnabled(on)
        self.thinkingChanged.emit(on, self.budget.value())


def _fit_list_to_entries(combo: QComboBox) -> None:
    """Make the open list as wide as its longest entry (name and flags), within the screen.

    A combo box's list is as wide as the box and the box only measures the names, so the flags
    painted beside them were cut; the list's minimum width comes from the delegate's widths.
    """
    view = combo.view()
    widest = view.sizeHintForColumn(0)
    if widest <= 0:
        return
    chrome = view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 4
    screen = combo.screen()
    most = screen.availableGeometry().width() if screen is not None else widest + chrome
    view.setMinimumWidth(min(widest + chrome, most))
