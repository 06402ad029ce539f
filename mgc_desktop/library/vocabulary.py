"""The user's own genres, learned from the tags already in their library, and similar tracks.

A real collection carries genre tags in its owner's words (Electronic, R&B, Shoegaze...) that
the base model's ten classes can never produce. The base model's track embedding (stored in the
library index) is a good description of the music, so a small linear model on it learns the
user's vocabulary in seconds, on their machine, with numpy alone: class-balanced multinomial
logistic regression, its regularisation chosen by stratified cross-validation and its
probabilities calibrated (one temperature) on the same cross-validation. Nearest neighbours
over the same embeddings (cosine) give "similar tracks".

The learned model is one small file in the user data folder, tied to the base model's id: its
inputs only mean something for the base model that made them, so a new base model means
learning again, and the app says so instead of predicting nonsense. Nothing here writes tags.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mgc_desktop.model.classifier import Prediction

MODEL_FILE = "personal_genres.npz"
FORMAT = "mgc-desktop-personal-genres"
FORMAT_VERSION = 1
DEFAULT_MIN_TRACKS = 5
# A personal prediction below this confidence is uncertain (never auto-tagged), as for the base
# model; commands with --min-confidence override it.
UNCERTAIN_BELOW = 0.5
# Strongest first: each fit warm-starts the next, weaker one.
L2_GRID = (1.0, 3e-1, 1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4)
CV_FOLDS = 5
# Regularisation is chosen on at most this many tracks (stratified sample): enough to rank the
# grid, and it keeps a 50k-track library at seconds. The final fit uses every track.
CV_MAX_TRACKS = 8000


class VocabularyError(ValueError):
    """Learning or using the personal genres is not possible; str() says why, in one line."""


class StaleVocabulary(VocabularyError):
    """The learned genres belong to another base model: learn again."""


def model_file() -> Path:
    """Where the learned genres live (the user data folder)."""
    from mgc_desktop.paths import data_dir

    return data_dir() / MODEL_FILE


# -- the user's genre names ---------------------------------------------------------------------


def genre_key(name: str) -> str:
    """The form used only for matching spellings: case and surrounding blanks ignored."""
    return name.strip().casefold()


def split_genres(values: Sequence[str]) -> list[str]:
    """Stored genre values as the user means them: multi-value fields and "a; b" split, ID3v1
    numbers named, blanks dropped, one entry per genre (first spelling kept)."""
    from mgc_desktop.tags.policy import interpret

    return interpret([str(v) for v in values])


@dataclass(frozen=True)
class GenreCount:
    """One genre of the user's: the majority spelling, and how many tracks carry it."""

    name: str
    tracks: int
    spellings: dict[str, int]


@dataclass(frozen=True)
class LeftOut:
    """A genre not learned, and why."""

    name: str
    tracks: int
    reason: str


def count_genres(track_genres: Sequence[Sequence[str]]) -> dict[str, GenreCount]:
    """key -> GenreCount over tracks (each a list of split values). The name is the spelling
    most tracks use; a tie goes to the spelling seen first."""
    spellings: dict[str, Counter[str]] = {}
    for genres in track_genres:
        for value in genres:
            spellings.setdefault(genre_key(value), Counter())[value.strip()] += 1
    out = {}
    for key, counter in spellings.items():
        name = counter.most_common(1)[0][0]  # most_common keeps insertion order on ties
        out[key] = GenreCount(name, sum(counter.values()), dict(counter))
    return out


def choose_genres(
    counts: dict[str, GenreCount], min_tracks: int
) -> tuple[list[str], list[LeftOut]]:
    """The genre keys to learn (most tracks first) and the ones left out with the reason."""
    ranked = sorted(counts, key=lambda k: (-counts[k].tracks, counts[k].name))
    kept = [k for k in ranked if counts[k].tracks >= min_tracks]
    left = [
        LeftOut(
            counts[k].name,
            counts[k].tracks,
            f"{counts[k].tracks} track{'s' if counts[k].tracks != 1 else ''}, "
            f"fewer than --min-tracks {min_tracks}",
        )
        for k in ranked
        if counts[k].tracks < min_tracks
    ]
    return kept, left


