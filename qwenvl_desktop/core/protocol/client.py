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
import contextlib
import json
import logging
import random
import re
import ssl
import time
from collections.abc import AsyncGenerator, Callable, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, cast

from qwenvl_desktop import APP_ID
from qwenvl_desktop.core.protocol.catalog import ModelInfo, load_catalog
from qwenvl_desktop.core.protocol.errors import (
    CertificateError,
    NetworkError,
    ProtocolError,
    ProxyAuthError,
    QwenVLError,
    RedirectRefused,
    RequestTimeout,
    StreamInterrupted,
    error_from_response,
)
from qwenvl_desktop.core.protocol.events import (
    ChatEvent,
    DecodedEvent,
    Retrying,
    StreamError,
    StreamEvent,
)
from qwenvl_desktop.core.protocol.proxy import (
    ProxyRoutes,
    host_of,
    mask_proxy_url,
    mask_proxy_urls_in,
    proxy_routes,
)
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
    #: the ``proxy`` setting; ``None`` falls back to HTTPS_PROXY/HTTP_PROXY/NO_PROXY (proxy.py)
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
        self._routes: ProxyRoutes | None = None
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
            verify = _ssl_context(s.ca_bundle)
            self._http_client = httpx.AsyncClient(
                timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
                verify=verify,
                transport=self._transport,
                mounts=_proxy_mounts(self.routes, verify) if self._transport is None else None,
                follow_redirects=True,
                event_hooks={"response": [_refuse_cross_origin_redirect]},
                headers={"User-Agent": USER_AGENT},
                # The environment's proxies are applied by proxy_routes (verified against
                # ca_bundle); nothing else from the environment (netrc, SSL_CERT_FILE) is used.
                trust_env=False,
            )
        return self._http_client

    @property
    def routes(self) -> ProxyRoutes:
        """The proxies requests go through: the setting, else the environment's."""
        if self._routes is None:
            self._routes = proxy_routes(self.settings.proxy)
        return self._routes

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

    def _retry_after(self, exc: Exception, attempt: int, url: str, *, received: bool) -> Retrying:
        """The retry to make after ``exc`` ended ``attempt``; raises the error to give up.

        An answer that already produced events is never retried: the caller has shown them.
        """
        import httpx

        error = exc if isinstance(exc, QwenVLError) else None
        if isinstance(exc, httpx.HTTPError):
            error = _network_error(exc, url, self.routes, received=received)
        if error is None:
            raise exc
        delay = None if received else self._backoff(attempt, error)
        if delay is None:
            if error is exc:
                raise exc
            raise error from exc
        log.info("retrying in %.2f s (attempt %d): %s", delay, attempt + 1, error.one_line())
        return Retrying(error, attempt + 1, self.settings.max_retries + 1, delay)

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

    async def _error_from(self, response: httpx.Response) -> QwenVLError:
        """The error a reply of status ≥ 400 reports, without the key that was sent."""
        sent = response.request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return (await self._error_from_reply(response)).forget(sent)

    async def _error_from_reply(self, response: httpx.Response) -> QwenVLError:
        if response.status_code == 407:  # a plain-HTTP endpoint through a proxy that wants a login
            await response.aread()
            return _proxy_auth_error(str(response.request.url), self.routes)
        raw = await response.aread()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw.decode("utf-8", "replace")
            if "html" in response.headers.get("content-type", "") or "<html" in body[:500].lower():
                return self._web_page_error(response, body)
        return error_from_response(
            response.status_code,
            body,
            request_id=_request_id(response),
            retry_after=_retry_after_seconds(response.headers.get("retry-after")),
        )

    def _web_page_error(self, response: httpx.Response, page: str) -> QwenVLError:
        """An error answered with a web page: a proxy's or gateway's, not the service's JSON.

        The page itself (often kilobytes of markup) is not repeated: its title is the detail.
        """
        url = str(response.request.url)
        title = _HTML_TITLE.search(page)
        detail = f"a web page: {title.group(1).strip()}" if title else "a web page"
        status = response.status_code
        error = error_from_response(
            status,
            detail,
            request_id=_request_id(response),
            retry_after=_retry_after_seconds(response.headers.get("retry-after")),
        )
        if status in (502, 503, 504):
            error = type(error)(
                f"A proxy or gateway between this app and {host_of(url)}"
                f"{self.routes.describe_for(url)} answered {status} "
                f"({response.reason_phrase or 'error'}) with a web page instead of the service's "
                "reply; try again shortly.",
                status=status,
                request_id=error.request_id,
                detail=detail,
                retry_after=error.retry_after,
            )
        return error

    # -- the public calls ----------------------------------------------------------------------

    async def chat(
        self, endpoint: Endpoint, request: ChatRequest, info: ModelInfo | None = None
    ) -> AsyncGenerator[ChatEvent]:
        """Events of one answer, streamed or not as the request and the model require, with a
        :class:`Retrying` notice before each retry."""
        batches = self.chat_batches(endpoint, request, info, coalesce=False)
        async with contextlib.aclosing(batches) as answer:
            async for batch in answer:
                for event in batch:
                    yield event

    async def chat_batches(
        self,
        endpoint: Endpoint,
        request: ChatRequest,
        info: ModelInfo | None = None,
        *,
        coalesce: bool = True,
    ) -> AsyncGenerator[list[ChatEvent]]:
        """The events of :meth:`chat`, handed over as they were read: one list per network read.

        The window's path. A long answer is tens of thousands of events; a list per read (with
        ``coalesce``, adjacent text pieces joined into one event: the same text, fewer pieces)
        costs one hand-over per read instead of one per event, through every generator and the
        consumer's loop (docs/decisions/0017-streaming-protocol-cost.md). Never an empty list.
        """
        info = info or load_catalog().model(request.model)
        body = build_body(request, info)
        if effective_stream(request, info):
            events = self._stream(endpoint, body, coalesce=coalesce)
        else:
            events = self._complete(endpoint, body)
        async with contextlib.aclosing(events) as answer:
            async for batch in answer:
                yield batch

    async def _complete(
        self, endpoint: Endpoint, body: dict[str, Any]
    ) -> AsyncGenerator[list[ChatEvent]]:
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
                yield list(parse_completion(payload))
                return
            except (QwenVLError, httpx.HTTPError) as exc:
                retry = self._retry_after(exc, attempt, endpoint.chat_url, received=False)
            yield [retry]
            await self._sleep(retry.delay)

    async def _stream(
        self, endpoint: Endpoint, body: dict[str, Any], *, coalesce: bool
    ) -> AsyncGenerator[list[ChatEvent]]:
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
                        yield list(_json_reply_events(raw, ctype))
                        return
                    decoder = ChatStreamDecoder(coalesce=coalesce)
                    async for data in response.aiter_raw():
                        decoded = decoder.feed(data)
                        if decoder.failed:  # a StreamError among them: what precedes it counts
                            answer, error = _until_error(decoded)
                            if answer:
                                received = True
                                yield answer
                            assert error is not None  # this read decoded the StreamError
                            raise _forgetting(error, endpoint.api_key)
                        if decoded:
                            received = True
                            yield cast("list[ChatEvent]", decoded)  # no StreamError: not failed
                    answer, error = _until_error(decoder.close())
                    if answer:
                        yield answer
                    if error is not None:
                        raise _forgetting(error, endpoint.api_key)
                    return
            except (QwenVLError, httpx.HTTPError) as exc:
                retry = self._retry_after(exc, attempt, endpoint.chat_url, received=received)
            yield [retry]
            await self._sleep(retry.delay)

    async def list_models(self, endpoint: Endpoint) -> list[str]:
        """``GET {base}/models``: model ids; a bad key raises AuthenticationError."""
        import httpx

        try:
            response = await self._http.get(endpoint.models_url, auth=self._auth(endpoint))
        except httpx.HTTPError as exc:
            raise _network_error(exc, endpoint.models_url, self.routes, received=False) from exc
        if response.status_code >= 400:
            raise await self._error_from(response)
        try:
            data = response.json().get("data", [])
            return [str(item["id"]) for item in data if isinstance(item, dict) and "id" in item]
        except (ValueError, AttributeError) as exc:
            raise ProtocolError(detail="the model list is not the expected JSON") from exc

    # -- the service's other JSON endpoints (the Batch API's files and batches) ------------------

    async def request_json(
        self,
        endpoint: Endpoint,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        params: Mapping[str, str | int] | None = None,
    ) -> Any:
        """``method {base}{path}`` with an optional JSON body; the reply's JSON. Not retried:
        the caller knows whether repeating the call is safe (polling is, creating is not)."""
        url = endpoint.base_url.rstrip("/") + path
        response = await self._send(
            method, url, endpoint, json=body, params=dict(params) if params else None
        )
        try:
            return response.json()
        except ValueError as exc:
            raise ProtocolError(detail=f"the reply to {method} {path} is not JSON") from exc

    async def upload_file(
        self,
        endpoint: Endpoint,
        path: str,
        file: IO[bytes],
        *,
        filename: str,
        fields: Mapping[str, str],
    ) -> Any:
        """``POST {base}{path}`` as multipart/form-data: ``fields`` and ``file`` (read as it is
        sent, never whole in memory); the reply's JSON."""
        url = endpoint.base_url.rstrip("/") + path
        files = {"file": (filename, file, "application/jsonl")}
        response = await self._send("POST", url, endpoint, data=dict(fields), files=files)
        try:
            return response.json()
        except ValueError as exc:
            raise ProtocolError(detail=f"the reply to POST {path} is not JSON") from exc

    async def download(self, endpoint: Endpoint, path: str, into: IO[bytes]) -> int:
        """``GET {base}{path}`` written to ``into`` as it arrives; the number of bytes."""
        import httpx

        url = endpoint.base_url.rstrip("/") + path
        written = 0
        try:
            async with self._http.stream("GET", url, auth=self._auth(endpoint)) as response:
                if response.status_code >= 400:
                    raise await self._error_from(response)
                async for piece in response.aiter_bytes():
                    into.write(piece)
                    written += len(piece)
        except httpx.HTTPError as exc:
            raise _network_error(exc, url, self.routes, received=written > 0) from exc
        return written

    async def _send(
        self, method: str, url: str, endpoint: Endpoint, **kwargs: Any
    ) -> httpx.Response:
        import httpx

        try:
            response = await self._http.request(method, url, auth=self._auth(endpoint), **kwargs)
        except httpx.HTTPError as exc:
            raise _network_error(exc, url, self.routes, received=False) from exc
        if response.status_code >= 400:
            raise await self._error_from(response)
        return response


