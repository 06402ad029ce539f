"""Make a trained genre model cheap to run without changing its answers (issue 24).

Two steps on the exported fp32 file, both inside the graph that runs musicnn on one window at a
time (the ONNX `Loop` of `export._loop_graph`):

1. Pool first (exact). Every branch of musicnn's front end is `max over frequency of
   BN(ReLU(conv))`. ReLU and a batch norm with a positive scale never change which value is
   largest, and one with a negative scale picks the smallest instead; so the graph takes the
   maximum of the convolution itself (with the weights of negative-scale channels negated: the
   maximum of -y is minus the minimum of y), then the sign, ReLU and batch norm on the pooled
   (channels, time) map, 59-96 times smaller than the map they ran on. Same numbers, to float
   rounding (`check_pool_first` compares).
2. int8 (static, calibrated). The two timbral convolutions (7x38 and 7x67 over the mel bands,
   80% of the network's work) become int8 convolutions (QDQ, per-channel weights, activation
   ranges from real music: train and valid clips only, never test clips), their outputs pooled
   in uint8. Everything else stays fp32: onnxruntime's int8 convolution is slower than its
   fp32 one for the temporal (k x 1) kernels, and the rest is a few percent of the time.

The quantizer works on one plain graph, not inside a `Loop` body: the window graph is taken out
as a stand-alone model, rewritten and quantized, then put back into the loop.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

WINDOW_INPUT = "window"
WINDOW_OUTPUT = "features"
# The nodes made int8: the two timbral convolutions (where the time goes) and the max-pooling
# of their outputs (pool_first's names), which then runs on uint8.
INT8_CONVS = ("/musicnn/timbral.0/Conv", "/musicnn/timbral.1/Conv")
INT8_NODES = (*INT8_CONVS, *(conv + "/MaxPool" for conv in INT8_CONVS))
# Calibration: windows of this many train/valid clips (every fourth by a hash of its path).
CALIBRATION_EVERY = 4


def _loop(proto):
    return next(n for n in proto.graph.node if n.op_type == "Loop")


def _body(loop):
    return next(a.g for a in loop.attribute if a.name == "body")


def window_model(proto):
    """The musicnn part of a shipped model (the Loop body after its window slice) as a stand-
    alone model: "window" (1, n_mels, frames) -> "features" (1, F)."""
    import onnx
    from onnx import TensorProto, helper

    body = _body(_loop(proto))
    nodes = list(body.node)
    start = next(i for i, n in enumerate(nodes) if n.output[0] == WINDOW_INPUT) + 1
    window_nodes = nodes[start:-1]  # the last node passes the loop condition on
    used = {name for n in window_nodes for name in n.input}
    inits = [i for i in proto.graph.initializer if i.name in used]
    shape = next(vi for vi in proto.graph.input).type.tensor_type.shape.dim
    n_mels, frames = int(shape[1].dim_value), int(shape[2].dim_value)
    out = next(o for o in body.output if o.name == WINDOW_OUTPUT)
    width = int(out.type.tensor_type.shape.dim[1].dim_value)
    graph = helper.make_graph(
        window_nodes,
        "window",
        [helper.make_tensor_value_info(WINDOW_INPUT, TensorProto.FLOAT, [1, n_mels, frames])],
        [helper.make_tensor_value_info(WINDOW_OUTPUT, TensorProto.FLOAT, [1, width])],
        initializer=inits,
    )
    model = helper.make_model(
        graph, opset_imports=list(proto.opset_import), ir_version=proto.ir_version
    )
    onnx.checker.check_model(model)
    return model


def pool_first(model):
    """Rewrite every Conv -> Relu -> BatchNormalization -> ReduceMax(last axis) chain as
    Conv(sign-flipped) -> MaxPool(last axis) -> Squeeze -> Mul(sign) -> Relu -> BatchNorm.
    Returns (model, number of chains rewritten)."""
    from onnx import helper, numpy_helper

    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    def only_consumer(name: str, op: str):
        users = consumers.get(name, [])
        return users[0] if len(users) == 1 and users[0].op_type == op else None

    rewritten, drop, replace = 0, set(), {}
    for conv in [n for n in graph.node if n.op_type == "Conv"]:
        relu = only_consumer(conv.output[0], "Relu")
        bn = relu and only_consumer(relu.output[0], "BatchNormalization")
        reduce = bn and only_consumer(bn.output[0], "ReduceMax")
        if reduce is None:
            continue
        attrs = {a.name: helper.get_attribute_value(a) for a in reduce.attribute}
        if list(attrs.get("axes", [])) != [3] or attrs.get("keepdims", 1) != 0:
            continue
        weight = numpy_helper.to_array(inits[conv.input[1]])
        bias = numpy_helper.to_array(inits[conv.input[2]])
        gamma = numpy_helper.to_array(inits[bn.input[1]])
        sign = np.where(gamma < 0, -1.0, 1.0).astype(np.float32)
        prefix = conv.name
        w_name, b_name, s_name = prefix + "/signed_W", prefix + "/signed_B", prefix + "/sign"
        axes_name = prefix + "/pool_axes"
        graph.initializer.extend([
            numpy_helper.from_array(weight * sign[:, None, None, None], w_name),
            numpy_helper.from_array(bias * sign, b_name),
            numpy_helper.from_array(sign[None, :, None], s_name),
            numpy_helper.from_array(np.array([3], dtype=np.int64), axes_name),
        ])  # fmt: skip
        freq = _conv_output_width(model, conv)
        y, pooled, squeezed = prefix + "/signed", prefix + "/pooled", prefix + "/pooled_sq"
        unsigned, relu_out = prefix + "/pooled_unsigned", prefix + "/pooled_relu"
        attributes = {a.name: helper.get_attribute_value(a) for a in conv.attribute}
        replace[id(conv)] = [
            helper.make_node("Conv", [conv.input[0], w_name, b_name], [y], name=conv.name,
                             **attributes),
            helper.make_node("MaxPool", [y], [pooled], name=prefix + "/MaxPool",
                             kernel_shape=[1, freq]),
            helper.make_node("Squeeze", [pooled, axes_name], [squeezed], name=prefix + "/Squeeze"),
            helper.make_node("Mul", [squeezed, s_name], [unsigned], name=prefix + "/Sign"),
            helper.make_node("Relu", [unsigned], [relu_out], name=relu.name),
            helper.make_node("BatchNormalization", [relu_out, *bn.input[1:]], [reduce.output[0]],
                             name=bn.name, epsilon=_attr(bn, "epsilon", 1e-5)),
        ]  # fmt: skip
        drop.update({id(relu), id(bn), id(reduce)})
        rewritten += 1
    nodes = []
    for node in graph.node:
        if id(node) in drop:
            continue
        nodes.extend(replace.get(id(node), [node]))
    del graph.node[:]
    graph.node.extend(nodes)
    used = {name for n in graph.node for name in n.input}
    kept = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    return model, rewritten


def _attr(node, name: str, default):
    from onnx import helper

    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return default


def _conv_output_width(model, conv) -> int:
    """The last-axis (mel band) size of a Conv's output: the model's input bands less the
    kernel's width plus one (musicnn pads time only, with explicit Pad nodes)."""
    n_mels = int(model.graph.input[0].type.tensor_type.shape.dim[1].dim_value)
    inits = {i.name: i for i in model.graph.initializer}
    kernel_width = int(inits[conv.input[1]].dims[3])
    pads = _attr(conv, "pads", [0, 0, 0, 0])
    if any(pads) or _attr(conv, "strides", [1, 1]) != [1, 1]:
        raise ValueError(f"{conv.name}: padded or strided convolution, not musicnn's")
    return n_mels - kernel_width + 1


