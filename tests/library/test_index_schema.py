"""Creating and upgrading the index's schema: safe when several processes open a fresh index at
once (the GUI and a `scan` in a terminal), and all or nothing when a step fails midway."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3

import pytest

from mgc_desktop.library.index import SCHEMA_VERSION, Library

TRIALS = 12
PROCESSES = 3


def _open_fresh_indexes(folder: str, barrier, answers) -> None:
    """Child process: open each trial's fresh index at the same moment as the others."""
    for trial in range(TRIALS):
        barrier.wait()
        try:
            Library(f"{folder}/{trial}.sqlite3").close()
            answers.put("ok")
        except Exception as exc:  # noqa: BLE001 - reported to the test
            answers.put(f"{type(exc).__name__}: {exc}")


def test_processes_opening_a_fresh_index_at_once(tmp_path):
    ctx = mp.get_context("spawn")
    barrier, answers = ctx.Barrier(PROCESSES), ctx.Queue()
    children = [
        ctx.Process(target=_open_fresh_indexes, args=(str(tmp_path), barrier, answers))
        for _ in range(PROCESSES)
    ]
    for child in children:
        child.start()
    got = [answers.get(timeout=120) for _ in range(TRIALS * PROCESSES)]
    for child in children:
        child.join(30)
    assert [a for a in got if a != "ok"] == []
    with Library(tmp_path / "0.sqlite3") as library:
        assert library.get_meta("schema_version") == str(SCHEMA_VERSION)


def test_a_step_that_fails_leaves_no_trace(tmp_path, monkeypatch):
    """The version bump fails after a step's tables were made (a crash, a full disk): the step
    must roll back with it, or the next start would find half a schema and stop for good."""
    db = tmp_path / "library.sqlite3"
    real = Library._set_meta

    def failing(self, key, value):
        if key == "schema_version":
            raise sqlite3.OperationalError("disk I/O error")
        return real(self, key, value)

    monkeypatch.setattr(Library, "_set_meta", failing)
    with pytest.raises(sqlite3.OperationalError):
        Library(db)
    monkeypatch.undo()

    with Library(db) as library:  # the next start creates the schema from scratch
        assert library.get_meta("schema_version") == str(SCHEMA_VERSION)
        assert library.stats().tracks == 0
