"""Live mode under load: listen to a real (file-fed) capture device for minutes.

A `VirtualMic` plays shared GTZAN clips in a loop, in real time, into an ALSA capture device;
`mgc-desktop listen --json` runs as a child process (PortAudio must start with the device's
HOME), exactly as a user would run it. Latency is the child's own figure per update: from the
capture of the newest sample analysed to the emission of the prediction. CPU is the child's
CPU time between its first and last update over the wall time between them (percent of one
core), so start-up (imports, model load) is not counted. Ends with one JSON line.

    python benchmarks/live.py [--duration 300] [--model M.onnx] [--clips 4]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


def pick_clips(n: int) -> list[Path]:
    """n clips of different genres from the GTZAN validation split (never the test split)."""
    gtzan = SHARED_DATA / "gtzan"
    if not gtzan.is_dir():
        sys.exit(f"benchmarks/live.py: shared music not found at {gtzan}")
    chosen: dict[str, Path] = {}
    with open(gtzan / "clips.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["split"] == "valid" and row["genre"] not in chosen:
                chosen[row["genre"]] = gtzan / row["file"]
    return list(chosen.values())[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=300.0, help="seconds of listening")
    parser.add_argument("--model", default=None, help="ONNX model (default: the shipped one)")
    parser.add_argument("--clips", type=int, default=4, help="clips played in a loop")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between updates")
    args = parser.parse_args(argv)

    import psutil

    from mgc_desktop.live.virtualmic import VirtualMic
    from mgc_desktop.paths import default_model_path

    model = Path(args.model) if args.model else default_model_path()
    if not model.is_file():
        sys.exit(f"benchmarks/live.py: model not found: {model} (pass --model)")
    clips = pick_clips(args.clips)
    latencies: list[float] = []
    overflows = 0
    cpu_first = cpu_last = wall_first = wall_last = None
    with VirtualMic.from_files(clips) as mic:
        cmd = [sys.executable, "-m", "mgc_desktop", "--model", str(model), "listen"]
        cmd += ["--device", mic.name, "--json", "--duration", str(args.duration)]
        cmd += ["--interval", str(args.interval)]
        child = subprocess.Popen(
            cmd, env=mic.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        proc = psutil.Process(child.pid)
        for line in child.stdout:
            update = json.loads(line)
            try:
                times = proc.cpu_times()
            except psutil.NoSuchProcess:
                break
            now = time.monotonic()
            if cpu_first is None:
                cpu_first, wall_first = times.user + times.system, now
            cpu_last, wall_last = times.user + times.system, now
            overflows = update["overflows"]
            if update["state"] != "warming_up":
                latencies.append(update["latency_s"])
        stderr = child.stderr.read()
        code = child.wait()
    if code != 0 or not latencies:
        sys.exit(f"benchmarks/live.py: listen failed (exit {code}): {stderr.strip()}")
    span = max(wall_last - wall_first, 1e-9)
    result = {
        "duration_s": round(span, 1),
        "median_latency_s": round(statistics.median(latencies), 4),
        "max_latency_s": round(max(latencies), 4),
        "cpu_percent_of_core": round(100.0 * (cpu_last - cpu_first) / span, 1),
        "overflows": overflows,
        "updates": len(latencies),
        "model": model.name,
        "device_rate": 44100,
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
