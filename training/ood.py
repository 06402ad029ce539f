"""The shipped model's "none of the ten" rejector (computed in the graph by `track_model.py`).

No labelled out-of-taxonomy music exists here, so the rejector learns what an unknown genre
looks like from the genres we have: leave one genre out, train the model on the other nine,
and the left-out genre's tracks are "outside" while the nine genres' out-of-fold tracks are
"inside" (`train.leave_one_genre_out`). A logistic regression over eight signals of a track
separates them; none of the signals names a genre, so what it learns is how strangeness
shows, not which genres are strange:
- the model's own answer: top probability, margin to the runner-up, normalised entropy and
  log-sum-exp of the logits (an energy score);
- MSD tags outside the taxonomy: musicnn's 50 tags include electronic, dance, house, rnb, soul,
  funk, ambient, ... For each track, how far those tag logits exceed the mean of the predicted
  genre's training tracks, in that genre's standard deviations (the maximum over the tags).
  Disco is allowed its "dance" and "funk", reggae its "soul", and so on;
- distance to the training music: the log Mahalanobis distance of the track's mean features to
  the nearest genre's training tracks (shared, shrunk covariance), and the cosine distance to
  its nearest and 5th-nearest training track.
The regression is fitted with both classes weighed equally. Its score is then turned into a
step, as sharp as the in-taxonomy scores allow, placed so that `rejector_quantile` of the
in-taxonomy tracks (out of fold) fall below it: ordinary tracks keep their calibrated
probabilities almost untouched (a smooth P(in) of 0.9 for everything would make every answer
under-confident), while strange ones lose up to `1 - floor` of it. The floor keeps the step
from wiping out the confidence of the in-taxonomy tracks it catches (out of fold, about half
to 60% of them are still right): with a floor of 0.5, a track well under the step keeps about
half its confidence, below the auto-tag threshold (training refuses a floor that is not), and
"none of these" about as likely as its best genre. The floor lifts the learned step only.

A left-out GTZAN genre does not sound "electronic" or "rnb" to musicnn, so the regression
learns little from the outside tags, yet those tags are the best evidence there is for real
electronic, house or R&B music. A fixed gate keeps them heard: a track whose outside tag lies
more than `outside_tag_limit` of the predicted genre's standard deviations above that genre's
mean loses half its confidence (out of fold, 1 in-taxonomy track in 274 went past 4).
"""

from __future__ import annotations

import numpy as np

from training.musicnn import MSD_TAGS

OUTSIDE_TAGS = (
    "electronic", "dance", "electronica", "electro", "House", "chillout", "chill", "ambient",
    "experimental", "soul", "rnb", "funk", "folk", "party", "sexy",
)  # fmt: skip
SIGNALS = ("top_probability", "margin", "entropy", "log_sum_exp", "outside_tag_excess",
           "log_distance", "nearest_1", "nearest_5")  # fmt: skip
NEIGHBOURS = 5
TAG_GATE_SCALE = 0.5  # the fixed tag gate's step width, in standard deviations
_SHRINK = 0.3  # covariance shrinkage towards its diagonal


def class_statistics(pooled: np.ndarray, tags: np.ndarray, labels: np.ndarray, n: int) -> dict:
    """What the signals need from the training tracks: per-genre tag statistics, genre means
    and the shared precision matrix of the mean standardised features (tracks, 250), and the
    tracks' unit-length features (the neighbour bank)."""
    index = np.array([MSD_TAGS.index(t) for t in OUTSIDE_TAGS])
    sel = tags[:, index]
    pooled_std = sel.std(axis=0)
    tag_mean = np.stack([sel[labels == c].mean(axis=0) for c in range(n)])
    tag_std = np.stack([sel[labels == c].std(axis=0) for c in range(n)])
    tag_std = np.maximum(tag_std, np.maximum(0.5 * pooled_std, 0.5))
    class_means = np.stack([pooled[labels == c].mean(axis=0) for c in range(n)])
    within = pooled - class_means[labels]
    cov = within.T @ within / max(len(pooled) - n, 1)
    cov = (1 - _SHRINK) * cov + _SHRINK * np.diag(np.diag(cov))
    cov += 1e-3 * (np.trace(cov) / len(cov) + 1e-6) * np.eye(len(cov))  # few tracks: singular
    return {
        "tag_index": index,
        "tag_mean": tag_mean,
        "tag_std": tag_std,
        "class_means": class_means,
        "precision": np.linalg.inv(cov),
        "bank": pooled / np.linalg.norm(pooled, axis=1, keepdims=True).clip(1e-8),
    }


