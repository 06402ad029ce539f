"""packaging/measure_app.py: the JSON line the Linux build ends with, on a fake app folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

MEASURE = Path(__file__).resolve().parents[2] / "packaging" / "measure_app.py"


def _app(folder: Path, script: str) -> Path:
    folder.mkdir()
    exe = folder / "mgc-desktop"
    exe.write_text("#!/bin/sh\n" + script)
    exe.chmod(0o755)
    (folder / "blob").write_bytes(b"\0" * 2_000_000)
    return folder


def _measure(app: Path) -> tuple[int, dict]:
    result = subprocess.run(
        [sys.executable, str(MEASURE), str(app), "--runs", "2", "--timeout", "10",
         "--extra", '{"build_s": 1}'],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    return result.returncode, json.loads(result.stdout.strip().splitlines()[-1])


def test_reports_size_and_launch_time(tmp_path: Path) -> None:
    app = _app(
        tmp_path / "ok",
        '[ "$MGC_DESKTOP_EXIT_AFTER_SHOW" = 1 ] || exit 3\n'
        "sleep 0.2; echo 'window shown after 0.2 s' >&2\n",
    )
    code, line = _measure(app)
    assert code == 0
    assert line["app_mb"] == 2.0 and line["build_s"] == 1
    assert 0.15 < line["launch_to_window_s"] < 5


def test_reports_why_no_window_came(tmp_path: Path) -> None:
    code, line = _measure(_app(tmp_path / "broken", "echo 'no GUI here' >&2; exit 1\n"))
    assert code == 1
    assert line["launch_to_window_s"] is None and "no GUI here" in line["launch_error"]
