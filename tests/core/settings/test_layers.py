"""Layered configuration: defaults < system file < user file < environment < command line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qwenvl_desktop.core.settings import (
    ConfigLocations,
    InvalidSettingError,
    SettingLockedError,
    Settings,
    default_locations,
    load_settings,
    save_user_settings,
)
from qwenvl_desktop.core.settings.files import key_lines
from qwenvl_desktop.core.settings.schema import to_toml_value

KEY = "sk-0123456789abcdef0123456789abcdef"


@pytest.fixture
def where(tmp_path: Path) -> ConfigLocations:
    (tmp_path / "sys").mkdir()
    (tmp_path / "user").mkdir()
    return ConfigLocations(tmp_path / "sys" / "config.toml", tmp_path / "user" / "config.toml")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_no_file_exists(where: ConfigLocations) -> None:
    loaded = load_settings(environ={}, locations=where)
    assert loaded.settings == Settings()
    assert set(loaded.sources.values()) == {"default"}
    assert loaded.problems == ()
    assert [f.status for f in loaded.files] == ["missing", "missing"]


def test_each_layer_overrides_the_one_below(where: ConfigLocations) -> None:
    write(where.system, 'region = "cn"\nmodel = "qwen-vl-max"\nproxy = "http://127.0.0.1:3128"\n')
    write(where.user, 'model = "qwen3-vl-flash"\nhistory = false\nconnect_timeout = 3\n')
    env = {"QWENVL_DESKTOP_CONNECT_TIMEOUT": "4.5", "QWENVL_DESKTOP_IMAGE_DETAIL": "high"}
    loaded = load_settings({"image_detail": "standard", "model": None}, env, locations=where)
    s = loaded.settings
    assert (s.region, s.model, s.proxy, s.history) == (
        "cn",
        "qwen3-vl-flash",
        "http://127.0.0.1:3128",
        False,
    )
    assert s.connect_timeout == 4.5
    assert s.image_detail == "standard"
    assert loaded.sources["region"] == f"system file {where.system}"
    assert loaded.sources["model"] == f"user file {where.user}"
    assert loaded.sources["connect_timeout"] == "environment QWENVL_DESKTOP_CONNECT_TIMEOUT"
    assert loaded.sources["image_detail"] == "command line"
    assert loaded.sources["read_timeout"] == "default"


def test_explicit_config_file_takes_the_user_files_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit = write(tmp_path / "elsewhere.toml", 'region = "hk"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home-config"))
    normal = tmp_path / "home-config" / "qwenvl-desktop" / "config.toml"
    normal.parent.mkdir(parents=True)
    write(normal, 'region = "us"\n')
    assert default_locations({}).user == normal
    locations = default_locations({"QWENVL_DESKTOP_CONFIG": str(explicit)})
    assert locations.user == explicit and locations.user_is_explicit
    loaded = load_settings(environ={"QWENVL_DESKTOP_CONFIG": str(explicit)})
    assert loaded.settings.region == "hk"


def test_system_file_follows_xdg_config_dirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'first'}:{tmp_path / 'second'}")
    assert default_locations({}).system == tmp_path / "first" / "qwenvl-desktop" / "config.toml"


def test_missing_explicit_file_is_reported(tmp_path: Path) -> None:
    loaded = load_settings(environ={"QWENVL_DESKTOP_CONFIG": str(tmp_path / "nope.toml")})
    assert any("QWENVL_DESKTOP_CONFIG" in p and "does not exist" in p for p in loaded.problems)


def test_invalid_toml_names_file_and_line_and_other_layers_still_apply(
    where: ConfigLocations,
) -> None:
    write(where.system, 'region = "cn"\n')
    write(where.user, 'model = "a"\nhistory = \nregion = "us"\n')
    loaded = load_settings(environ={"QWENVL_DESKTOP_MODEL": "qwen-vl-max"}, locations=where)
    assert loaded.settings.region == "cn"  # the broken user file is ignored whole
    assert loaded.settings.model == "qwen-vl-max"
    [problem] = loaded.problems
    assert str(where.user) in problem and "line 2" in problem and "invalid TOML" in problem
    assert loaded.files[1].status == "invalid"


def test_invalid_value_names_file_line_and_key_and_keeps_the_lower_value(
    where: ConfigLocations,
) -> None:
    write(where.system, 'proxy = "socks5h://127.0.0.1:1080"\n')
    write(where.user, '# comment\nregion = "us"\n\nproxy = "ftp://127.0.0.1:21"\n')
    loaded = load_settings(environ={}, locations=where)
    assert loaded.settings.region == "us"
    assert loaded.settings.proxy == "socks5h://127.0.0.1:1080"
    [notice] = loaded.notices
    assert (notice.kind, notice.key, notice.line) == ("invalid", "proxy", 4)
    assert str(where.user) in str(notice) and "socks5" in str(notice)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("region", "CN", "cn"),
        ("base_url", "https://gw.example/v1/", "https://gw.example/v1"),
        ("base_url", "none", None),
        ("allowed_models", "qwen3-vl-plus, qwen-vl-max,,", ("qwen3-vl-plus", "qwen-vl-max")),
        ("proxy", "socks5://127.0.0.1:9050", "socks5://127.0.0.1:9050"),
        ("proxy", "https://proxy.corp:8443", "https://proxy.corp:8443"),
        ("ca_bundle", "certifi", "certifi"),
        ("read_timeout", "12", 12.0),
        ("thinking", "on", True),
        ("thinking", "off", False),
        ("thinking", "auto", None),
        ("history", "no", False),
        ("language", "zh_CN", "zh_CN"),
        ("language", "system", None),
        ("region_urls", "cn=http://127.0.0.1:1/v1", (("cn", "http://127.0.0.1:1/v1"),)),
    ],
)
def test_environment_text_is_parsed_per_setting(
    where: ConfigLocations, name: str, text: str, expected: object
) -> None:
    loaded = load_settings(environ={f"QWENVL_DESKTOP_{name.upper()}": text}, locations=where)
    assert loaded.problems == ()
    assert getattr(loaded.settings, name) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("region", "mars"),
        ("base_url", "gw.example/v1"),
        ("proxy", "ftp://x:1"),
        ("ca_bundle", "/does/not/exist.pem"),
        ("connect_timeout", "0"),
        ("connect_timeout", "soon"),
        ("image_detail", "ultra"),
        ("thinking", "maybe"),
        ("language", "english please"),
        ("region_urls", "moon=http://x"),
    ],
)
def test_bad_environment_values_are_reported_and_ignored(
    where: ConfigLocations, name: str, text: str
) -> None:
    var = f"QWENVL_DESKTOP_{name.upper()}"
    loaded = load_settings(environ={var: text}, locations=where)
    assert getattr(loaded.settings, name) == getattr(Settings(), name)
    [problem] = loaded.problems
    assert problem.startswith(f"environment {var}, key '{name}'")


def test_ca_bundle_relative_to_the_file_and_checked_as_pem(where: ConfigLocations) -> None:
    write(where.system.parent / "bad.pem", "not a certificate\n")
    write(where.system, 'ca_bundle = "bad.pem"\n')
    loaded = load_settings(environ={}, locations=where)
    assert loaded.settings.ca_bundle == "system"
    assert "cannot be loaded as PEM" in loaded.problems[0]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f'region = "cn"\napi_key = "{KEY}"\n', 2),
        (f'region = "cn"\n[auth]\ndashscope_api_key = "{KEY}"\n', 3),
        (f'region = "cn"\nmodel = "{KEY}"\n', 2),
        ('region = "cn"\napi_key = ""\n', 2),
    ],
)
def test_a_file_holding_an_api_key_is_refused_whole(
    where: ConfigLocations, text: str, line: int
) -> None:
    write(where.user, text)
    loaded = load_settings(environ={}, locations=where)
    assert loaded.settings.region == "intl"
    assert loaded.files[1].status == "refused"
    [problem] = loaded.problems
    assert "key set" in problem and f"line {line}," in problem and str(where.user) in problem
    assert KEY not in problem and "0123456789abcdef" not in problem


def test_locked_settings_keep_the_system_value(where: ConfigLocations) -> None:
    write(where.system, 'region = "cn"\nlocked = ["region", "base_url", "proxy"]\n')
    write(where.user, 'region = "us"\nmodel = "qwen-vl-max"\n')
    env = {"QWENVL_DESKTOP_PROXY": "http://127.0.0.1:8080", "QWENVL_DESKTOP_REGION": "hk"}
    loaded = load_settings({"base_url": "http://127.0.0.1:1/v1"}, env, locations=where)
    s = loaded.settings
    assert (s.region, s.base_url, s.proxy, s.model) == ("cn", None, None, "qwen-vl-max")
    assert s.locked == {"region", "base_url", "proxy"} and loaded.is_locked("proxy")
    kinds = [(n.kind, n.key, n.origin.split()[0]) for n in loaded.notices]
    assert kinds == [
        ("locked", "region", "user"),
        ("locked", "region", "environment"),
        ("locked", "proxy", "environment"),
        ("locked", "base_url", "command"),
    ]
    [flag_error] = loaded.flag_errors
    assert "base_url is locked" in flag_error and "command line" in flag_error


def test_repeating_the_locked_value_on_the_command_line_is_fine(where: ConfigLocations) -> None:
    write(where.system, 'region = "cn"\nlocked = ["region"]\n')
    loaded = load_settings({"region": "cn"}, {}, locations=where)
    assert loaded.flag_errors == () and loaded.problems == ()


def test_only_the_system_file_can_lock(where: ConfigLocations) -> None:
    write(where.system, 'locked = ["region", "colour"]\n')
    write(where.user, 'locked = []\nregion = "us"\n')
    loaded = load_settings(environ={}, locations=where)
    assert loaded.settings.locked == {"region"}
    assert loaded.settings.region == "intl"
    assert any("colour" in p for p in loaded.problems)
    assert any("only the system-wide file can lock" in p for p in loaded.problems)


def test_unknown_settings_are_reported_with_their_line(where: ConfigLocations) -> None:
    write(where.user, 'region = "us"\ncolour = "blue"\n')
    loaded = load_settings(environ={}, locations=where)
    [notice] = loaded.notices
    assert (notice.kind, notice.key, notice.line) == ("unknown", "colour", 2)


def test_a_region_in_a_higher_layer_replaces_a_lower_base_url(where: ConfigLocations) -> None:
    write(where.system, 'base_url = "http://127.0.0.1:9/v1"\n')
    assert load_settings(environ={}, locations=where).settings.effective_region == "custom"
    loaded = load_settings({"region": "cn"}, {}, locations=where)
    assert loaded.settings.base_url is None
    assert loaded.settings.effective_region == "cn"


def test_region_urls_replace_a_regions_endpoint(where: ConfigLocations) -> None:
    write(where.user, 'region = "cn"\n[region_urls]\ncn = "http://127.0.0.1:7/cn/v1"\n')
    s = load_settings(environ={}, locations=where).settings
    assert s.endpoint_base_url() == "http://127.0.0.1:7/cn/v1"
    assert s.region_base_url("intl").startswith("https://dashscope-intl.")


def test_allowed_models_restrict_the_model(where: ConfigLocations) -> None:
    write(where.system, 'allowed_models = ["qwen-vl-max", "qwen3-vl-flash"]\n')
    assert load_settings(environ={}, locations=where).settings.model == "qwen-vl-max"
    write(where.user, 'model = "qvq-max"\n')
    loaded = load_settings(environ={}, locations=where)
    assert loaded.settings.model == "qwen-vl-max"
    assert "not in allowed_models" in loaded.problems[0]
    flagged = load_settings({"model": "qvq-max"}, {}, locations=where)
    assert flagged.flag_errors and "qvq-max" in flagged.flag_errors[0]
    ok = load_settings({"model": "qwen3-vl-flash"}, {}, locations=where)
    assert ok.settings.model == "qwen3-vl-flash" and ok.flag_errors == ()


def test_client_settings_carry_network_settings(where: ConfigLocations) -> None:
    write(where.user, 'proxy = "socks5h://127.0.0.1:1080"\nstream_read_timeout = 30\n')
    cs = load_settings(environ={}, locations=where).settings.client_settings()
    assert (cs.proxy, cs.stream_read_timeout, cs.ca_bundle) == (
        "socks5h://127.0.0.1:1080",
        30.0,
        "system",
    )


# -- saving ----------------------------------------------------------------------------------------


def test_saved_settings_load_back(where: ConfigLocations) -> None:
    path = save_user_settings(
        {
            "region": "us",
            "history": False,
            "allowed_models": ("a", "b"),
            "thinking": "auto",
            "region_urls": {"cn": "http://127.0.0.1:3/v1"},
        },
        locations=where,
    )
    assert path == where.user
    s = load_settings(environ={}, locations=where).settings
    assert (s.region, s.history, s.allowed_models, s.thinking) == ("us", False, ("a", "b"), None)
    assert s.region_urls == (("cn", "http://127.0.0.1:3/v1"),)
    save_user_settings({"region": None}, locations=where)
    assert load_settings(environ={}, locations=where).settings.region == "intl"


def test_saving_keeps_the_persons_comments_and_order(where: ConfigLocations) -> None:
    """The window saves the region and model it was left on: the file stays the person's own."""
    original = (
        "# work laptop\n"
        'proxy = "http://proxy.corp:3128"  # the office proxy\n'
        'region = "cn"\n'
        "\n"
        "[region_urls]  # our gateway\n"
        'cn = "https://gw.example/cn/v1"\n'
    )
    write(where.user, original)
    save_user_settings({"region": "intl", "model": "qwen3-vl-flash"}, locations=where)
    text = where.user.read_text(encoding="utf-8")
    assert text.startswith('# work laptop\nproxy = "http://proxy.corp:3128"  # the office proxy\n')
    assert 'region = "intl"' in text and 'model = "qwen3-vl-flash"' in text
    assert text.index('model = "qwen3-vl-flash"') < text.index("[region_urls]  # our gateway")
    assert text.endswith('cn = "https://gw.example/cn/v1"\n')
    settings = load_settings(environ={}, locations=where).settings
    assert (settings.region, settings.model) == ("intl", "qwen3-vl-flash")


