"""When a track's note says it may be none of the genres: only when the model's "none of these"
share outweighs its best genre, as it does for a track the rejector sets apart."""

from __future__ import annotations

import pytest

from mgc_desktop.model.classifier import may_be_none


@pytest.mark.parametrize(
    ("probabilities", "expected"),
    [
        ([0.9, 0.05, 0.04], False),  # an ordinary confident answer
        ([0.35, 0.33, 0.31], False),  # unsure between genres, but surely one of them
        ([0.45, 0.03, 0.02], True),  # rejected (floor 0.5): "none" 0.50 outweighs 0.45
        ([0.5, 0.0, 0.0], True),  # a saturated answer, rejected: a tie
        ([0.5, 0.49, 0.0], False),
        ([0.2, 0.1, 0.05], True),
        ([], False),  # a silent track has no answer at all
    ],
)
def test_the_none_note_needs_none_to_outweigh_the_best_genre(probabilities, expected):
    assert may_be_none(probabilities) is expected
