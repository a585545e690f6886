"""Screenshot of the window for the documentation: two images asked about, a streamed answer.

Run under a real X display (Xvfb), from the repository root::

    xvfb-run -s "-screen 0 1600x1100x24" .venv-test/bin/python bench/screenshot.py
        [docs/screenshot.png] [--size 1280x900]

``QWENVL_DESKTOP_LANGUAGE=ja`` (or ``zh_CN``) shows the window in that language.
``--size`` sets the window's size (e.g. ``800x600`` to check the smallest useful window; the
window keeps its minimum size if that is larger).

It builds the real window (``create_main_window``) against the loopback DashScope server in a
thread, with a scenario that thinks and then streams a Markdown answer about the two generated
images (a bar chart and a landscape). After the answer has streamed and rendered, the two images
are added again with a follow-up question typed but not sent, so the image pane shows its
thumbnails too. The window is grabbed to a PNG, quantised to stay small.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.dashscope_server import (  # noqa: E402
    DONE,
    LoopbackDashScope,
    RecordedRequest,
    Reply,
    chunk_json,
    usage_json,
)

KEY = "sk-screenshot0123456789abcdef"

REASONING = (
    "The first image is a bar chart with four bars labelled Q1 to Q4; the second is a landscape "
    "at sunset. The user wants both described and the chart's numbers read off, so I should "
    "estimate each bar against the grid lines and then summarise the trend."
)

ANSWER = """## What the two images show

**Image 1 — a bar chart.** Four quarterly bars rise steadily; Q4 is the tallest.

| Quarter | Approx. value | Change |
|---|---|---|
| Q1 | 42 | – |
| Q2 | 58 | +38% |
| Q3 | 71 | +22% |
| Q4 | 88 | +24% |

**Image 2 — a landscape at sunset.** An orange sun sits low over two green hills under a sky \
that fades from gold to deep blue.

Key points:

- The chart's trend is *up and to the right*: Q4 is about **2.1×** Q1.
- The photo has no text or people; it is a calm scene.

To plot the table yourself:

