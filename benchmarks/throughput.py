"""Throughput of `mgc-desktop classify` on a library of four-minute tracks of real music (from
../shared/data; synthetic music when it is missing, as the JSON's "audio" says) in mixed formats,
against the origin notebook's recipe (librosa.load of the whole track, mean of 40 MFCCs), plus
the wall time of a cold `mgc-desktop classify one.mp3` in a fresh process, and the rate of a
first `mgc-desktop scan` of the same library into a fresh index (the window's path: walk, tag
reading, classification, index writes).

Usage: python benchmarks/throughput.py [--tracks 100] [--reference-tracks 20] [--workdir DIR]
The last line printed is one JSON object:
{"tracks_per_s", "first_scan_tracks_per_s", "reference_tracks_per_s", "speedup_vs_reference",
 "cpu_s_per_track", "cpu_speedup_vs_reference", "peak_rss_mb", "cold_start_s", "load_avg_1m", ...}
Targets on a quiet 2-core machine (issue 24): >= 25 tracks/s (goal 40), >= 12x the reference
measured in the same run, peak RSS <= 400 MB (the classify process and its workers together),
cold start <= 1 s. `load_avg_1m` (before and after) says how quiet the machine was: other work
slows every figure, the reference too, so compare ratios within one run.
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
import threading
import time
from pathlib import Path

import numpy as np
import psutil

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from tests.conftest import music_signal, write_audio  # noqa: E402  (real encoders)

FORMATS = ("mp3", "flac", "ogg_vorbis", "m4a_aac", "opus")
DISTINCT = 10  # distinct encodes; the library repeats them as separate file copies
TRACK_S = 240.0


def real_music(i: int, rate: int) -> np.ndarray | None:
    """Four minutes of real music (eight 30 s clips of one genre end to end), stereo, or None
    without the shared data. The classifier hears more windows when it is unsure, so its speed
    depends on the music: synthetic chords would not measure what users get."""
    from mgc_desktop.audio.decode import read_all

    gtzan = SHARED / "gtzan"
    genres = sorted(p for p in gtzan.glob("*") if p.is_dir()) if gtzan.is_dir() else []
    if not genres:
        return None
    genre = genres[i % len(genres)].name
    clips = sorted((SHARED / "extra" / genre).glob("*")) + sorted((gtzan / genre).glob("*"))
    mono = np.concatenate([read_all(c, rate) for c in clips[:8]])[: int(TRACK_S * rate)]
    mono = np.resize(mono, int(TRACK_S * rate))
    return np.stack([mono, mono], axis=1).astype(np.float32)


def build_library(folder: Path, tracks: int) -> tuple[list[Path], str]:
    """`tracks` four-minute files: DISTINCT real encodes, each copied (not linked) as needed;
    and which audio they hold ("real music" or "synthetic")."""
    folder.mkdir(parents=True, exist_ok=True)
    sources, kind_of_audio = [], "real music"
    for i in range(DISTINCT):
        kind = FORMATS[i % len(FORMATS)]
        rate = (44100, 48000, 22050)[i % 3]
        stem = folder / "src" / f"track{i:02d}"
        done = list(stem.parent.glob(stem.name + ".*"))  # --workdir reuse: encode once
        if done:
            sources.append(done[0])
            continue
        audio = real_music(i, rate)
        if audio is None:
            audio, kind_of_audio = music_signal(TRACK_S, rate, seed=i), "synthetic"
        sources.append(write_audio(kind, stem, audio, rate))
    files = []
    for n in range(tracks):
        src = sources[n % DISTINCT]
        dst = folder / "library" / f"album{n // 10:02d}" / f"{n:03d}{src.suffix}"
        dst.parent.mkdir(parents=True, exist_ok=True)
        if not dst.exists():
            shutil.copyfile(src, dst)
        files.append(dst)
    return files, kind_of_audio


class TreeMemory:
    """Peak resident memory of a process and all its children, sampled every 20 ms."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(0.02)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak / 2**20


