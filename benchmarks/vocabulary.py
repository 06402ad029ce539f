"""Learning the user's genres and `similar` on a 50,000-track library index.

The index is real (SQLite, the app's schema, one float32 embedding BLOB per prediction); the
tracks are not: their embeddings are synthetic (30 genres: noisy clusters on the unit sphere),
and half of them carry a genre. What is measured:

- `learn_s`: what `learn` does once the library is indexed, timed as one block: load the
  tracks, their genres (the index's `genres` column, as the scan stored them), embeddings and
  base answers from the index, count and choose genres (majority spellings, min-tracks), fit
  (two learners cross-validated over the regularisation grid, temperature, final fit on every
  tagged track), the open set (nearest tagged tracks of every tagged and of the untagged
  background tracks), the threshold, and save the model file. `learn` stats every file to
  know its stored genres are current (the files here do not exist): `stat_ms_per_file`, timed
  on real files, adds that much per track (`learn_with_stat_s`); a file changed since the scan
  has its tags read again: `tag_read_ms_per_file` (MP3, FLAC, Ogg, M4A).
- `similar_ms`: median over 20 queries of the work `similar` does per query: open the index,
  load every embedding of the model (from the matrix cache that the first query wrote, checked
  against the index's change counter) and the base answers (their own cache, the same check),
  look up the query track's current entry, one matrix-vector product, top 5.
  `similar_first_ms`: the first query, which reads the 50,000 BLOBs and answers from SQLite
  and writes those caches.
- `similar_cli_s`: one cold `mgc-desktop similar FILE --top 5 --json` process end to end
  (interpreter start, imports, index, answer), with the shipped model's id.

    python benchmarks/vocabulary.py [--tracks 50000] [--dim N] [--dir TMP] [--model M.onnx]

Ends with one JSON line: {"tracks", "learn_s", "similar_ms", ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GENRES = 30
BASE = (
    "blues",
    "classical",
    "country",
    "disco",
    "hiphop",
    "jazz",
    "metal",
    "pop",
    "reggae",
    "rock",
)
SPELLINGS = ("{}", "{} ", "{}")  # a third of the tracks spell their genre with a trailing blank


def build_index(data: Path, tracks: int, dim: int, model_id: str, query: Path) -> None:
    """A library index of `tracks` synthetic tracks (plus the real query file) under the app's
    schema, each with a prediction and an embedding; half of them tagged."""
    from mgc_desktop.library.index import Library, TrackInfo, embedding_blob, path_key
    from mgc_desktop.library.scanner import read_track_info

    rng = np.random.default_rng(0)
    centres = rng.standard_normal((GENRES, dim)).astype(np.float32)
    labels = rng.integers(0, GENRES, tracks)
    noise = 5.5 * rng.standard_normal((tracks, dim)).astype(np.float32)  # some genres overlap
    vectors = centres[labels] + noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    # base answers: each genre leans on one of the ten base genres, noisily (sums below 1)
    leaning = rng.integers(0, len(BASE), GENRES)
    raw = rng.gamma(0.3, size=(tracks, len(BASE))) + 2.0 * np.eye(len(BASE))[leaning[labels]]
    answers = 0.95 * raw / raw.sum(axis=1, keepdims=True)
    now = time.time()
    with Library(data / "library.sqlite3") as library:
        infos = []
        for i in range(tracks):
            album = f"/bench/music/artist{i // 1000:03d}/album{i // 50:04d}"
            genres = (SPELLINGS[i % 3].format(f"Genre {labels[i]:02d}"),) if i % 2 == 0 else ()
            infos.append(
                TrackInfo(
                    os.fsencode(f"{album}/{i:05d}.mp3"),
                    4_000_000,
                    10**18 + i,
                    i + 1,
                    1,
                    "mp3",
                    240.0,
                    genres=genres,
                )
            )
        for i in range(0, tracks, 5000):
            library.upsert_tracks(infos[i : i + 5000], forget_predictions=False)
        ids = dict(library._db.execute("SELECT path, id FROM tracks").fetchall())
        rows = [
            (ids[info.path], model_id, BASE[int(np.argmax(a))], float(a.max()), 0,
             json.dumps({c: round(float(p), 6) for c, p in zip(BASE, a)}), 8, 240.0, "", now,
             embedding_blob(vec))
            for info, vec, a in zip(infos, vectors, answers)
        ]  # fmt: skip
        with library._db:
            library._db.executemany(
                "INSERT INTO predictions(track_id, model_id, genre, confidence, uncertain, "
                "probabilities, windows, duration_s, note, created_at, embedding) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        key = path_key(query)
        library.upsert_tracks([read_track_info(key, os.stat(key))], forget_predictions=False)

        result = SimpleNamespace(
            path=str(query),
            genre="rock",
            confidence=0.7,
            uncertain=False,
            probabilities={c: float(p) for c, p in zip(BASE, answers[0])},
            windows=8,
            duration_s=2.0,
            note="",
            model_id=model_id,
            embedding=vectors[0],
        )  # what the classifier hands the index
        library.save_prediction(key, result)


def time_learn(data: Path, model_id: str) -> tuple[float, dict]:
    """learn's work after indexing; genre values from the index's genres column (every file
    taken as unchanged since the scan: they do not exist)."""
    from mgc_desktop.library.index import Library
    from mgc_desktop.personal.training import gather_training_set, learn

    def missing(path: str) -> list[str]:
        raise AssertionError(f"{path}: learn read a file the index holds")

    start = time.perf_counter()
    with Library(data / "library.sqlite3") as library:
        training = gather_training_set(
            library, model_id, ["/bench/music"], 5, missing, unchanged=lambda track: True
        )
    model = learn(training)
    model.save()
    return time.perf_counter() - start, model.report


def time_similar(data: Path, model_id: str, query: Path, repeats: int = 20) -> list[float]:
    """ms of each `similar` query's work, index load included (the first one reads SQLite and
    writes the matrix cache; the others read the cache)."""
    from mgc_desktop.library.index import Library
    from mgc_desktop.personal.similar import similar_in_library

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        with Library(data / "library.sqlite3") as library:
            hit = library.cached_predictions([str(query)], model_id)[str(query)]
            found = similar_in_library(
                library, model_id, str(query), 5, hit.embedding, hit.probabilities
            )
        times.append((time.perf_counter() - start) * 1000)
        assert len(found) == 5
    return times


def tag_read_ms(folder: Path, count: int = 100) -> float:
    """Mean ms to read the genre of real encoded, tagged files (four formats)."""
    import mutagen

    from mgc_desktop.tags import read_genres
    from tests.conftest import music_signal, write_audio

    samples = music_signal(2.0, 22050)
    masters = [
        write_audio(kind, folder / kind, samples, 22050)
        for kind in ("mp3", "flac", "ogg_vorbis", "m4a_aac")
    ]
    for m in masters:
        audio = mutagen.File(str(m), easy=True)
        if audio.tags is None:
            audio.add_tags()
        audio["genre"] = "Electronic"
        audio.save()
    files = []
    for i in range(count):
        src = masters[i % len(masters)]
        dest = folder / f"copy{i:03d}{src.suffix}"
        dest.write_bytes(src.read_bytes())
        files.append(dest)
    start = time.perf_counter()
    for f in files:
        assert read_genres(f) == ["Electronic"]
    return (time.perf_counter() - start) * 1000 / count


def stat_ms(folder: Path, count: int = 2000) -> float:
    """Mean ms of the os.stat learn does per indexed file (is it as the scan saw it?)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        f = folder / f"{i:05d}.mp3"
        f.write_bytes(b"x")
        files.append(str(f))
    start = time.perf_counter()
    for f in files:
        os.stat(f)
    return (time.perf_counter() - start) * 1000 / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracks", type=int, default=50_000)
    parser.add_argument(
        "--dim",
        type=int,
        default=None,
        help="embedding size (default: the model's)",
    )
    parser.add_argument("--dir", help="work folder (default: a temporary one)")
    parser.add_argument("--model", help="ONNX model whose id the index uses (default: shipped)")
    args = parser.parse_args()

    work = Path(args.dir or tempfile.mkdtemp(prefix="mgc-vocab-bench-"))
    data = work / "data"
    data.mkdir(parents=True, exist_ok=True)
    os.environ["MGC_DESKTOP_DATA_DIR"] = str(data)
    os.environ["MGC_DESKTOP_CACHE_DIR"] = str(work / "cache")

    from mgc_desktop.library.scanner import model_id_for
    from mgc_desktop.model.classifier import load_session
    from mgc_desktop.paths import default_model_path

    model_path = Path(args.model) if args.model else default_model_path()
    session, _ = load_session(model_path)
    model_id = model_id_for(model_path)
    dim = args.dim or int(session.get_outputs()[1].shape[-1])
    query = work / "query.flac"
    import soundfile as sf

    sf.write(str(query), np.zeros(16000, dtype=np.float32) + 0.01, 16000)

    start = time.perf_counter()
    build_index(data, args.tracks, dim, model_id, query)
    build_s = time.perf_counter() - start
    learn_s, report = time_learn(data, model_id)
    similar_times = time_similar(data, model_id, query)
    similar_ms = statistics.median(similar_times)

    env = dict(os.environ)
    start = time.perf_counter()
    cli = subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "--model", str(model_path), "similar", str(query)]
        + ["--top", "5", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    similar_cli_s = time.perf_counter() - start
    if cli.returncode != 0 or len(cli.stdout.splitlines()) != 5:
        raise SystemExit(f"similar CLI failed: {cli.returncode} {cli.stderr.strip()}")
    tag_ms = tag_read_ms(work / "tags")
    stat_per_file = stat_ms(work / "stat")

    print(
        f"index of {args.tracks} tracks (dim {dim}) built in {build_s:.1f} s; learned "
        f"{len(report['genres'])} genres from {report['tracks']['used']} tracks, cv accuracy "
        f"{report['cv']['accuracy']:.3f} (l2 {report['cv']['l2']})",
        file=sys.stderr,
    )
    print(
        json.dumps(
            {
                "tracks": args.tracks,
                "learn_s": round(learn_s, 2),
                "learn_with_stat_s": round(learn_s + stat_per_file * args.tracks / 1000, 2),
                "similar_ms": round(similar_ms, 1),
                "similar_first_ms": round(similar_times[0], 1),
                "similar_cli_s": round(similar_cli_s, 2),
                "embedding_dim": dim,
                "tagged_tracks": report["tracks"]["used"],
                "genres": len(report["genres"]),
                "cv_accuracy": report["cv"]["accuracy"],
                "tag_read_ms_per_file": round(tag_ms, 2),
                "stat_ms_per_file": round(stat_per_file, 4),
                "threshold": report["threshold"]["value"],
                "open_set": report["open_set"]["method"],
                "fit_s": report["fit_s"],
            }
        )
    )


if __name__ == "__main__":
    main()