# -- the model ----------------------------------------------------------------------------------


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class PersonalModel:
    """The learned genres: a linear layer on standardised, L2-normalised embeddings."""

    base_model_id: str
    genres: tuple[str, ...]  # the user's spelling, in output order
    weights: np.ndarray = field(repr=False)  # (D, K) float32
    bias: np.ndarray = field(repr=False)  # (K,)
    mean: np.ndarray = field(repr=False)  # (D,)
    scale: np.ndarray = field(repr=False)  # (D,)
    temperature: float = 1.0
    report: dict = field(default_factory=dict, repr=False)
    created_at: float = 0.0

    @property
    def embedding_dim(self) -> int:
        return int(self.weights.shape[0])

    def logits(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, D) embeddings -> (n, K) uncalibrated scores."""
        z = (_normalise(embeddings) - self.mean) / self.scale
        return z @ self.weights + self.bias

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, D) embeddings -> (n, K) calibrated probabilities."""
        return _softmax(self.logits(embeddings).astype(np.float64) / self.temperature)

    def apply(self, prediction: Prediction, uncertain_below: float) -> Prediction:
        """The base model's prediction restated in the user's genres. A silent track (no
        embedding) stays silent; the threshold means what it means for the base model."""
        embedding = getattr(prediction, "embedding", None)
        if prediction.genre is None:
            return prediction
        if embedding is None:
            raise VocabularyError(
                "this prediction has no track embedding (the model gives none): "
                "use --vocabulary builtin"
            )
        vector = np.asarray(embedding, dtype=np.float32).ravel()
        if vector.size != self.embedding_dim:
            raise StaleVocabulary(
                f"embedding size {vector.size} differs from the learned genres' "
                f"{self.embedding_dim}: run `mgc-desktop learn` again"
            )
        probs = self.probabilities(vector[None, :])[0]
        best = int(np.argmax(probs))
        return dataclasses.replace(
            prediction,
            genre=self.genres[best],
            confidence=float(probs[best]),
            probabilities={g: float(p) for g, p in zip(self.genres, probs)},
            uncertain=bool(probs[best] < uncertain_below),
            note="",  # the base model's notes speak of its own genres
        )

    # -- storage --------------------------------------------------------------------------------

    def save(self, path: str | Path | None = None) -> Path:
        """Write atomically (a temporary file in the same folder, then a rename)."""
        dest = Path(path) if path is not None else model_file()
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".personal-", suffix=".npz", dir=dest.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(
                    f,
                    format=np.array(FORMAT),
                    version=np.array(FORMAT_VERSION),
                    base_model_id=np.array(self.base_model_id),
                    genres=np.array(json.dumps(list(self.genres), ensure_ascii=False)),
                    weights=self.weights.astype(np.float32),
                    bias=self.bias.astype(np.float32),
                    mean=self.mean.astype(np.float32),
                    scale=self.scale.astype(np.float32),
                    temperature=np.array(float(self.temperature)),
                    report=np.array(json.dumps(self.report, ensure_ascii=False)),
                    created_at=np.array(float(self.created_at)),
                )
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return dest

    @classmethod
    def load(cls, path: str | Path | None = None) -> PersonalModel:
        """Read a saved model; VocabularyError with the reason when it cannot be used."""
        src = Path(path) if path is not None else model_file()
        try:
            with np.load(src, allow_pickle=False) as data:
                if str(data["format"]) != FORMAT or int(data["version"]) != FORMAT_VERSION:
                    raise VocabularyError(f"{src} is not a learned-genres file this app reads")
                model = cls(
                    base_model_id=str(data["base_model_id"]),
                    genres=tuple(json.loads(str(data["genres"]))),
                    weights=data["weights"].astype(np.float32),
                    bias=data["bias"].astype(np.float32),
                    mean=data["mean"].astype(np.float32),
                    scale=data["scale"].astype(np.float32),
                    temperature=float(data["temperature"]),
                    report=json.loads(str(data["report"])),
                    created_at=float(data["created_at"]),
                )
        except FileNotFoundError:
            raise VocabularyError(
                "no learned genres yet: run `mgc-desktop learn FOLDER` first"
            ) from None
        except VocabularyError:
            raise
        except Exception as exc:  # noqa: BLE001 - zip, key and JSON errors: one reason
            raise VocabularyError(
                f"the learned genres file {src} is unreadable ({type(exc).__name__}): "
                "run `mgc-desktop learn` again or `learn --forget`"
            ) from None
        k, d = len(model.genres), model.embedding_dim
        if model.weights.shape != (d, k) or model.bias.shape != (k,) or k < 2:
            raise VocabularyError(f"the learned genres file {src} is inconsistent: learn again")
        return model


