"""Fixtures for the tag tests: one real corpus per session, copied per test; an isolated
journal (MGC_DESKTOP_DATA_DIR) for every test."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import tagcorpus  # noqa: E402


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    data = tmp_path / "_data"
    monkeypatch.setenv("MGC_DESKTOP_DATA_DIR", str(data))
    return data


@pytest.fixture(scope="session")
def corpus_master(tmp_path_factory) -> dict[str, Path]:
    return tagcorpus.build(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def corpus(corpus_master, tmp_path) -> dict[str, Path]:
    dest = tmp_path / "music"
    dest.mkdir()
    out = {}
    for name, src in corpus_master.items():
        out[name] = dest / name
        shutil.copy2(src, out[name])
    return out
