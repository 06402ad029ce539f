"""`beet mgcgenre` on files written by real encoders in four containers, through the real `beet`
executable: pretending changes nothing, `beet write` puts the stored genres in every container,
`min_confidence`, `count` and `separator` do what they say, a broken file costs one warning
line, unusable settings are one clear error, and the plugin installs beside beets' own."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from tests.beets.beetlib import file_digests, file_genres
from tests.beets.conftest import classify, expected_genre
from tests.conftest import write_audio


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _import(library, files) -> None:
    library.run("import", "-A", "-C", "-q", *sorted({p.parent for p in files}))
    assert set(library.genres()) == {str(p) for p in files}


def test_pretend_changes_nothing_then_write_puts_the_genre_in_every_container(
    library, synthetic_music
):
    library.configure(min_confidence=0.0)  # every audible track counts as certain
    _import(library, synthetic_music)
    db, files = _digest(library.db), file_digests(synthetic_music)

    pretend = library.run("mgcgenre", "-p")
    assert "mgcgenre: 4 items: 4 would be set, 0 uncertain" in pretend.stdout
    assert _digest(library.db) == db and file_digests(synthetic_music) == files
    assert set(library.genres().values()) == {""}

    library.run("mgcgenre")
    reference = classify(synthetic_music, "--min-confidence", "0")
    stored = library.genres()
    assert stored == {p: r["label"] for p, r in reference.items()}
    assert file_digests(synthetic_music) == files  # import.write off: the library only

    library.run("write")
    for path in synthetic_music:
        assert file_genres(path) == [stored[str(path)]], path.suffix


def test_with_import_write_on_the_command_has_beets_write_the_files_at_once(
    library, synthetic_music
):
    library.configure(write=True, min_confidence=0.0)
    _import(library, synthetic_music)
    library.run("mgcgenre")
    stored = library.genres()
    for path in synthetic_music:
        assert stored[str(path)] and file_genres(path) == [stored[str(path)]], path.suffix
    assert library.run("write", "-p").stdout.strip() == ""  # nothing left for `beet write`


def test_min_confidence_above_every_answer_leaves_all_unchanged_and_lists_them(
    library, synthetic_music
):
    library.configure(min_confidence=1.0)
    _import(library, synthetic_music)
    db = _digest(library.db)

    run = library.run("mgcgenre")
    assert "mgcgenre: 4 items: 0 set, 4 uncertain" in run.stdout
    listed = run.stdout.split("uncertain, left unchanged:\n")[1]
    for path in synthetic_music:
        assert f"  {path}: uncertain (" in listed
    assert _digest(library.db) == db


def test_count_and_separator_store_the_best_genres_and_write_them_as_several_values(
    library, synthetic_music
):
    library.configure(min_confidence=0.0, count=2, separator=" / ")
    _import(library, synthetic_music)
    library.run("mgcgenre")
    reference = classify(synthetic_music, "--min-confidence", "0", "--top-k", "2")
    stored = library.genres()
    for path, record in reference.items():
        best = [t["label"] for t in record["top"]]
        assert stored[path] == " / ".join(best)
    library.run("write")
    for path, record in reference.items():
        assert file_genres(path) == [t["label"] for t in record["top"]], path


def test_a_broken_file_is_one_warning_and_the_others_are_classified(library, synthetic_music):
    library.configure(min_confidence=0.0)
    _import(library, synthetic_music)
    broken = synthetic_music[1]
    broken.write_bytes(os.urandom(broken.stat().st_size))  # broke since the import

    run = library.run("mgcgenre")
    warnings = [line for line in run.stderr.splitlines() if str(broken) in line]
    assert len(warnings) == 1 and "cannot classify" in warnings[0]
    assert "Traceback" not in run.stderr
    assert "3 set, 0 uncertain, 1 failed" in run.stdout
    stored = library.genres()
    assert stored.pop(str(broken)) == ""
    assert all(stored.values())


@pytest.mark.parametrize(
    ("args", "settings", "message"),
    [
        (["--vocabulary", "personal"], {}, "no learned genres yet"),
        ([], {"min_confidence": 2}, "min_confidence must be between 0 and 1"),
        ([], {"count": 0}, "count must be at least 1"),
        ([], {"model": "/nonexistent/model.onnx"}, "cannot use the model"),
    ],
)
def test_unusable_settings_are_one_error_and_change_nothing(
    library, synthetic_music, args, settings, message
):
    library.configure(**settings)
    _import(library, synthetic_music[:1])
    db = _digest(library.db)
    run = library.run("mgcgenre", *args, check=False)
    assert run.returncode != 0
    assert f"mgcgenre: {message}" in run.stderr and "Traceback" not in run.stderr
    assert _digest(library.db) == db


def test_the_plugin_is_found_beside_beets_own_plugins_from_anywhere(library, tmp_path):
    code = (
        "import beetsplug, beetsplug.mgcgenre as m, beetsplug.zero as z; "
        "print(m.__file__); print(z.__file__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0].endswith(os.path.join("beetsplug", "mgcgenre.py"))
    assert os.path.dirname(out[0]) != os.path.dirname(out[1])  # two homes, one namespace
    assert "plugins: mgcgenre" in library.run("version").stdout


def test_learned_genres_are_stored_in_the_owner_s_spelling_as_classify_says(library, tmp_path):
    from tests.vocabulary.conftest import RATE, SOUNDS, set_genre

    tagged, new = tmp_path / "learn", tmp_path / "music" / "new"
    for genre, sound in (("ambient", "ambient"), ("Jazz", "jazz")):
        for i in range(5):
            path = write_audio("flac", tagged / f"{sound}{i}", SOUNDS[sound](10 * i), RATE)
            set_genre(path, genre)
    fresh = [
        write_audio("mp3", new / f"new_{sound}", SOUNDS[sound](99), RATE)
        for sound in ("ambient", "jazz")
    ]
    env = {**os.environ, "MGC_DESKTOP_DATA_DIR": str(library.app_data)}
    subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "learn", str(tagged)],
        check=True,
        capture_output=True,
        env=env,
    )
    _import(library, fresh)

    run = library.run("mgcgenre")  # the learned genres are the default once learned
    assert "personal genres" in run.stderr
    reference = classify(fresh, app_data=library.app_data)
    assert {r["vocabulary"] for r in reference.values()} == {"personal"}
    assert library.genres() == {p: expected_genre(r) for p, r in reference.items()}
    assert set(library.genres().values()) <= {"ambient", "Jazz", ""}

    builtin = classify(fresh, "--vocabulary", "builtin", "--min-confidence", "0")
    library.configure(min_confidence=0.0)
    library.run("mgcgenre", "--vocabulary", "builtin", "--force")
    assert library.genres() == {p: r["label"] for p, r in builtin.items()}
