"""Turning what the user typed into a search, and a match into a snippet with highlights.

The search box matches substrings, case-insensitively, in questions and answers: every word typed
must occur in the exchange (in either field). The FTS5 index uses the trigram tokenizer, which
can only look up words of three or more characters; shorter words (common in Chinese and Japanese,
where a word is often two characters) are checked with ``LIKE`` on the rows the index found, or
on every row when no word is long enough. The user's text is never passed as FTS query syntax:
each word becomes a quoted string, so ``AND``, ``"``, ``*`` or ``NEAR(`` are just text.

Snippets are cut in Python from the stored text rather than by FTS5's ``snippet()``, so the FTS
and the ``LIKE`` paths show the same thing and the window gets highlight ranges, not markup.

:func:`search_exchanges` is the query itself; the store hands it its read function, so the SQL
of searching lives here and the store keeps its error handling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from qwenvl_desktop.core.history.interface import SearchHit

__all__ = [
    "MIN_INDEXED_LENGTH",
    "Snippet",
    "fts_match_expression",
    "like_pattern",
    "make_snippet",
    "search_exchanges",
    "split_terms",
    "terms_pattern",
]

#: The trigram tokenizer indexes runs of three characters: shorter words cannot use the index.
MIN_INDEXED_LENGTH = 3
_MAX_TERMS = 16


def split_terms(text: str) -> list[str]:
    """The distinct words of ``text`` in order (at most 16: more narrows nothing in practice)."""
    seen: set[str] = set()
    terms: list[str] = []
    for word in text.split():
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            terms.append(word)
    return terms[:_MAX_TERMS]


def fts_match_expression(terms: list[str]) -> str | None:
    """An FTS5 query requiring every indexable term; ``None`` when no term is long enough."""
    quoted = [
        '"' + term.replace('"', '""') + '"' for term in terms if len(term) >= MIN_INDEXED_LENGTH
    ]
    return " AND ".join(quoted) if quoted else None


def like_pattern(term: str) -> str:
    """``%term%`` with LIKE's wildcards escaped (use with ``ESCAPE '\\'``)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of text around the first match, on one line, with the matches' ranges in it."""

    text: str
    #: ``(start, end)`` character ranges of matched words within :attr:`text`
    highlights: tuple[tuple[int, int], ...]


def terms_pattern(terms: list[str]) -> re.Pattern[str]:
    """Any of ``terms``, case-insensitively, as the search matches them (the snippets' and the
    opened conversation's highlights)."""
    # Longest first, so a word containing another is highlighted whole.
    alternatives = sorted((re.escape(t) for t in terms), key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def make_snippet(text: str, terms: list[str], width: int = 120) -> Snippet | None:
    """About ``width`` characters of ``text`` around its first match of any term.

    ``None`` when no term occurs in ``text``. Line breaks become spaces (one for one, so ranges
    stay valid); an ellipsis marks text cut at either end.
    """
    if not terms:
        return None
    pattern = terms_pattern(terms)
    first = pattern.search(text)
    if first is None:
        return None
    # Start a little before the match so it reads in context, preferably at a word boundary.
    start = max(0, first.start() - width // 4)
    if start > 0:
        space = text.rfind(" ", max(0, start - 12), first.start())
        if space != -1:
            start = space + 1
    end = min(len(text), start + width)
    piece = re.sub(r"[\r\n\t\f\v]", " ", text[start:end])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    offset = len(prefix)
    highlights = tuple((m.start() + offset, m.end() + offset) for m in pattern.finditer(piece))
    return Snippet(prefix + piece + suffix, highlights)


def _best_snippet(
    question: str, answer: str, terms: list[str]
) -> tuple[Literal["question", "answer"], Snippet]:
    """The snippet from the field holding more of the words (the question on a tie)."""
    in_question = sum(term.casefold() in question.casefold() for term in terms)
    in_answer = sum(term.casefold() in answer.casefold() for term in terms)
    if in_answer > in_question:
        snippet = make_snippet(answer, terms)
        if snippet is not None:
            return "answer", snippet
    snippet = make_snippet(question, terms)
    if snippet is not None:
        return "question", snippet
    snippet = make_snippet(answer, terms)
    if snippet is not None:
        return "answer", snippet
    # FTS5 folded case where Python does not: show the question's start.
    return "question", Snippet(" ".join(question.split())[:120], ())


def search_exchanges(
    read: Callable[[str, Sequence[Any]], list[Any]],
    text: str,
    limit: int,
    *,
    uses_fts: bool,
) -> list[SearchHit]:
    """Exchanges whose question or answer contains every word of ``text``, newest first.

    ``read`` runs one query and returns its rows (the store's, which turns SQLite errors into
    history errors); ``uses_fts``: the FTS5 index exists, else ``LIKE`` scans the table.
    """
    terms = split_terms(text)
    if not terms or limit <= 0:
        return []
    match = fts_match_expression(terms) if uses_fts else None
    short = [t for t in terms if match is None or len(t) < MIN_INDEXED_LENGTH]
    conditions = ["c.deleted_at IS NULL"]
    params: list[Any] = []
    # Newest first by storage order (seq), which both the FTS index and the table can walk
    # in order: SQLite stops after `limit` hits instead of sorting every match. For a common
    # word that is the difference between reading 50 rows and all 10,000.
    source, order = "exchanges e", "e.seq DESC"
    if match is not None:
        source, order = "exchanges_fts f JOIN exchanges e ON e.seq = f.rowid", "f.rowid DESC"
        conditions.append("exchanges_fts MATCH ?")
        params.append(match)
    for term in short:
        conditions.append("(e.question LIKE ? ESCAPE '\\' OR e.answer LIKE ? ESCAPE '\\')")
        params += [like_pattern(term)] * 2
    rows = read(
        "SELECT e.conversation_id, c.title, e.id, e.question, e.answer, e.created_at"
        f" FROM {source} JOIN conversations c ON c.id = e.conversation_id"
        f" WHERE {' AND '.join(conditions)}"
        f" ORDER BY {order} LIMIT ?",
        (*params, limit),
    )
    hits: list[SearchHit] = []
    for conversation_id, title, exchange_id, question, answer, created_at in rows:
        field, snippet = _best_snippet(question, answer, terms)
        hits.append(
            SearchHit(
                conversation_id,
                title,
                exchange_id,
                field,
                snippet.text,
                snippet.highlights,
                created_at,
            )
        )
    return hits
