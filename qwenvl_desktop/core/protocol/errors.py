"""The error hierarchy of the protocol layer.

Every failure a request can end in is one of these classes; the UI and the command line never see
raw httpx or JSON exceptions. Each class carries a *kind* (a stable short name), a user-facing
sentence, and — where the service said something — the HTTP status, the service's ``error.code``,
its message and the request id, for a details view.

::

    QwenVLError
    ├── NetworkError            connection refused/reset, DNS, TLS            (retryable)
    │   ├── RequestTimeout      connect/read/write timeout                     (retryable)
    │   ├── CertificateError    the server's TLS certificate is not trusted    (not retried)
    │   ├── ProxyAuthError      the proxy refused its credentials (407)       (never retried)
    │   └── StreamInterrupted   the stream ended before its end marker
    ├── ProtocolError           the server's bytes are not the documented protocol
    │   └── RedirectRefused     a redirect to another origin (never followed)
    ├── MissingKeyError         no API key for the region
    ├── Interrupted             the user stopped it (Ctrl+C); what arrived is kept
    └── ApiError                the service answered with an error object
        ├── AuthenticationError 401 invalid_api_key (also: key from another region)
        ├── PermissionDenied    403 access denied, free-tier-only quota
        ├── BillingError        400 Arrearage: the account is overdue
        ├── RateLimitError      429 Throttling.*                               (retryable)
        │   └── QuotaError      429 insufficient_quota / AllocationQuota: a per-minute token limit
        ├── ModerationError     data_inspection_failed (never retried)
        ├── BadRequestError     other 400s
        ├── NotFoundError       404 model_not_found / model_not_supported
        └── ServerError         5xx InternalError, ModelServingError, RequestTimeOut (retryable)

The API key never appears in any of these: messages are built from the service's reply, which is
scrubbed of anything that looks like a key (:func:`scrub_secrets`).
"""

from __future__ import annotations

import re
from typing import Any

from qwenvl_desktop.core.i18n import translatable, translate

__all__ = [
    "CUSTOM_ENDPOINT_REJECTED_KEY",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "BillingError",
    "CertificateError",
    "Interrupted",
    "MissingKeyError",
    "ModerationError",
    "NetworkError",
    "NotFoundError",
    "PermissionDenied",
    "ProtocolError",
    "ProxyAuthError",
    "QuotaError",
    "QwenVLError",
    "RateLimitError",
    "RedirectRefused",
    "RequestTimeout",
    "ServerError",
    "StreamInterrupted",
    "error_from_response",
    "scrub_secrets",
]

_SECRET_RE = re.compile(r"(sk-[A-Za-z0-9_\-]{4})[A-Za-z0-9_\-]{8,}|(Bearer\s+)\S+")


def scrub_secrets(text: str) -> str:
    """Blank out anything shaped like a DashScope key or a bearer token."""
    return _SECRET_RE.sub(lambda m: (m.group(1) + "…") if m.group(1) else (m.group(2) + "…"), text)


class QwenVLError(Exception):
    """Base of every error the client reports. ``str()`` gives the user-facing sentence."""

    kind: str = "error"
    user_message: str = "The request failed."
    retryable: bool = False

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        detail: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.request_id = request_id
        self.detail = scrub_secrets(detail) if detail else None
        self.retry_after = retry_after
        if message is not None:
            self.user_message = scrub_secrets(message)
        else:
            # The class's sentence (marked with translatable()) in the interface's language, as
            # it is when the error is made: str(), one_line() and the JSON "sentence" all read it.
            self.user_message = translate("Errors", type(self).user_message)
        super().__init__(self.user_message)

    def forget(self, secret: str | None) -> QwenVLError:
        """Blank ``secret`` (the key that was sent) wherever the reply repeated it; ``self``.

        :func:`scrub_secrets` knows DashScope's key by its shape (``sk-…``); a gateway's key can
        have any shape, and a careless gateway echoes the request's headers in its errors.
        """
        if not secret or len(secret) < 8:
            return self

        def blank(text: str | None) -> str | None:
            return text.replace(secret, "…") if text else text

        self.user_message = blank(self.user_message) or ""
        self.detail = blank(self.detail)
        self.code = blank(self.code)
        self.request_id = blank(self.request_id)
        self.args = (self.user_message,)
        return self

    def details(self) -> dict[str, Any]:
        """Everything a details view shows: kind, status, code, message, request id."""
        return {
            "kind": self.kind,
            "status": self.status,
            "code": self.code,
            "message": self.detail,
            "request_id": self.request_id,
        }

    def one_line(self) -> str:
        """One readable line: kind, sentence, then code, status, service message, request id."""
        parts = [f"{self.kind}: {self.user_message}"]
        extra = []
        if self.code:
            extra.append(f"code={self.code}")
        if self.status:
            extra.append(f"status={self.status}")
        if self.detail and self.detail not in self.user_message:
            extra.append(f"message={self.detail!r}")
        if self.request_id:
            extra.append(f"request_id={self.request_id}")
        if extra:
            parts.append("(" + ", ".join(extra) + ")")
        return " ".join(parts)


