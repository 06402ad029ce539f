"""Plain `undo` takes back the newest batch still in effect, whatever its kind: after a redo
(`undo --batch N` of an undo batch) that is the redo, not an older batch; and an undo that
restores nothing records no batch."""

from __future__ import annotations

from mgc_desktop.cli import main
from mgc_desktop.tags import list_batches, read_genres


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.strip().splitlines(), err


def test_undo_after_a_redo_takes_back_the_redo(corpus, capsys):
    a, b = str(corpus["a.flac"]), str(corpus["a.ogg"])
    assert run(capsys, "tag", "--set-genre", "Jazz", a)[0] == 0  # batch 1
    assert run(capsys, "tag", "--set-genre", "Metal", b)[0] == 0  # batch 2
    assert run(capsys, "undo")[1][-1].startswith("undo batch 3 (of batch 2): 1 restored")
    assert run(capsys, "undo", "--batch", "3")[1][-1].startswith("undo batch 4 (of batch 3)")
    assert (read_genres(a), read_genres(b)) == (["Jazz"], ["Metal"])
    code, out, _ = run(capsys, "undo")
    assert code == 0 and out[-1].startswith("undo batch 5 (of batch 4): 1 restored")
    assert (read_genres(a), read_genres(b)) == (["Jazz"], [])
    code, out, _ = run(capsys, "undo")  # then the batch before it
    assert code == 0 and out[-1].startswith("undo batch 6 (of batch 1): 1 restored")
    assert (read_genres(a), read_genres(b)) == ([], [])
    code, _, err = run(capsys, "undo")
    assert code == 0 and "nothing to undo" in err


def test_a_redo_in_effect_is_something_to_undo(corpus, capsys):
    b = str(corpus["a.ogg"])
    run(capsys, "tag", "--set-genre", "Metal", b)
    run(capsys, "undo")
    run(capsys, "undo", "--batch", "2")
    assert read_genres(b) == ["Metal"]
    code, out, err = run(capsys, "undo")
    assert code == 0 and "nothing to undo" not in err
    assert out[-1].startswith("undo batch 4 (of batch 3): 1 restored")
    assert read_genres(b) == []


def test_undo_of_a_path_with_no_change_records_no_batch(corpus, tmp_path, capsys):
    missing = tmp_path / "nonexistent.flac"
    code, out, err = run(capsys, "undo", str(missing))
    assert code == 0
    assert f"{missing}: skipped: no journaled change to undo" in err
    assert out[-1] == (
        "nothing restored, no batch recorded: 0 restored (0 byte-exact, 0 tag-exact), "
        "1 skipped, 0 failed"
    )
    assert list_batches() == []
