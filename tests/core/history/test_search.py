"""Searching stored questions and answers, through FTS5 and through the LIKE fallback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.history.search import make_snippet, split_terms
from qwenvl_desktop.core.protocol.events import ContentDelta

from .builders import saved_conversation


@pytest.fixture(params=[True, False], ids=["fts5", "like"])
def searchable(request: pytest.FixtureRequest, db_path: Path) -> Iterator[HistoryStore]:
    """The same store behaviour with the FTS5 index and with the LIKE fallback."""
    store = HistoryStore.open(db_path, use_fts=request.param)
    assert store.uses_fts is request.param
    saved_conversation(store, ["What breed is this dog?", "Is the dog on a beach?"])
    saved_conversation(store, ["Read the receipt total", "请描述这张图片里的猫"])
    saved_conversation(store, ['Price of "100% cotton_shirt" AND NEAR(x)?'])
    try:
        yield store
    finally:
        store.close()


def questions(store: HistoryStore, text: str) -> list[str]:
    hits = store.search(text)
    loaded = {c.id: store.load_conversation(c.id) for c in store.list_conversations()}
    by_id = {e.id: e.question for c in loaded.values() for e in c.exchanges}
    return [by_id[h.exchange_id] for h in hits]


def test_words_match_case_insensitively_inside_questions_and_answers(
    searchable: HistoryStore,
) -> None:
    # WHEN a word is searched in another case; THEN both exchanges containing it match, newest first
    assert questions(searchable, "DOG") == ["Is the dog on a beach?", "What breed is this dog?"]
    # AND part of a word matches, and answers are searched too ("Answer to: …")
    assert questions(searchable, "ecei") == ["Read the receipt total"]
    assert questions(searchable, "answer receipt") == ["Read the receipt total"]


def test_every_word_must_match(searchable: HistoryStore) -> None:
    assert questions(searchable, "dog beach") == ["Is the dog on a beach?"]
    assert questions(searchable, "dog receipt") == []


def test_chinese_text_is_found_by_any_part_including_two_characters(
    searchable: HistoryStore,
) -> None:
    # No spaces between Chinese words: substrings must work, also shorter than the trigram.
    assert questions(searchable, "这张图片") == ["请描述这张图片里的猫"]
    assert questions(searchable, "的猫") == ["请描述这张图片里的猫"]


def test_search_syntax_in_the_query_is_plain_text(searchable: HistoryStore) -> None:
    # GIVEN a question full of characters that mean something to FTS5 or LIKE
    # THEN each is matched literally, and nothing raises
    assert questions(searchable, '"100%') == ['Price of "100% cotton_shirt" AND NEAR(x)?']
    assert questions(searchable, "cotton_shirt") == ['Price of "100% cotton_shirt" AND NEAR(x)?']
    assert questions(searchable, "NEAR(x)") == ['Price of "100% cotton_shirt" AND NEAR(x)?']
    assert questions(searchable, "0%") == ['Price of "100% cotton_shirt" AND NEAR(x)?']
    assert questions(searchable, "t_n") == []  # "_" is not a wildcard ("ton" would match)
    assert questions(searchable, "* OR") == []
    assert searchable.search("   ") == []


def test_hits_carry_a_snippet_with_highlights(searchable: HistoryStore) -> None:
    (hit,) = searchable.search("BREED")
    assert hit.field == "question" and hit.conversation_title == "What breed is this dog?"
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "breed"
    # An answer-only match is shown from the answer
    (answer_hit,) = searchable.search("answer to: read")
    assert answer_hit.field == "answer"
    assert answer_hit.snippet.startswith("Answer to: Read")


def test_deleted_conversations_are_not_found_and_limit_is_respected(
    searchable: HistoryStore,
) -> None:
    conversation_id = searchable.search("receipt")[0].conversation_id
    searchable.delete(conversation_id)
    assert searchable.search("receipt") == []
    assert len(searchable.search("Answer", limit=2)) == 2


def test_a_streamed_answer_is_searchable_as_it_grows(searchable: HistoryStore) -> None:
    # GIVEN a reply whose partial text was saved
    conversation = Conversation()
    exchange = conversation.ask("Tell me", [], model="m", region="r")
    exchange.begin()
    searchable.save_question(conversation, exchange)
    exchange.apply(ContentDelta("a flamingo"))
    searchable.save_progress(exchange, force=True)
    assert [h.exchange_id for h in searchable.search("flamingo")] == [exchange.id]
    # WHEN the reply is replaced (Regenerate)
    exchange.begin()
    exchange.apply(ContentDelta("a pelican"))
    exchange.finish()
    searchable.save_reply(exchange)
    # THEN the old text is no longer found and the new one is
    assert searchable.search("flamingo") == []
    assert [h.exchange_id for h in searchable.search("pelican")] == [exchange.id]
    assert searchable.check_integrity() == []


def test_an_index_missed_by_a_session_without_fts_is_rebuilt(db_path: Path) -> None:
    # GIVEN a history with the index, then a session without FTS5 that wrote more
    HistoryStore.open(db_path).close()
    without = HistoryStore.open(db_path, use_fts=False)
    saved_conversation(without, ["Written while the index was off"])
    without.close()
    # WHEN a session with FTS5 opens it
    store = HistoryStore.open(db_path)
    # THEN the index covers everything again
    assert store.uses_fts
    assert len(store.search("index was off")) == 1
    assert store.check_integrity() == []
    store.close()


def test_split_terms_drops_repeats_ignoring_case() -> None:
    assert split_terms("Dog dog  DOG cat") == ["Dog", "cat"]


def test_a_snippet_is_cut_around_the_first_match_on_one_line() -> None:
    text = "intro " * 40 + "the target\nword is here" + " outro" * 40
    snippet = make_snippet(text, ["target"], width=60)
    assert snippet is not None
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert "\n" not in snippet.text and len(snippet.text) <= 62
    (start, end), *_ = snippet.highlights
    assert snippet.text[start:end] == "target"
    assert make_snippet(text, ["absent"]) is None
