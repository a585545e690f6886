"""Model names a gateway uses (``[models."gw-vision"] like = "qwen3-vl-plus"``): they behave like
their catalog model in ``ask`` and are listed by ``models``, as real processes."""

from __future__ import annotations

from pathlib import Path

import pytest

from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.settings import ConfigLocations, load_settings
from tests.cli.test_ask import run_cli
from tests.support.dashscope_server import LoopbackDashScope


def gateway_config(folder: Path, base_url: str) -> Path:
    path = folder / "config.toml"
    path.write_text(
        "# the company gateway renames the models\n"
        f'base_url = "{base_url}"\n\n'
        '[models."gw-vision"]\nlike = "qwen3-vl-plus"\n\n'
        '[models."gw-reasoner"]  # always thinks, answers only as a stream\nlike = "qvq-max"\n',
        encoding="utf-8",
    )
    return path


def test_an_alias_behaves_like_its_model_in_the_catalog() -> None:
    catalog = load_catalog().with_aliases({"gw-vision": "qwen3-vl-plus"})
    alias, model = catalog.model("gw-vision"), catalog.model("qwen3-vl-plus")
    assert alias.like == "qwen3-vl-plus" and alias.grid == model.grid == 32
    assert alias.flags()[-1] == "like:qwen3-vl-plus" and "unlisted" not in alias.flags()
    unknown = load_catalog().model("gw-vision")
    assert unknown.grid == 28 and "unlisted" in unknown.flags()  # what it was before
    # offered on a custom endpoint; in a region only when a gateway replaced its endpoint
    assert "gw-vision" in {m.name for m in catalog.models_for_region("custom")}
    assert "gw-vision" not in {m.name for m in catalog.models_for_region("intl")}
    behind = load_catalog().with_aliases({"gw-vision": "qwen3-vl-plus"}, ["intl"])
    assert "gw-vision" in {m.name for m in behind.models_for_region("intl")}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[models."gw"]\nlike = "no-such-model"\n', "must name a model of the built-in catalog"),
        ('[models."gw"]\nsame = "qwen3-vl-plus"\n', "must name a model of the built-in catalog"),
        ('[models."qwen3-vl-plus"]\nlike = "qwen3-vl-flash"\n', "in the built-in catalog"),
    ],
)
def test_a_wrong_alias_is_reported_with_its_line(tmp_path: Path, text: str, problem: str) -> None:
    user = tmp_path / "config.toml"
    user.write_text(text, encoding="utf-8")
    loaded = load_settings(environ={}, locations=ConfigLocations(tmp_path / "none.toml", user))
    assert loaded.settings.models == ()
    assert any(problem in str(p) for p in loaded.problems), loaded.problems


def test_aliases_from_the_environment() -> None:
    environ = {"QWENVL_DESKTOP_MODELS": "gw-vision=qwen3-vl-plus, gw-ocr=qwen-vl-ocr"}
    loaded = load_settings(environ=environ)
    assert loaded.settings.models == (("gw-ocr", "qwen-vl-ocr"), ("gw-vision", "qwen3-vl-plus"))


def test_models_lists_the_aliases_with_what_they_are_like(tmp_path: Path) -> None:
    config = gateway_config(tmp_path, "https://gateway.example/v1")
    result = run_cli("models", env={"QWENVL_DESKTOP_CONFIG": str(config)})
    assert result.returncode == 0, result.stderr
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("gw-vision "))
    assert line.endswith("like:qwen3-vl-plus") and "grid:32" in line
    assert "like:NAME" in result.stdout  # the legend explains the flag


def test_ask_applies_the_alias_model_rules(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    config = gateway_config(tmp_path, threaded_server.base_url("echo"))
    env = {"QWENVL_DESKTOP_CONFIG": str(config)}
    # the stream-only rule of qvq-max holds for its alias: refused before anything is sent
    refused = run_cli("ask", "--model", "gw-reasoner", "--no-stream", "hi", key=test_key, env=env)
    assert refused.returncode == 2 and "only answers as a stream" in refused.stderr
    assert threaded_server.requests == []
    # and the name the gateway knows is the one sent
    sent = run_cli("ask", "--model", "gw-vision", "hi", key=test_key, env=env)
    assert sent.returncode == 0, sent.stderr
    (request,) = threaded_server.chat_requests()
    assert request.body["model"] == "gw-vision"
