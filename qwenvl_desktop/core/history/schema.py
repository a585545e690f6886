"""The database schema, its version (``PRAGMA user_version``) and the ordered migrations.

A new database runs every migration from 0, so the upgrade path of an old file is the same code
that builds every new one. Each migration runs in its own transaction together with the version
bump: a failure leaves the file exactly as it was.

Version history
===============
1. conversations, exchanges and attachments; an attachment's image was kept inline as its full
   ``data:`` URI text.
2. Images move to their own table as BLOBs, deduplicated by SHA-256 (a follow-up conversation of
   1,000 turns with 100 images no longer stores base64 text per row). Exchanges get an
   ``INTEGER PRIMARY KEY`` (``seq``) so the full-text index can point at a rowid that ``VACUUM``
   keeps. Conversations get ``updated_at`` (the list is newest activity first) and ``deleted_at``
   (deletion can be undone until the window closes).
3. ``answer_versions``: the other replies to a question that Regenerate kept (the one shown stays
   in ``exchanges``), one JSON record each at its place among all the replies; the place missing
   from the numbers is the one of the reply shown. Older files simply have no versions.
4. ``videos`` and ``video_frames``: a question's videos (issue 14). Each frame's JPEG is a row of
   ``images`` (deduplicated by SHA-256 with every other image); ``video_frames`` lists them in
   order with their times, ``videos`` holds the link or the description and the place among the
   question's images. Older files simply have no videos.

The full-text index (FTS5, trigram) is *derived* data and not versioned: :func:`ensure_search_index`
builds or rebuilds it on open, and drops its triggers when this SQLite lacks FTS5 so that writes
keep working (search then falls back to ``LIKE``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from qwenvl_desktop.core.images.data_uri import split_data_uri

__all__ = [
    "CURRENT_VERSION",
    "MIGRATIONS",
    "NewerSchemaError",
    "ensure_search_index",
    "fts5_available",
    "migrate",
    "schema_version",
]

Migration = Callable[[sqlite3.Connection], None]


class NewerSchemaError(Exception):
    """The file was written by a newer version of the app; it is left untouched."""

    def __init__(self, found: int) -> None:
        super().__init__(f"schema version {found} is newer than {CURRENT_VERSION}")
        self.found = found


def _execute_script(db: sqlite3.Connection, script: str) -> None:
    """Run ``script`` statement by statement inside the caller's transaction.

    ``executescript()`` would COMMIT before running, breaking the migration's atomicity.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {pending.strip()[:60]}")


def _v1(db: sqlite3.Connection) -> None:
    _execute_script(
        db,
        """
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created_at REAL NOT NULL,
            system TEXT
        );
        CREATE TABLE exchanges (
            id TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question TEXT NOT NULL,
            model TEXT NOT NULL,
            region TEXT NOT NULL,
            created_at REAL NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            reasoning TEXT NOT NULL DEFAULT '',
            usage TEXT,
            finish_reason TEXT,
            state TEXT NOT NULL,
            error TEXT,
            first_token_seconds REAL
        );
        CREATE INDEX exchanges_by_conversation ON exchanges(conversation_id, position);
        CREATE TABLE attachments (
            exchange_id TEXT NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            meta TEXT NOT NULL,
            url TEXT NOT NULL,
            PRIMARY KEY (exchange_id, position)
        );
        """,
    )


