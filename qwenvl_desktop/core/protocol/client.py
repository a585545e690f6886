"""The HTTP client: one long-lived ``httpx.AsyncClient``, retries, streaming, error mapping.

Usage::

    async with ChatClient(ClientSettings()) as client:
        async for event in client.chat(endpoint, request):
            ...  # ReasoningDelta, ContentDelta, Usage, Finish; failures raise QwenVLError

Every failure surfaces as a :mod:`~qwenvl_desktop.core.protocol.errors` class. Events already
yielded stay valid when an error is raised after them, so callers keep the partial answer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import ssl
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.protocol.catalog import ModelInfo, load_catalog
from qwenvl_desktop.core.protocol.errors import (
    ApiError,
    CertificateError,
    NetworkError,
    ProtocolError,
    QwenVLError,
    RequestTimeout,
    StreamInterrupted,
    error_from_response,
)
from qwenvl_desktop.core.protocol.events import StreamError, StreamEvent
from qwenvl_desktop.core.protocol.request import ChatRequest, build_body, effective_stream
from qwenvl_desktop.core.protocol.sse import ChatStreamDecoder, parse_completion

if TYPE_CHECKING:
    # Imported where a request is made: httpx and its transport cost about 0.1 s, which the
    # window's start-up (and every module that only needs Endpoint or mask_key) should not pay.
    import httpx

__all__ = ["ChatClient", "ClientSettings", "Endpoint", "mask_key"]

log = logging.getLogger(__name__)

USER_AGENT = APP_ID


def mask_key(key: str | None) -> str:
    """A form of the key safe to show: ``sk-…f3a9``."""
    if not key:
        return "(none)"
    if len(key) <= 8:
        return "…" + key[-2:]
    return f"{key[:3]}…{key[-4:]}"


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where requests go and with which key. The key is kept out of ``repr``."""

    base_url: str
    api_key: str = field(repr=False)
    region: str = "custom"

    @property
    def chat_url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    @property
    def models_url(self) -> str:
        return self.base_url.rstrip("/") + "/models"


@dataclass(frozen=True, slots=True)
class ClientSettings:
    connect_timeout: float = 10.0
    #: Longest silence between two pieces of a streamed answer.
    stream_read_timeout: float = 120.0
    #: A non-streamed answer arrives whole; the service itself gives up after 300 s.
    read_timeout: float = 310.0
    proxy: str | None = None
    #: ``"system"`` (the OS trust store), ``"certifi"``, or a path to a PEM CA bundle.
    ca_bundle: str = "system"
    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 20.0
    #: Longest ``Retry-After`` we wait for; a longer one ends the request with the error.
    retry_after_max: float = 60.0


def _bearer_for_one_origin(
    key: str, origin: tuple[str, str, int | None]
) -> Callable[[httpx.Request], httpx.Request]:
    """An httpx auth that adds ``Authorization`` only to requests for the endpoint's origin.

    httpx already strips the header on cross-origin redirects; this makes it impossible for any
    other path (a proxy-rewritten URL, a future redirect policy) to carry the key elsewhere.
    (A function rather than an ``httpx.Auth`` subclass, so that this module imports httpx only
    when a request is made.)
    """

    def add_key(request: httpx.Request) -> httpx.Request:
        if (request.url.scheme, request.url.host, request.url.port) == origin:
            request.headers["Authorization"] = f"Bearer {key}"
        return request

    return add_key


def _ssl_context(ca_bundle: str) -> ssl.SSLContext | bool:
    if ca_bundle == "certifi":
        return True  # httpx's default: certifi's bundle
    if ca_bundle == "system":
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=ca_bundle)


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    import email.utils  # only for a dated Retry-After; it loads the email package (~10 ms)

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _request_id(response: httpx.Response) -> str | None:
    for name in ("x-request-id", "x-dashscope-request-id", "request-id"):
        if name in response.headers:
            return response.headers[name]
    return None


