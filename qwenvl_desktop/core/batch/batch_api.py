"""The service's Batch API (OpenAI-compatible): many questions as one file, answered within 24 h.

At half the price of real-time calls, this is the engine for work bigger than one machine
should hold open. :func:`run_via_batch_api` takes the same :class:`~.inputs.BatchItem`\\ s as the
local engine and writes the same rows (:class:`~.results.BatchResult`)::

    refuse what the service would refuse  (region, model, 50,000 requests, file size)
    prepare each image, one JSONL line each  (a bad image is an error row, never uploaded)
    POST {base}/files        multipart, purpose "batch"
    POST {base}/batches      endpoint "/v1/chat/completions", completion_window "24h"
    GET  {base}/batches/{id} until completed, failed, expired or cancelled (with backoff)
    GET  {base}/files/{id}/content  the output and error files -> one row per input

The batch id is reported as soon as the batch exists: Ctrl+C while waiting leaves the job running
on the service, and ``qwenvl-desktop jobs results ID`` fetches its rows later, from any machine
with the key. A small local record (the user data directory, ``batch-jobs/ID.jsonl``) maps each
request back to its input file; elsewhere the rows name the request's ``custom_id`` instead.

:class:`BatchApi` is the client for the endpoints themselves (``jobs`` uses it directly).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.batch.inputs import BatchItem, content_sha256
from qwenvl_desktop.core.batch.results import (
    BatchResult,
    DoneKey,
    ResultWriter,
    custom_id_for,
    done_keys,
)
from qwenvl_desktop.core.i18n import translatable, translate
from qwenvl_desktop.core.protocol.client import ChatClient, Endpoint
from qwenvl_desktop.core.protocol.errors import (
    ApiError,
    NotFoundError,
    ProtocolError,
    QwenVLError,
    error_from_response,
)
from qwenvl_desktop.core.protocol.events import ContentDelta, Finish, ReasoningDelta, Usage
from qwenvl_desktop.core.protocol.request import RequestError, Turn, build_body, chat_request
from qwenvl_desktop.core.protocol.sse import parse_completion

if TYPE_CHECKING:
    from qwenvl_desktop.core.batch.runner import BatchSummary
    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.core.protocol.catalog import ModelInfo
    from qwenvl_desktop.core.settings import Settings

__all__ = [
    "BATCH_ENDPOINT",
    "MAX_FILE_BYTES",
    "MAX_LINE_BYTES",
    "MAX_REQUESTS",
    "BatchApi",
    "BatchJob",
    "BatchJobFailed",
    "BatchRefused",
    "Poll",
    "fetch_job_results",
    "results_later_sentence",
    "run_via_batch_api",
]

#: the only endpoint this app batches, and the ``url`` of every line
BATCH_ENDPOINT = "/v1/chat/completions"
#: the service's limits for one input file (shared/API.md; the Model Studio batch page)
MAX_REQUESTS = 50_000
MAX_FILE_BYTES = 500 * 1024 * 1024
MAX_LINE_BYTES = 6 * 1024 * 1024
#: ``batch-test-model`` runs the whole flow without inference, on a smaller file
TEST_MODEL = "batch-test-model"
TEST_MODEL_MAX_REQUESTS = 100
TEST_MODEL_MAX_BYTES = 1024 * 1024

TERMINAL_STATES = frozenset({"completed", "failed", "expired", "cancelled"})


class BatchRefused(RequestError):
    """A batch that cannot be sent as asked (the command line exits 2 with the sentence)."""


class BatchJobFailed(ApiError):
    """The service could not run the batch at all (status ``failed``: e.g. the file was refused)."""

    kind = "batch"
    user_message = translatable("Errors", "The service could not run the batch.")


def results_later_sentence(job_id: str) -> str:
    """How to fetch a running job's rows later: printed when the batch exists and on Ctrl+C."""
    return (
        translate("Batch", "get its rows later with %1 (progress: %2)")
        .replace("%1", f"`{APP_ID} jobs results {job_id} --output FILE`")
        .replace("%2", f"`{APP_ID} jobs status {job_id}`")
    )