def load_personal(base_model_id: str, path: str | Path | None = None) -> PersonalModel:
    """The learned genres for this base model; StaleVocabulary when they belong to another."""
    model = PersonalModel.load(path)
    if model.base_model_id != base_model_id:
        raise StaleVocabulary(
            f"your genres were learned with base model {model.base_model_id!r}, but this app "
            f"now uses {base_model_id!r}: run `mgc-desktop learn FOLDER` again"
        )
    return model


def forget_personal(path: str | Path | None = None) -> bool:
    """Delete the learned genres; False when there were none."""
    try:
        (Path(path) if path is not None else model_file()).unlink()
    except FileNotFoundError:
        return False
    return True


# -- learning -----------------------------------------------------------------------------------


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


def _stratified_folds(primary: np.ndarray, folds: int, rng: np.random.Generator) -> np.ndarray:
    """Fold number per track, each genre spread evenly over the folds."""
    out = np.empty(len(primary), dtype=np.int64)
    offset = 0
    for c in np.unique(primary):
        members = rng.permutation(np.flatnonzero(primary == c))
        out[members] = (np.arange(len(members)) + offset) % folds
        offset += len(members)
    return out


def _cv_sample(primary: np.ndarray, cap: int, rng: np.random.Generator) -> np.ndarray:
    """Track indices for cross-validation: all of them up to `cap`, else a stratified sample
    that keeps every genre's share (and at least its first few tracks)."""
    n = len(primary)
    if n <= cap:
        return np.arange(n)
    chosen = []
    for c in np.unique(primary):
        members = rng.permutation(np.flatnonzero(primary == c))
        take = max(min(len(members), CV_FOLDS * 2), int(round(len(members) * cap / n)))
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
        p = _softmax(logits / np.exp(log_t))
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


