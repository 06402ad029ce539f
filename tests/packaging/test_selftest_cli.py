"""`mgc-desktop --self-test` end to end in a subprocess, headless, as a packaged app runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mgc_desktop.model.classifier import Prediction
from mgc_desktop.paths import default_model_path
from mgc_desktop.selftest import SelfTestFailure, check_prediction, sound_paths

CLASSES = ("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae",
           "rock")  # fmt: skip


def _self_test(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-m", "mgc_desktop", "--self-test", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _standin_model(path: Path) -> Path:
    """A tiny valid genre model (mean over windows and time, linear, softmax; the mean log-mel
    as unit-length embedding) with the app's model card."""
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    from mgc_desktop.audio.features import FrontEndParams
    from mgc_desktop.model.card import (
        EMBEDDING_NAME,
        INPUT_NAME,
        OUTPUT_NAME,
        InferenceParams,
        ModelCard,
    )

    fe = FrontEndParams()
    weights = np.random.default_rng(0).normal(0, 0.05, (fe.n_mels, len(CLASSES)))
    graph = helper.make_graph(
        [
            helper.make_node("ReduceMean", [INPUT_NAME, "time"], ["per_window"], keepdims=0),
            helper.make_node("ReduceMean", ["per_window", "windows"], ["pooled"], keepdims=1),
            helper.make_node("MatMul", ["pooled", "w"], ["logits"]),
            helper.make_node("Softmax", ["logits"], [OUTPUT_NAME], axis=-1),
            helper.make_node("LpNormalization", ["pooled"], [EMBEDDING_NAME], axis=1, p=2),
        ],
        "standin",
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT,
                                       ["windows", fe.n_mels, fe.window_frames])],
        [helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, [1, len(CLASSES)]),
         helper.make_tensor_value_info(EMBEDDING_NAME, TensorProto.FLOAT, [1, fe.n_mels])],
        [numpy_helper.from_array(np.array([2], dtype=np.int64), "time"),
         numpy_helper.from_array(np.array([0], dtype=np.int64), "windows"),
         numpy_helper.from_array(weights.astype(np.float32), "w")],
    )  # fmt: skip
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    model.ir_version = 8
    card = ModelCard(CLASSES, fe, InferenceParams(), "standin-test", "0.0.0")
    helper.set_model_props(model, card.to_metadata())
    onnx.save(model, path)
    return path


def test_bundled_sounds_exist_and_are_small() -> None:
    paths = sound_paths()
    assert [p.suffix for p in paths] == [".flac", ".ogg"]
    assert all(p.is_file() for p in paths)
    assert sum(p.stat().st_size for p in paths) < 200_000


@pytest.mark.skipif(not default_model_path().is_file(), reason="shipped model not trained yet")
def test_self_test_with_the_shipped_model(tmp_path: Path) -> None:
    result = _self_test(tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stderr


def test_self_test_with_a_standin_model(tmp_path: Path) -> None:
    model = _standin_model(tmp_path / "standin.onnx")
    result = _self_test("--model", str(model), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    for line in ("ok   selftest.flac", "ok   selftest.ogg", "ok   worker process", "ok   Qt"):
        assert line in result.stderr


def test_self_test_fails_with_one_line_reason(tmp_path: Path) -> None:
    result = _self_test("--model", str(tmp_path / "missing.onnx"), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "FAIL IncompatibleModel: model file not found" in result.stderr


def _prediction(**changes: object) -> Prediction:
    probs = dict.fromkeys(CLASSES, 0.05) | {"rock": 0.55}
    base = dict(
        path="x.flac",
        genre="rock",
        confidence=0.55,
        probabilities=probs,
        windows=2,
        model_id="m",
        uncertain=False,
        embedding=np.full(4, 0.5, dtype=np.float32),
    )
    return Prediction(**(base | changes))  # type: ignore[arg-type]


def test_check_prediction_accepts_a_good_one_and_catches_bad_sums() -> None:
    check_prediction(_prediction(), CLASSES)
    outside = dict.fromkeys(CLASSES, 0.01) | {"rock": 0.3}  # mostly "none of these": fine
    check_prediction(_prediction(probabilities=outside, confidence=0.3), CLASSES)
    bad_track = dict.fromkeys(CLASSES, 0.2)
    with pytest.raises(SelfTestFailure, match="sum to"):
        check_prediction(_prediction(probabilities=bad_track, confidence=0.2), CLASSES)
    with pytest.raises(SelfTestFailure, match="embedding"):
        check_prediction(_prediction(embedding=None), CLASSES)
    with pytest.raises(SelfTestFailure, match="unit length"):
        check_prediction(_prediction(embedding=np.ones(4, dtype=np.float32)), CLASSES)
    with pytest.raises(SelfTestFailure, match="silent"):
        check_prediction(_prediction(genre=None), CLASSES)
    json.dumps(_prediction().probabilities)  # plain floats: the CLI prints them as JSON
