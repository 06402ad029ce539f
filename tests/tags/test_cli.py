"""Acceptance 3 (end to end): `tag` and `undo` on real files: plan before writing, dry run,
policies, multi-genre, threshold, undo by batch and by path, exit codes and last lines."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import tagcorpus

from mgc_desktop.cli import main
from mgc_desktop.tags import apply_plan, list_batches, plan_prediction, read_genres


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.strip().splitlines(), err


def test_dry_run_writes_nothing(corpus, capsys):
    files = [str(corpus[n]) for n in ("a.flac", "genre.flac", "a.m4a")]
    before = [Path(f).read_bytes() for f in files]
    code, out, _ = run(capsys, "tag", "--dry-run", "--set-genre", "Jazz", *files)
    assert code == 0
    assert out[0].endswith("a.flac: (none) -> Jazz")
    assert out[1].endswith("genre.flac: Pop/Funk -> Jazz")
    assert out[-1].startswith("dry run, nothing written: 3 would be written")
    assert [Path(f).read_bytes() for f in files] == before
    assert list_batches() == []


def test_set_genre_then_undo(corpus, capsys):
    files = [str(corpus[n]) for n in ("a.flac", "genre.flac", "v23.mp3", "a.wma")]
    code, out, _ = run(capsys, "tag", "--set-genre", "hiphop,Jazz", *files)
    assert code == 0
    assert out[-1] == "batch 1: 4 written, 0 skipped, 0 failed"
    assert any("-> Hip-Hop; Jazz" in line for line in out)
    assert read_genres(corpus["a.flac"]) == ["Hip-Hop", "Jazz"]
    code, out, _ = run(capsys, "undo")
    assert code == 0
    assert out[-1] == (
        "undo batch 2 (of batch 1): 4 restored (4 byte-exact, 0 tag-exact), 0 skipped, 0 failed"
    )
    assert read_genres(corpus["genre.flac"]) == ["Pop/Funk"]
    assert read_genres(corpus["a.flac"]) == []
    code, out, err = run(capsys, "undo")  # nothing left
    assert code == 0 and "nothing to undo" in err


def test_policy_fill_is_default_for_predictions_and_append(corpus):
    p_empty = Pred(str(corpus["a.flac"]), "rock", 0.8)
    p_full = Pred(str(corpus["genre.flac"]), "rock", 0.8)
    plan = [plan_prediction(p_empty), plan_prediction(p_full)]
    assert [i.action for i in plan] == ["write", "keep"]
    result = apply_plan(plan)
    assert (result.written, result.skipped) == (1, 1)
    assert read_genres(corpus["genre.flac"]) == ["Pop/Funk"]
    apply_plan([plan_prediction(p_full, policy="append")])
    assert read_genres(corpus["genre.flac"]) == ["Pop/Funk", "Rock"]
    apply_plan([plan_prediction(p_full, policy="replace")])
    assert read_genres(corpus["genre.flac"]) == ["Rock"]
    assert list_batches()[0].model_id == "test-model"


def test_threshold_and_uncertain_untouched(corpus):
    low = Pred(str(corpus["a.flac"]), "rock", 0.3)
    unsure = Pred(str(corpus["a.m4a"]), "rock", 0.9, uncertain=True)
    before = [corpus["a.flac"].read_bytes(), corpus["a.m4a"].read_bytes()]
    result = apply_plan([plan_prediction(low), plan_prediction(unsure)])
    assert (result.written, result.skipped, result.failed) == (0, 2, 0)
    assert [corpus["a.flac"].read_bytes(), corpus["a.m4a"].read_bytes()] == before


def test_top_k_multi_genre(corpus):
    probs = {"rock": 0.5, "metal": 0.4, "pop": 0.1}
    pred = Pred(str(corpus["a.opus"]), "rock", 0.5, probs)
    apply_plan([plan_prediction(pred, top_k=2, min_confidence=0.35)])
    assert tagcorpus.genres(corpus["a.opus"]) == ["Rock", "Metal"]


def test_undo_by_path_and_refuses_changed_files(corpus, capsys):
    a, b = str(corpus["a.flac"]), str(corpus["a.m4a"])
    run(capsys, "tag", "--set-genre", "Blues", a, b)
    code, out, _ = run(capsys, "undo", a)
    assert code == 0 and out[-1].endswith(
        "1 restored (1 byte-exact, 0 tag-exact), 0 skipped, 0 failed"
    )
    assert read_genres(a) == [] and read_genres(b) == ["Blues"]
    # someone else changes b: undo refuses it unless --force
    from mutagen.mp4 import MP4

    m = MP4(b)
    m["\xa9gen"] = ["Polka"]
    m.save()
    code, out, err = run(capsys, "undo", "--batch", "1")
    assert code == 1 and "genre changed since batch 1" in err
    assert read_genres(b) == ["Polka"]
    code, out, _ = run(capsys, "undo", "--batch", "1", "--force")
    assert code == 0 and read_genres(b) == []


def test_changed_since_planned_is_refused(corpus):
    from mgc_desktop.tags import plan_manual

    plan = plan_manual([corpus["a.flac"], corpus["a.ogg"]], ["Rock"])
    with open(corpus["a.flac"], "ab") as f:
        f.write(b"\0")
    before = corpus["a.flac"].read_bytes()
    result = apply_plan(plan)
    assert (result.written, result.failed) == (1, 1)
    assert "changed since it was analysed" in result.errors[0][1]
    assert corpus["a.flac"].read_bytes() == before


def test_usage_errors(corpus, capsys):
    f = str(corpus["a.flac"])
    assert run(capsys, "tag", "--min-confidence", "2", "--set-genre", "Rock", f)[0] == 2
    assert run(capsys, "tag", "--top-k", "0", "--set-genre", "Rock", f)[0] == 2
    assert run(capsys, "tag", "--set-genre", ",", f)[0] == 2
    assert run(capsys, "tag", "--policy", "merge", f)[0] == 2
    assert run(capsys, "undo", "--batch", "99")[0] == 2


def test_folder_argument_and_list(corpus, capsys):
    code, out, _ = run(
        capsys, "tag", "--set-genre", "Reggae", "--policy", "fill", str(corpus["a.flac"].parent)
    )
    assert code == 0
    assert out[-1].startswith("batch 1: ")
    code, out, _ = run(capsys, "undo", "--list")
    assert code == 0 and out[0].startswith("batch 1: tag")


def test_missing_path_records_no_batch(corpus, tmp_path, capsys):
    """Issue 14.12: a missing path is a clear error, and no empty batch is left to undo."""
    missing = tmp_path / "no such folder" / "song.mp3"
    code, out, err = run(capsys, "tag", "--set-genre", "Rock", str(missing))
    assert code == 1
    assert out[0] == f"{missing}: error: file not found"
    assert out[-1] == "nothing written, no batch recorded: 0 written, 0 skipped, 1 failed"
    assert list_batches() == []
    code, out, err = run(capsys, "undo")
    assert code == 0 and "nothing to undo" in err
    # with a good file beside it, the batch holds only the good file
    code, out, _ = run(capsys, "tag", "--set-genre", "Rock", str(missing), str(corpus["a.ogg"]))
    assert code == 1 and out[-1] == "batch 1: 1 written, 0 skipped, 1 failed"


def test_undo_list_shows_dates_and_folders(corpus, tmp_path, capsys):
    """Issue 14.12: each batch line says when it ran and which folder it touched."""
    import time

    other = tmp_path / "other"
    other.mkdir()
    elsewhere = other / "b.flac"
    elsewhere.write_bytes(corpus["genre.flac"].read_bytes())
    assert run(capsys, "tag", "--set-genre", "Jazz", str(corpus["a.flac"]))[0] == 0
    assert run(capsys, "tag", "--set-genre", "Jazz", str(elsewhere))[0] == 0
    assert run(capsys, "undo")[0] == 0
    code, out, _ = run(capsys, "undo", "--list")
    assert code == 0 and len(out) == 3
    today = time.strftime("%Y-%m-%d")
    music = corpus["a.flac"].parent
    assert out[0].startswith(f"batch 1: tag, {today} ")
    assert f", in {music}" in out[0] and "1 written" in out[0] and "1 in effect" in out[0]
    assert f", in {other}" in out[1] and "0 in effect" in out[1]
    assert out[2].startswith(f"batch 3: undo of 2, {today} ") and f", in {other}" in out[2]
    assert ", note: " not in out[0]


@dataclass(frozen=True)
class Pred:
    path: str
    genre: str
    confidence: float
    probabilities: dict = field(default_factory=dict)
    uncertain: bool = False
    model_id: str = "test-model"
    windows: int = 3


def test_tag_classifies_with_the_model_api(corpus, capsys, monkeypatch):
    batch = pytest.importorskip("mgc_desktop.model.batch")

    def fake_classify(paths, **kwargs):
        for p in paths:
            if str(p).endswith(".ogg"):
                yield batch.FileFailure(str(p), "decoder said no")
            else:
                yield Pred(str(p), "jazz", 0.9, {"jazz": 0.9, "blues": 0.1})

    monkeypatch.setattr(batch, "classify_paths", fake_classify)
    files = [str(corpus[n]) for n in ("a.flac", "genre.flac", "a.ogg")]
    code, out, _ = run(capsys, "tag", *files)
    assert code == 1
    assert out[0].endswith("a.flac: (none) -> Jazz")
    assert "(keep) already has a genre" in out[1]
    assert "cannot classify: decoder said no" in out[2]
    assert out[-1] == "batch 1: 1 written, 1 skipped, 1 failed"
    assert sys.modules["mgc_desktop.model.batch"] is batch
