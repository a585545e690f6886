"""The local engine of a batch: one request per item, a few at a time, on one shared client.

Three stages run at once on the event loop:

1. **prepare** — a few workers hash each input (to skip what a previous run did) and run the
   image pipeline on it in a thread pool, a little ahead of sending: a bounded queue holds at
   most ``concurrency`` prepared images, so memory stays flat whatever the number of inputs;
2. **dispatch** — takes the next prepared image when :class:`AdaptiveConcurrency` has a free
   slot (and ``pause`` is set), and starts its request;
3. **ask** — one request, its answer (or its error) becomes a :class:`BatchResult` handed to
   ``on_result`` at once; nothing of the image is kept after it.

Politeness is additive-increase / multiplicative-decrease, as TCP does it: a 429 (``Throttling``
or a quota per minute) halves the number of requests in flight — once per burst of 429s — and
holds back new requests for the ``Retry-After`` the service asked for; each run of successes
half as long as the current width adds one slot again, up to ``concurrency`` (back from 2 to 4
in three answers: bench/bench_batch.py measures what a slower recovery costs). The shared
:class:`~qwenvl_desktop.core.protocol.ChatClient` retries the throttled request itself (it
announces each retry with a ``Retrying`` event, which is the signal used here).

A row's failure is the row's: an unusable image, a moderation block, a request still throttled
after the client's retries. Failures that every request would meet — the key refused, the model
unknown, a certificate not trusted — end the batch with that error instead of writing it on
every row. Cancelling the task stops at once: rows finished are already written, requests in
flight are dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qwenvl_desktop.core.batch.inputs import BatchItem, content_sha256
from qwenvl_desktop.core.batch.results import BatchResult, DoneKey
from qwenvl_desktop.core.protocol.client import ChatClient, Endpoint
from qwenvl_desktop.core.protocol.errors import (
    AuthenticationError,
    BillingError,
    CertificateError,
    MissingKeyError,
    NotFoundError,
    PermissionDenied,
    ProxyAuthError,
    QwenVLError,
    RateLimitError,
    RedirectRefused,
)
from qwenvl_desktop.core.protocol.events import (
    ContentDelta,
    Finish,
    ReasoningDelta,
    Retrying,
    Usage,
)
from qwenvl_desktop.core.protocol.request import ChatRequest, Turn, build_body, chat_request

if TYPE_CHECKING:
    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.core.protocol.catalog import ModelInfo
    from qwenvl_desktop.core.settings import Settings

__all__ = [
    "BATCH_ENDING_ERRORS",
    "AdaptiveConcurrency",
    "BatchProgress",
    "BatchSummary",
    "run_batch",
]

#: errors every other request would meet too: they end the batch rather than fill every row
BATCH_ENDING_ERRORS: tuple[type[QwenVLError], ...] = (
    AuthenticationError,
    PermissionDenied,
    BillingError,
    NotFoundError,
    MissingKeyError,
    CertificateError,
    ProxyAuthError,
    RedirectRefused,
)
#: a request throttled after the client's own retries holds new ones back this long (seconds)
_FAILED_THROTTLE_PAUSE = 1.0


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Where a run is: ``done`` rows finished by this run (``failed`` of them with an error),
    ``skipped`` inputs a previous run did, of ``total``; ``tokens`` spent so far;
    ``concurrency_now`` the requests allowed in flight at the moment."""

    done: int
    failed: int
    skipped: int
    total: int
    tokens: int
    elapsed: float
    concurrency_now: int

    @property
    def remaining(self) -> int:
        return self.total - self.done - self.skipped


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """How a run ended: rows that succeeded and failed, inputs skipped, of ``total``."""

    succeeded: int
    failed: int
    skipped: int
    total: int
    seconds: float
    tokens: int = 0

    @property
    def all_ok(self) -> bool:
        return self.failed == 0


