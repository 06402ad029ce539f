"""ONNX genre model: file -> windows -> batched inference -> one track prediction."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mgc_desktop.model.card import INPUT_NAME, OUTPUT_NAME, IncompatibleModel, ModelCard
from mgc_desktop.model.windows import aggregate, track_windows


@dataclass(frozen=True)
class Prediction:
    """One track's answer. `genre` is None for a silent track (then `uncertain` is True)."""

    path: str
    genre: str | None
    confidence: float
    probabilities: dict[str, float]
    windows: int
    model_id: str
    uncertain: bool
    duration_s: float = 0.0
    note: str = ""
    window_probabilities: list[list[float]] = field(default_factory=list, repr=False)

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
    if [i.name for i in inputs] != [INPUT_NAME] or OUTPUT_NAME not in [o.name for o in outputs]:
        raise IncompatibleModel(
            f"model must take one input {INPUT_NAME!r} and give {OUTPUT_NAME!r}"
        )
    shape = inputs[0].shape
    expected = [card.frontend.n_mels, card.frontend.window_frames]
    if len(shape) != 3 or list(shape[1:]) != expected:
        raise IncompatibleModel(
            f"model input shape {shape} does not match its front end (batch, {expected[0]}, "
            f"{expected[1]})"
        )
    return session, card


class GenreClassifier:
    """Classifies files with one ONNX model; `classify_file` may run on several threads at once
    (onnxruntime sessions allow concurrent `run` calls)."""

    def __init__(self, model_path: str | Path, threads: int = 1) -> None:
        self.model_path = Path(model_path)
        self.session, self.card = load_session(self.model_path, threads)

    @property
    def classes(self) -> tuple[str, ...]:
        return self.card.classes

    def predict_windows(self, windows: np.ndarray) -> np.ndarray:
        """(n, n_mels, frames) log-mel windows -> (n, classes) calibrated probabilities."""
        if len(windows) == 0:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        (probs,) = self.session.run([OUTPUT_NAME], {INPUT_NAME: windows.astype(np.float32)})
        return probs

    def classify_file(self, path: str | Path, uncertain_below: float | None = None) -> Prediction:
        """Decode, analyse and classify one file. Raises DecodeError with a one-line reason."""
        inference = self.card.inference
        threshold = inference.uncertain_below if uncertain_below is None else uncertain_below
        tw = track_windows(
            path,
            self.card.frontend,
            inference.max_windows,
            inference.min_duration_s,
            inference.silence_dbfs,
        )
        window_probs = self.predict_windows(tw.windows)
        track = aggregate(window_probs, tw.audible)
        if track is None:
            return Prediction(
                path=str(path),
                genre=None,
                confidence=0.0,
                probabilities={},
                windows=0,
                model_id=self.card.model_id,
                uncertain=True,
                duration_s=tw.duration_s,
                note="silent: no audible music",
            )
        best = int(np.argmax(track))
        confidence = float(track[best])
        return Prediction(
            path=str(path),
            genre=self.classes[best],
            confidence=confidence,
            probabilities={c: float(p) for c, p in zip(self.classes, track)},
            windows=int(tw.audible.sum()),
            model_id=self.card.model_id,
            uncertain=confidence < threshold,
            duration_s=tw.duration_s,
            window_probabilities=window_probs.tolist(),
        )
