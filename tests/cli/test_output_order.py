"""`classify` prints in the order it was given (folders in name order), run after run, although
workers finish in any order and the library index answers some files at once (issue 14.10)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_classify import run_cli
from tests.conftest import music_signal, write_audio


def _paths(stdout: str) -> list[str]:
    return [json.loads(line)["path"] for line in stdout.splitlines()]


def test_classify_prints_in_path_order_across_runs(tmp_path: Path, tiny_model: Path) -> None:
    folder = tmp_path / "album"
    # A long MP3 first (slowest to decode) and short WAVs after it: with several workers the
    # short ones finish first.
    write_audio("mp3", folder / "a long", music_signal(90.0, 44100), 44100)
    short = music_signal(2.0, 16000)
    for i in range(12):
        write_audio("wav_pcm16", folder / f"b{i:02d} short", short, 16000)
    loose = write_audio("flac", tmp_path / "z loose", short, 16000)
    expected = [str(loose)] + sorted(str(p) for p in folder.iterdir())

    # The index knows the last files of the folder, so they are answered before the others.
    indexed = sorted(folder.iterdir())[-4:]
    scan = run_cli("--model", str(tiny_model), "scan", "--workers", "1", *map(str, indexed))
    assert scan.returncode == 0, scan.stderr

    for _ in range(3):
        result = run_cli(
            "--model", str(tiny_model), "classify", "--json", "--workers", "4",
            str(loose), str(folder),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert _paths(result.stdout) == expected


def test_failures_keep_their_place_in_the_order(tmp_path: Path, tiny_model: Path) -> None:
    short = music_signal(2.0, 16000)
    first = write_audio("flac", tmp_path / "1 first", short, 16000)
    broken = tmp_path / "2 broken.mp3"
    broken.write_bytes(b"not audio at all\n" * 100)
    missing = tmp_path / "3 missing.flac"
    last = write_audio("flac", tmp_path / "4 last", short, 16000)
    given = [last, missing, broken, first]
    result = run_cli(
        "--model", str(tiny_model), "classify", "--json", "--workers", "2", *map(str, given)
    )
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(p) for p in given]
    assert ["error" in r for r in records] == [False, True, True, False]
