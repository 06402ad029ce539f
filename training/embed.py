"""Pretrained musicnn features of every 3 s patch of every clip, computed once and cached.

The genre head trains on sequences of these per-patch features (the musicnn part is frozen, so
its output never changes during training): minutes of CNN work once, then seconds per epoch.
Patches are cut from the app's own front end (`mgc_desktop.audio.features.log_mel`) at a hop of
`hop_frames`; speed-changed copies (tempo and pitch together) and level copies (the clip louder
or quieter: files and microphones differ in level, and musicnn's features move with it) are
augmentation. A level copy is a pure gain in floating point: +6 dB takes loud clips past full
scale, where a louder master would be limited instead.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

from mgc_desktop.audio.features import FrontEndParams, log_mel
from training.cache import _WIDE_RATE, _key, file_digest, speed_logmel

EMBED_VERSION = 2


def patches_of(logmel: np.ndarray, window: int, hop: int) -> np.ndarray:
    """(n, window, n_mels) patches of a (n_mels, frames) log-mel; a short clip is repeated."""
    frames = logmel.shape[1]
    if frames < window:
        logmel = np.tile(logmel, (1, -(-window // max(frames, 1))))[:, :window]
        frames = window
    starts = range(0, frames - window + 1, hop)
    return np.stack([logmel[:, s : s + window].T for s in starts]).astype(np.float32)


def musicnn_session(wheel: str | Path, threads: int = 2):
    """onnxruntime session of the frozen musicnn network (about 3x faster than torch on CPU)."""
    import tempfile

    import onnxruntime as ort

    from training.musicnn import load_pretrained

    model = load_pretrained(wheel)
    with tempfile.TemporaryDirectory() as tmp:
        onnx_path = f"{tmp}/musicnn.onnx"
        dummy = torch.zeros(2, 187, 96)
        torch.onnx.export(model, (dummy,), onnx_path, input_names=["x"],
                          output_names=["pen", "tags", "pool"], dynamic_axes={"x": {0: "n"}},
                          opset_version=17, dynamo=False)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        return ort.InferenceSession(onnx_path, options, providers=["CPUExecutionProvider"])


class TorchRunner:
    """Runs a torch MusicnnFeatures with the onnxruntime session's `run` interface (the smoke
    run and tests use random weights this way, without the wheel)."""

    def __init__(self, model: torch.nn.Module) -> None:
        self.model = model.eval()

    def run(self, _names: object, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        with torch.no_grad():
            return [t.numpy() for t in self.model(torch.from_numpy(feeds["x"]))]


def musicnn_outputs(session, patches: np.ndarray, batch: int = 16) -> dict[str, np.ndarray]:
    """Penultimate features (n, 200), MSD tag logits (n, 50) and pooled mid-level features
    (n, 1506, kept as float16) of each (187, 96) patch."""
    outs = [session.run(None, {"x": patches[i : i + batch]}) for i in range(0, len(patches), batch)]
    pen, tags, pool = (np.concatenate([o[k] for o in outs]) for k in range(3))
    return {"pen": pen, "tags": tags, "pool": pool.astype(np.float16)}


def clip_entry(
    cache_dir: Path, path: str, fe: FrontEndParams, speed: float, hop: int, gain_db: float = 0.0
) -> Path:
    parts = [EMBED_VERSION, file_digest(path), fe.to_dict(), float(speed), hop]
    if gain_db:  # entries at the clip's own level keep their earlier keys
        parts.append(float(gain_db))
    return cache_dir / "musicnn" / f"{_key(*parts)}.npz"


def clip_logmel(path: str, fe: FrontEndParams, speed: float, gain_db: float = 0.0) -> np.ndarray:
    """The whole clip's log-mel, played `speed` times faster (tempo and pitch together) and
    `gain_db` louder."""
    from mgc_desktop.audio.decode import read_all

    gain = np.float32(10.0 ** (gain_db / 20.0))
    if speed == 1.0:
        return log_mel(read_all(path, fe.sample_rate) * gain, fe)
    return speed_logmel(read_all(path, _WIDE_RATE) * gain, speed, fe)


def prepare_embeddings(
    jobs: list[tuple[str, float, float]],
    session,
    cache_dir: Path,
    hop: int = 94,
    fe: FrontEndParams | None = None,
) -> tuple[dict[tuple[str, float, float], Path], dict[str, str]]:
    """Cache the patch features of each (clip, speed, gain dB) computed by `session` (a musicnn
    onnxruntime session or a TorchRunner); returns (entries, path -> error line)."""
    fe = fe or FrontEndParams()
    entries, errors = {}, {}
    start = time.time()
    for i, (path, speed, gain_db) in enumerate(jobs):
        if path in errors:
            continue
        entry = clip_entry(cache_dir, path, fe, speed, hop, gain_db)
        if not entry.exists():
            try:
                mel = clip_logmel(path, fe, speed, gain_db)
                arrays = musicnn_outputs(session, patches_of(mel, fe.window_frames, hop))
            except Exception as exc:  # one bad clip costs one line, not the run
                errors[path] = f"{type(exc).__name__}: {exc}".splitlines()[0]
                continue
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(".tmp.npz")
            np.savez(tmp, **arrays)
            os.replace(tmp, entry)
        entries[(path, speed, gain_db)] = entry
        if (i + 1) % 50 == 0:
            print(f"  musicnn features: {i + 1}/{len(jobs)}, {time.time() - start:.0f} s",
                  file=sys.stderr, flush=True)
    return entries, errors
