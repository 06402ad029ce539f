"""Record what the ORIGINAL musicnn graph (TensorFlow, the checkpoint in the wheel) outputs for a
few real log-mel patches, so that tests can prove without TensorFlow that our PyTorch port and
the shipped ONNX compute the same network.

One-time, on the training side, in an environment with `tensorflow-cpu` and `tf-keras`
(the `convert` extra):

    python -m training.musicnn_reference --wheel musicnn-0.1.0-py3-none-any.whl \
        --patches runs/musicnn_patches.npz --out tests/training/data/musicnn_reference.npz

`--patches` holds an array `patches` (n, 187, 96) made by the app's front end
(`python -m training musicnn-patches` writes it). The output adds `penultimate` (n, 200) and
`tag_logits` (n, 50) as TensorFlow computes them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np


def tensorflow_outputs(wheel: Path, patches: np.ndarray) -> dict[str, np.ndarray]:
    """Run musicnn's own `models.define_model` graph with the wheel's MSD_musicnn checkpoint."""
    os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")  # tf.compat.v1.layers need Keras 2
    import tensorflow as tf

    tf.compat.v1.disable_eager_execution()
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(tmp)
        sys.path.insert(0, tmp)
        try:
            from musicnn import models  # the wheel's own network definition

            tf.compat.v1.reset_default_graph()
            with tf.name_scope("model"):
                x = tf.compat.v1.placeholder(tf.float32, [None, 187, 96])
                training = tf.compat.v1.placeholder(tf.bool)
                logits, *_, penultimate = models.define_model(x, training, "MSD_musicnn", 50)
            with tf.compat.v1.Session() as sess:
                tf.compat.v1.train.Saver().restore(sess, f"{tmp}/musicnn/MSD_musicnn/")
                pen, log = sess.run(
                    [penultimate, logits], feed_dict={x: patches, training: False}
                )
        finally:
            sys.path.remove(tmp)
    return {"penultimate": pen.astype(np.float32), "tag_logits": log.astype(np.float32)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, required=True)
    parser.add_argument("--patches", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    patches = np.load(args.patches)["patches"].astype(np.float32)
    outputs = tensorflow_outputs(args.wheel, patches)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, patches=patches, **outputs)
    print(f"wrote {args.out}: {len(patches)} patches")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
