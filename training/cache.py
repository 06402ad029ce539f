"""Features computed once and kept on disk, keyed by file content and front-end parameters.

Two kinds of entry, both produced by the app's own code:
- the log-mel of a whole clip, optionally speed-changed (resampled, so tempo and pitch move
  together): training crops are cut from it (the STFT is not centred, so a crop equals the
  log-mel of the cropped audio);
- the app's analysis windows of a file (`mgc_desktop.model.windows.track_windows`): evaluation
  uses exactly what the app will feed the model.
Files that cannot be decoded are skipped and reported, never fatal.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mgc_desktop.audio.features import FrontEndParams, log_mel
from mgc_desktop.model.card import InferenceParams

CACHE_VERSION = 1
# Decoding rate for speed-changed copies: high enough that resampling by 0.8-1.25 never
# runs out of band below the front end's upper edge.
_WIDE_RATE = 32000


def default_cache_dir() -> Path:
    """`runs/cache` in a checkout (git-ignored), else the app's user cache dir."""
    env = os.environ.get("MGC_TRAINING_CACHE")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parent.parent
    if (repo / ".git").exists():
        return repo / "runs" / "cache"
    from mgc_desktop.paths import cache_dir

    return cache_dir() / "training"


def file_digest(path: str | Path) -> str:
    """sha1 of the file's bytes: a renamed file keeps its cache, an edited one does not."""
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _key(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class ClipFeatures:
    """Cached features of one clip: whole log-mels per speed, and the app's windows."""

    logmels: dict[float, np.ndarray]  # speed -> (n_mels, frames) float16 dB
    windows: np.ndarray  # (n, n_mels, window_frames) float32, from track_windows
    audible: np.ndarray  # (n,) bool


def speed_logmel(samples_wide: np.ndarray, speed: float, fe: FrontEndParams) -> np.ndarray:
    """Log-mel of audio played `speed` times faster (decoded at _WIDE_RATE)."""
    import soxr

    target = int(round(fe.sample_rate / speed))
    y = soxr.resample(samples_wide, _WIDE_RATE, target, "HQ").astype(np.float32)
    return log_mel(y, fe)


def _compute(
    path: str, fe: FrontEndParams, inf: InferenceParams, speeds: tuple[float, ...], out: str
) -> str | None:
    """Worker: compute one clip's entry into `out`; return an error line or None."""
    from mgc_desktop.audio.decode import DecodeError, read_all
    from mgc_desktop.model.windows import track_windows

    try:
        tw = track_windows(
            path, fe, inf.max_windows, inf.min_duration_s, inf.silence_dbfs
        )
        arrays = {"windows": tw.windows, "audible": tw.audible}
        base = read_all(path, fe.sample_rate)
        arrays["s1.0"] = log_mel(base, fe).astype(np.float16)
        others = [s for s in speeds if s != 1.0]
        if others:
            wide = read_all(path, _WIDE_RATE)
            for s in others:
                arrays[f"s{s}"] = speed_logmel(wide, s, fe).astype(np.float16)
        if arrays["s1.0"].shape[1] < fe.window_frames // 2:
            return "too short for training"
        tmp = out + ".tmp.npz"
        np.savez(tmp, **arrays)
        os.replace(tmp, out)
        return None
    except DecodeError as exc:
        return str(exc)
    except Exception as exc:  # a hostile file must cost one report line, not the run
        return f"{type(exc).__name__}: {exc}".splitlines()[0]


def entry_path(
    cache_dir: Path, digest: str, fe: FrontEndParams, inf: InferenceParams, speeds: Iterable[float]
) -> Path:
    key = _key(CACHE_VERSION, digest, fe.to_dict(), inf.max_windows, inf.min_duration_s,
               inf.silence_dbfs, sorted(float(s) for s in speeds))
    return cache_dir / key[:2] / f"{key}.npz"


def prepare(
    paths: list[str],
    fe: FrontEndParams,
    inf: InferenceParams,
    speeds: tuple[float, ...] = (1.0,),
    cache_dir: str | Path | None = None,
    workers: int = 2,
    log=print,
) -> tuple[dict[str, Path], dict[str, str]]:
    """Make sure every file has a cache entry. Returns (path -> entry, path -> error)."""
    cdir = Path(cache_dir) if cache_dir else default_cache_dir()
    speeds = tuple(sorted({1.0, *map(float, speeds)}))
    entries: dict[str, Path] = {}
    errors: dict[str, str] = {}
    todo: list[tuple[str, Path]] = []
    for p in paths:
        try:
            entry = entry_path(cdir, file_digest(p), fe, inf, speeds)
        except OSError as exc:
            errors[p] = f"cannot read file: {exc.strerror or exc}"
            continue
        entries[p] = entry
        if not entry.is_file():
            entry.parent.mkdir(parents=True, exist_ok=True)
            todo.append((p, entry))
    if todo:
        log(f"computing features for {len(todo)} of {len(paths)} files ({workers} workers)")
        if workers > 1 and len(todo) > 1:
            with ProcessPoolExecutor(workers) as pool:
                futures = [
                    pool.submit(_compute, p, fe, inf, speeds, str(e)) for p, e in todo
                ]
                results = [f.result() for f in futures]
        else:
            results = [_compute(p, fe, inf, speeds, str(e)) for p, e in todo]
        for (p, _), err in zip(todo, results):
            if err is not None:
                errors[p] = err
    for p in errors:
        entries.pop(p, None)
    return entries, errors


def load(entry: Path, speeds: Iterable[float] | None = None) -> ClipFeatures:
    """Read one cache entry (only the speeds asked for)."""
    with np.load(entry) as z:
        keys = [k for k in z.files if k.startswith("s")]
        wanted = None if speeds is None else {float(s) for s in speeds}
        logmels = {
            float(k[1:]): z[k] for k in keys if wanted is None or float(k[1:]) in wanted
        }
        return ClipFeatures(logmels, z["windows"], z["audible"])
