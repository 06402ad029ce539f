"""Export a trained model to ONNX with its model card, and refuse a file that disagrees with
PyTorch: the app runs only what was checked here."""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from pathlib import Path

import numpy as np
import torch
from torch import nn

from mgc_desktop.model.card import EMBEDDING_NAME, INPUT_NAME, OUTPUT_NAME, ModelCard
from training.track_model import TrackModel, window_features

OPSET = 17
MAX_PROB_DIFF = 1e-4


class ExportError(RuntimeError):
    """The exported graph does not reproduce PyTorch's outputs."""


def _random_inputs(card: ModelCard, windows: int, seed: int) -> np.ndarray:
    """Random log-mel windows in the range real ones have (log10(1 + 10000 mel): 0-5)."""
    rng = np.random.default_rng(seed)
    fe = card.frontend
    x = rng.gamma(2.0, 0.6, size=(windows, fe.n_mels, fe.window_frames))
    return x.astype(np.float32)


def _torch_export(module: nn.Module, args: tuple, path: Path, inputs: list[str],
                  outputs: list[str], dynamic: dict) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, args, str(path), input_names=inputs, output_names=outputs,
                          dynamic_axes=dynamic, opset_version=OPSET, dynamo=False)


def export_onnx(
    model: nn.Module, card: ModelCard, out_path: str | Path, check_batches: int = 3
) -> dict:
    """Write `out_path` (opset 17, any number of windows, card in metadata_props) and check it.

    `model` maps one track's (n, n_mels, frames) windows to (probabilities (1, classes),
    embedding (1, dim)). A `TrackModel` is written as a loop over windows (`_loop_graph`); any
    other module as one plain graph. Returns the check figures; raises ExportError (and leaves
    no file) when onnxruntime differs from PyTorch by more than 1e-4.
    """
    import onnx

    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    model = model.eval().cpu()
    with tempfile.TemporaryDirectory() as work:
        if isinstance(model, TrackModel):
            proto = _loop_graph(model, card, Path(work))
        else:
            plain = Path(work) / "plain.onnx"
            dummy = torch.from_numpy(_random_inputs(card, 2, 0))
            _torch_export(model, (dummy,), plain, [INPUT_NAME], [OUTPUT_NAME, EMBEDDING_NAME],
                          {INPUT_NAME: {0: "windows"}})
            proto = onnx.load(str(plain))
    return _finish(proto, model, card, out_path, check_batches)


def _loop_graph(model: nn.Module, card: ModelCard, work: Path):
    """One graph that runs musicnn on one window at a time (an ONNX Loop) and the head on the
    sequence: the big convolutions then need one window's memory, not n windows' (8 windows at
    once peaked at 470 MB per process)."""
    import onnx
    from onnx import TensorProto, helper

    fe = card.frontend
    window_onnx, head_onnx = work / "window.onnx", work / "head.onnx"
    one = torch.from_numpy(_random_inputs(card, 1, 0))
    _torch_export(_WindowFeatures(model).eval(), (one,), window_onnx, ["window"], ["features"],
                  {})
    with torch.no_grad():
        seq = torch.cat([window_features(model.musicnn, one)] * 2)
    _torch_export(_Head(model).eval(), (seq,), head_onnx, ["sequence"],
                  [OUTPUT_NAME, EMBEDDING_NAME], {"sequence": {0: "windows"}})
    win, head = onnx.load(str(window_onnx)).graph, onnx.load(str(head_onnx)).graph

    def prefixed(graph, prefix: str, keep: set[str]):
        """Rename every value and initializer of `graph` except `keep` (no clashes)."""
        rename = lambda n: n if (n in keep or not n) else prefix + n  # noqa: E731
        for node in graph.node:
            node.input[:] = [rename(n) for n in node.input]
            node.output[:] = [rename(n) for n in node.output]
            node.name = prefix + node.name
        for init in graph.initializer:
            init.name = rename(init.name)
        return graph

    prefixed(head, "head", {"sequence", OUTPUT_NAME, EMBEDDING_NAME})
    body_nodes = [
        helper.make_node("Constant", [], ["axis0"], value=helper.make_tensor(
            "axis0", TensorProto.INT64, [1], [0])),
        helper.make_node("Unsqueeze", ["i", "axis0"], ["start"]),
        helper.make_node("Constant", [], ["one"], value=helper.make_tensor(
            "one", TensorProto.INT64, [1], [1])),
        helper.make_node("Add", ["start", "one"], ["stop"]),
        helper.make_node("Slice", [INPUT_NAME, "start", "stop", "axis0"], ["window"]),
        *win.node,
        helper.make_node("Identity", ["cond"], ["cond_out"]),
    ]
    n_features = int(model.mean.shape[0])
    body = helper.make_graph(
        body_nodes,
        "one_window",
        [helper.make_tensor_value_info("i", TensorProto.INT64, []),
         helper.make_tensor_value_info("cond", TensorProto.BOOL, [])],
        [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
         helper.make_tensor_value_info("features", TensorProto.FLOAT, [1, n_features])],
    )  # fmt: skip
    main_nodes = [
        helper.make_node("Shape", [INPUT_NAME], ["shape"]),
        helper.make_node("Constant", [], ["zero"], value=helper.make_tensor(
            "zero", TensorProto.INT64, [], [0])),
        helper.make_node("Gather", ["shape", "zero"], ["n"], axis=0),
        helper.make_node("Constant", [], ["true"], value=helper.make_tensor(
            "true", TensorProto.BOOL, [], [True])),
        helper.make_node("Loop", ["n", "true"], ["stacked"], body=body),
        helper.make_node("Constant", [], ["axis1"], value=helper.make_tensor(
            "axis1", TensorProto.INT64, [1], [1])),
        helper.make_node("Squeeze", ["stacked", "axis1"], ["sequence"]),
        *head.node,
    ]
    graph = helper.make_graph(
        main_nodes,
        "mgc_genre_model",
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT,
                                       ["windows", fe.n_mels, fe.window_frames])],
        list(head.output),
        initializer=[*win.initializer, *head.initializer],
    )  # fmt: skip
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                             ir_version=8)


