"""Searching Chinese and Japanese: words of one and two characters, which the trigram index
cannot look up, are found in real SQLite files (with the FTS5 index and without it).

GIVEN stored questions in Chinese and Japanese (no spaces between words), WHEN the person
searches a word of one or two characters, alone or beside a longer word, THEN every exchange
containing it is found, newest first, with the word highlighted in the snippet.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.history.search import MIN_INDEXED_LENGTH, split_terms

from .builders import saved_conversation

INVOICE_ZH = "这张发票的金额是多少？"
CAT_ZH = "图片里的猫是什么品种"
INVOICE_JA = "この請求書の合計金額を教えて"
CAT_JA = "写真の猫は何をしていますか"
RECEIPT_EN = "Read the receipt total"


@pytest.fixture(params=[True, False], ids=["fts5", "like"])
def cjk_store(request: pytest.FixtureRequest, db_path: Path) -> Iterator[HistoryStore]:
    store = HistoryStore.open(db_path, use_fts=request.param)
    assert store.uses_fts is request.param
    saved_conversation(store, [INVOICE_ZH, CAT_ZH])
    saved_conversation(store, [INVOICE_JA, CAT_JA])
    saved_conversation(store, [RECEIPT_EN, "100%_発票 offers"])
    try:
        yield store
    finally:
        store.close()


def found(store: HistoryStore, text: str) -> list[str]:
    """The questions of the hits, newest first (answers repeat the question: "Answer to: …")."""
    by_id = {
        exchange.id: exchange.question
        for summary in store.list_conversations()
        for exchange in store.load_conversation(summary.id).exchanges
    }
    return [by_id[hit.exchange_id] for hit in store.search(text)]


@pytest.mark.parametrize(
    ("word", "questions"),
    [
        ("发票", [INVOICE_ZH]),  # Chinese "invoice", two characters
        ("請求", [INVOICE_JA]),  # Japanese "invoice/request", two characters
        ("金额", [INVOICE_ZH]),  # Simplified 额: not the Japanese 額 (different character)
        ("金額", [INVOICE_JA]),
        ("猫", [CAT_JA, CAT_ZH]),  # one character, in both languages, newest first
        ("写真", [CAT_JA]),
        ("品种", [CAT_ZH]),
    ],
)
def test_words_shorter_than_the_trigram_are_found(
    cjk_store: HistoryStore, word: str, questions: list[str]
) -> None:
    assert len(word) < MIN_INDEXED_LENGTH
    assert found(cjk_store, word) == questions


def test_a_short_word_beside_a_long_one_narrows_the_search(cjk_store: HistoryStore) -> None:
    assert found(cjk_store, "请求书 猫") == []  # 请 (Simplified) is not in 請求書
    assert found(cjk_store, "請求書 合計") == [INVOICE_JA]
    assert found(cjk_store, "猫 品种") == [CAT_ZH]
    # An ideographic space (what a Japanese input method types) separates words too.
    assert split_terms("写真\u3000猫") == ["写真", "猫"]
    assert found(cjk_store, "写真\u3000猫") == [CAT_JA]


def test_short_words_match_wildcards_literally(cjk_store: HistoryStore) -> None:
    assert found(cjk_store, "%_") == ["100%_発票 offers"]
    assert found(cjk_store, "_発") == ["100%_発票 offers"]
    assert found(cjk_store, "%") == ["100%_発票 offers"]
    assert found(cjk_store, "发_") == []  # "_" is not "any character": 发票 is not found


def test_the_snippet_highlights_the_short_word(cjk_store: HistoryStore) -> None:
    (hit,) = cjk_store.search("发票")
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "发票"
    (hit,) = cjk_store.search("請求")
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "請求"


def test_many_matches_are_limited_newest_first(db_path: Path) -> None:
    with HistoryStore.open(db_path) as store:
        saved_conversation(store, [f"第{i}张发票" for i in range(30)])
        hits = store.search("发票", limit=5)
        assert len(hits) == 5
        assert [h.snippet for h in hits] == [f"第{i}张发票" for i in range(29, 24, -1)]
