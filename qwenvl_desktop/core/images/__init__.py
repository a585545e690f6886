"""The image pipeline: any image source in, a data URI the service accepts out. No Qt here.

:func:`prepare_attachment` (or :func:`prepare_attachment_async` from the event loop) turns a file
path, dropped bytes, a clipboard image, a screen capture or an http(s) URL into an
:class:`Attachment`: the pixels the model will see — resized on the model's grid with the
service's own rule (:func:`smart_resize`), within the budget of the chosen :data:`Detail` — in the
smallest faithful encoding, with the token cost known before sending. Unusable input raises an
:class:`ImageError` subclass whose ``str()`` is a sentence for the user.

Modules: ``budget`` (resize rule, pixel budgets, token estimates), ``sources`` (URLs, paths, safe
file opening), ``decode`` (reduced-scale decoding, colour modes, orientation), ``encode`` (format
choice, the data-URI limit), ``quality`` (SSIM), ``attachment`` (the one way in), ``errors``.
"""

from typing import TYPE_CHECKING

from qwenvl_desktop.core.images.errors import *  # noqa: F403  (the hierarchy is the module's __all__)
from qwenvl_desktop.core.images.errors import __all__ as _errors_all
from qwenvl_desktop.core.lazy_exports import lazy_exports

# Lazy: Pillow loads only when an image is prepared, not for the data-URI helpers or a budget.
if TYPE_CHECKING:
    from qwenvl_desktop.core.images.attachment import (
        Attachment,
        AttachmentWithPixels,
        ImageSource,
        estimate_turn_tokens,
        prepare_attachment,
        prepare_attachment_async,
        prepare_attachment_with_pixels,
    )
    from qwenvl_desktop.core.images.budget import (
        DETAILS,
        ECONOMY_CHOICES,
        ECONOMY_TOKENS,
        MAX_ASPECT_RATIO,
        MAX_DATA_URI_BYTES,
        MIN_SIDE,
        Detail,
        PixelBudget,
        estimate_image_tokens,
        pixel_budget,
        smart_resize,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Attachment": "attachment",
        "AttachmentWithPixels": "attachment",
        "ImageSource": "attachment",
        "estimate_turn_tokens": "attachment",
        "prepare_attachment": "attachment",
        "prepare_attachment_async": "attachment",
        "prepare_attachment_with_pixels": "attachment",
        "DETAILS": "budget",
        "ECONOMY_CHOICES": "budget",
        "ECONOMY_TOKENS": "budget",
        "MAX_ASPECT_RATIO": "budget",
        "MAX_DATA_URI_BYTES": "budget",
        "MIN_SIDE": "budget",
        "Detail": "budget",
        "PixelBudget": "budget",
        "estimate_image_tokens": "budget",
        "pixel_budget": "budget",
        "smart_resize": "budget",
    },
)

__all__ = [
    "DETAILS",
    "ECONOMY_CHOICES",
    "ECONOMY_TOKENS",
    "MAX_ASPECT_RATIO",
    "MAX_DATA_URI_BYTES",
    "MIN_SIDE",
    "Attachment",
    "AttachmentWithPixels",
    "Detail",
    "ImageSource",
    "PixelBudget",
    "estimate_image_tokens",
    "estimate_turn_tokens",
    "pixel_budget",
    "prepare_attachment",
    "prepare_attachment_async",
    "prepare_attachment_with_pixels",
    "smart_resize",
    *_errors_all,
]
