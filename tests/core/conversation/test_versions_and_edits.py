"""Regenerate's versions, an edited question's dropped turns, and Continue's request.

GIVEN exchanges in a conversation, WHEN a reply is regenerated, a version picked, a question edited
(turns dropped, then put back) or a stopped answer continued, THEN the model holds exactly what
the transcript shows and what the next request sends.
"""

from __future__ import annotations

import pytest

from qwenvl_desktop.core.conversation.model import (
    CONTINUE_REQUEST,
    Conversation,
    Exchange,
)
from qwenvl_desktop.core.protocol import chat_request
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.protocol.request import RequestError, Turn, build_body


def answered(conversation: Conversation, question: str, answer: str) -> Exchange:
    exchange = conversation.ask(question, [], model="qwen3-vl-plus", region="intl")
    exchange.begin()
    exchange.answer = answer
    exchange.finish()
    return exchange


def regenerate(exchange: Exchange, answer: str) -> None:
    exchange.keep_as_version()
    exchange.begin()
    exchange.answer = answer
    exchange.finish()


def test_regenerating_twice_keeps_three_versions_the_newest_shown() -> None:
    conversation = Conversation()
    exchange = answered(conversation, "What is it?", "A cat.")
    regenerate(exchange, "A small cat.")
    regenerate(exchange, "A tabby cat.")
    assert exchange.version_count == 3
    assert exchange.version_index == 2
    assert [v.answer for v in exchange.all_versions()] == ["A cat.", "A small cat.", "A tabby cat."]
    assert exchange.answer == "A tabby cat."


def test_picking_a_version_shows_it_and_later_questions_send_it() -> None:
    conversation = Conversation()
    exchange = answered(conversation, "What is it?", "A cat.")
    regenerate(exchange, "A small cat.")
    regenerate(exchange, "A tabby cat.")

    assert exchange.select_version(0)
    assert exchange.answer == "A cat."
    assert exchange.version_index == 0
    # The order of all versions does not change with the one shown.
    assert [v.answer for v in exchange.all_versions()] == ["A cat.", "A small cat.", "A tabby cat."]
    follow_up = conversation.ask("Its colour?", [], model="m", region="intl")
    assert conversation.turns_for(follow_up)[1] == Turn("assistant", "A cat.")

    assert not exchange.select_version(0)  # already shown
    assert not exchange.select_version(3)  # no such version
    assert exchange.select_version(1) and exchange.answer == "A small cat."


def test_a_failed_reply_is_replaced_not_kept_as_a_version() -> None:
    conversation = Conversation()
    exchange = conversation.ask("q", [], model="m", region="intl")
    exchange.begin()
    exchange.state = "failed"
    assert not exchange.keep_as_version()
    assert exchange.version_count == 1


def test_a_version_cannot_be_picked_while_the_reply_streams() -> None:
    conversation = Conversation()
    exchange = answered(conversation, "q", "one")
    regenerate(exchange, "two")
    exchange.keep_as_version()
    exchange.begin()
    assert not exchange.select_version(0)


def test_an_edited_question_drops_its_turn_and_later_ones_and_undo_puts_them_back() -> None:
    conversation = Conversation()
    first = answered(conversation, "First", "One")
    second = answered(conversation, "Second", "Two")
    third = answered(conversation, "Third", "Three")

    dropped = conversation.drop_from(second.id)
    assert dropped is not None
    assert conversation.exchanges == [first]
    edited = answered(conversation, "Second, edited", "Two again")
    assert [e.question for e in conversation.exchanges] == ["First", "Second, edited"]

    removed = conversation.restore(dropped)
    assert removed == [edited]
    assert [e.id for e in conversation.exchanges] == [first.id, second.id, third.id]
    assert conversation.drop_from("no-such-exchange") is None


def test_editing_the_first_question_renames_the_conversation_and_undo_restores_the_title() -> None:
    conversation = Conversation()
    answered(conversation, "Old title", "x")
    dropped = conversation.drop_from(conversation.exchanges[0].id)
    assert dropped is not None and conversation.title == ""
    conversation.ask("New title", [], model="m", region="intl")
    assert conversation.title == "New title"
    conversation.restore(dropped)
    assert conversation.title == "Old title"


def test_continue_in_partial_mode_ends_with_the_answer_as_a_partial_assistant_turn() -> None:
    conversation = Conversation()
    exchange = answered(conversation, "Write a poem", "Roses are red,")
    exchange.stop()
    assert exchange.can_continue
    turns = conversation.continuation_turns(exchange, partial=True)
    assert turns[-1] == Turn("assistant", "Roses are red,", partial=True)
    info = load_catalog().model("qwen3-vl-plus")
    body = build_body(chat_request("qwen3-vl-plus", turns), info)
    assert body["messages"][-1] == {
        "role": "assistant",
        "content": "Roses are red,",
        "partial": True,
    }
    assert body["messages"][-2] == {"role": "user", "content": "Write a poem"}


def test_continue_without_partial_mode_asks_to_continue_after_the_answer() -> None:
    conversation = Conversation()
    exchange = answered(conversation, "Write a poem", "Roses are red,")
    exchange.stop()
    turns = conversation.continuation_turns(exchange, partial=False)
    assert [(t.role, t.text, t.partial) for t in turns[-2:]] == [
        ("assistant", "Roses are red,", False),
        ("user", CONTINUE_REQUEST, False),
    ]


def test_resume_keeps_the_answer_so_far_and_appends() -> None:
    conversation = Conversation()
    exchange = answered(conversation, "q", "Half")
    exchange.stop()
    exchange.resume()
    assert exchange.state == "streaming" and exchange.answer == "Half"
    from qwenvl_desktop.core.protocol.events import ContentDelta

    exchange.apply(ContentDelta(" and the rest."))
    exchange.finish()
    assert exchange.answer == "Half and the rest."


@pytest.mark.parametrize("state", ["done", "failed", "streaming"])
def test_only_a_stopped_or_cut_off_answer_with_text_can_be_continued(state: str) -> None:
    conversation = Conversation()
    exchange = answered(conversation, "q", "Some text")
    exchange.state = state  # type: ignore[assignment]
    assert not exchange.can_continue


def test_a_partial_turn_must_be_the_last() -> None:
    info = load_catalog().model("qwen3-vl-plus")
    turns = (Turn("assistant", "x", partial=True), Turn("user", "q"))
    with pytest.raises(RequestError):
        build_body(chat_request("qwen3-vl-plus", turns), info)
