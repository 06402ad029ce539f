"""The personal genre model on synthetic embeddings: names, learning, calibration, storage,
restating a prediction, and nearest neighbours."""

from __future__ import annotations

import numpy as np
import pytest

from mgc_desktop.model.classifier import Prediction
from mgc_desktop.personal.model import (
    PersonalModel,
    StaleVocabulary,
    VocabularyError,
    forget_personal,
    load_personal,
    model_file,
)
from mgc_desktop.personal.names import choose_genres, count_genres, split_genres
from mgc_desktop.personal.similar import NothingToCompare, most_similar
from mgc_desktop.personal.training import fit_personal_model
from tests.personal.synth import draw as _draw
from tests.personal.synth import flat_answers, training_set


def _fit(x, labels, names, seed: int = 0) -> PersonalModel:
    return fit_personal_model(training_set(x, labels, names), seed=seed)


def _probabilities(model: PersonalModel, x: np.ndarray) -> np.ndarray:
    return model.predict(x, flat_answers(len(x)))[0]


def test_spellings_split_and_majority_name():
    assert split_genres(["Electronic; House"]) == ["Electronic", "House"]
    assert split_genres(["electronic ", "Electronic", "(17)"]) == ["electronic", "Rock"]
    tracks = [
        split_genres(v)
        for v in (["Electronic"], ["electronic "], ["Electronic; House"], ["house"], ["R&B"])
    ]
    counts = count_genres(tracks)
    assert counts["electronic"].name == "Electronic"  # 2 of 3 tracks spell it so
    assert counts["electronic"].tracks == 3
    assert counts["electronic"].spellings == {"Electronic": 2, "electronic": 1}
    assert counts["house"].tracks == 2
    kept, left = choose_genres(counts, min_tracks=2)
    assert kept == ["electronic", "house"]
    assert [(x.name, x.tracks) for x in left] == [("R&B", 1)]
    assert "fewer than --min-tracks 2" in left[0].reason


def test_learns_clusters_and_reports_honest_cross_validation():
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((5, 32))
    x, y = _draw(rng, centres, 600, 3.0)
    xt, yt = _draw(rng, centres, 3000, 3.0)
    names = ["Electronic", "Jazz", "R&B", "Shoegaze", "Chanson"]
    model = _fit(x, [[int(v)] for v in y], names)
    closed = model.closed(xt, flat_answers(len(xt)))
    np.testing.assert_allclose(closed.sum(axis=1), 1.0, rtol=1e-6)
    probs, none = model.predict(xt, flat_answers(len(xt)))
    np.testing.assert_allclose(probs.sum(axis=1) + none, 1.0, rtol=1e-6)
    accuracy = float((probs.argmax(axis=1) == yt).mean())
    assert accuracy > 0.6  # chance is 0.2
    cv = model.report["cv"]
    assert abs(cv["accuracy"] - accuracy) < 0.06  # the report predicts held-out accuracy
    assert abs(float(closed.max(axis=1).mean()) - accuracy) < 0.05  # calibrated confidence
    assert cv["l2"] > 0 and cv["folds"] == 5 and cv["tracks"] == cv["n"] == 600
    lo, hi = cv["ci95"]
    assert lo < cv["accuracy"] < hi and hi - lo < 0.1  # 600 tracks: a narrow interval
    assert [g["genre"] for g in model.report["genres"]] == names
    assert all(g["trustworthy"] for g in model.report["genres"])  # about 120 tracks each


def test_class_balance_keeps_a_rare_genre_findable():
    rng = np.random.default_rng(0)
    d = 8
    offset = np.eye(d)[1] * 5
    common = rng.standard_normal((500, d)) + offset
    rare = rng.standard_normal((25, d)) + offset + 2 * np.eye(d)[0]
    x = np.vstack([common, rare]).astype(np.float32)
    model = _fit(x, [[0]] * 500 + [[1]] * 25, ["Rock", "Polka"])
    fresh_rare = (rng.standard_normal((1000, d)) + offset + 2 * np.eye(d)[0]).astype(np.float32)
    fresh_common = (rng.standard_normal((1000, d)) + offset).astype(np.float32)
    assert (_probabilities(model, fresh_rare).argmax(axis=1) == 1).mean() > 0.7
    assert (_probabilities(model, fresh_common).argmax(axis=1) == 0).mean() > 0.7


def test_multi_genre_tracks_count_for_each_genre():
    rng = np.random.default_rng(1)
    centres = rng.standard_normal((2, 16)) * 3
    x, y = _draw(rng, centres, 200, 0.5)
    labels = [[int(v)] for v in y]
    labels[:10] = [[0, 1]] * 10  # "Electronic; House"
    model = _fit(x, labels, ["Electronic", "House"])
    assert model.report["cv"]["accuracy"] > 0.9


def _model(rng, centres=None) -> PersonalModel:
    centres = rng.standard_normal((3, 12)) * 2 if centres is None else centres
    x, y = _draw(rng, centres, 120, 0.5)
    return _fit(x, [[int(v)] for v in y], ["Electronic", "jazz", "R&B"])


