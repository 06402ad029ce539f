"""Acceptance 1: on real files of every format, writing the genre changes the genre and nothing
else (other tags, pictures, ID3 version and v1 tail, unknown frames, decoded audio), and
mutagen reads the new genre back. Then undo restores the old genre."""

from __future__ import annotations

import os
import stat

import pytest
import tagcorpus

from mgc_desktop.tags import apply_plan, plan_manual, read_genres, undo_batch
from mgc_desktop.tags.registry import writer_for

ALL = list(tagcorpus.SPECS)


@pytest.mark.parametrize("name", ALL)
def test_write_changes_only_the_genre(corpus, name):
    path = corpus[name]
    before_tags = tagcorpus.other_tags(path)
    before_audio = tagcorpus.decoded(path)
    before_genre = tagcorpus.genres(path)
    os.chmod(path, 0o640)

    result = apply_plan(plan_manual([path], ["Hip-Hop", "Jazz"]))
    assert (result.written, result.failed) == (1, 0), result.errors

    assert tagcorpus.genres(path) == ["Hip-Hop", "Jazz"] or (
        # ID3v2.3 holds one value: "Hip-Hop; Jazz"
        tagcorpus.genres(path) == ["Hip-Hop; Jazz"] and before_tags.get("version") == (2, 3, 0)
    )
    assert tagcorpus.other_tags(path) == before_tags
    assert tagcorpus.decoded(path) == before_audio
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".mgc-tmp")]

    undone = undo_batch()
    assert (undone.written, undone.failed) == (1, 0), undone.errors
    assert tagcorpus.genres(path) == before_genre
    assert tagcorpus.other_tags(path) == before_tags
    assert tagcorpus.decoded(path) == before_audio


def test_untagged_files_get_a_tag_and_undo_removes_it(corpus):
    for name in ("notag.mp3", "notag.wav", "notag.aiff"):
        assert not writer_for(corpus[name]).has_tag(corpus[name])
    paths = [corpus["notag.mp3"], corpus["notag.wav"], corpus["notag.aiff"], corpus["notag.wv"]]
    result = apply_plan(plan_manual(paths, ["Rock"]))
    assert result.written == 4
    for p in paths:
        assert tagcorpus.genres(p) == ["Rock"]
    undo_batch()
    for p in paths[:3]:
        assert not writer_for(p).has_tag(p)


def test_v23_single_value_and_version_kept(corpus):
    path = corpus["genre_v23.mp3"]
    assert read_genres(path) == ["Rock"]
    apply_plan(plan_manual([path], ["Pop/Funk", "Metal"]))
    assert read_genres(path) == ["Pop/Funk; Metal"]
    from mutagen.id3 import ID3

    assert ID3(str(path)).version == (2, 3, 0)


def test_v24_multi_values(corpus):
    path = corpus["multi_v24.mp3"]
    assert read_genres(path) == ["Rock", "Jazz"]
    apply_plan(plan_manual([path], ["Blues", "Reggae"]))
    assert read_genres(path) == ["Blues", "Reggae"]


def test_new_tag_version_on_request(corpus):
    path = corpus["notag.mp3"]
    apply_plan(plan_manual([path], ["Blues", "Jazz"], id3_version=3))
    from mutagen.id3 import ID3

    assert ID3(str(path)).version == (2, 3, 0)
    assert read_genres(path) == ["Blues; Jazz"]


def test_v1_tail_kept_byte_for_byte(corpus):
    path = corpus["v24_v1.mp3"]
    tail = path.read_bytes()[-128:]
    assert tail[:3] == b"TAG"
    apply_plan(plan_manual([path], ["Metal"]))
    assert path.read_bytes()[-128:] == tail


def test_keep_mtime(corpus):
    path = corpus["a.flac"]
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    from mgc_desktop.tags.apply import apply_plan as ap

    ap(plan_manual([path], ["Rock"]), keep_mtime=True)
    assert os.stat(path).st_mtime_ns == 1_000_000_000_000_000_000
    ap(plan_manual([path], ["Jazz"]))
    assert os.stat(path).st_mtime_ns != 1_000_000_000_000_000_000


def test_registry_sniffs_content_not_extension(corpus, tmp_path):
    wrong = tmp_path / "really_flac.mp3"
    wrong.write_bytes(corpus["a.flac"].read_bytes())
    assert writer_for(wrong).fmt == "vorbis/flac"
