"""A loopback server that speaks DashScope's compatible-mode protocol, for tests and benchmarks.

It is a real HTTP/1.1 server on 127.0.0.1 (asyncio streams, chunked transfer encoding, keep-alive)
that serves scripted *scenarios*. The scenario is chosen by the first path segment, so one server
serves every scenario at once and a test picks one through the base URL::

    server.base_url("seed")       -> http://127.0.0.1:PORT/seed/compatible-mode/v1
    POST {base}/chat/completions  -> the scenario's reply
    GET  {base}/models            -> a model list (401 invalid_api_key for a wrong key)

Every request is recorded (:attr:`LoopbackDashScope.requests`) with its headers and JSON body, so
tests assert what was sent. Run in the test's own event loop (``await server.start()``) or in a
thread (``with LoopbackDashScope.in_thread() as server``) for subprocesses and benchmarks.

Scenarios (``SCENARIOS`` below; tests may ``add_scenario`` their own):

==========================  =======================================================================
``seed``                    the seed page's streaming sample byte for byte (stream), or its
                            non-streaming sample (``stream`` false)
``reasoning``               the real DashScope recording with reasoning (shared/fixtures)
``qvq``                     the QVQ example shape: reasoning then content, finish, usage chunk
``crlf`` / ``cr``           the seed stream with CRLF / CR line ends
``bom-keepalive``           a UTF-8 BOM, ``:`` comments, ``retry:`` lines, one byte per write
``slow``                    the seed stream with 50 ms between events
``big``                     ``?tokens=N`` in the scenario name's suffix ``big-N``: N content events
``mid-stream-error``        content, then ``{"error": data_inspection_failed}``, then [DONE]
``no-done``                 content then the connection ends cleanly without [DONE]
``cut-mid-event``           content, then half an event, then the socket is closed
``not-json``                an event whose data is not JSON
``mid-<code>``              content, then an in-stream ``{"error": {"code": <code>}}``, [DONE]
``e<status>-<code>``        an error body before the stream, e.g. ``e401-invalid_api_key``,
                            ``e429-Throttling.RateQuota``, ``e400-data_inspection_failed``
``retry-after``             429 with ``Retry-After: 0`` twice, then the seed stream
``flaky-503``               503 once, then the seed stream
``drop-then-ok``            the first connection closes before any byte, then the seed stream
``echo``                    answers with a summary of the request (image count and MIME types)
``throttled-<N>-<ms>``      every Nth request 429 with ``Retry-After: 0``, the others ``echo``
                            after <ms> ms
==========================  =======================================================================

The Batch API (:class:`LoopbackBatchApi`, any scenario segment) keeps uploaded files and batches in
memory; each ``GET {base}/batches/{id}`` moves a batch one state along the script its scenario
segment names (the segment it was created under), and every answered line echoes its request
(:func:`describe_request`):

==========================  =======================================================================
``POST {base}/files``       multipart, ``purpose`` must be ``batch`` (else 400); returns the file
``GET {base}/files/ID/      the file's bytes (input, output or error file)
content``
``POST {base}/batches``     ``endpoint`` ``/v1/chat/completions`` and ``completion_window`` ``24h``
                            (else 400); an input file whose lines are not the documented shape
                            (or ask to stream) makes the batch ``failed`` with the line's error
``GET {base}/batches[/ID]`` the list (newest first) or one batch; ``POST …/ID/cancel`` cancels
any other segment          validating → in_progress → finalizing → completed
``batch-failed``            validating → failed, with ``errors.data``; no output file
``batch-expired``           validating → in_progress → expired: only the first half of the lines
                            answered in the output file, the rest nowhere
``batch-partial``           completed; the 2nd, 4th… lines in the error file (400
                            ``data_inspection_failed``), the others in the output file
``batch-slow``              stays in_progress (a job left running; cancel → cancelling →
                            cancelled, with no line answered)
==========================  =======================================================================
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_STREAM = FIXTURES / "seed_stream.sse"
SEED_COMPLETION = FIXTURES / "seed_completion.json"
REASONING_RECORDING = FIXTURES / "dashscope_qwen3-max_reasoning.chunks.txt"


@dataclass
class RecordedRequest:
    method: str
    path: str
    scenario: str
    headers: dict[str, str]
    body: Any
    #: the body's bytes as sent (a multipart upload's body is not JSON)
    raw: bytes = field(default=b"", repr=False)

    @property
    def authorization(self) -> str | None:
        return self.headers.get("authorization")


def seed_stream_lines() -> list[str]:
    """The ``data: …`` lines of the seed page's streaming curl sample, exactly as printed."""
    return [line for line in SEED_STREAM.read_text(encoding="utf-8").splitlines() if line]