class NetworkError(QwenVLError):
    kind = "network"
    user_message = translatable(
        "Errors", "Could not reach the service. Check the network connection or proxy settings."
    )
    retryable = True


class RequestTimeout(NetworkError):
    kind = "timeout"
    user_message = translatable("Errors", "The service did not answer in time.")


class CertificateError(NetworkError):
    kind = "tls"
    user_message = translatable(
        "Errors",
        "The server's certificate could not be verified. If your organisation inspects TLS "
        'traffic, set ca_bundle to its CA certificate file (or "system" for the OS trust store).',
    )
    retryable = False


class ProxyAuthError(NetworkError):
    """The proxy answered 407. Never retried: each attempt with a wrong password can count
    toward locking the account in a company directory."""

    kind = "proxy-auth"
    user_message = translatable(
        "Errors",
        "The proxy rejected its credentials (407 Proxy Authentication Required). Check the user "
        "name and password in the proxy setting (or HTTPS_PROXY).",
    )
    retryable = False


class StreamInterrupted(NetworkError):
    kind = "incomplete"
    user_message = translatable(
        "Errors", "The connection closed before the answer was complete; what arrived is kept."
    )
    retryable = False


class ProtocolError(QwenVLError):
    kind = "protocol"
    user_message = translatable(
        "Errors", "The server sent a reply this app cannot read (not the expected protocol)."
    )


class RedirectRefused(ProtocolError):
    """The endpoint redirected to another origin. The question and its images go only to the
    configured endpoint, so such a redirect is reported, never followed."""

    kind = "redirect"
    user_message = translatable(
        "Errors", "The endpoint redirected to another host; the question was not sent there."
    )


class Interrupted(QwenVLError):
    """The user stopped the request (Ctrl+C); the answer so far is kept."""

    kind = "interrupted"
    user_message = translatable("Errors", "Interrupted; the answer so far is kept.")


class MissingKeyError(QwenVLError):
    kind = "no-key"
    user_message = translatable("Errors", "No API key is set for this region.")


class ApiError(QwenVLError):
    kind = "api"
    user_message = translatable("Errors", "The service reported an error.")


class AuthenticationError(ApiError):
    kind = "authentication"
    user_message = translatable(
        "Errors",
        "The API key was rejected. Keys are bound to their region: a Beijing key does not work "
        "in Singapore, Virginia or Hong Kong and the other way round — check the region too.",
    )


#: :class:`AuthenticationError`'s sentence on a custom endpoint, where regions do not apply
CUSTOM_ENDPOINT_REJECTED_KEY = translatable(
    "Errors", "The endpoint rejected the API key: check the key set for this endpoint (Set key…)."
)


class PermissionDenied(ApiError):
    kind = "permission"
    user_message = translatable("Errors", "This key is not allowed to use this model or feature.")


class BillingError(ApiError):
    kind = "billing"
    user_message = translatable(
        "Errors", "The Model Studio account is overdue; top it up in the console to continue."
    )


class RateLimitError(ApiError):
    kind = "rate-limit"
    user_message = translatable(
        "Errors", "Too many requests for this model right now; wait a moment and try again."
    )
    retryable = True


class QuotaError(RateLimitError):
    kind = "quota"
    user_message = translatable(
        "Errors",
        "The per-minute token quota for this model is used up; it frees up within a minute.",
    )


class ModerationError(ApiError):
    kind = "moderation"
    user_message = translatable(
        "Errors", "The service's content check blocked this request or its answer."
    )


class BadRequestError(ApiError):
    kind = "bad-request"
    user_message = translatable("Errors", "The service refused the request as invalid.")


class NotFoundError(ApiError):
    kind = "not-found"
    user_message = translatable(
        "Errors", "The model was not found, or is not offered in this region."
    )


class ServerError(ApiError):
    kind = "server"
    user_message = translatable("Errors", "The service had an internal problem; try again shortly.")
    retryable = True


