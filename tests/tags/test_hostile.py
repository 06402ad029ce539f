"""Hostile files: broken, truncated, misnamed, read-only, unsupported. Each is refused with one
clear line, left byte-identical, the batch goes on, and nothing raises."""

from __future__ import annotations

import os

import pytest

from mgc_desktop.cli import main
from mgc_desktop.tags import apply_plan, plan_manual, undo_batch


@pytest.fixture
def hostile(corpus, tmp_path):
    d = tmp_path / "hostile"
    d.mkdir()
    mp3 = corpus["notag.mp3"].read_bytes()
    flac = corpus["a.flac"].read_bytes()
    m4a = corpus["a.m4a"].read_bytes()
    files = {
        "zero.mp3": b"",
        "garbage.mp3": os.urandom(5000),
        "garbage.flac": b"fLaC" + os.urandom(3000),
        "garbage.m4a": b"\x00\x00\x00\x18ftypM4A " + os.urandom(4000),
        "text.ogg": b"OggS this is not an ogg stream" * 10,
        "truncated.flac": flac[:60],
        "truncated.m4a": m4a[:400],
        "badtag.mp3": b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f" + b"TIT2\x00\x00\x00\x05" + mp3[:200],
        "readme.txt.mp3": b"hello\n" * 100,
    }
    out = {}
    for name, data in files.items():
        (d / name).write_bytes(data)
        out[name] = d / name
    ro = d / "readonly.flac"
    ro.write_bytes(flac)
    ro.chmod(0o444)
    out["readonly.flac"] = ro
    rodir = d / "rodir"
    rodir.mkdir()
    (rodir / "in_ro_dir.flac").write_bytes(flac)
    rodir.chmod(0o555)
    out["in_ro_dir.flac"] = rodir / "in_ro_dir.flac"
    good = d / "good.flac"
    good.write_bytes(flac)
    out["good.flac"] = good
    yield out
    rodir.chmod(0o755)


def test_hostile_files_refused_untouched_and_batch_goes_on(hostile, capsys):
    before = {n: p.read_bytes() for n, p in hostile.items()}
    code = main(["tag", "--set-genre", "Rock", *map(str, hostile.values())])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    lines = out.strip().splitlines()
    assert lines[-1].startswith("batch 1: 1 written")
    for name, path in hostile.items():
        if name == "good.flac":
            continue
        assert path.read_bytes() == before[name], name
        line = next(ln for ln in lines + err.splitlines() if ln.startswith(str(path)))
        assert "error" in line or "failed" in line, line
    ro = next(ln for ln in lines + err.splitlines() if "readonly.flac" in ln)
    assert "read-only" in ro
    rd = next(ln for ln in lines + err.splitlines() if "in_ro_dir.flac" in ln)
    assert "folder is not writable" in rd
    code = main(["undo"])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in out + err
    for name, path in hostile.items():
        assert path.read_bytes() == before[name] or name == "good.flac"


def test_disk_full_is_a_clean_failure(corpus, monkeypatch):
    import errno

    from mgc_desktop.tags import atomic

    def boom(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    before = corpus["a.flac"].read_bytes()
    plan = plan_manual([corpus["a.flac"], corpus["a.ogg"]], ["Rock"])
    monkeypatch.setattr(atomic.os, "fsync", boom)
    result = apply_plan(plan)
    assert result.failed == 2 and result.errors[0][1] == "disk full"
    assert corpus["a.flac"].read_bytes() == before
    assert not [p for p in corpus["a.flac"].parent.iterdir() if p.name.endswith(".mgc-tmp")]


def test_writer_exception_leaves_file_untouched(corpus, monkeypatch):
    from mgc_desktop.tags.vorbis import VorbisWriter

    def broken(self, path, genres, raw=False):
        raise ZeroDivisionError("mutagen had a bad day")

    before = corpus["a.flac"].read_bytes()
    monkeypatch.setattr(VorbisWriter, "write_genres", broken)
    result = apply_plan(plan_manual([corpus["a.flac"], corpus["a.m4a"]], ["Rock"]))
    assert (result.written, result.failed) == (1, 1)
    assert "ZeroDivisionError" in result.errors[0][1]
    assert corpus["a.flac"].read_bytes() == before
    undo_batch()


def test_symlink_is_followed_not_replaced(corpus, tmp_path):
    link = tmp_path / "link.flac"
    link.symlink_to(corpus["a.flac"])
    apply_plan(plan_manual([link], ["Rock"]))
    assert link.is_symlink()
    from mgc_desktop.tags import read_genres

    assert read_genres(corpus["a.flac"]) == ["Rock"]
