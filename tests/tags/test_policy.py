"""Acceptance 3 (pure part): policies, multi-genre top-k, thresholds and uncertainty."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from mgc_desktop.tags.names import display_name, load_mapping, resolve_name
from mgc_desktop.tags.policy import Policy, decide, interpret, predicted_names


@dataclass(frozen=True)
class Pred:
    genre: str
    confidence: float
    probabilities: dict = field(default_factory=dict)
    uncertain: bool = False
    path: str = "x.mp3"
    model_id: str = "test-model"
    windows: int = 3


PROBS = {"hiphop": 0.55, "reggae": 0.3, "pop": 0.1, "rock": 0.05}


def test_top_one_uses_display_name():
    assert predicted_names(Pred("hiphop", 0.55, PROBS))[0] == ["Hip-Hop"]


def test_top_k_keeps_only_confident_extras():
    names, _ = predicted_names(Pred("hiphop", 0.55, PROBS), top_k=3, min_confidence=0.25)
    assert names == ["Hip-Hop", "Reggae"]
    names, _ = predicted_names(Pred("hiphop", 0.55, PROBS), top_k=2, min_confidence=0.05)
    assert names == ["Hip-Hop", "Reggae"]


def test_below_threshold_and_uncertain_are_left_alone():
    names, why = predicted_names(Pred("hiphop", 0.55, PROBS), min_confidence=0.6)
    assert names == [] and "below threshold" in why
    names, why = predicted_names(Pred("hiphop", 0.9, PROBS, uncertain=True))
    assert names == [] and "uncertain" in why


def test_fill_only_empty():
    assert decide([], ["Rock"], Policy.FILL).new == ("Rock",)
    assert decide(["  "], ["Rock"], "fill").new == ("Rock",)
    d = decide(["Jazz"], ["Rock"], Policy.FILL)
    assert d.new is None and "already" in d.reason


def test_replace():
    assert decide(["Jazz"], ["Rock"], Policy.REPLACE).new == ("Rock",)
    assert decide(["Rock"], ["Rock"], Policy.REPLACE).new is None


def test_append_without_duplicates():
    assert decide(["Jazz"], ["Rock"], Policy.APPEND).new == ("Jazz", "Rock")
    assert decide(["jazz"], ["Jazz"], Policy.APPEND).new is None
    assert decide(["(17)"], ["Rock", "Pop"], Policy.APPEND).new == ("Rock", "Pop")


def test_interpret_id3_numbers_and_separators():
    assert interpret(["(17)", "Pop/Funk; Jazz", "9"]) == ["Rock", "Pop/Funk", "Jazz", "Metal"]


def test_unknown_policy_rejected():
    with pytest.raises(ValueError):
        decide([], ["Rock"], "merge")


def test_user_mapping(tmp_path):
    f = tmp_path / "names.json"
    f.write_text('{"hiphop": "Hip Hop", "Rock": "Rock & Roll"}', encoding="utf-8")
    mapping = load_mapping(str(f))
    assert display_name("hiphop", mapping) == "Hip Hop"
    assert resolve_name("rock", mapping) == "Rock & Roll"
    assert resolve_name("Shoegaze", mapping) == "Shoegaze"
    names, _ = predicted_names(Pred("hiphop", 0.9), mapping=mapping)
    assert names == ["Hip Hop"]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError):
        load_mapping(str(bad))
    assert load_mapping() == {}  # no file in the (test) data directory