def equalize(model, windows: np.ndarray, convs: Sequence[str] = INT8_CONVS):
    """Scale each output channel of `convs` (rewritten by `pool_first`) to the same range over
    `windows`, and undo the scale after the pooling, where the sign is applied (a positive
    factor commutes with the maximum). The int8 output of a convolution has one scale for all
    its channels: without this, channels whose values span 0.01 (most of them) against a
    tensor range of 14 would be quantized to one or two steps. Per-channel int8 weights absorb
    the factor exactly. Returns the model."""
    import onnx
    from onnx import numpy_helper

    outputs = [conv + "/signed" for conv in convs]
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    for name in outputs:
        probe.graph.output.append(
            onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None)
        )
    session = window_session(probe)
    peak: list[np.ndarray | None] = [None] * len(outputs)
    for w in windows:
        for k, y in enumerate(session.run(outputs, {WINDOW_INPUT: w[None]})):
            m = np.abs(y[0]).max(axis=(1, 2))
            peak[k] = m if peak[k] is None else np.maximum(peak[k], m)
    inits = {i.name: i for i in model.graph.initializer}
    for conv, top in zip(convs, peak):
        top = np.maximum(top, 1e-3 * top.max())  # a channel that never fires keeps a sane factor
        factor = (1.0 / top).astype(np.float32)
        for name, scale in (
            (conv + "/signed_W", factor.reshape(-1, 1, 1, 1)),
            (conv + "/signed_B", factor),
            (conv + "/sign", 1.0 / factor.reshape(1, -1, 1)),
        ):
            scaled = numpy_helper.to_array(inits[name]) * scale
            inits[name].CopyFrom(numpy_helper.from_array(scaled.astype(np.float32), name))
    return model


