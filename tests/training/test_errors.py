"""Acceptance 4: clear errors for unusable data folders, and the exit status the CLI gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from training.cli import main
from training.data import DataError, discover

from .conftest import write_wav


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist"):
        discover(tmp_path / "nope")


def test_no_genre_subfolders(tmp_path: Path) -> None:
    write_wav(tmp_path / "loose.wav")
    (tmp_path / "empty_genre").mkdir()
    with pytest.raises(DataError, match="no genre sub-folders"):
        discover(tmp_path)


def test_split_file_names_missing_files(tmp_path: Path) -> None:
    write_wav(tmp_path / "rock" / "a.wav")
    write_wav(tmp_path / "jazz" / "b.wav")
    (tmp_path / "clips.csv").write_text(
        "file,genre,split\nrock/a.wav,rock,train\njazz/b.wav,jazz,train\njazz/gone.wav,jazz,test\n"
    )
    with pytest.raises(DataError, match="jazz/gone.wav"):
        discover(tmp_path)


def test_genre_with_too_few_files(tmp_path: Path) -> None:
    for i in range(3):
        write_wav(tmp_path / "rock" / f"r{i}.wav")
    write_wav(tmp_path / "jazz" / "only.wav")
    with pytest.raises(DataError, match="jazz: 1"):
        discover(tmp_path, min_per_genre=2)


def test_single_genre(tmp_path: Path) -> None:
    write_wav(tmp_path / "rock" / "r.wav")
    with pytest.raises(DataError, match="two genres"):
        discover(tmp_path, min_per_genre=1)


def test_plain_folder_ok(tmp_path: Path) -> None:
    for g in ("rock", "jazz"):
        for i in range(2):
            write_wav(tmp_path / g / f"{i}.wav")
    clips = discover(tmp_path)
    assert {c.genre for c in clips} == {"rock", "jazz"} and all(c.split == "train" for c in clips)


def test_cli_reports_error_and_exit_status(tmp_path: Path, capsys) -> None:
    rc = main(["features", "--data", str(tmp_path / "missing")])
    assert rc == 2
    assert "does not exist" in capsys.readouterr().err


def test_unreadable_file_skipped_and_listed(tmp_path: Path) -> None:
    import torch

    from training.embed import TorchRunner, prepare_embeddings
    from training.musicnn import MusicnnFeatures

    torch.manual_seed(0)
    good = write_wav(tmp_path / "rock" / "good.wav", seconds=5)
    bad = tmp_path / "rock" / "bad.mp3"
    bad.write_bytes(b"this is not audio" * 100)
    jobs = [(str(good), 1.0, 0.0), (str(good), 1.08, 0.0), (str(good), 1.0, -6.0),
            (str(bad), 1.0, 0.0), (str(bad), 1.0, -6.0)]
    entries, errors = prepare_embeddings(jobs, TorchRunner(MusicnnFeatures()), tmp_path / "c")
    assert {(str(good), 1.0, 0.0), (str(good), 1.08, 0.0), (str(good), 1.0, -6.0)} <= set(entries)
    assert list(errors) == [str(bad)] and errors[str(bad)]  # one line per bad file
    import numpy as np

    quieter = np.load(entries[(str(good), 1.0, -6.0)])
    feats = np.load(entries[(str(good), 1.0, 0.0)])
    assert not np.allclose(quieter["tags"], feats["tags"])  # the level copy is a different input
    assert feats["pen"].shape[1] == 200 and feats["tags"].shape[1] == 50
    assert feats["pool"].shape == (len(feats["pen"]), 1506)
