"""Class-balanced multinomial logistic regression in numpy, for learning the user's genres.

Small on purpose: L-BFGS on a softmax cross-entropy with an L2 penalty, the penalty chosen by
stratified cross-validation along a warm-started path (strongest first), and one temperature
fitted on the out-of-fold scores so that the probabilities mean what they say. A track may
carry several genres (it then counts as a fraction of each); every genre weighs the same in
total, however many tracks it has. Seconds for tens of thousands of tracks, no scipy, no torch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

# Strongest first: each fit warm-starts the next, weaker one.
L2_GRID = (1.0, 3e-1, 1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4)
CV_FOLDS = 5
# The penalty is chosen on at most this many tracks (stratified sample): enough to rank the
# grid, and it keeps a 50k-track library at seconds. The final fit uses every track.
CV_MAX_TRACKS = 5000


def normalise(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (float32)."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


def duplicate_groups(embeddings: np.ndarray) -> np.ndarray:
    """(n,) a group number per row; rows with the same unit embedding (to 4 decimals) share one.
    The same recording indexed twice (a copied album, the same file in two folders) must not be
    its own evidence: cross-validation keeps such rows in one fold and the open set never takes
    a copy for a track's nearest neighbour (with copies, random labels scored 90 % in CV)."""
    x = np.ascontiguousarray(np.round(normalise(embeddings), 4) + 0.0)  # + 0.0: no -0.0
    if len(x) == 0:
        return np.zeros(0, dtype=np.int64)
    rows = x.view(np.dtype((np.void, x.dtype.itemsize * x.shape[1]))).ravel()
    _, first, inverse = np.unique(rows, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse.ravel()]  # numbered in order of first appearance: no copies, 0..n-1


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class LogisticFit:
    """A fitted model: probabilities = softmax((((x / |x|) - mean) / scale @ weights + bias) / T).
    `cv` holds the cross-validated figures at the chosen penalty (`per_genre`: accuracy of the
    tracks carrying each class); `cv_rows` are the tracks cross-validation used and `oof` their
    calibrated out-of-fold probabilities, from which the open set and the write threshold are
    judged."""

    weights: np.ndarray  # (D, K)
    bias: np.ndarray  # (K,)
    mean: np.ndarray  # (D,)
    scale: np.ndarray  # (D,)
    temperature: float
    cv: dict
    cv_rows: np.ndarray  # (m,) track indices
    oof: np.ndarray  # (m, K)


def _lbfgs(
    fun: Callable[[np.ndarray], tuple[float, np.ndarray]],
    x0: np.ndarray,
    max_iter: int,
    gtol: float = 1e-5,
    ftol: float = 1e-9,
    memory: int = 10,
) -> np.ndarray:
    """Minimise a smooth convex function (L-BFGS with Armijo backtracking)."""
    x = x0.copy()
    f, g = fun(x)
    history: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(max_iter):
        if np.max(np.abs(g)) < gtol:
            break
        q = g.copy()
        alphas = []
        for s, y, rho in reversed(history):
            a = rho * float(s @ q)
            q -= a * y
            alphas.append(a)
        if history:
            s, y, _ = history[-1]
            q *= float(s @ y) / float(y @ y)
        else:
            q /= max(1.0, float(np.linalg.norm(g)))
        for (s, y, rho), a in zip(history, reversed(alphas)):
            q += s * (a - rho * float(y @ q))
        direction = -q
        slope = float(g @ direction)
        if slope >= 0:  # not a descent direction: restart from the gradient
            history.clear()
            direction, slope = -g, -float(g @ g)
        step = 1.0
        while True:
            x_new = x + step * direction
            f_new, g_new = fun(x_new)
            if f_new <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s, y = x_new - x, g_new - g
        sy = float(s @ y)
        if sy > 1e-12:
            history.append((s, y, 1.0 / sy))
            if len(history) > memory:
                history.pop(0)
        converged = abs(f - f_new) <= ftol * max(1.0, abs(f))
        x, f, g = x_new, f_new, g_new
        if converged:
            break
    return x


