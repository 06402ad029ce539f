"""Subcommands of `python -m training`. Each reads a data folder and writes a report folder."""

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

from training.data import DataError

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = Path(__file__).resolve().parent / "configs" / "shipped.json"
SHIPPED_ONNX = REPO / "resources" / "models" / "genre_cnn_lstm.onnx"
MODEL_ID = "genre_cnn_lstm"


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


def _clipsets(clips, classes, cfg, args, log):
    """Non-test clips with speed copies; unreadable files listed."""
    from training.data import non_test
    from training.train import load_clipset

    data, errors = load_clipset(non_test(clips), classes, cfg, cfg.train.speeds,
                                args.cache, args.workers, log)
    for p, e in errors.items():
        log(f"skipped unreadable file {p}: {e}")
    return data, errors


def build_card(classes, cfg, temperature: float, info: dict, version: str):
    from mgc_desktop.model.card import ModelCard

    return ModelCard(tuple(classes), cfg.frontend, cfg.inference, MODEL_ID, version,
                     float(temperature), info)


def export_model(model, classes, cfg, temperature, info, out: Path, version: str) -> dict:
    from training.export import export_onnx
    from training.model import CalibratedModel

    card = build_card(classes, cfg, temperature, info, version)
    return export_onnx(CalibratedModel(model, temperature), card, out)


def classify_with_app(model_path: Path, files: list[str], workers: int = 2) -> dict[str, dict]:
    """Run the app's own `mgc-desktop classify --json` on files; path -> record."""
    cmd = [sys.executable, "-m", "mgc_desktop", "--model", str(model_path), "classify",
           "--json", "--workers", str(workers), *files]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
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
    from training.evaluate import metrics, write_report

    recs = classify_with_app(model_path, [c.path for c in clips])
    probs, y, failed = [], [], []
    for c in clips:
        rec = recs.get(str(Path(c.path).resolve()))
        if rec is None or "error" in rec or not rec.get("probabilities"):
            failed.append({"path": c.path, "error": (rec or {}).get("error", "no result")})
            continue
        probs.append([rec["probabilities"][g] for g in classes])
        y.append(classes.index(c.genre))
    m = metrics(np.array(probs), np.array(y), classes, bootstrap)
    m["failed"] = failed
    m["measured_with"] = "mgc-desktop classify --json (the app's inference path)"
    write_report(report, name, title, m)
    log(f"{title}: accuracy {m['accuracy']:.3f} macro-F1 {m['macro_f1']:.3f} "
        f"mean recall {m['mean_recall']:.3f} ECE {m['ece']:.3f} ({len(failed)} failed)")
    return m


# ---------------------------------------------------------------- commands


