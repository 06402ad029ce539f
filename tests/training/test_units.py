"""Units of the training recipe: folds, the head, calibration and the rejector."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from training import ood
from training.data import Clip, DataError, holdout_split, kfold_splits
from training.head import (
    ClipPatches,
    GenreEnsemble,
    GenreHead,
    HeadConfig,
    copy_key,
    fit_heads,
    fit_linear,
)
from training.musicnn import MSD_TAGS
from training.track_model import Rejector
from training.train import (
    CalibrationConfig,
    DataConfig,
    choose_sure_above,
    choose_threshold,
    fit_temperature,
    softmax,
    track_views,
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


def _library(rng: np.random.Generator, n: int, tracks: int):
    labels = np.tile(np.arange(n), tracks // n)
    pooled = rng.normal(0, 1, (len(labels), 250)) + labels[:, None]
    tags = rng.normal(-3, 1, (len(labels), 50))
    logits = rng.normal(0, 1, (len(labels), n)) + 3 * np.eye(n)[labels]
    return labels, pooled, tags, logits


@pytest.mark.parametrize("floor", [0.0, 0.5])
def test_rejector_in_torch_equals_the_numpy_signals(floor) -> None:
    rng = np.random.default_rng(2)
    labels, pooled, tags, logits = _library(rng, 3, 60)
    stats = ood.class_statistics(pooled, tags, labels, 3)
    x = ood.signals(stats, pooled, tags, logits)
    assert x.shape == (60, len(ood.SIGNALS)) and np.isfinite(x).all()
    rejector = {"weights": rng.normal(0, 0.3, len(ood.SIGNALS)), "bias": 0.5, "tag_limit": 1.0,
                "floor": floor}
    module = Rejector({**stats, **rejector})
    f = lambda a: torch.tensor(a, dtype=torch.float32)  # noqa: E731
    got = [float(module(f(logits[i : i + 1]), f(tags[i : i + 1]), f(pooled[i : i + 1])))
           for i in range(60)]
    np.testing.assert_allclose(got, ood.p_in(rejector, x), rtol=1e-3, atol=1e-4)
    assert (ood.p_in(rejector, x, 0.0) < 0.5).any()  # some tracks are caught


def test_a_rejected_track_keeps_the_floor_share_of_its_confidence() -> None:
    strange = np.zeros((1, len(ood.SIGNALS)))
    rejector = {"weights": np.zeros(len(ood.SIGNALS)), "bias": -30.0, "tag_limit": 1e4}
    assert ood.p_in(rejector, strange)[0] < 1e-6  # no floor: all confidence gone
    assert ood.p_in({**rejector, "floor": 0.5}, strange)[0] == pytest.approx(0.5)
    # the floor lifts the learned step only: far past the outside-tag limit, nothing is left
    electronic = strange.copy()
    electronic[0, ood.SIGNALS.index("outside_tag_excess")] = 9.0
    gated = {**rejector, "bias": 30.0, "tag_limit": 4.0, "floor": 0.5}
    assert ood.p_in(gated, electronic)[0] < 1e-4
    assert ood.p_in(gated, strange)[0] == pytest.approx(1.0, abs=1e-3)
    with pytest.raises(ValueError, match="rejector_floor"):
        CalibrationConfig(rejector_floor=0.6)
    with pytest.raises(ValueError, match="rejector_quantile"):
        CalibrationConfig(rejector_quantile=0.0)


def test_rejector_learns_outside_music_and_spares_ordinary_tracks() -> None:
    """Outside tracks that sound "House" and sit away from the training music are rejected;
    as a step, the rejector leaves ordinary tracks' confidence nearly whole."""
    rng = np.random.default_rng(3)
    labels, pooled, tags, logits = _library(rng, 2, 300)
    stats = ood.class_statistics(pooled[:100], tags[:100], labels[:100], 2)
    inside = ood.signals(stats, pooled[100:], tags[100:], logits[100:])
    house = tags[100:].copy()
    house[:, MSD_TAGS.index("House")] += 5.0
    strange = pooled[100:] + rng.normal(0, 2.0, pooled[100:].shape)
    outside = ood.signals(stats, strange, house, rng.normal(0, 1, (200, 2)))
    smooth = ood.fit_rejector(inside[:50], outside[:50], tag_limit=1e4)
    assert ood.p_in(smooth, outside[50:]).max() < 0.5 < ood.p_in(smooth, inside[50:]).min()
    step = ood.as_step(smooth, inside[50:100], quantile=0.02)
    kept = ood.p_in(step, inside[100:])
    assert np.median(kept) > 0.95 and (kept < 0.5).mean() < 0.1
    assert ood.p_in(step, outside[50:]).max() < 0.5
    gated = ood.fit_rejector(inside[:50], outside[:50], tag_limit=2.0)
    assert (ood.p_in(gated, outside[50:]) < ood.p_in(smooth, outside[50:])).all()


