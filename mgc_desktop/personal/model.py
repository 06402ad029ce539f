"""The user's own genres, learned from the genre tags already in their library.

A real collection carries genre tags in its owner's words (Electronic, R&B, Shoegaze...) that
the base model's ten classes can never produce. The base model's track embedding (stored in the
library index) is a good description of the music, so a small linear model on it learns the
user's vocabulary in seconds, on their machine, with numpy alone: class-balanced multinomial
logistic regression, its regularisation chosen by stratified cross-validation and its
probabilities calibrated (one temperature) on the same cross-validation (`logistic.py`).

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

import numpy as np

from mgc_desktop.library.logistic import fit_logistic, normalise, softmax
from mgc_desktop.model.classifier import Prediction

MODEL_FILE = "personal_genres.npz"
FORMAT = "mgc-desktop-personal-genres"
FORMAT_VERSION = 1
DEFAULT_MIN_TRACKS = 5
# A personal prediction below this confidence is uncertain (never auto-tagged), as for the base
# model; commands with --min-confidence override it.
UNCERTAIN_BELOW = 0.5


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
        z = (normalise(embeddings) - self.mean) / self.scale
        return z @ self.weights + self.bias

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, D) embeddings -> (n, K) calibrated probabilities."""
        return softmax(self.logits(embeddings).astype(np.float64) / self.temperature)

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


def fit_personal_model(
    embeddings: np.ndarray,
    labels: Sequence[Sequence[int]],
    genres: Sequence[str],
    base_model_id: str,
    *,
    seed: int = 0,
) -> PersonalModel:
    """Learn the user's genres from (n, D) embeddings and each track's genre indices (see
    `logistic.fit_logistic`); the report holds the cross-validated figures."""
    started = time.monotonic()
    if len(genres) < 2:
        raise VocabularyError("need at least two genres to learn")
    fit = fit_logistic(embeddings, labels, len(genres), seed=seed)
    cv = {k: v for k, v in fit.cv.items() if k != "per_genre"}
    report = {
        "base_model_id": base_model_id,
        "tracks_used": int(len(embeddings)),
        "cv": cv,
        "genres": [
            {"genre": g, "cv_accuracy": fit.cv["per_genre"][c]} for c, g in enumerate(genres)
        ],
        "fit_s": round(time.monotonic() - started, 3),
    }
    return PersonalModel(
        base_model_id=base_model_id,
        genres=tuple(genres),
        weights=fit.weights,
        bias=fit.bias,
        mean=fit.mean,
        scale=fit.scale,
        temperature=fit.temperature,
        report=report,
        created_at=time.time(),
    )


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