class _Problem:
    """Weighted softmax cross-entropy with an L2 penalty on the weights (not the bias)."""

    def __init__(
        self,
        z: np.ndarray,
        rows: np.ndarray,
        labels: np.ndarray,
        weights: np.ndarray,
        n_classes: int,
    ) -> None:
        self.z = np.ascontiguousarray(z[rows], dtype=np.float32)
        self.labels = labels
        self.w = (weights / weights.sum()).astype(np.float64)
        self.k = n_classes
        self.d = z.shape[1]
        self.l2 = 0.0
        self._index = np.arange(len(labels))

    def __call__(self, theta: np.ndarray) -> tuple[float, np.ndarray]:
        d, k = self.d, self.k
        w_mat = theta[: d * k].reshape(d, k)
        logits = (self.z @ w_mat.astype(np.float32)).astype(np.float64) + theta[d * k :]
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        total = e.sum(axis=1)
        loss = -float(self.w @ (logits[self._index, self.labels] - np.log(total)))
        loss += 0.5 * self.l2 * float(np.sum(w_mat * w_mat))
        g = e / total[:, None] * self.w[:, None]
        g[self._index, self.labels] -= self.w
        grad_w = (self.z.T @ g.astype(np.float32)).astype(np.float64) + self.l2 * w_mat
        return loss, np.concatenate([grad_w.ravel(), g.sum(axis=0)])


