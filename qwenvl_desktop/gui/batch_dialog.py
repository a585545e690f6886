"""Tools ▸ Ask about many images…: a folder or a selection in, one answer per image out.

:class:`BatchDialog` (non-modal, objectName ``batchDialog``) shows the choices — the inputs
(a folder, or several files; how many images they hold), the question (the quick prompts as a
starting point), the model and how many requests go at once — then the run: a progress panel
(bar, done / failed / total, rate, time left; Pause/Resume and Cancel) and the results table
(input, status, the answer's first line, tokens, seconds), which fills in as rows finish. A
double-click opens a row as a conversation in the main window; Export CSV… / Export JSONL…
save the rows. Closing the dialog does not stop the run: Tools ▸ Ask about many images… shows
it again.

The widgets only show state and ask: the run, the search for images, the exports and the
conversation a row becomes are :class:`~qwenvl_desktop.services.batch.BatchRun`'s, all off the
GUI thread. Rows that finish close together reach the table in one insertion per
:data:`TABLE_FLUSH_MS`.

:class:`BatchTool` is what the main window keeps: the menu action (objectName ``actionBatch``),
and the dialog and its service, made when first opened (nothing here is on the first frame).
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qwenvl_desktop.core.i18n import translatable
from qwenvl_desktop.core.prompts.quick_prompts import QuickPrompts

if TYPE_CHECKING:
    # The batch engine, the services and the conversation model load when the dialog first
    # opens, not with the window's first frame.
    from qwenvl_desktop.core.batch.inputs import BatchItem
    from qwenvl_desktop.core.batch.results import BatchResult
    from qwenvl_desktop.core.batch.runner import BatchSummary
    from qwenvl_desktop.core.protocol.catalog import ModelInfo
    from qwenvl_desktop.core.settings import Settings
    from qwenvl_desktop.services.batch import BatchRun

__all__ = ["TABLE_FLUSH_MS", "BatchDialog", "ResultsModel"]

#: rows finishing closer together than this reach the table in one insertion
TABLE_FLUSH_MS = 100
#: the concurrency the dialog offers at first, and its ceiling
DEFAULT_CONCURRENCY = 4
MAX_CONCURRENCY = 32
IMAGE_FILTER = translatable(
    "BatchDialog",
    "Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff *.heic *.heif *.avif);;"
    "Lists with a path column (*.csv *.jsonl);;All files (*)",
)
CUSTOM_PROMPT = translatable("BatchDialog", "Custom question")


def first_line(text: str, limit: int = 200) -> str:
    """The first non-empty line of ``text``, shortened for a table cell."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def input_name(source: str) -> str:
    """What the table calls an input: a file's name, a link's last part."""
    name = source.rstrip("/").rsplit("/", 1)[-1]
    return os.path.basename(name) or source


class ResultsModel(QAbstractTableModel):
    """The finished rows, in the order they finished; rows are only ever appended."""

    COLUMNS = (
        translatable("ResultsModel", "Input"),
        translatable("ResultsModel", "Status"),
        translatable("ResultsModel", "Answer"),
        translatable("ResultsModel", "Tokens"),
        translatable("ResultsModel", "Seconds"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BatchResult] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def result(self, row: int) -> BatchResult:
        return self._rows[row]

    def results(self) -> list[BatchResult]:
        return list(self._rows)

    def append(self, results: Sequence[BatchResult]) -> None:
        """Add rows at the end: one insertion, however many."""
        if not results:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(results) - 1)
        self._rows.extend(results)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ResultsModel", self.COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        result = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(result, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(result, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and not result.ok:
            return QBrush(QColor(200, 40, 40))
        return None


def _sentence_of(result: BatchResult) -> str:
    return result.error_sentence or QCoreApplication.translate(
        "ResultsModel", "The request failed."
    )


