"""The library index: one SQLite file in the user data directory that survives restarts.

Tables: `tracks` (what the file system and the tags said at the last scan), `predictions`
(one row per track and model id, so switching back to an earlier model costs nothing; each
with the model's track embedding as a float32 BLOB when the model gives one),
`errors` (the last problem per path) and `meta` (schema version, cached model ids).

Paths are stored as BLOBs of their file-system bytes (os.fsencode), so names that are not valid
UTF-8 round-trip exactly; the Python API hands them out as `str` decoded with surrogateescape
(what os.fsdecode gives), which `open()` accepts as is. Use `display_path()` to print them.

WAL mode lets readers (a GUI table, `classify`) read while one scan writes; a `Library` object
serialises its own writes behind a lock, and `busy_timeout` makes a second process wait for the
writer instead of failing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mgc_desktop.library.albums import AlbumGenre, album_genres
from mgc_desktop.library.walk import display_path

SCHEMA_VERSION = 2
DB_NAME = "library.sqlite3"
# How long a second process waits for the index's writer before giving up.
_BUSY_TIMEOUT_S = 30.0

# Each entry upgrades the schema from version i to i + 1 (index 0 creates version 1).
_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE tracks (
        id          INTEGER PRIMARY KEY,
        path        BLOB NOT NULL UNIQUE,
        folder      BLOB NOT NULL,
        size        INTEGER NOT NULL,
        mtime_ns    INTEGER NOT NULL,
        ino         INTEGER NOT NULL,
        dev         INTEGER NOT NULL,
        format      TEXT NOT NULL,
        duration_s  REAL,
        title       TEXT,
        artist      TEXT,
        album       TEXT,
        albumartist TEXT,
        tracknumber TEXT,
        genres      TEXT NOT NULL DEFAULT '[]',
        tag_error   TEXT,
        indexed_at  REAL NOT NULL
    );
    CREATE INDEX tracks_folder ON tracks(folder);
    CREATE INDEX tracks_identity ON tracks(size, mtime_ns);
    CREATE TABLE predictions (
        track_id      INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
        model_id      TEXT NOT NULL,
        genre         TEXT,
        confidence    REAL NOT NULL,
        uncertain     INTEGER NOT NULL,
        probabilities TEXT NOT NULL,
        windows       INTEGER NOT NULL,
        duration_s    REAL,
        note          TEXT NOT NULL DEFAULT '',
        created_at    REAL NOT NULL,
        PRIMARY KEY (track_id, model_id)
    ) WITHOUT ROWID;
    CREATE INDEX predictions_model ON predictions(model_id, genre);
    CREATE TABLE errors (
        path      BLOB PRIMARY KEY,
        stage     TEXT NOT NULL,
        message   TEXT NOT NULL,
        size      INTEGER,
        mtime_ns  INTEGER,
        model_id  TEXT,
        at        REAL NOT NULL
    );
    """,
    # 2: the track embedding beside each prediction (NULL for rows made before, for silent
    # tracks and for models without an embedding output).
    """
    ALTER TABLE predictions ADD COLUMN embedding BLOB;
    """,
)


