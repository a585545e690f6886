"""Read the boxes and points out of an answer's text, in the model's own coordinates.

Models answer grounding questions in several shapes: a ```json fence or bare JSON, a list or one
object, several blocks (one per image, often introduced by "Image 2:"), an answer cut off by the
token limit halfway through the JSON, or QwenVL HTML whose elements carry ``data-bbox``. Instead of
recognising each shape, the text is scanned for every place a JSON value can start and each is
decoded on its own; a value that does not decode (cut off) is skipped and the scan goes on inside
it, so the complete objects of a cut list are still found. Mapping to pixels is
:mod:`~qwenvl_desktop.core.grounding.geometry`'s job.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Literal

__all__ = ["RawMark", "image_references", "parse_marks"]

_BOX_KEYS = ("bbox_2d", "bbox")
_POINT_KEYS = ("point_2d", "point")
_LABEL_KEYS = ("label", "text_content", "text", "name", "category")
#: how deep a wrapper ({"objects": [{"bbox_2d": …}]}) may nest the items
_MAX_DEPTH = 6
#: an HTML element's text is its label, cut to this many characters
_HTML_LABEL_CHARS = 40


@dataclass(frozen=True, slots=True)
class RawMark:
    """One box (4 values) or point (2 values) as the model wrote it, before any mapping.

    ``image`` is the 0-based image the text around it names, or None when it names none.
    """

    kind: Literal["box", "point"]
    label: str
    values: tuple[float, ...]
    image: int | None


def parse_marks(answer: str, image_count: int = 1) -> list[RawMark]:
    """Every box and point of ``answer``, in order: JSON items, then QwenVL HTML elements.

    A block's image is the last image reference (among ``image_count`` images) in the text
    between the previous block and it; else the previous block's; else the first reference in
    the whole answer; else None.
    """
    answer_wide = _first_reference(answer, image_count)
    marks: list[RawMark] = []
    previous_end = 0
    current: int | None = None
    for start, end, value in _json_values(answer):
        items = list(_items(value, 0))
        if not items:
            continue
        named = _last_reference(answer[previous_end:start], image_count)
        current = named if named is not None else current
        image = current if current is not None else answer_wide
        marks.extend(RawMark(kind, label, values, image) for kind, label, values in items)
        previous_end = end
    if "data-bbox" in answer:
        marks.extend(
            RawMark("box", label, values, answer_wide) for label, values in _html_boxes(answer)
        )
    return marks


# --- JSON -------------------------------------------------------------------------------------

_OPENING = re.compile(r"[\[{]")
_DECODER = json.JSONDecoder()


def _json_values(text: str) -> Iterator[tuple[int, int, Any]]:
    """Each JSON list or object that decodes, with its start and end offsets."""
    pos = 0
    while (match := _OPENING.search(text, pos)) is not None:
        start = match.start()
        try:
            value, end = _DECODER.raw_decode(text, start)
        except ValueError:  # cut off or not JSON: look inside it
            pos = start + 1
            continue
        yield start, end, value
        pos = end


def _items(
    value: Any, depth: int
) -> Iterator[tuple[Literal["box", "point"], str, tuple[float, ...]]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for element in value:
            yield from _items(element, depth + 1)
        return
    if not isinstance(value, dict):
        return
    box = _numbers(_first(value, _BOX_KEYS), 4)
    point = _numbers(_first(value, _POINT_KEYS), 2)
    if box is not None or point is not None:
        label = _label(value)
        if box is not None:
            yield "box", label, box
        if point is not None:
            yield "point", label, point
        return
    for element in value.values():  # a wrapper: {"objects": [...]}
        yield from _items(element, depth + 1)


def _first(value: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((value[k] for k in keys if k in value), None)


def _label(value: dict[str, Any]) -> str:
    found = _first(value, _LABEL_KEYS)
    return "" if found is None else " ".join(str(found).split())


def _numbers(value: Any, count: int) -> tuple[float, ...] | None:
    """``value`` as ``count`` numbers: a flat list, or pairs ([[x1, y1], [x2, y2]])."""
    if not isinstance(value, list):
        return None
    if value and all(isinstance(v, list) for v in value):
        value = [n for pair in value for n in pair]
    if len(value) != count:
        return None
    out: list[float] = []
    for number in value:
        if isinstance(number, bool):
            return None
        try:
            out.append(float(number))
        except (TypeError, ValueError):
            return None
    if not all(n == n and abs(n) != float("inf") for n in out):  # NaN, infinities
        return None
    return tuple(out)


# --- QwenVL HTML ------------------------------------------------------------------------------

_VOID_TAGS = frozenset(
    (
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    )
)
_BBOX_NUMBERS = re.compile(r"-?\d+(?:\.\d+)?")


class _DataBoxReader(HTMLParser):
    """Collects each element with a ``data-bbox`` and the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        #: open elements: (tag, index into ``found`` or None)
        self._open: list[tuple[str, int | None]] = []
        self.found: list[tuple[str, tuple[float, ...], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        numbers = _BBOX_NUMBERS.findall(values.get("data-bbox") or "")
        index: int | None = None
        if len(numbers) == 4:
            alt = values.get("alt")
            text = [alt] if tag == "img" and alt else []
            self.found.append((tag, tuple(float(n) for n in numbers), text))
            index = len(self.found) - 1
        if tag not in _VOID_TAGS:
            self._open.append((tag, index))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        # Forgiving, as browsers are: an end tag closes everything opened since its start tag.
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        for _, index in self._open:
            if index is not None:
                self.found[index][2].append(data)


def _html_boxes(answer: str) -> Iterator[tuple[str, tuple[float, ...]]]:
    reader = _DataBoxReader()
    reader.feed(answer)
    reader.close()
    for tag, values, text in reader.found:
        words = " ".join("".join(text).split())
        if len(words) > _HTML_LABEL_CHARS:
            words = words[: _HTML_LABEL_CHARS - 1].rstrip() + "…"
        yield words or tag, values


# --- which image ------------------------------------------------------------------------------

_ORDINALS = {
    word: n
    for n, words in enumerate(
        (
            ("first", "1st"),
            ("second", "2nd"),
            ("third", "3rd"),
            ("fourth", "4th"),
            ("fifth", "5th"),
            ("sixth", "6th"),
            ("seventh", "7th"),
            ("eighth", "8th"),
            ("ninth", "9th"),
            ("tenth", "10th"),
        ),
        start=1,
    )
    for word in words
}
_CHINESE_NUMBERS = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)}
_PICTURE = r"(?:image|picture|photo|screenshot|img)"
_REFERENCES = re.compile(
    rf"\b{_PICTURE}\s*(?:no\.?\s*|#\s*)?(?P<number>\d+)\b"  # image 2, Image #2, picture no. 2
    rf"|\b(?P<ordinal>{'|'.join(_ORDINALS)})\s+{_PICTURE}"  # second image, 2nd photo
    r"|(?:图片?|圖片?|画像|図)\s*(?P<cjk_number>\d+)"  # 图2, 图片 2, 画像2, 図2
    r"|第\s*(?P<cjk_ordinal>[一二三四五六七八九十]|\d+)\s*(?:张|張|幅|枚)"  # 第二张图
    r"|(?P<mai>\d+)\s*枚目",  # 2枚目
    re.IGNORECASE,
)


def image_references(text: str, image_count: int) -> Iterator[int]:
    """The 0-based images ``text`` names ("image 2", "second image", "图2", "2枚目"), in order,
    keeping only those among ``image_count`` images."""
    for match in _REFERENCES.finditer(text):
        number = _reference_number(match)
        if number is not None and 1 <= number <= image_count:
            yield number - 1


def _reference_number(match: re.Match[str]) -> int | None:
    for group in ("number", "cjk_number", "mai"):
        if match.group(group):
            return int(match.group(group))
    if match.group("ordinal"):
        return _ORDINALS[match.group("ordinal").lower()]
    cjk = match.group("cjk_ordinal")
    if cjk:
        return _CHINESE_NUMBERS.get(cjk) or (int(cjk) if cjk.isdigit() else None)
    return None


def _first_reference(text: str, image_count: int) -> int | None:
    return next(image_references(text, image_count), None)


def _last_reference(text: str, image_count: int) -> int | None:
    references = list(image_references(text, image_count))
    return references[-1] if references else None