# -- the jobs themselves ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchJob:
    """One batch as the service describes it (``GET {base}/batches/{id}``)."""

    id: str
    status: str
    created_at: int | None = None
    input_file_id: str | None = None
    output_file_id: str | None = None
    error_file_id: str | None = None
    total: int = 0
    completed: int = 0
    failed: int = 0
    #: the service's messages when the whole batch was refused (``errors.data[].message``)
    errors: tuple[str, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, obj: Any) -> BatchJob:
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            raise ProtocolError(detail="a batch object without an id")
        counts = obj.get("request_counts") or {}
        errors_obj = obj.get("errors") or {}
        data = errors_obj.get("data") if isinstance(errors_obj, dict) else None
        errors = tuple(
            str(e.get("message") or e.get("code")) for e in data or () if isinstance(e, dict)
        )
        metadata = obj.get("metadata") or {}
        return cls(
            id=obj["id"],
            status=str(obj.get("status") or "unknown"),
            created_at=_int(obj.get("created_at")),
            input_file_id=obj.get("input_file_id") or None,
            output_file_id=obj.get("output_file_id") or None,
            error_file_id=obj.get("error_file_id") or None,
            total=_int(counts.get("total")) or 0,
            completed=_int(counts.get("completed")) or 0,
            failed=_int(counts.get("failed")) or 0,
            errors=errors,
            metadata={str(k): str(v) for k, v in metadata.items()}
            if isinstance(metadata, dict)
            else {},
        )

    @property
    def finished(self) -> bool:
        """Whether the service is done with it (no further state will come)."""
        return self.status in TERMINAL_STATES

    def progress(self) -> str:
        """``in_progress, 3 of 10 done, 1 failed``."""
        text = self.status
        if self.total:
            text += f", {self.completed} of {self.total} done"
        if self.failed:
            text += f", {self.failed} failed"
        return text


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True, slots=True)
class Poll:
    """How often to ask for a batch's state: ``first`` seconds, growing by ``factor`` up to
    ``most`` (a 24 h job asked every few seconds would only load the service)."""

    first: float = 1.0
    factor: float = 2.0
    most: float = 120.0
    #: transient failures (network, 5xx, 429) tolerated in a row while polling
    retries: int = 8

    def delays(self) -> Iterator[float]:
        delay = self.first
        while True:
            yield delay
            delay = min(self.most, delay * self.factor)