def test_dead_features_keep_unit_scale() -> None:
    """A feature that never varies in training must not magnify float rounding in the app."""
    from training.train import standardiser

    rng = np.random.default_rng(4)
    feats = rng.normal(0, 2, (40, 5))
    feats[:, 3] = 0.25  # a ReLU map that never fires, as musicnn has hundreds of
    mean, std = standardiser([ClipPatches({1.0: feats[:20]}, 0), ClipPatches({1.0: feats[20:]}, 1)])
    assert std[3] == 1.0 and 1.5 < std[0] < 2.5
    assert abs((0.2502 - mean[3]) / std[3]) < 1e-3


def test_leave_one_genre_out_and_calibration_run_end_to_end() -> None:
    """The recipe's calibration on small synthetic patch features: out-of-fold answers, every
    genre left out in turn (in worker processes), the rejector, thresholds and figures."""
    from dataclasses import replace

    from training.train import (
        RunConfig,
        calibrate,
        cross_validate,
        leave_one_genre_out,
        unseen_sources,
    )

    rng = np.random.default_rng(5)
    clips = [replace(c, source="early" if c.path[4] in "01" else "late") for c in _clips()]
    classes = sorted({c.genre for c in clips})
    centres = rng.normal(0, 1, (3, 1756))
    data = [ClipPatches({1.0: (centres[classes.index(c.genre)]
                               + rng.normal(0, 2, (5, 1756))).astype(np.float32)},
                        classes.index(c.genre)) for c in clips]
    for d in data:  # a level copy, read by the heads and the linear branch
        d.copies["-6 dB"] = d.copies[1.0] * 0.9
    cfg = RunConfig().with_overrides({"head.epochs": 3, "head.ensemble": 1,
                                      "head.proj": 8, "head.hidden": 4, "head.linear_c": 0.01,
                                      "data.speeds": [1.0], "calibration.folds": 2,
                                      "calibration.rejector_floor": 0.3})
    y = np.array([d.label for d in data])
    outs = cross_validate(data, clips, 3, cfg, lambda _: None)
    runs = leave_one_genre_out(data, clips, 3, cfg, lambda _: None)
    assert [r.genre for r in runs] == [0, 1, 2]
    assert all(len(r.inside) == 16 and len(r.outside) == 2 * 8 for r in runs)
    sources = unseen_sources(data, clips, 3, cfg, lambda _: None, min_clips=5)
    assert [s.source for s in sources] == ["early", "late"]
    cal, inference, figures = calibrate(outs, y, cfg, runs, classes, sources)
    assert figures["unseen_source"]["tracks"] == len(clips)
    assert len(cal["rejector"]["weights"]) == len(ood.SIGNALS)
    assert cal["rejector"]["floor"] == 0.3 < inference.uncertain_below
    assert np.isfinite(cal["rejector"]["weights"]).all() and cal["temperature"] > 0
    assert 0 < inference.uncertain_below <= 1 and figures["tracks"] == len(clips)
    assert set(figures["unseen_genre_auto_tagged_per_genre"]) == set(classes)
    assert 0 <= figures["unseen_genre_auto_tagged"] <= 1
    # A threshold that every track must pass (coverage 100%) falls to the confidence of a
    # rejected track, which the floor caps at about one half: training refuses such a model.
    lax = cfg.with_overrides({"calibration.min_coverage": 1.0, "calibration.rejector_floor": 0.5,
                              "calibration.rejector_quantile": 0.4})
    with pytest.raises(DataError, match="does not exceed rejector_floor"):
        calibrate(outs, y, lax, runs, classes, sources)


