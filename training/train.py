"""From cached musicnn patch features to the shipped model: cross-validation, the "none of the
ten" rejector, calibration, the decision thresholds, the final fit, and the TrackModel to export.

Everything chosen here is chosen on out-of-fold predictions of the non-test clips (stratified,
artist-grouped k-fold, GTZAN and non-GTZAN alike) and on leave-one-genre-out runs over them: the
rejector, the temperature, the default `uncertain_below` threshold and the anytime `sure_above`.
Test clips are never read here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import numpy as np
import torch

from mgc_desktop.audio.features import FrontEndParams
from mgc_desktop.model.card import InferenceParams
from mgc_desktop.model.windows import first_pass
from training import ood
from training.data import Clip, DataError, kfold_splits
from training.head import (
    ClipPatches,
    GenreEnsemble,
    HeadConfig,
    ensemble_logits,
    fit_heads,
    fit_linear,
)
from training.track_model import EMBEDDING_FEATURES, TAG_COLUMNS, TrackModel

DEAD_FEATURE_STD = 0.01


@dataclass(frozen=True)
class DataConfig:
    """Which patch features training reads: speed and level copies (augmentation) and the
    patch hop."""

    speeds: tuple[float, ...] = (1.0, 0.92, 1.08)
    gains_db: tuple[float, ...] = ()  # level copies at normal speed
    hop_frames: int = 94

    def __post_init__(self) -> None:
        if 0.0 in self.gains_db or len(set(self.gains_db)) != len(self.gains_db):
            raise ValueError(f"gains_db must be distinct and non-zero: {list(self.gains_db)}")

    def copies(self) -> list[tuple[float, float]]:
        """(speed, gain dB) of every copy of a clip."""
        return [(s, 0.0) for s in self.speeds] + [(1.0, float(g)) for g in self.gains_db]


@dataclass(frozen=True)
class CalibrationConfig:
    """How the out-of-fold predictions set the model's decisions."""

    folds: int = 5
    rejector_quantile: float = 0.02  # in-taxonomy tracks (out of fold) the rejector catches
    rejector_strength: float = 1.0  # L2 strength of the rejector's regression
    rejector_floor: float = 0.0  # the share of its confidence a rejected track keeps
    outside_tag_limit: float = 4.0  # fixed tag gate: genre standard deviations (`ood.py`)
    target_precision: float = 0.95  # of auto-tagged tracks, out of fold
    min_coverage: float = 0.70  # fraction of tracks auto-tagged, out of fold
    sure_agreement: float = 0.98  # first-pass answer equals the full answer this often

    def __post_init__(self) -> None:
        if not 0.0 < self.rejector_quantile < 0.5:
            raise ValueError(f"rejector_quantile must lie in (0, 0.5): {self.rejector_quantile}")
        if not 0.0 <= self.rejector_floor <= 0.5:  # a rejected track: "none of these" >= 1/2
            raise ValueError(f"rejector_floor must lie in [0, 0.5]: {self.rejector_floor}")


@dataclass(frozen=True)
class RunConfig:
    """Everything that defines a trained model: the checked-in configuration file."""

    head: HeadConfig = field(default_factory=HeadConfig)
    data: DataConfig = field(default_factory=DataConfig)
    calibration: CalibrationConfig = field(default_factory=CalibrationConfig)
    frontend: FrontEndParams = field(default_factory=FrontEndParams)
    inference: InferenceParams = field(default_factory=InferenceParams)

    def to_dict(self) -> dict:
        plain = lambda d: {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}  # noqa: E731
        return {
            "head": plain(asdict(self.head)),
            "data": plain(asdict(self.data)),
            "calibration": asdict(self.calibration),
            "frontend": self.frontend.to_dict(),
            "inference": asdict(self.inference),
        }

    @classmethod
    def from_dict(cls, raw: dict) -> RunConfig:
        def build(kind, section):
            names = {f.name for f in fields(kind)}
            unknown = set(section) - names
            if unknown:
                raise ValueError(f"unknown {kind.__name__} keys: {sorted(unknown)}")
            return kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in section.items()})

        fe = FrontEndParams.from_dict({**FrontEndParams().to_dict(), **raw.get("frontend", {})})
        return cls(
            head=build(HeadConfig, raw.get("head", {})),
            data=build(DataConfig, raw.get("data", {})),
            calibration=build(CalibrationConfig, raw.get("calibration", {})),
            frontend=fe,
            inference=build(InferenceParams, raw.get("inference", {})),
        )

    def with_overrides(self, overrides: dict) -> RunConfig:
        """`{"head.lr": 1e-3, "calibration.folds": 3}` -> a new config."""
        raw = self.to_dict()
        for key, value in overrides.items():
            section, name = key.split(".", 1)
            if section not in raw:
                raise ValueError(f"unknown configuration section {section!r}")
            raw[section][name] = value
        return RunConfig.from_dict(raw)


