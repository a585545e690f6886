"""The image pipeline: any image source in, a data URI the service accepts out. No Qt here.

:func:`prepare_attachment` (or :func:`prepare_attachment_async` from the event loop) turns a file
path, dropped bytes, a clipboard image, a screen capture or an http(s) URL into an
:class:`Attachment`: the pixels the model will see — resized on the model's grid with the
service's own rule (:func:`smart_resize`), within the budget of the chosen :data:`Detail` — in the
smallest faithful encoding, with the token cost known before sending. Unusable input raises an
:class:`ImageError` subclass whose ``str()`` is a sentence for the user.

Modules: ``budget`` (resize rule, pixel budgets, token estimates), ``sources`` (URLs, paths, safe
file opening), ``decode`` (reduced-scale decoding, colour modes, orientation), ``encode`` (format
choice, the data-URI limit), ``attachment`` (the one way in), ``errors``.
"""

from qwenvl_desktop.core.images.attachment import (
    Attachment,
    ImageSource,
    estimate_turn_tokens,
    prepare_attachment,
    prepare_attachment_async,
)
from qwenvl_desktop.core.images.budget import (
    MAX_ASPECT_RATIO,
    MAX_DATA_URI_BYTES,
    MIN_SIDE,
    Detail,
    PixelBudget,
    estimate_image_tokens,
    pixel_budget,
    smart_resize,
)
from qwenvl_desktop.core.images.errors import *  # noqa: F403  (the hierarchy is the module's __all__)
from qwenvl_desktop.core.images.errors import __all__ as _errors_all

__all__ = [
    "MAX_ASPECT_RATIO",
    "MAX_DATA_URI_BYTES",
    "MIN_SIDE",
    "Attachment",
    "Detail",
    "ImageSource",
    "PixelBudget",
    "estimate_image_tokens",
    "estimate_turn_tokens",
    "pixel_budget",
    "prepare_attachment",
    "prepare_attachment_async",
    "smart_resize",
    *_errors_all,
]