class BatchApi:
    """The files and batches endpoints of one endpoint, on a shared :class:`ChatClient`."""

    def __init__(self, client: ChatClient, endpoint: Endpoint) -> None:
        self._client = client
        self._endpoint = endpoint

    async def upload(self, file: IO[bytes], *, filename: str) -> str:
        """``POST /files`` (purpose ``batch``): the new file's id."""
        reply = await self._client.upload_file(
            self._endpoint, "/files", file, filename=filename, fields={"purpose": "batch"}
        )
        if not isinstance(reply, dict) or not isinstance(reply.get("id"), str):
            raise ProtocolError(detail="the upload's reply has no file id")
        return str(reply["id"])

    async def create(self, input_file_id: str, metadata: Mapping[str, str]) -> BatchJob:
        body = {
            "input_file_id": input_file_id,
            "endpoint": BATCH_ENDPOINT,
            "completion_window": "24h",
            "metadata": dict(metadata),
        }
        return BatchJob.from_json(
            await self._client.request_json(self._endpoint, "POST", "/batches", body=body)
        )

    async def retrieve(self, job_id: str) -> BatchJob:
        return await self._job(job_id, "GET", f"/batches/{job_id}")

    async def cancel(self, job_id: str) -> BatchJob:
        return await self._job(job_id, "POST", f"/batches/{job_id}/cancel")

    async def _job(self, job_id: str, method: str, path: str) -> BatchJob:
        try:
            return BatchJob.from_json(await self._client.request_json(self._endpoint, method, path))
        except NotFoundError as error:  # its own sentence speaks of models
            raise NotFoundError(
                translate(
                    "Errors",
                    "No batch job %1 at this endpoint for this key: check the id (`jobs "
                    "list`), the region and the key (a job is seen only by its own region's "
                    "keys).",
                ).replace("%1", str(job_id)),
                status=error.status,
                code=error.code,
                request_id=error.request_id,
                detail=error.detail,
            ) from error

    async def list(self, *, limit: int = 20) -> list[BatchJob]:
        """The newest ``limit`` batches of the key's account, newest first."""
        reply = await self._client.request_json(
            self._endpoint, "GET", "/batches", params={"limit": limit}
        )
        data = reply.get("data") if isinstance(reply, dict) else None
        if not isinstance(data, list):
            raise ProtocolError(detail="the batch list is not the expected JSON")
        return [BatchJob.from_json(item) for item in data]

    async def download(self, file_id: str, into: IO[bytes]) -> int:
        return await self._client.download(self._endpoint, f"/files/{file_id}/content", into)

    async def wait(
        self,
        job_id: str,
        *,
        poll: Poll,
        sleep: Callable[[float], Any],
        on_change: Callable[[BatchJob], None],
    ) -> BatchJob:
        """Ask for the batch's state with growing pauses until it is finished; each change of
        state or count is reported. A transient failure is tolerated ``poll.retries`` times."""
        seen: tuple[str, int, int] | None = None
        failures = 0
        for delay in poll.delays():
            try:
                job = await self.retrieve(job_id)
            except QwenVLError as error:
                failures += 1
                if not error.retryable or failures > poll.retries:
                    raise
                await sleep(error.retry_after if error.retry_after is not None else delay)
                continue
            failures = 0
            if (job.status, job.completed, job.failed) != seen:
                seen = (job.status, job.completed, job.failed)
                on_change(job)
            if job.finished:
                return job
            await sleep(delay)
        raise AssertionError("unreachable: Poll.delays never ends")


# -- the input file ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JobEntry:
    """What one request of a batch stands for: the row it becomes."""

    custom_id: str
    input: str
    sha256: str
    prompt: str


