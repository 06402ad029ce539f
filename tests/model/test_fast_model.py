"""Issue 24's accuracy guard: the shipped model is the fast (int8) one, and on the train/valid
clips its quantizer never calibrated on it answers like the fp32 model it was made from (the
fp32 answers recorded by `python -m training quantize` in data/fp32_reference.npz): the same
top genre on at least 99% of the clips, and an expected calibration error at most 0.01 worse.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from tests.conftest import SHIPPED_MODEL

REFERENCE = Path(__file__).parent / "data" / "fp32_reference.npz"


def _metadata(path: Path) -> dict[str, str]:
    import onnx

    return {p.key: p.value for p in onnx.load(str(path)).metadata_props}


def test_the_shipped_model_is_the_int8_one_made_from_the_reference() -> None:
    import onnx

    proto = onnx.load(str(SHIPPED_MODEL))
    loop = next(n for n in proto.graph.node if n.op_type == "Loop")
    body = next(a.g for a in loop.attribute if a.name == "body")
    ops = [n.op_type for n in body.node]
    assert ops.count("QuantizeLinear") >= 2 and "DequantizeLinear" in ops
    meta = _metadata(SHIPPED_MODEL)
    quantization = json.loads(meta["mgc.info"])["quantization"]
    source = str(np.load(REFERENCE)["model_id"])
    assert quantization["source_model_id"] == source
    # a new id: the library index re-classifies what the fp32 model answered
    assert meta["mgc.model_id"] != source and "int8" in meta["mgc.model_id"]


def test_the_fast_model_answers_like_the_fp32_one_on_held_out_clips(shared_data: Path) -> None:
    from training.data import discover
    from training.quantize import guard_figures, held_out_clips, predictions

    ref = np.load(REFERENCE)
    held = {(c.collection, c.rel): c for c in held_out_clips(discover(shared_data))}
    keys = list(zip(ref["collections"].tolist(), ref["files"].tolist()))
    # every clip the quantizer left out, none chosen after the fact
    assert sorted(held) == sorted(keys)
    paths = [held[key].path for key in keys]
    figures = guard_figures(ref["probabilities"], predictions(SHIPPED_MODEL, paths), ref["labels"])
    assert figures["failed"] == 0 and figures["tracks"] >= 200
    assert figures["top_genre_agreement"] >= 0.99, figures
    assert figures["ece_growth"] <= 0.01, figures
