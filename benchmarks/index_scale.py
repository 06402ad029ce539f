"""Library index at scale: 50,000 real audio files, first scan, then an unchanged rescan.

The tree is hard links of a few short (2 s) encoded files (FLAC, Ogg Vorbis, MP3, WAV, each
tagged) spread over artist/album folders. What is measured, honestly:

- `first_scan_files_per_s`: a real first scan (walk, stat, tags, index, decode, classify with
  the worker pool) of one artist folder (`first_scan_sample` files): classifying all 50,000
  files would take tens of minutes on a small machine, and its rate per file does not depend
  on the tree's size.
- `index_files_per_s`: a first scan of the whole tree without classification (walk, stat,
  mutagen tags, SQLite inserts): the part of a first scan that grows with the collection.
- The files not classified by the sample scan get the prediction of the classified file they
  are a hard link of (same inode, same bytes: the same answer), written by one SQL statement
  (`predictions_copied`), so that every file is current for the model.
- `rescan_s`: then a real `scan()` of the whole tree with the model, after reopening the index
  (as after a restart): it must find 50,000 unchanged files and classify none. Warm page cache.
- `peak_rss_mb`: peak resident memory of this process (scanner and index; torch, needed only to
  export a dev model when none is shipped, runs in a child). `children_peak_rss_mb`: the
  largest child process (a classifier worker, or that export).
- The links share a few inodes, so tag reading hits a warm page cache: on a slow disk with
  distinct files, `index_files_per_s` is bounded by the disk instead.

    python benchmarks/index_scale.py [--files 50000] [--model M.onnx] [--dir TMP] [--workers N]

Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # training.tiny, from a checkout

from mgc_desktop.library.index import Library  # noqa: E402
from mgc_desktop.library.scanner import scan  # noqa: E402

RATE = 22050
TRACKS_PER_ALBUM = 50
ALBUMS_PER_ARTIST = 20


def make_sources(folder: Path) -> list[Path]:
    """A few 2-second encoded files with tags (tones over noise, not silent)."""
    import mutagen
    import soundfile as sf

    out = []
    rng = np.random.default_rng(0)
    t = np.arange(2 * RATE) / RATE
    for i, (fmt, ext) in enumerate(
        [("FLAC", "flac"), ("OGG", "ogg"), ("MP3", "mp3"), ("WAV", "wav")]
    ):
        signal = 0.3 * np.sin(2 * np.pi * (220 * (i + 1)) * t) + 0.05 * rng.standard_normal(len(t))
        path = folder / f"source{i}.{ext}"
        sf.write(str(path), np.stack([signal, signal], 1).astype(np.float32), RATE, format=fmt)
        if ext != "wav":
            audio = mutagen.File(str(path), easy=True)
            if audio.tags is None:
                audio.add_tags()
            audio["artist"], audio["album"], audio["title"] = "Bench", f"Source {i}", f"s{i}"
            audio.save()
        out.append(path)
    return out


def build_tree(root: Path, sources: list[Path], files: int) -> None:
    """artist/album/NN - track.ext hard links, round-robin over the sources."""
    n = 0
    artist = 0
    while n < files:
        for album in range(ALBUMS_PER_ARTIST):
            folder = root / f"Artist {artist:03d}" / f"Album {album:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            for track in range(TRACKS_PER_ALBUM):
                if n >= files:
                    return
                src = sources[n % len(sources)]
                os.link(src, folder / f"{track + 1:02d} - Track{src.suffix}")
                n += 1
        artist += 1


def dev_model(path: Path) -> Path:
    """No shipped model yet: a tiny random net with a model card (needs torch)."""
    from training.tiny import export_random_model

    return export_random_model(path, model_id="bench-dev")


def copy_hardlink_predictions(library: Library, model_id: str) -> int:
    """Give every unclassified track the prediction of a classified hard link of it."""
    with library._lock, library._db:
        cur = library._db.execute(
            "INSERT INTO predictions(track_id, model_id, genre, confidence, uncertain, "
            "probabilities, windows, duration_s, note, created_at) "
            "SELECT t.id, p.model_id, p.genre, p.confidence, p.uncertain, p.probabilities, "
            "p.windows, p.duration_s, p.note, p.created_at FROM tracks t "
            "JOIN (SELECT s.dev, s.ino, MIN(s.id) AS sid FROM tracks s JOIN predictions q "
            "      ON q.track_id = s.id AND q.model_id = ?1 GROUP BY s.dev, s.ino) src "
            "  ON src.dev = t.dev AND src.ino = t.ino "
            "JOIN predictions p ON p.track_id = src.sid AND p.model_id = ?1 "
            "WHERE NOT EXISTS (SELECT 1 FROM predictions r WHERE r.track_id = t.id "
            "                  AND r.model_id = ?1)",
            (model_id,),
        )
        return cur.rowcount


def _mb(kb: int) -> float:
    return round(kb / 1024, 1)  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--model", default=None, help="ONNX model (default: shipped, or dev)")
    parser.add_argument("--dir", default=None, help="where to build the tree (a temp dir)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the tree afterwards")
    parser.add_argument("--export-dev-model", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_dev_model:
        dev_model(Path(args.export_dev_model))
        return 0

    work = Path(tempfile.mkdtemp(prefix="mgc-index-scale-", dir=args.dir))
    try:
        model = args.model
        if model is None:
            from mgc_desktop.paths import default_model_path

            try:
                model = default_model_path()
                if not model.is_file():
                    raise FileNotFoundError(model)
            except FileNotFoundError:
                # exported in a child process: torch must not count in this one's memory
                model = work / "bench-dev.onnx"
                subprocess.run(
                    [sys.executable, __file__, "--export-dev-model", str(model)], check=True
                )
        t0 = time.monotonic()
        sources = make_sources(work)
        root = work / "music"
        build_tree(root, sources, args.files)
        build_s = time.monotonic() - t0
        db = work / "library.sqlite3"

        sample = root / "Artist 000"
        with Library(db) as library:
            first = scan([sample], library, model, workers=args.workers)
            indexed = scan([root], library, None, classify=False)
            copied = copy_hardlink_predictions(library, first.model_id or "")

        with Library(db) as library:  # reopened: what a restart sees
            t = time.monotonic()
            rescan = scan([root], library, model, workers=args.workers)
            rescan_s = time.monotonic() - t
            stats = library.stats(first.model_id)
        assert rescan.unchanged == args.files and rescan.classified == 0, rescan.to_dict()
        assert stats.classified == args.files, stats

        index_mb = sum(p.stat().st_size for p in work.glob("library.sqlite3*")) / 2**20
        result = {
            "files": args.files,
            "first_scan_files_per_s": round(first.files / first.elapsed_s, 1),
            "rescan_s": round(rescan_s, 2),
            "peak_rss_mb": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            "index_mb": round(index_mb, 1),
            "first_scan_sample": first.files,
            "classified": first.classified,
            "predictions_copied": copied,
            "index_files_per_s": round(indexed.added / indexed.elapsed_s, 1),
            "children_peak_rss_mb": _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
            "build_tree_s": round(build_s, 1),
            "model_id": first.model_id,
            "cpus": os.cpu_count(),
        }
        print(json.dumps(result), flush=True)
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
