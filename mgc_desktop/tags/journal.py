"""SQLite journal of every genre change, written before the file is touched.

A change row is committed as 'pending' before the write and marked 'done' (or 'failed') after,
so after a crash each pending row's file holds either its old or its new values, and undo can
tell which. Undo batches are journaled like any other batch (and can themselves be undone).
Just before the written copy replaces the file, the row gets the sha256 of the original and of
the copy, the delta (`tags.delta`) that rebuilds the original's exact bytes from the copy, and
the original's modification time (undo gives it back with the bytes).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mgc_desktop.tags.delta import Delta

SCHEMA = """
CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created REAL NOT NULL,
    kind TEXT NOT NULL,             -- 'tag' or 'undo'
    undoes INTEGER,                 -- for undo batches: the batch undone (NULL: by path)
    model_id TEXT,
    note TEXT,
    finished REAL,
    written INTEGER, skipped INTEGER, failed INTEGER
);
CREATE TABLE IF NOT EXISTS changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    path TEXT NOT NULL,
    fmt TEXT NOT NULL,
    old_values TEXT NOT NULL,       -- JSON list, raw as stored
    new_values TEXT NOT NULL,       -- JSON list
    old_had_tag INTEGER NOT NULL,
    created REAL NOT NULL,
    model_id TEXT,
    state TEXT NOT NULL,            -- pending, done, failed, undone
    error TEXT,
    undo_of INTEGER,                -- for rows of undo batches: the change restored
    orig_sha256 TEXT,               -- the file before the change ...
    new_sha256 TEXT,                -- ... and after it
    delta BLOB,                     -- tags.delta: rebuilds the original bytes from the new
    orig_mtime_ns INTEGER           -- the file's modification time before the change
);
CREATE INDEX IF NOT EXISTS changes_batch ON changes(batch_id);
CREATE INDEX IF NOT EXISTS changes_path ON changes(path);
CREATE INDEX IF NOT EXISTS changes_undo_of ON changes(undo_of);
"""

JOURNAL_FILE_NAME = "tag_journal.sqlite3"
_ADDED_COLUMNS = (
    ("orig_sha256", "TEXT"),
    ("new_sha256", "TEXT"),
    ("delta", "BLOB"),
    ("orig_mtime_ns", "INTEGER"),
)
_CHANGE_COLUMNS = (
    "id, batch_id, path, fmt, old_values, new_values, old_had_tag, state, error,"
    " orig_sha256, new_sha256, delta, orig_mtime_ns"
)


@dataclass(frozen=True)
class Change:
    """One journaled genre change."""

    id: int
    batch_id: int
    path: str
    fmt: str
    old: list[str]
    new: list[str]
    old_had_tag: bool
    state: str
    error: str | None
    orig_sha256: str | None = None
    new_sha256: str | None = None
    delta: bytes | None = None
    orig_mtime_ns: int | None = None  # None: journaled by a version that did not keep it


@dataclass(frozen=True)
class BatchInfo:
    """A batch as the GUI history shows it."""

    id: int
    created: float
    kind: str
    undoes: int | None
    model_id: str | None
    note: str | None
    finished: float | None
    written: int | None
    skipped: int | None
    failed: int | None
    active: int  # changes still in effect (done or pending)
    folder: str | None = None  # the folder holding every file the batch touched


def default_journal_path() -> Path:
    """The journal in the user data directory."""
    from mgc_desktop.paths import data_dir

    return data_dir() / JOURNAL_FILE_NAME


class Journal:
    """The tag journal; one connection, autocommitted statements."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_journal_path()
        self.db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        have = {r[1] for r in self.db.execute("PRAGMA table_info(changes)")}
        for name, kind in _ADDED_COLUMNS:  # a journal written by an older version
            if name not in have:
                self.db.execute(f"ALTER TABLE changes ADD COLUMN {name} {kind}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def begin_batch(
        self,
        kind: str,
        *,
        model_id: str | None = None,
        note: str | None = None,
        undoes: int | None = None,
    ) -> int:
        cur = self.db.execute(
            "INSERT INTO batches (created, kind, undoes, model_id, note) VALUES (?,?,?,?,?)",
            (time.time(), kind, undoes, model_id, note),
        )
        return int(cur.lastrowid)

    def finish_batch(self, batch_id: int, written: int, skipped: int, failed: int) -> None:
        self.db.execute(
            "UPDATE batches SET finished=?, written=?, skipped=?, failed=? WHERE id=?",
            (time.time(), written, skipped, failed, batch_id),
        )

    def record(
        self,
        batch_id: int,
        path: str,
        fmt: str,
        old: Sequence[str],
        new: Sequence[str],
        *,
        old_had_tag: bool,
        model_id: str | None = None,
        undo_of: int | None = None,
    ) -> int:
        """Commit a pending change; call before the file is touched."""
        cur = self.db.execute(
            "INSERT INTO changes (batch_id, path, fmt, old_values, new_values, old_had_tag,"
            " created, model_id, state, undo_of) VALUES (?,?,?,?,?,?,?,?, 'pending', ?)",
            (
                batch_id,
                path,
                fmt,
                json.dumps(list(old)),
                json.dumps(list(new)),
                int(old_had_tag),
                time.time(),
                model_id,
                undo_of,
            ),
        )
        return int(cur.lastrowid)

    def attach_delta(self, change_id: int, delta: Delta, orig_mtime_ns: int | None = None) -> None:
        """Store how to rebuild the original bytes (and its modification time); call before
        the written copy is swapped in."""
        self.db.execute(
            "UPDATE changes SET orig_sha256=?, new_sha256=?, delta=?, orig_mtime_ns=? WHERE id=?",
            (delta.orig_sha256, delta.new_sha256, delta.encode(), orig_mtime_ns, change_id),
        )

    def mark(self, change_id: int, state: str, error: str | None = None) -> None:
        self.db.execute("UPDATE changes SET state=?, error=? WHERE id=?", (state, error, change_id))

    def changes(self, batch_id: int, states: Sequence[str] = ("done", "pending")) -> list[Change]:
        marks = ",".join("?" * len(states))
        rows = self.db.execute(
            f"SELECT {_CHANGE_COLUMNS} FROM changes WHERE batch_id=? AND state IN ({marks})"
            " ORDER BY id",
            (batch_id, *states),
        )
        return [_change(r) for r in rows]

    def latest_change_for(self, path: str) -> Change | None:
        """The most recent change still in effect on this path (tag or undo batch)."""
        row = self.db.execute(
            f"SELECT {_CHANGE_COLUMNS} FROM changes WHERE path=? AND state IN ('done','pending')"
            " ORDER BY id DESC LIMIT 1",
            (path,),
        ).fetchone()
        return _change(row) if row else None

    def last_undoable_batch(self) -> int | None:
        """The newest batch with forward changes still in effect: a tag batch, or an undo batch
        that put a change back (a redo: the undo of an undo). An undo that took changes back
        is not one, or a second plain undo would only redo the first."""
        row = self.db.execute(
            "WITH RECURSIVE fwd(id, forward) AS ("
            " SELECT id, 1 FROM changes WHERE undo_of IS NULL"
            " UNION ALL SELECT c.id, 1 - f.forward FROM changes c JOIN fwd f ON c.undo_of = f.id)"
            " SELECT c.batch_id FROM changes c JOIN fwd f ON f.id = c.id"
            " WHERE f.forward = 1 AND c.state IN ('done','pending')"
            " ORDER BY c.batch_id DESC LIMIT 1"
        ).fetchone()
        return int(row[0]) if row else None

    def batch_exists(self, batch_id: int) -> bool:
        return (
            self.db.execute("SELECT 1 FROM batches WHERE id=?", (batch_id,)).fetchone() is not None
        )

    def list_batches(self) -> list[BatchInfo]:
        rows = self.db.execute(
            "SELECT b.id, b.created, b.kind, b.undoes, b.model_id, b.note, b.finished, b.written,"
            " b.skipped, b.failed, (SELECT COUNT(*) FROM changes c WHERE c.batch_id=b.id AND"
            " c.state IN ('done','pending')) FROM batches b ORDER BY b.id"
        ).fetchall()
        folders: dict[int, set[str]] = {}
        for batch_id, path in self.db.execute("SELECT batch_id, path FROM changes"):
            folders.setdefault(batch_id, set()).add(os.path.dirname(path))
        return [BatchInfo(*r, folder=_common_folder(folders.get(r[0], ()))) for r in rows]


def _common_folder(folders: set[str] | tuple) -> str | None:
    if not folders:
        return None
    try:
        return os.path.commonpath(sorted(folders))
    except ValueError:  # mixed drives or relative and absolute paths
        return None


def _change(row: tuple) -> Change:
    cid, batch_id, path, fmt, old, new, had_tag, state, error, osha, nsha, delta, mtime = row
    return Change(
        cid,
        batch_id,
        path,
        fmt,
        json.loads(old),
        json.loads(new),
        bool(had_tag),
        state,
        error,
        osha,
        nsha,
        delta,
        mtime,
    )
