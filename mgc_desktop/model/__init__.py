"""Model inference: the ONNX genre model, its card, windowing and aggregation."""
