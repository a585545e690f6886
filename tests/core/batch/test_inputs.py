"""What a batch asks about: files, folders, globs and list files, each a BatchItem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qwenvl_desktop.core.batch.inputs import (
    IMAGE_EXTENSIONS,
    BatchInputError,
    BatchItem,
    collect_inputs,
    content_sha256,
)


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def sources(items: list[BatchItem]) -> list[str]:
    return [item.source for item in items]


def test_a_folder_gives_its_images_below_it_sorted_and_skips_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    for name in ("b.png", "a/z.JPG", "a/c.webp", ".hidden/d.png", "a/.e.png", "notes.txt"):
        touch(tmp_path / "in" / name)

    items = collect_inputs([str(tmp_path / "in")], "Describe")

    assert sources(items) == [str(tmp_path / "in" / n) for n in ("a/c.webp", "a/z.JPG", "b.png")]
    assert {item.prompt for item in items} == {"Describe"}


def test_files_globs_and_urls_keep_the_arguments_order_and_each_input_comes_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("s/1.png", "s/2.png", "s/deep/3.png", "page.txt"):
        touch(tmp_path / name)

    items = collect_inputs(
        ["page.txt", "s/**/*.png", "https://example.com/a.png", "s/1.png", "nothing*.png"], "Q"
    )

    # A file named directly is taken whatever it is (its row will say it is not an image);
    # relative paths become absolute, so a rerun from elsewhere finds the rows done.
    assert sources(items) == [
        str(tmp_path / "page.txt"),
        str(tmp_path / "s/1.png"),
        str(tmp_path / "s/2.png"),
        str(tmp_path / "s/deep/3.png"),
        "https://example.com/a.png",
    ]


def test_a_csv_list_gives_paths_relative_to_it_and_its_own_prompts(tmp_path: Path) -> None:
    touch(tmp_path / "lists/img/a.png")
    (tmp_path / "lists/work.csv").write_text(
        "Path,prompt\nimg/a.png,What is the total?\nhttps://x.test/b.png,\n", encoding="utf-8"
    )

    items = collect_inputs([str(tmp_path / "lists/work.csv")], "Describe")

    assert items == [
        BatchItem(str(tmp_path / "lists/img/a.png"), "What is the total?"),
        BatchItem("https://x.test/b.png", "Describe"),
    ]


def test_a_jsonl_list_gives_its_rows(tmp_path: Path) -> None:
    rows = [{"path": "a.png", "prompt": "Read it"}, {"path": "b.png", "id": 7}]
    (tmp_path / "work.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8"
    )

    items = collect_inputs([str(tmp_path / "work.jsonl")], "Describe")

    assert items == [
        BatchItem(str(tmp_path / "a.png"), "Read it"),
        BatchItem(str(tmp_path / "b.png"), "Describe"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "sentence"),
    [
        ("no-path.csv", "file,prompt\na.png,x\n", "has no 'path' column"),
        ("bad.jsonl", '{"path": "a.png"}\nnot json\n', "line 2, is not JSON"),
        ("no-path.jsonl", '{"file": "a.png"}\n', "line 1, has no 'path' field"),
        ("latin1.csv", None, "Cannot read the list"),
    ],
)
def test_a_list_that_cannot_be_used_is_a_usage_error_naming_it(
    tmp_path: Path, name: str, text: str | None, sentence: str
) -> None:
    path = tmp_path / name
    if text is None:
        path.write_bytes(b"path\n\xe9t\xe9.png\n")  # not UTF-8
    else:
        path.write_text(text, encoding="utf-8")

    with pytest.raises(BatchInputError, match=sentence):
        collect_inputs([str(path)], "Q")


def test_nothing_found_and_a_missing_path_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    touch(tmp_path / "empty/readme.txt")

    with pytest.raises(BatchInputError, match="No images found in"):
        collect_inputs([str(tmp_path / "empty"), str(tmp_path / "none*.png")], "Q")
    with pytest.raises(BatchInputError, match="no such file or folder"):
        collect_inputs([str(tmp_path / "typo.png")], "Q")


def test_the_content_hash_is_of_the_bytes_and_empty_for_urls_and_unreadable_files(
    tmp_path: Path,
) -> None:
    a, b = touch(tmp_path / "a.png", b"same"), touch(tmp_path / "b.png", b"same")

    assert content_sha256(str(a)) == content_sha256(str(b)) != ""
    assert content_sha256("https://x.test/a.png") == ""
    assert content_sha256(str(tmp_path / "missing.png")) == ""


def test_the_folder_extensions_are_what_the_image_pipeline_decodes() -> None:
    from qwenvl_desktop.core.images import decode

    assert decode._IMAGE_EXTENSIONS == IMAGE_EXTENSIONS
