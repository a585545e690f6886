"""``ask --annotate OUT.png`` and ``--json``'s boxes: real processes against the loopback server.

The server answers with grounding JSON as each family would; the images are generated here, and
the written PNG is read back pixel by pixel.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from qwenvl_desktop.core.grounding import label_colour
from tests.cli.test_ask import run_cli
from tests.support.dashscope_server import (
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    usage_json,
)

GREY = (128, 128, 128)
BLUE = (200, 220, 240)


def answer_with(server: LoopbackDashScope, name: str, text: str, finish: str = "stop") -> str:
    """A scenario ``name`` that streams ``text`` in small pieces; its base URL."""

    async def scenario(srv: LoopbackDashScope, req: RecordedRequest, reply: Reply) -> None:
        await reply.start()
        await reply.send(chunk_json({"content": "", "role": "assistant"}))
        for i in range(0, len(text), 7):
            await reply.send(chunk_json({"content": text[i : i + 7]}))
        await reply.send(chunk_json({"content": ""}, finish))
        await reply.send(usage_json(900, len(text) // 3))
        await reply.send(DONE)
        await reply.end()

    server.add_scenario(name, scenario)
    return server.base_url(name)


def image_file(
    tmp_path: Path, name: str, size: tuple[int, int], colour: tuple[int, int, int]
) -> str:
    path = tmp_path / name
    Image.new("RGB", size, colour).save(path)
    return str(path)


def ask(base_url: str, model: str, *extra: str, key: str) -> tuple[int, str, str]:
    result = run_cli(
        "ask", "--base-url", base_url, "--model", model, *extra, "Find the things", key=key
    )
    return result.returncode, result.stdout, result.stderr


def read_back(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("RGB")


def test_relative_family_boxes_drawn_at_original_size_and_listed_in_json(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    # GIVEN a 1000×800 image and a Qwen3-VL answer on the 0–1000 grid
    answer = (
        '```json\n[{"bbox_2d": [100, 250, 600, 750], "label": "cat"},\n'
        ' {"point_2d": [800, 500], "label": "ball"}]\n```'
    )
    url = answer_with(threaded_server, "ground-relative", answer)
    picture = image_file(tmp_path, "photo.png", (1000, 800), GREY)
    out = tmp_path / "out.png"
    # WHEN ask --annotate --json runs
    status, stdout, stderr = ask(
        url, "qwen3-vl-plus", "--image", picture, "--annotate", str(out), "--json", key=test_key
    )
    # THEN the JSON lists them in pixels of the original, images 1-based
    assert status == 0, stderr
    result = json.loads(stdout)
    assert result["boxes"] == [{"label": "cat", "bbox": [100, 200, 600, 600], "image": 1}]
    assert result["points"] == [{"label": "ball", "point": [800, 400], "image": 1}]
    # AND OUT.png is the original's size with the box on those pixels
    drawn = read_back(out)
    labels = ("cat", "ball")
    assert drawn.size == (1000, 800)
    assert drawn.getpixel((100, 400)) == label_colour("cat", labels)
    assert drawn.getpixel((599, 400)) == label_colour("cat", labels)
    assert drawn.getpixel((99, 400)) == GREY and drawn.getpixel((600, 400)) == GREY
    assert drawn.getpixel((800, 400)) == label_colour("ball", labels)


def test_absolute_family_is_mapped_through_the_services_resize(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    # GIVEN a 2800×1400 image: Qwen2.5-VL sees it as 1400×700 (1,003,520 px on the 28 px grid),
    # and answers in those pixels
    answer = '[{"bbox_2d": [140, 70, 700, 350], "label": "car"}]'
    url = answer_with(threaded_server, "ground-absolute", answer)
    picture = image_file(tmp_path, "wide.png", (2800, 1400), GREY)
    out = tmp_path / "wide-boxes.png"
    status, stdout, stderr = ask(
        url,
        "qwen2.5-vl-7b-instruct",
        "--image",
        picture,
        "--annotate",
        str(out),
        "--json",
        key=test_key,
    )
    assert status == 0, stderr
    assert json.loads(stdout)["boxes"] == [
        {"label": "car", "bbox": [280, 140, 1400, 700], "image": 1}
    ]
    drawn = read_back(out)
    assert drawn.size == (2800, 1400)
    assert drawn.getpixel((280, 400)) == label_colour("car", ("car",))
    assert drawn.getpixel((279, 400)) == GREY


def test_the_image_the_answer_names_and_annotate_image(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    answer = 'In the second image:\n```json\n[{"bbox_2d": [0, 0, 500, 500], "label": "sky"}]\n```'
    url = answer_with(threaded_server, "ground-second", answer)
    first = image_file(tmp_path, "a.png", (1000, 800), GREY)
    second = image_file(tmp_path, "b.png", (600, 400), BLUE)
    images = ("--image", first, "--image", second)
    on_second = tmp_path / "second.png"
    status, stdout, stderr = ask(
        url,
        "qwen3-vl-plus",
        *images,
        "--annotate",
        str(on_second),
        "--annotate-image",
        "2",
        "--json",
        key=test_key,
    )
    assert status == 0, stderr
    assert json.loads(stdout)["boxes"] == [{"label": "sky", "bbox": [0, 0, 300, 200], "image": 2}]
    drawn = read_back(on_second)
    assert drawn.size == (600, 400)
    assert drawn.getpixel((0, 100)) == label_colour("sky", ("sky",))
    assert drawn.getpixel((300, 100)) == BLUE
    # AND the first image has no box: nothing written, one line on stderr, success
    on_first = tmp_path / "first.png"
    status, stdout, stderr = ask(
        url, "qwen3-vl-plus", *images, "--annotate", str(on_first), key=test_key
    )
    assert status == 0
    assert stdout.startswith("In the second image:")
    assert len(stderr.splitlines()) == 1 and "image 1" in stderr
    assert not on_first.exists()


def test_no_box_in_the_answer_writes_nothing_and_succeeds(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    picture = image_file(tmp_path, "photo.png", (300, 200), GREY)
    out = tmp_path / "out.png"
    status, stdout, stderr = ask(
        threaded_server.base_url("seed"),
        "qwen3-vl-plus",
        "--image",
        picture,
        "--annotate",
        str(out),
        "--json",
        key=test_key,
    )
    assert status == 0
    result = json.loads(stdout)
    assert result["boxes"] == [] and result["points"] == []
    assert len(stderr.splitlines()) == 1 and str(out) in stderr
    assert not out.exists()


def test_an_answer_cut_mid_json_draws_its_complete_boxes(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    answer = (
        '```json\n[{"bbox_2d": [0, 0, 250, 250], "label": "a"}, '
        '{"bbox_2d": [500, 500, 1000, 1000], "label": "b"}, {"bbox_2d": [10, 2'
    )
    url = answer_with(threaded_server, "ground-cut", answer, finish="length")
    picture = image_file(tmp_path, "photo.png", (400, 400), GREY)
    out = tmp_path / "cut.png"
    status, stdout, stderr = ask(
        url, "qwen3-vl-plus", "--image", picture, "--annotate", str(out), "--json", key=test_key
    )
    assert status == 0, stderr
    assert [b["label"] for b in json.loads(stdout)["boxes"]] == ["a", "b"]
    drawn = read_back(out)
    assert drawn.getpixel((0, 50)) == label_colour("a", ("a", "b"))
    assert drawn.getpixel((200, 300)) == label_colour("b", ("a", "b"))


def test_values_above_1000_are_read_as_pixels_with_a_note(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    # qwen3-vl sends a 2048×1024 image as it is (on the 32 px grid, within its budget)
    answer = '[{"bbox_2d": [1024, 0, 2048, 1024], "label": "right half"}]'
    url = answer_with(threaded_server, "ground-pixels", answer)
    picture = image_file(tmp_path, "photo.png", (2048, 1024), GREY)
    status, stdout, stderr = ask(url, "qwen3-vl-plus", "--image", picture, "--json", key=test_key)
    assert status == 0, stderr
    assert json.loads(stdout)["boxes"][0]["bbox"] == [1024, 0, 2048, 1024]
    assert "above 1000" in stderr and "2048×1024" in stderr


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        (("--annotate", "out.png"), "--image"),
        (("--annotate", "out.png", "--image", "IMG", "--annotate-image", "2"), "1 image"),
        (("--annotate-image", "1", "--image", "IMG"), "--annotate"),
        (("--annotate", "out.unknown", "--image", "IMG"), ".png"),
    ],
)
def test_an_annotate_that_cannot_be_drawn_is_refused_before_sending(
    threaded_server: LoopbackDashScope,
    test_key: str,
    tmp_path: Path,
    extra: tuple[str, ...],
    says: str,
) -> None:
    picture = image_file(tmp_path, "photo.png", (300, 200), GREY)
    args = tuple(
        picture if a == "IMG" else str(tmp_path / a) if a.startswith("out") else a for a in extra
    )
    status, _stdout, stderr = ask(
        threaded_server.base_url("seed"), "qwen3-vl-plus", *args, key=test_key
    )
    assert status == 2 and says in stderr
    assert threaded_server.chat_requests("seed") == []
    assert not list(tmp_path.glob("out*"))


def test_drawn_on_the_upright_original_of_a_rotated_photo(
    threaded_server: LoopbackDashScope, test_key: str, tmp_path: Path
) -> None:
    # GIVEN a JPEG stored 400×200 whose EXIF says "turn 90° clockwise": 200×400 upright
    path = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (400, 200), GREY).save(path, exif=exif, quality=95)
    url = answer_with(
        threaded_server, "ground-rotated", '{"bbox_2d": [0, 0, 500, 500], "label": "q"}'
    )
    out = tmp_path / "upright.png"
    status, stdout, stderr = ask(
        url, "qwen3-vl-plus", "--image", str(path), "--annotate", str(out), "--json", key=test_key
    )
    assert status == 0, stderr
    assert json.loads(stdout)["boxes"][0]["bbox"] == [0, 0, 100, 200]
    drawn = read_back(out)
    assert drawn.size == (200, 400)
    assert drawn.getpixel((0, 150)) == label_colour("q", ("q",))
    assert drawn.getpixel((99, 150)) == label_colour("q", ("q",))