def _v2(db: sqlite3.Connection) -> None:
    statements = [
        """
        CREATE TABLE images (
            sha256 TEXT PRIMARY KEY,
            data BLOB NOT NULL,
            byte_size INTEGER NOT NULL
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE conversations_v2 (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            system TEXT,
            deleted_at REAL
        )
        """,
        """
        INSERT INTO conversations_v2 (id, title, created_at, updated_at, system)
        SELECT c.id, c.title, c.created_at,
               max(c.created_at, coalesce((SELECT max(e.created_at) FROM exchanges e
                                           WHERE e.conversation_id = c.id), 0)),
               c.system
        FROM conversations c
        """,
        # seq follows the order questions were asked (search lists newest first by seq).
        # Column order matters for search without FTS: LIKE reads question and answer, which
        # come before the long reasoning text in the row.
        """
        CREATE TABLE exchanges_v2 (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL,
            model TEXT NOT NULL,
            region TEXT NOT NULL,
            created_at REAL NOT NULL,
            finish_reason TEXT,
            first_token_seconds REAL,
            usage TEXT,
            error TEXT,
            reasoning TEXT NOT NULL DEFAULT ''
        )
        """,
        """
        INSERT INTO exchanges_v2 (id, conversation_id, position, question, answer, state, model,
                                  region, created_at, finish_reason, first_token_seconds, usage,
                                  error, reasoning)
        SELECT id, conversation_id, position, question, answer, state, model, region, created_at,
               finish_reason, first_token_seconds, usage, error, reasoning
        FROM exchanges WHERE conversation_id IN (SELECT id FROM conversations)
        ORDER BY created_at, conversation_id, position
        """,
        """
        CREATE TABLE attachments_v2 (
            exchange_id TEXT NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            image_sha256 TEXT REFERENCES images(sha256),
            data_mime TEXT,
            url TEXT,
            meta TEXT NOT NULL,
            PRIMARY KEY (exchange_id, position),
            CHECK ((image_sha256 IS NULL) != (url IS NULL)),
            CHECK ((image_sha256 IS NULL) = (data_mime IS NULL))
        ) WITHOUT ROWID
        """,
    ]
    for statement in statements:
        db.execute(statement)
    # The one step SQL cannot do: decode each inline data URI into a deduplicated BLOB.
    # Version 1 did not always enforce its foreign keys: rows whose parent is gone are dropped
    # rather than failing the upgrade (they could never be shown).
    rows = db.execute(
        "SELECT exchange_id, position, meta, url FROM attachments"
        " WHERE exchange_id IN (SELECT id FROM exchanges_v2)"
    )
    for exchange_id, position, meta, url in rows.fetchall():
        image = split_data_uri(url)
        if image is None:
            db.execute(
                "INSERT INTO attachments_v2 (exchange_id, position, url, meta) VALUES (?, ?, ?, ?)",
                (exchange_id, position, url, meta),
            )
            continue
        digest = image.sha256
        db.execute(
            "INSERT OR IGNORE INTO images (sha256, data, byte_size) VALUES (?, ?, ?)",
            (digest, image.data, len(image.data)),
        )
        db.execute(
            "INSERT INTO attachments_v2 (exchange_id, position, image_sha256, data_mime, meta)"
            " VALUES (?, ?, ?, ?, ?)",
            (exchange_id, position, digest, image.mime, meta),
        )
    for statement in [
        "DROP TABLE attachments",
        "DROP TABLE exchanges",
        "DROP TABLE conversations",
        "ALTER TABLE conversations_v2 RENAME TO conversations",
        "ALTER TABLE exchanges_v2 RENAME TO exchanges",
        "ALTER TABLE attachments_v2 RENAME TO attachments",
        "CREATE INDEX exchanges_by_conversation ON exchanges(conversation_id, position)",
        # A partial index: startup looks for exchanges a crash left streaming.
        "CREATE INDEX exchanges_unsettled ON exchanges(state)"
        " WHERE state IN ('pending', 'streaming')",
        "CREATE INDEX attachments_by_image ON attachments(image_sha256)",
        "CREATE INDEX conversations_recent ON conversations(updated_at DESC)"
        " WHERE deleted_at IS NULL",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ]:
        db.execute(statement)
    db.execute("INSERT INTO meta (key, value) VALUES ('migrated_v2_at', ?)", (str(time.time()),))


def _v3(db: sqlite3.Connection) -> None:
    # The reply shown keeps its columns in ``exchanges`` (search, the sidebar and older readers
    # see it); only the others live here. WITHOUT ROWID: read by exchange, in order.
    db.execute(
        """
        CREATE TABLE answer_versions (
            exchange_id TEXT NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            record TEXT NOT NULL,
            PRIMARY KEY (exchange_id, position)
        ) WITHOUT ROWID
        """
    )


def _v4(db: sqlite3.Connection) -> None:
    for statement in (
        """
        CREATE TABLE videos (
            exchange_id TEXT NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            after_images INTEGER NOT NULL,
            url TEXT,
            meta TEXT NOT NULL,
            PRIMARY KEY (exchange_id, position)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE video_frames (
            exchange_id TEXT NOT NULL,
            video_position INTEGER NOT NULL,
            frame_index INTEGER NOT NULL,
            timestamp REAL NOT NULL,
            image_sha256 TEXT NOT NULL REFERENCES images(sha256),
            data_mime TEXT NOT NULL,
            PRIMARY KEY (exchange_id, video_position, frame_index),
            FOREIGN KEY (exchange_id, video_position)
                REFERENCES videos(exchange_id, position) ON DELETE CASCADE
        ) WITHOUT ROWID
        """,
        # purge_deleted keeps an image while any frame still shows it
        "CREATE INDEX video_frames_by_image ON video_frames(image_sha256)",
    ):
        db.execute(statement)