def load_config(path: str | Path) -> RunConfig:
    """Read a run configuration; DataError with the reason when missing or malformed."""
    try:
        return RunConfig.from_dict(json.loads(Path(path).read_text()))
    except FileNotFoundError:
        raise DataError(f"configuration file not found: {path}") from None
    except (ValueError, TypeError) as exc:
        raise DataError(f"configuration file {path} is invalid: {exc}") from None


def standardiser(data: list[ClipPatches]) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation of every patch feature of the training clips.

    Many pooled musicnn features never vary (ReLU maps that stay at zero): their scale is set
    to 1, not ~0, so that rounding differences (the cache keeps them as float16) cannot be
    magnified into large inputs in the app."""
    allp = np.concatenate([f for d in data for f in d.copies.values()])
    std = allp.std(axis=0)
    return allp.mean(axis=0), np.where(std < DEAD_FEATURE_STD, 1.0, std)


def track_views(d: ClipPatches, windows: int, copy: float | str = 1.0) -> np.ndarray:
    """The patches the app would hear from this clip (or from one of its speed or level
    copies): `windows` spread."""
    f = d.copies[copy]
    return f[first_pass(len(f), windows)]


@dataclass
class FoldOutput:
    """Out-of-fold answers for the clips of one validation fold."""

    index: np.ndarray
    logits_full: np.ndarray  # all windows (the app's max_windows)
    logits_first: np.ndarray  # the anytime first pass
    signals: np.ndarray  # rejector inputs (computed with the full answer)


def softmax(z: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    z = z / temperature
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """Temperature in [0.3, 10] minimising the negative log-likelihood (grid, then finer).
    The rejector's P(in taxonomy) multiplies every genre alike, so it only adds a constant to
    the log-likelihood of in-taxonomy tracks: it cannot move this optimum."""

    def loss(t: float) -> float:
        p = softmax(logits, t)
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1))))

    grid = np.exp(np.linspace(np.log(0.3), np.log(10), 60))
    best = min(grid, key=loss)
    fine = np.exp(np.linspace(np.log(best) - 0.06, np.log(best) + 0.06, 25))
    return float(min(fine, key=loss))


@dataclass
class Fitted:
    """A trained head ensemble with everything the graph needs besides musicnn."""

    ensemble: GenreEnsemble
    mean: np.ndarray
    std: np.ndarray
    stats: dict


def mean_features(raw: np.ndarray, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
    """A track's mean standardised penultimate + tag features from its (windows, 1756) raw
    features: what the embedding, the rejector and the linear branch read."""
    return ((raw - mean) / std)[:, :EMBEDDING_FEATURES].mean(axis=0)


def fit(data: list[ClipPatches], n: int, cfg: RunConfig) -> Fitted:
    """Heads (+ the linear branch) + standardisation + the rejector's statistics of the
    training clips."""
    mean, std = standardiser(data)
    heads = fit_heads(data, n, cfg.head, mean, std)
    views = [track_views(d, cfg.inference.max_windows) for d in data]
    pooled = np.stack([mean_features(v, mean, std) for v in views])
    tags = np.stack([v[:, TAG_COLUMNS].mean(axis=0) for v in views])
    labels = np.array([d.label for d in data])
    linear = None
    if cfg.head.linear_c > 0:
        # Every speed and level copy is a row: trained on the clips as they are only, the
        # regression hung on their exact pitch and level (through the virtual microphone, whose
        # capture then inserted 21 stale frames every 1,045, a country clip became pop).
        copies = [(d, k) for d in data for k in d.copies]
        rows = np.stack([mean_features(track_views(d, cfg.inference.max_windows, k), mean, std)
                         for d, k in copies])
        linear = fit_linear(rows, np.array([d.label for d, _ in copies]), n,
                            cfg.head.linear_c, EMBEDDING_FEATURES)
    ensemble = GenreEnsemble(heads, linear, cfg.head.linear_share)
    return Fitted(ensemble, mean, std, ood.class_statistics(pooled, tags, labels, n))


def answer(
    fitted: Fitted, d: ClipPatches, windows: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(logits, pooled standardised embedding features, mean tag logits) of a clip heard as
    the app does."""
    raw = track_views(d, windows)
    x = (raw - fitted.mean) / fitted.std
    pooled = x[:, :EMBEDDING_FEATURES].mean(axis=0)
    return ensemble_logits(fitted.ensemble, x), pooled, raw[:, TAG_COLUMNS].mean(axis=0)