def calibration_clips(clips: Sequence, every: int = CALIBRATION_EVERY) -> list:
    """The train/valid clips whose windows set the int8 ranges: every `every`-th by a hash of
    its path (stable across machines). Test clips are never among them."""
    return [c for c in clips if c.split != "test" and _hash(c.rel) % every == 0]


def held_out_clips(clips: Sequence, every: int = CALIBRATION_EVERY) -> list:
    """The train/valid clips the quantizer never saw: what the accuracy guard compares on."""
    return [c for c in clips if c.split != "test" and _hash(c.rel) % every != 0]


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


def clip_windows(paths: Iterable[str | Path], card) -> np.ndarray:
    """Every audible planned window of each file, as the app computes them: (n, mels, frames)."""
    from mgc_desktop.model.windows import track_windows

    inf = card.inference
    out = []
    for path in paths:
        tw = track_windows(
            path, card.frontend, inf.max_windows, inf.min_duration_s, inf.silence_dbfs
        )
        out.append(tw.windows[tw.audible])
    return np.concatenate(out).astype(np.float32)


def quantize_window(model, windows: np.ndarray, nodes: Sequence[str] = INT8_NODES):
    """The window model with `nodes` made int8 (QDQ, per-channel int8 weights, uint8
    activations with min-max ranges over `windows`)."""
    import onnx
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.it = iter(windows[:, None])

        def get_next(self):
            x = next(self.it, None)
            return None if x is None else {WINDOW_INPUT: x}

    with tempfile.TemporaryDirectory() as work:
        src, dst = Path(work) / "fp32.onnx", Path(work) / "int8.onnx"
        onnx.save(model, str(src))
        quantize_static(
            str(src),
            str(dst),
            Reader(),
            quant_format=QuantFormat.QDQ,
            nodes_to_quantize=list(nodes),
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod.MinMax,
        )
        return onnx.load(str(dst))


def replace_window(proto, window):
    """The shipped model with its Loop body's musicnn nodes replaced by `window`'s (same input
    and output names), initializers in the outer graph as before."""
    import onnx

    loop = _loop(proto)
    body = _body(loop)
    nodes = list(body.node)
    start = next(i for i, n in enumerate(nodes) if n.output[0] == WINDOW_INPUT) + 1
    old = nodes[start:-1]
    old_inputs = {name for n in old for name in n.input}
    new_body = nodes[:start] + list(window.graph.node) + nodes[-1:]
    del body.node[:]
    body.node.extend(new_body)
    outer_used = {name for n in proto.graph.node for name in n.input if n is not loop}
    keep = [i for i in proto.graph.initializer if i.name not in old_inputs or i.name in outer_used]
    del proto.graph.initializer[:]
    proto.graph.initializer.extend(keep + list(window.graph.initializer))
    domains = {o.domain for o in proto.opset_import}
    for op in window.opset_import:
        if op.domain not in domains:
            proto.opset_import.append(op)
    onnx.checker.check_model(proto)
    return proto