_CODE_CLASSES: dict[str, type[ApiError]] = {
    "invalid_api_key": AuthenticationError,
    "invalidapikey": AuthenticationError,  # the native API's spelling, also with a 403
    "data_inspection_failed": ModerationError,
    "datainspectionfailed": ModerationError,
    "arrearage": BillingError,
    "insufficient_quota": QuotaError,
    "throttling.allocationquota": QuotaError,
    "allocationquota.freetieronly": PermissionDenied,
    "access_denied": PermissionDenied,
    "accessdenied": PermissionDenied,
    "model_not_found": NotFoundError,
    "model_not_supported": NotFoundError,
    "modelnotfound": NotFoundError,
    "invalid_parameter_error": BadRequestError,
    "invalidparameter": BadRequestError,
    "limit_requests": RateLimitError,
    "internalerror": ServerError,
    "requesttimeout": ServerError,
    "modelservingerror": ServerError,
    "modelunavailable": ServerError,
    "serviceunavailable": ServerError,
}

_STATUS_CLASSES: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDenied,
    404: NotFoundError,
    408: ServerError,
    409: BadRequestError,
    413: BadRequestError,
    422: BadRequestError,
    429: RateLimitError,
}

_KEYISH = re.compile(r"sk-\w")


def _class_for(status: int | None, code: str | None) -> type[ApiError]:
    lowered = (code or "").lower()
    if lowered in _CODE_CLASSES:
        return _CODE_CLASSES[lowered]
    if lowered.startswith("throttling"):
        return RateLimitError
    if lowered.startswith("datainspection") or "inappropriate" in lowered:
        return ModerationError
    if lowered.startswith("internalerror"):
        return ServerError  # e.g. InternalError.Algo; arrives without a status inside a stream
    if status is not None:
        if status in _STATUS_CLASSES:
            return _STATUS_CLASSES[status]
        if status >= 500:
            return ServerError
    return ApiError


#: The native DashScope API's message prefix, which some gateways keep as the only trace of the
#: code: ``<400> DataInspectionFailed: Input data may contain inappropriate content.``
_PREFIXED_CODE = re.compile(r"<\d{3}>\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)")


def _recognised(code: str | None) -> bool:
    return bool(code) and _class_for(None, code) is not ApiError


def _service_code(source: dict[str, Any], message: str | None, status: int | None) -> str | None:
    """The DashScope code of an error object, wherever a gateway put it.

    DashScope sends it as ``code``. OpenAI-compatible gateways (a LiteLLM proxy, for one) move
    it to ``type`` and put the HTTP status in ``code``, or keep it only as the native API's
    ``<400> Code`` message prefix; without this, a moderation block through a gateway would
    read as an ordinary bad request, and the CLI would exit 6 instead of 7.
    """
    raw_code = source.get("code")
    code = str(raw_code) if raw_code not in (None, "") else None
    raw_type = source.get("type")
    kind = raw_type if isinstance(raw_type, str) else None
    prefixed = _PREFIXED_CODE.search(message or "")
    for candidate in (code, kind, prefixed.group(1) if prefixed else None):
        if _recognised(candidate):
            return candidate
    if code is None and kind and status is None:
        return kind  # an error event inside a stream names itself by type
    return code


def error_from_response(
    status: int | None,
    body: Any,
    *,
    request_id: str | None = None,
    retry_after: float | None = None,
) -> ApiError:
    """Turn an error reply (HTTP status plus a parsed JSON body, or raw text) into an ApiError.

    DashScope's body is ``{"error": {"message", "type", "param", "code"}, "request_id"}``; some
    gateways put ``code``/``message`` at the top level, send a number as the code, or carry the
    code in ``type`` or a ``<400> Code`` message prefix (:func:`_service_code`).
    """
    code: str | None = None
    message: str | None = None
    if isinstance(body, dict):
        err = body.get("error")
        source = err if isinstance(err, dict) else body
        raw_msg = source.get("message")
        if raw_msg is None and isinstance(err, str):
            raw_msg = err
        message = str(raw_msg) if raw_msg is not None else None
        code = _service_code(source, message, status)
        # The body's request id is the one Alibaba support asks for; a header id is a fallback.
        rid = body.get("request_id") or source.get("request_id")
        request_id = str(rid) if rid else request_id
    elif isinstance(body, str) and body.strip():
        message = body.strip()[:500]
        code = _service_code({}, message, status)
    cls = _class_for(status, code)
    return cls(
        status=status,
        code=code,
        request_id=request_id,
        detail=message,
        retry_after=retry_after,
    )
