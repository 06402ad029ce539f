"""ONNX genre model: file -> windows (anytime) -> the model's sequence answer -> one prediction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mgc_desktop.model.card import (
    EMBEDDING_NAME,
    INPUT_NAME,
    OUTPUT_NAME,
    IncompatibleModel,
    ModelCard,
)
from mgc_desktop.model.windows import TrackAnalysis, first_pass


def outside_share(probabilities: Iterable[float]) -> float:
    """What calibrated genre probabilities leave below 1: the chance of none of them."""
    return max(0.0, 1.0 - float(sum(probabilities)))


def may_be_none(probabilities: Sequence[float]) -> bool:
    """Whether "none of these genres" is likelier than the best genre: the track's note says
    so (a track the model's rejector sets apart keeps at most half its confidence)."""
    # float32 sums land on exact ties (a saturated answer halved: 0.5 and 0.5): a tie counts
    return len(probabilities) > 0 and outside_share(probabilities) >= max(probabilities) - 1e-6


@dataclass(frozen=True)
class Prediction:
    """One track's answer. `genre` is None for a silent track (then `uncertain` is True).

    `probabilities` are calibrated and sum to at most 1; `outside` (1 minus their sum) is the
    chance that the track belongs to none of the model's genres. `embedding` is the model's
    fixed-size, unit-length description of the track (None for a silent one).
    """

    path: str
    genre: str | None
    confidence: float
    probabilities: dict[str, float]
    windows: int
    model_id: str
    uncertain: bool
    duration_s: float = 0.0
    note: str = ""
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def outside(self) -> float:
        """Probability that the track is none of the model's genres."""
        return outside_share(self.probabilities.values()) if self.probabilities else 0.0

    def top(self, k: int) -> list[tuple[str, float]]:
        """The k most likely classes with their probabilities, best first."""
        ranked = sorted(self.probabilities.items(), key=lambda kv: kv[1], reverse=True)
        return ranked[:k]


def load_session(model_path: str | Path, threads: int = 1):
    """An onnxruntime session plus its validated card; IncompatibleModel if unusable."""
    import onnxruntime as ort

    path = Path(model_path)
    if not path.is_file():
        raise IncompatibleModel(f"model file not found: {path}")
    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, int(threads))
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own exception types for bad files
        raise IncompatibleModel(f"cannot load model {path.name}: {exc}") from None
    card = ModelCard.from_metadata(session.get_modelmeta().custom_metadata_map)
    inputs, outputs = session.get_inputs(), session.get_outputs()
    if [i.name for i in inputs] != [INPUT_NAME] or [o.name for o in outputs] != [
        OUTPUT_NAME,
        EMBEDDING_NAME,
    ]:
        raise IncompatibleModel(
            f"model must take one input {INPUT_NAME!r} and give {OUTPUT_NAME!r} and "
            f"{EMBEDDING_NAME!r}"
        )
    dim = outputs[1].shape[-1]
    if not isinstance(dim, int) or dim < 1:
        raise IncompatibleModel(f"model embedding has no fixed size (shape {outputs[1].shape})")
    shape = inputs[0].shape
    expected = [card.frontend.n_mels, card.frontend.window_frames]
    if len(shape) != 3 or list(shape[1:]) != expected:
        raise IncompatibleModel(
            f"model input shape {shape} does not match its front end (batch, {expected[0]}, "
            f"{expected[1]})"
        )
    return session, card


def _check_finite(probs: np.ndarray, embedding: np.ndarray) -> None:
    """A NaN or inf answer (extreme sample values overflow the features) is no genre: it must
    fail like a bad file, not be stored or written to a tag as one."""
    if not (np.isfinite(probs).all() and np.isfinite(embedding).all()):
        from mgc_desktop.audio.decode import DecodeError

        raise DecodeError("the model gave no usable answer (audio with extreme sample values?)")


class GenreClassifier:
    """Classifies files with one ONNX model; `classify_file` may run on several threads at once
    (onnxruntime sessions allow concurrent `run` calls)."""

    def __init__(self, model_path: str | Path, threads: int = 1) -> None:
        self.model_path = Path(model_path)
        self.session, self.card = load_session(self.model_path, threads)

    @property
    def classes(self) -> tuple[str, ...]:
        return self.card.classes

    def predict(self, windows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One track's (n, n_mels, frames) log-mel windows, in time order -> (calibrated
        probabilities (classes,), unit-length embedding (dim,))."""
        if len(windows) == 0:
            raise ValueError("predict needs at least one window")
        probs, embedding = self.session.run(
            [OUTPUT_NAME, EMBEDDING_NAME], {INPUT_NAME: windows.astype(np.float32)}
        )
        return probs[0], embedding[0]

    def classify_file(self, path: str | Path, uncertain_below: float | None = None) -> Prediction:
        """Decode, analyse and classify one file. Raises DecodeError with a one-line reason.

        Anytime: the model hears a few windows spread over the track first and all of them
        only when its answer is not yet sure.
        """
        inf = self.card.inference
        threshold = inf.uncertain_below if uncertain_below is None else uncertain_below
        fe = self.card.frontend
        with TrackAnalysis(
            path, fe, inf.max_windows, inf.min_duration_s, inf.silence_dbfs
        ) as track:
            n = len(track.plan)
            chosen = first_pass(n, inf.first_windows)
            windows, audible = track.windows(chosen)
            result = self.predict(windows[audible]) if audible.any() else None
            if len(chosen) < n and (result is None or result[0].max() < inf.sure_above):
                windows, audible = track.windows(list(range(n)))
                result = self.predict(windows[audible]) if audible.any() else None
        if result is None:
            return Prediction(
                path=str(path),
                genre=None,
                confidence=0.0,
                probabilities={},
                windows=0,
                model_id=self.card.model_id,
                uncertain=True,
                duration_s=track.duration_s,
                note="silent: no audible music",
            )
        probs, embedding = result
        _check_finite(probs, embedding)
        best = int(np.argmax(probs))
        confidence = float(probs[best])
        note = "may be none of these genres" if may_be_none(list(probs)) else ""
        return Prediction(
            path=str(path),
            genre=self.classes[best],
            confidence=confidence,
            probabilities={c: float(p) for c, p in zip(self.classes, probs)},
            windows=int(audible.sum()),
            model_id=self.card.model_id,
            uncertain=confidence < threshold,
            duration_s=track.duration_s,
            note=note,
            embedding=embedding.astype(np.float32),
        )
