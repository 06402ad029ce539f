"""Training loop: random crops from cached log-mels, augmentation, class-weighted soft
cross-entropy, AdamW (+ optional L1), one-cycle/cosine schedule, early stopping on the
validation macro-F1 measured at track level with the app's windows and aggregation."""

from __future__ import annotations

import copy
import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from mgc_desktop.audio.features import FrontEndParams
from mgc_desktop.model.card import InferenceParams
from training import cache
from training.augment import AugmentConfig, augment_batch
from training.calibrate import track_probs
from training.data import Clip
from training.evaluate import macro_f1
from training.model import EnsembleModel, GenreCNNLSTM, ModelConfig


@dataclass(frozen=True)
class TrainConfig:
    """Optimisation hyper-parameters."""

    seed: int = 0
    epochs: int = 60
    min_epochs: int = 8
    patience: int = 12
    batch_size: int = 32
    crops_per_clip: int = 4
    lr: float = 2e-3
    weight_decay: float = 0.02
    l1: float = 0.0
    schedule: str = "onecycle"
    label_smoothing: float = 0.05
    class_weight_power: float = 0.5
    speeds: tuple[float, ...] = (0.9, 0.95, 1.0, 1.05, 1.1)
    p_speed: float = 0.5
    ensemble: int = 1
    threads: int = 2
    # False: train the full schedule and keep the last state (validation is only watched);
    # the final run then uses `epochs` too.
    early_stopping: bool = True
    crop_frames: int = 0  # training crop length (0: the app's window); the net is length-agnostic
    eval_every: int = 1


@dataclass(frozen=True)
class RunConfig:
    """Everything that defines a trained model: the checked-in configuration file."""

    train: TrainConfig = field(default_factory=TrainConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    augment: AugmentConfig = field(default_factory=AugmentConfig)
    frontend: FrontEndParams = field(default_factory=FrontEndParams)
    inference: InferenceParams = field(default_factory=InferenceParams)

    def to_dict(self) -> dict:
        return {
            "train": _plain(asdict(self.train)),
            "model": self.model.to_dict(),
            "augment": _plain(asdict(self.augment)),
            "frontend": self.frontend.to_dict(),
            "inference": asdict(self.inference),
        }

    @classmethod
    def from_dict(cls, raw: dict) -> RunConfig:
        def build(kind, section):
            names = {f.name: f for f in fields(kind)}
            unknown = set(section) - set(names)
            if unknown:
                raise ValueError(f"unknown {kind.__name__} keys: {sorted(unknown)}")
            return kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in section.items()})

        fe = FrontEndParams.from_dict({**FrontEndParams().to_dict(), **raw.get("frontend", {})})
        return cls(
            train=build(TrainConfig, raw.get("train", {})),
            model=ModelConfig.from_dict({**raw.get("model", {}), "n_mels": fe.n_mels}),
            augment=build(AugmentConfig, raw.get("augment", {})),
            frontend=fe,
            inference=build(InferenceParams, raw.get("inference", {})),
        )

    def with_overrides(self, overrides: dict) -> RunConfig:
        """`{"train.lr": 1e-3, "model.lstm_hidden": 64}` -> a new config."""
        raw = self.to_dict()
        for key, value in overrides.items():
            section, name = key.split(".", 1)
            raw[section][name] = value
        return RunConfig.from_dict(raw)


