"""Edge cases of learning the owner's genres that once went wrong: a corrupt (NaN) or empty
embedding, copies of the same recording, two genres, a genre with exactly --min-tracks tracks,
a library where every track is tagged."""

from __future__ import annotations

import numpy as np

from mgc_desktop.model.classifier import Prediction
from mgc_desktop.personal.training import fit_personal_model
from tests.personal.synth import BASE_CLASSES, draw, flat_answers, training_set

D = 16


def _two_genres(seed: int = 0, n: int = 60):
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((2, D)) * 2.0
    x, y = draw(rng, centres, n, 0.5)
    return x, [[int(v)] for v in y]


def test_nan_or_zero_embedding_is_never_written():
    """A NaN confidence passes no `<` test: such a track came out certain, with a genre."""
    x, labels = _two_genres()
    model = fit_personal_model(training_set(x, labels, ["A", "B"]))
    rows = np.vstack([np.full(D, np.nan), np.zeros(D), x[:1]]).astype(np.float32)
    probs, none = model.predict(rows, flat_answers(3))
    assert np.isfinite(probs).all() and np.isfinite(none).all()
    assert none[0] == 1.0 and none[1] == 1.0 and none[2] < 0.5
    base = dict(zip(BASE_CLASSES, (0.3, 0.3, 0.3)))
    for vector, expected in ((rows[0], True), (rows[1], True), (rows[2], False)):
        pred = Prediction("/m/x.mp3", "rock", 0.3, base, 3, "base-1", False, embedding=vector)
        assert model.apply(pred).uncertain is expected
    assert model.is_uncertain(float("nan"), 0.0, 0.5) and model.is_uncertain(0.9, np.nan, 0.5)


def test_one_corrupt_tagged_row_does_not_spoil_the_model():
    """One NaN embedding among the tagged tracks made every weight NaN (nothing learned)."""
    x, labels = _two_genres()
    x[0] = np.nan
    background = x[:10].copy()
    background[3] = np.nan
    model = fit_personal_model(training_set(x, labels, ["A", "B"], background=background))
    assert np.isfinite(model.weights).all() and np.isfinite(model.openset.ref_emb).all()
    assert model.report["cv"]["accuracy"] >= 0.9
    assert model.report["tracks"]["no_embedding"] == 1
    assert model.report["tracks"]["used"] == len(labels) - 1
    assert sum(g["tracks"] for g in model.report["genres"]) == len(labels) - 1


def test_copies_of_a_recording_are_not_their_own_evidence():
    """Genres that mean nothing (random labels) on a library where every file is there twice:
    cross-validation, with each copy judged by a model that learned the other, claimed 90 %
    and a write threshold; kept in one fold, the copies claim what the music supports."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((40, 64)).astype(np.float32)
    y = [[int(v)] for v in rng.integers(0, 2, 40)]
    model = fit_personal_model(training_set(np.vstack([x, x]), y + y, ["A", "B"]))
    assert model.report["cv"]["accuracy"] < 0.75
    assert model.report["threshold"]["value"] is None  # nothing is written automatically
    probs, none = model.predict(x, flat_answers(len(x)))
    certain = [not model.is_uncertain(p.max(), n, model.threshold) for p, n in zip(probs, none)]
    assert not any(certain)


def test_two_genres_one_with_exactly_min_tracks_every_track_tagged():
    """The smallest case learning accepts: two genres, one with 5 tracks (the default
    --min-tracks), nothing untagged (the open set is fitted on the genres held out)."""
    rng = np.random.default_rng(3)
    centres = rng.standard_normal((2, D)) * 2.0
    big = centres[0] + 0.5 * rng.standard_normal((30, D))
    small = centres[1] + 0.5 * rng.standard_normal((5, D))
    x = np.vstack([big, small]).astype(np.float32)
    labels = [[0]] * 30 + [[1]] * 5
    model = fit_personal_model(training_set(x, labels, ["Big", "Small"]))
    report = model.report
    assert report["open_set"]["method"] == "held-out genres"
    assert [g["tracks"] for g in report["genres"]] == [30, 5]
    assert report["untrustworthy"] == ["Small"]
    small_acc = report["genres"][1]["cv_accuracy"]
    assert small_acc["n"] == 5 and small_acc["ci95"][0] < small_acc["value"] <= 1.0
    new = (centres[1] + 0.5 * rng.standard_normal((20, D))).astype(np.float32)
    probs, _ = model.predict(new, flat_answers(len(new)))
    assert (probs.argmax(axis=1) == 1).mean() >= 0.9
