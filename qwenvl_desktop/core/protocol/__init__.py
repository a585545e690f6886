"""The Qt-free protocol layer: catalog, request building, SSE decoding, errors, HTTP client."""

from qwenvl_desktop.core.protocol.catalog import (
    CUSTOM_REGION,
    REGION_IDS,
    Catalog,
    ModelInfo,
    Region,
    load_catalog,
)
from qwenvl_desktop.core.protocol.client import ChatClient, ClientSettings, Endpoint, mask_key
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
    "load_catalog",
    "mask_key",
    *_errors_all,
]
