#!/usr/bin/python3
"""A feature pickle of CMU-MOSEI's aligned_50.pkl shape, for the scale benchmark (tests/bench/README.md).

    make_mosei_pickle.py OUT.pkl [SCALE]

16,326 / 1,871 / 4,659 clips (train / valid / test; SCALE < 1 shrinks them), 50 steps of text
768, audio 74 and vision 35 float32 dims, text_bert (ids, mask, segment ids), raw_text, ids
'video$_$clip' and regression_labels, written with pickle protocol 4 as MMSA's files are: about
4 GB at full size. Deterministic (seeded). Each clip's valid length is 10..50 steps, zeros after.
A planted signal makes the label learnable: M = 3 tanh(2 (mean of text dims 0-7 + mean of audio
dims 0-3 + mean of vision dims 0-3) / 3), the means taken over the clip's valid steps.
"""
import pickle
import sys

import numpy as np

SIZES = {"train": 16326, "valid": 1871, "test": 4659}
STEPS = 50
DIMS = {"text": 768, "audio": 74, "vision": 35}


def make_split(rng, name, n, first):
    lengths = rng.integers(10, STEPS + 1, size=n)
    valid = (np.arange(STEPS)[None, :] < lengths[:, None]).astype(np.float32)  # n x steps
    split = {"id": np.array([f"v{(first + i) // 8:05d}$_${(first + i) % 8}" for i in range(n)]),
             "raw_text": np.array([f"clip {first + i} of the benchmark" for i in range(n)])}
    signal = np.zeros(n, dtype=np.float64)
    for key, dims in DIMS.items():
        a = rng.standard_normal(size=(n, STEPS, dims), dtype=np.float32)
        a *= valid[:, :, None]
        signal += a[:, :, : min(8 if key == "text" else 4, dims)].sum(axis=(1, 2)) / lengths / (8 if key == "text" else 4) * np.sqrt(lengths)
        split[key] = a
    split["regression_labels"] = (3 * np.tanh(2 * signal / 3)).astype(np.float32)
    bert = np.zeros((n, 3, STEPS), dtype=np.float32)
    bert[:, 0, :] = rng.integers(1000, 30000, size=(n, STEPS)) * valid
    bert[:, 1, :] = valid
    split["text_bert"] = bert
    return split


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    scale = float(sys.argv[2]) if len(sys.argv) == 3 else 1.0
    rng = np.random.default_rng(2026)
    data, first = {}, 0
    for name, n in SIZES.items():
        n = max(1, int(n * scale))
        data[name] = make_split(rng, name, n, first)
        first += n
        print(f"{name}: {n} clips", file=sys.stderr)
    with open(sys.argv[1], "wb") as f:
        pickle.dump(data, f, protocol=4)
    features = sum(data[s][k].nbytes for s in data for k in DIMS)
    print(f"features: {features} bytes ({features / 2**30:.2f} GiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