def cross_validate(
    data: list[ClipPatches], clips: list[Clip], n: int, cfg: RunConfig, log: Callable
) -> list[FoldOutput]:
    """Out-of-fold answers of every clip (stratified, artist-grouped folds)."""
    outs = []
    inf = cfg.inference
    for k, (trn, val) in enumerate(kfold_splits(clips, cfg.calibration.folds, cfg.head.seed)):
        fitted = fit([data[i] for i in trn], n, cfg)
        full = [answer(fitted, data[i], inf.max_windows) for i in val]
        first = [answer(fitted, data[i], inf.first_windows)[0] for i in val]
        logits = np.stack([a[0] for a in full])
        outs.append(FoldOutput(np.array(val), logits, np.stack(first),
                               answer_signals(fitted, full)))
        log(f"fold {k + 1}/{cfg.calibration.folds}: {len(val)} clips")
    return outs


def answer_signals(fitted: Fitted, answers: list[tuple]) -> np.ndarray:
    """Rejector signals of clips from their `answer`s."""
    return ood.signals(fitted.stats, np.stack([a[1] for a in answers]),
                       np.stack([a[2] for a in answers]), np.stack([a[0] for a in answers]))


@dataclass
class UnseenGenre:
    """One leave-one-genre-out run: out-of-fold signals of the nine known genres' clips
    ("inside"), and the left-out genre's logits and signals from every fold's model."""

    genre: int
    inside: np.ndarray
    outside: np.ndarray
    outside_logits: np.ndarray


_SHARED: dict = {}  # what the leave-one-genre-out worker processes were given at start


def _share(data, clips, cfg) -> None:
    _SHARED.update(data=data, clips=clips, cfg=cfg)


def _unseen_genre(g: int) -> UnseenGenre:
    """Leave genre g out: k-fold over the other genres' clips (worker process)."""
    data, clips, cfg = _SHARED["data"], _SHARED["clips"], _SHARED["cfg"]
    torch.set_num_threads(1)
    keep = [i for i, d in enumerate(data) if d.label != g]
    held = [d for d in data if d.label == g]
    remap = {old: new for new, old in enumerate(sorted({data[i].label for i in keep}))}
    inside = [ClipPatches(data[i].copies, remap[data[i].label]) for i in keep]
    windows = cfg.inference.max_windows
    ins, outs, out_logits = [], [], []
    for trn, val in kfold_splits([clips[i] for i in keep], cfg.calibration.folds, cfg.head.seed):
        fitted = fit([inside[i] for i in trn], len(remap), cfg)
        ins.append(answer_signals(fitted, [answer(fitted, inside[i], windows) for i in val]))
        res = [answer(fitted, d, windows) for d in held]
        outs.append(answer_signals(fitted, res))
        out_logits.append(np.stack([r[0] for r in res]))
    return UnseenGenre(g, np.concatenate(ins), np.concatenate(outs), np.concatenate(out_logits))


@dataclass
class UnseenSource:
    """One recording source held out of training: its clips' logits and rejector signals."""

    source: str
    index: np.ndarray
    logits: np.ndarray
    signals: np.ndarray