def window_session(model, threads: int = 1):
    """An onnxruntime session of a stand-alone window model."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(
        model.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )


def window_outputs(model, windows: np.ndarray) -> np.ndarray:
    """(n, F) features of each window through a stand-alone window model."""
    session = window_session(model)
    return np.concatenate([session.run(None, {WINDOW_INPUT: w[None]})[0] for w in windows])


def fast_model_id(source_id: str, proto) -> str:
    """A new id for the fast model: the library index keeps predictions per model id, so an
    upgrade re-classifies (the int8 answers differ from the fp32 ones in the last digits)."""
    digest = hashlib.sha256(source_id.encode())
    for init in sorted(proto.graph.initializer, key=lambda i: i.name):
        digest.update(init.name.encode())
        digest.update(init.raw_data)
    return f"{source_id.rsplit('-', 1)[0]}-int8-{digest.hexdigest()[:8]}"


def predictions(model_path: str | Path, paths: Sequence[str], workers: int = 2) -> np.ndarray:
    """(n, classes) probabilities of files through the app's classifier pool (what the app
    answers, anytime rule included); NaN rows for files that failed."""
    from mgc_desktop.model.batch import ClassifierPool, FileFailure

    with ClassifierPool(model_path, workers) as pool:
        classes = pool.card.classes
        got = {r.path: r for r in pool.classify(paths)}
    out = np.full((len(paths), len(classes)), np.nan)
    for i, path in enumerate(paths):
        result = got.get(path)
        if result is not None and not isinstance(result, FileFailure) and result.probabilities:
            out[i] = [result.probabilities[c] for c in classes]
    return out


def guard_figures(reference: np.ndarray, fast: np.ndarray, labels: np.ndarray) -> dict:
    """The accuracy guard of issue 24: top-genre agreement of the fast model with the fp32
    one, and how much its expected calibration error grows."""
    from training.evaluate import ece

    ok = ~(np.isnan(reference).any(1) | np.isnan(fast).any(1))
    ref, got, y = reference[ok], fast[ok], labels[ok]
    return {
        "tracks": int(ok.sum()),
        "failed": int((~ok).sum()),
        "top_genre_agreement": float((ref.argmax(1) == got.argmax(1)).mean()),
        "ece_reference": ece(ref, y),
        "ece_fast": ece(got, y),
        "ece_growth": ece(got, y) - ece(ref, y),
        "max_probability_change": float(np.abs(ref - got).max()),
    }


def quantize_model(
    source: str | Path, out: str | Path, data_dir: str | Path, reference: str | Path, log=print
) -> dict:
    """The shipped fast model from an fp32 one: pool first, equalize, int8 timbral
    convolutions calibrated on train/valid clips; checked against the source on the held-out
    train/valid clips (`guard_figures`). Writes `out` (card updated: new id, `quantization`)
    and `reference` (the source's answers on those clips, for the CI guard) and returns what the
    card records; the caller re-measures the test figures."""
    import onnx

    from mgc_desktop.model.card import ModelCard
    from training.data import discover

    proto = onnx.load(str(source))
    card = ModelCard.from_metadata({p.key: p.value for p in proto.metadata_props})
    clips = discover(data_dir)
    calibration = calibration_clips(clips)
    windows = clip_windows([c.path for c in calibration], card)
    log(f"calibration: {len(windows)} windows of {len(calibration)} train/valid clips")
    window, rewritten = pool_first(window_model(proto))
    window = quantize_window(equalize(window, windows), windows)
    fast = replace_window(proto, window)
    identity = fast_model_id(card.model_id, fast)
    info = dict(card.info)
    held = held_out_clips(clips)
    paths = [c.path for c in held]
    labels = np.array([card.classes.index(c.genre) for c in held])
    out = Path(out)
    with tempfile.TemporaryDirectory() as work:
        trial = Path(work) / "fast.onnx"
        onnx.save(fast, str(trial))
        fp32 = predictions(source, paths)
        figures = guard_figures(fp32, predictions(trial, paths), labels)
    log(f"guard on {figures['tracks']} held-out train/valid clips: {figures}")
    info["quantization"] = {
        "source_model_id": card.model_id,
        "int8_nodes": list(INT8_CONVS),
        "pool_first_rewrites": rewritten,
        "method": "static QDQ, per-channel int8 weights, uint8 activations, min-max ranges, "
        "channel ranges equalized",
        "calibration": {"clips": len(calibration), "windows": int(len(windows)),
                        "splits": "train/valid (every 4th by path hash)"},
        "guard_held_out": figures,
    }  # fmt: skip
    info.pop("test_metrics", None)  # the source's: re-measured on this model by the caller
    fast_card = ModelCard(card.classes, card.frontend, card.inference, identity,
                          card.version, card.temperature, info)  # fmt: skip
    _write_with_card(fast, fast_card, out)
    Path(reference).parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        reference,
        files=np.array([c.rel for c in held]),
        collections=np.array([c.collection for c in held]),
        labels=labels,
        probabilities=fp32.astype(np.float32),
        model_id=np.array(card.model_id),
    )
    return info


def _write_with_card(proto, card, out: Path) -> None:
    import onnx

    del proto.metadata_props[:]
    for key, value in card.to_metadata().items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(proto)
    tmp = out.with_suffix(".tmp")
    onnx.save(proto, str(tmp))
    tmp.replace(out)


def rewrite_info(path: Path, info: dict):
    """Replace the card's `info` inside a model file (same weights); returns the new card."""
    import onnx

    from mgc_desktop.model.card import ModelCard

    proto = onnx.load(str(path))
    card = ModelCard.from_metadata({p.key: p.value for p in proto.metadata_props})
    card = ModelCard(card.classes, card.frontend, card.inference, card.model_id, card.version,
                     card.temperature, info)  # fmt: skip
    _write_with_card(proto, card, Path(path))
    return card
