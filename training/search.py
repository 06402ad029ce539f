"""Successive-halving random search on the holdout split (never on test clips).

Each trial is a set of overrides of the base configuration, drawn from SPACE. All trials train
for `min_epochs` epochs; the best 1/eta go on with eta times the budget (retrained from scratch
with the longer one-cycle schedule), until one is left. The table of every rung is written to
search.json / search.md; the winner's overrides are printed as a config file to check in.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from training.data import holdout_split
from training.train import ClipSet, RunConfig, train_model

SPACE: dict[str, list] = {
    "train.lr": [1e-3, 2e-3, 4e-3],
    "train.weight_decay": [0.01, 0.05],
    "train.class_weight_power": [0.5, 1.0],
    "train.p_speed": [0.3, 0.7],
    "train.crop_frames": [128, 200],
    "augment.p_mixup": [0.0, 0.3, 0.6],
    "train.label_smoothing": [0.0, 0.05],
    "augment.p_noise": [0.0, 0.3],
    "model.lstm_hidden": [64, 96, 128],
    "model.channels": [[24, 48, 96, 128], [32, 64, 128, 192]],
    "model.head_dropout": [0.2, 0.4],
}


def sample_trials(n: int, seed: int) -> list[dict]:
    """n distinct override sets; the first is the base config unchanged."""
    rng = random.Random(seed)
    trials: list[dict] = [{}]
    while len(trials) < n:
        t = {k: rng.choice(v) for k, v in SPACE.items()}
        if t not in trials:
            trials.append(t)
    return trials


def run_search(
    data: ClipSet, classes: list[str], base: RunConfig, out: Path, trials: int,
    min_epochs: int, eta: int, seed: int, log: Callable[[str], None] = print,
) -> dict:
    """Run the search; return the document written to out/search.json."""
    tr, va = holdout_split(data.clips, base.train.seed)
    train, val = data.subset(tr), data.subset(va)
    alive = list(enumerate(sample_trials(trials, seed)))
    rows: list[dict] = []
    epochs, rung = min_epochs, 0
    while alive:
        scored = []
        for tid, overrides in alive:
            cfg = base.with_overrides({**overrides, "train.patience": 10**6,
                                       "train.min_epochs": epochs})
            res = train_model(train, len(classes), cfg, val, epochs=epochs, log=lambda m: None)
            last = [h for h in res.history if "val_f1" in h][-1]
            row = {"rung": rung, "trial": tid, "epochs": epochs, "best_val_f1": res.best_val_f1,
                   "best_epoch": res.best_epoch, "final_val_f1": last["val_f1"],
                   "final_val_acc": last["val_acc"], "seconds": round(res.seconds, 1),
                   "overrides": overrides}
            rows.append(row)
            scored.append((res.best_val_f1 or 0.0, tid, overrides))
            log(json.dumps(row))
        scored.sort(key=lambda s: -s[0])
        if len(scored) <= 1:
            break
        keep = max(1, len(scored) // eta)
        alive = [(tid, o) for _, tid, o in scored[:keep]]
        if len(alive) == 1:
            break
        epochs, rung = epochs * eta, rung + 1
    winner = alive[0]
    doc = {"base": base.to_dict(), "space": SPACE, "rows": rows,
           "winner": {"trial": winner[0], "overrides": winner[1]},
           "split": {"train": len(tr), "validation": len(va)}}
    out.mkdir(parents=True, exist_ok=True)
    (out / "search.json").write_text(json.dumps(doc, indent=2) + "\n")
    lines = ["| rung | trial | epochs | best val F1 | final val F1 | final val acc | s "
             "| overrides |",
             "|--:|--:|--:|--:|--:|--:|--:|---|"]
    for r in rows:
        lines.append(f"| {r['rung']} | {r['trial']} | {r['epochs']} | {r['best_val_f1']:.3f} | "
                     f"{r['final_val_f1']:.3f} | {r['final_val_acc']:.3f} | {r['seconds']:.0f} | "
                     f"`{json.dumps(r['overrides'])}` |")
    lines += ["", f"winner: trial {winner[0]} `{json.dumps(winner[1])}`"]
    (out / "search.md").write_text("\n".join(lines) + "\n")
    chosen = base.with_overrides(winner[1]).to_dict()
    (out / "chosen_config.json").write_text(json.dumps(chosen, indent=2) + "\n")
    log(f"winner: trial {winner[0]} {json.dumps(winner[1])}")
    return doc