def _json_reply_events(raw: bytes, ctype: str) -> list[StreamEvent]:
    try:
        payload = json.loads(raw)
    except ValueError as exc:
        got = ctype or "no content type"
        raise ProtocolError(detail=f"expected an event stream, got {got}") from exc
    return parse_completion(payload)


def _until_error(events: list[DecodedEvent]) -> tuple[list[ChatEvent], Exception | None]:
    """The events before the first :class:`StreamError` among ``events``, and its error."""
    for index, event in enumerate(events):
        if type(event) is StreamError:
            return cast("list[ChatEvent]", events[:index]), event.error
    return cast("list[ChatEvent]", events), None


def _forgetting(error: Exception, key: str) -> Exception:
    """``error`` without the key, if the stream's error event repeated it."""
    return error.forget(key) if isinstance(error, QwenVLError) else error


_HTML_TITLE = re.compile(r"<title[^>]*>(.{0,200}?)</title>", re.IGNORECASE | re.DOTALL)


def _proxy_mounts(
    routes: ProxyRoutes, verify: ssl.SSLContext | bool
) -> dict[str, httpx.AsyncBaseTransport | None]:
    """httpx mounts for ``routes``: a proxy transport per pattern, ``None`` where direct.

    An ``https://`` proxy's own certificate is verified against ``ca_bundle`` like the endpoint's:
    a company proxy's certificate usually comes from the company CA.
    """
    import httpx

    def transport(url: str) -> httpx.AsyncHTTPTransport:
        proxy = httpx.Proxy(url)
        if proxy.url.scheme == "https" and isinstance(verify, ssl.SSLContext):
            proxy = httpx.Proxy(url, ssl_context=verify)
        return httpx.AsyncHTTPTransport(verify=verify, proxy=proxy)

    return {pattern: transport(url) if url else None for pattern, url in routes.routes.items()}


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


