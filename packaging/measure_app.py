"""Measure a built app folder: its size, and the time from launch to a shown window.

Run by build_linux.sh after the build; stdlib only, so any python3 can run it:
    python3 packaging/measure_app.py dist/mgc-desktop [--runs 3] [--timeout 30]
Prints one JSON line: {"app_mb": ..., "launch_to_window_s": ..., ...}.

launch_to_window_s is measured from outside: the clock starts before the executable is exec'd
(so the bootloader, unpacking and imports count) and stops when the app reports its first shown
window. The app is started with MGC_DESKTOP_EXIT_AFTER_SHOW=1, which the GUI honours by printing
`window shown after X s` on stderr and quitting; Qt runs offscreen unless a display is given.
The median of the runs is reported (the first run, with a colder page cache, is kept too).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import selectors
import statistics
import subprocess
import sys
import time
from pathlib import Path

SHOWN = re.compile(r"window shown after ([0-9.]+) ?s")


def folder_mb(path: Path) -> float:
    """Bytes on disk of every regular file under path (links not followed), in MB (10^6)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            full = Path(root) / name
            if not full.is_symlink():
                total += full.stat().st_size
    return round(total / 1e6, 1)


def launch_once(exe: Path, timeout_s: float) -> tuple[float | None, str]:
    """Seconds from exec to the `window shown` line, or None and the reason it never came."""
    env = dict(os.environ, MGC_DESKTOP_EXIT_AFTER_SHOW="1")
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True
    )
    assert proc.stderr is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stderr, selectors.EVENT_READ)
    tail: list[str] = []
    try:
        while time.perf_counter() - start < timeout_s:
            if not sel.select(timeout=0.2):
                if proc.poll() is not None:
                    break
                continue
            line = proc.stderr.readline()
            if not line:
                break
            if SHOWN.search(line):
                return time.perf_counter() - start, ""
            tail = (tail + [line.rstrip()])[-3:]
        try:
            proc.wait(timeout=max(0.1, timeout_s - (time.perf_counter() - start)))
        except subprocess.TimeoutExpired:
            return None, f"no 'window shown' line within {timeout_s:g} s"
        return None, f"exited with status {proc.returncode} before a window: " + " | ".join(tail)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        sel.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app_dir", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--extra", default="{}", help="JSON object merged into the output line")
    args = parser.parse_args(argv)
    exe = args.app_dir / "mgc-desktop"
    times: list[float] = []
    error = ""
    for _ in range(max(1, args.runs)):
        seconds, error = launch_once(exe, args.timeout)
        if seconds is None:
            break
        times.append(seconds)
    result: dict[str, object] = {
        "app_mb": folder_mb(args.app_dir),
        "launch_to_window_s": round(statistics.median(times), 2) if times else None,
    }
    if times:
        result["launch_first_s"] = round(times[0], 2)
    if error:
        result["launch_error"] = error
    result.update(json.loads(args.extra))
    print(json.dumps(result), flush=True)
    return 0 if times else 1


if __name__ == "__main__":
    sys.exit(main())
