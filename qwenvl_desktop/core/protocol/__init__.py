"""The Qt-free protocol layer: catalog, request building, SSE decoding, errors, HTTP client."""

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports
from qwenvl_desktop.core.protocol.catalog import (
    CUSTOM_REGION,
    REGION_IDS,
    Catalog,
    ModelInfo,
    Region,
    load_catalog,
)
from qwenvl_desktop.core.protocol.errors import *  # noqa: F403  (the hierarchy is the module's __all__)
from qwenvl_desktop.core.protocol.errors import __all__ as _errors_all
from qwenvl_desktop.core.protocol.events import (
    ContentDelta,
    Finish,
    ReasoningDelta,
    StreamEvent,
    Usage,
)
from qwenvl_desktop.core.protocol.request import (
    ChatRequest,
    ImageInput,
    RequestError,
    Turn,
    build_body,
    chat_request,
)

# Lazy: the client needs httpx; the catalog, requests and errors (the window's first frame,
# the command line's --help) do not.
if TYPE_CHECKING:
    from qwenvl_desktop.core.protocol.client import ChatClient, ClientSettings, Endpoint, mask_key

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ChatClient": "client",
        "ClientSettings": "client",
        "Endpoint": "client",
        "mask_key": "client",
    },
)

__all__ = [
    "CUSTOM_REGION",
    "REGION_IDS",
    "Catalog",
    "ChatClient",
    "ChatRequest",
    "ClientSettings",
    "ContentDelta",
    "Endpoint",
    "Finish",
    "ImageInput",
    "ModelInfo",
    "ReasoningDelta",
    "Region",
    "RequestError",
    "StreamEvent",
    "Turn",
    "Usage",
    "build_body",
    "chat_request",
    "load_catalog",
    "mask_key",
    *_errors_all,
]
