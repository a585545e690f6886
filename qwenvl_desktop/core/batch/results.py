"""A batch's table: one :class:`BatchResult` per input, kept as JSON lines or CSV rows.

The file is what makes a batch resumable, so it is written to survive being stopped at any
moment: each row is appended with a single ``write`` of its complete bytes and then ``fsync``\\ ed
(:class:`ResultWriter`). A process killed with ``kill -9`` therefore leaves whole rows only; a row
cut short anyway (a full disk, a power cut) can only be the last one, and is recognised and
dropped when the file is read or appended to again.

A rerun skips the inputs whose row succeeded — the same input, file content (SHA-256), prompt
and model (:attr:`BatchResult.done_key`) — and asks again those that failed, whose rows
:func:`drop_failed_rows` removes first so that the file keeps one row per input.

The local runner and the service's Batch API write the same rows; ``custom_id`` names the row in
a Batch API job.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self, TypeAlias

from qwenvl_desktop.core.batch.inputs import BatchInputError
from qwenvl_desktop.core.i18n import translate
from qwenvl_desktop.core.settings.atomic_file import write_bytes_atomically

__all__ = [
    "CSV_COLUMNS",
    "ERROR_FIELDS",
    "USAGE_FIELDS",
    "BatchResult",
    "DoneKey",
    "ResultFormat",
    "ResultWriter",
    "custom_id_for",
    "done_keys",
    "drop_failed_rows",
    "format_of",
    "read_results",
]

#: a file name as the standard library takes it
StrPath: TypeAlias = str | os.PathLike[str]
#: (input, sha256, prompt, model): the same question about the same bytes with the same model
DoneKey: TypeAlias = tuple[str, str, str, str]
ResultFormat = Literal["jsonl", "csv"]

#: what a row's ``error`` holds; ``code`` is the service's code, or for an image the pipeline's
#: reason (``not-found``, ``not-an-image``…)
ERROR_FIELDS = ("kind", "sentence", "code", "status", "request_id")
#: the token counts a row's ``usage`` may hold (core.protocol.events.Usage)
USAGE_FIELDS = (
    "prompt_tokens",
    "completion_tokens",
    "total_tokens",
    "reasoning_tokens",
    "image_tokens",
    "cached_tokens",
)
#: a CSV file's columns: the JSON fields with ``error`` and ``usage`` spread out, for spreadsheets
CSV_COLUMNS = (
    "input",
    "prompt",
    "model",
    "content",
    "reasoning",
    "finish_reason",
    *(f"error_{name}" for name in ERROR_FIELDS),
    *USAGE_FIELDS,
    "seconds",
    "sha256",
    "custom_id",
)


def custom_id_for(input: str, sha256: str, prompt: str, model: str) -> str:
    """The row's stable id: the first 16 hex digits of SHA-1 over its :data:`DoneKey`."""
    text = "\0".join((input, sha256, prompt, model))
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The answer about one input, or the error that ended its request (``error`` not None).

    ``content`` is the answer (what arrived, if the request failed midway); ``reasoning`` the
    model's thinking or None; ``usage`` the service's token counts (:data:`USAGE_FIELDS`) or None;
    ``error`` a dict of :data:`ERROR_FIELDS`; ``seconds`` the request's time, retries included;
    ``sha256`` the input file's content hash (``""`` for a URL or an unreadable file).
    """

    input: str
    prompt: str
    model: str
    content: str = ""
    reasoning: str | None = None
    usage: dict[str, int] | None = None
    finish_reason: str | None = None
    error: dict[str, Any] | None = None
    seconds: float = 0.0
    sha256: str = ""
    #: filled in from the other fields when not given
    custom_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.custom_id:
            custom = custom_id_for(self.input, self.sha256, self.prompt, self.model)
            object.__setattr__(self, "custom_id", custom)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def done_key(self) -> DoneKey:
        return (self.input, self.sha256, self.prompt, self.model)

    @property
    def total_tokens(self) -> int:
        """Tokens the request cost (0 when the service did not say)."""
        if not self.usage:
            return 0
        total = self.usage.get("total_tokens")
        if total is None:
            total = self.usage.get("prompt_tokens", 0) + self.usage.get("completion_tokens", 0)
        return int(total)

    @property
    def error_sentence(self) -> str:
        return str(self.error.get("sentence") or "") if self.error else ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BatchResult:
        """The row ``data`` describes; unknown keys are ignored. ``ValueError`` if it is not one."""
        if not isinstance(data, Mapping) or not isinstance(data.get("input"), str):
            raise ValueError("not a result row")
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values.setdefault("prompt", "")
        values.setdefault("model", "")
        values["content"] = values.get("content") or ""
        values["seconds"] = float(values.get("seconds") or 0.0)
        values["sha256"] = values.get("sha256") or ""
        values["custom_id"] = values.get("custom_id") or ""
        return cls(**values)

    def to_csv_row(self) -> list[str]:
        error = self.error or {}
        usage = self.usage or {}
        row = {
            "input": self.input,
            "prompt": self.prompt,
            "model": self.model,
            "content": self.content,
            "reasoning": self.reasoning or "",
            "finish_reason": self.finish_reason or "",
            **{f"error_{name}": _cell(error.get(name)) for name in ERROR_FIELDS},
            **{name: _cell(usage.get(name)) for name in USAGE_FIELDS},
            "seconds": f"{self.seconds:.3f}",
            "sha256": self.sha256,
            "custom_id": self.custom_id,
        }
        return [row[column] for column in CSV_COLUMNS]

    @classmethod
    def from_csv_row(cls, row: Mapping[str, str]) -> BatchResult:
        error: dict[str, Any] | None = None
        if row.get("error_kind"):
            error = {name: row.get(f"error_{name}") or None for name in ERROR_FIELDS}
            if error["status"] is not None:
                error["status"] = int(error["status"])
        usage = {name: int(row[name]) for name in USAGE_FIELDS if row.get(name)}
        return cls(
            input=row["input"],
            prompt=row.get("prompt", ""),
            model=row.get("model", ""),
            content=row.get("content", ""),
            reasoning=row.get("reasoning") or None,
            usage=usage or None,
            finish_reason=row.get("finish_reason") or None,
            error=error,
            seconds=float(row.get("seconds") or 0.0),
            sha256=row.get("sha256", ""),
            custom_id=row.get("custom_id", ""),
        )


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def format_of(path: StrPath) -> ResultFormat:
    """``csv`` for a ``.csv`` name, else JSON lines."""
    return "csv" if str(path).lower().endswith(".csv") else "jsonl"


def encode_row(result: BatchResult, fmt: ResultFormat) -> bytes:
    """One complete row, line end included: what a single append writes."""
    if fmt == "jsonl":
        return (json.dumps(result.to_json(), ensure_ascii=False) + "\n").encode("utf-8")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(result.to_csv_row())
    return buffer.getvalue().encode("utf-8")


def _csv_header() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(CSV_COLUMNS)
    return buffer.getvalue().encode("utf-8")


class ResultWriter:
    """Appends rows to a results file (``.jsonl`` or ``.csv``), each durable once written.

    Use as a context manager. Opening repairs a row cut short at the end (see the module's
    docstring) and, for a new CSV file, writes the header; an existing file that is not a
    results file raises :class:`BatchInputError`.
    """

    def __init__(self, path: StrPath) -> None:
        self.path = Path(path)
        self.format: ResultFormat = format_of(self.path)
        self._fd: int | None = None

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def open(self) -> None:
        existing = _read_bytes(self.path)
        rows = list(_parse(self.path, existing, self.format))  # refuses a foreign file
        complete = rows[-1][0] if rows else (_header_end(existing) if existing else 0)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, flags, 0o644)
            if complete < len(existing):
                os.ftruncate(self._fd, complete)
            if self.format == "csv" and complete == 0:
                self._append(_csv_header())
        except OSError as error:
            self.close()
            raise BatchInputError(
                translate("Errors", "Cannot write the results to %1: %2.")
                .replace("%1", str(self.path))
                .replace("%2", str(error.strerror or error))
            ) from None

    def write(self, result: BatchResult) -> None:
        """Append ``result`` as one row and make it durable before returning."""
        if self._fd is None:
            raise RuntimeError("the results file is not open")
        self._append(encode_row(result, self.format))

    def _append(self, data: bytes) -> None:
        assert self._fd is not None
        view = memoryview(data)
        while view:  # one write() for a regular file; the loop only guards a short write
            written = os.write(self._fd, view)
            view = view[written:]
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def read_results(path: StrPath) -> list[BatchResult]:
    """The rows of a results file, in order; none for a missing file. A last row cut short is
    left out; any other unreadable row raises :class:`BatchInputError`."""
    path = Path(path)
    return [result for _, result in _parse(path, _read_bytes(path), format_of(path))]


def done_keys(path: StrPath) -> set[DoneKey]:
    """The inputs whose row in ``path`` succeeded: what a rerun skips."""
    return {result.done_key for result in read_results(path) if result.ok}


def drop_failed_rows(path: StrPath) -> int:
    """Remove the failed rows (and a row cut short) from ``path``, so that a rerun asks those
    inputs again and the file keeps one row per input; how many failed rows were removed.

    The file is replaced all at once: stopped midway, the old file is still there.
    """
    path = Path(path)
    data = _read_bytes(path)
    fmt = format_of(path)
    rows = list(_parse(path, data, fmt))
    kept = [result for _, result in rows if result.ok]
    complete = rows[-1][0] if rows else len(data)
    if len(kept) == len(rows) and complete == len(data):
        return 0
    header = _csv_header() if fmt == "csv" else b""
    write_bytes_atomically(path, header + b"".join(encode_row(r, fmt) for r in kept))
    return len(rows) - len(kept)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as error:
        raise BatchInputError(
            translate("Errors", "Cannot read the results file %1: %2.")
            .replace("%1", str(path))
            .replace("%2", str(error.strerror or error))
        ) from None


def _parse(path: Path, data: bytes, fmt: ResultFormat) -> Iterator[tuple[int, BatchResult]]:
    """Each complete row with the byte offset where it ends."""
    if fmt == "jsonl":
        yield from _parse_jsonl(path, data)
    else:
        yield from _parse_csv(path, data)


def _parse_jsonl(path: Path, data: bytes) -> Iterator[tuple[int, BatchResult]]:
    offset = 0
    number = 0
    while offset < len(data):
        end = data.find(b"\n", offset)
        if end < 0:
            return  # the last row, cut short: its line end is written with it
        number += 1
        line = data[offset:end]
        offset = end + 1
        if not line.strip():
            continue
        try:
            yield offset, BatchResult.from_json(json.loads(line))
        except (ValueError, TypeError):
            if offset >= len(data):
                return  # a last line written only in part
            raise BatchInputError(
                translate(
                    "Errors", "%1, line %2, is not a result row; choose another --output file."
                )
                .replace("%1", str(path))
                .replace("%2", str(number))
            ) from None


def _header_end(data: bytes) -> int:
    end = data.find(b"\n")
    return end + 1 if end >= 0 else 0


def _parse_csv(path: Path, data: bytes) -> Iterator[tuple[int, BatchResult]]:
    if not data:
        return
    text = data.decode("utf-8", "replace")
    consumed = 0  # bytes the reader has taken, up to the end of its last line
    last_line = ""

    def lines() -> Iterator[str]:
        nonlocal consumed, last_line
        for line in io.StringIO(text, newline=""):  # as csv wants: line ends kept, untranslated
            consumed += len(line.encode("utf-8"))
            last_line = line
            yield line

    reader = csv.reader(lines(), strict=True)
    if not _has_our_header(path, reader, cut_short=not text.endswith("\n")):
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            if consumed >= len(data):
                return  # the last row, cut short inside a quoted cell
            raise BatchInputError(
                translate("Errors", "%1, line %2, is not a result row.")
                .replace("%1", str(path))
                .replace("%2", str(reader.line_num))
            ) from None
        complete = len(row) == len(CSV_COLUMNS) and last_line.endswith("\n")
        if not complete and consumed >= len(data):
            return  # the last row, cut short
        try:
            if not complete:
                raise ValueError("wrong number of cells")
            yield consumed, BatchResult.from_csv_row(dict(zip(CSV_COLUMNS, row, strict=True)))
        except (ValueError, KeyError):
            raise BatchInputError(
                translate("Errors", "%1, line %2, is not a result row.")
                .replace("%1", str(path))
                .replace("%2", str(reader.line_num))
            ) from None


def _has_our_header(path: Path, reader: Iterator[list[str]], *, cut_short: bool) -> bool:
    """Whether the file goes on past a complete header of ours; refuses any other file."""
    try:
        header = tuple(next(reader))
    except (StopIteration, csv.Error):
        header = ()
    if header == CSV_COLUMNS:
        return True
    if cut_short and CSV_COLUMNS[: len(header)] == header:
        return False  # the header itself cut short: nothing is done yet
    raise BatchInputError(
        translate("Errors", "%1 is not a results file; choose another --output file.").replace(
            "%1", str(path)
        )
    )