class ChatClient:
    """One long-lived HTTP client shared by every request of the app."""

    def __init__(
        self,
        settings: ClientSettings | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ) -> None:
        self.settings = settings or ClientSettings()
        self._sleep = sleep
        self._transport = transport
        self._http_client: httpx.AsyncClient | None = None
        self._closed = False

    @property
    def _http(self) -> httpx.AsyncClient:
        """The httpx client, made on first use.

        Importing httpx and loading the trust store take about 0.1 s; made here, the window
        pays that on its first request instead of before its first frame.
        """
        if self._http_client is None:
            if self._closed:
                raise RuntimeError("Cannot send a request, as the client has been closed.")
            import httpx

            s = self.settings
            self._http_client = httpx.AsyncClient(
                timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
                proxy=s.proxy if self._transport is None else None,
                verify=_ssl_context(s.ca_bundle),
                transport=self._transport,
                follow_redirects=True,
                headers={"User-Agent": USER_AGENT},
                trust_env=False,
            )
        return self._http_client

    async def __aenter__(self) -> ChatClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self._closed = True
        if self._http_client is not None:
            await self._http_client.aclose()

    @property
    def is_closed(self) -> bool:
        if self._http_client is None:
            return self._closed
        return self._http_client.is_closed

    @staticmethod
    def _auth(endpoint: Endpoint) -> Callable[[httpx.Request], httpx.Request]:
        import httpx

        url = httpx.URL(endpoint.base_url)
        return _bearer_for_one_origin(endpoint.api_key, (url.scheme, url.host, url.port))

    # -- retries -------------------------------------------------------------------------------

    def _retry_delay(self, exc: Exception, attempt: int, *, received: bool) -> float:
        """Seconds to wait before trying again after ``exc``; raises the error to give up.

        An answer that already produced events is never retried: the caller has shown them.
        """
        import httpx

        error = exc if isinstance(exc, QwenVLError) else None
        if isinstance(exc, httpx.HTTPError):
            error = _network_error(exc, received=received)
        if error is None:
            raise exc
        delay = None if received else self._backoff(attempt, error)
        if delay is None:
            if error is exc:
                raise exc
            raise error from exc
        return delay

    def _backoff(self, attempt: int, error: QwenVLError) -> float | None:
        """Seconds to wait before retry ``attempt`` (1-based), or None to give up."""
        if not error.retryable or attempt > self.settings.max_retries:
            return None
        if error.retry_after is not None:
            if error.retry_after > self.settings.retry_after_max:
                return None
            return float(error.retry_after)
        base = min(self.settings.backoff_max, self.settings.backoff_base * 2.0 ** (attempt - 1))
        return base * (0.5 + random.random() / 2)  # "equal jitter"

    async def _error_from(self, response: httpx.Response) -> ApiError:
        raw = await response.aread()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
        return error_from_response(
            response.status_code,
            body,
            request_id=_request_id(response),
            retry_after=_retry_after_seconds(response.headers.get("retry-after")),
        )

    # -- the public calls ----------------------------------------------------------------------

    async def chat(
        self, endpoint: Endpoint, request: ChatRequest, info: ModelInfo | None = None
    ) -> AsyncIterator[StreamEvent]:
        """Events of one answer, streamed or not as the request and the model require."""
        info = info or load_catalog().model(request.model)
        body = build_body(request, info)
        if effective_stream(request, info):
            async for event in self._stream(endpoint, body):
                yield event
        else:
            for event in await self._complete(endpoint, body):
                yield event

    async def _complete(self, endpoint: Endpoint, body: dict[str, Any]) -> list[StreamEvent]:
        import httpx

        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._http.post(
                    endpoint.chat_url, json=body, auth=self._auth(endpoint)
                )
                if response.status_code >= 400:
                    raise await self._error_from(response)
                try:
                    payload = response.json()
                except ValueError as exc:
                    raise ProtocolError(detail="the reply is not JSON") from exc
                return parse_completion(payload)
            except (QwenVLError, httpx.HTTPError) as exc:
                delay = self._retry_delay(exc, attempt, received=False)
            log.info("retrying in %.2f s (attempt %d)", delay, attempt)
            await self._sleep(delay)

    async def _stream(self, endpoint: Endpoint, body: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        import httpx

        timeout = httpx.Timeout(
            self.settings.stream_read_timeout, connect=self.settings.connect_timeout
        )
        attempt = 0
        while True:
            attempt += 1
            received = False
            try:
                async with self._http.stream(
                    "POST",
                    endpoint.chat_url,
                    json=body,
                    auth=self._auth(endpoint),
                    timeout=timeout,
                    headers={"Accept": "text/event-stream"},
                ) as response:
                    if response.status_code >= 400:
                        raise await self._error_from(response)
                    ctype = response.headers.get("content-type", "")
                    if "text/event-stream" not in ctype:
                        # Some gateways answer a stream request with a plain JSON completion.
                        raw = await response.aread()
                        received = True
                        for whole in _json_reply_events(raw, ctype):
                            yield whole
                        return
                    decoder = ChatStreamDecoder()
                    async for data in response.aiter_raw():
                        for decoded in decoder.feed(data):
                            if isinstance(decoded, StreamError):
                                raise decoded.error
                            received = True
                            yield decoded
                    for tail_event in decoder.close():
                        if isinstance(tail_event, StreamError):
                            raise tail_event.error
                        yield tail_event
                    return
            except (QwenVLError, httpx.HTTPError) as exc:
                delay = self._retry_delay(exc, attempt, received=received)
            log.info("retrying in %.2f s (attempt %d)", delay, attempt)
            await self._sleep(delay)

    async def list_models(self, endpoint: Endpoint) -> list[str]:
        """``GET {base}/models``: model ids; a bad key raises AuthenticationError."""
        import httpx

        try:
            response = await self._http.get(endpoint.models_url, auth=self._auth(endpoint))
        except httpx.HTTPError as exc:
            raise _network_error(exc, received=False) from exc
        if response.status_code >= 400:
            raise await self._error_from(response)
        try:
            data = response.json().get("data", [])
            return [str(item["id"]) for item in data if isinstance(item, dict) and "id" in item]
        except (ValueError, AttributeError) as exc:
            raise ProtocolError(detail="the model list is not the expected JSON") from exc


def _json_reply_events(raw: bytes, ctype: str) -> list[StreamEvent]:
    try:
        payload = json.loads(raw)
    except ValueError as exc:
        got = ctype or "no content type"
        raise ProtocolError(detail=f"expected an event stream, got {got}") from exc
    return parse_completion(payload)


def _network_error(exc: httpx.HTTPError, *, received: bool) -> QwenVLError:
    import httpx

    # httpx messages name hosts and errno texts, never headers: safe to keep as detail.
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeout(detail=detail)
    if received:
        return StreamInterrupted(detail=detail)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return ProtocolError(f"The endpoint URL cannot be used: {exc}", detail=detail)
    if isinstance(exc, httpx.TooManyRedirects):
        return ProtocolError("The endpoint redirected too many times.", detail=detail)
    if "CERTIFICATE_VERIFY_FAILED" in detail or isinstance(
        exc.__context__, ssl.SSLCertVerificationError
    ):
        return CertificateError(detail=detail)
    return NetworkError(detail=detail)
