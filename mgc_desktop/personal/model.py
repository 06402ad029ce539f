"""The user's own genres, learned from the genre tags already in their library: the learned
model, its file, loading and forgetting it.

A real collection carries genre tags in its owner's words (Electronic, R&B, Shoegaze...) that
the base model's ten classes can never produce. What the base model stores for every track in
the library index (its embedding and its probabilities, "none of these" included) describes the
music well, so a small model on it learns the owner's vocabulary in seconds, with numpy alone:
a closed-set learner (`logistic.py`, chosen by cross-validation) says which learned genre a
track is likeliest to be, and the open set (`openset.py`) how likely it is to be any of them.
A track's probabilities are the product of the two; what they leave below 1 is "none of
these". The threshold for writing comes from the same cross-validation (`honesty.py`).

The learned model is one small file in the user data folder, tied to the base model's id: its
inputs only mean something for the base model that made them, so a new base model means
learning again, and the app says so instead of predicting nonsense. Nothing here writes tags.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mgc_desktop.model.classifier import Prediction
from mgc_desktop.personal.features import (
    base_matrix,
    base_vector,
    closed_features,
    sqrt_answers,
    usable_rows,
)
from mgc_desktop.personal.honesty import MAX_NONE_OF_THESE, THRESHOLD_FLOOR, certain
from mgc_desktop.personal.logistic import normalise, softmax
from mgc_desktop.personal.openset import OpenSet

MODEL_FILE = "personal_genres.npz"
FORMAT = "mgc-desktop-personal-genres"
FORMAT_VERSION = 2
DEFAULT_MIN_TRACKS = 5
# The lowest write threshold learning may choose (the one in force is the model's own
# `threshold`, taken from cross-validation; commands with --min-confidence override it).
UNCERTAIN_BELOW = THRESHOLD_FLOOR


class VocabularyError(ValueError):
    """Learning or using the personal genres is not possible; str() says why, in one line."""


class StaleVocabulary(VocabularyError):
    """The learned genres belong to another base model: learn again."""


def model_file() -> Path:
    """Where the learned genres live (the user data folder)."""
    from mgc_desktop.paths import data_dir

    return data_dir() / MODEL_FILE


@dataclass(frozen=True)
class PersonalModel:
    """The learned genres: a linear layer on the base model's embedding and answers (closed
    set), times the probability of belonging to any of them (open set)."""

    base_model_id: str
    genres: tuple[str, ...]  # the user's spelling, in output order
    base_classes: tuple[str, ...]  # the base model's genres, in the order of its answers
    base_weight: float  # how much the base model's answers weigh beside the embedding
    weights: np.ndarray = field(repr=False)  # (F, K) float32
    bias: np.ndarray = field(repr=False)  # (K,)
    mean: np.ndarray = field(repr=False)  # (F,)
    scale: np.ndarray = field(repr=False)  # (F,)
    openset: OpenSet = field(repr=False)
    temperature: float = 1.0
    threshold: float = UNCERTAIN_BELOW  # below it a prediction is uncertain (never written)
    report: dict = field(default_factory=dict, repr=False)
    created_at: float = 0.0

    @property
    def embedding_dim(self) -> int:
        """The length of the base model's embedding this model was learned on."""
        return int(self.openset.ref_emb.shape[1])

    def closed(self, embeddings: np.ndarray, base: np.ndarray) -> np.ndarray:
        """(n, K) calibrated closed-set probabilities (they sum to 1)."""
        z = (
            normalise(closed_features(embeddings, base, self.base_weight)) - self.mean
        ) / self.scale
        return softmax((z @ self.weights + self.bias).astype(np.float64) / self.temperature)

    def predict(self, embeddings: np.ndarray, base: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(n, K) probabilities of the learned genres and (n,) "none of these" (1 minus their
        sum), from (n, D) embeddings and (n, C+1) base answers (`features.base_vector`)."""
        ok = usable_rows(embeddings, base)
        probs = np.zeros((len(ok), len(self.genres)))
        known = np.zeros(len(ok))  # a row that describes nothing: none of these, certainly
        if ok.any():
            e, b = np.asarray(embeddings)[ok], np.asarray(base)[ok]
            known[ok] = self.openset.known(normalise(e), sqrt_answers(b))
            probs[ok] = self.closed(e, b) * known[ok, None]
        return probs, 1.0 - known

    def predict_stored(
        self, embeddings: np.ndarray, probabilities: list[dict[str, float]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """`predict` from the base model's probability dicts (as predictions carry them)."""
        return self.predict(embeddings, base_matrix(probabilities, self.base_classes))

    def is_uncertain(self, confidence: float, none_of_these: float, threshold: float) -> bool:
        """Uncertain (never written): below the threshold, or "none of these" too likely
        (`honesty.certain`)."""
        return not bool(certain(confidence, none_of_these, threshold))

    def apply(self, prediction: Prediction, uncertain_below: float | None = None) -> Prediction:
        """The base model's prediction restated in the user's genres (`outside`, 1 minus the
        probabilities, is then their "none of these"). A silent track stays silent;
        `uncertain_below` None means the learned threshold."""
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
        base = base_vector(prediction.probabilities, self.base_classes)[None, :]
        probs, none = self.predict(vector[None, :], base)
        return restated(self, prediction, probs[0], float(none[0]), uncertain_below)

    # -- storage --------------------------------------------------------------------------------

    def save(self, path: str | Path | None = None) -> Path:
        """Write atomically (a temporary file in the same folder, then a rename)."""
        dest = Path(path) if path is not None else model_file()
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".personal-", suffix=".npz", dir=dest.parent)
        o = self.openset
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(
                    f,
                    format=np.array(FORMAT),
                    version=np.array(FORMAT_VERSION),
                    base_model_id=np.array(self.base_model_id),
                    genres=np.array(json.dumps(list(self.genres), ensure_ascii=False)),
                    base_classes=np.array(json.dumps(list(self.base_classes))),
                    base_weight=np.array(float(self.base_weight)),
                    weights=self.weights.astype(np.float32),
                    bias=self.bias.astype(np.float32),
                    mean=self.mean.astype(np.float32),
                    scale=self.scale.astype(np.float32),
                    temperature=np.array(float(self.temperature)),
                    threshold=np.array(float(self.threshold)),
                    openset_method=np.array(o.method),
                    openset_emb=o.ref_emb.astype(np.float16),
                    openset_roots=o.ref_roots.astype(np.float16),
                    openset_theta=o.theta.astype(np.float64),
                    openset_scale=np.array(float(o.scale)),
                    openset_k=np.array(int(o.k)),
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
                if str(data["format"]) != FORMAT:
                    raise VocabularyError(f"{src} is not a learned-genres file this app reads")
                if int(data["version"]) != FORMAT_VERSION:
                    raise VocabularyError(
                        "your genres were learned by an older version of the app: "
                        "run `mgc-desktop learn FOLDER` again"
                    )
                openset = OpenSet(
                    method=str(data["openset_method"]),
                    ref_emb=data["openset_emb"],
                    ref_roots=data["openset_roots"],
                    theta=data["openset_theta"].astype(np.float64),
                    scale=float(data["openset_scale"]),
                    k=int(data["openset_k"]),
                )
                model = cls(
                    base_model_id=str(data["base_model_id"]),
                    genres=tuple(json.loads(str(data["genres"]))),
                    base_classes=tuple(json.loads(str(data["base_classes"]))),
                    base_weight=float(data["base_weight"]),
                    weights=data["weights"].astype(np.float32),
                    bias=data["bias"].astype(np.float32),
                    mean=data["mean"].astype(np.float32),
                    scale=data["scale"].astype(np.float32),
                    openset=openset,
                    temperature=float(data["temperature"]),
                    threshold=float(data["threshold"]),
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
        k, f = len(model.genres), model.weights.shape[0]
        consistent = (
            model.weights.shape == (f, k)
            and model.bias.shape == (k,)
            and model.mean.shape == (f,)
            and k >= 2
            and openset.ref_roots.shape == (len(openset.ref_emb), len(model.base_classes) + 1)
            and openset.theta.shape == (3,)
        )
        if not consistent:
            raise VocabularyError(f"the learned genres file {src} is inconsistent: learn again")
        return model


def restated(
    model: PersonalModel,
    prediction: Any,
    probs: np.ndarray,
    none_of_these: float,
    uncertain_below: float | None,
) -> Any:
    """`prediction` (a classifier Prediction or a stored one: any dataclass with its fields)
    in the user's genres; uncertain as `PersonalModel.is_uncertain` says."""
    best = int(np.argmax(probs))
    confidence = float(probs[best])
    bar = model.threshold if uncertain_below is None else uncertain_below
    return dataclasses.replace(
        prediction,
        genre=model.genres[best],
        confidence=confidence,
        probabilities={g: float(p) for g, p in zip(model.genres, probs)},
        uncertain=model.is_uncertain(confidence, none_of_these, bar),
        note="may be none of these genres" if none_of_these > MAX_NONE_OF_THESE else "",
    )


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