def signals(stats: dict, pooled: np.ndarray, tags: np.ndarray, logits: np.ndarray) -> np.ndarray:
    """(tracks, 8) rejector inputs, in `SIGNALS` order, exactly as the ONNX graph computes
    them from the ensemble's logits, mean standardised features and mean tag logits."""
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    top = np.sort(p, axis=1)[:, ::-1]
    entropy = -(p * np.log(np.clip(p, 1e-12, None))).sum(axis=1) / np.log(p.shape[1])
    lse = np.log(e.sum(axis=1)) + logits.max(axis=1)
    sel = tags[:, stats["tag_index"]]
    excess = ((sel - p @ stats["tag_mean"]) / (p @ stats["tag_std"])).max(axis=1)
    diff = pooled[:, None, :] - stats["class_means"][None]
    sq = np.einsum("tcf,fg,tcg->tc", diff, stats["precision"], diff).min(axis=1)
    unit = pooled / np.linalg.norm(pooled, axis=1, keepdims=True).clip(1e-8)
    sims = np.sort(unit @ stats["bank"].T, axis=1)[:, ::-1]
    k = min(NEIGHBOURS, sims.shape[1]) - 1
    return np.stack([top[:, 0], top[:, 0] - top[:, 1], entropy, lse, excess,
                     0.5 * np.log(np.maximum(sq, 1e-12)), 1 - sims[:, 0], 1 - sims[:, k]], axis=1)


def fit_rejector(inside: np.ndarray, outside: np.ndarray, strength: float = 1.0,
                 tag_limit: float = 4.0) -> dict:
    """Logistic regression P(in) over the signals of inside and outside tracks (classes weighed
    equally, L2 `strength` = 1/C on standardised signals), returned as raw-signal weights and a
    bias; with the fixed tag gate's limit."""
    from sklearn.linear_model import LogisticRegression

    x = np.concatenate([inside, outside])
    t = np.r_[np.ones(len(inside)), np.zeros(len(outside))]
    mu, sd = x.mean(axis=0), x.std(axis=0) + 1e-9
    w = np.where(t == 1, 0.5 / t.mean(), 0.5 / (1 - t.mean()))
    lr = LogisticRegression(C=1.0 / strength, max_iter=5000).fit((x - mu) / sd, t,
                                                                 sample_weight=w)
    weights = lr.coef_[0] / sd
    bias = float(lr.intercept_[0] - (mu * weights).sum())
    return {"weights": weights, "bias": bias, "tag_limit": float(tag_limit)}


def as_step(rejector: dict, inside: np.ndarray, quantile: float) -> dict:
    """The rejector with its score made a step: centred on the `quantile` of the scores of
    in-taxonomy tracks `inside` (their signals), a twelfth of the way to their median wide, so
    that the typical track keeps all of its confidence (a wider step, a quarter of the way,
    took up to 8% from half of them: out-of-fold ECE 0.082 instead of 0.060)."""
    score = inside @ rejector["weights"] + rejector["bias"]
    centre = float(np.quantile(score, quantile))
    width = max((float(np.median(score)) - centre) / 12.0, 1e-3)
    return {**rejector, "weights": rejector["weights"] / width,
            "bias": (rejector["bias"] - centre) / width}


def p_in(rejector: dict, x: np.ndarray, floor: float | None = None) -> np.ndarray:
    """P(in taxonomy) of tracks from their signals (the graph's formula): the learned step,
    lifted to the floor (the rejector's own unless given; 0: the bare verdict), times the tag
    gate (which the floor never weakens)."""
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    floor = float(rejector.get("floor", 0.0)) if floor is None else floor
    learned = sig(x @ rejector["weights"] + rejector["bias"])
    tag = sig((rejector["tag_limit"] - x[:, SIGNALS.index("outside_tag_excess")]) / TAG_GATE_SCALE)
    return (floor + (1.0 - floor) * learned) * tag


def neutral() -> dict:
    """A rejector that lets everything in (for smoke models trained on a handful of clips)."""
    return {"weights": np.zeros(len(SIGNALS)), "bias": 30.0, "tag_limit": 1e4, "floor": 0.0}
