"""The library index keeps each prediction's track embedding, and old index files migrate."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from mgc_desktop.library import index as index_module
from mgc_desktop.library.index import Library, TrackInfo, path_key
from mgc_desktop.library.scanner import read_track_info


def _result(path: bytes, model_id: str, embedding, genre: str | None = "jazz"):
    """What the classifier hands the index (the fields save_prediction reads)."""
    return SimpleNamespace(
        path=path,
        model_id=model_id,
        genre=genre,
        confidence=0.8 if genre else 0.0,
        uncertain=genre is None,
        probabilities={"jazz": 0.8, "rock": 0.2} if genre else {},
        windows=8 if genre else 0,
        duration_s=30.0,
        note="" if genre else "silent: no audible music",
        embedding=embedding,
    )


def _add(library: Library, root, names: list[str]) -> list[bytes]:
    keys = [path_key(root / n) for n in names]
    infos = [TrackInfo(k, 1000 + i, 10**9 + i, 100 + i, 1, "flac") for i, k in enumerate(keys)]
    library.upsert_tracks(infos, forget_predictions=False)
    return keys


def test_embeddings_round_trip_as_one_matrix(tmp_path):
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((5, 16)).astype(np.float32)
    with Library(tmp_path / "lib.sqlite3") as library:
        keys = _add(library, tmp_path / "music", [f"{i}.flac" for i in range(6)])
        for key, vec in zip(keys, vectors):
            assert library.save_prediction(key, _result(key, "m1", vec))
        library.save_prediction(keys[5], _result(keys[5], "m1", None, genre=None))  # silent
        library.save_prediction(keys[0], _result(keys[0], "m2", vectors[0] * 2))  # other model

        found = library.embeddings("m1")
        assert found.paths == [index_module.path_str(k) for k in keys[:5]]  # silent one left out
        assert found.matrix.dtype == np.float32
        np.testing.assert_array_equal(found.matrix, vectors)
        np.testing.assert_array_equal(library.embeddings("m2").matrix, vectors[:1] * 2)
        np.testing.assert_array_equal(library.embedding(keys[3], "m1"), vectors[3])
        assert library.embedding(keys[5], "m1") is None
        assert library.embedding(keys[3], "m2") is None
        some = library.embeddings("m1", paths=[keys[4], keys[1]])
        np.testing.assert_array_equal(some.matrix, vectors[[1, 4]])
        assert len(library.embeddings("m1", tmp_path / "elsewhere")) == 0


def test_cached_prediction_carries_its_embedding(tmp_path):
    music = tmp_path / "music"
    music.mkdir()
    audio = music / "a.flac"
    audio.write_bytes(b"not really audio, the index only stats it")
    vec = np.arange(8, dtype=np.float32)
    with Library(tmp_path / "lib.sqlite3") as library:
        key = path_key(audio)
        library.upsert_tracks([read_track_info(key, os.stat(key))], forget_predictions=False)
        library.save_prediction(key, _result(key, "m1", vec))
        cached = library.cached_predictions([str(audio)], "m1")[str(audio)]
        np.testing.assert_array_equal(cached.embedding, vec)
        # Table reads stay light: no embedding unless asked for.
        assert library.track(audio, "m1").prediction.embedding is None


def test_version_1_index_migrates_and_keeps_its_rows(tmp_path):
    db = tmp_path / "old.sqlite3"
    con = sqlite3.connect(db)
    con.executescript(index_module._MIGRATIONS[0])
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(
        "INSERT INTO tracks(id, path, folder, size, mtime_ns, ino, dev, format, genres, "
        "indexed_at) VALUES (1, ?, ?, 10, 20, 30, 1, 'mp3', '[\"Jazz\"]', 0)",
        (b"/music/old.mp3", b"/music"),
    )
    con.execute(
        "INSERT INTO predictions(track_id, model_id, genre, confidence, uncertain, "
        "probabilities, windows, created_at) VALUES (1, 'm0', 'jazz', 0.9, 0, '{}', 8, 1)"
    )
    con.commit()
    con.close()

    with Library(db) as library:
        assert library.get_meta("schema_version") == str(index_module.SCHEMA_VERSION) == "2"
        track = library.track("/music/old.mp3", "m0")
        assert track.genres == ("Jazz",) and track.prediction.genre == "jazz"
        assert library.embedding("/music/old.mp3", "m0") is None
        key = path_key("/music/old.mp3")
        library.save_prediction(key, _result(key, "m1", np.ones(4, dtype=np.float32)))
        np.testing.assert_array_equal(library.embedding(key, "m1"), np.ones(4))
    with Library(db) as again:  # a second open does not migrate twice
        assert again.get_meta("schema_version") == "2"


def test_newer_index_is_refused(tmp_path):
    db = tmp_path / "new.sqlite3"
    Library(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(RuntimeError, match="newer than this app"):
        Library(db)


def test_whole_index_matrix_cache_follows_every_change(tmp_path):
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((4, 8)).astype(np.float32)
    with Library(tmp_path / "lib.sqlite3") as library:
        keys = _add(library, tmp_path / "m", ["a.mp3", "b.mp3", "c.mp3", "d.mp3"])
        for key, vec in zip(keys[:3], vectors):
            library.save_prediction(key, _result(key, "m1", vec))
        first = library.embeddings("m1")
        cached = Path(os.environ["MGC_DESKTOP_CACHE_DIR"]) / "embeddings"
        assert len(list(cached.iterdir())) == 1  # the whole-index matrix was cached
        again = library.embeddings("m1")
        assert again.paths == first.paths
        np.testing.assert_array_equal(again.matrix, vectors[:3])

        library.save_prediction(keys[3], _result(keys[3], "m1", vectors[3]))
        np.testing.assert_array_equal(library.embeddings("m1").matrix, vectors)
        moved = path_key(tmp_path / "m" / "z.mp3")
        library.move_tracks([(keys[0], moved)])
        assert library.embeddings("m1").paths[-1] == index_module.path_str(moved)
        library.remove_tracks([keys[1]])
        assert len(library.embeddings("m1")) == 3
        library.forget(tmp_path / "m")
        assert len(library.embeddings("m1")) == 0
    with Library(tmp_path / "lib.sqlite3") as other:  # another connection sees the same
        key = _add(other, tmp_path / "n", ["e.mp3"])[0]
        other.save_prediction(key, _result(key, "m1", vectors[0]))
        assert len(other.embeddings("m1")) == 1
