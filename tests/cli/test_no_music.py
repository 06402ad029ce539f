"""A folder with no music: `classify`, `scan` and `tag` give the same answer, a line on stderr
naming the folder and exit status 0; a missing path stays a failure (issue 14.11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_classify import run_cli


@pytest.fixture
def no_music(tmp_path: Path) -> Path:
    folder = tmp_path / "Documents"
    (folder / "empty sub").mkdir(parents=True)
    (folder / "notes.txt").write_text("no music here\n")
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(500))
    return folder


COMMANDS = {
    "classify": ["classify"],
    "classify --json": ["classify", "--json"],
    "scan": ["scan", "--workers", "1"],
    "scan --index-only": ["scan", "--index-only"],
    "tag": ["tag"],
    "tag --dry-run": ["tag", "--dry-run"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_without_music_gets_one_answer(command, no_music, tiny_model) -> None:
    result = run_cli("--model", str(tiny_model), *COMMANDS[command], str(no_music))
    assert result.returncode == 0, result.stderr
    name = command.split()[0]
    assert f"mgc-desktop {name}: no music files found in {no_music}" in result.stderr.splitlines()
    if name != "scan":  # scan still prints its summary (it may have pruned deleted files)
        assert result.stdout == ""
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["classify", "scan", "tag"])
def test_a_missing_path_is_a_failure_not_an_empty_folder(name, tmp_path, tiny_model) -> None:
    missing = tmp_path / "gone"
    result = run_cli("--model", str(tiny_model), name, str(missing))
    assert result.returncode == 1, result.stderr
    assert "no music files found" not in result.stderr
