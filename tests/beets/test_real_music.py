"""`beet mgcgenre` on real music, through the real `beet` executable and a real library: what
it stores is what `mgc-desktop classify` says (uncertain tracks left empty and listed), it
writes nothing when pretending, `beet write` puts the same genre in the files, existing genres
are kept unless forced, the importer runs it with `auto`, and the app's index spares decoding
unchanged files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from beetsplug.mgcgenre import GENRE_FIELD
from tests.beets.beetlib import file_digests, file_genres
from tests.beets.conftest import expected_genre, reference_for


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _split(reference: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(certain paths, uncertain paths); the clips are chosen to give both."""
    certain = [p for p, r in reference.items() if expected_genre(r)]
    uncertain = [p for p, r in reference.items() if not expected_genre(r)]
    assert certain and uncertain, f"the clips no longer cover both cases: {reference}"
    return certain, uncertain


def test_stored_genres_are_classify_s_pretend_changes_nothing_write_puts_them_in_files(
    library, real_music, real_reference
):
    reference = reference_for(real_music, real_reference)
    certain, uncertain = _split(reference)
    library.run("import", "-A", "-C", "-q", real_music[0].parent.parent)
    assert library.genres() == {str(p): "" for p in real_music}

    db, files = _digest(library.db), file_digests(real_music)
    pretend = library.run("mgcgenre", "--pretend")
    assert _digest(library.db) == db and file_digests(real_music) == files
    assert f"mgcgenre: 6 items: {len(certain)} would be set, {len(uncertain)} uncertain" in (
        pretend.stdout
    )

    run = library.run("mgcgenre")
    stored = library.genres()
    assert stored == {p: expected_genre(r) for p, r in reference.items()}
    assert "Hip-Hop" in stored.values()  # display names, as `tag` writes them
    listed = run.stdout.split("uncertain, left unchanged:")[1].splitlines()
    assert sorted(line.split(": ")[0].strip() for line in listed if line.strip()) == sorted(
        uncertain
    )
    assert file_digests(real_music) == files  # import.write is off: the library only

    library.run("write")
    for path in certain:
        assert file_genres(path) == [stored[path]]
    for path in uncertain:
        assert file_genres(path) == []


def test_existing_genres_are_kept_unless_forced_and_uncertain_tracks_never_lose_theirs(
    library, real_music, real_reference
):
    reference = reference_for(real_music, real_reference)
    certain, uncertain = _split(reference)
    library.run("import", "-A", "-C", "-q", real_music[0].parent.parent)
    mine = {certain[0], uncertain[0]}
    library.run(
        "modify", "-y", *" , ".join(f"path:{p}" for p in mine).split(), f"{GENRE_FIELD}=Polka"
    )

    run = library.run("mgcgenre")
    assert "2 kept their genre" in run.stdout
    stored = library.genres()
    for path, record in reference.items():
        assert stored[path] == ("Polka" if path in mine else expected_genre(record))

    library.run("mgcgenre", "--force")
    stored = library.genres()
    assert stored[certain[0]] == reference[certain[0]]["label"]  # replaced
    assert stored[uncertain[0]] == "Polka"  # not sure enough to replace anything


@pytest.mark.parametrize(
    ("write", "flags", "written"),
    [(False, [], False), (True, [], True), (True, ["-W"], False), (False, ["-w"], True)],
)
def test_auto_on_import_stores_genres_and_writes_files_only_when_the_import_writes(
    library, real_music, real_reference, write, flags, written
):
    reference = reference_for(real_music, real_reference)
    files = file_digests(real_music)
    library.configure(write=write, auto=True)
    library.run("import", "-A", "-C", "-q", *flags, real_music[0].parent.parent)

    assert library.genres() == {p: expected_genre(r) for p, r in reference.items()}
    for path, record in reference.items():
        if written and expected_genre(record):
            assert file_genres(path) == [record["label"]]
        else:  # nothing to write, or writing is beets' `write` command's job
            assert file_digests([path]) == {path: files[path]}


def test_unchanged_files_reuse_the_app_index_instead_of_decoding(
    library, real_music, real_reference
):
    reference = reference_for(real_music, real_reference)
    certain, _ = _split(reference)
    library.run("import", "-A", "-C", "-q", real_music[0].parent.parent)
    subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "scan", str(real_music[0].parent.parent)],
        check=True,
        capture_output=True,
        env={**os.environ, "MGC_DESKTOP_DATA_DIR": str(library.app_data)},
    )
    # Garbage in place of the audio, same size and mtime: for the index the file is unchanged,
    # and only a decode would notice. A second garbled file gets a new mtime: decoded, it fails.
    reused, redone = certain[0], certain[1]
    for path in (reused, redone):
        st = os.stat(path)
        with open(path, "r+b") as f:
            f.write(os.urandom(st.st_size))
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.utime(redone)

    run = library.run("mgcgenre")
    stored = library.genres()
    assert stored[reused] == reference[reused]["label"]
    assert stored[redone] == ""
    assert f"{redone}: cannot classify" in run.stderr
    assert "from the app's index" in run.stdout
