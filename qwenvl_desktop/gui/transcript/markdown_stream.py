"""Splitting a streamed Markdown answer into pieces that can be rendered once each.

A reply arrives a few characters at a time. Re-parsing the whole answer on every batch costs time
quadratic in its length; rendering only at the end leaves a long raw tail and one long stall.
Instead, the answer is cut at *safe boundaries* — a blank line outside any fenced code block,
followed by a line that starts at the left margin — and each finished piece is rendered exactly
once. Cutting there keeps every block (paragraph, table, fenced code, list item) whole; at worst a
list that has blank lines between its items renders as consecutive lists.

This module is Qt-free: it deals in text only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["CODE_LINK_PREFIX", "MarkdownSplitter", "add_copy_links", "utf16_len"]

#: Links ``qwenvl:copy-code/<reply id>/<n>`` copy code block n of a reply.
CODE_LINK_PREFIX = "qwenvl:copy-code/"

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: how Qt counts document positions (emoji count twice)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


@dataclass
class MarkdownSplitter:
    """Finds how much of a growing text can be rendered now.

    Feed it the text as it grows (:meth:`feed`), ask :meth:`boundary` for the end of the longest
    prefix made only of complete blocks, and :meth:`consume` that prefix once it is rendered. It
    scans each character once, so the total work is linear in the answer's length.
    """

    text: str = ""
    #: scan position: everything before it is classified
    _scanned: int = 0
    #: the fence marker of the open fenced code block, if one is open
    _fence: str | None = None
    _prev_blank: bool = True
    #: safe boundaries found and not consumed yet, ascending
    _boundaries: list[int] = field(default_factory=list)

    def feed(self, more: str) -> None:
        self.text += more
        self._scan()

    def _scan(self) -> None:
        text = self.text
        while True:
            end = text.find("\n", self._scanned)
            if end < 0:
                break
            line = text[self._scanned : end]
            start = self._scanned
            self._scanned = end + 1
            self._classify(line, start)
        # A line that has started but not ended can already open a boundary: what matters is
        # only that it begins at the left margin after a blank line.
        if self._scanned < len(text):
            partial = text[self._scanned :]
            if self._fence is None and self._prev_blank and not partial[0].isspace():
                self._add_boundary(self._scanned)

    def _add_boundary(self, position: int) -> None:
        if position > 0 and (not self._boundaries or self._boundaries[-1] < position):
            self._boundaries.append(position)

    def _classify(self, line: str, start: int) -> None:
        stripped = line.strip()
        fence = _FENCE.match(line)
        if self._fence is not None:
            if (
                fence
                and fence.group(2)[0] == self._fence[0]
                and len(fence.group(2)) >= len(self._fence)
                and not fence.group(3).strip()
            ):
                self._fence = None
            self._prev_blank = False
            return
        if stripped and self._prev_blank and not line[0].isspace():
            self._add_boundary(start)
        if fence:
            self._fence = fence.group(2)
        self._prev_blank = not stripped

    def boundary(self, limit: int | None = None) -> int:
        """End of the longest renderable prefix (0: none); at most ``limit`` characters unless
        the first complete piece alone is longer."""
        if not self._boundaries:
            return 0
        if limit is None:
            return self._boundaries[-1]
        best = self._boundaries[0]
        for position in self._boundaries:
            if position > limit:
                break
            best = position
        return best

    def consume(self, length: int) -> str:
        """Remove and return the first ``length`` characters (rendered by the caller)."""
        piece, self.text = self.text[:length], self.text[length:]
        self._scanned -= length
        self._boundaries = [b - length for b in self._boundaries if b > length]
        return piece

    def finish(self) -> str:
        """Everything left, at the end of the reply (an open fence is closed by the renderer)."""
        rest, self.text = self.text, ""
        self._scanned = 0
        self._boundaries.clear()
        self._fence = None
        self._prev_blank = True
        return rest


def add_copy_links(markdown: str, href_prefix: str, first_index: int) -> tuple[str, list[str]]:
    """Put a "Copy code" link above each fenced code block; return the text and the code blocks.

    The link is its own paragraph (a blank line before it), indented like the fence so a code
    block inside a list item stays there.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    codes: list[str] = []
    fence: str | None = None
    code: list[str] = []
    for line in lines:
        match = _FENCE.match(line.lstrip(" ") if len(line) - len(line.lstrip(" ")) < 8 else "")
        if fence is None:
            if match:
                indent = line[: len(line) - len(line.lstrip(" "))]
                href = f"{href_prefix}{first_index + len(codes)}"
                out.extend(["", f"{indent}[Copy code]({href})", ""])
                fence = match.group(2)
                code = []
                codes.append("")
            out.append(line)
            continue
        closing = (
            match is not None
            and match.group(2)[0] == fence[0]
            and len(match.group(2)) >= len(fence)
            and not match.group(3).strip()
        )
        if closing:
            fence = None
            codes[-1] = "\n".join(code)
        else:
            code.append(line)
        out.append(line)
    if fence is not None:  # unterminated fence (a stopped reply): copy what there is
        codes[-1] = "\n".join(code)
    return "\n".join(out), codes
