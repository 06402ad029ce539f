"""A replace that would store exactly the genres a file already has is no write: ID3v2.3 holds
several genres as one "Jazz; Hip-Hop" text, and writing [Jazz, Hip-Hop] there again is left
alone (no new bytes, mtime or journal batch)."""

from __future__ import annotations

import os

from mgc_desktop.tags import apply_plan, list_batches, plan_manual, read_genres


def test_replace_with_the_genres_a_v23_tag_holds_is_unchanged(corpus):
    path = corpus["v23.mp3"]
    assert apply_plan(plan_manual([path], ["Jazz", "Hip-Hop"])).written == 1
    assert read_genres(path) == ["Jazz; Hip-Hop"]
    data, mtime = path.read_bytes(), os.stat(path).st_mtime_ns
    plan = plan_manual([path], ["Jazz", "Hip-Hop"])
    assert [(i.action, i.reason) for i in plan] == [("keep", "unchanged")]
    result = apply_plan(plan)
    assert (result.batch_id, result.written, result.skipped) == (None, 0, 1)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == (data, mtime)
    assert len(list_batches()) == 1


def test_replace_where_the_stored_form_differs_still_writes(corpus):
    path = corpus["multi_v24.mp3"]  # v2.4: two values, not one joined text
    assert read_genres(path) == ["Rock", "Jazz"]
    plan = plan_manual([path], ["Rock; Jazz"])
    assert [i.action for i in plan] == ["write"]
