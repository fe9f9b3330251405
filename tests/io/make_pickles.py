#!/usr/bin/python3
"""Feature pickles for test_pickle_import, made with Debian's python3 and numpy at test time.

    make_pickles.py OUTDIR            writes the fixtures and OUTDIR/manifest.json
    make_pickles.py --compare A B     checks that B (a SentiLens export) holds A's data
    make_pickles.py --load FILE       loads FILE with Python's own pickle (prints its splits)

The manifest is the oracle for the C++ reader: ids, labels, shapes, and per clip the valid
lengths and the sum of the valid steps, all computed here with numpy by MMSA's rules (audio -inf
is 0; aligned files take every length from text_bert's mask; unaligned ones list audio_lengths
and vision_lengths). Everything is seeded, so the files are the same on every run.
"""
import json
import os
import pickle
import subprocess
import sys

import numpy as np

SPLITS = ("train", "valid", "test")


def make_split(rng, n, steps, dims, aligned, sims, start, dtype=np.float32, id_dtype=None):
    """One split in MMSA's layout; `steps`/`dims` per modality (text, audio, vision)."""
    ids = [f"video{(start + i) // 3}$_${(start + i) % 3 + 1}" for i in range(n)]
    text_len = rng.integers(1, steps[0] + 1, size=n) if n else np.zeros(0, int)
    split = {
        "id": np.array(ids, dtype=id_dtype) if id_dtype else np.array(ids),
        "raw_text": np.array(["这是第%d句" % i if sims else f"sentence number {start + i}" for i in range(n)]),
        "annotations": np.array(["Positive" if i % 2 else "Negative" for i in range(n)]),
    }
    if sims:
        for key in ("regression_labels", "regression_labels_T", "regression_labels_A", "regression_labels_V"):
            split[key] = (rng.integers(-5, 6, size=n) / 5.0).astype(np.float64)
    else:
        split["regression_labels"] = np.round(rng.uniform(-3, 3, size=n), 4).astype(np.float32)
    split["classification_labels"] = np.sign(split["regression_labels"]) + 1
    bert = np.zeros((n, 3, steps[0]), dtype=np.float32)
    for i in range(n):
        bert[i, 0, : text_len[i]] = rng.integers(100, 30000, size=text_len[i])
        bert[i, 1, : text_len[i]] = 1
    split["text_bert"] = bert
    lengths = [text_len]
    if aligned:
        lengths += [text_len, text_len]
    else:
        lengths += [rng.integers(0 if n > 3 else 1, steps[m] + 1, size=n) for m in (1, 2)]
        if n > 3:
            lengths[1][3] = 0  # a clip whose audio is empty
        split["audio_lengths"] = lengths[1].astype(np.int64)
        split["vision_lengths"] = lengths[2].astype(np.int64)
    for m, key in enumerate(("text", "audio", "vision")):
        a = np.zeros((n, steps[m], dims[m]), dtype=dtype)
        for i in range(n):
            a[i, : lengths[m][i]] = rng.normal(size=(lengths[m][i], dims[m]))
            if key == "audio" and lengths[m][i] > 1:
                a[i, 0, 0] = -np.inf  # COVAREP writes -inf; MMSA reads it as 0
        split[key] = a
    return split, lengths


def make_file(rng, sizes, steps, dims, aligned, sims, **kw):
    data, lengths = {}, {}
    start = 0
    for name, n in zip(SPLITS, sizes):
        data[name], lengths[name] = make_split(rng, n, steps, dims, aligned, sims, start, **kw)
        start += n
    return data, lengths


def oracle(data, lengths):
    """What SentiLens must read from `data`, by MMSA's rules."""
    out = {}
    for name in SPLITS:
        if name not in data:
            continue
        s = data[name]
        n = len(s["id"])
        entry = {
            "ids": [str(x) for x in s["id"]],
            "raw_text": [str(x) for x in s["raw_text"]],
            "labels": {t: [float(v) for v in s[key]] for t, key in
                       (("M", "regression_labels"), ("T", "regression_labels_T"),
                        ("A", "regression_labels_A"), ("V", "regression_labels_V")) if key in s},
            "modalities": {},
        }
        for m, key in enumerate(("text", "audio", "vision")):
            a = np.array(s[key], dtype=np.float64)
            if key == "audio":
                a[a == -np.inf] = 0
            lens = [int(x) for x in lengths[name][m]]
            entry["modalities"][key] = {
                "shape": list(a.shape),
                "lengths": lens,
                "sums": [float(a[i, : lens[i]].sum()) for i in range(n)],
            }
        out[name] = entry
    return out


class Evil:
    pass