def seed_stream_bytes() -> bytes:
    # The page prints one event per line; on the wire each is followed by a blank line.
    return SEED_STREAM.read_bytes()


def seed_completion() -> dict[str, Any]:
    """The seed page's non-streaming reply."""
    return json.loads(SEED_COMPLETION.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def reasoning_stream_bytes() -> bytes:
    lines = REASONING_RECORDING.read_text(encoding="utf-8").splitlines()
    return b"".join(b"data: " + line.encode() + b"\n\n" for line in lines if line) + (
        b"data: [DONE]\n\n"
    )


def chunk_json(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
    obj = {
        "choices": [{"delta": delta, "finish_reason": finish, "index": 0, "logprobs": None}],
        "object": "chat.completion.chunk",
        "usage": None,
        "created": 1724729595,
        "system_fingerprint": None,
        "model": "qwen-vl-plus",
        "id": "chatcmpl-loopback",
        **extra,
    }
    return b"data: " + json.dumps(obj, ensure_ascii=False).encode() + b"\n\n"


def usage_json(prompt: int, completion: int, **details: Any) -> bytes:
    usage: dict[str, Any] = {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        **details,
    }
    obj = {
        "choices": [],
        "object": "chat.completion.chunk",
        "usage": usage,
        "model": "x",
        "id": "u",
    }
    return b"data: " + json.dumps(obj).encode() + b"\n\n"


DONE = b"data: [DONE]\n\n"


class Reply:
    """What a scenario writes: status line, headers, then a body in pieces (chunked)."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self._writer = writer
        self.started = False

    async def start(
        self, status: int = 200, content_type: str = "text/event-stream", **headers: str
    ) -> None:
        reason = {
            200: "OK",
            400: "Bad Request",
            401: "Unauthorized",
            403: "Forbidden",
            404: "Not Found",
            429: "Too Many Requests",
            500: "Internal Server Error",
            503: "Service Unavailable",
            307: "Temporary Redirect",
        }.get(status, "Status")
        lines = [
            f"HTTP/1.1 {status} {reason}",
            f"Content-Type: {content_type}",
            "Transfer-Encoding: chunked",
            "x-request-id: req-loopback-0001",
        ]
        lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
        self._writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
        self.started = True
        await self._writer.drain()

    async def send(self, data: bytes) -> None:
        if data:
            self._writer.write(b"%x\r\n%s\r\n" % (len(data), data))
            await self._writer.drain()

    async def end(self) -> None:
        self._writer.write(b"0\r\n\r\n")
        await self._writer.drain()

    async def json(self, status: int, obj: Any, **headers: str) -> None:
        await self.start(status, "application/json", **headers)
        await self.send(json.dumps(obj, ensure_ascii=False).encode())
        await self.end()

    def abort(self) -> None:
        """Close the socket now, mid-body: the client sees an incomplete chunked message."""
        transport = self._writer.transport
        transport.abort()


Scenario = Callable[["LoopbackDashScope", RecordedRequest, Reply], Awaitable[None]]


def error_body(code: str, message: str) -> dict[str, Any]:
    return {
        "error": {"message": message, "type": "invalid_request_error", "param": None, "code": code},
        "id": "chatcmpl-err",
        "request_id": "req-err-42",
    }


async def _stream_pieces(reply: Reply, pieces: list[bytes], delay: float = 0.0) -> None:
    await reply.start()
    for piece in pieces:
        await reply.send(piece)
        if delay:
            await asyncio.sleep(delay)
    await reply.end()


def _split_events(data: bytes) -> list[bytes]:
    return [e + b"\n\n" for e in data.split(b"\n\n") if e]


async def sc_seed(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    if isinstance(req.body, dict) and req.body.get("stream"):
        await _stream_pieces(reply, _split_events(seed_stream_bytes()))
    else:
        await reply.json(200, seed_completion())


async def sc_reasoning(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await _stream_pieces(reply, _split_events(reasoning_stream_bytes()))


async def sc_qvq(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    pieces = [chunk_json({"content": None, "role": "assistant", "reasoning_content": ""})]
    pieces += [
        chunk_json({"content": None, "reasoning_content": t})
        for t in ["Looking at ", "the image, ", "I see a dog."]
    ]
    pieces += [chunk_json({"content": t}) for t in ["A dog ", "on a beach."]]
    pieces.append(chunk_json({"content": "", "reasoning_content": None}, "stop"))
    pieces.append(
        usage_json(
            1300,
            40,
            completion_tokens_details={"reasoning_tokens": 20},
            prompt_tokens_details={"image_tokens": 1250},
        )
    )
    pieces.append(DONE)
    await _stream_pieces(reply, pieces)


def _newline_variant(sep: bytes) -> Scenario:
    async def scenario(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        data = seed_stream_bytes().replace(b"\n", sep)
        await _stream_pieces(reply, [data[i : i + 97] for i in range(0, len(data), 97)])

    return scenario


async def sc_bom_keepalive(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    data = b"\xef\xbb\xbf: keep-alive\nretry: 3000\n\n"
    for event in _split_events(seed_stream_bytes()):
        data += b": ping\n\n" + event
    await _stream_pieces(reply, [data[i : i + 1] for i in range(len(data))])


async def sc_slow(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await _stream_pieces(reply, _split_events(seed_stream_bytes()), delay=0.05)


async def sc_big(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    count = int(req.scenario.split("-", 1)[1]) if "-" in req.scenario else 2000
    await reply.start()
    batch: list[bytes] = [chunk_json({"content": "", "role": "assistant"})]
    for i in range(count):
        text = f"word{i} " if i % 12 else f"\n\nParagraph {i // 12} "
        batch.append(chunk_json({"content": text}))
        if len(batch) >= 32:
            await reply.send(b"".join(batch))
            batch = []
    batch.append(chunk_json({"content": ""}, "stop"))
    batch.append(usage_json(100, count))
    batch.append(DONE)
    await reply.send(b"".join(batch))
    await reply.end()


def _first_events(n: int) -> list[bytes]:
    return _split_events(seed_stream_bytes())[:n]


async def sc_mid_stream_error(
    server: LoopbackDashScope, req: RecordedRequest, reply: Reply
) -> None:
    error = {
        "error": {
            "code": "data_inspection_failed",
            "message": "Output data may contain inappropriate content.",
            "type": "data_inspection_failed",
            "param": None,
        },
        "id": "chatcmpl-x",
        "request_id": "req-mod-7",
    }
    pieces = [*_first_events(4), b"data: " + json.dumps(error).encode() + b"\n\n", DONE]
    await _stream_pieces(reply, pieces)


async def sc_no_done(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await _stream_pieces(reply, _first_events(5))


async def sc_cut_mid_event(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await reply.start()
    for piece in _first_events(4):
        await reply.send(piece)
    nxt = _first_events(5)[4]
    await reply.send(nxt[: len(nxt) // 2])
    await asyncio.sleep(0.01)
    reply.abort()


async def sc_not_json(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    await _stream_pieces(reply, [*_first_events(2), b"data: <html>oops</html>\n\n", DONE])


_ERROR_NAME = re.compile(r"^e(\d{3})-(.+)$")

ERROR_MESSAGES = {
    "invalid_api_key": "Incorrect API key provided. ",
    "data_inspection_failed": "Input data may contain inappropriate content.",
    "Throttling.RateQuota": "Requests rate limit exceeded, please try again later.",
    "insufficient_quota": "You exceeded your current quota, please check your plan.",
    "model_not_found": "The model `nope` does not exist or you do not have access to it.",
    "InternalError": "<500> InternalError.Algo: An internal error has occured.",
    "invalid_parameter_error": "<400> InternalError.Algo.InvalidParameter: bad value",
    "AccessDenied": "Access denied.",
    "Arrearage": "Access denied, please make sure your account is in good standing.",
    "ModelUnavailable": "Model is unavailable, please try again later.",
}


_MID_ERROR_NAME = re.compile(r"^mid-(.+)$")


async def sc_mid_stream_code(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """``mid-<code>``: some content, then an in-stream error event with that code, then [DONE]."""
    match = _MID_ERROR_NAME.match(req.scenario)
    assert match
    code = match.group(1)
    error = error_body(code, ERROR_MESSAGES.get(code, f"error {code}"))
    pieces = [*_first_events(3), b"data: " + json.dumps(error).encode() + b"\n\n", DONE]
    await _stream_pieces(reply, pieces)


async def sc_http_error(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    match = _ERROR_NAME.match(req.scenario)
    assert match
    status, code = int(match.group(1)), match.group(2)
    await reply.json(status, error_body(code, ERROR_MESSAGES.get(code, f"error {code}")))


async def sc_retry_after(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    if server.count(req.scenario) <= 2:
        await reply.json(
            429, error_body("Throttling.RateQuota", "Requests rate limit exceeded"), Retry_After="0"
        )
    else:
        await sc_seed(server, req, reply)


async def sc_flaky_503(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    if server.count(req.scenario) <= 1:
        await reply.json(503, error_body("ModelUnavailable", "Model is unavailable"))
    else:
        await sc_seed(server, req, reply)


async def sc_drop_then_ok(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    if server.count(req.scenario) <= 1:
        reply.abort()
    else:
        await sc_seed(server, req, reply)


def describe_request(body: Any) -> str:
    """A stable, human-readable summary of what a request carried (for the echo scenario)."""
    messages = body.get("messages", []) if isinstance(body, dict) else []
    last = messages[-1] if messages else {}
    content = last.get("content")
    images = []
    text = content if isinstance(content, str) else ""
    if isinstance(content, list):
        for part in content:
            if part.get("type") == "text":
                text = part.get("text", "")
            elif part.get("type") == "image_url":
                url = part["image_url"]["url"]
                images.append(url.split(";", 1)[0][5:] if url.startswith("data:") else url)
    return f"turns={len(messages)} images={len(images)} [{', '.join(images)}] text={text!r}"


async def sc_echo(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    summary = describe_request(req.body)
    if isinstance(req.body, dict) and req.body.get("stream"):
        pieces = [
            chunk_json({"content": "", "role": "assistant"}),
            chunk_json({"content": summary}),
            chunk_json({"content": ""}, "stop"),
            usage_json(10, 5),
            DONE,
        ]
        await _stream_pieces(reply, pieces)
    else:
        await reply.json(
            200,
            {
                "choices": [
                    {
                        "message": {"role": "assistant", "content": summary},
                        "finish_reason": "stop",
                        "index": 0,
                    }
                ],
                "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
                "model": "echo",
                "id": "e",
            },
        )


_THROTTLED_NAME = re.compile(r"^throttled-(\d+)-(\d+)(?:-.*)?$")


async def sc_throttled(server: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
    """``throttled-<N>-<ms>[-<any>]``: every Nth request a 429 (``Retry-After: 0``), the others
    the echo answer after <ms> milliseconds (a service's latency). A suffix starts a new count."""
    match = _THROTTLED_NAME.match(req.scenario)
    every, delay_ms = (int(match.group(1)), int(match.group(2))) if match else (10, 50)
    if every and server.count(req.scenario) % every == 0:
        await reply.json(
            429, error_body("Throttling.RateQuota", "Requests rate limit exceeded"), Retry_After="0"
        )
        return
    await asyncio.sleep(delay_ms / 1000)
    await sc_echo(server, req, reply)


SCENARIOS: dict[str, Scenario] = {
    "seed": sc_seed,
    "reasoning": sc_reasoning,
    "qvq": sc_qvq,
    "crlf": _newline_variant(b"\r\n"),
    "cr": _newline_variant(b"\r"),
    "bom-keepalive": sc_bom_keepalive,
    "slow": sc_slow,
    "big": sc_big,
    "mid-stream-error": sc_mid_stream_error,
    "no-done": sc_no_done,
    "cut-mid-event": sc_cut_mid_event,
    "not-json": sc_not_json,
    "retry-after": sc_retry_after,
    "flaky-503": sc_flaky_503,
    "drop-then-ok": sc_drop_then_ok,
    "echo": sc_echo,
    "throttled": sc_throttled,
}


@dataclass
class LoopbackDashScope:
    """The server. ``api_keys``: keys accepted (``None`` accepts any bearer token);
    ``scenario_keys``: the keys one scenario accepts instead (a region's host: a key made in
    another region's console is refused there)."""

    api_keys: set[str] | None = None
    scenario_keys: dict[str, set[str]] = field(default_factory=dict)
    host: str = "127.0.0.1"
    requests: list[RecordedRequest] = field(default_factory=list)
    scenarios: dict[str, Scenario] = field(default_factory=lambda: dict(SCENARIOS))
    port: int = 0
    _server: asyncio.Server | None = None
    _counts: dict[str, int] = field(default_factory=dict)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    #: connections currently open (a cancelled stream must bring this back to 0)
    open_connections: int = 0
    #: the files and batches endpoints (:class:`LoopbackBatchApi`)
    batch_api: LoopbackBatchApi = field(default_factory=lambda: LoopbackBatchApi())

    def base_url(self, scenario: str = "seed") -> str:
        return f"http://{self.host}:{self.port}/{scenario}/compatible-mode/v1"

    def add_scenario(self, name: str, scenario: Scenario) -> None:
        self.scenarios[name] = scenario

    def count(self, scenario: str) -> int:
        return self._counts.get(scenario, 0)

    def chat_requests(self, scenario: str | None = None) -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if r.path.endswith("/chat/completions") and (scenario is None or r.scenario == scenario)
        ]

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
            self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self.open_connections += 1
        try:
            while not writer.is_closing():
                if not await self._one_request(reader, writer):
                    break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            self.open_connections -= 1
            self._tasks.discard(task)
            with contextlib.suppress(Exception):
                writer.close()

    async def _one_request(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        head = await reader.readuntil(b"\r\n\r\n")
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        method, target, _ = request_line.split(" ", 2)
        headers = {}
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        raw = await reader.readexactly(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        path = target.split("?", 1)[0]
        segments = path.strip("/").split("/")
        scenario = (
            segments[0] if segments and segments[0] not in ("compatible-mode", "v1") else "seed"
        )
        record = RecordedRequest(method, path, scenario, headers, body, raw)
        self.requests.append(record)
        reply = Reply(writer)
        accepted = self.scenario_keys.get(scenario, self.api_keys)
        if accepted is not None:
            token = headers.get("authorization", "").removeprefix("Bearer ").strip()
            if token not in accepted:
                await reply.json(401, error_body("invalid_api_key", "Incorrect API key provided. "))
                return True
        if method == "GET" and path.endswith("/models"):
            models = [{"id": m, "object": "model"} for m in ("qwen3-vl-plus", "qwen-vl-max")]
            await reply.json(200, {"object": "list", "data": models})
            return True
        if LoopbackBatchApi.handles(path):
            await self.batch_api.serve(record, reply)
            return True
        if method != "POST" or not path.endswith("/chat/completions"):
            await reply.json(404, error_body("NotFound", f"no route {method} {path}"))
            return True
        self._counts[scenario] = self._counts.get(scenario, 0) + 1
        key = scenario
        if _ERROR_NAME.match(scenario):
            handler: Scenario = sc_http_error
        elif scenario not in self.scenarios and _MID_ERROR_NAME.match(scenario):
            handler = sc_mid_stream_code
        else:
            key = scenario if scenario in self.scenarios else scenario.split("-", 1)[0]
            handler = self.scenarios.get(key, sc_seed)
        await handler(self, record, reply)
        return not writer.transport.is_closing()

    @classmethod
    @contextlib.contextmanager
    def in_thread(cls, **kwargs: Any) -> Iterator[LoopbackDashScope]:
        """Run a server on its own event loop in a daemon thread (for subprocesses, benchmarks)."""
        server = cls(**kwargs)
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(server.start())
            ready.set()
            loop.run_forever()

        thread = threading.Thread(target=run, name="loopback-dashscope", daemon=True)
        thread.start()
        ready.wait(10)
        try:
            yield server
        finally:
            asyncio.run_coroutine_threadsafe(server.stop(), loop).result(5)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
            loop.close()


BATCH_SCRIPTS: dict[str, tuple[str, ...]] = {
    "batch-failed": ("validating", "failed"),
    "batch-expired": ("validating", "in_progress", "expired"),
    "batch-slow": ("validating", "in_progress"),
}
_BATCH_ROUTE = re.compile(r"/(files|batches)(?:/([^/]+))?(?:/(content|cancel))?$")


@dataclass
class LoopbackBatch:
    """One batch: its object as the service shows it, and where its script is."""

    obj: dict[str, Any]
    script: tuple[str, ...]
    scenario: str
    step: int = 0


@dataclass
class LoopbackBatchApi:
    """The Batch API's files and batches (OpenAI-compatible), kept in memory; see the module's
    second table for the routes and scripts."""

    files: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, LoopbackBatch] = field(default_factory=dict)

    @staticmethod
    def handles(path: str) -> bool:
        return _BATCH_ROUTE.search(path) is not None and "/compatible-mode/v1/" in path

    async def serve(self, req: RecordedRequest, reply: Reply) -> None:
        match = _BATCH_ROUTE.search(req.path)
        assert match is not None
        kind, ident, action = match.groups()
        route = (req.method, kind, ident is not None, action)
        if route == ("POST", "files", False, None):
            await self._upload(req, reply)
        elif route == ("GET", "files", True, "content") and ident in self.files:
            await reply.start(200, "application/octet-stream")
            await reply.send(self.files[ident])
            await reply.end()
        elif route == ("POST", "batches", False, None):
            await self._create(req, reply)
        elif route == ("GET", "batches", False, None):
            newest = sorted(self.batches.values(), key=lambda b: -int(b.obj["created_at"]))
            data = [b.obj for b in newest]
            await reply.json(200, {"object": "list", "data": data, "has_more": False})
        elif kind == "batches" and ident in self.batches and action != "content":
            batch = self.batches[ident]
            if route[0] == "POST" and action == "cancel":
                self._cancel(batch)
            elif route[0] == "GET" and action is None:
                self._advance(batch)
            else:
                await reply.json(404, error_body("NotFound", f"no route {req.method} {req.path}"))
                return
            await reply.json(200, batch.obj)
        else:
            await reply.json(404, error_body("NotFound", f"not found: {req.method} {req.path}"))

    async def _upload(self, req: RecordedRequest, reply: Reply) -> None:
        fields = multipart_fields(req.headers.get("content-type", ""), req.raw)
        if fields.get("purpose") != b"batch" or "file" not in fields:
            await reply.json(400, error_body("invalid_parameter_error", "purpose must be batch"))
            return
        file_id = self._store(fields["file"])
        obj = {"id": file_id, "object": "file", "bytes": len(fields["file"]), "purpose": "batch"}
        await reply.json(200, obj)

    def _store(self, data: bytes) -> str:
        file_id = f"file-batch-{len(self.files) + 1:04d}"
        self.files[file_id] = data
        return file_id

    async def _create(self, req: RecordedRequest, reply: Reply) -> None:
        body = req.body if isinstance(req.body, dict) else {}
        wrong = (
            body.get("endpoint") != "/v1/chat/completions"
            or body.get("completion_window") != "24h"
            or body.get("input_file_id") not in self.files
        )
        if wrong:
            await reply.json(400, error_body("invalid_parameter_error", "bad batch request"))
            return
        batch_id = f"batch_loopback_{len(self.batches) + 1:04d}"
        lines = self._lines(body["input_file_id"])
        obj: dict[str, Any] = {
            "id": batch_id,
            "object": "batch",
            "endpoint": body["endpoint"],
            "input_file_id": body["input_file_id"],
            "completion_window": "24h",
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "errors": None,
            "created_at": 1_750_000_000 + len(self.batches),
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            "metadata": body.get("metadata"),
        }
        script = BATCH_SCRIPTS.get(
            req.scenario, ("validating", "in_progress", "finalizing", "completed")
        )
        problem = _line_problem(lines)
        if problem is not None:
            script = ("validating", "failed")
            obj["errors"] = {"object": "list", "data": [problem]}
        self.batches[batch_id] = LoopbackBatch(obj, script, req.scenario)
        await reply.json(200, obj)

    def _lines(self, file_id: str) -> list[Any]:
        lines = []
        for raw in self.files[file_id].splitlines():
            try:
                lines.append(json.loads(raw))
            except ValueError:
                lines.append(None)
        return lines

    def _advance(self, batch: LoopbackBatch) -> None:
        if batch.obj["status"] in ("cancelling", "cancelled"):
            batch.obj["status"] = "cancelled"
            return
        batch.step = min(batch.step + 1, len(batch.script) - 1)
        status = batch.script[batch.step]
        batch.obj["status"] = status
        if status in ("completed", "expired"):
            self._answer(batch)
        elif status == "failed" and not batch.obj["errors"]:
            problem = {"code": "invalid_file", "message": "the scripted batch-failed scenario"}
            batch.obj["errors"] = {"object": "list", "data": [problem]}

    def _cancel(self, batch: LoopbackBatch) -> None:
        if batch.obj["status"] not in ("completed", "failed", "expired", "cancelled"):
            batch.obj["status"] = "cancelling"

    def _answer(self, batch: LoopbackBatch) -> None:
        lines = self._lines(batch.obj["input_file_id"])
        if batch.scenario == "batch-expired":
            lines = lines[: len(lines) // 2]
        output, errors = [], []
        for index, line in enumerate(lines):
            if batch.scenario == "batch-partial" and index % 2 == 1:
                errors.append(_error_line(line, index))
            else:
                output.append(_answer_line(line, index))
        counts = batch.obj["request_counts"]
        counts.update(completed=len(output), failed=len(errors))
        if output:
            batch.obj["output_file_id"] = self._store(_jsonl(output))
        if errors:
            batch.obj["error_file_id"] = self._store(_jsonl(errors))


def multipart_fields(content_type: str, raw: bytes) -> dict[str, bytes]:
    """The named parts of a multipart/form-data body (enough for the files upload)."""
    boundary = content_type.partition("boundary=")[2].strip('"')
    fields: dict[str, bytes] = {}
    if not boundary:
        return fields
    for part in raw.split(b"--" + boundary.encode())[1:]:
        head, sep, value = part.partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]*)"', head)
        if sep and name:
            fields[name.group(1).decode()] = value.removesuffix(b"\r\n")
    return fields


def _line_problem(lines: list[Any]) -> dict[str, Any] | None:
    """The first line that is not the documented shape, as the service's ``errors.data`` item."""
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        ok = (
            isinstance(line, dict)
            and isinstance(line.get("custom_id"), str)
            and line["custom_id"] not in seen
            and line.get("method") == "POST"
            and line.get("url") == "/v1/chat/completions"
            and isinstance(line.get("body"), dict)
            and isinstance(line["body"].get("model"), str)
            and not line["body"].get("stream")
        )
        if not ok:
            return {"code": "invalid_line", "line": number, "message": f"line {number} is invalid"}
        seen.add(line["custom_id"])
    return None


def _answer_line(line: dict[str, Any], index: int) -> dict[str, Any]:
    body = {
        "id": f"chatcmpl-batch-{index}",
        "object": "chat.completion",
        "model": line["body"]["model"],
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": describe_request(line["body"])},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }
    response = {"status_code": 200, "request_id": f"req-batch-{index}", "body": body}
    return {
        "id": f"resp-{index}",
        "custom_id": line["custom_id"],
        "response": response,
        "error": None,
    }


def _error_line(line: dict[str, Any], index: int) -> dict[str, Any]:
    body = error_body("data_inspection_failed", ERROR_MESSAGES["data_inspection_failed"])
    response = {"status_code": 400, "request_id": f"req-batch-{index}", "body": body}
    error = {"code": "data_inspection_failed", "message": ERROR_MESSAGES["data_inspection_failed"]}
    return {
        "id": f"resp-{index}",
        "custom_id": line["custom_id"],
        "response": response,
        "error": error,
    }


def _jsonl(lines: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(line, ensure_ascii=False).encode() + b"\n" for line in lines)


def main() -> None:
    """``python -m tests.support.dashscope_server [PORT]``: serve until interrupted."""
    import sys

    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765

    async def serve() -> None:
        server = LoopbackDashScope(port=port)
        await server.start()
        print(f"serving on {server.base_url('<scenario>')}", flush=True)
        await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve())


if __name__ == "__main__":
    main()
