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
from itertools import pairwise

__all__ = [
    "CODE_LINK_PREFIX",
    "MarkdownSplitter",
    "add_copy_links",
    "provisional_markdown",
    "split_before_tables",
    "utf16_len",
]

#: Links ``qwenvl:copy-code/<reply id>/<n>`` copy code block n of a reply.
CODE_LINK_PREFIX = "qwenvl:copy-code/"

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
#: Characters that would break a language name out of its Markdown link text.
_LABEL_UNSAFE = re.compile(r"[\[\]()\\`*_<>!]")
#: A table's delimiter row, or the start of one (``|---|:-`` …).
_DELIMITER_ROW = re.compile(r"^\s*\|?[\s:|-]*$")


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
    """Put a link above each fenced code block — its language, or "code", linking to the copy of
    that block; return the text and the code blocks.

    The link is its own paragraph (a blank line before it), indented like the fence so a code
    block inside a list item stays there; :mod:`.code_blocks` turns it into the block's header.
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
                language = _LABEL_UNSAFE.sub("", match.group(3).strip().split(" ")[0]) or "code"
                out.extend(["", f"{indent}[{language}]({href})", ""])
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


def provisional_markdown(tail: str) -> str:
    """The unfinished last block of an answer, completed so that it renders as what it will be.

    A table whose delimiter row has not arrived yet gets one (else its header shows as a line of
    pipes); an unclosed ``**`` or inline code span on the last line is closed. An open code fence
    needs nothing: Markdown renders it as a code block up to the end.
    """
    lines = tail.split("\n")
    if _open_fence(lines):
        return tail
    first = lines[0].strip()
    if first.startswith("|") and len(lines) <= 2:
        second = lines[1] if len(lines) == 2 else ""
        if _DELIMITER_ROW.match(second):
            columns = max(first.strip("|").count("|") + 1, 1)
            return lines[0] + "\n|" + "---|" * columns
        return tail
    last = lines[-1]
    closing = ""
    if last.count("`") % 2:
        closing += "`"
    elif last.count("**") % 2:
        closing += "**"
    return tail + closing if closing and not tail.endswith(" ") else tail


def _open_fence(lines: list[str]) -> bool:
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if match is None:
            continue
        marker = match.group(2)
        if fence is None:
            fence = marker
        elif marker[0] == fence[0] and len(marker) >= len(fence) and not match.group(3).strip():
            fence = None
    return fence is not None


def split_before_tables(markdown: str) -> list[str]:
    """``markdown`` cut before each table that starts after a blank line (outside code).

    Qt's Markdown import (6.8–6.12) adds an empty paragraph before a table that follows a quote,
    and puts the first header cell of one that follows a fenced code block into an extra,
    unbolded paragraph. Rendered as a piece of its own (see ``markdown_render``) a table is
    whole and follows the block before it directly — as when it arrives as a piece of its own
    while streaming, so a reply reads the same however it arrived.
    """
    lines = markdown.split("\n")
    cuts: list[int] = []
    fence: str | None = None
    previous_blank = False
    offset = 0
    for line in lines:
        match = _FENCE.match(line.lstrip(" ") if len(line) - len(line.lstrip(" ")) < 8 else "")
        if fence is not None:
            if (
                match is not None
                and match.group(2)[0] == fence[0]
                and len(match.group(2)) >= len(fence)
                and not match.group(3).strip()
            ):
                fence = None
        elif match is not None:
            fence = match.group(2)
        elif previous_blank and offset > 0 and line.lstrip().startswith("|"):
            cuts.append(offset)
        previous_blank = fence is None and not line.strip()
        offset += len(line) + 1
    if not cuts:
        return [markdown]
    bounds = [0, *cuts, len(markdown)]
    return [markdown[a:b] for a, b in pairwise(bounds) if markdown[a:b]]
