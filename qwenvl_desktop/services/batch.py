"""Many images, one question each, in the background: the window's side of the batch engine.

:class:`BatchRun` runs :func:`qwenvl_desktop.core.batch.runner.run_batch` — the engine the
command line's ``batch`` uses — as a task on the running (qasync) loop, and turns its callbacks
into Qt signals. The window never waits on it: images are prepared in the runner's thread pool,
requests go out concurrently on one client, and the results arrive one signal per row.

Pausing clears the :class:`asyncio.Event` the runner waits on before each new request (requests
already sent finish); cancelling cancels the task (rows finished are kept, requests in flight
are dropped). The key comes from the chat service's :class:`~.keys.KeyService`, looked up off
the GUI thread, and goes only to the runner: never into a signal, a sentence or a result.

:meth:`BatchRun.conversation_for` turns one result back into a conversation — its question,
its image (prepared again off the GUI thread) and its answer — so the window can open a row and
continue it with follow-ups.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal

from qwenvl_desktop.core.batch.inputs import BatchInputError, BatchItem, collect_inputs
from qwenvl_desktop.core.batch.results import BatchResult, ResultWriter
from qwenvl_desktop.core.batch.runner import BatchProgress, BatchSummary, run_batch
from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.history.records import error_from_record, usage_from_record
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.images import prepare_attachment_async
from qwenvl_desktop.core.images.errors import ImageError
from qwenvl_desktop.core.protocol import CUSTOM_REGION, ChatClient, QwenVLError, RequestError
from qwenvl_desktop.core.settings import Settings
from qwenvl_desktop.services.keys import KeyService

__all__ = ["BatchRun", "BatchState", "write_results"]

log = logging.getLogger(__name__)

#: idle: nothing started yet · running · paused: no new request starts · stopping: cancel asked,
#: the task is unwinding · done: finished, cancelled or failed (:attr:`BatchRun.cancelled` says)
BatchState = Literal["idle", "running", "paused", "stopping", "done"]


class BatchRun(QObject):
    """One batch at a time: start, pause, resume, cancel; progress and rows as signals.

    ``client``: a :class:`ChatClient` to share (tests pass one); None lets the runner open and
    close its own for each run.
    """

    #: rows done (succeeded and failed, skipped included), of which failed, and the total
    progress = Signal(int, int, int)
    #: one :class:`~qwenvl_desktop.core.batch.results.BatchResult`, as it finishes
    rowDone = Signal(object)
    #: the run ended (also when cancelled): a :class:`~qwenvl_desktop.core.batch.BatchSummary`
    finished = Signal(object)
    #: the run could not go on at all (no key, a bug): one sentence; ``finished`` follows
    failed = Signal(str)
    #: a :data:`BatchState`
    stateChanged = Signal(str)
    #: :meth:`find_inputs`' answer: the items found (a list, maybe empty) and a sentence saying
    #: how many, or why none
    inputsFound = Signal(object, str)
    #: :meth:`open_result`'s answer: the conversation, and a sentence when its image is missing
    conversationReady = Signal(object, str)
    #: a one-line notice (an export written, or why it was not)
    notice = Signal(str)

    def __init__(
        self,
        keys: KeyService,
        *,
        client: ChatClient | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._keys = keys
        self._client = client
        self._state: BatchState = "idle"
        self._task: asyncio.Task[None] | None = None
        self._pause: asyncio.Event | None = None
        self._settings: Settings | None = None
        self._cancelled = False
        self._started_at = 0.0
        self._total = 0
        self._results: list[BatchResult] = []
        #: the short jobs beside the run: finding inputs, opening a row, exporting
        self._chores: set[asyncio.Task[None]] = set()
        #: the runner's last report (tokens, elapsed time, concurrency now), None before the first
        self.latest: BatchProgress | None = None
        #: how the last run ended, None while one runs
        self.summary: BatchSummary | None = None

    # -- what the window reads -------------------------------------------------------------------

    @property
    def state(self) -> BatchState:
        return self._state

    @property
    def is_active(self) -> bool:
        """A run is going (running, paused or stopping)."""
        return self._state in ("running", "paused", "stopping")

    @property
    def cancelled(self) -> bool:
        """The last run was cancelled (its finished rows are kept)."""
        return self._cancelled

    @property
    def total(self) -> int:
        return self._total

    @property
    def results(self) -> list[BatchResult]:
        """The rows of the current (or last) run, in the order they finished."""
        return list(self._results)

    @property
    def settings(self) -> Settings | None:
        """The settings (endpoint, model) of the current or last run."""
        return self._settings

    # -- intent ----------------------------------------------------------------------------------

    def start(
        self, items: Sequence[BatchItem], settings: Settings, *, concurrency: int = 4
    ) -> bool:
        """Ask about every item with ``settings``' endpoint and model. False while a run is going
        or when there is nothing to ask about."""
        if self.is_active or not items:
            return False
        self._settings = settings
        self._cancelled = False
        self._results = []
        self._total = len(items)
        self.latest = None
        self.summary = None
        self._started_at = time.monotonic()
        self._pause = asyncio.Event()
        self._pause.set()
        self._set_state("running")
        self.progress.emit(0, 0, self._total)
        loop = asyncio.get_event_loop()
        self._task = loop.create_task(self._run(list(items), settings, max(1, concurrency)))
        return True

    def pause(self) -> None:
        """No new request starts until :meth:`resume`; those already sent finish."""
        if self._state == "running" and self._pause is not None:
            self._pause.clear()
            self._set_state("paused")

    def resume(self) -> None:
        if self._state == "paused" and self._pause is not None:
            self._pause.set()
            self._set_state("running")

    def cancel(self) -> None:
        """Stop the run: finished rows are kept, requests in flight are dropped."""
        if self._task is not None and not self._task.done() and self._state != "stopping":
            self._set_state("stopping")
            self._task.cancel()

    # -- the run ---------------------------------------------------------------------------------

    async def _run(self, items: list[BatchItem], settings: Settings, concurrency: int) -> None:
        summary: BatchSummary | None = None
        try:
            key = await self._key_for(settings)
            if key is None:
                return
            summary = await run_batch(
                items,
                settings=settings,
                key=key,
                concurrency=concurrency,
                client=self._client,
                on_result=self._on_result,
                on_progress=self._on_progress,
                pause=self._pause,
            )
        except asyncio.CancelledError:
            self._cancelled = True
            raise
        except QwenVLError as error:  # one every request would meet: a refused key, a model
            self.failed.emit(error.user_message)
        except RequestError as error:  # a request the model cannot take, refused before sending
            self.failed.emit(str(error).capitalize() + ".")
        except Exception as error:  # a bug must reach the window as a sentence, not vanish
            log.exception("the batch run failed")
            self.failed.emit(
                translate("BatchRun", "The batch stopped: %1").replace(
                    "%1", f"{type(error).__name__}: {error}"
                )
            )
        finally:
            self._end(summary)

    async def _key_for(self, settings: Settings) -> str | None:
        region = settings.effective_region
        found = await self._keys.key_for(region, settings.custom_url)
        if found.key:
            return found.key
        if region == CUSTOM_REGION:
            missing = translate(
                "BatchRun",
                "No API key is set for this endpoint: set one with File ▸ Set API key…, then "
                "start again.",
            )
        else:
            missing = translate(
                "BatchRun",
                "No API key is set for region %1: set one with File ▸ Set API key…, then "
                "start again.",
            ).replace("%1", region)
        self.failed.emit(missing)
        return None

    def _on_result(self, result: BatchResult) -> None:
        self._results.append(result)
        self.rowDone.emit(result)

    def _on_progress(self, report: BatchProgress) -> None:
        self.latest = report
        self.progress.emit(report.done + report.skipped, report.failed, report.total)

    def _end(self, summary: BatchSummary | None) -> None:
        if summary is None:  # cancelled or failed: what finished so far
            failed = sum(1 for result in self._results if not result.ok)
            summary = BatchSummary(
                succeeded=len(self._results) - failed,
                failed=failed,
                skipped=self.latest.skipped if self.latest else 0,
                total=self._total,
                seconds=time.monotonic() - self._started_at,
            )
        self.summary = summary
        self._task = None
        self._set_state("done")
        self.finished.emit(summary)

    def _set_state(self, state: BatchState) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    # -- a row as a conversation -----------------------------------------------------------------

    async def conversation_for(
        self, result: BatchResult, *, region: str
    ) -> tuple[Conversation, str | None]:
        """One exchange — the row's prompt, its image, its answer or error — to open and continue,
        and a sentence when its image could not be read again (None when it could).

        The image is prepared again from its file or link, as the request had it; when it can no
        longer be read (moved, deleted) the exchange has no image.
        """
        settings = self._settings or Settings()
        info = settings.catalog().model(result.model or settings.model)
        attachments = []
        note: str | None = None
        try:
            attachment = await prepare_attachment_async(
                result.input, model=info, detail=settings.image_detail
            )
            attachments.append(attachment)
        except ImageError as error:
            note = translate("BatchRun", "Opened without its image: %1").replace("%1", str(error))
        conversation = Conversation()
        exchange = conversation.ask(result.prompt, attachments, model=info.name, region=region)
        exchange.answer = result.content or ""
        exchange.reasoning = result.reasoning or ""
        exchange.usage = usage_from_record(result.usage)
        exchange.finish_reason = result.finish_reason
        exchange.error = error_from_record(result.error)
        exchange.state = "done" if result.ok else "failed"
        return conversation, note

    def find_inputs(self, paths: Sequence[str]) -> None:
        """List the images ``paths`` name (folders walked off the GUI thread): ``inputsFound``.

        The items carry an empty prompt unless a list file gave the row its own;
        :meth:`start` is given them with the batch's prompt filled in.
        """
        self._chore(self._find_inputs(list(paths)))

    async def _find_inputs(self, paths: list[str]) -> None:
        loop = asyncio.get_running_loop()
        try:
            items = await loop.run_in_executor(None, collect_inputs, paths, "")
        except BatchInputError as error:
            self.inputsFound.emit([], str(error))
            return
        except OSError as error:  # a folder that vanished or cannot be listed mid-walk
            self.inputsFound.emit(
                [],
                translate("BatchRun", "The inputs cannot be listed: %1.").replace(
                    "%1", str(error.strerror or error)
                ),
            )
            return
        count = len(items)
        if count == 1:
            found = translate("BatchRun", "1 image found")
        else:
            found = translate("BatchRun", "%1 images found").replace("%1", str(count))
        self.inputsFound.emit(items, found)

    def open_result(self, result: BatchResult, *, region: str) -> None:
        """Make ``result`` a conversation (its image prepared again): ``conversationReady``."""
        self._chore(self._open_result(result, region))

    async def _open_result(self, result: BatchResult, region: str) -> None:
        conversation, note = await self.conversation_for(result, region=region)
        self.conversationReady.emit(conversation, note or "")

    def export(self, path: Path) -> None:
        """Write the rows so far to ``path`` (``.csv`` or ``.jsonl``), replacing it: ``notice``."""
        self._chore(self._export(path, self.results))

    async def _export(self, path: Path, results: list[BatchResult]) -> None:
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(None, write_results, path, results)
        except BatchInputError as error:  # the writer's own sentence
            self.notice.emit(str(error))
            return
        except OSError as error:
            self.notice.emit(
                translate("BatchRun", "The results could not be exported to %1: %2.")
                .replace("%2", str(error.strerror or error))
                .replace("%1", str(path))
            )
            return
        count = len(results)
        if count == 1:
            exported = translate("BatchRun", "Exported 1 row to %1")
        else:
            exported = translate("BatchRun", "Exported %2 rows to %1").replace("%2", str(count))
        self.notice.emit(exported.replace("%1", str(path)))

    def _chore(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_event_loop().create_task(work)
        self._chores.add(task)
        task.add_done_callback(self._chores.discard)

    # -- life cycle ------------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Cancel a running batch and wait until it has unwound. Safe to call more than once."""
        tasks = [task for task in (self._task, *self._chores) if task is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


def write_results(path: Path, results: Sequence[BatchResult]) -> None:
    """``results`` as a new file at ``path`` (its suffix says CSV or JSON Lines), in one go: the
    rows go to a file beside it that then replaces ``path``, so a failed export leaves the old."""
    partial = path.with_name(f".{path.stem}.exporting{path.suffix}")
    partial.unlink(missing_ok=True)  # the writer appends; an export starts afresh
    try:
        with ResultWriter(partial) as writer:
            for result in results:
                writer.write(result)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
