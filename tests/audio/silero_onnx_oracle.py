#!/usr/bin/python3
"""The independent oracle of SentiLens's LibTorch Silero VAD: runs the ONNX graph itself, node by
node, with a small numpy interpreter of the operators it uses (Debian's python3-onnx 1.12 has no
onnx.reference evaluator), and prints one speech probability per 512-sample window.

Usage: silero_onnx_oracle.py GRAPH.onnx AUDIO.f32 OUT.f32
AUDIO.f32: 16 kHz mono float32 samples; OUT.f32: float32 probabilities, one per window.

Streaming as the npm wrapper does it: each window is preceded by the last 64 samples of the one
before (zeros for the first), the state (2, 1, 128) is carried from window to window, and the last
partial window is completed with zeros. Nothing here shares code with core/audio: the operators
follow the ONNX specification (LSTM gates in i, o, f, c order, Conv as cross-correlation).
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def conv1d(x, w, b, stride, pads):
    x = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[1])))
    k = w.shape[2]
    steps = (x.shape[2] - k) // stride + 1
    cols = np.stack([x[:, :, t * stride:t * stride + k] for t in range(steps)], axis=2)  # N C T K
    y = np.einsum("nctk,ock->not", cols, w)
    return y + (b[None, :, None] if b is not None else 0)


def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


def lstm(x, w, r, b, h0, c0, hidden):
    # x (T, N, I); w (1, 4H, I); r (1, 4H, H); b (1, 8H); ONNX gate order i, o, f, c.
    h, c = h0[0], c0[0]
    outs = []
    for t in range(x.shape[0]):
        g = x[t] @ w[0].T + h @ r[0].T + b[0, :4 * hidden] + b[0, 4 * hidden:]
        i, o, f, cc = (g[:, k * hidden:(k + 1) * hidden] for k in range(4))
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(cc)
        h = sigmoid(o) * np.tanh(c)
        outs.append(h)
    return np.stack(outs)[:, None], h[None], c[None]


def run(graph, env):
    for node in graph.node:
        a = attrs(node)
        i = [env[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Constant":
            out = [numpy_helper.to_array(a["value"])]
        elif op == "Shape":
            out = [np.array(i[0].shape, dtype=np.int64)]
        elif op == "Size":
            out = [np.array(i[0].size, dtype=np.int64)]
        elif op == "Gather":
            out = [np.take(i[0], i[1], axis=a.get("axis", 0))]
        elif op in ("Mul", "Sub", "Add", "Pow", "Equal"):
            f = {"Mul": np.multiply, "Sub": np.subtract, "Add": np.add, "Pow": np.power, "Equal": np.equal}[op]
            r = f(i[0], i[1])
            out = [r if op == "Equal" else r.astype(i[0].dtype)]
        elif op == "Not":
            out = [np.logical_not(i[0])]
        elif op == "Cast":
            out = [i[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])]
        elif op == "ConstantOfShape":
            value = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
            out = [np.full(tuple(i[0]), value.reshape(-1)[0], dtype=value.dtype)]
        elif op == "Concat":
            out = [np.concatenate(i, axis=a["axis"])]
        elif op == "Reshape":
            out = [i[0].reshape(tuple(i[1]))]
        elif op == "Transpose":
            out = [np.transpose(i[0], a["perm"])]
        elif op == "Slice":
            starts, ends = i[1], i[2]
            axes = i[3] if len(i) > 3 and i[3] is not None else range(len(starts))
            steps = i[4] if len(i) > 4 and i[4] is not None else [1] * len(starts)
            index = [slice(None)] * i[0].ndim
            for s, e, ax, st in zip(starts, ends, axes, steps):
                index[int(ax)] = slice(int(s), int(max(min(e, 2**62), -2**62)), int(st))
            out = [i[0][tuple(index)]]
        elif op == "Pad":
            pads = i[1]
            half = len(pads) // 2
            widths = [(int(pads[k]), int(pads[k + half])) for k in range(half)]
            out = [np.pad(i[0], widths, mode="reflect" if a.get("mode") == b"reflect" else "constant")]
        elif op == "Unsqueeze":
            out = [np.expand_dims(i[0], tuple(int(v) for v in i[1]))]
        elif op == "Squeeze":
            out = [np.squeeze(i[0], axis=tuple(int(v) for v in i[1])) if len(i) > 1 else np.squeeze(i[0])]
        elif op == "Conv":
            out = [conv1d(i[0], i[1], i[2] if len(i) > 2 else None, a["strides"][0], a["pads"])]
        elif op == "Sqrt":
            out = [np.sqrt(i[0])]
        elif op == "Relu":
            out = [np.maximum(i[0], 0)]
        elif op == "Sigmoid":
            out = [sigmoid(i[0])]
        elif op == "Identity":
            out = [i[0]]
        elif op == "ReduceMean":
            out = [np.mean(i[0], axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))]
        elif op == "LSTM":
            out = list(lstm(i[0], i[1], i[2], i[3], i[5], i[6], a["hidden_size"]))
        elif op == "If":
            branch = a["then_branch"] if bool(np.asarray(i[0]).reshape(-1)[0]) else a["else_branch"]
            inner = dict(env)
            run(branch, inner)
            out = [inner[o.name] for o in branch.output]
        else:
            sys.exit(f"silero_onnx_oracle: operator {op} is not interpreted")
        for name, value in zip(node.output, out):
            env[name] = value


def main():
    graph_path, audio_path, out_path = sys.argv[1:4]
    graph = onnx.load(graph_path).graph
    weights = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    audio = np.fromfile(audio_path, dtype="<f4").astype(np.float32)
    window, context = 512, 64
    count = (len(audio) + window - 1) // window
    audio = np.concatenate([np.zeros(context, np.float32), audio, np.zeros(count * window - len(audio), np.float32)])
    state = np.zeros((2, 1, 128), np.float32)
    probs = []
    for k in range(count):
        env = dict(weights)
        env["input"] = audio[k * window:k * window + context + window][None]
        env["state"] = state
        env["sr"] = np.array(16000, dtype=np.int64)
        run(graph, env)
        probs.append(float(env["output"].reshape(-1)[0]))
        state = env["stateN"].astype(np.float32)
    np.asarray(probs, dtype="<f4").tofile(out_path)


if __name__ == "__main__":
    main()