def test_linear_branch_learns_and_blends_into_the_ensemble_logits() -> None:
    rng = np.random.default_rng(2)
    centres = rng.normal(0, 2, size=(3, 250))
    pooled = np.concatenate([centres[k] + rng.normal(0, 1, size=(10, 250)) for k in range(3)])
    labels = np.repeat(np.arange(3), 10)
    linear = fit_linear(pooled, labels, 4, 1.0, 250)  # genre 3 never seen: never wins
    x = torch.tensor(centres, dtype=torch.float32)
    with torch.no_grad():
        assert linear(x).argmax(1).tolist() == [0, 1, 2]
        assert (linear(x)[:, 3] < -20).all()
    head = GenreHead(1756, 4, HeadConfig(proj=8, hidden=4)).eval()
    seq = torch.randn(1, 5, 1756)
    with torch.no_grad():
        blended = GenreEnsemble([head], linear, 0.25)(seq)
        expected = 0.75 * head(seq) + 0.25 * linear(seq[:, :, :250].mean(1))
        assert torch.allclose(blended, expected, atol=1e-5)
        assert torch.allclose(GenreEnsemble([head])(seq), head(seq))


def test_level_copies_follow_the_speed_copies_and_keep_speed_one_as_the_clip() -> None:
    data = DataConfig(speeds=(1.0, 0.92), gains_db=(-6.0, 6.0))
    assert data.copies() == [(1.0, 0.0), (0.92, 0.0), (1.0, -6.0), (1.0, 6.0)]
    keys = [copy_key(s, g) for s, g in data.copies()]
    assert keys == [1.0, 0.92, "-6 dB", "+6 dB"]
    assert copy_key(0.92, -6.0) == "x0.92 -6 dB"  # never the same key as another copy
    with pytest.raises(ValueError):
        DataConfig(gains_db=(0.0,))
    clip = ClipPatches({k: np.full((4, 2), i, np.float32) for i, k in enumerate(keys)}, 0)
    assert track_views(clip, 2)[:, 0].tolist() == [0, 0]  # the app hears the clip as it is
    assert track_views(clip, 2, "-6 dB")[:, 0].tolist() == [2, 2]


@pytest.mark.parametrize(
    "bad", [{"linear_share": 1.5}, {"linear_share": -0.1}, {"linear_c": -1.0}]
)
def test_a_linear_branch_setting_out_of_range_is_refused(bad) -> None:
    from training.train import RunConfig

    with pytest.raises(ValueError, match=next(iter(bad))):
        HeadConfig(**bad)
    with pytest.raises(ValueError, match=next(iter(bad))):
        RunConfig().with_overrides({f"head.{k}": v for k, v in bad.items()})


def test_linear_branch_of_two_genres_matches_the_regression() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(3)
    pooled = np.concatenate([rng.normal(-1, 1, (12, 250)), rng.normal(1, 1, (12, 250))])
    labels = np.repeat([0, 2], 12)  # genre 1 of 3 absent, as in a leave-one-genre-out run
    linear = fit_linear(pooled, labels, 3, 0.1, 250)
    with torch.no_grad():
        probs = torch.softmax(linear(torch.tensor(pooled, dtype=torch.float32)), 1).numpy()
    reference = LogisticRegression(C=0.1, max_iter=5000, class_weight="balanced")
    reference = reference.fit(pooled, labels).predict_proba(pooled)
    assert np.allclose(probs[:, [0, 2]], reference, atol=1e-5)
    assert (probs[:, 1] < 1e-9).all()
