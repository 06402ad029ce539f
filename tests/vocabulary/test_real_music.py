"""Real music, the shipped model: a simulated library in its owner's genre names (several
spellings), half of it tagged, through `scan`, `learn`, `classify --json` and `similar`.

The clips are the shared data's test clips (GTZAN test + extra test): the only music the shipped
model never trained on, so its embeddings are not flattered. The personal model fitted here
lives in the test's temporary data folder only.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from mgc_desktop.cli import main
from tests.conftest import SHIPPED_MODEL, require_shared_data
from tests.vocabulary.conftest import set_genre

# class -> the owner's spellings of its name, used in turn by the tagged files (the first one is
# the majority spelling, the one answers must use)
OWNER_NAMES = {
    "blues": ["Blues", "Blues", "blues"],
    "classical": ["Klassik"],
    "country": ["Country & Western"],
    "hiphop": ["Hip Hop/Rap", "hip hop/rap ", "Hip Hop/Rap"],
    "jazz": ["Jazz"],
    "reggae": ["Reggae"],
    "rock": ["Rock", "Rock", "rock"],
}


def _test_clips(data: Path) -> list[tuple[Path, str]]:
    clips = []
    for sub in ("gtzan/clips.csv", "extra/labels.csv"):
        with open(data / sub, newline="") as f:
            for row in csv.DictReader(f):
                if row["split"] == "test" and row["genre"] in OWNER_NAMES:
                    clips.append((data / Path(sub).parent / row["file"], row["genre"]))
    return sorted(clips)


@pytest.mark.slow
def test_owner_genres_on_real_music(tmp_path, capsys):
    data = require_shared_data()
    library = tmp_path / "music"
    truth: dict[str, str] = {}  # file name -> the owner's (majority) name
    untagged: list[Path] = []
    seen: defaultdict[str, int] = defaultdict(int)
    for src, genre in _test_clips(data):
        dest = library / genre / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dest)
        os.chmod(dest, 0o644)
        names = OWNER_NAMES[genre]
        truth[dest.name] = names[0]
        if seen[genre] % 2 == 0:
            set_genre(dest, names[(seen[genre] // 2) % len(names)])
        else:
            set_genre(dest, [])
            untagged.append(dest)
        seen[genre] += 1
    model = ["--model", str(SHIPPED_MODEL)]

    assert main([*model, "scan", str(library)]) == 0
    capsys.readouterr()
    code = main([*model, "learn", str(library), "--min-tracks", "3", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    assert {g["genre"] for g in report["genres"]} == {n[0] for n in OWNER_NAMES.values()}

    assert main([*model, "classify", *map(str, untagged), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr()[0].splitlines()]
    assert all(r["vocabulary"] == "personal" for r in records)
    right = defaultdict(list)
    for r in records:
        name = truth[os.path.basename(r["path"])]
        right[name].append(r["genre"] == name)
    accuracy = sum(sum(v) for v in right.values()) / len(records)
    mean_recall = sum(sum(v) / len(v) for v in right.values()) / len(right)

    same = []
    for query in untagged:
        assert main([*model, "similar", str(query), "--top", "5", "--json"]) == 0
        hits = [json.loads(line) for line in capsys.readouterr()[0].splitlines()]
        same += [truth[os.path.basename(h["path"])] == truth[query.name] for h in hits]
    similar_same = sum(same) / len(same)
    figures = {
        "tracks": len(truth),
        "untagged": len(untagged),
        "accuracy": round(accuracy, 3),
        "mean_recall": round(mean_recall, 3),
        "similar_same_genre": round(similar_same, 3),
        "cv_accuracy": report["cv"]["accuracy"],
    }
    print(json.dumps(figures))
    # Measured: 0.814 / 0.782 / 0.744. Floors below that: this library is small (3-12 tagged
    # tracks per genre), so a figure moves by about 3 points per track; the similar floor is
    # above what the embedding alone reached here (0.67).
    assert accuracy >= 0.65, figures
    assert mean_recall >= 0.6, figures
    assert similar_same >= 0.7, figures  # the embedding alone: 0.67
