"""Boxes and points in model answers: find them, map them to pixels, draw them, ask for them.

Qt-free. ``find_annotations(answer, frames, model)`` reads ``bbox_2d``/``point_2d`` JSON (fenced or
bare, whole or cut off) and QwenVL HTML ``data-bbox`` attributes, and maps each family's
coordinates (0–1000 relative, or pixels of the service-resized image) to pixels of the original
image; ``draw_annotations`` draws them with Pillow; ``find_prompt``/``point_prompt`` word the
question for the model's family.
"""

from typing import TYPE_CHECKING

from qwenvl_desktop.core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from qwenvl_desktop.core.grounding.annotations import Annotations, Box, ImageFrame, Point
    from qwenvl_desktop.core.grounding.draw import draw_annotations, label_colour
    from qwenvl_desktop.core.grounding.geometry import find_annotations
    from qwenvl_desktop.core.grounding.prompts import find_prompt, point_prompt

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Annotations": "annotations",
        "Box": "annotations",
        "ImageFrame": "annotations",
        "Point": "annotations",
        "draw_annotations": "draw",
        "label_colour": "draw",
        "find_annotations": "geometry",
        "find_prompt": "prompts",
        "point_prompt": "prompts",
    },
)

__all__ = [
    "Annotations",
    "Box",
    "ImageFrame",
    "Point",
    "draw_annotations",
    "find_annotations",
    "find_prompt",
    "label_colour",
    "point_prompt",
]
