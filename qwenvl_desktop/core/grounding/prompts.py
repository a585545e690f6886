"""The questions that ask a model for boxes or points, worded for its family.

Qwen3-VL (and newer) answers on a 0–1000 grid relative to the image; the Qwen2.5-VL family was
trained to answer in pixels of the image it saw. Asking each in its own convention (and not
naming a scale the model was not trained on) gives the most reliable coordinates; the JSON shape
asked for is the one :func:`~qwenvl_desktop.core.grounding.find_annotations` reads.
"""

from __future__ import annotations

from qwenvl_desktop.core.grounding.geometry import coordinate_system
from qwenvl_desktop.core.protocol.catalog import ModelInfo

__all__ = ["find_prompt", "point_prompt"]

_SEVERAL_IMAGES = (
    ' There are {count} images: before each JSON block, write which image it is about ("Image 2:").'
)


def find_prompt(what: str, model: ModelInfo, *, images: int = 1) -> str:
    """A question asking ``model`` for the bounding box of every ``what`` in the image(s).

    ``images``: how many images the question carries; with more than one, the model is asked to
    say which image each block of boxes belongs to.
    """
    target = _target(what)
    if coordinate_system(model) == "relative-1000":
        text = (
            f"Locate every {target} in the image. Report each as JSON: "
            '[{"bbox_2d": [x1, y1, x2, y2], "label": "…"}], with coordinates relative to the '
            "image on a 0–1000 scale. Answer only the JSON."
        )
    else:
        text = (
            f"Outline the position of each {target} in the image and output all the "
            'coordinates in JSON format: [{"bbox_2d": [x1, y1, x2, y2], "label": "…"}]. '
            "Answer only the JSON."
        )
    return text + (_SEVERAL_IMAGES.format(count=images) if images > 1 else "")


def point_prompt(what: str, model: ModelInfo, *, images: int = 1) -> str:
    """A question asking ``model`` for one point on every ``what`` in the image(s)."""
    target = _target(what)
    if coordinate_system(model) == "relative-1000":
        text = (
            f"Point to every {target} in the image. Report each as JSON: "
            '[{"point_2d": [x, y], "label": "…"}], with coordinates relative to the image on a '
            "0–1000 scale. Answer only the JSON."
        )
    else:
        text = (
            f"Locate every {target} in the image and output its point coordinates in JSON "
            'format: [{"point_2d": [x, y], "label": "…"}]. Answer only the JSON.'
        )
    return text + (_SEVERAL_IMAGES.format(count=images) if images > 1 else "")


def _target(what: str) -> str:
    # A quoted name keeps "red car, person" one request and tells the model what labels to use.
    cleaned = " ".join(what.split()).strip(" .")
    return f'"{cleaned}"' if cleaned else "object"