def batch_line(custom_id: str, body: Mapping[str, Any]) -> bytes:
    """One line of the input file."""
    line = {"custom_id": custom_id, "method": "POST", "url": BATCH_ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def request_body(
    prompt: str, attachment: Attachment | None, *, settings: Settings, info: ModelInfo
) -> dict[str, Any]:
    """The chat-completion body of one line: non-streamed, and for a model whose thinking can be
    switched, ``enable_thinking`` always explicit (the Batch API asks for it)."""
    thinking = (settings.thinking or False) if info.thinking == "hybrid" else None
    images = (attachment.to_image_input(),) if attachment is not None else ()
    request = chat_request(
        settings.model,
        (Turn("user", prompt, images),),
        image_detail=settings.image_detail,
        stream=False,
        thinking=thinking,
    )
    body = build_body(request, info)
    # build_body streams a thinking request (the real-time API answers thinking only as a
    # stream); a batch line is always answered whole, so the stream options do not apply.
    body.pop("stream", None)
    body.pop("stream_options", None)
    return body


def refuse_unbatchable(settings: Settings, count: int) -> None:
    """Refuse, before any image is read or byte uploaded, what the service would refuse."""
    catalog = settings.catalog()
    info = catalog.model(settings.model)
    refusal = catalog.batch_refusal(settings.effective_region, settings.model)
    if refusal is not None:
        raise BatchRefused(refusal)
    if info.must_stream:
        raise BatchRefused(
            translate(
                "Errors",
                "%1 answers only as a stream, and a batch is answered whole; drop "
                "--via-batch-api or choose another model.",
            ).replace("%1", str(info.name))
        )
    most = TEST_MODEL_MAX_REQUESTS if settings.model == TEST_MODEL else MAX_REQUESTS
    if count > most:
        raise BatchRefused(
            translate(
                "Errors",
                "%1 inputs are more than one batch takes (%2 requests for %3); split them "
                "into several runs.",
            )
            .replace("%1", f"{count:,}")
            .replace("%2", f"{most:,}")
            .replace("%3", str(settings.model))
        )


@dataclass
class _InputFile:
    """The JSONL being written: where, how big, and what each line stands for."""

    file: IO[bytes]
    limit: int
    entries: dict[str, JobEntry] = field(default_factory=dict)
    size: int = 0

    def add(self, entry: JobEntry, line: bytes) -> None:
        if self.size + len(line) > self.limit:
            raise BatchRefused(
                translate(
                    "Errors",
                    "The batch file would be over the service's %1 limit at %2; split the "
                    "inputs into several runs (or choose --detail standard).",
                )
                .replace("%1", str(_size(self.limit)))
                .replace("%2", str(entry.input))
            )
        self.file.write(line)
        self.size += len(line)
        self.entries[entry.custom_id] = entry


def _size(count: int) -> str:
    if count >= 2**20:
        return f"{count / 2**20:,.0f} MB" if count % 2**20 == 0 else f"{count / 2**20:,.1f} MB"
    return f"{count:,} bytes"


async def _prepare(item: BatchItem, info: ModelInfo, settings: Settings) -> Attachment:
    from qwenvl_desktop.core.images import prepare_attachment_async

    return await prepare_attachment_async(item.source, model=info, detail=settings.image_detail)


async def write_input_file(
    items: Sequence[BatchItem],
    into: _InputFile,
    *,
    settings: Settings,
    done: Collection[DoneKey],
    on_row: Callable[[BatchResult], None],
) -> int:
    """One line per item not yet done; a bad image becomes an error row (``on_row``) instead.
    The number of items skipped as done."""
    info = settings.catalog().model(settings.model)
    skipped = 0
    for item in items:
        sha256 = await asyncio.to_thread(content_sha256, item.source)
        entry = JobEntry(
            custom_id_for(item.source, sha256, item.prompt, settings.model),
            item.source,
            sha256,
            item.prompt,
        )
        if (entry.input, entry.sha256, entry.prompt, settings.model) in done or (
            entry.custom_id in into.entries
        ):
            skipped += 1
            continue
        try:
            attachment = await _prepare(item, info, settings)
            line = batch_line(
                entry.custom_id, request_body(item.prompt, attachment, settings=settings, info=info)
            )
        except QwenVLError as error:  # the image pipeline's ImageError, a refused request
            on_row(_error_row(entry, settings.model, _error_dict(error)))
            continue
        if len(line) > MAX_LINE_BYTES:
            on_row(_error_row(entry, settings.model, _too_big(len(line))))
            continue
        into.add(entry, line)
    return skipped


def _too_big(size: int) -> dict[str, Any]:
    return _plain_error(
        "too-large",
        f"The request for this image is {size / 2**20:.1f} MB, over the Batch API's "
        f"{MAX_LINE_BYTES // 2**20} MB a line; ask about it without --via-batch-api.",
    )


def _plain_error(kind: str, sentence: str) -> dict[str, Any]:
    """A row's error that no reply of the service carried."""
    return {"kind": kind, "sentence": sentence, "code": None, "status": None, "request_id": None}


# -- the rows -----------------------------------------------------------------------------------


def _error_dict(error: QwenVLError) -> dict[str, Any]:
    """A row's error, as the local engine writes it (an image's code is the pipeline's reason)."""
    return {
        "kind": error.kind,
        "sentence": error.user_message,
        "code": error.code or getattr(error, "reason", None),
        "status": error.status,
        "request_id": error.request_id,
    }


def _error_row(entry: JobEntry, model: str, error: dict[str, Any]) -> BatchResult:
    return BatchResult(
        input=entry.input,
        prompt=entry.prompt,
        model=model,
        content="",
        reasoning=None,
        usage=None,
        finish_reason=None,
        error=error,
        seconds=0.0,
        sha256=entry.sha256,
        custom_id=entry.custom_id,
    )


def _unknown_entry(custom_id: str, prompt: str = "") -> JobEntry:
    """A request this machine has no record of: the row names it by its custom_id."""
    return JobEntry(custom_id, custom_id, "", prompt)


def row_from_line(line: Any, entry: JobEntry, model: str) -> BatchResult:
    """The row of one output- or error-file line
    (``{"id","custom_id","response":{"status_code","request_id","body"},"error"}``)."""
    response = line.get("response") if isinstance(line, dict) else None
    response = response if isinstance(response, dict) else {}
    status = _int(response.get("status_code"))
    body = response.get("body")
    request_id = response.get("request_id")
    line_error = line.get("error") if isinstance(line, dict) else None
    if line_error or status is None or status >= 400:
        source = body if isinstance(body, dict) and "error" in body else {"error": line_error}
        error = error_from_response(status, source, request_id=request_id)
        return _error_row(entry, model, _error_dict(error))
    try:
        events = parse_completion(body)
    except QwenVLError as error:  # an answer blocked by moderation arrives as an error object
        return _error_row(entry, model, _error_dict(error))
    content = "".join(e.text for e in events if isinstance(e, ContentDelta))
    reasoning = "".join(e.text for e in events if isinstance(e, ReasoningDelta)) or None
    finish = next((e for e in events if isinstance(e, Finish)), None)
    usage = next((e for e in events if isinstance(e, Usage)), None)
    return BatchResult(
        input=entry.input,
        prompt=entry.prompt,
        model=(finish.model if finish and finish.model else None) or model,
        content=content,
        reasoning=reasoning,
        usage=usage.as_dict() if usage else None,
        finish_reason=finish.reason if finish else None,
        error=None,
        seconds=0.0,
        sha256=entry.sha256,
        custom_id=entry.custom_id,
    )


def _lines_of(file: IO[bytes]) -> Iterator[Any]:
    file.seek(0)
    for raw in file:
        if raw.strip():
            try:
                yield json.loads(raw)
            except ValueError as exc:
                raise ProtocolError(detail="a line of the batch's result file is not JSON") from exc


_UNANSWERED = {
    "expired": "The batch's 24 hours ran out before this request was answered; send it again.",
    "cancelled": "The batch was cancelled before this request was answered.",
    "failed": "The batch failed before this request was answered.",
}


async def write_job_rows(
    api: BatchApi,
    job: BatchJob,
    *,
    entries: Mapping[str, JobEntry],
    model: str,
    on_row: Callable[[BatchResult], None],
    prompt: str = "",
) -> tuple[int, int]:
    """Download ``job``'s output and error files and hand over one row per request; a request
    in neither (an expired or cancelled batch) gets an error row. (succeeded, failed)."""
    seen: set[str] = set()
    succeeded = failed = 0
    for file_id in (job.output_file_id, job.error_file_id):
        if not file_id:
            continue
        # A spooled file: a few hundred answers stay in memory, a 50,000-line file goes to disk.
        with tempfile.SpooledTemporaryFile(max_size=8 * 2**20) as spool:
            await api.download(file_id, spool)
            for line in _lines_of(spool):
                custom_id = str(line.get("custom_id", "")) if isinstance(line, dict) else ""
                if not custom_id or custom_id in seen:
                    continue
                seen.add(custom_id)
                row = row_from_line(
                    line, entries.get(custom_id) or _unknown_entry(custom_id, prompt), model
                )
                on_row(row)
                if row.error is None:
                    succeeded += 1
                else:
                    failed += 1
    sentence = _UNANSWERED.get(job.status, "The service returned no answer for this request.")
    for custom_id, entry in entries.items():
        if custom_id not in seen:
            on_row(_error_row(entry, model, _plain_error(f"batch-{job.status}", sentence)))
            failed += 1
    return succeeded, failed


# -- the local record of a job ------------------------------------------------------------------


def jobs_dir() -> Path:
    """Where this machine remembers which input each request of a batch stands for."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / "batch-jobs"


def save_job_record(job_id: str, model: str, entries: Iterable[JobEntry]) -> Path | None:
    """Write the record (paths, hashes and prompts: never the key); None when it cannot be
    written (a read-only home still gets its rows, named by custom_id, from ``jobs results``)."""
    folder = jobs_dir()
    path = folder / f"{_safe_name(job_id)}.jsonl"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(json.dumps({"job": job_id, "model": model}) + "\n")
            for e in entries:
                out.write(json.dumps([e.custom_id, e.input, e.sha256, e.prompt]) + "\n")
    except OSError:
        return None
    return path


def load_job_record(job_id: str) -> tuple[str | None, dict[str, JobEntry]]:
    """The model and entries this machine recorded for ``job_id``; (None, {}) when none."""
    path = jobs_dir() / f"{_safe_name(job_id)}.jsonl"
    try:
        with open(path, encoding="utf-8") as record:
            head = json.loads(next(record))
            entries = {}
            for raw in record:
                custom_id, source, sha256, prompt = json.loads(raw)
                entries[custom_id] = JobEntry(custom_id, source, sha256, prompt)
    except (OSError, ValueError, StopIteration, TypeError):
        return None, {}
    return str(head.get("model") or "") or None, entries


def _safe_name(job_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in job_id)[:200]


# -- the whole run ------------------------------------------------------------------------------


async def run_via_batch_api(
    items: Sequence[BatchItem],
    *,
    settings: Settings,
    key: str,
    output: str | os.PathLike[str],
    on_status: Callable[[str], None],
    client: ChatClient | None = None,
    poll: Poll | None = None,
    sleep: Callable[[float], Any] = asyncio.sleep,
) -> BatchSummary:
    """Send ``items`` as one batch, wait for it, and append its rows to ``output``.

    Inputs already in ``output`` (same path, content, prompt and model) are skipped, as by the
    local engine. ``on_status`` gets one sentence per step and state (the batch id among the
    first). Cancelled while waiting (Ctrl+C), the job keeps running on the service: the
    sentence saying how to fetch its rows later is reported, and the cancellation goes on.
    """
    from qwenvl_desktop.core.batch.runner import BatchSummary

    started = time.monotonic()
    refuse_unbatchable(settings, len(items))
    limit = TEST_MODEL_MAX_BYTES if settings.model == TEST_MODEL else MAX_FILE_BYTES
    done = done_keys(output)
    endpoint = Endpoint(settings.endpoint_base_url(), key, settings.effective_region)
    own_client = client is None
    http = client or ChatClient(settings.client_settings())
    api = BatchApi(http, endpoint)
    counts = [0, 0, 0]  # succeeded, failed, tokens

    with ResultWriter(output) as writer, tempfile.TemporaryFile() as jsonl:

        def on_row(row: BatchResult) -> None:
            writer.write(row)
            counts[row.error is not None] += 1
            counts[2] += row.total_tokens

        try:
            into = _InputFile(jsonl, limit)
            skipped = await write_input_file(
                items, into, settings=settings, done=done, on_row=on_row
            )
            if into.entries:
                await _send_and_collect(
                    api,
                    into,
                    settings=settings,
                    on_status=on_status,
                    on_row=on_row,
                    poll=poll or Poll(),
                    sleep=sleep,
                )
            elif not counts[1]:
                on_status(
                    translate(
                        "Batch", "Every input is already in the output file; nothing to send."
                    )
                )
        finally:
            if own_client:
                await http.aclose()
    return BatchSummary(
        succeeded=counts[0],
        failed=counts[1],
        skipped=skipped,
        total=len(items),
        seconds=time.monotonic() - started,
        tokens=counts[2],
    )


async def _send_and_collect(
    api: BatchApi,
    into: _InputFile,
    *,
    settings: Settings,
    on_status: Callable[[str], None],
    on_row: Callable[[BatchResult], None],
    poll: Poll,
    sleep: Callable[[float], Any],
) -> None:
    into.file.flush()
    into.file.seek(0)
    count = len(into.entries)
    on_status(
        translate("Batch", "Uploading %1 requests (%2)…")
        .replace("%1", f"{count:,}")
        .replace("%2", _size(into.size))
    )
    file_id = await api.upload(into.file, filename=f"{APP_ID}-batch.jsonl")
    job = await api.create(file_id, _metadata(settings.model, into.entries.values()))
    save_job_record(job.id, settings.model, into.entries.values())
    on_status(
        translate("Batch", "Batch %1 created; it keeps running on the service if this stops: %2.")
        .replace("%2", results_later_sentence(job.id))
        .replace("%1", job.id)
    )
    try:
        job = await api.wait(
            job.id,
            poll=poll,
            sleep=sleep,
            on_change=lambda j: on_status(
                translate("Batch", "Batch %1: %2").replace("%2", j.progress()).replace("%1", j.id)
            ),
        )
    except asyncio.CancelledError:
        on_status(
            translate("Batch", "Stopped waiting; batch %1 keeps running: %2.")
            .replace("%2", results_later_sentence(job.id))
            .replace("%1", job.id)
        )
        raise
    if job.status == "failed" and not job.output_file_id and not job.error_file_id:
        reasons = "; ".join(job.errors) or translate("Errors", "no reason given")
        raise BatchJobFailed(
            translate("Errors", "The service could not run batch %1: %2")
            .replace("%1", str(job.id))
            .replace("%2", str(reasons))
        )
    await write_job_rows(api, job, entries=into.entries, model=settings.model, on_row=on_row)


def _metadata(model: str, entries: Iterable[JobEntry]) -> dict[str, str]:
    """What the batch carries for ``jobs results`` on a machine without the local record: the
    model, and the prompt when every request shares one short enough (the service keeps values
    of up to 512 characters)."""
    metadata = {"app": APP_ID, "model": model}
    prompts = {e.prompt for e in entries}
    if len(prompts) == 1 and len(prompt := prompts.pop()) <= 512:
        metadata["prompt"] = prompt
    return metadata


async def fetch_job_results(
    job_id: str,
    *,
    settings: Settings,
    key: str,
    output: str | os.PathLike[str],
    client: ChatClient | None = None,
    poll: Poll | None = None,
    on_change: Callable[[BatchJob], None] = lambda job: None,
    sleep: Callable[[float], Any] = asyncio.sleep,
) -> tuple[BatchJob, int, int]:
    """``jobs results``: append a finished job's rows to ``output``; (job, succeeded, failed).

    A job still running is returned as it is, with nothing written, unless ``poll`` is given:
    then it is waited for (``on_change`` hears each state).
    """
    endpoint = Endpoint(settings.endpoint_base_url(), key, settings.effective_region)
    own_client = client is None
    http = client or ChatClient(settings.client_settings())
    try:
        api = BatchApi(http, endpoint)
        job = await api.retrieve(job_id)
        if not job.finished and poll is not None:
            job = await api.wait(job_id, poll=poll, sleep=sleep, on_change=on_change)
        if not job.finished:
            return job, 0, 0
        if job.status == "failed" and not job.output_file_id and not job.error_file_id:
            reasons = "; ".join(job.errors) or translate("Errors", "no reason given")
            raise BatchJobFailed(
                translate("Errors", "The service could not run batch %1: %2")
                .replace("%1", str(job.id))
                .replace("%2", str(reasons))
            )
        model, entries = load_job_record(job_id)
        done = done_keys(output)
        with ResultWriter(output) as writer:

            def on_row(row: BatchResult) -> None:
                if not (row.ok and row.done_key in done):  # fetched before into this file
                    writer.write(row)

            counts = await write_job_rows(
                api,
                job,
                entries=entries,
                model=model or job.metadata.get("model", ""),
                on_row=on_row,
                prompt=job.metadata.get("prompt", ""),
            )
        return job, *counts
    finally:
        if own_client:
            with contextlib.suppress(Exception):
                await http.aclose()
