"""The plugin on the real test clips (gtzan and extra, split=test), end to end through `beet`:
import -A -C -q (with --auto the plugin runs there), mgcgenre --pretend (nothing changes),
mgcgenre, ls, write; compared with `mgc-desktop classify --json` on the same files and with the
clips' labels.

    .venv/bin/python -m tests.beets.measure_real_music [--limit N] [--auto]

Prints the figures and ends with one JSON line (as the benchmarks do). Not a test: 98 clips
take a minute or two; tests/beets/test_real_music.py runs the same steps on a few of them.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.beets.beetlib import BeetsLibrary, file_digests, file_genres

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def labelled_test_clips(data: Path = DATA) -> list[tuple[Path, str]]:
    """(file, label) of every split=test clip, gtzan first."""
    clips = []
    for folder, table in (("gtzan", "clips.csv"), ("extra", "labels.csv")):
        with open(data / folder / table, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["split"] == "test":
                    clips.append((data / folder / row["file"], row["genre"]))
    return clips


def key(name: str) -> str:
    """Genre names compared the way a person would: "Hip-Hop" is "hiphop"."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def classify_json(paths: list[str], app_data: Path) -> dict[str, dict]:
    """`mgc-desktop classify --json` on the files: path -> its record."""
    import os

    env = {**os.environ, "MGC_DESKTOP_DATA_DIR": str(app_data)}
    out = subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "classify", "--json", *paths],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    ).stdout
    records = (json.loads(line) for line in out.splitlines() if line.strip())
    found = {r["path"]: r for r in records}
    if set(found) != set(paths):
        raise RuntimeError(f"classify answered for {len(found)} of {len(paths)} files")
    return found


def measure(clips: list[tuple[Path, str]], root: Path, auto: bool = False) -> dict:
    music = root / "music"
    labels = {}
    for src, label in clips:
        dest = music / src.parent.parent.name / src.parent.name / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        labels[str(dest)] = label
    lib = BeetsLibrary(root, app_data=root / "app")
    lib.configure(workers=None, auto=auto)  # the default workers, as a user has them
    start = time.monotonic()
    lib.run("import", "-A", "-C", "-q", music)
    import_s = time.monotonic() - start
    before_db, before_files = lib.genres(), file_digests(labels)
    pretend = lib.run("mgcgenre", "--pretend")
    assert lib.genres() == before_db, "pretend changed the library"
    assert file_digests(labels) == before_files, "pretend changed a file"
    start = time.monotonic()
    run = lib.run("mgcgenre")
    plugin_s = time.monotonic() - start
    stored = lib.genres()
    assert set(stored) == set(labels), "the library does not hold exactly the copied clips"
    start = time.monotonic()
    reference = classify_json(sorted(labels), root / "app")
    classify_s = time.monotonic() - start
    lib.run("write")
    in_files = {p: "; ".join(file_genres(p)) for p in labels}

    agree = sum(
        stored[p] == (r["label"] if not r["uncertain"] and r.get("genre") else "")
        for p, r in reference.items()
    )
    tagged = [p for p, g in stored.items() if g]
    right = sum(key(stored[p]) == key(labels[p]) for p in tagged)
    return {
        "clips": len(labels),
        "agreement_with_classify": round(agree / len(labels), 4),
        "tagged_agree_with_classify_label": round(
            sum(stored[p] == reference[p]["label"] for p in tagged) / max(1, len(tagged)), 4
        ),
        "coverage": round(len(tagged) / len(labels), 4),
        "precision_of_tagged": round(right / max(1, len(tagged)), 4),
        "accuracy_all_classify_top1": round(
            sum(key(reference[p]["genre"] or "") == key(labels[p]) for p in labels) / len(labels),
            4,
        ),
        "write_matches_library": sum(in_files[p] == stored[p] for p in labels) / len(labels),
        "import_s": round(import_s, 1),
        "plugin_s": round(plugin_s, 1),
        "classify_s": round(classify_s, 1),
        "summary": [x for x in run.stdout.splitlines() if x.startswith("mgcgenre:")],
        "pretend_summary": [x for x in pretend.stdout.splitlines() if x.startswith("mgcgenre:")],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N test clips")
    parser.add_argument("--auto", action="store_true", help="classify on import (`auto: yes`)")
    args = parser.parse_args()
    clips = labelled_test_clips()[: args.limit]
    with tempfile.TemporaryDirectory(prefix="mgcgenre-measure-") as tmp:
        result = measure(clips, Path(tmp), auto=args.auto)
    for name, value in result.items():
        print(f"{name}: {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