def fit_personal_model(
    embeddings: np.ndarray,
    labels: Sequence[Sequence[int]],
    genres: Sequence[str],
    base_model_id: str,
    *,
    seed: int = 0,
    grid: Sequence[float] = L2_GRID,
) -> PersonalModel:
    """Learn the user's genres from (n, D) embeddings and each track's genre indices.

    The L2 strength is the grid value with the best cross-validated accuracy (overall plus mean
    per genre; ties go to the stronger); the temperature is fitted on the same out-of-fold
    scores. The report holds the cross-validated figures at the chosen strength."""
    started = time.monotonic()
    k = len(genres)
    if k < 2:
        raise VocabularyError("need at least two genres to learn")
    x = _normalise(embeddings)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = ((x - mean) / scale).astype(np.float32)
    d = z.shape[1]
    rng = np.random.default_rng(seed)
    primary = np.array([lab[0] for lab in labels])
    sample = _cv_sample(primary, CV_MAX_TRACKS, rng)
    folds = max(2, min(CV_FOLDS, len(sample)))
    fold_of = _stratified_folds(primary[sample], folds, rng)
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
    theta = _fit(z, np.arange(len(x)), labels, k, grid[best], theta_zero, max_iter=300)
    cv = results[best]
    probs = _softmax(oof[best] / temperature)
    report = {
        "base_model_id": base_model_id,
        "tracks_used": int(len(x)),
        "cv": {
            "folds": int(folds),
            "tracks": int(len(sample)),
            "accuracy": round(cv["accuracy"], 4),
            "mean_genre_accuracy": round(cv["mean_genre_accuracy"], 4),
            "l2": grid[best],
            "temperature": round(temperature, 4),
            "ece": round(_ece(probs, sample_labels), 4),
        },
        "genres": [
            {"genre": g, "cv_accuracy": round(cv["per_genre"][c], 4)} for c, g in enumerate(genres)
        ],
        "fit_s": round(time.monotonic() - started, 3),
    }
    return PersonalModel(
        base_model_id=base_model_id,
        genres=tuple(genres),
        weights=theta[: d * k].reshape(d, k).astype(np.float32),
        bias=theta[d * k :].astype(np.float32),
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        temperature=temperature,
        report=report,
        created_at=time.time(),
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


# -- similar tracks -----------------------------------------------------------------------------


def most_similar(
    paths: Sequence[Any],
    matrix: np.ndarray,
    query: np.ndarray,
    top: int,
    exclude: Any = None,
) -> list[tuple[Any, float]]:
    """The `top` rows closest to `query` by cosine similarity, best first, as (paths[i],
    score), leaving out the row whose path is `exclude` (the query itself): one matrix-vector
    product over the index."""
    if len(paths) == 0 or top < 1:
        return []
    q = _normalise(np.asarray(query, dtype=np.float32).ravel())
    if matrix.shape[1] != q.size:
        raise VocabularyError(
            f"the query's embedding has {q.size} values, the index's {matrix.shape[1]}"
        )
    norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
    scores = (matrix @ q) / np.maximum(norms, 1e-12)
    if exclude is not None:
        scores[[i for i, p in enumerate(paths) if p == exclude]] = -np.inf
    top = min(top, len(paths))
    best = np.argpartition(-scores, top - 1)[:top]
    best = best[np.argsort(-scores[best], kind="stable")]
    return [(paths[i], float(scores[i])) for i in best if np.isfinite(scores[i])]


# -- from the library to a learned model --------------------------------------------------------


@dataclass
class TrainingSet:
    """The tagged, embedded tracks under some folders, ready to learn from, and the counts the
    report shows. `problems` are (path, reason) for files whose tags could not be read."""

    base_model_id: str
    paths: list[str]
    embeddings: np.ndarray
    labels: list[list[int]]
    genres: list[GenreCount]
    left_out: list[LeftOut]
    counts: dict[str, int]
    problems: list[tuple[str, str]]


def gather_training_set(
    library,
    base_model_id: str,
    roots: Sequence[str | os.PathLike],
    min_tracks: int = DEFAULT_MIN_TRACKS,
    read_genres: Callable[[str], Sequence[str]] | None = None,
) -> TrainingSet:
    """Read the current genre tags of every indexed track under `roots` and pair them with the
    stored embeddings of `base_model_id`. VocabularyError when there is nothing to learn from:
    no indexed tracks, no tagged ones, no embeddings, or fewer than two genres with
    `min_tracks` tracks."""
    if read_genres is None:
        from mgc_desktop.tags import read_genres
    paths: dict[str, None] = {}
    vectors: dict[str, np.ndarray] = {}
    for root in roots:
        for track in library.iter_tracks(root, model_id=base_model_id):
            paths[track.path] = None
        found = library.embeddings(base_model_id, root)
        vectors.update(zip(found.paths, found.matrix))
    if not paths:
        where = ", ".join(str(r) for r in roots)
        raise VocabularyError(f"no indexed music under {where}")
    problems: list[tuple[str, str]] = []
    tagged: dict[str, list[str]] = {}
    for path in paths:
        try:
            values = split_genres(read_genres(path))
        except Exception as exc:  # noqa: BLE001 - TagError, OSError, mutagen's assorted errors
            problems.append((path, f"cannot read its tags: {str(exc).splitlines()[0]}"))
            continue
        if values:
            tagged[path] = values
    counts = {"indexed": len(paths), "tagged": len(tagged), "unreadable_tags": len(problems)}
    if not tagged:
        raise VocabularyError(
            f"none of the {len(paths)} indexed tracks carries a genre tag: tag some first "
            "(mgc-desktop tag FILE --set-genre NAME)"
        )
    usable = {p: g for p, g in tagged.items() if p in vectors}
    counts["no_embedding"] = len(tagged) - len(usable)
    if not usable:
        raise VocabularyError(
            f"the {len(tagged)} tagged tracks have no track embedding from model "
            f"{base_model_id!r} (not classified yet, silent, or a model without embeddings)"
        )
    by_key = count_genres(list(usable.values()))
    kept, left_out = choose_genres(by_key, min_tracks)
    if len(kept) < 2:
        found = ", ".join(f"{c.name} ({c.tracks})" for c in by_key.values())
        raise VocabularyError(
            f"need at least two genres with at least {min_tracks} tagged tracks each; found {found}"
        )
    index = {k: i for i, k in enumerate(kept)}
    rows, labels = [], []
    for path, values in usable.items():
        lab = sorted({index[genre_key(v)] for v in values if genre_key(v) in index})
        if lab:
            rows.append(path)
            labels.append(lab)
    counts["used"] = len(rows)
    counts["only_left_out_genres"] = len(usable) - len(rows)
    counts["untagged"] = len(paths) - len(tagged) - len(problems)
    genres = [by_key[k] for k in kept]
    # Counts of the genres learned are over the tracks used (a track may carry several).
    genres = [
        GenreCount(g.name, sum(1 for lab in labels if i in lab), g.spellings)
        for i, g in enumerate(genres)
    ]
    matrix = np.stack([vectors[p] for p in rows]).astype(np.float32)
    return TrainingSet(base_model_id, rows, matrix, labels, genres, left_out, counts, problems)


def learn(training: TrainingSet, seed: int = 0) -> PersonalModel:
    """Fit the user's genre model on a training set; its report says what was learned."""
    model = fit_personal_model(
        training.embeddings,
        training.labels,
        [g.name for g in training.genres],
        training.base_model_id,
        seed=seed,
    )
    report = dict(model.report)
    report["genres"] = [
        {
            "genre": g.name,
            "tracks": g.tracks,
            "cv_accuracy": r["cv_accuracy"],
            "spellings": g.spellings,
        }
        for g, r in zip(training.genres, model.report["genres"])
    ]
    report["left_out"] = [dataclasses.asdict(x) for x in training.left_out]
    report["tracks"] = dict(training.counts)
    return dataclasses.replace(model, report=report)


def restate_tracks(model: PersonalModel, tracks: Sequence, library, uncertain_below: float) -> list:
    """Index tracks (library.index.Track) with their stored predictions restated in the user's
    genres, e.g. for album verdicts; tracks without an embedding keep no prediction but a
    silent one."""
    tracks = list(tracks)
    if not tracks:
        return []
    model_id = next((t.prediction.model_id for t in tracks if t.prediction), model.base_model_id)
    found = library.embeddings(model_id, paths=[t.path for t in tracks])
    row = {p: i for i, p in enumerate(found.paths)}
    probs = model.probabilities(found.matrix) if len(found) else np.zeros((0, 0))
    out = []
    for track in tracks:
        pred = track.prediction
        i = row.get(track.path)
        if pred is not None and pred.genre is not None:
            if i is None:
                pred = None
            else:
                best = int(np.argmax(probs[i]))
                pred = dataclasses.replace(
                    pred,
                    genre=model.genres[best],
                    confidence=float(probs[i, best]),
                    uncertain=bool(probs[i, best] < uncertain_below),
                    probabilities={g: float(p) for g, p in zip(model.genres, probs[i])},
                )
        out.append(dataclasses.replace(track, prediction=pred))
    return out


def similar_in_library(
    library, model_id: str, path: str | os.PathLike, top: int, query: np.ndarray | None = None
) -> list[tuple[str, float]]:
    """The `top` indexed tracks closest to `path` (its stored embedding, or `query` for a file
    the index does not hold), the file itself left out. VocabularyError when there is nothing
    to compare."""
    from mgc_desktop.library.index import path_key, path_str

    if query is None:
        query = library.embedding(path, model_id)
        if query is None:
            raise VocabularyError(
                "this track has no embedding in the library index (not classified yet, or "
                "silent): scan it first"
            )
    index = library.embeddings(model_id)
    if len(index) == 0:
        raise VocabularyError(
            f"no indexed track has an embedding from model {model_id!r}: scan your music first"
        )
    found = most_similar(index.keys, index.matrix, query, top, exclude=path_key(path))
    return [(path_str(key), score) for key, score in found]