def cmd_prepare(args: argparse.Namespace) -> int:
    from training import cache

    log = Log(None)
    cfg, clips, classes = _load(args, log)
    train = [c.path for c in clips if c.split != "test"]
    test = [c.path for c in clips if c.split == "test"]
    _, err1 = cache.prepare(train, cfg.frontend, cfg.inference, cfg.train.speeds, args.cache,
                            args.workers, log)
    _, err2 = cache.prepare(test, cfg.frontend, cfg.inference, (1.0,), args.cache,
                            args.workers, log)
    for p, e in {**err1, **err2}.items():
        log(f"skipped unreadable file {p}: {e}")
    log(f"features ready for {len(clips) - len(err1) - len(err2)} of {len(clips)} files")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """The full run that produces a shipped model: holdout run (early stopping, temperature),
    final run on all non-test data, export, evaluation on the test clips via the app."""
    import torch

    from training.calibrate import fit_temperature, track_probs
    from training.data import data_digest, holdout_split
    from training.evaluate import metrics, write_report
    from training.export import write_card_json
    from training.model import count_parameters
    from training.train import train_ensemble, train_model, window_logits

    t0 = time.monotonic()
    run = _run_dir(args, "train")
    log = Log(run / "log.txt")
    cfg, clips, classes = _load(args, log)
    log(f"config {args.config}: {json.dumps(cfg.to_dict())}")
    data, errors = _clipsets(clips, classes, cfg, args, log)
    prep_s = time.monotonic() - t0
    tr, va = holdout_split(data.clips, cfg.train.seed)
    log(f"holdout: {len(tr)} train / {len(va)} validation clips")
    held = train_model(data.subset(tr), len(classes), cfg, data.subset(va), log=log)
    val = data.subset(va)
    logits = window_logits(held.model, val.windows)
    temperature = fit_temperature(logits, val.audible, val.labels) if args.calibrate else 1.0
    m_raw = metrics(track_probs(logits, val.audible, 1.0), val.labels, classes)
    m_cal = metrics(track_probs(logits, val.audible, temperature), val.labels, classes)
    write_report(run, "validation", "Validation (holdout run, T=1)", m_raw)
    write_report(run, "validation_calibrated", f"Validation (T={temperature:.2f})", m_cal)
    log(f"holdout best epoch {held.best_epoch} val macro-F1 {held.best_val_f1}; "
        f"temperature {temperature:.3f}: ECE {m_raw['ece']:.3f} -> {m_cal['ece']:.3f}")
    if cfg.train.early_stopping:
        epochs = args.final_epochs or max(cfg.train.min_epochs, held.best_epoch)
    else:
        epochs = args.final_epochs or cfg.train.epochs
    log(f"final run on all {len(data)} non-test clips for {epochs} epochs "
        f"(ensemble of {cfg.train.ensemble})")
    model, final_s = train_ensemble(data, len(classes), cfg, epochs, log)
    torch.save({"state": model.state_dict(), "config": cfg.to_dict(), "classes": classes,
                "temperature": temperature, "ensemble": cfg.train.ensemble},
               run / "final.pt")
    train_s = time.monotonic() - t0
    digest = data_digest(data.clips)
    command = "python -m training " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    info = {
        "data_digest": digest,
        "classes": classes,
        "parameters": count_parameters(model),
        "config": cfg.to_dict(),
        "holdout": {"best_epoch": held.best_epoch, "val_macro_f1": held.best_val_f1,
                    "val_ece_before": m_raw["ece"], "val_ece_after": m_cal["ece"]},
        "final_epochs": epochs,
        "training_seconds": round(train_s, 1),
        "feature_seconds": round(prep_s, 1),
        "machine": f"{platform.machine()} {platform.processor()} threads={cfg.train.threads}",
        "command": command,
        "skipped_files": errors,
    }
    out = Path(args.out) if args.out else run / "model.onnx"
    version = time.strftime("%Y.%m.%d")
    check = export_model(model, classes, cfg, temperature, info, out, version)
    log(f"exported {out} ({check['size_bytes'] / 1e6:.2f} MB, max ORT diff "
        f"{check['onnx_max_prob_diff']:.1e})")
    test = [c for c in clips if c.split == "test"]
    if test:
        m_test = evaluate_app(out, test, classes, run, "test", "Test (T1) via mgc-desktop classify",
                              log)
        info["test_metrics"] = {k: m_test[k] for k in ("tracks", "accuracy", "macro_f1",
                                                       "mean_recall", "ece", "nll", "ci95")}
        info["test_metrics"]["per_class"] = m_test["per_class"]
        info["test_metrics"]["confusion_matrix"] = m_test["confusion_matrix"]
        # Same weights, now with the test figures inside the file's metadata.
        export_model(model, classes, cfg, temperature, info, out, version)
    info["total_seconds"] = round(time.monotonic() - t0, 1)
    info["export_check"] = check
    from training.export import ort_latency_ms

    info["ort_ms_per_8_windows_1_thread"] = round(ort_latency_ms(out), 2)
    card = build_card(classes, cfg, temperature, info, version)
    card_path = Path(args.card) if args.card else out.with_suffix(".json")
    write_card_json(card, {"data": {"folder": str(args.data), "digest": digest,
                                    "train_clips": len(data), "test_clips": len(test)},
                           **info}, card_path)
    (run / "history.json").write_text(json.dumps({"holdout": held.history}, indent=1))
    log(f"done in {time.monotonic() - t0:.0f} s; card {card_path}")
    _ = final_s
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