```python
import matplotlib.pyplot as plt
plt.bar(["Q1", "Q2", "Q3", "Q4"], [42, 58, 71, 88])
plt.show()
```
"""


async def scenario(server: LoopbackDashScope, request: RecordedRequest, reply: Reply) -> None:
    """Reasoning, then the answer in small pieces, like the real service."""
    await reply.start()
    await reply.send(chunk_json({"content": None, "role": "assistant", "reasoning_content": ""}))
    for i in range(0, len(REASONING), 12):
        piece = REASONING[i : i + 12]
        await reply.send(chunk_json({"content": None, "reasoning_content": piece}))
        await asyncio.sleep(0.004)
    for i in range(0, len(ANSWER), 6):
        await reply.send(chunk_json({"content": ANSWER[i : i + 6]}))
        await asyncio.sleep(0.003)
    await reply.send(chunk_json({"content": "", "reasoning_content": None}, "stop"))
    usage = usage_json(
        2614,
        412,
        completion_tokens_details={"reasoning_tokens": 58},
        prompt_tokens_details={"image_tokens": 2530},
    )
    await reply.send(usage)
    await reply.send(DONE)
    await reply.end()


def bar_chart(path: Path) -> Path:
    image = Image.new("RGB", (960, 640), "white")
    draw = ImageDraw.Draw(image)
    for y in range(80, 561, 80):
        draw.line([(90, y), (900, y)], fill=(220, 224, 230), width=2)
    draw.line([(90, 560), (900, 560)], fill=(60, 60, 60), width=3)
    draw.line([(90, 60), (90, 560)], fill=(60, 60, 60), width=3)
    colours = [(66, 133, 244), (52, 168, 83), (251, 188, 5), (234, 67, 53)]
    for i, (value, colour) in enumerate(zip((42, 58, 71, 88), colours, strict=True)):
        left = 150 + i * 190
        top = 560 - value * 5.5
        draw.rectangle([left, top, left + 120, 558], fill=colour)
        draw.text((left + 45, 575), f"Q{i + 1}", fill=(40, 40, 40))
    image.save(path, "PNG")
    return path


def landscape(path: Path) -> Path:
    width, height = 1280, 854
    sky = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(sky)
    for y in range(height):
        t = y / height
        colour = (int(250 - 200 * t), int(190 - 120 * t), int(90 + 60 * t))
        draw.line([(0, y), (width, y)], fill=colour)
    draw.ellipse([760, 360, 980, 580], fill=(255, 140, 40))
    draw.polygon([(0, 854), (0, 600), (380, 470), (760, 640), (760, 854)], fill=(46, 110, 60))
    draw.polygon([(420, 854), (900, 560), (1280, 650), (1280, 854)], fill=(34, 85, 48))
    sky.save(path, "JPEG", quality=88)
    return path


async def shoot(
    out: Path, size: tuple[int, int], image_dir: Path, server: LoopbackDashScope
) -> None:
    from PySide6.QtCore import QBuffer, QIODevice

    from qwenvl_desktop.app import create_main_window

    os.environ["DASHSCOPE_API_KEY_INTL"] = KEY
    # The Singapore region, with its endpoint pointed at the loopback server (a gateway setting).
    os.environ["QWENVL_DESKTOP_REGION_URLS"] = f"intl={server.base_url('shot')}"
    # An empty user file: the person's own settings stay out of the picture.
    empty_config = image_dir / "config.toml"
    empty_config.write_text("", encoding="utf-8")
    os.environ["QWENVL_DESKTOP_CONFIG"] = str(empty_config)
    os.environ["XDG_DATA_HOME"] = str(image_dir / "data")  # a fresh history, not the user's
    chart = bar_chart(image_dir / "quarterly-chart.png")
    photo = landscape(image_dir / "sunset.jpg")
    window = create_main_window(["--region", "intl", "--model", "qwen3-vl-plus"])
    window.resize(*size)
    window.show()
    window.picker.thinking.setChecked(True)
    loop = asyncio.get_running_loop()

    async def until(predicate: Callable[[], bool]) -> None:
        deadline = loop.time() + 15.0
        while not predicate():
            if loop.time() > deadline:
                raise TimeoutError("the window did not get there in time")
            await asyncio.sleep(0.02)

    try:
        window.draft.add_sources([chart, photo])
        await until(lambda: len(window.draft.attachments()) == 2)
        window.prompt.setPlainText(
            "Describe both images and read the values off the chart as a table."
        )
        window.send()
        # Rendered once the reply has ended and its Markdown and footer are in place (in any
        # interface language: QWENVL_DESKTOP_LANGUAGE=ja gives the Japanese window).
        rendered: list[str] = []
        window.transcript.replyRendered.connect(rendered.append)
        await until(lambda: not window.controller.busy and bool(rendered))
        # A follow-up in preparation: the pane shows the thumbnails with sizes and token counts.
        window.draft.add_sources([chart, photo])
        await until(lambda: len(window.draft.attachments()) == 2)
        window.prompt.setPlainText("Which quarter grew fastest, and by how much?")
        window.transcript.verticalScrollBar().setValue(0)
        await asyncio.sleep(0.3)
        pixmap = window.grab()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        pixmap.save(buffer, "PNG")
        grabbed = Image.open(io.BytesIO(bytes(buffer.data().data())))
        # A UI screenshot has few colours: an adaptive palette keeps it sharp and small.
        small = grabbed.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        data = io.BytesIO()
        small.save(data, "PNG", optimize=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data.getvalue())  # noqa: ASYNC240
        print(f"{out}: {grabbed.width}×{grabbed.height}, {len(data.getvalue()) / 1024:.0f} KiB")
    finally:
        window.close()
        await window.aclose()


def dark_palette(app: Any) -> None:
    """The Fusion style with a dark palette: the colours a dark GTK or KDE theme hands Qt."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#323232",
        role.AlternateBase: "#3a3a3a",
        role.Text: "#e6e6e6",
        role.Button: "#3c3c3c",
        role.ButtonText: "#e6e6e6",
        role.ToolTipBase: "#3c3c3c",
        role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#9a9a9a",
        role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff",
        role.Link: "#0000ff",  # what the issue saw: Qt's default link blue on a dark base
    }.items():
        palette.setColor(name, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, name, QColor("#7a7a7a"))
    app.setPalette(palette)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--size", default="1280x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument(
        "--dark", action="store_true", help="a dark palette (Fusion), as a dark desktop gives it"
    )
    args = parser.parse_args()
    width, _, height = args.size.partition("x")
    size = (int(width), int(height))
    from qwenvl_desktop.services.event_loop import create_application

    with LoopbackDashScope.in_thread(api_keys={KEY}) as server, tempfile.TemporaryDirectory() as d:
        server.add_scenario("shot", scenario)
        app, loop = create_application()
        if args.dark:
            dark_palette(app)
        try:
            loop.run_until_complete(shoot(args.out, size, Path(d), server))
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
