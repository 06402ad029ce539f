"""`learn`, `similar` and `--vocabulary` through the real pipeline: real encoded files with the
owner's genre tags in several spellings, a real ONNX model with an embedding output, the real
library index, tag readers and writers."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from mgc_desktop.cli import main
from mgc_desktop.personal.model import model_file
from mgc_desktop.tags import read_genres
from tests.library.test_library_hostile import make_unreadable
from tests.vocabulary.conftest import LIBRARY, set_genre

USER_GENRES = {"Electronic", "Jazz", "ambient"}


def _run(capsys, model, *argv):
    code = main(["--model", str(model), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _learn(capsys, model, *argv):
    code, out, err = _run(capsys, model, "learn", *argv, "--json", "--workers", "1")
    return code, (json.loads(out) if out.strip() else None), err


def _classify(capsys, model, *paths, extra=()):
    code, out, err = _run(capsys, model, "classify", *map(str, paths), "--json", *extra)
    return code, [json.loads(line) for line in out.splitlines()], err


def test_learn_reports_genres_spellings_and_left_out(capsys, tagged_library, embedding_models):
    model = embedding_models["base-a"]
    code, report, err = _learn(capsys, model, str(tagged_library))
    assert code == 0, err
    genres = {g["genre"]: g for g in report["genres"]}
    assert set(genres) == USER_GENRES  # majority spellings, "ambient" kept lower-case
    assert genres["Electronic"]["tracks"] == 6
    assert genres["Electronic"]["spellings"] == {"Electronic": 5, "electronic": 1}
    assert genres["ambient"]["spellings"] == {"ambient": 5, "Ambient": 1}
    left = {x["name"]: x for x in report["left_out"]}
    assert left["House"]["tracks"] == 2 and "fewer than --min-tracks 5" in left["House"]["reason"]
    assert left["Polka"]["tracks"] == 1
    tracks = report["tracks"]
    assert (tracks["indexed"], tracks["tagged"], tracks["untagged"]) == (22, 19, 3)
    assert tracks["used"] == 18 and tracks["only_left_out_genres"] == 1
    assert report["base_model_id"] == "base-a"
    assert 0.0 <= report["cv"]["accuracy"] <= 1.0 and report["cv"]["folds"] == 5
    for g in report["genres"]:  # 6 tracks each: an interval, and the warning it is wide
        acc = g["cv_accuracy"]
        assert acc["n"] == 6 and acc["ci95"][0] <= acc["value"] <= acc["ci95"][1]
        assert acc["ci95"][1] - acc["ci95"][0] > 0.3 and g["trustworthy"] is False
    assert set(report["untrustworthy"]) == USER_GENRES
    threshold = report["threshold"]["value"]
    assert threshold is None or 0.5 <= threshold <= 1.0
    assert model_file().is_file()

    code, out, _ = _run(capsys, model, "learn", str(tagged_library), "--workers", "1")
    assert code == 0
    assert "Learned 3 genres from 18 tagged tracks" in out
    assert "95% interval" in out and "too few tracks for a trustworthy estimate" in out
    assert "write threshold" in out and "none of these:" in out
    assert "left out: House (2 tracks, fewer than --min-tracks 5)" in out
    code, report, _ = _learn(capsys, model, str(tagged_library), "--min-tracks", "2")
    assert code == 0 and "House" in {g["genre"] for g in report["genres"]}


def _learned_threshold() -> float:
    from mgc_desktop.personal.model import PersonalModel

    return PersonalModel.load().threshold


def test_classify_and_tag_in_the_users_names_then_forget(
    capsys, tagged_library, embedding_models, monkeypatch
):
    model = embedding_models["base-a"]
    assert _learn(capsys, model, str(tagged_library))[0] == 0
    untagged = sorted(tagged_library.glob("u_*"))
    import mgc_desktop.model.batch as batch

    pools = []
    real_pool = batch.ClassifierPool
    monkeypatch.setattr(
        batch, "ClassifierPool", lambda *a, **k: pools.append(a) or real_pool(*a, **k)
    )
    code, records, _ = _classify(capsys, model, *untagged)
    assert code == 0 and len(records) == 3
    assert pools == []  # learn indexed them: answers (and embeddings) come from the index
    for r in records:
        assert r["vocabulary"] == "personal"
        assert r["genre"] in USER_GENRES and r["label"] == r["genre"]
        assert set(r["probabilities"]) == USER_GENRES
        assert abs(sum(r["probabilities"].values()) + r["none_of_these"] - 1.0) < 1e-4
        learned = _learned_threshold()
        assert r["uncertain"] == (
            r["confidence"] < learned or r["none_of_these"] >= r["confidence"]
        )
    code, out, _ = _run(capsys, model, "classify", *map(str, untagged), "--top-k", "2")
    for line in out.splitlines():  # text: "path<TAB>Genre 71%, Other 20%", the owner's spelling
        names = [part.rsplit(" ", 1)[0] for part in line.split("\t")[1].split(", ")]
        assert len(names) == 2 and set(names) <= USER_GENRES, line
    code, records, _ = _classify(capsys, model, *untagged, extra=["--vocabulary", "builtin"])
    assert code == 0 and all(r["vocabulary"] == "builtin" for r in records)
    assert all(r["genre"] not in USER_GENRES for r in records)

    # tag: fills only the empty genres, with the user's spelling; tagged files are untouched.
    before = {p.name: read_genres(p) for p in tagged_library.iterdir()}
    code, out, _ = _run(
        capsys, model, "tag", str(tagged_library), "--min-confidence", "0", "--keep-mtime"
    )
    assert code == 0, out
    for path in tagged_library.iterdir():
        after = read_genres(path)
        if path.name.startswith("u_"):
            assert len(after) == 1 and after[0] in USER_GENRES, (path.name, after)
        else:
            assert after == before[path.name]
    assert _run(capsys, model, "undo")[0] == 0
    assert all(read_genres(p) == [] for p in untagged)

    code, out, _ = _run(capsys, model, "learn", "--forget")
    assert code == 0 and "forgot" in out and not model_file().exists()
    code, records, _ = _classify(capsys, model, untagged[0])
    assert records[0]["vocabulary"] == "builtin"
    code, out, _ = _run(capsys, model, "learn", "--forget")
    assert code == 0 and "no learned genres" in out


def test_learned_tracks_come_back_in_their_genre(capsys, tagged_library, embedding_models):
    """A track the owner tagged, copied untagged, is named as they named it."""
    model = embedding_models["base-a"]
    code, report, _ = _learn(capsys, model, str(tagged_library))
    assert code == 0
    copies = tagged_library.parent / "copies"
    copies.mkdir()
    expected = {}
    for stem in ("e0", "j0", "a0"):
        src = next(tagged_library.glob(f"{stem}.*"))
        dest = copies / src.name
        shutil.copy(src, dest)
        set_genre(dest, [])
        expected[dest.name] = {"e": "Electronic", "j": "Jazz", "a": "ambient"}[stem[0]]
    code, records, _ = _classify(capsys, model, copies)
    assert code == 0
    got = {os.path.basename(r["path"]): r["genre"] for r in records}
    assert got == expected, report["cv"]


def test_base_model_change_says_learn_again(capsys, tagged_library, embedding_models):
    assert _learn(capsys, embedding_models["base-a"], str(tagged_library))[0] == 0
    other = embedding_models["base-b"]
    target = next(tagged_library.glob("u_*"))
    code, records, err = _classify(capsys, other, target)
    assert code == 0 and records[0]["vocabulary"] == "builtin"
    assert "learned with base model 'base-a'" in err and "learn" in err
    code, _, err = _run(capsys, other, "classify", str(target), "--vocabulary", "personal")
    assert code == 2 and "base model 'base-a'" in err


def test_learn_error_cases(capsys, tmp_path, tagged_library, embedding_models, monkeypatch):
    model = embedding_models["base-a"]
    # no tagged tracks
    plain = tmp_path / "plain"
    plain.mkdir()
    for p in tagged_library.glob("u_*"):
        shutil.copy(p, plain / p.name)
    code, report, err = _learn(capsys, model, str(plain))
    assert code == 2 and report is None
    assert "none of the 3 indexed tracks carries a genre tag" in err

    # fewer than two genres with enough tracks
    one = tmp_path / "one"
    one.mkdir()
    for p in tagged_library.glob("j*"):
        shutil.copy(p, one / p.name)
    code, _, err = _learn(capsys, model, str(one))
    assert code == 2 and "need at least two genres with at least 5 tagged tracks" in err
    assert "Jazz (6)" in err

    # a folder that does not exist, one without music, one that cannot be read
    code, _, err = _learn(capsys, model, str(tmp_path / "nowhere"))
    assert code == 2 and "no such file or folder" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("no music here")
    code, _, err = _learn(capsys, model, str(empty))
    assert code == 2 and "no indexed music under" in err
    locked = tmp_path / "locked"
    locked.mkdir()
    make_unreadable(locked, monkeypatch)
    code, _, err = _learn(capsys, model, str(locked))
    assert code == 2 and "cannot read this folder" in err

    # usage
    assert _run(capsys, model, "learn")[0] == 2
    code, _, err = _run(capsys, model, "learn", str(tagged_library), "--min-tracks", "1")
    assert code == 2 and "--min-tracks must be at least 2" in err
    assert _run(capsys, model, "learn", str(tagged_library), "--forget")[0] == 2
    code, _, err = _run(capsys, model, "classify", str(plain), "--vocabulary", "personal")
    assert code == 2 and "no learned genres yet" in err
    assert not model_file().exists()  # nothing was learned by any of these


def test_unreadable_file_costs_one_error_line(capsys, tagged_library, embedding_models):
    (tagged_library / "broken.mp3").write_bytes(b"ID3\x04\x00\x00\x00\x00\x00\x10" + b"\xff" * 40)
    code, report, err = _learn(capsys, embedding_models["base-a"], str(tagged_library))
    assert code == 1  # learned, but one file could not be read
    assert report is not None and {g["genre"] for g in report["genres"]} == USER_GENRES
    lines = [line for line in err.splitlines() if "broken.mp3" in line]
    assert lines and all(": error: " in line for line in lines)


def test_similar_tracks(capsys, tagged_library, embedding_models, tmp_path):
    model = embedding_models["base-a"]
    assert _run(capsys, model, "scan", str(tagged_library), "--workers", "1")[0] == 0
    query = next(tagged_library.glob("e0.*"))
    code, out, _ = _run(capsys, model, "similar", str(query), "--top", "5", "--json")
    assert code == 0
    found = [json.loads(line) for line in out.splitlines()]
    assert len(found) == 5 and all(set(r) == {"path", "score"} for r in found)
    assert str(query) not in {r["path"] for r in found}
    scores = [r["score"] for r in found]
    assert scores == sorted(scores, reverse=True) and all(-1 <= s <= 1.0001 for s in scores)
    code, out, _ = _run(capsys, model, "similar", str(query), "--top", "100")
    assert code == 0 and len(out.splitlines()) == len(LIBRARY) - 1

    outside = tmp_path / "outside.flac"  # not in the index: analysed once for the query
    shutil.copy(next(tagged_library.glob("j0.*")), outside)
    code, out, _ = _run(capsys, model, "similar", str(outside), "--top", "1", "--json")
    assert code == 0
    assert os.path.basename(json.loads(out)["path"]).startswith("j0.")  # the same audio
    assert json.loads(out)["score"] > 0.99  # same embedding, same answers

    bad = tmp_path / "bad.mp3"
    bad.write_bytes(b"\x00" * 100)
    code, _, err = _run(capsys, model, "similar", str(bad))
    assert code == 1 and "bad.mp3: error:" in err
    # A missing file fails as it does for classify and tag: exit 1, one line naming it.
    missing = tmp_path / "missing.mp3"
    code, out, err = _run(capsys, model, "similar", str(missing))
    assert code == 1 and out == ""
    assert err.splitlines() == [f"{missing}: error: file not found"]
    assert _run(capsys, model, "classify", str(missing))[0] == 1  # the same status
    assert _run(capsys, model, "similar", str(query), "--top", "0")[0] == 2


def test_similar_without_an_index_is_a_usage_error(capsys, tagged_library, embedding_models):
    code, _, err = _run(capsys, embedding_models["base-a"], "similar", str(tagged_library))
    assert code == 2 and "not a file" in err  # a folder: a usage error
    query = next(tagged_library.glob("e0.*"))
    code, _, err = _run(capsys, embedding_models["base-a"], "similar", str(query))
    assert code == 2 and "scan" in err


@pytest.mark.parametrize("stem", ["e1", "a2"])
def test_tag_reader_sees_what_learn_counts(tagged_library, stem):
    """The spellings the report counts are what the app's tag readers return."""
    path = next(tagged_library.glob(f"{stem}.*"))
    assert read_genres(path) == [LIBRARY[stem][2]]


def test_scan_album_verdicts_in_the_users_genres(capsys, tagged_library, embedding_models):
    model = embedding_models["base-a"]
    assert _learn(capsys, model, str(tagged_library))[0] == 0
    argv = ["scan", str(tagged_library), "--album-consistent", "--json"]
    code, out, _ = _run(capsys, model, *argv)
    record = json.loads(out)
    assert code == 0 and record["vocabulary"] == "personal"
    assert record["albums"] and all(a["genre"] in USER_GENRES for a in record["albums"])
    code, out, _ = _run(capsys, model, *argv, "--vocabulary", "builtin")
    record = json.loads(out)
    assert record["vocabulary"] == "builtin"
    assert not {a["genre"] for a in record["albums"]} & USER_GENRES