def _cell(result: BatchResult, column: int) -> str:
    if column == 0:
        return input_name(result.input)
    if column == 1:
        if result.ok:
            return QCoreApplication.translate("ResultsModel", "done")
        kind = str((result.error or {}).get("kind", "error"))
        return QCoreApplication.translate("ResultsModel", "failed (%1)").replace("%1", kind)
    if column == 2:
        return first_line(result.content or "") if result.ok else _sentence_of(result)
    if column == 3:
        return f"{result.total_tokens:,}" if result.usage else ""
    return f"{result.seconds:.1f}"


def _tooltip(result: BatchResult, column: int) -> str:
    if column == 0:
        return result.input
    if column == 2:
        text = result.content if result.ok else _sentence_of(result)
        hint = QCoreApplication.translate(
            "ResultsModel", "Double-click to open it as a conversation."
        )
        return (text or "")[:2000] + "\n\n" + hint
    if column == 1 and not result.ok:
        return _sentence_of(result)
    return ""


class BatchDialog(QDialog):
    """The choices, the progress panel and the results table of one :class:`BatchRun`."""

    def __init__(
        self,
        run: BatchRun,
        *,
        models: Sequence[ModelInfo],
        current_model: str,
        region_label: str,
        settings_for: Callable[[str], Settings],
        prompts: QuickPrompts | None = None,
        open_result: Callable[[BatchResult], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setWindowTitle("Ask about many images")
        self.setModal(False)
        self.run = run
        self._settings_for = settings_for
        self._open_result = open_result
        self._prompts = prompts if prompts is not None else QuickPrompts()
        self._paths: list[str] = []
        self._items: list[BatchItem] = []
        self._pending: list[BatchResult] = []
        self._file_dialog: QFileDialog | None = None
        self._started = 0.0
        # what the progress line and the inputs line show, so a language change can say it again
        self._last_progress: tuple[int, int, int] | None = None
        self._last_summary: BatchSummary | None = None
        self._found_sentence: str | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(TABLE_FLUSH_MS)
        self._flush_timer.timeout.connect(self.flush_rows)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_choices(models, current_model, region_label))
        layout.addWidget(self._build_progress())
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_buttons())
        self._connect()
        self.resize(860, 620)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface language (at the start and on a language change)."""
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("BatchDialog", "Ask about many images"))
        self.choices_box.setTitle(translate("BatchDialog", "Ask"))
        self.folder_button.setText(translate("BatchDialog", "Folder…"))
        self.files_button.setText(translate("BatchDialog", "Files…"))
        self.images_caption.setText(translate("BatchDialog", "Images:"))
        self.question_caption.setText(translate("BatchDialog", "Question:"))
        self.model_caption.setText(translate("BatchDialog", "Model:"))
        self.at_once_caption.setText(translate("BatchDialog", "At once:"))
        self.prompt_choice.setItemText(
            self.prompt_choice.count() - 1, translate("BatchDialog", CUSTOM_PROMPT)
        )
        self.prompt_edit.setPlaceholderText(
            translate("BatchDialog", "The question asked about each image")
        )
        self.concurrency.setToolTip(
            translate(
                "BatchDialog",
                "How many requests go at once; fewer when the service says to slow down",
            )
        )
        self.progress_box.setTitle(translate("BatchDialog", "Progress"))
        self.progress_bar.setFormat(translate("BatchDialog", "%v of %m"))
        self.pause_button.setToolTip(
            translate("BatchDialog", "No new request starts; those on their way finish")
        )
        self.cancel_button.setText(translate("BatchDialog", "Cancel"))
        self.cancel_button.setToolTip(translate("BatchDialog", "Stop: the rows finished are kept"))
        self.table.setToolTip(
            translate("BatchDialog", "Double-click a row to open it as a conversation")
        )
        self.export_csv_button.setText(translate("BatchDialog", "Export CSV…"))
        self.export_jsonl_button.setText(translate("BatchDialog", "Export JSONL…"))
        self.close_button.setText(translate("BatchDialog", "Close"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)
        self._show_inputs()
        if self._last_summary is not None:
            self._on_finished(self._last_summary)
        elif self._last_progress is not None:
            self._on_progress(*self._last_progress)
        else:
            self.progress_label.setText(translate("BatchDialog", "Not started"))
        self._show_state(self.run.state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- construction ----------------------------------------------------------------------------

    def _build_choices(
        self, models: Sequence[ModelInfo], current_model: str, region_label: str
    ) -> QGroupBox:
        box = self.choices_box = QGroupBox("Ask", self)
        form = QFormLayout(box)
        inputs = QHBoxLayout()
        self.folder_button = QPushButton("Folder…", box)
        self.folder_button.setObjectName("batchFolderButton")
        self.files_button = QPushButton("Files…", box)
        self.files_button.setObjectName("batchFilesButton")
        self.inputs_label = QLabel("Choose a folder (every image in it and below) or files.", box)
        self.inputs_label.setObjectName("batchInputsLabel")
        self.inputs_label.setWordWrap(True)
        inputs.addWidget(self.folder_button)
        inputs.addWidget(self.files_button)
        inputs.addWidget(self.inputs_label, 1)
        self.images_caption = QLabel("Images:", box)
        form.addRow(self.images_caption, inputs)

        self.prompt_choice = QComboBox(box)
        self.prompt_choice.setObjectName("batchPromptChoice")
        for prompt in self._prompts:
            language = self._prompts.language
            self.prompt_choice.addItem(
                prompt.render_label(language), (prompt.render(language), prompt.ocr)
            )
        self.prompt_choice.addItem(CUSTOM_PROMPT, ("", False))
        self.prompt_edit = QPlainTextEdit(box)
        self.prompt_edit.setObjectName("batchPrompt")
        self.prompt_edit.setPlaceholderText("The question asked about each image")
        self.prompt_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.question_caption = QLabel("Question:", box)
        form.addRow(self.question_caption, self.prompt_choice)
        form.addRow("", self.prompt_edit)

        options = QHBoxLayout()
        self.model_choice = QComboBox(box)
        self.model_choice.setObjectName("batchModel")
        for info in models:
            self.model_choice.addItem(info.name, info.ocr)
        found = self.model_choice.findText(current_model)
        self.model_choice.setCurrentIndex(max(found, 0))
        self.region_label = QLabel(region_label, box)
        self.region_label.setObjectName("batchRegion")
        self.concurrency = QSpinBox(box)
        self.concurrency.setObjectName("batchConcurrency")
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(DEFAULT_CONCURRENCY)
        self.concurrency.setToolTip(
            "How many requests go at once; fewer when the service says to slow down"
        )
        self.start_button = QPushButton("Start", box)
        self.start_button.setObjectName("batchStartButton")
        self.start_button.setDefault(True)
        options.addWidget(self.model_choice, 1)
        options.addWidget(self.region_label)
        options.addSpacing(12)
        self.at_once_caption = QLabel("At once:", box)
        options.addWidget(self.at_once_caption)
        options.addWidget(self.concurrency)
        options.addSpacing(12)
        options.addWidget(self.start_button)
        self.model_caption = QLabel("Model:", box)
        form.addRow(self.model_caption, options)
        if self.prompt_choice.count() > 1:
            self._use_prompt(0)
        return box

    def _build_progress(self) -> QGroupBox:
        box = self.progress_box = QGroupBox("Progress", self)
        box.setObjectName("batchProgressPanel")
        row = QHBoxLayout(box)
        self.progress_bar = QProgressBar(box)
        self.progress_bar.setObjectName("batchProgressBar")
        self.progress_bar.setFormat("%v of %m")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_label = QLabel("Not started", box)
        self.progress_label.setObjectName("batchProgressLabel")
        self.pause_button = QPushButton("Pause", box)
        self.pause_button.setObjectName("batchPauseButton")
        self.pause_button.setToolTip("No new request starts; those on their way finish")
        self.cancel_button = QPushButton("Cancel", box)
        self.cancel_button.setObjectName("batchCancelButton")
        self.cancel_button.setToolTip("Stop: the rows finished are kept")
        column = QVBoxLayout()
        column.addWidget(self.progress_bar)
        column.addWidget(self.progress_label)
        row.addLayout(column, 1)
        row.addWidget(self.pause_button)
        row.addWidget(self.cancel_button)
        return box

    def _build_table(self) -> QTableView:
        self.model = ResultsModel(self)
        table = self.table = QTableView(self)
        table.setObjectName("batchResults")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        rows = table.verticalHeader()
        rows.setVisible(False)
        # One line per row, as compact as the font allows: more rows fit a small window.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(0, 180)
        table.setToolTip("Double-click a row to open it as a conversation")
        return table

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_csv_button = QPushButton("Export CSV…", self)
        self.export_csv_button.setObjectName("batchExportCsv")
        self.export_jsonl_button = QPushButton("Export JSONL…", self)
        self.export_jsonl_button.setObjectName("batchExportJsonl")
        self.notice_label = QLabel("", self)
        self.notice_label.setObjectName("batchNotice")
        self.notice_label.setWordWrap(True)
        self.close_button = QPushButton("Close", self)
        self.close_button.setAutoDefault(False)
        row.addWidget(self.export_csv_button)
        row.addWidget(self.export_jsonl_button)
        row.addWidget(self.notice_label, 1)
        row.addWidget(self.close_button)
        return row

    def _connect(self) -> None:
        run = self.run
        self.folder_button.clicked.connect(self.choose_folder)
        self.files_button.clicked.connect(self.choose_files)
        self.prompt_choice.activated.connect(self._use_prompt)
        self.prompt_edit.textChanged.connect(self._on_prompt_edited)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button.clicked.connect(run.cancel)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.export_csv_button.clicked.connect(lambda: self.choose_export("csv"))
        self.export_jsonl_button.clicked.connect(lambda: self.choose_export("jsonl"))
        self.close_button.clicked.connect(self.close)
        run.inputsFound.connect(self._on_inputs_found)
        run.progress.connect(self._on_progress)
        run.rowDone.connect(self._on_row)
        run.stateChanged.connect(self._show_state)
        run.finished.connect(self._on_finished)
        run.failed.connect(self.show_notice)
        run.notice.connect(self.show_notice)

    # -- choosing --------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        dialog = self._new_file_dialog(
            QCoreApplication.translate("BatchDialog", "Ask about the images in a folder")
        )
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder: self.set_inputs([folder]))
        dialog.open()  # not exec(): a nested loop would re-enter the asyncio loop

    def choose_files(self) -> None:
        dialog = self._new_file_dialog(
            QCoreApplication.translate("BatchDialog", "Ask about these images")
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(QCoreApplication.translate("BatchDialog", IMAGE_FILTER))
        dialog.filesSelected.connect(self.set_inputs)
        dialog.open()

    def choose_export(self, kind: str) -> None:
        dialog = self._new_file_dialog(
            QCoreApplication.translate("BatchDialog", "Export the results as %1").replace(
                "%1", kind.upper()
            ),
            f"results.{kind}",
            f"{kind.upper()} (*.{kind})",
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.fileSelected.connect(lambda chosen: self.export(Path(chosen)))
        dialog.open()

    def _new_file_dialog(self, title: str, name: str = "", filters: str = "") -> QFileDialog:
        if self._file_dialog is not None:
            self._file_dialog.close()
        dialog = QFileDialog(self, title, name, filters)
        dialog.setObjectName("batchFileDialog")
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(lambda: setattr(self, "_file_dialog", None))
        self._file_dialog = dialog
        return dialog

    def set_inputs(self, paths: Sequence[str]) -> None:
        """Use these folders, files or list files; the images in them are counted off-thread."""
        self._paths = list(paths)
        self._items = []
        self._found_sentence = ""
        self._show_inputs()
        self._refresh_start()
        self.run.find_inputs(self._paths)

    def _on_inputs_found(self, items: list[BatchItem], sentence: str) -> None:
        self._items = items
        self._found_sentence = sentence
        self._show_inputs()
        self.inputs_label.setToolTip("\n".join(self._paths))
        self._refresh_start()

    def _show_inputs(self) -> None:
        """The inputs line: what to choose, the search under way, or what was found where."""
        translate = QCoreApplication.translate
        sentence = self._found_sentence
        if sentence is None:
            text = translate(
                "BatchDialog", "Choose a folder (every image in it and below) or files."
            )
        elif not sentence:
            text = translate("BatchDialog", "Looking for images…")
        elif self._items:
            if len(self._paths) == 1:
                where = self._paths[0]
            else:
                where = translate("BatchDialog", "%1 selections").replace(
                    "%1", str(len(self._paths))
                )
            text = translate("BatchDialog", "%1 in %2").replace("%2", where).replace("%1", sentence)
        else:
            text = sentence
        self.inputs_label.setText(text)

    def _use_prompt(self, index: int) -> None:
        text, wants_ocr = self.prompt_choice.itemData(index)
        if text:
            self.prompt_edit.setPlainText(text)
        else:
            self.prompt_edit.setFocus()
        if wants_ocr:  # the region's OCR model reads dense text better, and costs less
            ocr = next(
                (i for i in range(self.model_choice.count()) if self.model_choice.itemData(i)),
                None,
            )
            if ocr is not None:
                self.model_choice.setCurrentIndex(ocr)

    def _on_prompt_edited(self) -> None:
        # Edited away from the chosen quick prompt: the choice says it is the person's own now.
        text, _wants_ocr = self.prompt_choice.currentData()
        if text and self.prompt_edit.toPlainText() != text:
            self.prompt_choice.setCurrentIndex(self.prompt_choice.count() - 1)
        self._refresh_start()

    def prompt(self) -> str:
        return self.prompt_edit.toPlainText().strip()

    def items(self) -> list[BatchItem]:
        """The items found, each with its list row's question or the one typed here."""
        prompt = self.prompt()
        return [dataclasses.replace(item, prompt=item.prompt or prompt) for item in self._items]

    # -- the run ---------------------------------------------------------------------------------

    def start(self) -> bool:
        items = self.items()
        if not items or any(not item.prompt for item in items):
            self.show_notice(
                QCoreApplication.translate(
                    "BatchDialog", "Choose images and type a question first."
                )
            )
            return False
        settings = self._settings_for(self.model_choice.currentText())
        self.flush_rows()
        self.model.clear()
        self._pending.clear()
        self.notice_label.clear()
        self._last_progress = None
        self._last_summary = None
        self._started = time.monotonic()
        return self.run.start(items, settings, concurrency=self.concurrency.value())

    def toggle_pause(self) -> None:
        if self.run.state == "paused":
            self.run.resume()
        else:
            self.run.pause()

    def _on_row(self, result: BatchResult) -> None:
        self._pending.append(result)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush_rows(self) -> None:
        """Put the rows that arrived since the last flush into the table, in one insertion."""
        self._flush_timer.stop()
        rows, self._pending = self._pending, []
        self.model.append(rows)
        if rows:  # the rows so far can be exported while the run goes on
            self.export_csv_button.setEnabled(True)
            self.export_jsonl_button.setEnabled(True)

    def _on_progress(self, done: int, failed: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self._last_progress = (done, failed, total)
        self.progress_label.setText(self._progress_text(done, failed, total))

    def _progress_text(self, done: int, failed: int, total: int) -> str:
        translate = QCoreApplication.translate
        parts = [
            translate("BatchDialog", "%1 of %2 done")
            .replace("%1", str(done))
            .replace("%2", str(total)),
            translate("BatchDialog", "%1 failed").replace("%1", str(failed)),
        ]
        latest = self.run.latest
        elapsed = latest.elapsed if latest is not None else time.monotonic() - self._started
        asked = done - (latest.skipped if latest is not None else 0)
        if asked > 0 and elapsed > 0:
            rate = asked / elapsed
            parts.append(translate("BatchDialog", "%1 images/s").replace("%1", f"{rate:.1f}"))
            left = total - done
            if left and self.run.state == "running":
                parts.append(
                    translate("BatchDialog", "about %1 left").replace("%1", _duration(left / rate))
                )
        if latest is not None and latest.tokens:
            parts.append(translate("BatchDialog", "%1 tokens").replace("%1", f"{latest.tokens:,}"))
        if self.run.state == "paused":
            parts.append(translate("BatchDialog", "paused"))
        return " · ".join(parts)

    def _on_finished(self, summary: BatchSummary) -> None:
        self.flush_rows()
        done = summary.succeeded + summary.failed + summary.skipped
        self.progress_bar.setRange(0, max(summary.total, 1))
        self.progress_bar.setValue(done)
        self._last_summary = summary
        if self.run.cancelled:
            text = QCoreApplication.translate(
                "BatchDialog", "Cancelled: %1 answered, %2 failed of %3 in %4"
            )
        else:
            text = QCoreApplication.translate(
                "BatchDialog", "Finished: %1 answered, %2 failed of %3 in %4"
            )
        self.progress_label.setText(
            text.replace("%1", str(summary.succeeded))
            .replace("%2", str(summary.failed))
            .replace("%3", str(summary.total))
            .replace("%4", _duration(summary.seconds))
        )
        self._show_state(self.run.state)

    def _show_state(self, state: str) -> None:
        active = state in ("running", "paused", "stopping")
        for widget in (
            self.folder_button,
            self.files_button,
            self.prompt_choice,
            self.prompt_edit,
            self.model_choice,
            self.concurrency,
        ):
            widget.setEnabled(not active)
        self.pause_button.setEnabled(state in ("running", "paused"))
        self.pause_button.setText(
            QCoreApplication.translate("BatchDialog", "Resume")
            if state == "paused"
            else QCoreApplication.translate("BatchDialog", "Pause")
        )
        self.cancel_button.setEnabled(state in ("running", "paused"))
        if state == "stopping":
            self.progress_label.setText(
                QCoreApplication.translate("BatchDialog", "Cancelling: the rows finished are kept…")
            )
        elif state == "paused":
            total = self.run.total
            self._on_progress(self.progress_bar.value(), self._failed_so_far(), total)
        self._refresh_start()

    def _failed_so_far(self) -> int:
        return sum(1 for result in self.run.results if not result.ok)

    def _refresh_start(self) -> None:
        idle = not self.run.is_active
        self.start_button.setEnabled(idle and bool(self._items) and bool(self.prompt()))
        self.start_button.setText(
            QCoreApplication.translate("BatchDialog", "Start again")
            if idle and self.run.state == "done"
            else QCoreApplication.translate("BatchDialog", "Start")
        )
        has_rows = bool(self.run.results)
        self.export_csv_button.setEnabled(has_rows)
        self.export_jsonl_button.setEnabled(has_rows)

    # -- rows ------------------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        """Open the row as a conversation in the main window (its image prepared again)."""
        if 0 <= row < self.model.rowCount():
            self._open_result(self.model.result(row))

    def export(self, path: Path) -> None:
        self.run.export(path)

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)

    def closeEvent(self, event: Any) -> None:
        if self._file_dialog is not None:
            self._file_dialog.close()
        super().closeEvent(event)


def _duration(seconds: float) -> str:
    translate = QCoreApplication.translate
    seconds = max(0, round(seconds))
    if seconds < 60:
        return translate("BatchDialog", "%1 s").replace("%1", str(seconds))
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return (
            translate("BatchDialog", "%1 min %2 s")
            .replace("%1", str(minutes))
            .replace("%2", f"{seconds:02d}")
        )
    hours, minutes = divmod(minutes, 60)
    return (
        translate("BatchDialog", "%1 h %2 min")
        .replace("%1", str(hours))
        .replace("%2", f"{minutes:02d}")
    )