def cmd_kfold(args: argparse.Namespace) -> int:
    from training.data import kfold_splits
    from training.evaluate import metrics
    from training.train import evaluate_tracks, train_model

    run = _run_dir(args, "kfold")
    log = Log(run / "log.txt")
    cfg, clips, classes = _load(args, log, min_per_genre=args.k)
    data, _ = _clipsets(clips, classes, cfg, args, log)
    rows = []
    for fold, (tr, va) in enumerate(kfold_splits(data.clips, args.k, cfg.train.seed)):
        res = train_model(data.subset(tr), len(classes), cfg, None, args.epochs, log=log)
        val = data.subset(va)
        m = metrics(evaluate_tracks(res.model, val), val.labels, classes)
        rows.append({"fold": fold, "tracks": len(va), **{k: m[k] for k in (
            "accuracy", "macro_f1", "mean_recall", "ece")}})
        log(json.dumps(rows[-1]))
    summary = {k: {"mean": round(float(np.mean([r[k] for r in rows])), 4),
                   "sd": round(float(np.std([r[k] for r in rows], ddof=1)), 4)}
               for k in ("accuracy", "macro_f1", "mean_recall", "ece")}
    doc = {"k": args.k, "epochs": args.epochs or cfg.train.epochs, "folds": rows,
           "summary": summary, "note": "groups: artist where known (extra), else file"}
    (run / "kfold.json").write_text(json.dumps(doc, indent=2) + "\n")
    md = ["| fold | tracks | accuracy | macro-F1 | mean recall | ECE |",
          "|--:|--:|--:|--:|--:|--:|"]
    md += [f"| {r['fold']} | {r['tracks']} | {r['accuracy']:.3f} | {r['macro_f1']:.3f} | "
           f"{r['mean_recall']:.3f} | {r['ece']:.3f} |" for r in rows]
    md += ["", *(f"- {k}: {v['mean']:.3f} ± {v['sd']:.3f}" for k, v in summary.items())]
    (run / "kfold.md").write_text("\n".join(md) + "\n")
    log(f"k-fold summary: {json.dumps(summary)}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from training.search import run_search

    run = _run_dir(args, "search")
    log = Log(run / "log.txt")
    cfg, clips, classes = _load(args, log)
    data, _ = _clipsets(clips, classes, cfg, args, log)
    run_search(data, classes, cfg, run, args.trials, args.min_epochs, args.eta, args.seed, log)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import torch

    from training.model import EnsembleModel, GenreCNNLSTM
    from training.train import RunConfig

    ckpt = torch.load(args.checkpoint, map_location="cpu", weights_only=False)
    cfg = RunConfig.from_dict(ckpt["config"])
    classes = ckpt["classes"]
    n = int(ckpt.get("ensemble", 1))
    nets = [GenreCNNLSTM(len(classes), cfg.model) for _ in range(n)]
    model = nets[0] if n == 1 else EnsembleModel(nets)
    model.load_state_dict(ckpt["state"])
    temperature = args.temperature or ckpt["temperature"]
    check = export_model(model.eval(), classes, cfg, temperature, {"exported_from":
                         str(args.checkpoint)}, Path(args.out), time.strftime("%Y.%m.%d"))
    print(json.dumps(check))
    return 0


def cmd_smoke(args: argparse.Namespace) -> int:
    """Seconds-long end-to-end check: tiny model, few clips, export, classify via the app."""
    from collections import defaultdict

    from mgc_desktop.model.classifier import GenreClassifier
    from training.data import class_names, discover
    from training.train import load_clipset, load_config, train_model

    t0 = time.monotonic()
    log = Log(None)
    cfg = load_config(args.config)
    cfg = cfg.with_overrides({"train.epochs": args.epochs})
    clips = discover(args.data, min_per_genre=1)
    per_genre: dict[str, list] = defaultdict(list)
    for c in clips:
        if c.split != "test" and len(per_genre[c.genre]) < args.clips_per_genre:
            per_genre[c.genre].append(c)
    chosen = [c for g in sorted(per_genre)[: args.genres] for c in per_genre[g]]
    classes = class_names(chosen)
    data, errors = load_clipset(chosen, classes, cfg, cfg.train.speeds, args.cache,
                                args.workers, log)
    for p, e in errors.items():
        log(f"skipped unreadable file {p}: {e}")
    if len(set(data.labels.tolist())) < 2:
        raise DataError("smoke training needs readable files of at least two genres")
    res = train_model(data, len(classes), cfg, None, args.epochs, log=log)
    info = {"smoke": True, "data_digest": "smoke", "clips": len(data)}
    check = export_model(res.model, classes, cfg, 1.0, info, Path(args.out), "smoke")
    pred = GenreClassifier(args.out).classify_file(data.clips[0].path)
    log(f"smoke model {args.out}: {check['size_bytes']} bytes; {Path(pred.path).name} -> "
        f"{pred.genre} ({pred.confidence:.2f}); {time.monotonic() - t0:.1f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m training", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp, config=DEFAULT_CONFIG):
        sp.add_argument("--data", required=True, help="data folder (<genre>/<file> or "
                        "collections with clips.csv/labels.csv)")
        sp.add_argument("--config", default=str(config), help="run configuration JSON")
        sp.add_argument("--cache", default=None, help="feature cache folder")
        sp.add_argument("--workers", type=int, default=2, help="feature worker processes")
        sp.add_argument("--report", default=None, help="report folder (default runs/<time>-*)")
        sp.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=JSON",
                        help="override a configuration value, e.g. train.threads=1")

    sp = sub.add_parser("prepare", help="decode files and cache their features")
    common(sp)
    sp.set_defaults(func=cmd_prepare)
    sp = sub.add_parser("train", help="full run: holdout, final training, export, test report")
    common(sp)
    sp.add_argument("--out", default=None, help="ONNX file to write (default in the report)")
    sp.add_argument("--card", default=None, help="card JSON (default beside --out)")
    sp.add_argument("--final-epochs", type=int, default=None)
    sp.add_argument("--no-calibrate", dest="calibrate", action="store_false")
    sp.set_defaults(func=cmd_train)
    sp = sub.add_parser("evaluate", help="metrics of an ONNX model through mgc-desktop classify")
    sp.add_argument("--model", default=str(SHIPPED_ONNX))
    sp.add_argument("--data", required=True)
    sp.add_argument("--split", default="test", choices=["train", "valid", "test", "all"])
    sp.add_argument("--report", default=None)
    sp.set_defaults(func=cmd_evaluate)
    sp = sub.add_parser("kfold", help="stratified group k-fold on the non-test data")
    common(sp)
    sp.add_argument("--k", type=int, default=3)
    sp.add_argument("--epochs", type=int, default=None)
    sp.set_defaults(func=cmd_kfold)
    sp = sub.add_parser("search", help="successive-halving hyper-parameter search (holdout)")
    common(sp)
    sp.add_argument("--trials", type=int, default=8)
    sp.add_argument("--min-epochs", type=int, default=8)
    sp.add_argument("--eta", type=int, default=2)
    sp.add_argument("--seed", type=int, default=0)
    sp.set_defaults(func=cmd_search)
    sp = sub.add_parser("export", help="export a checkpoint (final.pt) to ONNX")
    sp.add_argument("--checkpoint", required=True)
    sp.add_argument("--out", required=True)
    sp.add_argument("--temperature", type=float, default=None)
    sp.set_defaults(func=cmd_export)
    sp = sub.add_parser("smoke", help="tiny end-to-end run (CI): train, export, classify")
    common(sp, Path(__file__).resolve().parent / "configs" / "smoke.json")
    sp.add_argument("--out", required=True)
    sp.add_argument("--epochs", type=int, default=1)
    sp.add_argument("--clips-per-genre", type=int, default=2)
    sp.add_argument("--genres", type=int, default=3)
    sp.set_defaults(func=cmd_smoke)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except DataError as exc:
        print(f"python -m training {args.command}: error: {exc}", file=sys.stderr)
        return 2
