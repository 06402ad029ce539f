"""The open set: a track unlike every learned genre is "none of these", whatever the closed-set
probabilities say (a closed-set model must put every track somewhere, and a library always
holds genres its owner never named).

How like the owner's tagged tracks a track is, in two numbers: the mean cosine similarity of its
K_NEAREST closest tagged tracks in embedding space, and the same in the base model's answers
(the Bhattacharyya coefficient of the probability vectors, "none of these" included: a track the
base model hears as Blues is unlike tagged tracks it never heard as Blues). These become the
probability that the track belongs to a learned genre, fitted in one of two ways:

- `background` (when the library holds enough untagged, classified tracks): tagged against
  untagged tracks (positive-unlabelled learning, Elkan & Noto 2008): g(x) = P(tagged | x), and
  P(known | x) = g(x) / c with c the mean of g over the tagged tracks. Untagged tracks of the
  learned genres look like tagged ones; music of genres never named does not.
- `held-out genres` (too little untagged music): each learned genre in turn is held out and
  its tracks, compared with the other genres' tracks, must come out unlike them (the same
  scaling by the tagged tracks' mean, so that scores which tell nothing apart veto nothing).

Tagged tracks are always scored without themselves (leave-one-out), so the fit sees the scores
new tracks get. Reference sets are capped (MAX_REFERENCE) so that a 50,000-track library stays
at seconds."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mgc_desktop.personal.logistic import duplicate_groups, stratified_sample

K_NEAREST = 3
MAX_REFERENCE = 3000  # tagged tracks kept for the comparison (a stratified sample beyond)
MAX_BACKGROUND = 3000  # untagged tracks used to fit (a random sample beyond)
MIN_BACKGROUND = 8  # fewer untagged tracks: fit from the held-out genres instead
_CHUNK = 2048
CROSS_FIT_FOLDS = 5  # the tagged tracks' own P(known) comes from calibrations fitted without them


def nearest_scores(
    q_emb: np.ndarray,
    q_roots: np.ndarray,
    r_emb: np.ndarray,
    r_roots: np.ndarray,
    k: int = K_NEAREST,
    q_ids: np.ndarray | None = None,
    r_ids: np.ndarray | None = None,
) -> np.ndarray:
    """(n, 2): mean similarity of each query's k nearest references in embedding space and in
    base-answer space (each ranked on its own). A reference with the same id as the query (the
    track itself) is left out. Rows are unit length / square roots of distributions."""
    n = len(q_emb)
    out = np.zeros((n, 2), dtype=np.float32)
    if n == 0 or len(r_emb) == 0:
        return out
    k = max(1, min(k, len(r_emb) - (1 if q_ids is not None else 0)))
    for start in range(0, n, _CHUNK):
        stop = min(n, start + _CHUNK)
        mask = None
        if q_ids is not None and r_ids is not None:
            mask = q_ids[start:stop, None] == r_ids[None, :]
        for col, (q, r) in enumerate(((q_emb, r_emb), (q_roots, r_roots))):
            sims = q[start:stop] @ r.T
            if mask is not None:
                sims[mask] = -np.inf
            part = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:]
            part[~np.isfinite(part)] = 0.0
            out[start:stop, col] = part.mean(axis=1)
    return out


def _logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Weighted logistic regression on a few features (Newton's method): (weights..., bias)."""
    a = np.hstack([x.astype(np.float64), np.ones((len(x), 1))])
    w = w / w.sum()
    theta = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(a @ theta, -50, 50)))
        grad = a.T @ (w * (p - y)) + penalty * theta
        hess = (a * (w * p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return theta


@dataclass(frozen=True)
class OpenSet:
    """P(a track belongs to one of the learned genres) from its nearest tagged tracks."""

    method: str  # "background" or "held-out genres"
    ref_emb: np.ndarray = field(repr=False)  # (R, D) unit-length embeddings of tagged tracks
    ref_roots: np.ndarray = field(repr=False)  # (R, C+1) square roots of their base answers
    theta: np.ndarray = field(repr=False)  # (3,): two weights and a bias
    scale: float = 1.0  # c: P(known) = sigmoid(...) / c, at most 1
    k: int = K_NEAREST

    def known_from_scores(self, scores: np.ndarray) -> np.ndarray:
        """(n,) P(known) from (n, 2) `nearest_scores` (g / c, at most 1)."""
        z = np.clip(scores.astype(np.float64) @ self.theta[:-1] + self.theta[-1], -50, 50)
        return np.clip(1 / (1 + np.exp(-z)) / self.scale, 0.0, 1.0)

    def known(self, emb: np.ndarray, roots: np.ndarray) -> np.ndarray:
        """(n,) P(known) for unit-length embeddings and square-rooted base answers."""
        scores = nearest_scores(
            emb, roots, self.ref_emb.astype(np.float32), self.ref_roots.astype(np.float32), self.k
        )
        return self.known_from_scores(scores)


@dataclass
class OpenSetFit:
    """A fitted OpenSet and what calibrating it showed: per reference track its leave-one-out
    P(known), and per held-out genre the P(known) of its tracks compared with the others."""

    openset: OpenSet
    ref_rows: np.ndarray  # indices into the tagged tracks
    known_loo: np.ndarray  # (R,)
    held_out_known: np.ndarray  # (R,): each reference track, its own genre held out
    unknown_share: float  # estimated share of untagged tracks of no learned genre
    background: int  # untagged tracks used


def fit_openset(
    emb: np.ndarray,
    roots: np.ndarray,
    primary: np.ndarray,
    bg_emb: np.ndarray,
    bg_roots: np.ndarray,
    seed: int = 0,
) -> OpenSetFit:
    """Fit from the tagged tracks (unit-length embeddings, rooted base answers, each track's
    first genre) and the untagged ones (the background; may be empty)."""
    rng = np.random.default_rng(seed)
    ref = stratified_sample(primary, MAX_REFERENCE, rng, K_NEAREST + 1)
    r_emb, r_roots, r_lab = emb[ref], roots[ref], primary[ref]
    ids = duplicate_groups(r_emb)  # a track's copies are not its neighbours
    pos = nearest_scores(r_emb, r_roots, r_emb, r_roots, K_NEAREST, ids, ids)
    held = np.zeros_like(pos)
    for c in np.unique(r_lab):
        mine = r_lab == c
        held[mine] = nearest_scores(r_emb[mine], r_roots[mine], r_emb[~mine], r_roots[~mine])
    if len(bg_emb) > MAX_BACKGROUND:
        pick = rng.choice(len(bg_emb), MAX_BACKGROUND, replace=False)
        bg_emb, bg_roots = bg_emb[pick], bg_roots[pick]
    background = len(bg_emb) >= MIN_BACKGROUND
    bg = nearest_scores(bg_emb, bg_roots, r_emb, r_roots) if background else None

    def calibrate(mine: np.ndarray) -> tuple[np.ndarray, float]:
        """theta and c fitted on the tagged tracks in `mine` against the background, or
        against those tracks' scores with their own genre held out."""
        negatives = bg if bg is not None else held[mine]
        return _calibrate(pos[mine], negatives)

    theta, scale = calibrate(np.ones(len(pos), dtype=bool))
    openset = OpenSet(
        "background" if background else "held-out genres", r_emb, r_roots, theta, scale
    )
    # What the report and the write threshold see of a tagged track comes from a calibration
    # fitted without it (cross-fitting; fitted on a track, a calibration would be judged on
    # what it was fitted to): in five folds against the background; with the held-out genres,
    # a genre at a time, since a genre's held-out scores are themselves what it is fitted on.
    if bg is not None:
        parts = rng.permutation(len(pos)) % min(CROSS_FIT_FOLDS, len(pos))
    else:
        parts = r_lab
    known_loo = np.zeros(len(pos))
    held_known = openset.known_from_scores(held)  # background: no held-out score was fitted
    for part in np.unique(parts):
        mine = parts == part
        if mine.all():
            continue
        judge = OpenSet(openset.method, r_emb, r_roots, *calibrate(~mine))
        known_loo[mine] = judge.known_from_scores(pos[mine])
        if bg is None:
            held_known[mine] = judge.known_from_scores(held[mine])
    if bg is not None:
        # the untagged tracks' own verdicts: the mean P(known) over them
        unknown = 1.0 - float(openset.known_from_scores(bg).mean())
    else:
        # at most what is not tagged with a learned genre (5 % at least: music to come)
        unknown = max(0.05, len(bg_emb) / (len(bg_emb) + len(pos)))
    stored = OpenSet(
        openset.method,
        r_emb.astype(np.float16),
        r_roots.astype(np.float16),
        openset.theta,
        openset.scale,
    )
    return OpenSetFit(
        stored,
        ref,
        known_loo,
        held_known,
        min(max(unknown, 0.0), 1.0),
        len(bg_emb) if background else 0,
    )


def _calibrate(pos: np.ndarray, negatives: np.ndarray) -> tuple[np.ndarray, float]:
    """P(known) = g / c: g = P(tagged | scores) fitted on tagged against `negatives` (natural
    weights), c the mean of g over the tagged tracks, so that a typical tagged track counts as
    known (and scores that tell nothing apart veto nothing)."""
    x = np.vstack([pos, negatives])
    y = np.r_[np.ones(len(pos)), np.zeros(len(negatives))]
    theta = _logistic(x, y, np.ones(len(x)))
    g = 1 / (1 + np.exp(-np.clip(pos @ theta[:-1] + theta[-1], -50, 50)))
    return theta, float(min(max(g.mean(), 1e-6), 1.0))
