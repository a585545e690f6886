"""``ask --annotate OUT.png``: the answer's boxes and points, drawn on an image of the question.

Drawn on the image as the person has it (its original size, turned upright as its EXIF says),
not on the reduced copy that was sent; ``--json`` lists the same boxes and points in pixels of
that original. Kept apart from :mod:`qwenvl_desktop.cli.ask` so that ``ask`` only calls three
functions: one before the question is sent, two after the answer.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qwenvl_desktop.cli.exit_codes import UsageProblem
from qwenvl_desktop.core.grounding.annotations import Annotations, ImageFrame
from qwenvl_desktop.core.i18n import translate

if TYPE_CHECKING:
    from PIL import Image

    from qwenvl_desktop.core.images import Attachment
    from qwenvl_desktop.core.protocol.catalog import ModelInfo

__all__ = ["annotation_fields", "check_annotate", "find_answer_annotations", "write_annotated"]


def check_annotate(args: argparse.Namespace, attachments: Sequence[Attachment]) -> None:
    """Refuse, before anything is sent, an ``--annotate`` that could not be drawn."""
    if args.annotate is None:
        if args.annotate_image is not None:
            raise UsageProblem(
                translate(
                    "CliAnnotate", "--annotate-image chooses the image --annotate draws on; add it."
                )
            )
        return
    if not attachments:
        raise UsageProblem(
            translate(
                "CliAnnotate", "--annotate draws on an image of the question; add one with --image."
            )
        )
    number = args.annotate_image or 1
    if number > len(attachments):
        if len(attachments) == 1:
            sentence = translate("CliAnnotate", "--annotate-image %1: the question has 1 image.")
        else:
            sentence = translate("CliAnnotate", "--annotate-image %1: the question has %2 images.")
        sentence = sentence.replace("%1", str(number)).replace("%2", str(len(attachments)))
        raise UsageProblem(sentence)
    if attachments[number - 1].original_size is None:
        sentence = translate(
            "CliAnnotate",
            "--annotate needs the pixels of image %1, a link the service fetches itself; "
            "download it and pass the file instead.",
        )
        raise UsageProblem(sentence.replace("%1", str(number)))
    from PIL import Image

    Image.init()
    suffix = Path(args.annotate).suffix.lower()
    if suffix not in Image.registered_extensions() or not Image.registered_extensions()[suffix]:
        sentence = translate(
            "CliAnnotate", "--annotate %1: name the file .png, .jpg or .webp to choose its format."
        )
        raise UsageProblem(sentence.replace("%1", args.annotate))


def find_answer_annotations(
    answer: str, attachments: Sequence[Attachment], model: ModelInfo
) -> Annotations:
    """The boxes and points of ``answer`` over the question's images (those whose size is known).

    An image of unknown size (a link) cannot take boxes; the images after it keep their numbers,
    so it stands in with a 1×1 frame and whatever is found on it is dropped.
    """
    if not attachments:  # nothing to draw on; and the parser is not even imported
        return Annotations()
    from qwenvl_desktop.core.grounding import find_annotations

    frames = [ImageFrame(a.original_size or (1, 1), a.sent_size) for a in attachments]
    found = find_annotations(answer, frames, model)
    unknown = {i for i, a in enumerate(attachments) if a.original_size is None}
    if not unknown:
        return found
    return Annotations(
        tuple(b for b in found.boxes if b.image not in unknown),
        tuple(p for p in found.points if p.image not in unknown),
        found.notes,
    )


def annotation_fields(annotations: Annotations) -> dict[str, Any]:
    """``ask --json``'s ``boxes`` and ``points``: pixels of the original image, images 1-based."""
    return {
        "boxes": [
            {"label": b.label, "bbox": [_pixel(v) for v in b.box], "image": b.image + 1}
            for b in annotations.boxes
        ],
        "points": [
            {"label": p.label, "point": [_pixel(v) for v in p.point], "image": p.image + 1}
            for p in annotations.points
        ],
    }


def write_annotated(
    args: argparse.Namespace, attachments: Sequence[Attachment], annotations: Annotations
) -> None:
    """Write ``--annotate``'s image; without a box or point on that image, only say so on stderr.

    How the coordinates were read, when that is not the model's convention, is noted on stderr
    with or without ``--annotate``: ``--json``'s pixels depend on it too.
    """
    for note in annotations.notes:
        print(translate("CommandLine", "note: %1").replace("%1", note), file=sys.stderr)
    if args.annotate is None:
        return
    index = (args.annotate_image or 1) - 1
    shown = annotations.on_image(index)
    if not shown:
        sentence = translate(
            "CliAnnotate", "No boxes or points for image %1 in the answer; %2 not written."
        )
        print(sentence.replace("%1", str(index + 1)).replace("%2", args.annotate), file=sys.stderr)
        return
    from qwenvl_desktop.core.grounding import draw_annotations
    from qwenvl_desktop.core.settings.atomic_file import write_bytes_atomically

    original = _open_original(args.image[index])
    known = attachments[index].original_size or original.size
    # All of the answer's labels, not only this image's: the colours are those the window shows.
    drawn = draw_annotations(original, annotations, index, scale=original.width / known[0])
    out = Path(args.annotate)
    if out.suffix.lower() in (".jpg", ".jpeg") and drawn.mode != "RGB":
        drawn = drawn.convert("RGB")
    data = io.BytesIO()
    drawn.save(data, **_save_options(out))
    try:
        write_bytes_atomically(out, data.getvalue())
    except OSError as error:
        sentence = translate("CommandLine", "Cannot write %1: %2.").replace("%1", str(out))
        raise UsageProblem(sentence.replace("%2", str(error.strerror or error))) from None
    wrote = translate("CliAnnotate", "Wrote %1 (%2 box(es), %3 point(s) on image %4).")
    values = (out, len(shown.boxes), len(shown.points), index + 1)
    for place, value in enumerate(values, start=1):
        wrote = wrote.replace(f"%{place}", str(value))
    print(wrote, file=sys.stderr)


def _open_original(source: str) -> Image.Image:
    """The image ``--image`` named, upright, at its full size."""
    from PIL import ImageOps

    from qwenvl_desktop.core.images.decode import open_encoded
    from qwenvl_desktop.core.images.sources import (
        classify_text_source,
        open_image_file,
        short_name,
    )

    kind = classify_text_source(source)
    if kind.data is not None:
        image = open_encoded(io.BytesIO(kind.data), "the data URI")
    else:
        path = kind.path or source
        with open_image_file(path, short_name(path)) as fp:
            image = open_encoded(io.BytesIO(fp.read()), short_name(path))
    image.load()
    return ImageOps.exif_transpose(image)


def _save_options(out: Path) -> dict[str, Any]:
    from PIL import Image

    fmt = Image.registered_extensions().get(out.suffix.lower(), "PNG")
    # Only the format is chosen here; JPEG and WebP get a quality that keeps thin lines crisp.
    return {"format": fmt, "quality": 92} if fmt in ("JPEG", "WEBP") else {"format": fmt}


def _pixel(value: float) -> float | int:
    """A whole pixel as an int (the common case), else rounded to a tenth of a pixel."""
    rounded = round(value, 1)
    return int(rounded) if rounded.is_integer() else rounded