class AdaptiveConcurrency:
    """How many requests may be in flight: AIMD between 1 and ``maximum`` (see the module).

    :meth:`acquire` waits for a slot (and for any ``Retry-After`` pause) and returns the start
    time, which :meth:`throttled` uses to cut the width once per burst: a 429 for a request
    started before the last cut is the same congestion, already answered.
    """

    def __init__(self, maximum: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        if maximum < 1:
            raise ValueError("concurrency must be at least 1")
        self.maximum = maximum
        self.limit = maximum
        self.in_flight = 0
        self._clock = clock
        self._resume_at = -math.inf
        self._last_cut = -math.inf
        self._successes = 0
        self._slot_freed = asyncio.Event()

    async def acquire(self) -> float:
        while True:
            wait = self._resume_at - self._clock()
            if wait > 0:
                await asyncio.sleep(wait)
            elif self.in_flight < self.limit:
                self.in_flight += 1
                return self._clock()
            else:
                self._slot_freed.clear()
                await self._slot_freed.wait()

    def release(self) -> None:
        self.in_flight -= 1
        self._slot_freed.set()

    def succeeded(self) -> None:
        self._successes += 1
        if self.limit < self.maximum and self._successes >= (self.limit + 1) // 2:
            self.limit += 1
            self._successes = 0
            self._slot_freed.set()

    def throttled(self, retry_after: float, started: float) -> None:
        """A 429 for a request started at ``started``; new requests wait ``retry_after``."""
        now = self._clock()
        self._resume_at = max(self._resume_at, now + retry_after)
        if started > self._last_cut:
            self.limit = max(1, self.limit // 2)
            self._last_cut = now
            self._successes = 0


@dataclass(frozen=True, slots=True)
class _Prepared:
    item: BatchItem
    sha256: str
    attachment: Attachment


@dataclass(frozen=True, slots=True)
class _Unusable:
    """An input the image pipeline refused: its row is the error, nothing is sent."""

    item: BatchItem
    sha256: str
    error: QwenVLError


@dataclass(slots=True)
class _Tally:
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0
    tokens: int = 0


async def run_batch(
    items: Sequence[BatchItem],
    *,
    settings: Settings,
    key: str,
    on_result: Callable[[BatchResult], None],
    concurrency: int = 4,
    client: ChatClient | None = None,
    done: Collection[DoneKey] = frozenset(),
    on_progress: Callable[[BatchProgress], None] | None = None,
    pause: asyncio.Event | None = None,
) -> BatchSummary:
    """Ask ``settings.model`` about each item; each row goes to ``on_result`` as it finishes.

    ``done``: the :attr:`~BatchResult.done_key`\\ s a previous run succeeded with (skipped);
    ``client``: a shared client (one is made and closed here when None); ``pause``: set means
    running, cleared holds back new requests (those in flight finish). Raises what ends the
    batch (:data:`BATCH_ENDING_ERRORS`, a request the model cannot take) and
    ``CancelledError`` when cancelled.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    run = _Run(items, settings, key, on_result, on_progress, AdaptiveConcurrency(concurrency))
    run.check_request()
    own_client = client is None
    shared = client if client is not None else ChatClient(settings.client_settings())
    try:
        return await run.run(shared, done, pause)
    finally:
        if own_client:
            await shared.aclose()


class _Run:
    """One call of :func:`run_batch`: its stages and its counts."""

    def __init__(
        self,
        items: Sequence[BatchItem],
        settings: Settings,
        key: str,
        on_result: Callable[[BatchResult], None],
        on_progress: Callable[[BatchProgress], None] | None,
        limiter: AdaptiveConcurrency,
    ) -> None:
        self.items = items
        self.settings = settings
        self.model = settings.model
        self.info: ModelInfo = settings.catalog().model(settings.model)
        self.endpoint = Endpoint(settings.endpoint_base_url(), key, settings.effective_region)
        self.on_result = on_result
        self.on_progress = on_progress
        self.limiter = limiter
        self.tally = _Tally()
        self.started = time.monotonic()

    def request_for(self, prompt: str, attachments: Sequence[Attachment]) -> ChatRequest:
        return chat_request(
            self.model,
            (Turn("user", prompt, tuple(a.to_image_input() for a in attachments)),),
            image_detail=self.settings.image_detail,
            # Streamed as everywhere in the app: every model and gateway answers a stream (a
            # gateway's whole JSON answer is read too), and a long answer has no total timeout.
            stream=True,
            thinking=self.settings.thinking,
        )

    def check_request(self) -> None:
        """Refuse before any image is read what the model cannot take (``RequestError``)."""
        build_body(self.request_for("?", ()), self.info)

    async def run(
        self, client: ChatClient, done: Collection[DoneKey], pause: asyncio.Event | None
    ) -> BatchSummary:
        self.started = time.monotonic()
        workers = max(1, min(self.limiter.maximum, os.cpu_count() or 1, 4))
        executor = ThreadPoolExecutor(workers, thread_name_prefix="batch-prepare")
        ready: asyncio.Queue[_Prepared | None] = asyncio.Queue(maxsize=self.limiter.maximum)
        try:
            async with asyncio.TaskGroup() as group:
                pending = iter(self.items)
                preparing = [
                    group.create_task(self._prepare(pending, done, executor, ready))
                    for _ in range(workers)
                ]
                group.create_task(self._end_of_inputs(preparing, ready))
                await self._dispatch(group, client, ready, pause)
        except BaseExceptionGroup as group:
            raise _first_cause(group) from None
        finally:
            executor.shutdown(wait=False, cancel_futures=True)
        return BatchSummary(
            self.tally.succeeded,
            self.tally.failed,
            self.tally.skipped,
            len(self.items),
            time.monotonic() - self.started,
            self.tally.tokens,
        )

    # -- prepare --------------------------------------------------------------------------------

    async def _prepare(
        self,
        pending: Iterator[BatchItem],
        done: Collection[DoneKey],
        executor: Executor,
        ready: asyncio.Queue[_Prepared | None],
    ) -> None:
        loop = asyncio.get_running_loop()
        for item in pending:  # shared by the workers: each item is taken by one
            began = time.monotonic()
            outcome = await loop.run_in_executor(executor, self._hash_and_prepare, item, done)
            if outcome is None:
                self.tally.skipped += 1
                self._report()
            elif isinstance(outcome, _Unusable):
                answer = _Answer()
                answer.error = outcome.error
                seconds = time.monotonic() - began
                self._finish(answer.result(item, outcome.sha256, self.model, seconds))
            else:
                await ready.put(outcome)

    def _hash_and_prepare(
        self, item: BatchItem, done: Collection[DoneKey]
    ) -> _Prepared | _Unusable | None:
        """In the pool: None when a previous run did ``item``, else its prepared image."""
        from qwenvl_desktop.core.images import prepare_attachment

        sha256 = content_sha256(item.source)
        if (item.source, sha256, item.prompt, self.model) in done:
            return None
        try:
            attachment = prepare_attachment(
                item.source, model=self.info, detail=self.settings.image_detail
            )
        except QwenVLError as error:  # the image pipeline's: the input is unusable
            return _Unusable(item, sha256, error)
        return _Prepared(item, sha256, attachment)

    @staticmethod
    async def _end_of_inputs(
        preparing: Sequence[asyncio.Task[None]], ready: asyncio.Queue[_Prepared | None]
    ) -> None:
        await asyncio.gather(*preparing)
        await ready.put(None)

    # -- dispatch and ask -----------------------------------------------------------------------

    async def _dispatch(
        self,
        group: asyncio.TaskGroup,
        client: ChatClient,
        ready: asyncio.Queue[_Prepared | None],
        pause: asyncio.Event | None,
    ) -> None:
        while (prepared := await ready.get()) is not None:
            while True:
                if pause is not None:
                    await pause.wait()
                started = await self.limiter.acquire()
                if pause is None or pause.is_set():
                    break
                self.limiter.release()  # paused while waiting for a slot: give it back
            group.create_task(self._ask(client, prepared, started))

    async def _ask(self, client: ChatClient, prepared: _Prepared, started: float) -> None:
        item = prepared.item
        request = self.request_for(item.prompt, (prepared.attachment,))
        answer = _Answer()
        try:
            async with contextlib.aclosing(client.chat(self.endpoint, request, self.info)) as ev:
                async for event in ev:
                    if isinstance(event, Retrying) and isinstance(event.error, RateLimitError):
                        self.limiter.throttled(event.delay, started)
                    answer.add(event)
            self.limiter.succeeded()
        except BATCH_ENDING_ERRORS:
            raise
        except QwenVLError as error:
            if isinstance(error, RateLimitError):
                self.limiter.throttled(error.retry_after or _FAILED_THROTTLE_PAUSE, started)
            answer.error = error
        finally:
            self.limiter.release()
        self._finish(answer.result(item, prepared.sha256, self.model, time.monotonic() - started))

    # -- rows -----------------------------------------------------------------------------------

    def _finish(self, result: BatchResult) -> None:
        if result.ok:
            self.tally.succeeded += 1
        else:
            self.tally.failed += 1
        self.tally.tokens += result.total_tokens
        self.on_result(result)
        self._report()

    def _report(self) -> None:
        if self.on_progress is None:
            return
        tally = self.tally
        self.on_progress(
            BatchProgress(
                done=tally.succeeded + tally.failed,
                failed=tally.failed,
                skipped=tally.skipped,
                total=len(self.items),
                tokens=tally.tokens,
                elapsed=time.monotonic() - self.started,
                concurrency_now=self.limiter.limit,
            )
        )


class _Answer:
    """What one request's events add up to."""

    def __init__(self) -> None:
        self.content: list[str] = []
        self.reasoning: list[str] = []
        self.usage: Usage | None = None
        self.finish_reason: str | None = None
        self.error: QwenVLError | None = None

    def add(self, event: object) -> None:
        if isinstance(event, ContentDelta):
            self.content.append(event.text)
        elif isinstance(event, ReasoningDelta):
            self.reasoning.append(event.text)
        elif isinstance(event, Usage):
            self.usage = event
        elif isinstance(event, Finish):
            self.finish_reason = event.reason

    def result(self, item: BatchItem, sha256: str, model: str, seconds: float) -> BatchResult:
        return BatchResult(
            input=item.source,
            prompt=item.prompt,
            model=model,
            content="".join(self.content),
            reasoning="".join(self.reasoning) or None,
            usage=self.usage.as_dict() if self.usage else None,
            finish_reason=self.finish_reason,
            error=error_fields(self.error) if self.error else None,
            seconds=round(seconds, 3),
            sha256=sha256,
        )


def error_fields(error: QwenVLError) -> dict[str, Any]:
    """A row's ``error``: kind, sentence, code (an image's: the pipeline's reason), status, id."""
    code = error.code or getattr(error, "reason", None)
    return {
        "kind": error.kind,
        "sentence": error.user_message,
        "code": code,
        "status": error.status,
        "request_id": error.request_id,
    }


def _first_cause(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The error that ended the task group (its other members are the cancellations it made)."""
    for error in group.exceptions:
        if isinstance(error, BaseExceptionGroup):
            return _first_cause(error)
        if not isinstance(error, asyncio.CancelledError):
            return error
    return group.exceptions[0]