def unseen_sources(
    data: list[ClipPatches], clips: list[Clip], n: int, cfg: RunConfig, log: Callable,
    min_clips: int = 15,
) -> list[UnseenSource]:
    """Each recording source in turn (of at least `min_clips` clips) left out of training, the
    closest check here to a stranger's library; skipped where every genre would not keep two
    training clips (GTZAN alone has disco and metal)."""
    labels = np.array([d.label for d in data])
    out = []
    for source in sorted({c.source for c in clips}):
        held = [i for i, c in enumerate(clips) if c.source == source]
        rest = [i for i, c in enumerate(clips) if c.source != source]
        if len(held) < min_clips or (np.bincount(labels[rest], minlength=n) < 2).any():
            continue
        fitted = fit([data[i] for i in rest], n, cfg)
        res = [answer(fitted, data[i], cfg.inference.max_windows) for i in held]
        out.append(UnseenSource(source, np.array(held), np.stack([r[0] for r in res]),
                                answer_signals(fitted, res)))
        log(f"source {source} left out: {len(held)} clips")
    return out


def leave_one_genre_out(
    data: list[ClipPatches], clips: list[Clip], n: int, cfg: RunConfig, log: Callable,
    workers: int = 2,
) -> list[UnseenGenre]:
    """Every genre left out in turn (`n` x folds fits; `workers` processes)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")  # torch and fork do not mix
    runs = []
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_share,
                             initargs=(data, clips, cfg)) as pool:
        for run in pool.map(_unseen_genre, range(n)):
            log(f"genre {run.genre + 1}/{n} left out: {len(run.inside)} inside, "
                f"{len(run.outside)} outside answers")
            runs.append(run)
    return runs


def choose_threshold(conf: np.ndarray, correct: np.ndarray, cal: CalibrationConfig) -> float:
    """The lowest confidence threshold whose auto-tagged tracks reach the target precision,
    but never one that auto-tags fewer than `min_coverage` of the tracks."""
    order = np.argsort(-conf)
    hits = np.cumsum(correct[order]) / np.arange(1, len(order) + 1)
    floor_k = int(np.ceil(cal.min_coverage * len(order)))
    ok = [k for k in range(floor_k, len(order) + 1) if hits[k - 1] >= cal.target_precision]
    k = max(ok) if ok else floor_k
    return round(float(conf[order][k - 1]), 3)


def choose_sure_above(
    first: np.ndarray, full: np.ndarray, threshold: float, cal: CalibrationConfig
) -> float:
    """The lowest first-pass confidence above the threshold at which the first answer equals
    the full one at least `sure_agreement` of the time."""
    conf = first.max(axis=1)
    same = first.argmax(axis=1) == full.argmax(axis=1)
    for s in np.round(np.arange(max(threshold, 0.3), 1.0, 0.025), 3):
        chosen = conf >= s
        if chosen.sum() == 0 or same[chosen].mean() >= cal.sure_agreement:
            return float(s)
    return 1.0


def fit_rejector(runs: list[UnseenGenre], inside: np.ndarray, cal: CalibrationConfig) -> dict:
    """The rejector from leave-one-genre-out runs, as a step over the out-of-fold signals of
    in-taxonomy tracks (`inside`)."""
    rejector = ood.fit_rejector(np.concatenate([r.inside for r in runs]),
                                np.concatenate([r.outside for r in runs]),
                                cal.rejector_strength, cal.outside_tag_limit)
    return {**ood.as_step(rejector, inside, cal.rejector_quantile),
            "floor": cal.rejector_floor}


def unseen_genre_rates(
    runs: list[UnseenGenre], inside: np.ndarray, temperature: float, threshold: float,
    cal: CalibrationConfig,
) -> dict[int, float]:
    """How often a genre the model never heard is auto-tagged, per left-out genre. Honest:
    the rejector judging genre g was fitted on the other genres' runs only."""
    rates = {}
    for run in runs:
        rejector = fit_rejector([r for r in runs if r is not run], inside, cal)
        conf = softmax(run.outside_logits, temperature).max(axis=1)
        conf = conf * ood.p_in(rejector, run.outside)
        rates[run.genre] = float((conf >= threshold).mean())
    return rates


