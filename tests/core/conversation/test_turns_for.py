"""The request turns of an exchange: what the model is sent as the conversation so far.

GIVEN a conversation of several exchanges (answered, failed, with images), WHEN the turns for one
of them are built, THEN they carry the earlier questions and answers in order, roles alternating,
and nothing after it.
"""

from __future__ import annotations

from qwenvl_desktop.core.conversation.model import Conversation
from qwenvl_desktop.core.protocol.request import ImageInput, Turn
from tests.core.history.builders import url_attachment


def test_the_first_question_is_one_user_turn_with_its_images() -> None:
    conversation = Conversation()
    photo = url_attachment("https://img.example/photo.png")
    first = conversation.ask("What is this?", [photo], model="qwen3-vl-plus", region="intl")
    assert conversation.turns_for(first) == (
        Turn("user", "What is this?", (ImageInput(photo.url, max_pixels=photo.max_pixels),)),
    )
    assert conversation.title == "What is this?"


def test_a_follow_up_carries_the_earlier_question_its_images_and_answer() -> None:
    conversation = Conversation()
    photo = url_attachment("https://img.example/photo.png")
    first = conversation.ask("What is this?", [photo], model="m", region="intl")
    first.answer = "A dog on a beach."
    second = conversation.ask("And the colour?", [], model="m", region="intl")
    turns = conversation.turns_for(second)
    assert [t.role for t in turns] == ["user", "assistant", "user"]
    assert turns[0].images == (photo.to_image_input(),)
    assert turns[1] == Turn("assistant", "A dog on a beach.")
    assert turns[2] == Turn("user", "And the colour?")


def test_a_reply_without_text_leaves_its_question_merged_into_the_next() -> None:
    conversation = Conversation()
    chart = url_attachment("https://img.example/chart.png")
    failed = conversation.ask("Read the chart", [chart], model="m", region="intl")
    assert failed.answer == ""  # it failed before any text
    retry = conversation.ask("Just the title, please", [], model="m", region="intl")
    (merged,) = conversation.turns_for(retry)
    assert merged == Turn(
        "user", "Read the chart\n\nJust the title, please", (chart.to_image_input(),)
    )


def test_two_unanswered_questions_in_a_row_merge_so_roles_still_alternate() -> None:
    conversation = Conversation()
    a = conversation.ask("One", [], model="m", region="intl")
    a.answer = "First answer"
    conversation.ask("Two", [], model="m", region="intl")
    conversation.ask("Three", [], model="m", region="intl")
    last = conversation.ask("Four", [], model="m", region="intl")
    turns = conversation.turns_for(last)
    assert [t.role for t in turns] == ["user", "assistant", "user"]
    assert turns[2].text == "Two\n\nThree\n\nFour"


def test_exchanges_after_the_one_asked_for_are_left_out() -> None:
    conversation = Conversation()
    first = conversation.ask("Earlier", [], model="m", region="intl")
    first.answer = "Yes"
    second = conversation.ask("Middle", [], model="m", region="intl")
    second.answer = "Sure"
    conversation.ask("Later", [], model="m", region="intl")
    # Retry of the middle exchange: the same turns it was first sent with.
    assert [t.text for t in conversation.turns_for(second)] == ["Earlier", "Yes", "Middle"]
