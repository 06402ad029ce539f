"""Track-level metrics and the report files (JSON, Markdown, PNG) of a run.

Track probabilities always come from `mgc_desktop.model.windows.aggregate` over the windows of
`track_windows` (the app's own code), never from training crops.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def confusion(y_true: np.ndarray, y_pred: np.ndarray, n: int) -> np.ndarray:
    """(n, n) counts, rows true, columns predicted."""
    cm = np.zeros((n, n), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def per_class(cm: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall, F1, support per class (0 where undefined)."""
    tp = np.diag(cm).astype(float)
    pred, sup = cm.sum(axis=0).astype(float), cm.sum(axis=1).astype(float)
    prec = np.divide(tp, pred, out=np.zeros_like(tp), where=pred > 0)
    rec = np.divide(tp, sup, out=np.zeros_like(tp), where=sup > 0)
    f1 = np.divide(2 * prec * rec, prec + rec, out=np.zeros_like(tp), where=(prec + rec) > 0)
    return prec, rec, f1, sup


def macro_f1(y_true: np.ndarray, y_pred: np.ndarray, n: int) -> float:
    """Mean F1 over the classes present in y_true or y_pred (sklearn's convention)."""
    cm = confusion(y_true, y_pred, n)
    _, _, f1, sup = per_class(cm)
    present = (sup > 0) | (cm.sum(axis=0) > 0)
    return float(f1[present].mean()) if present.any() else 0.0


def mean_recall(y_true: np.ndarray, y_pred: np.ndarray, n: int) -> float:
    """Mean per-genre recall over the genres present in y_true."""
    _, rec, _, sup = per_class(confusion(y_true, y_pred, n))
    return float(rec[sup > 0].mean())


def ece(probs: np.ndarray, y_true: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error of the top-class confidence (equal-width bins)."""
    conf = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == y_true).astype(float)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            total += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(total)


def nll(probs: np.ndarray, y_true: np.ndarray) -> float:
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(y_true)), y_true], 1e-12, 1))))


def bootstrap_ci(
    y_true: np.ndarray, y_pred: np.ndarray, n: int, reps: int = 2000, seed: int = 0
) -> dict[str, list[float]]:
    """95% percentile intervals of accuracy, macro-F1 and mean recall over resampled tracks."""
    rng = np.random.default_rng(seed)
    acc, f1, rec = [], [], []
    for _ in range(reps):
        i = rng.integers(0, len(y_true), len(y_true))
        acc.append(float((y_true[i] == y_pred[i]).mean()))
        f1.append(macro_f1(y_true[i], y_pred[i], n))
        rec.append(mean_recall(y_true[i], y_pred[i], n))
    q = lambda v: [round(float(np.percentile(v, 2.5)), 4), round(float(np.percentile(v, 97.5)), 4)]  # noqa: E731
    return {"accuracy": q(acc), "macro_f1": q(f1), "mean_recall": q(rec)}


def metrics(
    probs: np.ndarray, y_true: np.ndarray, classes: list[str], bootstrap: int = 0
) -> dict:
    """Everything the reports and the card carry, from track probabilities."""
    n = len(classes)
    y_pred = probs.argmax(axis=1)
    cm = confusion(y_true, y_pred, n)
    prec, rec, f1, sup = per_class(cm)
    out = {
        "tracks": int(len(y_true)),
        "accuracy": round(float((y_pred == y_true).mean()), 4),
        "macro_f1": round(macro_f1(y_true, y_pred, n), 4),
        "mean_recall": round(mean_recall(y_true, y_pred, n), 4),
        "ece": round(ece(probs, y_true), 4),
        "nll": round(nll(probs, y_true), 4),
        "per_class": {
            c: {
                "precision": round(float(prec[i]), 4),
                "recall": round(float(rec[i]), 4),
                "f1": round(float(f1[i]), 4),
                "support": int(sup[i]),
            }
            for i, c in enumerate(classes)
        },
        "confusion_matrix": {"classes": classes, "rows_true_cols_pred": cm.tolist()},
    }
    if bootstrap:
        out["ci95"] = bootstrap_ci(y_true, y_pred, n, bootstrap)
    return out


def auto_tagging(correct: np.ndarray, tagged: np.ndarray) -> dict:
    """How many tracks a threshold lets the app tag, and how many of those are right."""
    return {
        "auto_tagged": round(float(tagged.mean()), 4),
        "auto_tagged_precision": round(float(correct[tagged].mean()), 4) if tagged.any() else 0.0,
    }


def decision_figures(probs: np.ndarray, y_true: np.ndarray, threshold: float) -> dict:
    """The figures of the model's decisions: accuracy, mean recall, ECE, and auto-tagging at
    `threshold`."""
    y_pred = probs.argmax(axis=1)
    return {
        "tracks": int(len(y_true)),
        "accuracy": round(float((y_pred == y_true).mean()), 4),
        "mean_recall": round(mean_recall(y_true, y_pred, probs.shape[1]), 4),
        "ece": round(ece(probs, y_true), 4),
        **auto_tagging(y_pred == y_true, probs.max(axis=1) >= threshold),
    }


def plot_confusion(cm: np.ndarray, classes: list[str], path: str | Path, title: str) -> None:
    """Confusion matrix as PNG (counts, rows true)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 6))
    ax.imshow(cm, cmap="Blues")
    ax.set_xticks(range(len(classes)), classes, rotation=45, ha="right")
    ax.set_yticks(range(len(classes)), classes)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    for i in range(cm.shape[0]):
        for j in range(cm.shape[1]):
            if cm[i, j]:
                ax.text(j, i, str(cm[i, j]), ha="center", va="center",
                        color="white" if cm[i, j] > cm.max() / 2 else "black")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def markdown_summary(title: str, m: dict) -> str:
    """A short Markdown table of one evaluation."""
    lines = [f"## {title}", ""]
    ci = m.get("ci95", {})

    def fmt(key: str) -> str:
        v = f"{m[key]:.3f}"
        if key in ci:
            v += f" (95% CI {ci[key][0]:.3f}-{ci[key][1]:.3f})"
        return v

    lines += [f"- tracks: {m['tracks']}", f"- accuracy: {fmt('accuracy')}",
              f"- macro-F1: {fmt('macro_f1')}", f"- mean per-genre recall: {fmt('mean_recall')}",
              f"- ECE: {m['ece']:.3f}, NLL: {m['nll']:.3f}", "",
              "| genre | precision | recall | F1 | support |", "|---|--:|--:|--:|--:|"]
    for c, r in m["per_class"].items():
        lines.append(f"| {c} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} | "
                     f"{r['support']} |")
    return "\n".join(lines) + "\n"


def write_report(folder: str | Path, name: str, title: str, m: dict) -> None:
    """`name`.json, `name`.md and `name`_confusion.png/json in the run's report folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(m, indent=2) + "\n")
    (folder / f"{name}.md").write_text(markdown_summary(title, m))
    cm = m["confusion_matrix"]
    (folder / f"{name}_confusion.json").write_text(json.dumps(cm, indent=1) + "\n")
    plot_confusion(np.array(cm["rows_true_cols_pred"]), cm["classes"],
                   folder / f"{name}_confusion.png", title)
