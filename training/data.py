"""Find labelled clips in a data folder, with their split and artist group.

A data folder is either a plain `<genre>/<file>` tree (a user's own labelled music, the full
GTZAN) or a folder of such collections, each optionally described by a CSV with columns
`file, genre, split[, artist]` (the layout of `../shared/data`: gtzan/clips.csv,
extra/labels.csv). Without a CSV every file is training data and its own group.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from mgc_desktop.audio.formats import is_audio_path

SPLITS = ("train", "valid", "test")
# CSV names recognised as split/label files inside a collection.
SPLIT_CSV_NAMES = ("clips.csv", "labels.csv", "split.csv", "splits.csv")


class DataError(ValueError):
    """The data folder cannot be used as given; str() says what to fix."""


@dataclass(frozen=True)
class Clip:
    """One labelled file. `group` keeps one artist's clips on the same side of any split;
    `source` names where the recording came from (the CSV's `source`, else the collection)."""

    path: str
    genre: str
    split: str
    group: str
    collection: str
    rel: str
    source: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def _audio_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and is_audio_path(p))


def _genre_dirs(folder: Path) -> list[Path]:
    """Sub-folders holding audio files (directly or below)."""
    return sorted(
        d for d in folder.iterdir() if d.is_dir() and not d.name.startswith(".") and
        _audio_files(d)
    )


def _read_split_csv(path: Path) -> dict[str, dict[str, str]] | None:
    """rel path -> row, for a CSV with at least file/genre/split columns (else None)."""
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols = set(reader.fieldnames or [])
        if not {"file", "genre", "split"} <= cols:
            return None
        return {row["file"]: row for row in reader}


def _collection(root: Path, name: str) -> list[Clip]:
    """Clips of one `<genre>/<file>` tree, with splits from its CSV when it has one."""
    csv_rows: dict[str, dict[str, str]] | None = None
    csv_path = None
    for candidate in SPLIT_CSV_NAMES:
        if (root / candidate).is_file():
            csv_rows = _read_split_csv(root / candidate)
            if csv_rows is not None:
                csv_path = root / candidate
                break
    clips: list[Clip] = []
    if csv_rows is not None:
        missing = [rel for rel in csv_rows if not (root / rel).is_file()]
        if missing:
            shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
            raise DataError(
                f"split file {csv_path} names {len(missing)} file(s) that do not exist "
                f"under {root}: {shown}"
            )
        for rel, row in sorted(csv_rows.items()):
            split = row["split"].strip().lower()
            if split not in SPLITS:
                raise DataError(f"{csv_path}: unknown split {row['split']!r} for {rel}")
            artist = (row.get("artist") or "").strip()
            group = f"{name}:artist:{artist}" if artist else f"{name}:file:{rel}"
            source = (row.get("source") or "").strip() or name
            clips.append(
                Clip(str(root / rel), row["genre"].strip(), split, group, name, rel, source)
            )
        return clips
    for gdir in _genre_dirs(root):
        for f in _audio_files(gdir):
            rel = f.relative_to(root).as_posix()
            clips.append(Clip(str(f), gdir.name, "train", f"{name}:file:{rel}", name, rel, name))
    return clips


def discover(data_dir: str | Path, min_per_genre: int = 2) -> list[Clip]:
    """Every labelled clip under `data_dir`; DataError with the reason when unusable."""
    root = Path(data_dir)
    if not root.exists():
        raise DataError(f"data folder does not exist: {root}")
    if not root.is_dir():
        raise DataError(f"data folder is not a folder: {root}")
    has_csv = any(
        (root / n).is_file() and _read_split_csv(root / n) is not None for n in SPLIT_CSV_NAMES
    )
    subdirs = _genre_dirs(root)
    if not subdirs:
        raise DataError(
            f"no genre sub-folders with audio files in {root} "
            "(expected <genre>/<file> or <collection>/<genre>/<file>)"
        )
    # A collection folder has genre folders below it; a genre folder has audio files directly.
    nested = [d for d in subdirs if _genre_dirs(d) and not any(
        is_audio_path(p) for p in d.iterdir() if p.is_file())]
    if has_csv or not nested:
        clips = _collection(root, root.name)
    else:
        clips = []
        for d in nested:
            clips.extend(_collection(d, d.name))
    if not clips:
        raise DataError(f"no audio files found under {root}")
    counts = Counter(c.genre for c in clips if c.split != "test")
    genres = sorted({c.genre for c in clips})
    if len(genres) < 2:
        raise DataError(f"need at least two genres, found {genres} in {root}")
    few = {g: counts.get(g, 0) for g in genres if counts.get(g, 0) < min_per_genre}
    if few:
        detail = ", ".join(f"{g}: {n}" for g, n in sorted(few.items()))
        raise DataError(
            f"too few training files for genre(s) {detail} (at least {min_per_genre} "
            "non-test files per genre are needed)"
        )
    return clips


def class_names(clips: list[Clip]) -> list[str]:
    """Sorted genre names: the model's class order."""
    return sorted({c.genre for c in clips})


def data_digest(clips: list[Clip]) -> str:
    """Digest of the labelled file list (relative path, genre, split, size): names the data."""
    h = hashlib.sha256()
    for c in sorted(clips, key=lambda c: (c.collection, c.rel)):
        size = Path(c.path).stat().st_size
        h.update(json.dumps([c.collection, c.rel, c.genre, c.split, size]).encode())
    return h.hexdigest()[:16]


def non_test(clips: list[Clip]) -> list[Clip]:
    return [c for c in clips if c.split != "test"]


def kfold_splits(
    clips: list[Clip], k: int, seed: int = 0
) -> list[tuple[list[int], list[int]]]:
    """Stratified k folds over `clips` keeping each group (artist, else file) in one fold."""
    from sklearn.model_selection import StratifiedGroupKFold

    y = [c.genre for c in clips]
    groups = [c.group for c in clips]
    counts = Counter(y)
    if min(counts.values()) < k:
        few = ", ".join(f"{g}: {n}" for g, n in sorted(counts.items()) if n < k)
        raise DataError(f"too few files for {k}-fold cross-validation in genre(s) {few}")
    skf = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    return [(list(tr), list(va)) for tr, va in skf.split(clips, y, groups)]


def holdout_split(clips: list[Clip], seed: int = 0, k: int = 3) -> tuple[list[int], list[int]]:
    """(train, validation) indices of non-test clips for early stopping and search.

    Validation = clips marked `valid` plus one artist-disjoint stratified fold (1/k) of the
    `train` clips of collections that have no `valid` clips; a folder without any split
    information gives one stratified group fold of everything.
    """
    valid_cols = {c.collection for c in clips if c.split == "valid"}
    val = {i for i, c in enumerate(clips) if c.split == "valid"}
    pool = [i for i, c in enumerate(clips) if c.split == "train" and c.collection not in valid_cols]
    if pool:
        sub = [clips[i] for i in pool]
        counts = Counter(c.genre for c in sub)
        kk = max(2, min(k, min(counts.values())))
        try:
            _, va = kfold_splits(sub, kk, seed)[0]
        except (DataError, ValueError):
            va = list(range(0, len(sub), k))
        val |= {pool[i] for i in va}
    train = [i for i, c in enumerate(clips) if c.split != "test" and i not in val]
    return train, sorted(val)