class CallsBack:
    def __init__(self, fn, args):
        self.fn, self.args = fn, args

    def __reduce__(self):
        return (self.fn, self.args)


def write(path, obj, protocol):
    with open(path, "wb") as f:
        pickle.dump(obj, f, protocol=protocol)


def make_all(out):
    rng = np.random.default_rng(14)
    manifest = {"good": {}, "bad": {}}

    # MOSI-like aligned_50 (text_bert gives every length), protocol 4.
    data, lengths = make_file(rng, (6, 2, 3), (8, 8, 8), (12, 5, 4), aligned=True, sims=False)
    write(os.path.join(out, "mosi_aligned_p4.pkl"), data, 4)
    manifest["good"]["mosi_aligned_p4.pkl"] = {"aligned": True, "splits": oracle(data, lengths)}

    # MOSI-like unaligned_50, protocol 2 (bytes through _codecs.encode), an empty test split.
    data, lengths = make_file(rng, (5, 3, 0), (7, 11, 9), (12, 5, 4), aligned=False, sims=False)
    write(os.path.join(out, "mosi_unaligned_p2.pkl"), data, 2)
    manifest["good"]["mosi_unaligned_p2.pkl"] = {"aligned": False, "splits": oracle(data, lengths)}

    # CH-SIMS-like unaligned_39 with T/A/V labels, protocol 5; ids as an object array, vision in
    # Fortran order and its lengths as a plain list.
    data, lengths = make_file(rng, (6, 2, 2), (6, 10, 7), (9, 4, 3), aligned=False, sims=True, id_dtype=object)
    for name in SPLITS:
        data[name]["vision"] = np.asfortranarray(data[name]["vision"])
        data[name]["vision_lengths"] = [int(x) for x in data[name]["vision_lengths"]]
    write(os.path.join(out, "sims_unaligned_p5.pkl"), data, 5)
    manifest["good"]["sims_unaligned_p5.pkl"] = {"aligned": False, "splits": oracle(data, lengths)}

    # MMSA-FET's own output: float64 features, a 'config' dict beside the splits, protocol 5
    # (pickle.HIGHEST_PROTOCOL), an empty valid split made the way MMSA-FET makes it.
    data, lengths = make_file(rng, (4, 0, 2), (5, 6, 6), (8, 3, 2), aligned=False, sims=True, dtype=np.float64)
    data["valid"]["id"] = np.array([])
    data["config"] = {"audio": {"tool": "librosa", "sample_rate": 16000, "args": {"mfcc": 20}},
                      "text": {"model": "bert", "device": "cpu", "pretrained": None}, "flag": True}
    write(os.path.join(out, "fet_custom_p5.pkl"), data, 5)
    manifest["good"]["fet_custom_p5.pkl"] = {"aligned": False, "splits": oracle(data, lengths)}

    # numpy 2 names its modules numpy._core: the same MOSI file with those names (protocol 2 spells
    # globals as text lines, so they can be renamed in place; numpy 1 itself cannot load it).
    with open(os.path.join(out, "mosi_unaligned_p2.pkl"), "rb") as f:
        renamed = f.read().replace(b"cnumpy.core.multiarray\n", b"cnumpy._core.multiarray\n")
    assert renamed.count(b"numpy._core.multiarray") > 0
    with open(os.path.join(out, "numpy2_names_p2.pkl"), "wb") as f:
        f.write(renamed)
    manifest["good"]["numpy2_names_p2.pkl"] = manifest["good"]["mosi_unaligned_p2.pkl"]

    # Refusals. Each names what must appear in the message.
    good, _ = make_file(rng, (3, 1, 1), (4, 4, 4), (3, 2, 2), aligned=False, sims=False)
    bad = manifest["bad"]
    with open(os.path.join(out, "os_system.pkl"), "wb") as f:  # the classic, written by hand
        f.write(b"\x80\x02cos\nsystem\nX\x0f\x00\x00\x00touch PWNED.txt\x85R.")
    bad["os_system.pkl"] = "os.system"
    nested = dict(good)
    nested["train"] = dict(good["train"], raw_text=CallsBack(os.system, ("touch PWNED.txt",)))
    write(os.path.join(out, "posix_system_nested.pkl"), nested, 4)
    bad["posix_system_nested.pkl"] = "posix.system"
    write(os.path.join(out, "builtins_eval.pkl"), {"train": CallsBack(eval, ("1+1",))}, 4)
    bad["builtins_eval.pkl"] = "builtins.eval"
    write(os.path.join(out, "subprocess_popen.pkl"), CallsBack(subprocess.Popen, (["touch", "PWNED.txt"],)), 5)
    bad["subprocess_popen.pkl"] = "subprocess.Popen"
    write(os.path.join(out, "unknown_class.pkl"), {"train": Evil()}, 4)
    bad["unknown_class.pkl"] = "__main__.Evil"
    with open(os.path.join(out, "reduce_ndarray.pkl"), "wb") as f:  # an allowed global, called
        f.write(b"\x80\x04\x8c\x05numpy\x8c\x07ndarray\x93K\x02\x85\x85R.")
    bad["reduce_ndarray.pkl"] = "REDUCE on numpy.ndarray"
    with open(os.path.join(out, "out_of_band_p5.pkl"), "wb") as f:  # buffers kept outside the file
        pickle.dump(good, f, protocol=5, buffer_callback=lambda buffer: False)
    bad["out_of_band_p5.pkl"] = "out-of-band buffers"
    loop = []
    loop.append(loop)  # a list that holds itself: shared ownership alone would never free it
    write(os.path.join(out, "self_reference.pkl"), {"train": {"id": loop}}, 4)
    bad["self_reference.pkl"] = "reference cycle"
    long_audio = {k: dict(v) for k, v in good.items()}
    long_audio["train"]["audio_lengths"] = np.array([1, 5, 2], dtype=np.int64)  # 5 > 4 steps
    write(os.path.join(out, "lengths_too_long.pkl"), long_audio, 4)
    bad["lengths_too_long.pkl"] = "longer than the 4 steps"
    short_vision = {k: dict(v) for k, v in good.items()}
    short_vision["train"]["vision"] = good["train"]["vision"][:2]
    write(os.path.join(out, "wrong_rows.pkl"), short_vision, 4)
    bad["wrong_rows.pkl"] = "'vision': shape (2, 4, 2)"

    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)


