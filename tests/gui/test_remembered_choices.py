"""The region, model and endpoint picked in the window are there at the next start (issue 11:
they reset at each start), unless the command line or the system file fixed them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from .conftest import WindowFactory

pytestmark = pytest.mark.gui


def user_file() -> Path:
    return Path(os.environ["QWENVL_DESKTOP_CONFIG"])  # the test's own (tests/gui/conftest.py)


def test_a_picked_region_and_model_open_the_next_start(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    user_file().parent.mkdir(parents=True, exist_ok=True)
    user_file().write_text("# mine\nhistory = true  # keep it\n", encoding="utf-8")
    first = make_window()
    assert (first.controller.region, first.controller.model) == ("intl", "qwen3-vl-plus")
    first.controller.set_region("cn")
    first.controller.set_model("qwen-vl-max")
    qtbot.waitUntil(lambda: 'model = "qwen-vl-max"' in user_file().read_text(), timeout=5000)
    text = user_file().read_text(encoding="utf-8")
    assert text.startswith("# mine\nhistory = true  # keep it\n") and 'region = "cn"' in text
    second = make_window()
    assert (second.controller.region, second.controller.model) == ("cn", "qwen-vl-max")


def test_choices_given_on_the_command_line_are_for_that_start_only(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window("--region", "hk", "--model", "qwen3-vl-plus")
    window.controller.set_region("cn")
    window.controller.set_model("qwen-vl-max")
    assert window.remembered_choices is not None
    assert window.remembered_choices.changes() == {}
    qtbot.wait(1000)  # past the save delay
    assert not user_file().exists()


def test_a_custom_endpoint_is_remembered_as_its_base_url(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.controller.set_region("custom", "https://gateway.example/compatible-mode/v1")
    qtbot.waitUntil(
        lambda: user_file().exists() and "base_url" in user_file().read_text(), timeout=5000
    )
    assert 'base_url = "https://gateway.example/compatible-mode/v1"' in user_file().read_text()
    assert 'region = "custom"' not in user_file().read_text()
