#!/usr/bin/python3
"""Reads the weights of Silero VAD's 16 kHz ONNX graph into SentiLens's small weights file.

Usage: convert-silero-vad.py SILERO_VAD_16K.onnx OUT.weights

OpenCV 4.6 cannot run the graph (an LSTM inside If branches, a reflect Pad fed by computed
shapes), so SentiLens runs the same network in LibTorch (core/audio/silero_vad.*) and needs only
the numbers. Before writing, the script checks that the graph is the one that network was written
for (the tensors' names and shapes, the STFT padding, hop and the convolutions' strides), so that
another Silero release fails here, naming the file and what differs, instead of giving wrong
probabilities later.

File layout (all little-endian): the 8 bytes "SLVADW01", a uint32 count of tensors, then per
tensor a uint32 name length, the name (UTF-8), a uint32 rank, rank uint32 sizes and the float32
values in row-major order.
"""
import struct
import sys

import numpy as np
import onnx
from onnx import numpy_helper

# Name -> shape of every tensor the LibTorch network reads (core/audio/silero_vad.cpp).
EXPECTED = {
    "model.stft.forward_basis_buffer": (258, 1, 256),
    "model.encoder.0.reparam_conv.weight": (128, 129, 3),
    "model.encoder.0.reparam_conv.bias": (128,),
    "model.encoder.1.reparam_conv.weight": (64, 128, 3),
    "model.encoder.1.reparam_conv.bias": (64,),
    "model.encoder.2.reparam_conv.weight": (64, 64, 3),
    "model.encoder.2.reparam_conv.bias": (64,),
    "model.encoder.3.reparam_conv.weight": (128, 64, 3),
    "model.encoder.3.reparam_conv.bias": (128,),
    "model.decoder.rnn.weight_ih": (512, 128),
    "model.decoder.rnn.weight_hh": (512, 128),
    "model.decoder.rnn.bias_ih": (512,),
    "model.decoder.rnn.bias_hh": (512,),
    "model.decoder.decoder.2.weight": (1, 128, 1),
    "model.decoder.decoder.2.bias": (1,),
}
# Strides of the convolutions in graph order: the STFT (hop 128), then the four encoder layers.
EXPECTED_STRIDES = [[128], [1], [2], [2], [1], [1]]
MAGIC = b"SLVADW01"


def fail(path, problem):
    sys.exit(f"convert-silero-vad: {path}: {problem}")


def check_graph(path, graph):
    constants = {}
    for node in graph.node:
        if node.op_type == "Constant":
            constants[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
    # The STFT pads the 576 input samples on the right by 64, by reflection.
    padding = constants.get("onnx::Shape_19")
    if padding is None or padding.tolist() != [0, 64]:
        fail(path, f"the STFT padding is {padding!r}, expected [0, 64] (not the Silero VAD 5 16 kHz graph?)")
    pads = [n for n in graph.node if n.op_type == "Pad"]
    modes = [a.s for n in pads for a in n.attribute if a.name == "mode"]
    if modes != [b"reflect"]:
        fail(path, f"expected one reflect Pad, found modes {modes!r}")
    strides = [list(onnx.helper.get_attribute_value(a)) for n in graph.node if n.op_type == "Conv"
               for a in n.attribute if a.name == "strides"]
    # The 1x1 output convolution sits in the main graph after the LSTM.
    if strides[:6] != EXPECTED_STRIDES:
        fail(path, f"convolution strides {strides[:6]}, expected {EXPECTED_STRIDES}")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert-silero-vad.py SILERO_VAD_16K.onnx OUT.weights")
    source, target = sys.argv[1], sys.argv[2]
    try:
        model = onnx.load(source)
    except Exception as error:  # onnx raises several types for unreadable files
        fail(source, f"not a readable ONNX file ({error})")
    check_graph(source, model.graph)
    tensors = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    for name, shape in EXPECTED.items():
        if name not in tensors:
            fail(source, f"tensor {name} is missing")
        if tuple(tensors[name].shape) != shape:
            fail(source, f"tensor {name} has shape {tensors[name].shape}, expected {shape}")
    with open(target, "wb") as out:
        out.write(MAGIC)
        out.write(struct.pack("<I", len(EXPECTED)))
        for name, shape in EXPECTED.items():
            encoded = name.encode("utf-8")
            out.write(struct.pack("<I", len(encoded)) + encoded)
            out.write(struct.pack("<I", len(shape)) + struct.pack(f"<{len(shape)}I", *shape))
            out.write(np.ascontiguousarray(tensors[name], dtype="<f4").tobytes())


if __name__ == "__main__":
    main()
