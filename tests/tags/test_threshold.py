"""`tag --min-confidence X` decides which tracks are certain: the threshold reaches the
classifier (its `uncertain_below`), so a track above X is tagged even where the model's own
threshold would call it uncertain; without the option, the model card's threshold decides."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from mgc_desktop.cli import main
from mgc_desktop.tags import read_genres


@dataclass(frozen=True)
class Pred:
    path: str
    genre: str
    confidence: float
    uncertain: bool
    probabilities: dict = field(default_factory=dict)
    model_id: str = "test-model"


def card_threshold() -> float:
    from mgc_desktop.model.classifier import load_session
    from mgc_desktop.paths import default_model_path

    return load_session(default_model_path())[1].inference.uncertain_below


@pytest.fixture
def classifier(monkeypatch):
    """The batch classifier, answering 0.39 "jazz" for every file and judging certainty the
    way the real one does: against `uncertain_below`, else its card's threshold."""
    batch = pytest.importorskip("mgc_desktop.model.batch")
    seen = []

    def classify_paths(paths, *, uncertain_below=None, **kwargs):
        seen.append(uncertain_below)
        bar = card_threshold() if uncertain_below is None else uncertain_below
        for p in paths:
            yield Pred(str(p), "jazz", 0.39, 0.39 < bar, {"jazz": 0.39, "blues": 0.2})

    monkeypatch.setattr(batch, "classify_paths", classify_paths)
    return seen


def test_min_confidence_below_the_models_threshold_tags_the_track(corpus, classifier, capsys):
    path = str(corpus["a.flac"])
    assert card_threshold() > 0.39  # the model alone calls 0.39 uncertain
    assert main(["tag", "--min-confidence", "0.3", path]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("a.flac: (none) -> Jazz")
    assert classifier == [0.3]
    assert read_genres(path) == ["Jazz"]


def test_by_default_the_models_own_threshold_decides(corpus, classifier, capsys):
    path = str(corpus["a.flac"])
    assert main(["tag", path]) == 0
    assert "(keep) uncertain (jazz 0.39)" in capsys.readouterr().out
    assert classifier == [card_threshold()]
    assert read_genres(path) == []


@pytest.mark.parametrize("value", ["-0.1", "1.01"])  # "2", "nan": tests/cli/test_option_checks.py
def test_min_confidence_out_of_range_is_a_usage_error(corpus, classifier, capsys, value):
    assert main(["tag", "--min-confidence", value, str(corpus["a.flac"])]) == 2
    assert "--min-confidence must be between 0 and 1" in capsys.readouterr().err
    assert classifier == []
