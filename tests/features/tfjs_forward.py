#!/usr/bin/python3
"""Oracle for the converted face networks: runs a TF.js graph model (model.json + .bin) forward
in numpy, with TensorFlow's own semantics (NHWC tensors, HWIO kernels, SAME padding as
TensorFlow defines it), straight from the TF.js files and without the ONNX converter
(packaging/convert-face-models.py), so that a mistake in the conversion shows as a difference
between this and OpenCV's dnn running the ONNX file.

    tfjs_forward.py MODEL.json INPUT.f32 OUTPUT_PREFIX

INPUT.f32: raw little-endian float32 in NHWC order, batch 1, of the size the model's input names.
Writes OUTPUT_PREFIX<name>.f32 for every Identity output (name: Identity, Identity_1, ...).
"""
import base64
import json
import os
import sys

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def load(model_path):
    with open(model_path) as f:
        model = json.load(f)
    values = {}
    for group in model["weightsManifest"]:
        data = b"".join(open(os.path.join(os.path.dirname(model_path), p), "rb").read() for p in group["paths"])
        at = 0
        for w in group["weights"]:
            dtype = np.dtype((w.get("quantization") or {}).get("dtype", w["dtype"]))
            n = int(np.prod(w["shape"]))
            values[w["name"]] = np.frombuffer(data, dtype, n, at).reshape(w["shape"]).astype(
                np.float64 if w["dtype"] == "float32" else np.int64)
            at += n * dtype.itemsize
    return {n["name"]: n for n in model["modelTopology"]["node"]}, values


def ints(node, key):
    return [int(i) for i in node["attr"][key]["list"]["i"]]


def padding_of(node):
    return base64.b64decode(node["attr"]["padding"]["s"]).decode()


def pad_same(x, kernel, stride, fill):
    """Pads height and width as TensorFlow's SAME does: output = ceil(input / stride)."""
    widths = [(0, 0)]
    for size, k, s in zip(x.shape[1:3], kernel, stride):
        need = max((-(-size // s) - 1) * s + k - size, 0)
        widths.append((need // 2, need - need // 2))
    return np.pad(x, widths + [(0, 0)], constant_values=fill)


def windows(x, node, kernel, fill=0.0):
    """(1, OH, OW, C, KH, KW) views of the input under the node's padding and strides."""
    stride = ints(node, "strides")[1:3]
    if padding_of(node) == "SAME":
        x = pad_same(x, kernel, stride, fill)
    view = sliding_window_view(x, kernel, axis=(1, 2))
    return view[:, ::stride[0], ::stride[1]]


def run(nodes, consts, x):
    t = {}
    order = []

    def visit(name):
        if name in t or name in order:
            return
        for i in nodes[name].get("input", []):
            visit(i.split(":")[0])
        order.append(name)

    for name in nodes:
        visit(name)
    for name in order:
        node = nodes[name]
        op = node["op"]
        args = [i.split(":")[0] for i in node.get("input", [])]
        a = [t.get(i) for i in args]
        if op == "Const":
            t[name] = consts[name]
        elif op == "Placeholder":
            t[name] = x
        elif op in ("_FusedConv2D", "DepthwiseConv2dNative"):
            k = a[1]
            w = windows(a[0], node, k.shape[:2])
            if op == "DepthwiseConv2dNative":  # k: (KH, KW, C, 1)
                y = np.einsum("nhwcij,ijc->nhwc", w, k[:, :, :, 0])
            else:
                y = np.einsum("nhwcij,ijco->nhwo", w, k)
            fused = [base64.b64decode(s).decode() for s in node["attr"].get("fused_ops", {}).get("list", {}).get("s", [])]
            extras = iter(a[2:])  # BiasAdd and Prelu take one argument each, Relu none
            for f in fused:
                if f == "BiasAdd":
                    y = y + next(extras)
                elif f == "Relu":
                    y = np.maximum(y, 0)
                elif f == "Prelu":
                    y = np.where(y > 0, y, y * next(extras).reshape(-1))
                else:
                    sys.exit(f"tfjs_forward.py: fused operation {f} of {name} is not known")
            t[name] = y
        elif op == "MaxPool":
            k = ints(node, "ksize")[1:3]
            t[name] = windows(a[0], node, k, -np.inf).max(axis=(4, 5))
        elif op == "AddV2":
            t[name] = a[0] + a[1]
        elif op == "Relu":
            t[name] = np.maximum(a[0], 0)
        elif op == "Prelu":
            t[name] = np.where(a[0] > 0, a[0], a[0] * a[1].reshape(-1))
        elif op == "Sigmoid":
            t[name] = 1 / (1 + np.exp(-a[0]))
        elif op == "Pad":
            t[name] = np.pad(a[0], a[1].tolist())
        elif op == "Mean":
            t[name] = a[0].mean(axis=tuple(np.ravel(a[1]).tolist()))
        elif op == "Softmax":
            e = np.exp(a[0] - a[0].max(axis=-1, keepdims=True))
            t[name] = e / e.sum(axis=-1, keepdims=True)
        elif op == "Reshape":
            t[name] = a[0].reshape(np.ravel(a[1]).tolist())
        elif op == "Identity":
            t[name] = a[0]
        else:
            sys.exit(f"tfjs_forward.py: operation {op} of {name} is not known")
    return {n: t[n] for n in nodes if nodes[n]["op"] == "Identity"}


def main():
    model_path, input_path, prefix = sys.argv[1:4]
    nodes, consts = load(model_path)
    placeholder = next(n for n in nodes.values() if n["op"] == "Placeholder")
    dims = [int(d["size"]) for d in placeholder["attr"]["shape"]["shape"]["dim"]]
    x = np.fromfile(input_path, "<f4").astype(np.float64).reshape([1] + dims[1:])
    for name, y in run(nodes, consts, x).items():
        np.asarray(y, "<f4").tofile(prefix + name + ".f32")


if __name__ == "__main__":
    main()
