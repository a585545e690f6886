"""Reading documents with the model: OCR, tables, formulas, whole pages — as tasks with results.

``tasks``: what each task asks and of which model (:func:`~.tasks.model_for_task`: the region's
OCR model for Extract text, for that question only, never on a custom endpoint); ``results``: an
answer turned into what the person takes away — plain text, CSV, LaTeX, Markdown, HTML. No Qt.
"""

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from qwenvl_desktop.core.documents.results import (
        NoResultError,
        ResultAction,
        extract_latex,
        markdown_tables,
        plain_text,
        result_actions,
        strip_fences,
        table_to_csv,
        task_output,
    )
    from qwenvl_desktop.core.documents.tasks import (
        TASK_NAMES,
        TASKS,
        DocumentTask,
        ModelChoice,
        model_for_task,
        task_for_question,
        task_named,
    )

__all__ = [
    "TASKS",
    "TASK_NAMES",
    "DocumentTask",
    "ModelChoice",
    "NoResultError",
    "ResultAction",
    "extract_latex",
    "markdown_tables",
    "model_for_task",
    "plain_text",
    "result_actions",
    "strip_fences",
    "table_to_csv",
    "task_for_question",
    "task_named",
    "task_output",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "NoResultError": "results",
        "ResultAction": "results",
        "extract_latex": "results",
        "markdown_tables": "results",
        "plain_text": "results",
        "result_actions": "results",
        "strip_fences": "results",
        "table_to_csv": "results",
        "task_output": "results",
        "TASKS": "tasks",
        "TASK_NAMES": "tasks",
        "DocumentTask": "tasks",
        "ModelChoice": "tasks",
        "model_for_task": "tasks",
        "task_for_question": "tasks",
        "task_named": "tasks",
    },
)