async def _refuse_cross_origin_redirect(response: httpx.Response) -> None:
    """Follow redirects only within the endpoint's origin (scheme, host and port).

    httpx would follow a 307 to any host with the whole question and its images (only the key
    is dropped); the app promises to connect only to the endpoint the user configured.
    """
    if not response.has_redirect_location:
        return
    target = response.request.url.join(response.headers["Location"])
    if _origin(target) != _origin(response.request.url):
        where = host_of(str(target))
        raise RedirectRefused(
            f"The endpoint redirected to another host ({where}); the question was not sent "
            "there. Check the base URL, or ask the gateway's administrator where it moved.",
            status=response.status_code,
            detail=f"{response.status_code} redirect to {target.scheme}://{where}",
        )


def _proxy_auth_error(url: str, routes: ProxyRoutes) -> ProxyAuthError:
    proxy = routes.proxy_for(url)
    if proxy is None:
        return ProxyAuthError()
    return ProxyAuthError(
        f"The proxy {mask_proxy_url(proxy)} rejected its credentials (407 Proxy Authentication "
        "Required). Check the user name and password in the proxy setting (or HTTPS_PROXY).",
        status=407,
    )


def _network_error(
    exc: httpx.HTTPError, url: str, routes: ProxyRoutes, *, received: bool
) -> QwenVLError:
    """The error a transport failure becomes; its sentence names the host and the proxy."""
    import httpx

    # httpx messages name hosts and errno texts, never headers: safe to keep as detail (a
    # proxy's password is masked).
    text = mask_proxy_urls_in(str(exc))
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    host = host_of(url)
    via = routes.describe_for(url)
    if isinstance(exc, httpx.ProxyError) and "407" in text:
        return _proxy_auth_error(url, routes)
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeout(f"{host}{via} did not answer in time.", detail=detail)
    if received:
        return StreamInterrupted(detail=detail)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return ProtocolError(f"The endpoint URL cannot be used: {text}", detail=detail)
    if isinstance(exc, httpx.TooManyRedirects):
        return ProtocolError("The endpoint redirected too many times.", detail=detail)
    if "CERTIFICATE_VERIFY_FAILED" in detail or isinstance(
        exc.__context__, ssl.SSLCertVerificationError
    ):
        return CertificateError(detail=detail)
    if isinstance(exc, httpx.ProxyError):
        return NetworkError(
            f"The proxy{via.removeprefix(' through the proxy')} could not connect to {host}. "
            "Check the proxy setting (or HTTPS_PROXY and NO_PROXY).",
            detail=detail,
        )
    return NetworkError(
        f"Could not reach {host}{via}. Check the network connection or proxy settings.",
        detail=detail,
    )
