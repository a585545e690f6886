"""The command line in the interface language: real ``qwenvl-desktop`` processes with
``QWENVL_DESKTOP_LANGUAGE`` (or ``LANG``) set, reading the shipped catalogs.

Help, error lines and notes follow the language; what scripts read does not: exit statuses,
``--json``'s keys and machine fields, option and model names.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata

import pytest

from tests.support.dashscope_server import LoopbackDashScope


def run_cli(
    *args: str, language: str | None, key: str | None = None, lang: str = "C.UTF-8"
) -> subprocess.CompletedProcess[str]:
    """``qwenvl-desktop ARGS`` with ``language`` as the setting (None: not set) and ``lang`` as
    the system's locale; no key but ``key``, no keyring."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DASHSCOPE_API_KEY", "LC_", "QWENVL_DESKTOP_LANGUAGE"))
        and k not in ("LANGUAGE", "LANG", "COLUMNS")
    }
    env |= {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "LANG": lang}
    if language is not None:
        env["QWENVL_DESKTOP_LANGUAGE"] = language
    if key is not None:
        env["DASHSCOPE_API_KEY"] = key
    return subprocess.run(
        [sys.executable, "-m", "qwenvl_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
        check=False,
    )


def test_given_japanese_when_asking_for_help_then_the_help_is_japanese() -> None:
    english = run_cli("ask", "--help", language=None)
    japanese = run_cli("ask", "--help", language="ja")
    assert english.returncode == japanese.returncode == 0
    assert english.stdout.startswith("usage: qwenvl-desktop ask")
    assert "an image to send" in english.stdout and "options:" in english.stdout
    assert japanese.stdout.startswith("使い方: qwenvl-desktop ask")
    assert "オプション:" in japanese.stdout and "an image to send" not in japanese.stdout
    # the words: "the image to send" and the help option's own sentence
    flat = "".join(japanese.stdout.split())
    assert "送信する画像" in flat and "このヘルプを表示して終了します" in flat
    # option names, metavars and choices stay as they are
    for kept in ("--image PATH_OR_URL", "--no-thinking", "{standard,high,economy}"):
        assert kept in japanese.stdout


def test_given_chinese_from_the_system_locale_then_the_help_is_chinese() -> None:
    result = run_cli("--help", language=None, lang="zh_CN.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("用法: qwenvl-desktop")
    assert "选项" in result.stdout


def test_given_japanese_then_help_lines_fit_the_terminal() -> None:
    """argparse wraps at spaces only; Japanese lines are wrapped by their width instead."""
    result = run_cli("ask", "--help", language="ja")
    env_columns = 80  # argparse's width without a terminal: 80 columns, less its margin

    def columns(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)

    too_wide = [line for line in result.stdout.splitlines() if columns(line) > env_columns]
    assert too_wide == []


def test_given_japanese_when_the_question_is_missing_then_the_error_line_is_japanese() -> None:
    english = run_cli("ask", "--region", "cn", language="en")
    japanese = run_cli("ask", "--region", "cn", language="ja")
    assert english.returncode == japanese.returncode == 2
    assert english.stderr == (
        "qwenvl-desktop: error: Give a question (PROMPT) or a task (--task ocr, table, …).\n"
    )
    assert japanese.stderr == (
        "qwenvl-desktop: エラー: 質問（PROMPT）かタスク（--task ocr、table など）を"
        "指定してください。\n"
    )


def test_given_japanese_when_an_option_is_out_of_range_then_argparse_says_it_in_japanese() -> None:
    result = run_cli("ask", "--fps", "20", "x", language="ja")
    assert result.returncode == 2
    usage, *_, last = result.stderr.strip().splitlines()
    assert usage.startswith("使い方: qwenvl-desktop ask")
    assert last == (
        "qwenvl-desktop ask: エラー: argument --fps: 20 は 0.1〜10 フレーム/秒の範囲外です"
    )


def test_given_japanese_when_no_key_is_found_then_the_sentence_is_japanese() -> None:
    result = run_cli("ask", "--region", "cn", "hi", language="ja")
    assert result.returncode == 3
    assert "リージョン 'cn' の API キーがありません" in result.stderr
    # environment variable names and the command to run are not translated
    assert "DASHSCOPE_API_KEY" in result.stderr and "key set --region cn" in result.stderr


@pytest.mark.parametrize("scenario", ["reasoning", "e401-invalid_api_key"])
def test_given_japanese_then_json_output_and_exit_status_are_unchanged(
    threaded_server: LoopbackDashScope, test_key: str, scenario: str
) -> None:
    args = ("ask", "--base-url", threaded_server.base_url(scenario), "--json", "What is this")
    english = run_cli(*args, language="en", key=test_key)
    japanese = run_cli(*args, language="ja", key=test_key)
    assert english.returncode == japanese.returncode
    english_out, japanese_out = json.loads(english.stdout), json.loads(japanese.stdout)
    # the error's sentence is for people (it may be translated); every other field is for scripts
    for out in (english_out, japanese_out):
        if out.get("error"):
            out["error"].pop("sentence")
    assert japanese_out == english_out
    assert set(english_out) >= {"content", "reasoning", "finish_reason", "model", "usage"}


def test_given_japanese_when_listing_models_then_names_stay_and_the_legend_is_japanese() -> None:
    english = run_cli("models", "--region", "intl", language="en")
    japanese = run_cli("models", "--region", "intl", language="ja")
    assert english.returncode == japanese.returncode == 0

    def model_lines(text: str) -> list[str]:
        lines = text.splitlines()
        return lines[1 : lines.index("")]

    assert model_lines(japanese.stdout) == model_lines(english.stdout)
    assert "フラグ:" in japanese.stdout and "Flags:" not in japanese.stdout
