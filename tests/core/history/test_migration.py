"""Upgrading a history written by an older version (schema 1) to the current one."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest

from qwenvl_desktop.core.history import CURRENT_VERSION, HistoryStore, HistoryUnavailableError
from qwenvl_desktop.core.history import schema as schema_module
from qwenvl_desktop.core.images.data_uri import build_data_uri

from .builders import png_bytes

# Schema 1 as version 1 of the app created it, written out here rather than taken from the
# package: the test must keep describing the old file even if the migration code changes.
V1_SCHEMA = """
CREATE TABLE conversations (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at REAL NOT NULL, system TEXT
);
CREATE TABLE exchanges (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, question TEXT NOT NULL, model TEXT NOT NULL, region TEXT NOT NULL,
    created_at REAL NOT NULL, answer TEXT NOT NULL DEFAULT '',
    reasoning TEXT NOT NULL DEFAULT '', usage TEXT, finish_reason TEXT, state TEXT NOT NULL,
    error TEXT, first_token_seconds REAL
);
CREATE INDEX exchanges_by_conversation ON exchanges(conversation_id, position);
CREATE TABLE attachments (
    exchange_id TEXT NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, meta TEXT NOT NULL, url TEXT NOT NULL,
    PRIMARY KEY (exchange_id, position)
);
PRAGMA user_version = 1;
"""

IMAGE = png_bytes(seed=7)
IMAGE_URI = build_data_uri("image/png", IMAGE)
META = {
    "source": "/home/me/cat.png",
    "kind": "file",
    "original_size": [4000, 3000],
    "original_format": "PNG",
    "mime": "image/png",
    "sent_size": [40, 30],
    "scale": [0.01, 0.01],
    "estimated_tokens": 6,
    "max_pixels": 1310720,
    "upload_bytes": len(IMAGE_URI),
    "notes": ["resized"],
}


def build_v1(path: Path) -> None:
    """A version-1 file: two conversations, the same image inline in two turns, and a link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript(V1_SCHEMA)
    db.execute("INSERT INTO conversations VALUES ('c1', 'Cats', 1000.0, 'Be brief.')")
    db.execute("INSERT INTO conversations VALUES ('c2', 'Older chat', 500.0, NULL)")
    usage = json.dumps({"prompt_tokens": 1300, "completion_tokens": 40, "total_tokens": 1340})
    rows = [
        ("e1", "c1", 0, "What animal is this?", "qwen-vl-max", "intl", 1001.0, "A cat.", "",
         usage, "stop", "done", None, 0.5),
        ("e2", "c1", 1, "Same picture: what colour?", "qwen-vl-max", "intl", 1200.0, "Gre",
         "thinking", None, None, "streaming", None, None),
        ("e3", "c2", 0, "Hello there", "qwen-vl-plus", "cn", 501.0, "Hi!", "", None, "stop",
         "done", None, None),
    ]  # fmt: skip
    db.executemany("INSERT INTO exchanges VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    link = "https://example.com/cat.jpg"
    db.executemany(
        "INSERT INTO attachments VALUES (?, ?, ?, ?)",
        [
            ("e1", 0, json.dumps(META), IMAGE_URI),
            ("e2", 0, json.dumps(META), IMAGE_URI),
            ("e2", 1, json.dumps({"source": link, "kind": "url", "max_pixels": 99}), link),
        ],
    )
    db.commit()
    db.close()


def test_a_version_1_history_is_upgraded_with_nothing_lost(db_path: Path) -> None:
    # GIVEN a history file written by version 1 of the schema
    build_v1(db_path)
    # WHEN the current version opens it
    store = HistoryStore.open(db_path)
    # THEN it is at the current version
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == 4
    # AND the list shows both conversations, most recent activity first
    assert [(c.id, c.title, c.exchange_count) for c in store.list_conversations()] == [
        ("c1", "Cats", 2),
        ("c2", "Older chat", 1),
    ]
    # AND every exchange comes back, including usage and the cut-off reply (now incomplete)
    cats = store.load_conversation("c1")
    assert cats.system == "Be brief."
    first, second = cats.exchanges
    assert (first.question, first.answer, first.state) == ("What animal is this?", "A cat.", "done")
    assert first.usage is not None and first.usage.total_tokens == 1340
    assert first.first_token_seconds == 0.5
    assert (second.answer, second.reasoning, second.state) == ("Gre", "thinking", "incomplete")
    # AND the images come back byte for byte, the inline copies now stored once
    assert first.attachments[0].url == IMAGE_URI
    assert first.attachments[0].original_size == (4000, 3000)
    assert first.attachments[0].notes == ("resized",)
    assert second.attachments[0].url == IMAGE_URI
    assert second.attachments[1].url == "https://example.com/cat.jpg"
    assert second.attachments[1].kind == "url" and second.attachments[1].max_pixels == 99
    assert store._db.execute("SELECT count(*) FROM images").fetchone()[0] == 1
    # AND the old text is searchable, and the file is sound
    assert [h.exchange_id for h in store.search("animal")] == ["e1"]
    assert store.check_integrity() == []
    store.close()


def test_rows_version_1_left_without_their_parent_are_dropped(db_path: Path) -> None:
    # GIVEN a version-1 file with an exchange and an attachment whose parents are gone
    build_v1(db_path)
    with contextlib.closing(sqlite3.connect(db_path)) as db, db:
        db.execute(
            "INSERT INTO exchanges (id, conversation_id, position, question, model, region,"
            " created_at, state) VALUES ('lost', 'gone', 0, 'q', 'm', 'r', 1.0, 'done')"
        )
        db.execute("INSERT INTO attachments VALUES ('gone-too', 0, '{}', 'https://x/y.png')")
    # WHEN it is upgraded
    store = HistoryStore.open(db_path)
    # THEN the upgrade succeeds without them
    assert store._db.execute("SELECT count(*) FROM exchanges").fetchone()[0] == 3
    assert store._db.execute("SELECT count(*) FROM attachments").fetchone()[0] == 3
    assert store.check_integrity() == []
    store.close()


def test_a_new_history_is_built_by_the_same_migrations(tmp_path: Path) -> None:
    # GIVEN no file; WHEN the migrations run on an empty database
    db = sqlite3.connect(tmp_path / "new.db", isolation_level=None)
    applied = schema_module.migrate(db)
    # THEN every version was passed through, in order, and running again does nothing
    assert applied == [1, 2, 3, 4]
    assert schema_module.migrate(db) == []
    db.close()


def test_a_failed_migration_leaves_the_file_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a version-1 file, and a migration to 2 that fails half-way through
    build_v1(db_path)

    def broken(db: sqlite3.Connection) -> None:
        db.execute("DROP TABLE attachments")
        raise sqlite3.OperationalError("simulated failure in the middle of a migration")

    monkeypatch.setattr(schema_module, "MIGRATIONS", (schema_module.MIGRATIONS[0], broken))
    # WHEN the app opens it
    with pytest.raises(HistoryUnavailableError):
        HistoryStore.open(db_path)
    # THEN the file is still a complete version-1 history, not moved aside
    with contextlib.closing(sqlite3.connect(db_path)) as db, db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM attachments").fetchone()[0] == 3
    assert [p.name for p in db_path.parent.iterdir() if "corrupt" in p.name] == []