def source_figures(
    sources: Sequence[UnseenSource], y_all: np.ndarray, temperature: float, rejector: dict,
    threshold: float,
) -> dict:
    """The shipped decisions applied to the answers for held-out sources."""
    from training.evaluate import decision_figures

    y = y_all[np.concatenate([s.index for s in sources])]
    probs = np.concatenate([softmax(s.logits, temperature) * ood.p_in(rejector, s.signals)[:, None]
                            for s in sources])
    return {
        **decision_figures(probs, y, threshold),
        "per_source_accuracy": {
            s.source: round(float((s.logits.argmax(1) == y_all[s.index]).mean()), 4)
            for s in sources},
    }


def calibrate(
    outs: list[FoldOutput], y_all: np.ndarray, cfg: RunConfig, runs: list[UnseenGenre],
    classes: list[str], sources: Sequence[UnseenSource] = (),
) -> tuple[dict, InferenceParams, dict]:
    """Rejector, temperature and thresholds from out-of-fold answers and leave-one-genre-out
    runs; with the out-of-fold figures, and those of held-out sources (no choice uses them)."""
    from training.evaluate import decision_figures, ece

    idx = np.concatenate([o.index for o in outs])
    y = y_all[idx]
    full = np.concatenate([o.logits_full for o in outs])
    first = np.concatenate([o.logits_first for o in outs])
    signals = np.concatenate([o.signals for o in outs])
    rejector = fit_rejector(runs, signals, cfg.calibration)
    gate = ood.p_in(rejector, signals)
    temperature = fit_temperature(full, y)
    probs_full = softmax(full, temperature) * gate[:, None]
    probs_first = softmax(first, temperature) * gate[:, None]
    conf = probs_full.max(axis=1)
    correct = probs_full.argmax(axis=1) == y
    threshold = choose_threshold(conf, correct, cfg.calibration)
    if threshold <= cfg.calibration.rejector_floor:
        raise DataError(f"the threshold {threshold} does not exceed rejector_floor "
                        f"{cfg.calibration.rejector_floor}: rejected tracks could be auto-tagged")
    sure = choose_sure_above(probs_first, probs_full, threshold, cfg.calibration)
    inference = replace(cfg.inference, uncertain_below=threshold, sure_above=sure)
    unseen = unseen_genre_rates(runs, signals, temperature, threshold, cfg.calibration)
    sizes = {r.genre: len(r.outside_logits) for r in runs}
    figures = {
        **decision_figures(probs_full, y, threshold),
        "ece_uncalibrated": round(ece(softmax(full), y), 4),
        "first_pass_sure": round(float((probs_first.max(1) >= sure).mean()), 4),
        "rejected_below_half": round(float((ood.p_in(rejector, signals, 0.0) < 0.5).mean()), 4),
        "unseen_genre_auto_tagged": round(
            sum(unseen[g] * sizes[g] for g in unseen) / sum(sizes.values()), 4),
        "unseen_genre_auto_tagged_per_genre": {classes[g]: round(v, 4) for g, v in unseen.items()},
    }
    if sources:
        figures["unseen_source"] = source_figures(sources, y_all, temperature, rejector,
                                                  threshold)
    calibration = {"temperature": temperature, "rejector": {
        "signals": list(ood.SIGNALS), "weights": [float(w) for w in rejector["weights"]],
        "bias": rejector["bias"], "tag_limit": rejector["tag_limit"],
        "floor": rejector["floor"], "quantile": cfg.calibration.rejector_quantile}}
    return calibration, inference, figures


def track_model(
    musicnn: torch.nn.Module, fitted: Fitted, calibration: dict
) -> TrackModel:
    """The exportable module: frozen musicnn + the fitted ensemble, temperature and rejector."""
    rejector = {**fitted.stats, "weights": np.asarray(calibration["rejector"]["weights"]),
                "bias": float(calibration["rejector"]["bias"]),
                "tag_limit": float(calibration["rejector"]["tag_limit"]),
                "floor": float(calibration["rejector"]["floor"])}
    return TrackModel(
        musicnn, fitted.ensemble, fitted.mean, fitted.std, calibration["temperature"], rejector
    )
