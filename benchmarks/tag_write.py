"""Tag writing v2 at realistic sizes: write (copy, rewrite, verify, journal, swap) then undo.

Encodes `--per-format` tracks of `--minutes` minutes in each of MP3, FLAC, Ogg Vorbis, Opus,
AAC (M4A), WMA, WAV and WavPack with PyAV (in blocks), tags them as taggers do (title, artist,
a cover; half of them without padding, as encoders leave files), then runs a `replace` batch
and an undo through the tags API, in this process, with a private journal. Reports write and
undo time per file, the journal's size per file (the stored deltas, compressed), how many
files were written, and how many came back byte-identical after undo.

    python benchmarks/tag_write.py [--per-format 3] [--minutes 3] [--dir TMP]

Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import fractions
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FORMATS = {  # suffix: (container, codec, rate, bit_rate)
    "mp3": ("mp3", "libmp3lame", 44100, 192000),
    "flac": ("flac", "flac", 44100, None),
    "ogg": ("ogg", "vorbis", 44100, None),  # libsndfile's encoder (PyAV's wheels have none)
    "opus": ("opus", "libopus", 48000, 128000),
    "m4a": ("ipod", "aac", 44100, 192000),
    "wma": ("asf", "wmav2", 44100, 192000),
    "wav": ("wav", "pcm_s16le", 44100, None),
    "wv": ("wv", "wavpack", 44100, None),
}
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201"
    "e5270ede0000000049454e44ae426082"
)


def _block(rng: np.random.Generator, seed: int, start: int, k: int, rate: int) -> np.ndarray:
    t = (start + np.arange(k)) / rate
    tone = 0.3 * np.sin(2 * np.pi * (220 + 20 * seed) * t)
    return np.clip(np.stack([tone, 0.5 * tone]) + 0.05 * rng.standard_normal((2, k)), -1, 1)


def encode(path: Path, suffix: str, minutes: float, seed: int) -> None:
    """A stereo tone-and-noise track, encoded block by block."""
    fmt, codec, rate, bit_rate = FORMATS[suffix]
    rng = np.random.default_rng(seed)
    total = int(minutes * 60 * rate)
    if suffix == "ogg":
        import soundfile as sf

        with sf.SoundFile(str(path), "w", rate, 2, format="OGG", subtype="VORBIS") as out:
            for n in range(0, total, rate):
                out.write(_block(rng, seed, n, min(rate, total - n), rate).T)
        return
    with av.open(str(path), "w", format=fmt) as c:
        s = c.add_stream(codec, rate=rate, layout="stereo")
        if bit_rate:
            s.bit_rate = bit_rate
        n = 0
        while n < total:
            k = min(rate, total - n)
            block = _block(rng, seed, n, k, rate)
            arr = (block.T * 32767).astype(np.int16).reshape(1, -1)
            fr = av.AudioFrame.from_ndarray(arr, format="s16", layout="stereo")
            fr.sample_rate, fr.pts, fr.time_base = rate, n, fractions.Fraction(1, rate)
            n += k
            for p in s.encode(fr):
                c.mux(p)
        for p in s.encode(None):
            c.mux(p)


def tag(path: Path, padded: bool) -> None:
    """Title, artist and a cover, as a tagger writes them; with or without padding."""
    import mutagen
    from mutagen.apev2 import APEv2
    from mutagen.flac import Picture
    from mutagen.id3 import APIC, TIT2, TPE1
    from mutagen.mp4 import MP4Cover

    padding = None if padded else (lambda info: 0)
    f = mutagen.File(str(path))
    suffix = path.suffix[1:]
    if suffix == "wv":
        t = APEv2()
        t["Title"], t["Artist"] = path.stem, "Benchmark"
        t.save(str(path))
        return
    if f.tags is None:
        f.add_tags()
    if suffix in ("mp3", "wav"):
        f.tags.add(TIT2(encoding=3, text=[path.stem]))
        f.tags.add(TPE1(encoding=3, text=["Benchmark"]))
        f.tags.add(APIC(encoding=0, mime="image/png", type=3, desc="cover", data=PNG))
    elif suffix == "m4a":
        f["\xa9nam"], f["\xa9ART"] = path.stem, "Benchmark"
        f["covr"] = [MP4Cover(PNG, imageformat=MP4Cover.FORMAT_PNG)]
    elif suffix == "wma":
        f["Title"], f["Author"] = path.stem, "Benchmark"
    else:
        f["title"], f["artist"] = path.stem, "Benchmark"
        if suffix == "flac":
            pic = Picture()
            pic.type, pic.mime, pic.data = 3, "image/png", PNG
            f.add_picture(pic)
    f.save(padding=padding)


def sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-format", type=int, default=3)
    ap.add_argument("--minutes", type=float, default=3.0)
    ap.add_argument("--dir", type=Path, default=None)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(dir=args.dir, prefix="tag_write_"))
    os.environ["MGC_DESKTOP_DATA_DIR"] = str(work / "data")
    from mgc_desktop.tags import Journal, apply_plan, plan_manual, undo_batch

    files = []
    for suffix in FORMATS:
        for i in range(args.per_format):
            path = work / f"{suffix}_{i}.{suffix}"
            encode(path, suffix, args.minutes, seed=i)
            tag(path, padded=i % 2 == 0)
            files.append(path)
    before = {p: sha(p) for p in files}
    mb = sum(p.stat().st_size for p in files) / 1e6

    began = time.perf_counter()
    plan = plan_manual(files, ["Jazz", "Blues"])
    planned = time.perf_counter()
    result = apply_plan(plan)
    written = time.perf_counter()
    with Journal() as j:
        blobs = [
            len(r[0]) for r in j.db.execute("SELECT delta FROM changes WHERE delta IS NOT NULL")
        ]
    undo = undo_batch()
    undone = time.perf_counter()
    identical = sum(sha(p) == before[p] for p in files)
    for path, msg in result.errors + undo.errors:
        print(f"{path}: {msg}", file=sys.stderr)
    print(
        json.dumps(
            {
                "files": len(files),
                "minutes_each": args.minutes,
                "total_mb": round(mb, 1),
                "written": result.written,
                "failed": result.failed,
                "plan_ms_per_file": round(1000 * (planned - began) / len(files), 1),
                "write_ms_per_file": round(1000 * (written - planned) / len(files), 1),
                "undo_ms_per_file": round(1000 * (undone - written) / len(files), 1),
                "journal_bytes_per_file_mean": round(statistics.mean(blobs)) if blobs else 0,
                "journal_bytes_per_file_max": max(blobs, default=0),
                "byte_exact_undos": sum(1 for _, how in undo.restored if how == "byte-exact"),
                "identical_after_undo": identical,
            }
        )
    )


if __name__ == "__main__":
    main()