def test_save_load_forget_and_base_model_tie(tmp_path):
    rng = np.random.default_rng(2)
    model = _model(rng)
    saved = model.save()
    assert saved == model_file() and saved.is_file()
    loaded = load_personal("base-1")
    probe = rng.standard_normal((7, 12)).astype(np.float32)
    np.testing.assert_allclose(
        _probabilities(loaded, probe), _probabilities(model, probe), rtol=1e-3, atol=1e-4
    )  # the open set's reference tracks are stored as float16
    assert loaded.genres == ("Electronic", "jazz", "R&B")
    assert loaded.report["cv"] == model.report["cv"]
    assert loaded.threshold == model.threshold and 0.5 <= loaded.threshold <= 1.0
    with pytest.raises(StaleVocabulary, match="learned with base model 'base-1'.*learn"):
        load_personal("base-2")
    assert forget_personal() is True
    assert not saved.exists()
    assert forget_personal() is False
    with pytest.raises(VocabularyError, match="no learned genres yet"):
        load_personal("base-1")


def test_damaged_file_is_refused_with_a_reason(tmp_path):
    bad = tmp_path / "personal.npz"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(VocabularyError, match="unreadable.*learn"):
        PersonalModel.load(bad)


def test_a_file_from_the_first_version_asks_to_learn_again(tmp_path):
    old = tmp_path / "personal.npz"
    np.savez(old, format=np.array("mgc-desktop-personal-genres"), version=np.array(1))
    with pytest.raises(VocabularyError, match="older version.*learn"):
        PersonalModel.load(old)


def test_apply_restates_a_prediction_in_the_users_words():
    rng = np.random.default_rng(3)
    centres = rng.standard_normal((3, 12)) * 2
    model = _model(rng, centres=centres)
    base = Prediction(
        path="a.mp3",
        genre="rock",
        confidence=0.9,
        probabilities={"rock": 0.9, "pop": 0.1},
        windows=8,
        model_id="base-1",
        uncertain=False,
    )
    object.__setattr__(base, "embedding", centres[2].astype(np.float32))  # an "R&B" track
    mine = model.apply(base, uncertain_below=0.5)
    assert mine.genre == "R&B" and not mine.uncertain
    assert set(mine.probabilities) == {"Electronic", "jazz", "R&B"}
    assert mine.model_id == "base-1" and mine.path == "a.mp3"
    assert mine.outside < 0.2  # like the tagged R&B tracks: hardly "none of these"
    strict = model.apply(base, uncertain_below=1.01)
    assert strict.uncertain and strict.genre == "R&B"
    learned = model.apply(base)  # the learned threshold
    assert learned.uncertain == (learned.confidence < model.threshold)
    silent = Prediction("s.mp3", None, 0.0, {}, 0, "base-1", True, note="silent")
    assert model.apply(silent, 0.5) is silent


def test_most_similar_is_cosine_without_the_query():
    rng = np.random.default_rng(4)
    matrix = rng.standard_normal((500, 24)).astype(np.float32)
    paths = [f"/m/{i:03d}.mp3" for i in range(500)]
    found = most_similar(paths, matrix, matrix[42], top=5, exclude="/m/042.mp3")
    unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    cosine = unit @ unit[42]
    cosine[42] = -np.inf
    expected = np.argsort(-cosine)[:5]
    assert [p for p, _ in found] == [paths[i] for i in expected]
    np.testing.assert_allclose([s for _, s in found], cosine[expected], rtol=1e-5)
    assert found == sorted(found, key=lambda f: -f[1])
    assert len(most_similar(paths[:3], matrix[:3], matrix[0], top=10, exclude=paths[0])) == 2
    with pytest.raises(NothingToCompare, match="24"):
        most_similar(paths, matrix, np.ones(7), top=3)


def test_tags_unrelated_to_the_sound_give_honestly_unsure_answers():
    """Genres the embeddings cannot tell apart: the report says so (chance-level accuracy) and
    the calibrated answers are unsure, so nothing would be auto-tagged."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((300, 16)).astype(np.float32)
    labels = [[int(v)] for v in rng.integers(0, 3, 300)]
    model = _fit(x, labels, ["A", "B", "C"])
    assert model.report["cv"]["accuracy"] < 0.45  # chance is 1/3
    confidence = _probabilities(model, rng.standard_normal((500, 16))).max(axis=1)
    assert confidence.mean() < 0.45 and (confidence >= model.threshold).mean() < 0.05


def test_similar_weighs_the_base_models_answers_beside_the_embedding():
    """Two tracks as close in embedding space; the one the base model heard alike wins, and the
    score is the mean of the cosine and the answers' Bhattacharyya coefficient."""
    from mgc_desktop.personal.features import sqrt_answers

    matrix = np.array([[1.0, 0.1, 0.0], [1.0, -0.1, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    answers = sqrt_answers(np.array([[0.1, 0.9], [0.9, 0.1], [0.1, 0.9]], dtype=np.float32))
    query, heard = np.array([1.0, 0.0, 0.0]), sqrt_answers(np.array([0.9, 0.1]))
    alone = most_similar(["a", "b", "c"], matrix, query, top=3)
    assert alone[0][1] == pytest.approx(alone[1][1])  # the embedding cannot tell a from b
    found = most_similar(
        ["a", "b", "c"], matrix, query, top=3, answers=answers, query_answers=heard
    )
    assert [p for p, _ in found] == ["b", "a", "c"]
    cosine = 1 / np.sqrt(1.01)
    assert found[0][1] == pytest.approx(0.5 * cosine + 0.5 * 1.0, abs=1e-5)
    assert found[1][1] == pytest.approx(0.5 * cosine + 0.5 * 0.6, abs=1e-5)
