"""Test data: images made with Pillow, attachments, conversations saved as the app saves them."""

from __future__ import annotations

import contextlib
import io
import random
import sqlite3
from pathlib import Path

from PIL import Image

from qwenvl_desktop.core.conversation.model import Conversation, Exchange
from qwenvl_desktop.core.history import HistoryStore
from qwenvl_desktop.core.history import schema as schema_module
from qwenvl_desktop.core.images import Attachment
from qwenvl_desktop.core.images.data_uri import build_data_uri
from qwenvl_desktop.core.protocol.events import ContentDelta, Finish, ReasoningDelta, Usage


def png_bytes(width: int = 40, height: int = 30, seed: int = 0) -> bytes:
    """A small PNG whose pixels depend on ``seed`` (different seeds give different bytes)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), (rng.randrange(256), 80, 160))
    for _ in range(20):
        x, y = rng.randrange(width), rng.randrange(height)
        image.putpixel((x, y), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def noise_jpeg(width: int, height: int, seed: int = 0) -> bytes:
    """A JPEG of random noise: incompressible, so its size is predictable (~width*height/4)."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def attachment(
    data: bytes | None = None, *, mime: str = "image/png", source: str = "/home/me/photo.png"
) -> Attachment:
    """An attachment as the image pipeline makes one, built directly from its fields."""
    data = png_bytes() if data is None else data
    url = build_data_uri(mime, data)
    return Attachment(
        source=source,
        kind="file",
        original_size=(4000, 3000),
        original_format="JPEG",
        mime=mime,
        url=url,
        sent_size=(40, 30),
        scale=(0.01, 0.01),
        estimated_tokens=6,
        max_pixels=1_310_720,
        upload_bytes=len(url),
        notes=("resized to fit the model's budget",),
    )


def url_attachment(url: str = "https://example.com/cat.jpg", tokens: int = 1280) -> Attachment:
    """An image link (the service downloads it): what a URL attachment looks like."""
    return Attachment(
        source=url,
        kind="url",
        original_size=None,
        original_format=None,
        mime=None,
        url=url,
        sent_size=None,
        scale=None,
        estimated_tokens=tokens,
        max_pixels=1_310_720,
        upload_bytes=len(url),
        notes=("downloaded by the service",),
    )


def answer(exchange: Exchange, text: str, reasoning: str = "", *, finish: bool = True) -> None:
    """Play a streamed reply into ``exchange`` as the controller does."""
    exchange.begin()
    if reasoning:
        exchange.apply(ReasoningDelta(reasoning))
    exchange.apply(ContentDelta(text))
    if finish:
        exchange.apply(Finish("stop"))
        exchange.apply(Usage(1300, 40, 1340, reasoning_tokens=20, image_tokens=1250))
        exchange.finish()


def saved_conversation(
    store: HistoryStore, questions: list[str], *, images: int = 0, model: str = "qwen3-vl-plus"
) -> Conversation:
    """A conversation saved the way the app saves it: question first, then the reply."""
    conversation = Conversation()
    for number, question in enumerate(questions):
        attachments = [attachment(png_bytes(seed=number * 10 + i)) for i in range(images)]
        exchange = conversation.ask(question, attachments, model=model, region="intl")
        store.save_question(conversation, exchange)
        answer(exchange, f"Answer to: {question}")
        store.save_reply(exchange)
    return conversation


def old_history_file(db_path: Path, version: int) -> None:
    """A history file as schema ``version`` left it, holding one conversation ``c1`` with one
    answered exchange ``e1`` (for the upgrade tests of each later version)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(db_path, isolation_level=None)) as db:
        for step, migration in enumerate(schema_module.MIGRATIONS[:version], start=1):
            db.execute("BEGIN IMMEDIATE")
            migration(db)
            db.execute(f"PRAGMA user_version = {step}")
            db.execute("COMMIT")
        db.execute(
            "INSERT INTO conversations (id, title, created_at, updated_at) VALUES"
            " ('c1', 'Old one', 1.0, 2.0)"
        )
        db.execute(
            "INSERT INTO exchanges (id, conversation_id, position, question, answer, state, model,"
            " region, created_at) VALUES ('e1', 'c1', 0, 'Old question', 'Old answer', 'done',"
            " 'qwen-vl-max', 'intl', 1.5)"
        )