def _statements(script: str) -> list[str]:
    """A migration script as single statements: executescript() would commit on its own, and
    a migration must commit together with its version bump."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {current.strip()!r}")
    return out


def path_key(path: str | bytes | os.PathLike) -> bytes:
    """The stored form of a path, for files and scanned folders alike: absolute, normalised,
    file-system bytes, spelled as the user gave it (symlinks are not resolved). Every lookup
    (a folder's tracks, one file's prediction, a saved decision) then finds what a scan of
    that spelling stored. The price: one folder reached by two spellings (~/Music and the
    folder a ~/Music symlink points at) is indexed twice, once under each."""
    raw = os.fsencode(path)
    return os.path.normpath(os.path.abspath(raw))


def path_str(key: bytes) -> str:
    """A stored path back as a `str` usable with open() (surrogateescape for odd bytes)."""
    return os.fsdecode(key)


_SEP = os.fsencode(os.sep)
_SEPS = _SEP + os.fsencode(os.altsep or "")


def _prefix(root: bytes, sep: bytes, seps: bytes) -> bytes:
    """`root` with exactly one trailing separator: what every path below it starts with."""
    return root.rstrip(seps) + sep


def is_below(key: bytes, folder: bytes, sep: bytes = _SEP, seps: bytes = _SEPS) -> bool:
    """Whether stored path `key` is `folder` or lies below it (`sep`/`seps`: the separator
    and every separator of the platform's paths; parameters only so tests can use Windows')."""
    return key == folder or key.startswith(_prefix(folder, sep, seps))


def _under(root: bytes, sep: bytes = _SEP, seps: bytes = _SEPS) -> tuple[str, tuple]:
    """SQL condition selecting `path` equal to root or anywhere below it (index range scan)."""
    prefix = _prefix(root, sep, seps)
    upper = prefix[:-1] + bytes([prefix[-1] + 1])
    return "(path = ? OR (path >= ? AND path < ?))", (root, prefix, upper)


def embedding_blob(embedding: object) -> bytes | None:
    """The stored form of a track embedding: little-endian float32 bytes (None stays None)."""
    if embedding is None:
        return None
    vector = np.asarray(embedding, dtype="<f4").ravel()
    return vector.tobytes() if vector.size else None


def embedding_from_blob(blob: bytes | None) -> np.ndarray | None:
    """A stored embedding back as a float32 vector (a copy: callers may write to it)."""
    if not blob:
        return None
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)


@dataclass(frozen=True)
class EmbeddingSet:
    """The embeddings of one model for many tracks: `matrix` row i belongs to `keys[i]` (the
    stored path bytes; `paths` decodes them all, `path(i)` one)."""

    model_id: str
    keys: list[bytes]
    matrix: np.ndarray  # (n, D) float32, read-only

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def paths(self) -> list[str]:
        return [path_str(k) for k in self.keys]

    def path(self, i: int) -> str:
        return path_str(self.keys[i])


@dataclass(frozen=True)
class StoredPrediction:
    """A prediction as kept in the index (no per-window probabilities). `embedding` is only
    filled where a caller asked for it (`cached_predictions`): table reads leave it out."""

    model_id: str
    genre: str | None
    confidence: float
    uncertain: bool
    probabilities: dict[str, float]
    windows: int
    duration_s: float | None
    note: str
    created_at: float
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)

    def top(self, k: int) -> list[tuple[str, float]]:
        """The k most likely classes, best first."""
        return sorted(self.probabilities.items(), key=lambda kv: kv[1], reverse=True)[:k]


@dataclass(frozen=True)
class Track:
    """One indexed file with its tags and (when asked for) one model's prediction."""

    path: str
    size: int
    mtime_ns: int
    format: str
    duration_s: float | None
    title: str | None
    artist: str | None
    album: str | None
    albumartist: str | None
    tracknumber: str | None
    genres: tuple[str, ...]
    folder: str
    prediction: StoredPrediction | None = None
    error: str | None = None

    @property
    def display_path(self) -> str:
        return display_path(self.path)


@dataclass(frozen=True)
class FileError:
    """The last problem seen for a path: stage is 'walk', 'stat', 'tags' or 'classify'."""

    path: str
    stage: str
    message: str
    model_id: str | None
    at: float


@dataclass(frozen=True)
class LibraryStats:
    tracks: int
    classified: int
    unclassified: int
    errors: int
    model_id: str | None
    by_genre: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class IndexedFile:
    """What the scanner needs to decide whether a file changed (and whether its tags are
    worth another read): one row per path."""

    id: int
    size: int
    mtime_ns: int
    ino: int
    dev: int
    tag_error: str | None = None


