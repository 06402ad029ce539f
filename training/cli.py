"""Subcommands of `python -m training`. Each reads a data folder and writes a report folder.

    features  compute (and cache) the frozen musicnn features of every clip's patches
    train     the full run: k-fold calibration, final fit, export, T1 report via the app
    kfold     out-of-fold and leave-one-genre-out figures of a configuration (no test clips)
    evaluate  metrics of an ONNX model through `mgc-desktop classify`
    smoke     seconds-long end-to-end run for CI (random musicnn weights, a few clips)
"""

from __future__ import annotations

import argparse
import json
import platform
import shlex
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from training.data import DataError, non_test

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = Path(__file__).resolve().parent / "configs" / "shipped.json"
SHIPPED_ONNX = REPO / "resources" / "models" / "genre_cnn_lstm.onnx"
MODEL_ID = "genre_musicnn_lstm"
MUSICNN_WHEEL = "musicnn-0.1.0-py3-none-any.whl"


class Log:
    """Print and append to the run's log file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)

    def __call__(self, msg: str) -> None:
        line = f"[{time.strftime('%H:%M:%S')}] {msg}"
        print(line, flush=True)
        if self.path:
            with self.path.open("a") as fh:
                fh.write(line + "\n")


def _run_dir(args: argparse.Namespace, kind: str) -> Path:
    if getattr(args, "report", None):
        return Path(args.report)
    return REPO / "runs" / f"{time.strftime('%Y%m%d-%H%M%S')}-{kind}"


def _cache_dir(args: argparse.Namespace) -> Path:
    from training.cache import default_cache_dir

    return Path(args.cache) if getattr(args, "cache", None) else default_cache_dir()


def ensure_wheel(args: argparse.Namespace, log: Log) -> Path:
    """The musicnn wheel holding the MSD checkpoint: --wheel, or fetched once from PyPI with
    `pip download --no-deps` (never installed: its dependencies are ancient)."""
    if getattr(args, "wheel", None):
        wheel = Path(args.wheel)
        if not wheel.is_file():
            raise DataError(f"musicnn wheel not found: {wheel}")
        return wheel
    folder = _cache_dir(args)
    wheel = folder / MUSICNN_WHEEL
    if not wheel.is_file():
        log(f"downloading {MUSICNN_WHEEL} (pip download --no-deps musicnn==0.1.0)")
        folder.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder),
               "musicnn==0.1.0"]
        if subprocess.run(cmd, check=False).returncode != 0 or not wheel.is_file():
            raise DataError("could not download musicnn==0.1.0; pass --wheel FILE")
    return wheel


def _load(args: argparse.Namespace, log: Log, min_per_genre: int = 2):
    from training.data import class_names, discover
    from training.train import load_config

    cfg = load_config(args.config)
    if getattr(args, "set", None):
        cfg = cfg.with_overrides({k: json.loads(v) for k, v in (a.split("=", 1) for a in args.set)})
    clips = discover(args.data, min_per_genre=min_per_genre)
    classes = class_names(clips)
    log(f"{len(clips)} clips, classes {classes}")
    return cfg, clips, classes


def load_patches(clips, classes, cfg, session, cache: Path, log: Log, copies=None):
    """Patch features of `clips` (computed by the musicnn `session` where not cached), one
    array per (speed, gain dB) copy (default: the configuration's); unreadable clips are
    dropped and listed."""
    from training.embed import prepare_embeddings
    from training.head import ClipPatches, copy_key

    copies = list(copies or cfg.data.copies())
    jobs = [(c.path, s, g) for s, g in copies for c in clips]
    entries, errors = prepare_embeddings(jobs, session, cache, cfg.data.hop_frames, cfg.frontend)
    for p, e in errors.items():
        log(f"skipped unreadable file {p}: {e}")
    kept, data = [], []
    for c in clips:
        if c.path in errors:
            continue
        arrays = {}
        for s, g in copies:
            z = np.load(entries[(c.path, s, g)])
            feats = np.concatenate([z["pen"], z["tags"], z["pool"]], axis=1)
            arrays[copy_key(s, g)] = feats.astype(np.float32)
        kept.append(c)
        data.append(ClipPatches(arrays, classes.index(c.genre)))
    return kept, data, errors


def model_id(model, version: str, inference, calibration: dict) -> str:
    """A new id for every trained model (name, date, digest of its weights and of its decision
    settings): the library index keeps predictions (and their uncertain flags) per model id, so
    a new model, or a new threshold, re-classifies old libraries."""
    import dataclasses
    import hashlib

    digest = hashlib.sha256()
    for value in model.state_dict().values():
        digest.update(value.detach().cpu().numpy().tobytes())
    settings = {"inference": dataclasses.asdict(inference), "calibration": calibration}
    digest.update(json.dumps(settings, sort_keys=True, default=float).encode())
    return f"{MODEL_ID}-{version}-{digest.hexdigest()[:8]}"


def build_card(classes, cfg, inference, info: dict, version: str, temperature: float,
               identity: str = MODEL_ID):
    from mgc_desktop.model.card import ModelCard

    return ModelCard(tuple(classes), cfg.frontend, inference, identity, version,
                     float(temperature), info)


def classify_with_app(model_path: Path, files: list[str], workers: int = 2) -> dict[str, dict]:
    """Run the app's own `mgc-desktop classify --json` on files; path -> record. The app runs
    with an empty user data folder: every answer is computed, none read from a library index."""
    import os
    import tempfile

    cmd = [sys.executable, "-m", "mgc_desktop", "--model", str(model_path), "classify",
           "--json", "--vocabulary", "builtin", "--workers", str(workers), *files]
    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(os.environ, MGC_DESKTOP_DATA_DIR=data_dir)
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"mgc-desktop classify failed ({proc.returncode}): {proc.stderr}")
    out: dict[str, dict] = {}
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        out[str(Path(rec["path"]).resolve())] = rec
    return out


def evaluate_app(model_path: Path, clips, classes, report: Path, name: str, title: str,
                 log: Log, bootstrap: int = 2000) -> dict:
    """Track-level metrics of the model file on `clips`, through `mgc-desktop classify`."""
    from training.evaluate import auto_tagging, metrics, write_report

    recs = classify_with_app(model_path, [c.path for c in clips])
    probs, y, failed, tagged = [], [], [], []
    for c in clips:
        rec = recs.get(str(Path(c.path).resolve()))
        if rec is None or "error" in rec or not rec.get("probabilities"):
            failed.append({"path": c.path, "error": (rec or {}).get("error", "no result")})
            continue
        probs.append([rec["probabilities"][g] for g in classes])
        y.append(classes.index(c.genre))
        tagged.append(not rec.get("uncertain", True))
    m = metrics(np.array(probs), np.array(y), classes, bootstrap)
    m.update(auto_tagging(np.array(probs).argmax(1) == np.array(y), np.array(tagged)))
    m["failed"] = failed
    m["measured_with"] = "mgc-desktop classify --json (the app's inference path)"
    write_report(report, name, title, m)
    log(f"{title}: accuracy {m['accuracy']:.3f} macro-F1 {m['macro_f1']:.3f} "
        f"mean recall {m['mean_recall']:.3f} ECE {m['ece']:.3f}; auto-tagged "
        f"{m['auto_tagged']:.3f} at precision {m['auto_tagged_precision']:.3f} "
        f"({len(failed)} failed)")
    return m


# ---------------------------------------------------------------- commands


def cmd_features(args: argparse.Namespace) -> int:
    log = Log(None)
    cfg, clips, classes = _load(args, log)
    from training.embed import musicnn_session

    session = musicnn_session(ensure_wheel(args, log))
    train = non_test(clips)
    test = [c for c in clips if c.split == "test"]
    load_patches(train, classes, cfg, session, _cache_dir(args), log)
    load_patches(test, classes, cfg, session, _cache_dir(args), log, copies=[(1.0, 0.0)])
    log(f"features ready for {len(clips)} files")
    return 0


def _oof(args, log, cfg, clips, classes, wheel):
    """Out-of-fold answers and leave-one-genre-out runs -> calibration, thresholds, figures."""
    from training.embed import musicnn_session
    from training.train import calibrate, cross_validate, leave_one_genre_out, unseen_sources

    train = non_test(clips)
    session = musicnn_session(wheel)
    kept, data, errors = load_patches(train, classes, cfg, session, _cache_dir(args), log)
    y = np.array([d.label for d in data])
    outs = cross_validate(data, kept, len(classes), cfg, log)
    runs = leave_one_genre_out(data, kept, len(classes), cfg, log)
    sources = unseen_sources(data, kept, len(classes), cfg, log)
    cal, inference, figures = calibrate(outs, y, cfg, runs, classes, sources)
    return kept, data, errors, cal, inference, figures


def cmd_kfold(args: argparse.Namespace) -> int:
    run = _run_dir(args, "kfold")
    log = Log(run / "log.txt")
    cfg, clips, classes = _load(args, log)
    _, _, _, cal, inference, figures = _oof(args, log, cfg, clips, classes, ensure_wheel(args, log))
    doc = {"config": cfg.to_dict(), "calibration": cal, "inference": inference.__dict__,
           "out_of_fold": figures}
    (run / "kfold.json").write_text(json.dumps(doc, indent=2) + "\n")
    log(f"out of fold: {json.dumps(figures)}")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """The full run that produces a shipped model."""
    from training.data import data_digest
    from training.export import export_onnx, ort_latency_ms, write_card_json
    from training.musicnn import load_pretrained
    from training.train import fit, track_model

    t0 = time.monotonic()
    run = _run_dir(args, "train")
    log = Log(run / "log.txt")
    cfg, clips, classes = _load(args, log)
    log(f"config {args.config}: {json.dumps(cfg.to_dict())}")
    wheel = ensure_wheel(args, log)
    kept, data, errors, cal, inference, oof = _oof(args, log, cfg, clips, classes, wheel)
    log(f"out of fold ({cfg.calibration.folds}-fold, artist-grouped): {json.dumps(oof)}")
    log(f"calibration: temperature {cal['temperature']:.3f}, "
        f"rejector {json.dumps(cal['rejector'])}; uncertain_below "
        f"{inference.uncertain_below}, sure_above {inference.sure_above}")
    fitted = fit(data, len(classes), cfg)
    model = track_model(load_pretrained(wheel), fitted, cal)
    digest = data_digest(kept)
    command = "python -m training " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    info = {
        "pretrained": "MSD_musicnn from the musicnn 0.1.0 wheel (Pons & Serra 2019, ISC licence)",
        "data_digest": digest,
        "parameters": int(sum(p.numel() for p in model.parameters())),
        "config": cfg.to_dict(),
        "calibration": cal,
        "out_of_fold": oof,
        "training_seconds": round(time.monotonic() - t0, 1),
        "machine": f"{platform.machine()} {platform.processor()}",
        "command": command,
        "skipped_files": errors,
    }
    out = Path(args.out) if args.out else run / "model.onnx"
    version = time.strftime("%Y.%m.%d")
    identity = model_id(model, version, inference, cal)
    card = build_card(classes, cfg, inference, info, version, cal["temperature"], identity)
    check = export_onnx(model, card, out)
    log(f"exported {out} ({check['size_bytes'] / 1e6:.2f} MB, max ORT diff "
        f"{check['onnx_max_prob_diff']:.1e})")
    test = [c for c in clips if c.split == "test"]
    if test:
        m = evaluate_app(out, test, classes, run, "test", "Test (T1) via mgc-desktop classify",
                         log)
        info["test_metrics"] = {k: m[k] for k in ("tracks", "accuracy", "macro_f1",
                                                  "mean_recall", "ece", "nll", "ci95",
                                                  "auto_tagged", "auto_tagged_precision",
                                                  "per_class", "confusion_matrix")}
        card = build_card(classes, cfg, inference, info, version, cal["temperature"], identity)
        export_onnx(model, card, out)  # same weights, test figures now inside the file
    info["total_seconds"] = round(time.monotonic() - t0, 1)
    info["export_check"] = check
    info["ort_ms_first_pass_1_thread"] = round(ort_latency_ms(out), 2)
    card_path = Path(args.card) if args.card else out.with_suffix(".json")
    card = build_card(classes, cfg, inference, info, version, cal["temperature"], identity)
    write_card_json(card, {"data": {"folder": str(args.data), "digest": digest,
                                    "train_clips": len(data), "test_clips": len(test)},
                           **info}, card_path)
    log(f"done in {time.monotonic() - t0:.0f} s; card {card_path}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from mgc_desktop.model.classifier import GenreClassifier
    from training.data import discover

    run = _run_dir(args, "evaluate")
    log = Log(run / "log.txt")
    clips = discover(args.data, min_per_genre=0)
    classes = list(GenreClassifier(args.model).classes)
    chosen = [c for c in clips if args.split == "all" or c.split == args.split]
    if not chosen:
        raise DataError(f"no clips with split {args.split!r} in {args.data}")
    unknown = sorted({c.genre for c in chosen} - set(classes))
    if unknown:
        raise DataError(f"the model has no class for genre(s) {unknown}")
    evaluate_app(Path(args.model), chosen, classes, run, args.split,
                 f"{args.split} via mgc-desktop classify", log)
    return 0


def cmd_quantize(args: argparse.Namespace) -> int:
    """The fast (int8) model from an fp32 one, its guard, and its re-measured card."""
    from mgc_desktop.model.card import ModelCard
    from training.data import discover
    from training.export import ort_latency_ms, write_card_json
    from training.quantize import quantize_model

    t0 = time.monotonic()
    run = _run_dir(args, "quantize")
    log = Log(run / "log.txt")
    out = Path(args.out)
    if out.resolve() == Path(args.model).resolve():
        raise DataError("--out must differ from --model (the fp32 source is read twice)")
    info = quantize_model(args.model, out, args.data, args.reference, log)
    clips = discover(args.data)
    classes = list(ModelCard.from_metadata(_metadata(out)).classes)
    test = [c for c in clips if c.split == "test"]
    m = evaluate_app(out, test, classes, run, "test", "Test (T1) via mgc-desktop classify", log)
    info["test_metrics"] = {k: m[k] for k in ("tracks", "accuracy", "macro_f1", "mean_recall",
                                              "ece", "nll", "ci95", "auto_tagged",
                                              "auto_tagged_precision", "per_class",
                                              "confusion_matrix")}
    from training.quantize import rewrite_info

    card = rewrite_info(out, info)
    info["ort_ms_first_pass_1_thread"] = round(ort_latency_ms(out), 2)
    info["quantization"]["seconds"] = round(time.monotonic() - t0, 1)
    info["quantization"]["command"] = "python -m training " + " ".join(
        shlex.quote(a) for a in sys.argv[1:])
    source_json = Path(args.model).with_suffix(".json")
    extra = json.loads(source_json.read_text()) if source_json.is_file() else {}
    extra = {k: v for k, v in extra.items() if k not in ("model_id", "version", "classes",
                                                         "frontend", "inference", "temperature")}
    extra.update(info)
    source_check = extra.pop("export_check", {})
    extra["export_check"] = {"opset": source_check.get("opset"), "size_bytes": out.stat().st_size,
                             "fp32_source_onnx_max_prob_diff": source_check.get(
                                 "onnx_max_prob_diff")}
    card_path = Path(args.card) if args.card else out.with_suffix(".json")
    write_card_json(card, extra, card_path)
    log(f"done in {time.monotonic() - t0:.0f} s; card {card_path}")
    return 0


def _metadata(path: Path) -> dict[str, str]:
    import onnx

    return {p.key: p.value for p in onnx.load(str(path), load_external_data=False).metadata_props}


def cmd_smoke(args: argparse.Namespace) -> int:
    """Seconds-long end-to-end check of the machinery: musicnn with random weights (no wheel
    needed), a few clips, one fold split, export, classify through the app's classifier."""
    from collections import defaultdict

    from mgc_desktop.model.classifier import GenreClassifier
    from training import ood
    from training.data import class_names, discover
    from training.embed import TorchRunner, clip_logmel, musicnn_outputs, patches_of
    from training.export import export_onnx
    from training.head import ClipPatches
    from training.musicnn import MusicnnFeatures
    from training.train import fit, load_config, track_model

    t0 = time.monotonic()
    log = Log(None)
    cfg = load_config(args.config)
    clips = discover(args.data, min_per_genre=1)
    per_genre: dict[str, list] = defaultdict(list)
    for c in clips:
        if c.split != "test" and len(per_genre[c.genre]) < args.clips_per_genre:
            per_genre[c.genre].append(c)
    chosen = [c for g in sorted(per_genre)[: args.genres] for c in per_genre[g]]
    classes = class_names(chosen)
    import torch

    torch.manual_seed(0)
    musicnn = MusicnnFeatures().eval()
    session = TorchRunner(musicnn)
    data = []
    for c in chosen:
        try:
            mel = clip_logmel(c.path, cfg.frontend, 1.0)
        except Exception as exc:  # noqa: BLE001 - one unreadable clip is one line
            log(f"skipped unreadable file {c.path}: {exc}")
            continue
        res = musicnn_outputs(session, patches_of(mel, cfg.frontend.window_frames,
                                                  cfg.data.hop_frames))
        feats = np.concatenate([res["pen"], res["tags"], res["pool"]], axis=1).astype(np.float32)
        data.append(ClipPatches({1.0: feats}, classes.index(c.genre)))
    if len({d.label for d in data}) < 2:
        raise DataError("smoke training needs readable files of at least two genres")
    fitted = fit(data, len(classes), cfg)
    cal = {"temperature": 1.0, "rejector": ood.neutral()}
    model = track_model(musicnn, fitted, cal)
    card = build_card(classes, cfg, cfg.inference, {"smoke": True}, "smoke", 1.0)
    check = export_onnx(model, card, Path(args.out))
    pred = GenreClassifier(args.out).classify_file(chosen[0].path)
    log(f"smoke model {args.out}: {check['size_bytes']} bytes; {Path(pred.path).name} -> "
        f"{pred.genre} ({pred.confidence:.2f}); {time.monotonic() - t0:.1f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m training", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp, config=DEFAULT_CONFIG):
        sp.add_argument("--data", required=True, help="data folder (<genre>/<file> or "
                        "collections with clips.csv/labels.csv)")
        sp.add_argument("--config", default=str(config), help="run configuration JSON")
        sp.add_argument("--cache", default=None, help="feature cache folder")
        sp.add_argument("--wheel", default=None, help="musicnn 0.1.0 wheel (default: "
                        "downloaded once into the cache folder)")
        sp.add_argument("--report", default=None, help="report folder (default runs/<time>-*)")
        sp.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=JSON",
                        help="override a configuration value, e.g. head.epochs=40")

    sp = sub.add_parser("features", help="compute and cache musicnn patch features")
    common(sp)
    sp.set_defaults(func=cmd_features)
    sp = sub.add_parser("train", help="full run: k-fold calibration, final fit, export, report")
    common(sp)
    sp.add_argument("--out", default=None, help="ONNX file to write (default in the report)")
    sp.add_argument("--card", default=None, help="card JSON (default beside --out)")
    sp.set_defaults(func=cmd_train)
    sp = sub.add_parser("kfold", help="out-of-fold and leave-one-genre-out figures of a "
                        "configuration (no test clips)")
    common(sp)
    sp.set_defaults(func=cmd_kfold)
    sp = sub.add_parser("evaluate", help="metrics of an ONNX model through mgc-desktop classify")
    sp.add_argument("--model", default=str(SHIPPED_ONNX))
    sp.add_argument("--data", required=True)
    sp.add_argument("--split", default="test", choices=["train", "valid", "test", "all"])
    sp.add_argument("--report", default=None)
    sp.set_defaults(func=cmd_evaluate)
    sp = sub.add_parser("quantize", help="the fast int8 model from an fp32 one (calibrated on "
                        "train/valid clips), its accuracy guard and re-measured card")
    sp.add_argument("--model", required=True, help="the fp32 model (python -m training train)")
    sp.add_argument("--data", required=True)
    sp.add_argument("--out", required=True, help="ONNX file to write")
    sp.add_argument("--card", default=None, help="card JSON (default beside --out)")
    sp.add_argument("--reference", default="tests/model/data/fp32_reference.npz",
                    help="where the fp32 answers on the held-out clips go (the CI guard)")
    sp.add_argument("--report", default=None)
    sp.set_defaults(func=cmd_quantize)
    sp = sub.add_parser("smoke", help="tiny end-to-end run (CI): train, export, classify")
    common(sp, Path(__file__).resolve().parent / "configs" / "smoke.json")
    sp.add_argument("--out", required=True)
    sp.add_argument("--clips-per-genre", type=int, default=2)
    sp.add_argument("--genres", type=int, default=3)
    sp.set_defaults(func=cmd_smoke)
    return p


def main(argv: list[str] | None = None) -> int:
    import torch

    # The head's tensors are tiny: one thread is faster than two fighting over them.
    torch.set_num_threads(1)
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except DataError as exc:
        print(f"python -m training {args.command}: error: {exc}", file=sys.stderr)
        return 2