def _expand(
    tracks: np.ndarray, labels: Sequence[Sequence[int]], n_classes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One row per (track, genre) with class-balanced weights: a track with two genres counts
    half for each, and every genre weighs the same in total."""
    rows, ys, ws = [], [], []
    for t in tracks:
        for c in labels[t]:
            rows.append(t)
            ys.append(c)
            ws.append(1.0 / len(labels[t]))
    rows_a, ys_a, ws_a = np.array(rows), np.array(ys), np.array(ws)
    per_class = np.bincount(ys_a, weights=ws_a, minlength=n_classes)
    ws_a = ws_a / np.maximum(per_class[ys_a], 1e-12)
    return rows_a, ys_a, ws_a


def _fit(z, tracks, labels, k, l2, theta0, max_iter, ftol: float = 1e-9) -> np.ndarray:
    rows, ys, ws = _expand(tracks, labels, k)
    problem = _Problem(z, rows, ys, ws, k)
    problem.l2 = l2
    return _lbfgs(problem, theta0, max_iter, ftol=ftol)


def _stratified_folds(
    primary: np.ndarray, folds: int, rng: np.random.Generator, groups: np.ndarray | None = None
) -> np.ndarray:
    """Fold number per track, each genre spread evenly over the folds; tracks of one group
    (copies of one recording, `features.duplicate_groups`) share a fold, so that no held-out
    track is judged by a model that learned its copy."""
    if groups is None:
        groups = np.arange(len(primary))
    _, first, inverse = np.unique(groups, return_index=True, return_inverse=True)
    lead = primary[first]  # a group's genre: its first track's
    per_group = np.empty(len(first), dtype=np.int64)
    offset = 0
    for c in np.unique(lead):
        members = rng.permutation(np.flatnonzero(lead == c))
        per_group[members] = (np.arange(len(members)) + offset) % folds
        offset += len(members)
    return per_group[inverse.ravel()]


def stratified_sample(
    primary: np.ndarray, cap: int, rng: np.random.Generator, at_least: int
) -> np.ndarray:
    """Track indices: all of them up to `cap`, else a stratified sample that keeps every
    genre's share (and at least `at_least` of its tracks, as many as it has below that)."""
    n = len(primary)
    if n <= cap:
        return np.arange(n)
    chosen = []
    for c in np.unique(primary):
        members = rng.permutation(np.flatnonzero(primary == c))
        take = max(min(len(members), at_least), int(round(len(members) * cap / n)))
        chosen.append(members[:take])
    return np.sort(np.concatenate(chosen))


def _scores(logits: np.ndarray, labels: Sequence[Sequence[int]], k: int) -> dict:
    """Accuracy overall and per genre: a guess is right when it is one of the track's genres."""
    pred = logits.argmax(axis=1)
    right = np.array([p in lab for p, lab in zip(pred, labels)])
    per_genre = []
    for c in range(k):
        has = np.array([c in lab for lab in labels])
        per_genre.append(float(right[has].mean()) if has.any() else float("nan"))
    return {
        "accuracy": float(right.mean()),
        "per_genre": per_genre,
        "mean_genre_accuracy": float(np.nanmean(per_genre)),
    }


def _fit_temperature(logits: np.ndarray, labels: Sequence[Sequence[int]]) -> float:
    """The temperature that minimises the held-out negative log-likelihood (golden section over
    log T); a track's genres share its probability mass."""
    mask = np.zeros(logits.shape, dtype=bool)
    for i, lab in enumerate(labels):
        mask[i, list(lab)] = True

    def nll(log_t: float) -> float:
        p = softmax(logits / np.exp(log_t))
        return -float(np.mean(np.log(np.maximum((p * mask).sum(axis=1), 1e-12))))

    lo, hi = np.log(0.05), np.log(20.0)
    ratio = (np.sqrt(5) - 1) / 2
    a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
    fa, fb = nll(a), nll(b)
    for _ in range(40):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - ratio * (hi - lo)
            fa = nll(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + ratio * (hi - lo)
            fb = nll(b)
    return float(np.exp((lo + hi) / 2))


def fit_logistic(
    embeddings: np.ndarray,
    labels: Sequence[Sequence[int]],
    n_classes: int,
    *,
    seed: int = 0,
    grid: Sequence[float] = L2_GRID,
    final: bool = True,
) -> LogisticFit:
    """Fit on (n, D) embeddings and each track's class indices (one or more per track).

    The L2 strength is the grid value with the best cross-validated accuracy (overall plus mean
    per class; ties go to the stronger); the temperature is fitted on the same out-of-fold
    scores. `final` False leaves out the fit on every track (weights zero): for comparing
    learners by their cross-validation, the chosen one then gets `final_fit`."""
    k = n_classes
    x = normalise(embeddings)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = ((x - mean) / scale).astype(np.float32)
    d = z.shape[1]
    rng = np.random.default_rng(seed)
    primary = np.array([lab[0] for lab in labels])
    sample = stratified_sample(primary, CV_MAX_TRACKS, rng, CV_FOLDS * 2)
    groups = duplicate_groups(x[sample])
    folds = max(2, min(CV_FOLDS, len(np.unique(groups))))
    fold_of = _stratified_folds(primary[sample], folds, rng, groups)
    sample_labels = [labels[i] for i in sample]
    theta_zero = np.zeros(d * k + k)
    thetas = [theta_zero] * folds
    oof: list[np.ndarray] = []
    results: list[dict] = []
    for l2 in grid:  # strongest first; each fold warm-starts from its previous solution
        scores = np.zeros((len(sample), k))
        for f in range(folds):
            train, held = sample[fold_of != f], sample[fold_of == f]
            thetas[f] = _fit(z, train, labels, k, l2, thetas[f], max_iter=150, ftol=1e-7)
            w_mat, b = thetas[f][: d * k].reshape(d, k), thetas[f][d * k :]
            scores[fold_of == f] = z[held] @ w_mat + b
        oof.append(scores)
        results.append(_scores(scores, sample_labels, k))
        merit = [r["accuracy"] + r["mean_genre_accuracy"] for r in results]
        if len(merit) - 1 - int(np.argmax(merit)) >= 2:
            break  # two weaker strengths in a row did worse: the rest (slower to fit) would too
    best = max(
        range(len(results)),
        key=lambda gi: (
            round(results[gi]["accuracy"] + results[gi]["mean_genre_accuracy"], 9),
            -gi,
        ),
    )
    temperature = _fit_temperature(oof[best], sample_labels)
    theta = theta_zero
    if final:
        theta = _fit(z, np.arange(len(x)), labels, k, grid[best], theta_zero, max_iter=300)
    cv = results[best]
    probs = softmax(oof[best] / temperature)
    return LogisticFit(
        weights=theta[: d * k].reshape(d, k).astype(np.float32),
        bias=theta[d * k :].astype(np.float32),
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        temperature=temperature,
        cv={
            "folds": int(folds),
            "tracks": int(len(sample)),
            "accuracy": round(cv["accuracy"], 4),
            "mean_genre_accuracy": round(cv["mean_genre_accuracy"], 4),
            "l2": grid[best],
            "temperature": round(temperature, 4),
            "ece": round(_ece(probs, sample_labels), 4),
            "per_genre": [round(a, 4) for a in cv["per_genre"]],
        },
        cv_rows=sample,
        oof=probs,
    )


def final_fit(
    embeddings: np.ndarray, labels: Sequence[Sequence[int]], fit: LogisticFit
) -> LogisticFit:
    """`fit` (made with final=False on these tracks) with its weights fitted on every track at
    the penalty its cross-validation chose."""
    k = len(fit.bias)
    z = ((normalise(embeddings) - fit.mean) / fit.scale).astype(np.float32)
    d = z.shape[1]
    theta = _fit(z, np.arange(len(z)), labels, k, fit.cv["l2"], np.zeros(d * k + k), 300)
    return dataclasses.replace(
        fit,
        weights=theta[: d * k].reshape(d, k).astype(np.float32),
        bias=theta[d * k :].astype(np.float32),
    )


def _ece(probs: np.ndarray, labels: Sequence[Sequence[int]], bins: int = 10) -> float:
    """Expected calibration error of the top guess (right when it is one of the genres)."""
    conf = probs.max(axis=1)
    right = np.array([p in lab for p, lab in zip(probs.argmax(axis=1), labels)], dtype=float)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            total += sel.mean() * abs(conf[sel].mean() - right[sel].mean())
    return float(total)