def test_saving_refuses_locked_invalid_and_secret_values(where: ConfigLocations) -> None:
    write(where.system, 'locked = ["proxy"]\n')
    write(where.user, 'region = "hk"\n')
    with pytest.raises(SettingLockedError):
        save_user_settings({"proxy": "http://127.0.0.1:1"}, locations=where)
    with pytest.raises(InvalidSettingError):
        save_user_settings({"connect_timeout": -1}, locations=where)
    with pytest.raises(InvalidSettingError) as info:
        save_user_settings({"api_key": KEY}, locations=where)
    assert KEY not in str(info.value)
    with pytest.raises(InvalidSettingError):
        save_user_settings({"model": KEY}, locations=where)
    assert where.user.read_text() == 'region = "hk"\n'


# -- helpers ---------------------------------------------------------------------------------------


def test_key_lines_follow_tables_and_dotted_keys() -> None:
    text = 'a = 1\n\n[region_urls]\ncn = "x"\n"hk" = "y"\n[t]\nsub.key = 2\n'
    assert key_lines(text) == {
        "a": 1,
        "region_urls": 3,
        "region_urls.cn": 4,
        "region_urls.hk": 5,
        "t": 6,
        "t.sub.key": 7,
    }


@given(st.text(max_size=40))
def test_strings_written_as_toml_read_back_unchanged(text: str) -> None:
    assert tomllib.loads(f"v = {to_toml_value(text)}")["v"] == text
