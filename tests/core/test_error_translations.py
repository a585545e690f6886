"""The core's error sentences follow the interface language (issue 12), without Qt.

A class's own sentence is translated when the error is made, and so is a sentence built at a raise
site; what programs read (kind, reason, code, the exit code the kind maps to) never changes, and
the key is blanked from the translated text as from the English one. These run against the shipped
catalogs (resources/translations/*.qm).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qwenvl_desktop.core.i18n import set_language
from qwenvl_desktop.core.images import prepare_attachment
from qwenvl_desktop.core.images.errors import ImageError, ImageNotFoundError, NotAnImageError
from qwenvl_desktop.core.protocol.catalog import load_catalog
from qwenvl_desktop.core.protocol.errors import (
    AuthenticationError,
    NetworkError,
    error_from_response,
)


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    set_language("en")  # a language set by a test never outlives it


def _has_cjk(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def test_a_network_error_speaks_the_interface_language_and_keeps_its_kind() -> None:
    english = NetworkError()
    set_language("ja")
    japanese = NetworkError()
    set_language("zh_CN")
    chinese = NetworkError()
    set_language("en")
    back = NetworkError()

    assert str(english).startswith("Could not reach the service.")
    assert (
        japanese.user_message
        == "サービスに接続できませんでした。ネットワーク接続かプロキシの設定を確認してください。"
    )
    assert str(japanese) == japanese.user_message
    assert chinese.user_message.startswith("无法连接到服务。")
    assert str(back) == str(english)
    assert {english.kind, japanese.kind, chinese.kind} == {"network"}
    assert japanese.one_line().startswith("network: サービス")
    assert japanese.details()["kind"] == "network"


def test_a_service_error_is_translated_but_its_code_and_status_are_the_services(
    tmp_path: Path,
) -> None:
    set_language("ja")
    error = error_from_response(
        401,
        {"error": {"code": "invalid_api_key", "message": "Incorrect API key provided."}},
        request_id="req-1",
    )
    assert isinstance(error, AuthenticationError)
    assert error.kind == "authentication"
    assert error.code == "invalid_api_key" and error.status == 401
    assert error.detail == "Incorrect API key provided."  # the service's words stay its own
    assert _has_cjk(error.user_message) and "API キー" in error.user_message


def test_an_image_error_built_at_its_raise_site_names_the_file_in_japanese(
    tmp_path: Path,
) -> None:
    model = load_catalog().model("qwen3-vl-plus")
    missing = tmp_path / "写真.png"
    text = tmp_path / "notes.png"
    text.write_text("not an image at all\n" * 20, encoding="utf-8")

    set_language("ja")
    with pytest.raises(ImageNotFoundError) as not_found:
        prepare_attachment(str(missing), model=model)
    with pytest.raises(NotAnImageError) as not_image:
        prepare_attachment(str(text), model=model)

    assert not_found.value.reason == "not-found" and not_found.value.kind == "image"
    assert "写真.png" in str(not_found.value)
    assert "そのようなファイルはありません" in str(not_found.value)
    assert not_image.value.reason == "not-an-image"
    assert "画像データではなくテキスト" in str(not_image.value)
    assert "notes.png" in str(not_image.value) and ".png" in str(not_image.value)

    set_language("en")
    with pytest.raises(ImageError) as english:
        prepare_attachment(str(missing), model=model)
    assert str(english.value).endswith(": no such file.")
    assert not _has_cjk(str(english.value).replace("写真", ""))


def test_the_key_is_blanked_from_a_translated_sentence() -> None:
    key = "gateway-secret-0123456789"
    set_language("zh_CN")
    error = NetworkError(f"{NetworkError().user_message} ({key})").forget(key)
    assert key not in str(error) and key not in error.one_line()
    assert error.user_message.startswith("无法连接到服务。")
