"""How well the learned genres work on real music: the shared data's labelled clips (README
there), scanned once into a library index with the shipped model, then simulated owners.

- `open`: the owner tagged half of the Classical, Hip-Hop and Rock tracks and nothing else (the
  issue's hidden library). Measured on the untagged rest: `never_named_written`, the share of
  the seven never-named genres' tracks that would be written (certain at the learned
  threshold), and for the untagged tracks of the three named genres the share labelled
  (`named_labelled`) and their precision (`named_precision`; `all_precision` counts the
  never-named ones labelled as wrong).
- `closed`: all ten genres, half of each tagged: accuracy and mean per-genre recall on the
  untagged half, the model's own cross-validated accuracy, the share written at the learned
  threshold and its precision.

Each is averaged over `--halves` random tagged halves (min and max beside), on all clips and on
the test clips alone (the base model was trained on the train/valid clips, so its answers
flatter them). Test clips are for reports only: choose nothing by them.

    python benchmarks/vocabulary_real_music.py [--halves 5] [--dir TMP] [--embeddings E.npz]

`--embeddings` reuses the index extract a previous run wrote (`embeddings.npz` in --dir).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import threading
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
NAMED = ("classical", "hiphop", "rock")


def extract(data: Path, work: Path) -> Path:
    """Scan the clips into an index under `work` and save their embeddings, base answers,
    genres and splits as one .npz."""
    os.environ["MGC_DESKTOP_DATA_DIR"] = str(work / "data")
    os.environ["MGC_DESKTOP_CACHE_DIR"] = str(work / "cache")
    from mgc_desktop.library.index import Library
    from mgc_desktop.library.scanner import scan
    from mgc_desktop.paths import default_model_path

    meta = {}
    for sub in ("gtzan/clips.csv", "extra/labels.csv"):
        with open(data / sub, newline="") as f:
            for row in csv.DictReader(f):
                meta[str(data / Path(sub).parent / row["file"])] = (row["genre"], row["split"])
    with Library() as library:
        report = scan([str(data)], library, default_model_path(), threading.Event())
        found = library.embeddings(report.model_id or "", str(data))
        vectors = dict(zip(found.paths, found.matrix))
        tracks = [t for t in library.tracks(str(data)) if t.path in meta and t.path in vectors]
    classes = sorted(tracks[0].prediction.probabilities)
    out = work / "embeddings.npz"
    np.savez(
        out,
        X=np.stack([vectors[t.path] for t in tracks]),
        P=np.array([[t.prediction.probabilities[c] for c in classes] for t in tracks]),
        G=np.array([meta[t.path][0] for t in tracks]),
        S=np.array([meta[t.path][1] for t in tracks]),
        classes=np.array(classes),
    )
    return out


class Clips:
    """The extracted clips and the simulated owners' libraries."""

    def __init__(self, path: Path) -> None:
        from mgc_desktop.personal.features import base_matrix

        d = np.load(path)
        self.x = d["X"].astype(np.float32)
        self.genre = d["G"]
        self.split = d["S"]
        self.classes = tuple(str(c) for c in d["classes"])
        self.base = base_matrix([dict(zip(self.classes, p)) for p in d["P"]], self.classes)

    def training(self, tagged: np.ndarray, named: list[str], background: np.ndarray):
        from mgc_desktop.personal.names import GenreCount
        from mgc_desktop.personal.training import TrainingSet

        index = {g: i for i, g in enumerate(named)}
        return TrainingSet(
            "shipped",
            self.classes,
            [str(t) for t in tagged],
            self.x[tagged],
            self.base[tagged],
            [[index[self.genre[t]]] for t in tagged],
            [GenreCount(g, int((self.genre[tagged] == g).sum()), {g: 1}) for g in named],
            [],
            {},
            [],
            self.x[background],
            self.base[background],
        )

    def half(self, pool: np.ndarray, named, rng: np.random.Generator) -> np.ndarray:
        tagged = []
        for g in named:
            members = rng.permutation(pool[self.genre[pool] == g])
            tagged += list(members[: max(2, round(len(members) / 2))])
        return np.array(sorted(tagged))

    def run(self, pool: np.ndarray, named, seed: int) -> dict:
        """Learn from a tagged half of `named` in `pool`; judge the untagged rest."""
        from mgc_desktop.personal.training import fit_personal_model

        rng = np.random.default_rng(seed)
        tagged = self.half(pool, named, rng)
        rest = np.setdiff1d(pool, tagged)
        model = fit_personal_model(self.training(tagged, list(named), rest), seed=seed)
        probs, none = model.predict(self.x[rest], self.base[rest])
        conf = probs.max(axis=1)
        best = np.array(model.genres)[probs.argmax(axis=1)]
        truth = self.genre[rest]
        written = np.array(
            [not model.is_uncertain(c, n, model.threshold) for c, n in zip(conf, none)]
        )
        return {
            "best": best,
            "truth": truth,
            "written": written,
            "known": np.isin(truth, named),
            "model": model,
        }


def _share(mask: np.ndarray) -> float:
    return float(mask.mean()) if mask.size else float("nan")


def open_case(clips: Clips, pool: np.ndarray, seed: int) -> dict:
    r = clips.run(pool, NAMED, seed)
    w, k, right = r["written"], r["known"], r["best"] == r["truth"]
    return {
        "never_named_written": _share(w[~k]),
        "named_labelled": _share(w[k]),
        "named_precision": _share(right[w & k]),
        "all_precision": _share(right[w]),
        "threshold": r["model"].threshold,
    }


def closed_case(clips: Clips, pool: np.ndarray, seed: int) -> dict:
    named = sorted(set(clips.genre[pool]))
    r = clips.run(pool, named, seed)
    right, truth = r["best"] == r["truth"], r["truth"]
    return {
        "accuracy": _share(right),
        "mean_recall": float(
            np.mean([right[truth == g].mean() for g in named if (truth == g).any()])
        ),
        "cv_accuracy": r["model"].report["cv"]["accuracy"],
        "written": _share(r["written"]),
        "written_precision": _share(right[r["written"]]),
        "threshold": min(r["model"].threshold, 1.0),
    }


def summary(runs: list[dict]) -> dict:
    """Mean, min and max of every figure over the halves (NaN: nothing to measure)."""
    out = {}
    for key in runs[0]:
        v = np.array([r[key] for r in runs], dtype=float)
        v = v[np.isfinite(v)]
        out[key] = [round(float(f(v)), 4) for f in (np.mean, np.min, np.max)] if v.size else None
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--halves", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: a temp one)")
    parser.add_argument("--embeddings", type=Path, default=None)
    args = parser.parse_args()
    if args.embeddings is None:
        import tempfile

        work = args.dir or Path(tempfile.mkdtemp(prefix="mgc-vocab-real-"))
        args.embeddings = extract(DATA, work)
    clips = Clips(args.embeddings)
    result = {}
    for name, pool in (
        ("all", np.arange(len(clips.genre))),
        ("test", np.flatnonzero(clips.split == "test")),
    ):
        seeds = range(args.halves)
        result[name] = {
            "open": summary([open_case(clips, pool, s) for s in seeds]),
            "closed": summary([closed_case(clips, pool, s) for s in seeds]),
        }
        print(name, json.dumps(result[name]), file=sys.stderr)
    print(json.dumps({"clips": len(clips.genre), "halves": args.halves, **result}))


if __name__ == "__main__":
    main()