@dataclass
class TrackInfo:
    """Everything the scanner writes for a new or changed file."""

    path: bytes
    size: int
    mtime_ns: int
    ino: int
    dev: int
    format: str
    duration_s: float | None = None
    title: str | None = None
    artist: str | None = None
    album: str | None = None
    albumartist: str | None = None
    tracknumber: str | None = None
    genres: tuple[str, ...] = ()
    tag_error: str | None = None


def default_index_path() -> Path:
    from mgc_desktop.paths import data_dir

    return data_dir() / DB_NAME


_TRACK_COLUMNS = (
    "t.path, t.size, t.mtime_ns, t.format, t.duration_s, t.title, t.artist, t.album, "
    "t.albumartist, t.tracknumber, t.genres, t.folder"
)
_PRED_COLUMNS = (
    "p.model_id, p.genre, p.confidence, p.uncertain, p.probabilities, p.windows, p.duration_s, "
    "p.note, p.created_at"
)


def _matrix_cache_file(index: Path, model_id: str) -> Path:
    from mgc_desktop.paths import cache_dir

    digest = hashlib.sha1(os.fsencode(index.resolve()) + b"\0" + model_id.encode()).hexdigest()
    return cache_dir() / "embeddings" / f"{digest[:24]}.npz"


def _load_matrix_cache(index: Path, model_id: str, version: str) -> EmbeddingSet | None:
    """The cached matrix of the whole index, if it was saved at this `version`."""
    try:
        with np.load(_matrix_cache_file(index, model_id), allow_pickle=False) as data:
            if str(data["version"]) != version:
                return None
            keys = data["paths"].tobytes().split(b"\0")
            matrix = data["matrix"]
    except Exception:  # noqa: BLE001 - missing, partial or foreign: read the index instead
        return None
    if len(keys) != len(matrix):
        return None
    return EmbeddingSet(model_id, keys, matrix)


def _save_matrix_cache(
    index: Path, model_id: str, version: str, keys: list[bytes], matrix: np.ndarray
) -> None:
    """Write the cache atomically (a temporary file, then a rename); failures are ignored."""
    try:
        dest = _matrix_cache_file(index, model_id)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            np.savez(
                f,
                version=np.array(version),
                paths=np.frombuffer(b"\0".join(keys), dtype=np.uint8),
                matrix=matrix,
            )
        os.replace(tmp, dest)
    except OSError:
        pass


def _prediction(row: Sequence, embedding: bytes | None = None) -> StoredPrediction | None:
    if row[0] is None:
        return None
    return StoredPrediction(
        model_id=row[0],
        genre=row[1],
        confidence=float(row[2]),
        uncertain=bool(row[3]),
        probabilities=json.loads(row[4]),
        windows=int(row[5]),
        duration_s=row[6],
        note=row[7] or "",
        created_at=float(row[8]),
        embedding=embedding_from_blob(embedding),
    )


def _track(row: Sequence, error: str | None = None) -> Track:
    return Track(
        path=path_str(row[0]),
        size=row[1],
        mtime_ns=row[2],
        format=row[3],
        duration_s=row[4],
        title=row[5],
        artist=row[6],
        album=row[7],
        albumartist=row[8],
        tracknumber=row[9],
        genres=tuple(json.loads(row[10] or "[]")),
        folder=path_str(row[11]),
        prediction=_prediction(row[12:21]) if len(row) > 12 else None,
        error=error,
    )


