"""`mgc-desktop classify` end to end in a fresh process: good files, every kind of bad file,
JSON output, exit statuses."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import music_signal, write_audio

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, obey_permissions: bool = False):
    """Run the CLI in a fresh process. `obey_permissions`: when the tests run as root, drop the
    capabilities that let root read any file, so that a mode-000 file really is unreadable."""
    cmd = [sys.executable, "-m", "mgc_desktop", *args]
    if obey_permissions and os.geteuid() == 0:
        cmd = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *cmd]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Two good tracks and one of each kind of bad input."""
    folder = tmp_path_factory.mktemp("bad")
    music = music_signal(40.0, 44100)
    good = [
        write_audio("mp3", folder / "good_one", music, 44100),
        write_audio("flac", folder / "good_two", music, 44100),
    ]
    bad = {}
    bad["zero-byte"] = folder / "zero.mp3"
    bad["zero-byte"].write_bytes(b"")
    bad["not audio"] = folder / "notes.mp3"
    bad["not audio"].write_text("this is a shopping list, not music\n" * 50)
    bad["wrong extension"] = folder / "picture.flac"
    bad["wrong extension"].write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(4000))
    bad["corrupt"] = folder / "noise.ogg"
    # Seeded noise: some os.urandom payloads probe as a container with no audio stream, which
    # gets another (equally clear) message.
    bad["corrupt"].write_bytes(random.Random(0).randbytes(30000))
    for kind in ("mp3", "wav_pcm16"):
        source = write_audio(kind, folder / f"full_{kind}", music, 44100)
        data = source.read_bytes()
        source.unlink()
        bad[f"truncated {kind}"] = folder / f"cut_{kind}{source.suffix}"
        bad[f"truncated {kind}"].write_bytes(data[: len(data) // 4])
    bad["permission denied"] = folder / "secret.flac"
    bad["permission denied"].write_bytes(good[1].read_bytes())
    os.chmod(bad["permission denied"], 0)
    return folder, good, bad


def test_bad_files_each_get_one_error_line_and_the_batch_goes_on(library, tiny_model):
    folder, good, bad = library
    result = run_cli(
        "--model", str(tiny_model), "classify", str(folder), "--json", obey_permissions=True
    )
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_path = {Path(r["path"]).name: r for r in records}
    assert len(records) == len(by_path) == len(good) + len(bad)  # one line per file
    for path in good:
        assert "error" not in by_path[path.name], by_path[path.name]
        assert by_path[path.name]["genre"] in by_path[path.name]["probabilities"]
    expected_words = {
        "zero-byte": "empty",
        "not audio": "not a readable audio file",
        "wrong extension": "no audio stream",
        "corrupt": "not a readable audio file",
        "truncated mp3": "truncated",
        "truncated wav_pcm16": "truncated",
        "permission denied": "permission denied",
    }
    for kind, path in bad.items():
        error = by_path[path.name].get("error", "")
        assert expected_words[kind] in error, (kind, error)
        assert "\n" not in error


def test_text_mode_names_each_failed_file_on_stderr(library, tiny_model):
    folder, good, bad = library
    result = run_cli(
        "--model",
        str(tiny_model),
        "classify",
        *map(str, good),
        str(bad["zero-byte"]),
        str(bad["corrupt"]),
    )
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2
    error_lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert sorted(line.split(": error: ")[0] for line in error_lines) == sorted(
        [str(bad["zero-byte"]), str(bad["corrupt"])]
    )


def test_json_output_is_one_object_per_track_and_nothing_else(library, tiny_model):
    _, good, _ = library
    result = run_cli(
        "--model", str(tiny_model), "classify", "--json", "--top-k", "3", *map(str, good)
    )
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert set(record) >= {"path", "genre", "label", "confidence", "uncertain", "probabilities"}
        assert len(record["probabilities"]) == 10
        assert abs(sum(record["probabilities"].values()) - 1) < 1e-3
        assert record["confidence"] == max(record["probabilities"].values())
        assert [t["genre"] for t in record["top"]][0] == record["genre"]
        assert isinstance(record["uncertain"], bool)


def test_usage_errors_exit_2(tiny_model, tmp_path):
    assert run_cli("classify").returncode == 2
    assert run_cli("--model", str(tiny_model), "classify", "--top-k", "0", ".").returncode == 2
    not_a_model = tmp_path / "model.onnx"
    not_a_model.write_bytes(b"garbage")
    song = write_audio("flac", tmp_path / "song", music_signal(5.0, 22050), 22050)
    result = run_cli("--model", str(not_a_model), "classify", str(song))
    assert result.returncode == 2
    assert "cannot use the model" in result.stderr


def test_silence_and_short_files_have_defined_outcomes(tmp_path, tiny_model):
    import numpy as np

    silent = write_audio("flac", tmp_path / "silent", np.zeros((44100 * 10, 2), "float32"), 44100)
    short = write_audio("flac", tmp_path / "short", music_signal(2.0, 44100), 44100)
    blip = write_audio("flac", tmp_path / "blip", music_signal(0.3, 44100), 44100)
    result = run_cli(
        "--model", str(tiny_model), "classify", "--json", str(silent), str(short), str(blip)
    )
    records = {Path(r["path"]).stem: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["silent"]["genre"] is None and records["silent"]["uncertain"] is True
    assert records["short"]["genre"] in records["short"]["probabilities"]  # repeated to fill
    assert "too short" in records["blip"]["error"]
    assert result.returncode == 1