def children_cpu_s() -> float:
    """CPU seconds (user + system) of the finished child processes and their waited-for
    descendants: what a run cost whatever else the machine was doing."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_classify(paths: list[str], model: str | None) -> tuple[float, float, int]:
    cmd = [
        sys.executable,
        "-m",
        "mgc_desktop",
        *(["--model", model] if model else []),
        "classify",
        "--json",
        *paths,
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    memory = TreeMemory(proc.pid)
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    peak = memory.stop()
    ok = sum(1 for line in out.splitlines() if "error" not in json.loads(line))
    return elapsed, peak, ok


def run_first_scan(folder: Path, model: str | None) -> tuple[float, float, int]:
    """`mgc-desktop scan` of a folder into a fresh index: (seconds, peak RSS MB, exit status)."""
    with tempfile.TemporaryDirectory(prefix="mgc-throughput-scan-") as data:
        cmd = [
            sys.executable,
            "-m",
            "mgc_desktop",
            *(["--model", model] if model else []),
            "scan",
            "--json",
            "--db",
            str(Path(data) / "index.sqlite"),
            str(folder),
        ]
        env = dict(os.environ, MGC_DESKTOP_DATA_DIR=data)
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, text=True
        )
        memory = TreeMemory(proc.pid)
        code = proc.wait()
        elapsed = time.perf_counter() - start
        return elapsed, memory.stop(), code


def reference_rate(files: list[Path]) -> tuple[float, float]:
    """The notebook's recipe, single process: load the whole track, mean of 40 MFCCs.
    Returns (tracks per second, CPU seconds per track)."""
    import librosa

    librosa.feature.mfcc(y=librosa.tone(440, duration=1.0), n_mfcc=40)  # JIT warm-up, not timed
    start, cpu = time.perf_counter(), time.process_time()
    for f in files:
        y, sr = librosa.load(str(f))
        librosa.feature.mfcc(y=y, sr=sr, n_mfcc=40).mean(axis=1)
    cpu = time.process_time() - cpu
    return len(files) / (time.perf_counter() - start), cpu / len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracks", type=int, default=100)
    parser.add_argument(
        "--reference-tracks",
        type=int,
        default=20,
        help="the reference is slow: its rate is measured on this many tracks",
    )
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--model", default=None, help="model file (default: the shipped one)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="mgc-throughput-"))
    # A fresh, empty user data folder: no library index to answer from, every track decoded.
    os.environ["MGC_DESKTOP_DATA_DIR"] = tempfile.mkdtemp(prefix="mgc-throughput-data-")
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    files, audio = build_library(workdir, args.tracks)
    print(
        f"built {len(files)} tracks of {TRACK_S:.0f} s in {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )

    cold_file = next(f for f in files if f.suffix == ".mp3")
    cold_s, _, _ = run_classify([str(cold_file)], args.model)
    print(f"cold classify of one mp3: {cold_s:.2f} s", file=sys.stderr)

    cpu0 = children_cpu_s()
    elapsed, peak_mb, ok = run_classify([str(workdir / "library")], args.model)
    rate = len(files) / elapsed
    cpu_per_track = (children_cpu_s() - cpu0) / len(files)
    print(
        f"classify: {len(files)} tracks ({ok} classified) in {elapsed:.1f} s = {rate:.1f}/s, "
        f"peak RSS {peak_mb:.0f} MB",
        file=sys.stderr,
    )

    scan_s, scan_peak_mb, scan_code = run_first_scan(workdir / "library", args.model)
    scan_rate = len(files) / scan_s
    print(
        f"first scan (fresh index): {len(files)} tracks in {scan_s:.1f} s = {scan_rate:.1f}/s, "
        f"peak RSS {scan_peak_mb:.0f} MB, exit status {scan_code}",
        file=sys.stderr,
    )

    # librosa.load reads through libsndfile (or audioread, which needs a system FFmpeg this
    # machine lacks): the reference runs on the library's MP3, FLAC and Ogg files.
    readable = [f for f in files if f.suffix in (".mp3", ".flac", ".ogg")]
    ref, ref_cpu = reference_rate(readable[: args.reference_tracks])
    # The speed-up compares like with like: this app on those same files.
    cpu0 = children_cpu_s()
    same_elapsed, _, _ = run_classify([str(f) for f in readable], args.model)
    same_rate = len(readable) / same_elapsed
    same_cpu = (children_cpu_s() - cpu0) / len(readable)
    print(f"classify on the reference's {len(readable)} files: {same_rate:.1f}/s", file=sys.stderr)
    print(
        f"reference recipe: {ref:.2f} tracks/s on {args.reference_tracks} tracks", file=sys.stderr
    )
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        json.dumps(
            {
                "tracks_per_s": round(rate, 2),
                "first_scan_tracks_per_s": round(scan_rate, 2),
                "reference_tracks_per_s": round(ref, 3),
                "speedup_vs_reference": round(same_rate / ref, 1),
                # CPU seconds per track, and the speed-up in CPU time (a busy machine
                # slows the wall-clock figures far more than these)
                "cpu_s_per_track": round(cpu_per_track, 4),
                "reference_cpu_s_per_track": round(ref_cpu, 4),
                "cpu_speedup_vs_reference": round(ref_cpu / same_cpu, 1),
                "peak_rss_mb": round(peak_mb, 1),
                "first_scan_peak_rss_mb": round(scan_peak_mb, 1),
                "first_scan_exit_status": scan_code,
                "cold_start_s": round(cold_s, 3),
                "tracks": len(files),
                "classified": ok,
                "audio": audio,
                "load_avg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                "seconds": round(time.perf_counter() - t0, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