class Library:
    """Owns one connection to the index. Reads are safe from any thread; writes are serialised
    (one writer). Use as a context manager, or call close()."""

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False) -> None:
        self.path = Path(path) if path is not None else default_index_path()
        self.readonly = readonly
        self._lock = threading.RLock()
        if readonly:
            uri = f"file:{self.path}?mode=ro"
            self._db = sqlite3.connect(
                uri, uri=True, check_same_thread=False, timeout=_BUSY_TIMEOUT_S
            )
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                str(self.path), check_same_thread=False, timeout=_BUSY_TIMEOUT_S
            )
            self._use_wal()
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        if not readonly:
            self._migrate()

    # -- lifecycle ---------------------------------------------------------------------------

    def _use_wal(self) -> None:
        """Switch to WAL. SQLite answers "locked" at once, without waiting, while another
        process creates a fresh index: retry for as long as any other write may take."""
        deadline = time.monotonic() + _BUSY_TIMEOUT_S
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _schema_version(self) -> int:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):  # a fresh index
                return 0
            raise
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        """Create or upgrade the schema in one write transaction. Two processes may open a
        fresh index at once: the write lock makes the second wait, and it re-reads the version
        inside the transaction, so it finds the work done instead of repeating it."""
        with self._lock:
            if self._schema_version() == SCHEMA_VERSION:
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"
                )
                version = self._schema_version()
                if version > SCHEMA_VERSION:
                    raise RuntimeError(
                        f"library index {self.path} has schema {version}, newer than this app "
                        f"({SCHEMA_VERSION}); update the app or remove the index"
                    )
                for step in range(version, SCHEMA_VERSION):
                    for statement in _statements(_MIGRATIONS[step]):
                        self._db.execute(statement)
                    self._set_meta("schema_version", str(step + 1))
            except BaseException:
                self._db.rollback()
                raise
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _embeddings_changed(self) -> None:
        """Bump the counter that the embedding matrix cache is checked against (inside the
        caller's transaction: whoever changes predictions or paths calls this)."""
        self._db.execute(
            "INSERT INTO meta(key, value) VALUES ('embeddings_version', '1') ON CONFLICT(key) "
            "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock, self._db:
            self._set_meta(key, value)

    # -- reads for the GUI and the CLI -------------------------------------------------------

    def track(self, path: str | bytes | os.PathLike, model_id: str | None = None) -> Track | None:
        """One track with the prediction of `model_id` (default: its newest prediction)."""
        found = self.tracks(paths=[path], model_id=model_id)
        return found[0] if found else None

    def tracks(
        self,
        root: str | bytes | os.PathLike | None = None,
        *,
        model_id: str | None = None,
        genre: str | None = None,
        status: str | None = None,
        paths: Iterable[str | bytes | os.PathLike] | None = None,
        limit: int | None = None,
    ) -> list[Track]:
        """Tracks under `root` (all when None), in path order, each with the prediction of
        `model_id` (the newest one when None). `genre` keeps tracks predicted as that class;
        `status` is 'classified', 'unclassified' or 'failed'."""
        return list(
            self.iter_tracks(
                root, model_id=model_id, genre=genre, status=status, paths=paths, limit=limit
            )
        )

    def iter_tracks(
        self,
        root: str | bytes | os.PathLike | None = None,
        *,
        model_id: str | None = None,
        genre: str | None = None,
        status: str | None = None,
        paths: Iterable[str | bytes | os.PathLike] | None = None,
        limit: int | None = None,
    ) -> Iterator[Track]:
        """Like tracks(), streamed: for tables of tens of thousands of rows."""
        where, params = [], []
        if root is not None:
            cond, values = _under(path_key(root))
            where.append(cond.replace("path", "t.path"))
            params.extend(values)
        if paths is not None:
            keys = [path_key(p) for p in paths]
            if not keys:
                return
            where.append(f"t.path IN ({','.join('?' * len(keys))})")
            params.extend(keys)
        if model_id is not None:
            join = "LEFT JOIN predictions p ON p.track_id = t.id AND p.model_id = ?"
            join_params: list = [model_id]
        else:
            join = (
                "LEFT JOIN predictions p ON p.track_id = t.id AND p.created_at = "
                "(SELECT MAX(created_at) FROM predictions q WHERE q.track_id = t.id)"
            )
            join_params = []
        if genre is not None:
            where.append("p.genre = ?")
            params.append(genre)
        if status == "classified":
            where.append("p.model_id IS NOT NULL")
        elif status == "unclassified":
            where.append("p.model_id IS NULL")
        elif status == "failed":
            where.append("e.path IS NOT NULL")
        elif status is not None:
            raise ValueError(f"unknown status {status!r}")
        sql = (
            f"SELECT {_TRACK_COLUMNS}, {_PRED_COLUMNS}, e.message FROM tracks t {join} "
            "LEFT JOIN errors e ON e.path = t.path"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY t.path"
            + (f" LIMIT {int(limit)}" if limit is not None else "")
        )
        with self._lock:
            rows = self._db.execute(sql, join_params + params).fetchall()
        for row in rows:
            yield _track(row[:-1], row[-1])

    def predictions_for(self, path: str | bytes | os.PathLike) -> list[StoredPrediction]:
        """Every model's prediction for one file, newest first."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_PRED_COLUMNS} FROM predictions p JOIN tracks t ON t.id = p.track_id "
                "WHERE t.path = ? ORDER BY p.created_at DESC",
                (path_key(path),),
            ).fetchall()
        return [p for p in map(_prediction, rows) if p is not None]

    def errors(self, root: str | bytes | os.PathLike | None = None) -> list[FileError]:
        """The files (and folders) whose last scan went wrong, in path order."""
        sql = "SELECT path, stage, message, model_id, at FROM errors"
        params: tuple = ()
        if root is not None:
            cond, params = _under(path_key(root))
            sql += " WHERE " + cond
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY path", params).fetchall()
        return [FileError(path_str(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    def stats(self, model_id: str | None = None) -> LibraryStats:
        """Counts for a status bar; `model_id` defaults to the model of the last scan."""
        model_id = model_id or self.get_meta("last_model_id")
        with self._lock:
            tracks = self._db.execute("SELECT COUNT(*) FROM tracks").fetchone()[0]
            errors = self._db.execute("SELECT COUNT(*) FROM errors").fetchone()[0]
            by_genre = dict(
                self._db.execute(
                    "SELECT COALESCE(genre, ''), COUNT(*) FROM predictions WHERE model_id = ? "
                    "GROUP BY genre",
                    (model_id,),
                ).fetchall()
            )
        classified = sum(by_genre.values())
        return LibraryStats(tracks, classified, tracks - classified, errors, model_id, by_genre)

    def album_genres(
        self, root: str | bytes | os.PathLike | None = None, model_id: str | None = None
    ) -> list[AlbumGenre]:
        """One genre per album from the summed probabilities of its tracks (see albums.py)."""
        return album_genres(self.tracks(root, model_id=model_id or self.get_meta("last_model_id")))

    def cached_predictions(
        self, paths: Iterable[str | os.PathLike], model_id: str
    ) -> dict[str, StoredPrediction]:
        """Predictions of `model_id` for the given files that are still current: the file's
        size and mtime match what the index saw (as for scans, a new inode alone is no
        change). Keys are the paths as given."""
        wanted: dict[bytes, tuple[str, os.stat_result]] = {}
        for p in paths:
            try:
                st = os.stat(p)
            except OSError:
                continue
            wanted[path_key(p)] = (os.fspath(p), st)
        if not wanted:
            return {}
        out: dict[str, StoredPrediction] = {}
        keys = list(wanted)
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                rows = self._db.execute(
                    f"SELECT t.path, t.size, t.mtime_ns, {_PRED_COLUMNS}, p.embedding "
                    "FROM tracks t JOIN predictions p ON p.track_id = t.id AND p.model_id = ? "
                    f"WHERE t.path IN ({','.join('?' * len(chunk))})",
                    [model_id, *chunk],
                ).fetchall()
                for row in rows:
                    given, st = wanted[row[0]]
                    if (row[1], row[2]) == (st.st_size, st.st_mtime_ns):
                        out[given] = _prediction(row[3:-1], row[-1])  # type: ignore[assignment]
        return out

    def embeddings(
        self,
        model_id: str,
        root: str | bytes | os.PathLike | None = None,
        *,
        paths: Iterable[str | bytes | os.PathLike] | None = None,
        limit: int | None = None,
    ) -> EmbeddingSet:
        """Every stored embedding of `model_id` (under `root`, or of the given files; the first
        `limit` of them), in path order, as one matrix. Rows whose length differs from the
        first (a corrupt row) are left out. The whole index's matrix is also kept in the cache
        folder, checked against a counter that every change of predictions or paths bumps: 50k
        rows of BLOBs cost SQLite a few hundred milliseconds, the cached copy a few tens."""
        whole = root is None and paths is None and limit is None
        if whole:
            with self._lock:
                version = self.get_meta("embeddings_version") or "0"
            cached = _load_matrix_cache(self.path, model_id, version)
            if cached is not None:
                return cached
        where, params = ["p.embedding IS NOT NULL"], [model_id]
        if root is not None:
            cond, values = _under(path_key(root))
            where.append(cond.replace("path", "t.path"))
            params.extend(values)
        sql = (
            "SELECT t.path, p.embedding FROM predictions p JOIN tracks t ON t.id = p.track_id "
            "AND p.model_id = ? WHERE " + " AND ".join(where)
        )
        rows: list = []
        with self._lock:
            if paths is None:
                order = " ORDER BY t.path" + (f" LIMIT {int(limit)}" if limit is not None else "")
                rows = self._db.execute(sql + order, params).fetchall()
            else:
                keys = sorted({path_key(p) for p in paths})
                for i in range(0, len(keys), 500):
                    chunk = keys[i : i + 500]
                    rows += self._db.execute(
                        sql + f" AND t.path IN ({','.join('?' * len(chunk))}) ORDER BY t.path",
                        [*params, *chunk],
                    ).fetchall()
        if not rows:
            return EmbeddingSet(model_id, [], np.zeros((0, 0), dtype=np.float32))
        width = len(rows[0][1])
        rows = [r for r in rows if len(r[1]) == width]
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype="<f4")
        matrix = matrix.reshape(len(rows), width // 4)
        if whole:
            _save_matrix_cache(self.path, model_id, version, [r[0] for r in rows], matrix)
        return EmbeddingSet(model_id, [r[0] for r in rows], matrix)

    def embedding(self, path: str | bytes | os.PathLike, model_id: str) -> np.ndarray | None:
        """One track's stored embedding from `model_id`, or None (not indexed, not classified
        by that model, silent, or a model without embeddings)."""
        with self._lock:
            row = self._db.execute(
                "SELECT p.embedding FROM predictions p JOIN tracks t ON t.id = p.track_id "
                "WHERE t.path = ? AND p.model_id = ?",
                (path_key(path), model_id),
            ).fetchone()
        return embedding_from_blob(row[0]) if row else None

    # -- the scanner's side (one writer) -----------------------------------------------------

    def snapshot(self, roots: Iterable[bytes]) -> dict[bytes, IndexedFile]:
        """Every indexed file under the roots, in one query per root (no per-file SQL)."""
        out: dict[bytes, IndexedFile] = {}
        with self._lock:
            for root in roots:
                cond, params = _under(root)
                for row in self._db.execute(
                    "SELECT path, id, size, mtime_ns, ino, dev, tag_error FROM tracks "
                    f"WHERE {cond}",
                    params,
                ):
                    out[row[0]] = IndexedFile(*row[1:])
        return out

    def classified_ids(self, model_id: str) -> set[int]:
        """Ids of tracks that already have a prediction from this model."""
        with self._lock:
            rows = self._db.execute(
                "SELECT track_id FROM predictions WHERE model_id = ?", (model_id,)
            ).fetchall()
        return {r[0] for r in rows}

    def error_snapshot(self, roots: Iterable[bytes]) -> dict[bytes, tuple]:
        """path -> (stage, size, mtime_ns, model_id) for errors under the roots."""
        out: dict[bytes, tuple] = {}
        with self._lock:
            for root in roots:
                cond, params = _under(root)
                for row in self._db.execute(
                    f"SELECT path, stage, size, mtime_ns, model_id FROM errors WHERE {cond}",
                    params,
                ):
                    out[row[0]] = row[1:]
        return out

    def upsert_tracks(
        self,
        infos: Sequence[TrackInfo],
        *,
        forget_predictions: bool,
        clear_stages: Sequence[str] | None = None,
    ) -> None:
        """Insert new files or refresh changed ones in one transaction. A changed file's old
        predictions are dropped (`forget_predictions`): they describe other audio. The files'
        errors are dropped too, or only those of `clear_stages` when given (a second read of
        the tags of unchanged audio keeps a classification error)."""
        now = time.time()
        rows = [
            (
                i.path,
                os.path.dirname(i.path),
                i.size,
                i.mtime_ns,
                i.ino,
                i.dev,
                i.format,
                i.duration_s,
                i.title,
                i.artist,
                i.album,
                i.albumartist,
                i.tracknumber,
                json.dumps(list(i.genres), ensure_ascii=False),
                i.tag_error,
                now,
            )
            for i in infos
        ]
        with self._lock, self._db:
            if forget_predictions:
                self._embeddings_changed()
                self._db.executemany(
                    "DELETE FROM predictions WHERE track_id = (SELECT id FROM tracks WHERE path=?)",
                    [(i.path,) for i in infos],
                )
            if clear_stages is None:
                self._db.executemany(
                    "DELETE FROM errors WHERE path = ?", [(i.path,) for i in infos]
                )
            else:
                self._db.executemany(
                    "DELETE FROM errors WHERE path = ? "
                    f"AND stage IN ({','.join('?' * len(clear_stages))})",
                    [(i.path, *clear_stages) for i in infos],
                )
            self._db.executemany(
                "INSERT INTO tracks(path, folder, size, mtime_ns, ino, dev, format, duration_s, "
                "title, artist, album, albumartist, tracknumber, genres, tag_error, indexed_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(path) DO UPDATE SET "
                "folder=excluded.folder, size=excluded.size, mtime_ns=excluded.mtime_ns, "
                "ino=excluded.ino, dev=excluded.dev, format=excluded.format, "
                "duration_s=excluded.duration_s, title=excluded.title, artist=excluded.artist, "
                "album=excluded.album, albumartist=excluded.albumartist, "
                "tracknumber=excluded.tracknumber, genres=excluded.genres, "
                "tag_error=excluded.tag_error, indexed_at=excluded.indexed_at",
                rows,
            )

    def move_tracks(
        self,
        moves: Sequence[tuple[bytes, bytes]],
        identities: Mapping[bytes, tuple[int, int]] | None = None,
    ) -> None:
        """Re-point tracks at their new paths, keeping their predictions: (old, new) pairs.
        `identities` maps new paths to their (inode, device) now (a copy-based move gives a
        new inode), stored so that a later move is found by inode again."""
        with self._lock, self._db:
            self._embeddings_changed()
            self._db.executemany(
                "DELETE FROM errors WHERE path IN (?, ?)", [(a, b) for a, b in moves]
            )
            self._db.executemany(
                "UPDATE tracks SET path = ?, folder = ? WHERE path = ?",
                [(new, os.path.dirname(new), old) for old, new in moves],
            )
            if identities:
                self._set_identities([(new, *identities[new]) for _, new in moves])

    def set_identities(self, rows: Sequence[tuple[bytes, int, int]]) -> None:
        """(path, inode, device) of unchanged files whose file system gave them a new inode
        (a copy, a remount): stored so that moves are still found by inode."""
        with self._lock, self._db:
            self._set_identities(rows)

    def _set_identities(self, rows: Sequence[tuple[bytes, int, int]]) -> None:
        self._db.executemany(
            "UPDATE tracks SET ino = ?, dev = ? WHERE path = ?",
            [(ino, dev, path) for path, ino, dev in rows],
        )

    def remove_tracks(self, paths: Sequence[bytes]) -> None:
        """Forget deleted files (their predictions go with them)."""
        with self._lock, self._db:
            self._embeddings_changed()
            self._db.executemany("DELETE FROM tracks WHERE path = ?", [(p,) for p in paths])
            self._db.executemany("DELETE FROM errors WHERE path = ?", [(p,) for p in paths])

    def forget(self, root: str | bytes | os.PathLike) -> int:
        """Remove a folder (or file) and everything below it from the index, e.g. when the
        user drops a folder from the library; scans never prune a root that is missing."""
        cond, params = _under(path_key(root))
        with self._lock, self._db:
            self._embeddings_changed()
            removed = self._db.execute(f"DELETE FROM tracks WHERE {cond}", params).rowcount
            self._db.execute(f"DELETE FROM errors WHERE {cond}", params)
        return removed

    def save_prediction(self, path: bytes, prediction, when: float | None = None) -> bool:
        """Store one result (a model.classifier.Prediction, with its embedding when it has one)
        and clear the file's decode/classify error; a "tags" error stays (the audio was
        classified, the tags are still unread). Returns False when the track is no longer
        indexed."""
        with self._lock, self._db:
            row = self._db.execute("SELECT id FROM tracks WHERE path = ?", (path,)).fetchone()
            if row is None:
                return False
            self._embeddings_changed()
            self._db.execute(
                "INSERT OR REPLACE INTO predictions(track_id, model_id, genre, confidence, "
                "uncertain, probabilities, windows, duration_s, note, created_at, embedding) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    row[0],
                    prediction.model_id,
                    prediction.genre,
                    float(prediction.confidence),
                    int(bool(prediction.uncertain)),
                    json.dumps(prediction.probabilities),
                    int(prediction.windows),
                    prediction.duration_s or None,
                    prediction.note,
                    when or time.time(),
                    embedding_blob(getattr(prediction, "embedding", None)),
                ),
            )
            if prediction.duration_s:
                self._db.execute(
                    "UPDATE tracks SET duration_s = ? WHERE id = ? AND duration_s IS NULL",
                    (float(prediction.duration_s), row[0]),
                )
            self._db.execute("DELETE FROM errors WHERE path = ? AND stage <> 'tags'", (path,))
        return True

    def record_errors(
        self,
        errors: Sequence[tuple[bytes, str, str, int | None, int | None, str | None]],
        *,
        replace_stages: Sequence[str] | None = None,
    ) -> None:
        """(path, stage, message, size, mtime_ns, model_id) rows; the last one per path wins,
        or, with `replace_stages`, replaces only an error of those stages (a repeated tags
        problem must not hide a classification failure that later scans rely on)."""
        now = time.time()
        only, stages = "", tuple(replace_stages or ())
        if replace_stages is not None:
            only = f" WHERE errors.stage IN ({','.join('?' * len(stages))})"
        with self._lock, self._db:
            self._db.executemany(
                "INSERT INTO errors(path, stage, message, size, mtime_ns, model_id, at) "
                "VALUES (?,?,?,?,?,?,?) ON CONFLICT(path) DO UPDATE SET stage=excluded.stage, "
                "message=excluded.message, size=excluded.size, mtime_ns=excluded.mtime_ns, "
                "model_id=excluded.model_id, at=excluded.at" + only,
                [(*e, now, *stages) for e in errors],
            )

    def clear_errors(self, roots: Iterable[bytes], stages: Sequence[str]) -> None:
        """Drop errors of these stages under the roots (before a complete walk re-reports)."""
        with self._lock, self._db:
            for root in roots:
                cond, params = _under(root)
                self._db.execute(
                    f"DELETE FROM errors WHERE {cond} AND stage IN ({','.join('?' * len(stages))})",
                    (*params, *stages),
                )
