"""Units of the training recipe: folds, the head, calibration and the gates."""

from __future__ import annotations

import numpy as np
import torch

from training import ood
from training.data import Clip, holdout_split, kfold_splits
from training.head import ClipPatches, GenreHead, HeadConfig, fit_heads
from training.musicnn import MSD_TAGS
from training.track_model import OutOfTaxonomyGates
from training.train import (
    CalibrationConfig,
    choose_sure_above,
    choose_threshold,
    fit_temperature,
    softmax,
)


def _clips() -> list[Clip]:
    out = []
    for g in ("a", "b", "c"):
        for artist in range(4):
            for k in range(2):
                out.append(Clip(f"/x/{g}{artist}{k}.mp3", g, "train", f"x:artist:{g}{artist}",
                                "x", f"{g}/{artist}{k}.mp3"))
    return out


def test_kfold_keeps_artists_together() -> None:
    clips = _clips()
    for tr, va in kfold_splits(clips, 2, seed=0):
        assert not {clips[i].group for i in tr} & {clips[i].group for i in va}
        assert {clips[i].genre for i in va} == {"a", "b", "c"}


def test_holdout_disjoint_and_no_test() -> None:
    clips = _clips() + [Clip("/t.mp3", "a", "test", "t", "x", "t.mp3")]
    tr, va = holdout_split(clips)
    assert not set(tr) & set(va)
    assert len(clips) - 1 not in tr + va


def test_head_reads_any_sequence_length() -> None:
    head = GenreHead(250, 10, HeadConfig()).eval()
    for t in (1, 3, 8, 20):
        assert head(torch.zeros(2, t, 250)).shape == (2, 10)


def test_training_views_use_the_apps_window_placement() -> None:
    from mgc_desktop.model.windows import first_pass
    from training.train import track_views

    clip = ClipPatches({1.0: np.arange(18, dtype=np.float32)[:, None]}, 0)
    assert first_pass(18, 3) == [0, 8, 17]
    assert track_views(clip, 3)[:, 0].tolist() == [0, 8, 17]
    assert len(track_views(ClipPatches({1.0: np.zeros((2, 1))}, 0), 8)) == 2


def test_heads_learn_separable_patches() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(0, 3, size=(3, 250))
    clips = [ClipPatches({1.0: centres[k] + rng.normal(0, 1, size=(6, 250))}, k)
             for k in range(3) for _ in range(8)]
    heads = fit_heads(clips, 3, HeadConfig(epochs=30, ensemble=1), np.zeros(250), np.ones(250))
    with torch.no_grad():
        pred = [int(heads[0](torch.tensor(centres[k][None, None], dtype=torch.float32)).argmax())
                for k in range(3)]
    assert pred == [0, 1, 2]


def test_temperature_reduces_overconfidence() -> None:
    rng = np.random.default_rng(1)
    y = rng.integers(0, 4, 400)
    logits = rng.normal(0, 1, (400, 4))
    logits[np.arange(400), y] += 1.0
    logits *= 5  # right 60% of the time, nearly always ~100% sure
    t = fit_temperature(logits, y)
    assert t > 2
    nll = lambda p: -np.log(p[np.arange(400), y]).mean()  # noqa: E731
    assert nll(softmax(logits, t)) < nll(softmax(logits))


def test_threshold_meets_precision_or_coverage_floor() -> None:
    conf = np.linspace(1, 0, 100)
    correct = np.arange(100) < 80  # the 80 most confident are right
    cal = CalibrationConfig(target_precision=0.9, min_coverage=0.5)
    t = choose_threshold(conf, correct, cal)
    chosen = conf >= t
    assert correct[chosen].mean() >= 0.9 and chosen.mean() >= 0.5
    assert chosen.sum() == 88  # the largest set still at 90% precision
    strict = choose_threshold(conf, correct, CalibrationConfig(target_precision=1.0,
                                                               min_coverage=0.9))
    assert (conf >= strict).sum() == 90  # precision unreachable: the coverage floor holds


def test_sure_above_keeps_first_pass_answers_stable() -> None:
    first = softmax(np.array([[4.0, 0, 0], [0.2, 0, 0], [3.0, 0, 0], [0, 0.1, 0]]))
    full = softmax(np.array([[4.0, 0, 0], [0, 3, 0], [3.0, 0, 0], [0, 2, 0]]))
    s = choose_sure_above(first, full, 0.3, CalibrationConfig(sure_agreement=1.0))
    sure = first.max(1) >= s
    assert (first.argmax(1)[sure] == full.argmax(1)[sure]).all() and sure.sum() == 2


def test_gates_in_torch_equal_the_numpy_fit() -> None:
    rng = np.random.default_rng(2)
    n, tracks = 3, 60
    labels = np.repeat(np.arange(n), tracks // n)
    pooled = rng.normal(0, 1, (tracks, 250)) + labels[:, None]
    tags = rng.normal(-3, 1, (tracks, 50))
    stats = ood.class_statistics(pooled, tags, labels, n)
    probs = softmax(rng.normal(0, 1, (tracks, n)))
    excess, dist = ood.scores(stats, pooled, tags, probs)
    steps = ood.fit_steps(excess, dist, 0.9)
    expected = ood.p_in(steps, excess, dist)
    gates = OutOfTaxonomyGates({**stats, **steps})
    f = lambda a: torch.tensor(a, dtype=torch.float32)  # noqa: E731
    got = [float(gates(f(tags[i : i + 1]), f(pooled[i : i + 1]), f(probs[i : i + 1])))
           for i in range(tracks)]
    np.testing.assert_allclose(got, expected, rtol=1e-3, atol=1e-4)
    assert 0.05 <= (expected < 0.5).mean() <= 0.3  # about 2 x (1 - quantile) flagged


def test_outside_tag_lifts_the_tag_gate() -> None:
    rng = np.random.default_rng(3)
    labels = np.repeat(np.arange(2), 30)
    pooled = rng.normal(0, 1, (60, 250))
    tags = rng.normal(-4, 0.5, (60, 50))
    stats = ood.class_statistics(pooled, tags, labels, 2)
    probs = np.full((60, 2), 0.5)
    excess, dist = ood.scores(stats, pooled, tags, probs)
    steps = ood.fit_steps(excess, dist, 0.97)
    house = tags[:1].copy()
    house[0, MSD_TAGS.index("House")] = 3.0  # confidently "House": not one of the genres
    e2, d2 = ood.scores(stats, pooled[:1], house, probs[:1])
    assert ood.p_in(steps, e2, d2)[0] < 0.05 < ood.p_in(steps, excess, dist).mean()


def test_dead_features_keep_unit_scale() -> None:
    """A feature that never varies in training must not magnify float rounding in the app."""
    from training.train import standardiser

    rng = np.random.default_rng(4)
    feats = rng.normal(0, 2, (40, 5))
    feats[:, 3] = 0.25  # a ReLU map that never fires, as musicnn has hundreds of
    mean, std = standardiser([ClipPatches({1.0: feats[:20]}, 0), ClipPatches({1.0: feats[20:]}, 1)])
    assert std[3] == 1.0 and 1.5 < std[0] < 2.5
    assert abs((0.2502 - mean[3]) / std[3]) < 1e-3
