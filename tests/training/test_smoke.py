"""Acceptance 3: a smoke training on a handful of real clips exports an ONNX model that the
app's inference path loads and uses, well within CI's time limit."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from mgc_desktop.model.classifier import GenreClassifier
from training.cli import main


def _handful(shared: Path, dest: Path, per_genre: int = 2, genres: int = 3) -> Path:
    """Copy a few GTZAN clips into a plain <genre>/<file> tree (no CSV)."""
    for gdir in sorted(p for p in (shared / "gtzan").iterdir() if p.is_dir())[:genres]:
        for f in sorted(gdir.glob("*.flac"))[:per_genre]:
            (dest / gdir.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest / gdir.name / f.name)
    return dest


@pytest.mark.timeout(180)
def test_smoke_train_export_classify(shared_data: Path, tmp_path: Path) -> None:
    data = _handful(shared_data, tmp_path / "data")
    out = tmp_path / "smoke.onnx"
    start = time.monotonic()
    rc = main(["smoke", "--data", str(data), "--out", str(out),
               "--cache", str(tmp_path / "cache")])
    assert rc == 0
    assert out.is_file()
    clf = GenreClassifier(out)
    assert set(clf.classes) == {p.name for p in data.iterdir()}
    some_file = next(data.rglob("*.flac"))
    pred = clf.classify_file(some_file)
    assert pred.genre in clf.classes
    assert 0 < sum(pred.probabilities.values()) <= 1 + 1e-5
    assert pred.windows >= 1 and pred.embedding is not None
    assert time.monotonic() - start < 180
