"""Read a TensorFlow (V2 "bundle") checkpoint without TensorFlow.

The `.index` file is an SSTable (LevelDB's format) mapping each variable name to a serialized
BundleEntryProto (dtype, shape, offset and size in the data file); the `.data-*` file holds the raw
little-endian tensors. Only what musicnn's checkpoint uses is supported: one shard, uncompressed
blocks, numeric dtypes. Anything else raises ValueError rather than guessing.
"""

from __future__ import annotations

import struct

import numpy as np

_MAGIC = 0xDB4775248B80FB57
_FOOTER = 48
_DTYPES = {1: np.float32, 2: np.float64, 3: np.int32, 9: np.int64, 10: np.bool_}


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def _fields(buf: bytes):
    """(field number, wire type, value) of a protobuf message, value as int or bytes."""
    pos = 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 2:
            length, pos = _varint(buf, pos)
            value, pos = buf[pos : pos + length], pos + length
        elif wire == 5:
            value, pos = buf[pos : pos + 4], pos + 4
        elif wire == 1:
            value, pos = buf[pos : pos + 8], pos + 8
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield number, wire, value


def _block_entries(table: bytes, offset: int, size: int):
    """Key/value pairs of one SSTable block (prefix-compressed keys)."""
    if table[offset + size] != 0:
        raise ValueError("compressed checkpoint index blocks are not supported")
    block = table[offset : offset + size]
    (n_restarts,) = struct.unpack_from("<I", block, len(block) - 4)
    end = len(block) - 4 - 4 * n_restarts
    pos, key = 0, b""
    while pos < end:
        shared, pos = _varint(block, pos)
        unshared, pos = _varint(block, pos)
        vlen, pos = _varint(block, pos)
        key = key[:shared] + block[pos : pos + unshared]
        pos += unshared
        yield key, block[pos : pos + vlen]
        pos += vlen


def _handle(buf: bytes, pos: int = 0) -> tuple[int, int, int]:
    offset, pos = _varint(buf, pos)
    size, pos = _varint(buf, pos)
    return offset, size, pos


def read_bundle(index: bytes, data: bytes) -> dict[str, np.ndarray]:
    """Every tensor of a one-shard checkpoint: variable name -> numpy array."""
    footer = index[-_FOOTER:]
    if struct.unpack("<Q", footer[-8:])[0] != _MAGIC:
        raise ValueError("not a TensorFlow checkpoint index (bad table magic)")
    _, _, pos = _handle(footer)  # metaindex: unused
    idx_offset, idx_size, _ = _handle(footer, pos)
    tensors: dict[str, np.ndarray] = {}
    for _, handle in _block_entries(index, idx_offset, idx_size):
        offset, size, _ = _handle(handle)
        for key, value in _block_entries(index, offset, size):
            if not key:  # the bundle header
                continue
            dtype, shape, start, length = 0, [], 0, 0
            for number, _, field in _fields(value):
                if number == 1:
                    dtype = field
                elif number == 2:
                    shape = [
                        next(v for n, _, v in _fields(dim) if n == 1)
                        for n, _, dim in _fields(field)
                        if n == 2
                    ]
                elif number == 3 and field != 0:
                    raise ValueError("multi-shard checkpoints are not supported")
                elif number == 4:
                    start = field
                elif number == 5:
                    length = field
                elif number == 7:
                    raise ValueError("sliced checkpoint variables are not supported")
            if dtype not in _DTYPES:
                raise ValueError(f"{key.decode()}: unsupported dtype enum {dtype}")
            array = np.frombuffer(data[start : start + length], dtype=_DTYPES[dtype])
            tensors[key.decode()] = array.reshape(shape).copy()
    return tensors
