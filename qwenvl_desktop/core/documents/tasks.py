"""The document tasks — Extract text, Table, Formula, Document — and the model each is asked of.

One table of tasks for the window's quick prompts, the image's context menu, the tray's "Capture
and extract text", ``ask --task`` and ``batch --task``. A task is a question plus what its answer
is turned into (:mod:`.results`).

Extract text prefers the region's OCR model (``qwen-vl-ocr``: it reads dense text better and
costs less), but only for that one question (:func:`model_for_task` picks, the caller sends with
it and keeps the chosen model), only where the region offers it, and never on a custom endpoint,
whose gateway may not serve it. The Document prompts are the Qwen3-VL cookbooks' own words
("qwenvl markdown", "qwenvl html"), which the model was trained to answer with a Markdown page,
or an HTML page whose elements carry ``data-bbox`` boxes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION

if TYPE_CHECKING:
    from qwenvl_desktop.core.protocol.catalog import Catalog

__all__ = [
    "TASKS",
    "TASK_ALIASES",
    "TASK_NAMES",
    "DocumentTask",
    "ModelChoice",
    "ResultKind",
    "model_for_task",
    "task_for_question",
    "task_named",
]

#: what a task's answer is turned into
ResultKind = Literal["text", "table", "latex", "markdown", "html"]


@dataclass(frozen=True, slots=True)
class DocumentTask:
    """One task: its name (``ask --task``), its button label, its question, its result."""

    name: str
    label: str
    prompt: str
    result: ResultKind
    #: ask the region's OCR model where there is one (for this question only)
    prefers_ocr_model: bool = False


TASKS: dict[str, DocumentTask] = {
    task.name: task
    for task in (
        DocumentTask(
            "ocr",
            "Extract text",
            "Extract all the text in this image. Keep its layout: lines, lists and tables "
            "(as Markdown tables).",
            "text",
            prefers_ocr_model=True,
        ),
        DocumentTask(
            "table",
            "Table → Markdown/CSV",
            "Extract the table in this image as one Markdown table. Keep every row and column, "
            "leave empty cells empty, and answer with the table only.",
            "table",
        ),
        DocumentTask(
            "formula",
            "Formula → LaTeX",
            "Write the formula in this image in LaTeX. Answer with the LaTeX only, between $$ "
            "and $$.",
            "latex",
        ),
        DocumentTask("document", "Document → Markdown", "qwenvl markdown", "markdown"),
        DocumentTask("document-html", "Document → HTML", "qwenvl html", "html"),
    )
}
#: ``ask --task`` choices
TASK_NAMES = tuple(TASKS)
#: other names a task answers to (the quick prompt id "extract-text" among them)
TASK_ALIASES = {
    "extract-text": "ocr",
    "extract": "ocr",
    "text": "ocr",
    "csv": "table",
    "latex": "formula",
    "markdown": "document",
    "html": "document-html",
}


def task_named(name: str) -> DocumentTask | None:
    """The task called ``name`` (or one of its aliases), case-insensitive; None if none is."""
    key = name.strip().lower()
    return TASKS.get(TASK_ALIASES.get(key, key))


def _words(text: str) -> str:
    return " ".join(text.split())


def task_for_question(
    question: str, asked_as: Iterable[tuple[str, str]] = ()
) -> DocumentTask | None:
    """The task a question was asked for: the question is a task's own prompt, or one of
    ``asked_as`` — ``(question text, task name)`` pairs, e.g. the person's edited quick prompts.

    Compared word for word (spacing aside): a question edited away from the task's wording is
    the person's own, and gets no task results.
    """
    wanted = _words(question)
    if not wanted:
        return None
    for text, name in asked_as:
        if _words(text) == wanted and (task := task_named(name)) is not None:
            return task
    return next((task for task in TASKS.values() if _words(task.prompt) == wanted), None)


@dataclass(frozen=True, slots=True)
class ModelChoice:
    """The model to ask a task's question with, and a sentence saying why (None: nothing to
    say — the model in use, as always)."""

    model: str
    note: str | None = None

    def switched_from(self, current: str) -> bool:
        return self.model != current


def model_for_task(
    task: DocumentTask,
    current_model: str,
    region: str,
    *,
    offered: Collection[str] | None = None,
    catalog: Catalog | None = None,
) -> ModelChoice:
    """The model for one question of ``task``: the region's OCR model for a task that prefers
    it (and ``offered`` includes it, when given), else ``current_model``.

    The caller uses the choice for that question only: the model in use does not change. A
    custom endpoint keeps ``current_model`` (its gateway decides which models exist).
    """
    if not task.prefers_ocr_model:
        return ModelChoice(current_model)
    if catalog is None:
        from qwenvl_desktop.core.protocol.catalog import load_catalog

        catalog = load_catalog()
    if catalog.model(current_model).ocr:
        return ModelChoice(current_model)
    if region == CUSTOM_REGION:
        return ModelChoice(
            current_model,
            f"{task.label} is asked of {current_model}: a custom endpoint keeps the chosen model.",
        )
    try:
        ocr = catalog.ocr_model(region)
    except KeyError:
        ocr = None
    if ocr is not None and (offered is None or ocr in offered):
        return ModelChoice(
            ocr,
            f"{task.label} is asked of {ocr}, the region's model for reading text "
            "(this question only).",
        )
    return ModelChoice(
        current_model, f"Region {region} has no OCR model: {current_model} reads the text."
    )