def _plain(d: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


def load_config(path: str | Path) -> RunConfig:
    """Read a run configuration; DataError-style ValueError when missing or malformed."""
    from training.data import DataError

    try:
        return RunConfig.from_dict(json.loads(Path(path).read_text()))
    except FileNotFoundError:
        raise DataError(f"configuration file not found: {path}") from None
    except (ValueError, TypeError) as exc:
        raise DataError(f"configuration file {path} is invalid: {exc}") from None


@dataclass
class ClipSet:
    """Cached features of labelled clips, in memory."""

    clips: list[Clip]
    labels: np.ndarray
    logmels: list[dict[float, np.ndarray]]
    windows: list[np.ndarray]
    audible: list[np.ndarray]

    def subset(self, idx: list[int]) -> ClipSet:
        return ClipSet([self.clips[i] for i in idx], self.labels[idx],
                       [self.logmels[i] for i in idx], [self.windows[i] for i in idx],
                       [self.audible[i] for i in idx])

    def __len__(self) -> int:
        return len(self.clips)


def load_clipset(
    clips: list[Clip],
    classes: list[str],
    cfg: RunConfig,
    speeds: tuple[float, ...],
    cache_dir: str | Path | None = None,
    workers: int = 2,
    log: Callable[[str], None] = print,
) -> tuple[ClipSet, dict[str, str]]:
    """Prepare (cached) and load features; unreadable files are dropped and returned."""
    entries, errors = cache.prepare([c.path for c in clips], cfg.frontend, cfg.inference,
                                    speeds, cache_dir, workers, log)
    kept = [c for c in clips if c.path in entries]
    feats = [cache.load(entries[c.path]) for c in kept]
    index = {g: i for i, g in enumerate(classes)}
    return ClipSet(
        kept,
        np.array([index[c.genre] for c in kept], dtype=np.int64),
        [f.logmels for f in feats],
        [f.windows for f in feats],
        [f.audible for f in feats],
    ), errors


def _crop(logmel: np.ndarray, frames: int, rng: np.random.Generator) -> np.ndarray:
    n = logmel.shape[1]
    if n <= frames:
        return np.resize(logmel, (logmel.shape[0], frames)) if n < frames else logmel
    s = int(rng.integers(0, n - frames + 1))
    return logmel[:, s : s + frames]


def class_weights(labels: np.ndarray, n: int, power: float) -> np.ndarray:
    """Inverse-frequency weights to the given power, mean 1 over the training clips."""
    counts = np.bincount(labels, minlength=n).astype(float)
    w = np.where(counts > 0, (counts.max() / np.maximum(counts, 1)) ** power, 0.0)
    return w / (w[labels].mean())


@torch.no_grad()
def window_logits(model: torch.nn.Module, windows: list[np.ndarray], batch: int = 64
                  ) -> list[np.ndarray]:
    """Per-track (n_windows, classes) logits of the app's windows."""
    model.eval()
    flat = np.concatenate(windows)
    out = []
    for i in range(0, len(flat), batch):
        out.append(model(torch.from_numpy(flat[i : i + batch].astype(np.float32))).numpy())
    logits = np.concatenate(out) if out else np.zeros((0, 0), np.float32)
    splits = np.cumsum([len(w) for w in windows])[:-1]
    return np.split(logits, splits)


def evaluate_tracks(model: torch.nn.Module, data: ClipSet, temperature: float = 1.0
                    ) -> np.ndarray:
    """(tracks, classes) probabilities, aggregated as the app aggregates."""
    return track_probs(window_logits(model, data.windows), data.audible, temperature)


@dataclass
class TrainResult:
    model: torch.nn.Module
    history: list[dict]
    best_epoch: int
    best_val_f1: float | None
    seconds: float


def train_model(
    train: ClipSet,
    n_classes: int,
    cfg: RunConfig,
    val: ClipSet | None = None,
    epochs: int | None = None,
    seed: int | None = None,
    log: Callable[[str], None] = print,
    time_budget_s: float | None = None,
) -> TrainResult:
    """Train one network. With `val`: keep the epoch of best validation macro-F1 and stop
    after `patience` epochs without progress; without: train exactly `epochs` epochs."""
    tc, fe = cfg.train, cfg.frontend
    seed = tc.seed if seed is None else seed
    torch.manual_seed(seed)
    torch.set_num_threads(tc.threads)
    rng = np.random.default_rng(seed)
    gen = torch.Generator().manual_seed(seed)
    n_epochs = epochs or tc.epochs
    model = GenreCNNLSTM(n_classes, cfg.model)
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if p.ndim <= 1 or "norm" in name else decay).append(p)
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": tc.weight_decay},
         {"params": no_decay, "weight_decay": 0.0}], lr=tc.lr)
    steps_per_epoch = math.ceil(len(train) * tc.crops_per_clip / tc.batch_size)
    total = steps_per_epoch * n_epochs
    if tc.schedule == "onecycle":
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, tc.lr, total_steps=total,
                                                    pct_start=0.15)
    elif tc.schedule == "cosine":
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, total)
    else:
        raise ValueError(f"unknown schedule {tc.schedule!r}")
    cw = torch.tensor(class_weights(train.labels, n_classes, tc.class_weight_power),
                      dtype=torch.float32)
    other_speeds = [s for s in tc.speeds if s != 1.0]
    history: list[dict] = []
    best_state, best_f1, best_epoch, since_best = None, -1.0, 0, 0
    start = time.monotonic()
    for epoch in range(1, n_epochs + 1):
        model.train()
        order = rng.permutation(np.repeat(np.arange(len(train)), tc.crops_per_clip))
        losses = []
        for b in range(0, len(order), tc.batch_size):
            idx = order[b : b + tc.batch_size]
            if len(idx) < 2:
                continue
            crops = []
            for i in idx:
                mels = train.logmels[i]
                speed = 1.0
                if other_speeds and rng.random() < tc.p_speed:
                    speed = float(rng.choice(other_speeds))
                    speed = speed if speed in mels else 1.0
                crops.append(_crop(mels[speed], tc.crop_frames or fe.window_frames, rng))
            x = torch.from_numpy(np.stack(crops).astype(np.float32))
            y = F.one_hot(torch.from_numpy(train.labels[idx]), n_classes).float()
            y = y * (1 - tc.label_smoothing) + tc.label_smoothing / n_classes
            sample_w = (F.one_hot(torch.from_numpy(train.labels[idx]), n_classes).float()
                        * cw).sum(1)
            x, y = augment_batch(x, y, cfg.augment, gen)
            logp = F.log_softmax(model(x), dim=1)
            loss = (-(y * logp).sum(1) * sample_w).mean()
            if tc.l1 > 0:
                loss = loss + tc.l1 * sum(p.abs().sum() for p in decay)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            sched.step()
            losses.append(float(loss.detach()))
        row = {"epoch": epoch, "loss": round(float(np.mean(losses)), 4),
               "lr": round(sched.get_last_lr()[0], 6),
               "seconds": round(time.monotonic() - start, 1)}
        due = epoch % tc.eval_every == 0 or epoch == n_epochs
        if val is not None and len(val) and due:
            probs = evaluate_tracks(model, val)
            pred = probs.argmax(1)
            row["val_acc"] = round(float((pred == val.labels).mean()), 4)
            row["val_f1"] = round(macro_f1(val.labels, pred, n_classes), 4)
            if row["val_f1"] > best_f1:
                best_f1, best_epoch, since_best = row["val_f1"], epoch, 0
                best_state = copy.deepcopy(model.state_dict())
            else:
                since_best += 1
        history.append(row)
        log(json.dumps(row))
        stalled = since_best * tc.eval_every >= tc.patience
        if tc.early_stopping and val is not None and epoch >= tc.min_epochs and stalled:
            break
        if time_budget_s is not None and time.monotonic() - start > time_budget_s:
            log(f"time budget of {time_budget_s:.0f} s reached")
            break
    if best_state is not None and tc.early_stopping:
        model.load_state_dict(best_state)
    elif not tc.early_stopping:
        best_epoch = len(history)
    model.eval()
    return TrainResult(model, history, best_epoch, best_f1 if val is not None else None,
                       time.monotonic() - start)


def train_ensemble(
    train: ClipSet, n_classes: int, cfg: RunConfig, epochs: int,
    log: Callable[[str], None] = print,
) -> tuple[torch.nn.Module, float]:
    """`cfg.train.ensemble` networks with seeds seed, seed+1, ...; mean logits."""
    members, seconds = [], 0.0
    for k in range(cfg.train.ensemble):
        res = train_model(train, n_classes, cfg, None, epochs, cfg.train.seed + k, log)
        members.append(res.model)
        seconds += res.seconds
    model = members[0] if len(members) == 1 else EnsembleModel(members)
    return model.eval(), seconds
