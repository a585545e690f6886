"""The sidebar's date groups and unfinished marks, and the choice a reopened conversation brings
back: computed in core (no Qt), from an injected "now" and real SQLite files.

GIVEN conversations last active at known moments (in a fixed time zone) WHEN they are grouped
from a given "now" THEN each lands under Today, Yesterday, This week, Earlier this month or its
month; GIVEN stored conversations whose last answer failed, stopped or was cut off THEN their
summaries say so; GIVEN a conversation asked in a region with a model THEN reopening plans to
switch back, or says why it cannot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qwenvl_desktop.core.conversation.model import Conversation, Exchange
from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.history.grouping import (
    EARLIER_THIS_MONTH,
    THIS_WEEK,
    TODAY,
    YESTERDAY,
    group_by_date,
    group_label,
    unfinished_note,
)
from qwenvl_desktop.core.history.reopen import conversation_choice, plan_reopen
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.protocol.errors import QwenVLError
from qwenvl_desktop.core.protocol.regions import CUSTOM_REGION

from .builders import answer, saved_conversation

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class Row:
    name: str
    updated_at: float


def at(zone: ZoneInfo, *args: int) -> float:
    return dt.datetime(*args, tzinfo=zone).timestamp()  # type: ignore[misc]


# -- groups ---------------------------------------------------------------------------------------


def test_groups_from_an_injected_now_in_a_fixed_zone() -> None:
    # GIVEN Wednesday 10 December 2025, 09:00 in Shanghai (the week began on Monday the 8th)
    now = dt.datetime(2025, 12, 10, 9, 0, tzinfo=SHANGHAI)
    rows = [
        Row("this morning", at(SHANGHAI, 2025, 12, 10, 0, 5)),
        Row("late last night", at(SHANGHAI, 2025, 12, 9, 23, 59)),
        Row("monday", at(SHANGHAI, 2025, 12, 8, 8, 0)),
        Row("sunday", at(SHANGHAI, 2025, 12, 7, 22, 0)),
        Row("first of the month", at(SHANGHAI, 2025, 12, 1, 12, 0)),
        Row("november", at(SHANGHAI, 2025, 11, 30, 23, 0)),
        Row("march", at(SHANGHAI, 2025, 3, 3, 3, 0)),
        Row("last december", at(SHANGHAI, 2024, 12, 31, 12, 0)),
    ]
    # WHEN grouped
    groups = group_by_date(rows, now)
    # THEN each is under its calendar day's group, newest first, months named
    assert [(g.label, [r.name for r in g.items]) for g in groups] == [
        (TODAY, ["this morning"]),
        (YESTERDAY, ["late last night"]),
        (THIS_WEEK, ["monday"]),
        (EARLIER_THIS_MONTH, ["sunday", "first of the month"]),
        ("November", ["november"]),
        ("March", ["march"]),
        ("December 2024", ["last december"]),
    ]


def test_the_day_is_the_local_calendar_day_of_the_zone_of_now() -> None:
    # GIVEN one moment: 23:30 on the 9th in Berlin is already 06:30 on the 10th in Shanghai
    moment = at(BERLIN, 2025, 12, 9, 23, 30)
    # THEN it is "Yesterday" seen from Berlin the next morning and "Today" from Shanghai
    assert group_label(moment, dt.datetime(2025, 12, 10, 8, 0, tzinfo=BERLIN)) == YESTERDAY
    assert group_label(moment, dt.datetime(2025, 12, 10, 8, 0, tzinfo=SHANGHAI)) == TODAY
    # AND a daylight-saving change does not move a day (Berlin, 26 October 2025, 25 hours)
    after_dst = dt.datetime(2025, 10, 27, 0, 30, tzinfo=BERLIN)
    assert group_label(at(BERLIN, 2025, 10, 26, 0, 10), after_dst) == YESTERDAY
    assert group_label(at(BERLIN, 2025, 10, 25, 23, 50), after_dst) != YESTERDAY


def test_the_week_starts_on_the_locales_first_day_and_the_future_counts_as_today() -> None:
    # GIVEN Tuesday 9 December 2025; a conversation on Sunday the 7th
    now = dt.datetime(2025, 12, 9, 12, 0, tzinfo=SHANGHAI)
    sunday = at(SHANGHAI, 2025, 12, 7, 12, 0)
    # THEN with weeks from Monday it is earlier this month, from Sunday (6) it is this week
    assert group_label(sunday, now) == EARLIER_THIS_MONTH
    assert group_label(sunday, now, week_starts_on=6) == THIS_WEEK
    # AND a timestamp after "now" (a clock set back) is today, not a group of its own
    assert group_label(at(SHANGHAI, 2025, 12, 12, 0, 0), now) == TODAY
    # AND the system's zone is used when "now" is naive
    assert group_label(dt.datetime.now().timestamp(), dt.datetime.now()) == TODAY


def test_an_out_of_order_row_opens_its_group_again_rather_than_moving() -> None:
    now = dt.datetime(2025, 12, 10, 9, 0, tzinfo=SHANGHAI)
    rows = [
        Row("today", at(SHANGHAI, 2025, 12, 10, 8)),
        Row("yesterday", at(SHANGHAI, 2025, 12, 9, 8)),
        Row("today again", at(SHANGHAI, 2025, 12, 10, 7)),
    ]
    assert [g.label for g in group_by_date(rows, now)] == [TODAY, YESTERDAY, TODAY]
    assert group_by_date([], now) == []


# -- the unfinished mark ---------------------------------------------------------------------------


def test_summaries_say_how_the_last_answer_ended(store: HistoryStore, db_path: Path) -> None:
    # GIVEN four conversations whose last answers: finished, failed, stopped, left streaming
    done = saved_conversation(store, ["fine"])
    failed = saved_conversation(store, ["first fine", "then failed"])
    last = failed.exchanges[-1]
    last.begin()
    last.fail(QwenVLError("The service is overloaded.", status=503))
    store.save_reply(last)
    stopped = Conversation()
    exchange = stopped.ask("stop me", [], model="qwen3-vl-plus", region="intl")
    store.save_question(stopped, exchange)
    answer(exchange, "partial", finish=False)
    exchange.stop()
    store.save_reply(exchange)
    streaming = Conversation()
    cut = streaming.ask("cut off", [], model="qwen3-vl-plus", region="intl")
    store.save_question(streaming, cut)
    answer(cut, "partial", finish=False)
    store.save_progress(cut, force=True)
    # WHEN listed in this session: the streaming one is still live, not marked
    states = {s.id: s.last_state for s in store.list_conversations()}
    assert states == {
        done.id: "done",
        failed.id: "failed",
        stopped.id: "stopped",
        streaming.id: "streaming",
    }
    assert unfinished_note("done") is None and unfinished_note("streaming") is None
    assert "failed" in (unfinished_note("failed") or "")
    # WHEN the process is gone (the file reopened without closing: a kill)
    with HistoryStore.open(db_path) as after_kill:
        states = {s.id: s.last_state for s in after_kill.list_conversations()}
    # THEN the one left streaming is incomplete (even before the startup marks it so)
    assert states[streaming.id] == "incomplete"
    assert "cut off" in (unfinished_note("incomplete") or "")


# -- the choice of a reopened conversation ---------------------------------------------------------


def asked(*pairs: tuple[str, str]) -> list[Exchange]:
    return [
        Exchange(f"q{i}", model=model, region=region) for i, (region, model) in enumerate(pairs)
    ]


CATALOG = load_catalog()


def test_the_choice_is_the_last_exchanges_skipping_a_one_off_text_reading_question() -> None:
    exchanges = asked(("cn", "qwen3-vl-plus"), ("intl", "qwen3-vl-flash"), ("intl", "qwen-vl-ocr"))
    assert CATALOG.model("qwen-vl-ocr").ocr
    assert conversation_choice(exchanges, CATALOG) == ("intl", "qwen3-vl-flash")
    assert conversation_choice(asked(("intl", "qwen-vl-ocr")), CATALOG) == ("intl", "qwen-vl-ocr")
    assert conversation_choice([Exchange("no model")], CATALOG) is None


def test_reopening_switches_region_and_model_back() -> None:
    plan = plan_reopen(
        asked(("cn", "qwen3-vl-flash")),
        CATALOG,
        region="intl",
        model="qwen3-vl-plus",
        custom_url=None,
    )
    assert (plan.region, plan.model, plan.notices) == ("cn", "qwen3-vl-flash", ())
    same = plan_reopen(
        asked(("intl", "qwen3-vl-plus")),
        CATALOG,
        region="intl",
        model="qwen3-vl-plus",
        custom_url=None,
    )
    assert (same.region, same.model, same.notices) == (None, None, ())


@pytest.mark.parametrize(
    ("pairs", "options", "expected"),
    [
        # the region is locked by the system file
        ([("cn", "qwen3-vl-flash")], {"region_locked": True}, "locked"),
        # the model is locked
        ([("intl", "qwen3-vl-flash")], {"model_locked": True}, "locked"),
        # the model has left the catalog
        ([("intl", "qwen-vl-gone-2023")], {}, "no longer in the list of models"),
        # the configuration no longer allows it
        ([("intl", "qwen3-vl-flash")], {"allowed": ("qwen3-vl-plus",)}, "no longer allows"),
        # a custom endpoint, none set now
        ([(CUSTOM_REGION, "qwen3-vl-plus")], {}, "none is set now"),
        # a region this version does not know
        ([("mars", "qwen3-vl-plus")], {}, "does not know"),
    ],
)
def test_reopening_says_why_the_choice_cannot_come_back(
    pairs: list[tuple[str, str]], options: dict[str, object], expected: str
) -> None:
    plan = plan_reopen(
        asked(*pairs),
        CATALOG,
        region="intl",
        model="qwen3-vl-plus",
        custom_url=None,
        **options,  # type: ignore[arg-type]
    )
    assert len(plan.notices) == 1 and expected in plan.notices[0], plan.notices
    assert plan.notices[0].startswith("This conversation was asked")
    # nothing it cannot do is planned
    if options.get("region_locked") or pairs[0][0] in (CUSTOM_REGION, "mars"):
        assert plan.region is None
    if "region_locked" not in options:
        assert plan.model is None