def compare(original_path, exported_path):
    """Checks an export against the original by MMSA's rules; prints each difference."""
    with open(original_path, "rb") as f:
        original = pickle.load(f)
    with open(exported_path, "rb") as f:
        exported = pickle.load(f)
    problems = []
    for name in SPLITS:
        if name not in original:
            continue
        o, e = original[name], exported[name]
        o_ids, e_ids = [str(x) for x in o["id"]], [str(x) for x in e["id"]]
        if sorted(o_ids) != sorted(e_ids):
            problems.append(f"{name}: ids differ: {sorted(o_ids)} vs {sorted(e_ids)}")
            continue
        at = {i: e_ids.index(i) for i in o_ids}
        for key in ("regression_labels", "regression_labels_T", "regression_labels_A", "regression_labels_V"):
            if key in o:
                if key not in e:
                    problems.append(f"{name}: {key} missing")
                    continue
                for k, i in enumerate(o_ids):
                    if abs(float(o[key][k]) - float(e[key][at[i]])) > 1e-5:
                        problems.append(f"{name}: {key} of {i}: {o[key][k]} vs {e[key][at[i]]}")
        for k, i in enumerate(o_ids):
            if str(o["raw_text"][k]) != str(e["raw_text"][at[i]]):
                problems.append(f"{name}: raw_text of {i} differs")
        aligned = "audio_lengths" not in o
        mask = np.asarray(o["text_bert"])[:, 1, :].sum(axis=1).round().astype(int)
        for key in ("text", "audio", "vision"):
            a = np.array(o[key], dtype=np.float64)
            if key == "audio":
                a[a == -np.inf] = 0
            b = np.asarray(e[key])
            if b.dtype != np.float32 or b.ndim != 3 or b.shape[0] != a.shape[0] or b.shape[2] != a.shape[2]:
                problems.append(f"{name}: {key} has shape {b.shape} {b.dtype}, original {a.shape}")
                continue
            lens = mask if key == "text" or aligned else np.asarray(o[key + "_lengths"])
            e_lens = np.asarray(e[key + "_lengths"])
            for k, i in enumerate(o_ids):
                n = int(lens[k])
                if int(e_lens[at[i]]) != n:
                    problems.append(f"{name}: {key}_lengths of {i}: {e_lens[at[i]]} vs {n}")
                    continue
                if not np.allclose(b[at[i], :n], a[k, :n], rtol=1e-6, atol=1e-6):
                    problems.append(f"{name}: {key} values of {i} differ")
                if np.any(b[at[i], n:] != 0):
                    problems.append(f"{name}: {key} of {i} is not zero after its length")
    for p in problems:
        print(p)
    print("OK" if not problems else f"{len(problems)} difference(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    if len(sys.argv) == 3 and sys.argv[1] == "--load":
        with open(sys.argv[2], "rb") as f:
            d = pickle.load(f)
        print(json.dumps({k: {kk: list(np.shape(vv)) for kk, vv in v.items()} for k, v in d.items()}))
        sys.exit(0)
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    make_all(sys.argv[1])
