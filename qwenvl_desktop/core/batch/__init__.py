"""Many images at once: one question per input, the answers as a table. No Qt here.

``inputs`` turns files, folders, globs and list files into :class:`BatchItem`\\ s; ``results``
is the table's row (:class:`BatchResult`) and its file, written one row at a time so that a run
can be stopped — Ctrl+C or ``kill -9`` — and resumed; ``runner`` asks the service about each
item, a few at a time, on one shared client; ``batch_api`` sends the same items through the
service's Batch API instead.
"""

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports

# Lazy: the runner loads httpx and the image pipeline (Pillow), which listing inputs does not need.
if TYPE_CHECKING:
    from qwenvl_desktop.core.batch.inputs import (
        IMAGE_EXTENSIONS,
        BatchInputError,
        BatchItem,
        collect_inputs,
        content_sha256,
    )
    from qwenvl_desktop.core.batch.results import (
        BatchResult,
        DoneKey,
        ResultWriter,
        custom_id_for,
        done_keys,
        drop_failed_rows,
        read_results,
    )
    from qwenvl_desktop.core.batch.runner import BatchProgress, BatchSummary, run_batch

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "IMAGE_EXTENSIONS": "inputs",
        "BatchInputError": "inputs",
        "BatchItem": "inputs",
        "collect_inputs": "inputs",
        "content_sha256": "inputs",
        "BatchResult": "results",
        "DoneKey": "results",
        "ResultWriter": "results",
        "custom_id_for": "results",
        "done_keys": "results",
        "drop_failed_rows": "results",
        "read_results": "results",
        "BatchProgress": "runner",
        "BatchSummary": "runner",
        "run_batch": "runner",
    },
)

__all__ = [
    "IMAGE_EXTENSIONS",
    "BatchInputError",
    "BatchItem",
    "BatchProgress",
    "BatchResult",
    "BatchSummary",
    "DoneKey",
    "ResultWriter",
    "collect_inputs",
    "content_sha256",
    "custom_id_for",
    "done_keys",
    "drop_failed_rows",
    "read_results",
    "run_batch",
]
