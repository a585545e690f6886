"""``qwenvl-desktop config show|path`` and lock violations on ``ask``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from qwenvl_desktop.cli.main import main


def system_file() -> Path:
    path = Path(os.environ["XDG_CONFIG_DIRS"]) / "qwenvl-desktop" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def user_file() -> Path:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "qwenvl-desktop" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_config_path_lists_system_then_user_file(capsys: pytest.CaptureFixture[str]) -> None:
    system_file().write_text('region = "cn"\n')
    assert main(["config", "path"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["system", str(system_file()), "(read)"]
    assert lines[1].split() == ["user", str(user_file()), "(missing)"]


def test_config_path_names_the_explicit_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    explicit = tmp_path / "team.toml"
    explicit.write_text('model = "qwen-vl-max"\n')
    monkeypatch.setenv("QWENVL_DESKTOP_CONFIG", str(explicit))
    assert main(["config", "path"]) == 0
    assert f"{explicit}  (read; named by QWENVL_DESKTOP_CONFIG)" in capsys.readouterr().out


def test_config_show_gives_each_value_and_its_layer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    system_file().write_text('region = "cn"\nlocked = ["region"]\n')
    user_file().write_text('history = false\nimage_detail = "high"\n')
    monkeypatch.setenv("QWENVL_DESKTOP_IMAGE_DETAIL", "standard")
    assert main(["config", "show", "--json", "--set", "thinking=on"]) == 0
    shown = json.loads(capsys.readouterr().out)["settings"]
    assert shown["region"] == {
        "value": "cn",
        "source": f"system file {system_file()}",
        "locked": True,
    }
    assert shown["history"]["source"] == f"user file {user_file()}"
    assert shown["image_detail"] == {
        "value": "standard",
        "source": "environment QWENVL_DESKTOP_IMAGE_DETAIL",
        "locked": False,
    }
    assert shown["thinking"]["value"] is True and shown["thinking"]["source"] == "command line"
    assert shown["model"]["source"] == "default"


def test_config_show_text_is_toml_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    import tomllib

    user_file().write_text('proxy = "http://127.0.0.1:3128"\n')
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert tomllib.loads(out)["proxy"] == "http://127.0.0.1:3128"
    assert f'proxy = "http://127.0.0.1:3128"  # user file {user_file()}' in out


def test_config_show_warns_about_bad_files_and_still_works(
    capsys: pytest.CaptureFixture[str],
) -> None:
    system_file().write_text("region = [\n")
    user_file().write_text('region = "us"\nread_timeout = "long"\n')
    assert main(["config", "show", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["settings"]["region"]["value"] == "us"
    assert f"warning: system file {system_file()}, line" in captured.err
    assert f"warning: user file {user_file()}, line 2, key 'read_timeout'" in captured.err


def test_locked_flag_on_config_show_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    system_file().write_text('region = "cn"\nlocked = ["region"]\n')
    assert main(["config", "show", "--region", "us"]) == 2
    assert "region is locked" in capsys.readouterr().err


def test_ask_with_a_locked_region_flag_exits_2_before_any_request(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    system_file().write_text('region = "cn"\nlocked = ["region"]\n')
    monkeypatch.setenv("DASHSCOPE_API_KEY", "sk-never0sent0anywhere0000000")
    assert main(["ask", "--region", "us", "hello"]) == 2
    err = capsys.readouterr().err
    assert "region is locked by the system-wide configuration" in err
    assert "cannot be changed on the command line" in err


def test_locked_environment_override_is_a_warning_not_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    system_file().write_text('region = "cn"\nlocked = ["region"]\n')
    monkeypatch.setenv("QWENVL_DESKTOP_REGION", "us")
    assert main(["config", "show", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["settings"]["region"]["value"] == "cn"
    assert "environment QWENVL_DESKTOP_REGION, key 'region': region is locked" in captured.err


def test_config_file_with_a_key_is_refused_and_points_to_key_set(
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = "sk-abcdefabcdef0123456789abcdef01"
    user_file().write_text(f'region = "us"\napi_key = "{secret}"\n')
    assert main(["config", "show", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["settings"]["region"]["value"] == "intl"
    assert "qwenvl-desktop key set" in captured.err
    assert secret not in captured.out + captured.err
