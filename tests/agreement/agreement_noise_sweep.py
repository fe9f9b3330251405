#!/usr/bin/env python3
"""How inter-annotator agreement falls as label noise grows, on the demo project.

Two simulated annotators each give every clip the demo's own label plus independent Gaussian
noise of standard deviation SIGMA (clipped to the MOSI range -3..3); they are imported with
`sentilens-cli import PROJECT file.csv --annotator NAME` and compared with
`sentilens-cli agreement --annotators a,b --json`. For each target the table shows the CLI's
interval alpha next to this script's own computation from the two files (complete data, two
raters: alpha = 1 - (n - 1) * sum (a - b)^2 / sum over all ordered pairs of values (x - y)^2)
and the value theory expects without clipping, var(t) / (var(t) + sigma^2).

Usage: agreement_noise_sweep.py SENTILENS_CLI WORK_FOLDER [--clips N] [--seed S]
Standard library only, so it runs with Debian's python3.
"""
import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys

SIGMAS = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]
COLUMNS = {"M": "label", "T": "label_T", "A": "label_A", "V": "label_V"}


def run(cli, *args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"sentilens-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def interval_alpha(a, b):
    values = a + b
    n = len(values)
    observed = 2 * sum((x - y) ** 2 for x, y in zip(a, b))  # both orders of each unit's pair
    mean = sum(values) / n
    expected_all_pairs = 2 * n * sum((v - mean) ** 2 for v in values)
    return 1 - (n - 1) * observed / expected_all_pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cli")
    parser.add_argument("work")
    parser.add_argument("--clips", type=int, default=90)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    project = os.path.join(args.work, "demo")
    run(args.cli, "demo", project, "--clips", str(args.clips))
    truth_csv = os.path.join(args.work, "truth.csv")
    run(args.cli, "export", project, "--out", truth_csv)
    with open(truth_csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))

    rng = random.Random(args.seed)
    print(f"{len(rows)} clips; two simulated annotators = demo label + N(0, sigma^2), clipped to -3..3")
    print("target  sigma  alpha_cli  alpha_here  alpha_theory  alpha_ordinal  icc2_1  fleiss_polarity")
    for sigma in SIGMAS:
        names = []
        noisy = {}
        for rater in ("a", "b"):
            name = f"sim{sigma:g}_{rater}"
            names.append(name)
            path = os.path.join(args.work, name + ".csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(["video_id", "clip_id", "label", "label_T", "label_A", "label_V", "mode"])
                for row in rows:
                    values = {}
                    for target, column in COLUMNS.items():
                        values[target] = max(-3.0, min(3.0, float(row[column]) + rng.gauss(0, sigma)))
                        noisy.setdefault((target, rater), []).append(values[target])
                    writer.writerow([row["video_id"], row["clip_id"]] + [f"{values[t]:.4f}" for t in COLUMNS] + [row["mode"]])
            run(args.cli, "import", project, path, "--annotator", name)
        report = json.loads(run(args.cli, "agreement", project, "--annotators", ",".join(names), "--json"))
        for entry in report["targets"]:
            target = entry["target"]
            truth = [float(row[COLUMNS[target]]) for row in rows]
            theory = statistics.pvariance(truth) / (statistics.pvariance(truth) + sigma ** 2)
            here = interval_alpha([round(v, 4) for v in noisy[(target, "a")]], [round(v, 4) for v in noisy[(target, "b")]])
            def fmt(x):
                return "   n/a" if x is None else f"{x:6.3f}"
            print(f"{target:>6}  {sigma:5.2f}  {fmt(entry['alpha_interval'])}     {fmt(here)}      {fmt(theory)}"
                  f"        {fmt(entry['alpha_ordinal'])}  {fmt(entry['icc2_1'])}  {fmt(entry['fleiss_kappa_polarity'])}")
            if entry["alpha_interval"] is not None and abs(entry["alpha_interval"] - here) > 1e-6:
                sys.exit(f"alpha of the CLI ({entry['alpha_interval']}) and of this script ({here}) differ")


if __name__ == "__main__":
    main()