#: ``MIGRATIONS[i]`` upgrades version ``i`` to ``i + 1``; append, never edit a released one.
MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4)
CURRENT_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite3.Connection) -> int:
    value = db.execute("PRAGMA user_version").fetchone()[0]
    return int(value)


def migrate(db: sqlite3.Connection) -> list[int]:
    """Bring the database to :data:`CURRENT_VERSION`; the versions it passed through.

    ``db`` must be in autocommit mode (``isolation_level=None``): each step is its own
    ``BEGIN IMMEDIATE`` … ``COMMIT``.
    """
    applied: list[int] = []
    version = schema_version(db)
    if version > CURRENT_VERSION:
        raise NewerSchemaError(version)
    # Table rebuilds drop and rename tables that others reference; enforcement is off meanwhile
    # and checked as a whole before committing.
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        while version < CURRENT_VERSION:
            db.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[version](db)
                problems = db.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise sqlite3.IntegrityError(f"foreign key check failed: {problems[:5]}")
                version += 1
                db.execute(f"PRAGMA user_version = {version}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            applied.append(version)
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    return applied


# ---- the full-text index ----------------------------------------------------------------------

_FTS_TRIGGERS = {
    "exchanges_fts_insert": """
        CREATE TRIGGER exchanges_fts_insert AFTER INSERT ON exchanges BEGIN
            INSERT INTO exchanges_fts (rowid, question, answer)
            VALUES (new.seq, new.question, new.answer);
        END
    """,
    "exchanges_fts_delete": """
        CREATE TRIGGER exchanges_fts_delete AFTER DELETE ON exchanges BEGIN
            INSERT INTO exchanges_fts (exchanges_fts, rowid, question, answer)
            VALUES ('delete', old.seq, old.question, old.answer);
        END
    """,
    # Only when the indexed text changes: a state-only update costs no re-indexing.
    "exchanges_fts_update": """
        CREATE TRIGGER exchanges_fts_update AFTER UPDATE OF question, answer ON exchanges BEGIN
            INSERT INTO exchanges_fts (exchanges_fts, rowid, question, answer)
            VALUES ('delete', old.seq, old.question, old.answer);
            INSERT INTO exchanges_fts (rowid, question, answer)
            VALUES (new.seq, new.question, new.answer);
        END
    """,
}


def fts5_available(db: sqlite3.Connection) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (SQLite ≥ 3.34)."""
    try:
        db.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError:
        return False
    db.execute("DROP TABLE temp.fts5_probe")
    return True


def ensure_search_index(db: sqlite3.Connection, *, use_fts: bool) -> None:
    """Make the FTS index and its triggers match ``use_fts``, rebuilding a stale index.

    The index goes stale when a session without FTS wrote exchanges (its triggers were dropped);
    a ``meta`` row remembers that, and the next session with FTS rebuilds from the table.
    """
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    db.execute("BEGIN IMMEDIATE")
    try:
        if use_fts:
            stale = "exchanges_fts" not in names or bool(
                db.execute("SELECT 1 FROM meta WHERE key = 'fts_stale'").fetchone()
            )
            if "exchanges_fts" not in names:
                # Trigram: substring search in any script (Chinese and Japanese questions have
                # no spaces for a word tokenizer to split on), case-insensitive.
                db.execute(
                    "CREATE VIRTUAL TABLE exchanges_fts USING fts5(question, answer,"
                    " content='exchanges', content_rowid='seq',"
                    " tokenize='trigram case_sensitive 0')"
                )
            for name, sql in _FTS_TRIGGERS.items():
                if name not in names:
                    db.execute(sql)
            if stale:
                db.execute("INSERT INTO exchanges_fts (exchanges_fts) VALUES ('rebuild')")
                db.execute("DELETE FROM meta WHERE key = 'fts_stale'")
        else:
            had_triggers = False
            for name in _FTS_TRIGGERS:
                if name in names:
                    db.execute(f"DROP TRIGGER {name}")
                    had_triggers = True
            if had_triggers or "exchanges_fts" in names:
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts_stale', '1')")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
