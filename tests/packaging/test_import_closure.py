"""The app never loads librosa (nor numba, llvmlite, scipy, scikit-learn, torch or
tensorflow): not when importing any of its modules, not while classifying in the CLI, in a
worker or in the self-test (issue 14.16). They are training and benchmark tools; the packaged
app leaves them out, so a stray import would crash it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import music_signal, write_audio

REPO = Path(__file__).resolve().parents[2]
NEVER = ("librosa", "numba", "llvmlite", "scipy", "sklearn", "torch", "tensorflow", "keras")

PROBE = """
import importlib, json, pkgutil, sys
import mgc_desktop
from mgc_desktop.cli import main

model, song = sys.argv[1], sys.argv[2]
status = main(["--model", model, "classify", "--workers", "1", song])
from mgc_desktop.model.classifier import GenreClassifier
GenreClassifier(model).classify_file(song)  # what a worker process runs
from mgc_desktop.selftest import run_self_test
selftest = run_self_test(model, worker=False, log=lambda line: None)
names = [m.name for m in pkgutil.walk_packages(mgc_desktop.__path__, "mgc_desktop.")]
for name in names:
    importlib.import_module(name)
loaded = sorted({m.split(".")[0] for m in sys.modules})
print(json.dumps({"status": status, "selftest": selftest, "modules": names, "loaded": loaded}))
"""


def test_the_app_never_loads_training_libraries(tmp_path: Path, tiny_model: Path) -> None:
    song = write_audio("mp3", tmp_path / "song", music_signal(8.0, 44100), 44100)
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tiny_model), str(song)],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["status"] == 0 and report["selftest"] == 0, result.stderr
    assert {"mgc_desktop.gui.main_window", "mgc_desktop.live.listener"} <= set(report["modules"])
    assert {"onnxruntime", "PySide6", "av"} <= set(report["loaded"])  # the probe did real work
    assert not set(NEVER) & set(report["loaded"])