class _WindowFeatures(nn.Module):
    """(1, n_mels, frames) -> one window's raw musicnn features (1, F)."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.musicnn = model.musicnn  # same module path: musicnn's node names stay the same

    def forward(self, window: torch.Tensor) -> torch.Tensor:
        return window_features(self.musicnn, window)


class _Head(nn.Module):
    """(n, F) raw features of one track's windows -> (probabilities, embedding)."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, sequence: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.model.head(sequence)


def musicnn_subgraph(model_path: str | Path, outputs: list[str]):
    """A stand-alone model computing `outputs` of the musicnn network inside a shipped model's
    window loop, from input "window" (1, n_mels, frames): how tests compare it with TensorFlow."""
    import onnx
    from onnx import helper

    proto = onnx.load(str(model_path))
    loop = next(n for n in proto.graph.node if n.op_type == "Loop")
    body = next(a.g for a in loop.attribute if a.name == "body")
    nodes = list(body.node)
    start = next(i for i, n in enumerate(nodes) if n.output[0] == "window") + 1
    musicnn_nodes = nodes[start:-1]
    used = {name for n in musicnn_nodes for name in n.input}
    inits = [i for i in proto.graph.initializer if i.name in used]
    window = helper.make_tensor_value_info("window", onnx.TensorProto.FLOAT, [1, None, None])
    outs = [helper.make_tensor_value_info(o, onnx.TensorProto.FLOAT, None) for o in outputs]
    graph = helper.make_graph(musicnn_nodes, "musicnn", [window], outs, initializer=inits)
    return helper.make_model(graph, opset_imports=list(proto.opset_import),
                             ir_version=proto.ir_version)


def _finish(proto, model: nn.Module, card: ModelCard, out_path: Path, check_batches: int) -> dict:
    """Card into the metadata, structural check, onnxruntime vs PyTorch, atomic write."""
    import onnx
    import onnxruntime as ort

    del proto.metadata_props[:]
    for key, value in card.to_metadata().items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.producer_name = "mgc-desktop training"
    onnx.checker.check_model(proto)
    fd, tmp_name = tempfile.mkstemp(suffix=".onnx", dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        onnx.save(proto, str(tmp))
        options = ort.SessionOptions()
        options.log_severity_level = 3
        session = ort.InferenceSession(str(tmp), options, providers=["CPUExecutionProvider"])
        worst = 0.0
        for i, windows in enumerate([1, 8, 3][:check_batches]):
            x = _random_inputs(card, windows, 100 + i)
            with torch.no_grad():
                refs = [r.numpy() for r in model(torch.from_numpy(x))]
            got = session.run([OUTPUT_NAME, EMBEDDING_NAME], {INPUT_NAME: x})
            worst = max([worst] + [float(np.abs(r - g).max()) for r, g in zip(refs, got)])
        if worst > MAX_PROB_DIFF:
            raise ExportError(
                f"onnxruntime differs from PyTorch by {worst:.2e} (> {MAX_PROB_DIFF:g}); "
                "model not written"
            )
        shape = session.get_inputs()[0].shape
        fe = card.frontend
        if list(shape[1:]) != [fe.n_mels, fe.window_frames]:
            raise ExportError(f"exported input shape {shape} does not match the front end")
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a shipped model must be readable
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return {
        "onnx_max_prob_diff": worst,
        "opset": OPSET,
        "size_bytes": out_path.stat().st_size,
    }


def write_card_json(card: ModelCard, extra: dict, path: str | Path) -> None:
    """The human-readable card beside the ONNX file: its metadata plus run details."""
    meta = card.to_metadata()
    doc = {
        "model_id": card.model_id,
        "version": card.version,
        "classes": list(card.classes),
        "frontend": json.loads(meta["mgc.frontend"]),
        "inference": json.loads(meta["mgc.inference"]),
        "temperature": card.temperature,
        **extra,
    }
    Path(path).write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n")


def ort_latency_ms(model_path: str | Path, windows: int = 3, repeats: int = 10) -> float:
    """Median single-thread onnxruntime time for one track of `windows` windows (the app's
    first-pass cost, decode excluded)."""
    import time

    from mgc_desktop.model.classifier import load_session

    session, card = load_session(model_path, threads=1)
    x = _random_inputs(card, windows, 7)
    session.run(None, {INPUT_NAME: x})
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        session.run(None, {INPUT_NAME: x})
        times.append(time.perf_counter() - t)
    return float(np.median(times) * 1000)
