"""Export a trained model to ONNX with its model card, and refuse a file that disagrees with
PyTorch: the app runs only what was checked here."""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from pathlib import Path

import numpy as np
import torch
from torch import nn

from mgc_desktop.model.card import EMBEDDING_NAME, INPUT_NAME, OUTPUT_NAME, ModelCard

OPSET = 17
MAX_PROB_DIFF = 1e-4


class ExportError(RuntimeError):
    """The exported graph does not reproduce PyTorch's outputs."""


def _random_inputs(card: ModelCard, windows: int, seed: int) -> np.ndarray:
    """Random log-mel windows in the range real ones have (log10(1 + 10000 mel): 0-5)."""
    rng = np.random.default_rng(seed)
    fe = card.frontend
    x = rng.gamma(2.0, 0.6, size=(windows, fe.n_mels, fe.window_frames))
    return x.astype(np.float32)


def export_onnx(
    track_model: nn.Module, card: ModelCard, out_path: str | Path, check_batches: int = 3
) -> dict:
    """Write `out_path` (opset 17, any number of windows, card in metadata_props) and check it.

    `track_model` maps one track's (n, n_mels, frames) windows to (probabilities (1, classes),
    embedding (1, dim)). Returns the check figures; raises ExportError (and leaves no file)
    when onnxruntime differs from PyTorch by more than 1e-4.
    """
    import onnx
    import onnxruntime as ort

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    track_model = track_model.eval().cpu()
    fe = card.frontend
    dummy = torch.from_numpy(_random_inputs(card, 2, 0))
    fd, tmp_name = tempfile.mkstemp(suffix=".onnx", dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                track_model,
                (dummy,),
                str(tmp),
                input_names=[INPUT_NAME],
                output_names=[OUTPUT_NAME, EMBEDDING_NAME],
                dynamic_axes={INPUT_NAME: {0: "windows"}},
                opset_version=OPSET,
                dynamo=False,
            )
        proto = onnx.load(str(tmp))
        del proto.metadata_props[:]
        for key, value in card.to_metadata().items():
            entry = proto.metadata_props.add()
            entry.key, entry.value = key, value
        proto.producer_name = "mgc-desktop training"
        onnx.checker.check_model(proto)
        onnx.save(proto, str(tmp))

        options = ort.SessionOptions()
        options.log_severity_level = 3
        session = ort.InferenceSession(str(tmp), options, providers=["CPUExecutionProvider"])
        worst = 0.0
        for i, windows in enumerate([1, 8, 3][:check_batches]):
            x = _random_inputs(card, windows, 100 + i)
            with torch.no_grad():
                refs = [r.numpy() for r in track_model(torch.from_numpy(x))]
            got = session.run([OUTPUT_NAME, EMBEDDING_NAME], {INPUT_NAME: x})
            worst = max([worst] + [float(np.abs(r - g).max()) for r, g in zip(refs, got)])
        if worst > MAX_PROB_DIFF:
            raise ExportError(
                f"onnxruntime differs from PyTorch by {worst:.2e} (> {MAX_PROB_DIFF:g}); "
                "model not written"
            )
        shape = session.get_inputs()[0].shape
        if list(shape[1:]) != [fe.n_mels, fe.window_frames]:
            raise ExportError(f"exported input shape {shape} does not match the front end")
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a shipped model must be readable
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return {
        "onnx_max_prob_diff": worst,
        "opset": OPSET,
        "size_bytes": out_path.stat().st_size,
    }


def write_card_json(card: ModelCard, extra: dict, path: str | Path) -> None:
    """The human-readable card beside the ONNX file: its metadata plus run details."""
    meta = card.to_metadata()
    doc = {
        "model_id": card.model_id,
        "version": card.version,
        "classes": list(card.classes),
        "frontend": json.loads(meta["mgc.frontend"]),
        "inference": json.loads(meta["mgc.inference"]),
        "temperature": card.temperature,
        **extra,
    }
    Path(path).write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n")


def ort_latency_ms(model_path: str | Path, windows: int = 3, repeats: int = 10) -> float:
    """Median single-thread onnxruntime time for one track of `windows` windows (the app's
    first-pass cost, decode excluded)."""
    import time

    from mgc_desktop.model.classifier import load_session

    session, card = load_session(model_path, threads=1)
    x = _random_inputs(card, windows, 7)
    session.run(None, {INPUT_NAME: x})
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        session.run(None, {INPUT_NAME: x})
        times.append(time.perf_counter() - t)
    return float(np.median(times) * 1000)
