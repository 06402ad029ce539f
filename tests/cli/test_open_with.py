"""Which command lines open the window on paths (`mgc-desktop [--model FILE] PATH...`, what the
.desktop entry's `Exec=mgc-desktop %F` runs), and which folder that is (issue 14.2)."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from mgc_desktop.cli import build_parser, folder_to_open, open_request

REPO = Path(__file__).resolve().parents[2]
COMMANDS = build_parser().get_default("commands")


def test_subcommands_are_known() -> None:
    assert {"classify", "scan", "tag", "undo", "listen"} <= set(COMMANDS)


def test_paths_open_the_window(tmp_path: Path) -> None:
    song = tmp_path / "song.flac"
    song.write_bytes(b"")
    assert open_request([str(tmp_path)], COMMANDS) == (None, [str(tmp_path)])
    assert open_request(["--model", "m.onnx", str(song)], COMMANDS) == ("m.onnx", [str(song)])
    assert open_request(["--model=m.onnx", str(song), str(tmp_path)], COMMANDS) == (
        "m.onnx",
        [str(song), str(tmp_path)],
    )
    assert open_request(["/no/such/folder"], COMMANDS) == (None, ["/no/such/folder"])


@pytest.mark.parametrize(
    "argv",
    [[], ["--self-test"], ["--version"], ["classify", "."], ["scan", "x"], ["clasify", "x"],
     ["--model", "m.onnx"], ["--model", "m.onnx", "tag", "."]],
)  # fmt: skip
def test_other_command_lines_are_left_to_the_parser(argv: list[str]) -> None:
    assert open_request(argv, COMMANDS) is None


def test_a_subcommand_wins_over_a_folder_of_the_same_name(tmp_path, monkeypatch) -> None:
    (tmp_path / "scan").mkdir()
    monkeypatch.chdir(tmp_path)
    assert open_request(["scan", "."], COMMANDS) is None


def test_folder_to_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    music = tmp_path / "home" / "Music"
    a, b = music / "A", music / "B"
    for folder in (a, b):
        folder.mkdir(parents=True)
        (folder / "1.flac").write_bytes(b"")
    assert folder_to_open([str(a)]) == str(a)
    assert folder_to_open([str(a / "1.flac")]) == str(a)  # a file: its folder
    assert folder_to_open([str(a / "1.flac"), str(b / "1.flac")]) == str(music)  # the shared one
    docs = tmp_path / "home" / "Documents"
    docs.mkdir()
    # whose only shared folder is the home folder: the first, not a scan of everything
    assert folder_to_open([str(a), str(docs)]) == str(a)
    assert folder_to_open([str(a), "/"]) == "/"  # "/" itself was asked for


def test_the_desktop_entry_passes_the_files() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(REPO / "resources" / "linux" / "io.github.mgc_desktop.MgcDesktop.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "mgc-desktop %F"
    assert "inode/directory" in desktop["MimeType"].split(";")
