"""Intervals and the write threshold taken from cross-validation."""

from __future__ import annotations

import numpy as np
import pytest

from mgc_desktop.personal.honesty import NEVER, choose_threshold, proportion, wilson


def test_wilson_interval_matches_the_textbook_values():
    assert wilson(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    assert wilson(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson(10, 10) == pytest.approx((0.7225, 1.0), abs=1e-4)
    assert wilson(0, 0) == (0.0, 1.0)  # nothing measured: nothing known
    small, large = wilson(8, 10), wilson(800, 1000)
    assert small[1] - small[0] > 3 * (large[1] - large[0])  # fewer tracks, wider interval


def test_proportion_reports_value_size_and_interval():
    p = proportion(15, 16)
    assert p["value"] == 0.9375 and p["n"] == 16
    lo, hi = p["ci95"]
    assert lo < 0.9375 < hi and lo > 0.6


def test_threshold_is_the_lowest_confidence_that_reaches_the_target():
    # Tagged tracks: right above 0.8, wrong below; tracks of held-out genres reach 0.7.
    conf_in = np.array([0.95, 0.9, 0.85, 0.82, 0.75, 0.7, 0.65, 0.6])
    right = np.array([True, True, True, True, False, False, True, False])
    conf_out = np.array([0.72, 0.6, 0.55, 0.3])
    t = choose_threshold(conf_in, right, conf_out, unknown_share=0.5, target=0.9)
    assert t["value"] == 0.82 and t["precision"] == 1.0 and t["coverage"] == 0.5
    loose = choose_threshold(conf_in, right, conf_out, unknown_share=0.5, target=0.5)
    assert loose["value"] < t["value"]
    # All confidences that would be right are matched by as many held-out ones: unreachable.
    never = choose_threshold(
        np.array([0.9, 0.8]), np.array([True, True]), np.array([0.99, 0.95]), 0.5, target=0.9
    )
    assert never["value"] == NEVER and never["precision"] is None


def test_threshold_rises_with_the_share_of_unnamed_music():
    conf_in = np.linspace(0.55, 1.0, 10)
    right = np.ones(10, dtype=bool)
    conf_out = np.linspace(0.5, 0.8, 10)  # held-out genres reach 0.8
    alone = choose_threshold(conf_in, right, conf_out, unknown_share=0.0)
    assert alone["value"] == 0.5  # nothing unnamed: every right answer may be written
    mixed = choose_threshold(conf_in, right, conf_out, unknown_share=0.6)
    assert 0.8 < mixed["value"] < 0.86 and mixed["precision"] >= 0.9  # above every held-out one
