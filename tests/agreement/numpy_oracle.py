#!/usr/bin/env python3
"""sentilens-cli agreement against numpy on random ratings with missing labels.

Four annotators label 40 clips on the MOSI scale (truth + per-annotator bias + noise, on steps
of 0.5 so that ties, exact zeros and rounding halves occur); the first is complete (its import
creates the clips), the others leave about a quarter out. Every statistic the CLI reports is
recomputed here from its textbook definition with numpy and must agree to 1e-9.
Run by CTest as test_agreement_numpy with SENTILENS_CLI set; needs Debian's python3-numpy.
"""
import csv
import itertools
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

CLI = os.environ["SENTILENS_CLI"]
NAMES = ["dataset", "ann", "bo", "cy"]


def run(*args):
    r = subprocess.run([CLI, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"sentilens-cli {' '.join(args)} exited {r.returncode}: {r.stderr}")
    return r.stdout


def alpha(matrix, delta):
    """Krippendorff's alpha by its definition over pairable values (rows = clips)."""
    units = [row[~np.isnan(row)] for row in matrix]
    units = [u for u in units if len(u) >= 2]
    values = np.concatenate(units)
    observed = sum(delta(u[:, None], u[None, :]).sum() / (len(u) - 1) for u in units)
    n = len(values)
    expected = delta(values[:, None], values[None, :]).sum() / (n - 1)
    return 1 - observed / expected


def ordinal_delta_for(values):
    """Krippendorff's ordinal difference, ranks taken from the pairable values' frequencies."""
    levels, counts = np.unique(values, return_counts=True)
    index = {v: i for i, v in enumerate(levels)}
    cumulative = np.concatenate([[0], np.cumsum(counts)])

    def one(x, y):
        i, j = sorted((index[x], index[y]))
        return 0.0 if i == j else (cumulative[j + 1] - cumulative[i] - (counts[i] + counts[j]) / 2) ** 2

    return lambda a, b: np.array([[one(x, y) for y in b.ravel()] for x in a.ravel()])


def icc2(matrix):
    complete = matrix[~np.isnan(matrix).any(axis=1)]
    n, k = complete.shape
    grand = complete.mean()
    rows = complete.mean(axis=1, keepdims=True)
    cols = complete.mean(axis=0, keepdims=True)
    bms = k * ((rows - grand) ** 2).sum() / (n - 1)
    jms = n * ((cols - grand) ** 2).sum() / (k - 1)
    ems = ((complete - rows - cols + grand) ** 2).sum() / ((n - 1) * (k - 1))
    return ((bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n), (bms - ems) / (bms + (jms - ems) / n), n)


def quadratic_kappa(a, b, classes):
    both = ~np.isnan(a) & ~np.isnan(b)
    a, b = a[both].astype(int), b[both].astype(int)
    observed = np.zeros((classes, classes))
    np.add.at(observed, (a, b), 1)
    expected = np.outer(observed.sum(1), observed.sum(0)) / observed.sum()
    w = (np.arange(classes)[:, None] - np.arange(classes)[None, :]) ** 2
    return 1 - (w * observed).sum() / (w * expected).sum(), int(both.sum())


def fleiss(matrix):
    polarity = np.sign(matrix) + 1  # 0 negative, 1 neutral, 2 positive; NaN stays NaN
    counts = np.stack([(polarity == c).sum(axis=1) for c in range(3)], axis=1).astype(float)
    counts = counts[counts.sum(axis=1) >= 2]
    n_i = counts.sum(axis=1)
    p_bar = ((counts * (counts - 1)).sum(axis=1) / (n_i * (n_i - 1))).mean()
    p_j = counts.sum(axis=0) / counts.sum()
    p_e = (p_j ** 2).sum()
    return (p_bar - p_e) / (1 - p_e), len(counts)


def main():
    rng = np.random.default_rng(2024)
    clips = 40
    truth = rng.normal(0, 1.3, clips)
    matrix = np.full((clips, len(NAMES)), np.nan)
    for r, bias in enumerate([0.0, 0.3, -0.2, 0.1]):
        values = np.clip(np.round((truth + bias + rng.normal(0, 0.7, clips)) * 2) / 2, -3, 3)
        keep = np.ones(clips, bool) if r == 0 else rng.random(clips) > 0.25
        matrix[keep, r] = values[keep]

    with tempfile.TemporaryDirectory() as work:
        for r, name in enumerate(NAMES):
            path = os.path.join(work, f"{name}.csv")
            with open(path, "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(["video_id", "clip_id", "label", "mode"])
                for c in range(clips):
                    if not np.isnan(matrix[c, r]):
                        w.writerow(["v1", f"{c:04d}", repr(float(matrix[c, r])), "train"])
            if r == 0:
                for c in range(clips):
                    os.makedirs(os.path.join(work, "Raw", "v1"), exist_ok=True)
                    open(os.path.join(work, "Raw", "v1", f"{c:04d}.mp4"), "wb").close()
                run("import", os.path.join(work, "project"), path, "--scale", "mosi")
            else:
                run("import", os.path.join(work, "project"), path, "--annotator", name)
        report = json.loads(run("agreement", os.path.join(work, "project"), "--annotators", ",".join(NAMES),
                                "--target", "M", "--top", "1", "--json"))["targets"][0]

    classes = np.round(np.clip(matrix, -3, 3)) + 3  # numpy's round: half to even, as MMSA
    expected = {
        "alpha_interval": alpha(matrix, lambda a, b: (a - b) ** 2),
        "alpha_ordinal": alpha(classes, ordinal_delta_for(np.concatenate(
            [row[~np.isnan(row)] for row in classes if (~np.isnan(row)).sum() >= 2]))),
    }
    expected["icc2_1"], expected["icc2_k"], complete = icc2(matrix)
    expected["fleiss_kappa_polarity"], fleiss_units = fleiss(matrix)
    failures = []
    for key, value in expected.items():
        if abs(report[key] - value) > 1e-9:
            failures.append(f"{key}: CLI {report[key]!r}, numpy {value!r}")
    if report["icc_complete_clips"] != complete or report["fleiss_clips"] != fleiss_units:
        failures.append("clip counts differ")
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    for (i, a), (j, b) in itertools.combinations(enumerate(NAMES), 2):
        kappa, units = quadratic_kappa(classes[:, i], classes[:, j], 7)
        got = pairs[(a, b)]
        if abs(got["kappa_quadratic"] - kappa) > 1e-9 or got["clips"] != units:
            failures.append(f"kappa {a}/{b}: CLI {got}, numpy {kappa!r} over {units}")
    ranges = np.array([np.ptp(row[~np.isnan(row)]) if (~np.isnan(row)).sum() >= 2 else -1 for row in matrix])
    if abs(report["most_disagreement"][0]["range"] - ranges.max()) > 1e-9:
        failures.append("widest range differs")
    print(json.dumps({k: report[k] for k in expected}, indent=1))
    if failures:
        sys.exit("\n".join(failures))
    print(f"agreement matches numpy on {clips} clips x {len(NAMES)} annotators ({complete} complete)")


if __name__ == "__main__":
    main()
