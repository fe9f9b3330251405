#!/usr/bin/python3
"""Writes results.md of packaging/gpu-check.sh from the files it left in OUTDIR.

Reads ctest.txt (the test run), bench_cpp.txt and bench_python.txt (the two benchmark tables of
tests/ml/bench_models.cpp and tests/bench/ml/bench_models.py) and prints Markdown: the machine,
the test outcome, both tables side by side and the C++/Python time ratios (below 1: C++ faster).
The environment carries what the shell script knows: GPU, DEVICE, BUILD_SECONDS, TOTAL, FAILED.
    gpu-check-results.py OUTDIR
"""
import os
import re
import sys


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError as error:
        return f"(missing: {error})"


def tables(text):
    """{arch: (epoch s, ms per clip)} and {arch: [clips/s at 1, 32, 1024]} from one benchmark output."""
    timings, throughput = {}, {}
    section = timings
    for line in text.splitlines():
        if line.startswith("batch inference"):
            section = throughput
            continue
        fields = line.split()
        if len(fields) < 3 or not re.fullmatch(r"[a-z][a-z-]*", fields[0]) or fields[0] == "arch":
            continue
        try:
            numbers = [float(x) for x in fields[1:]]
        except ValueError:
            continue
        if section is timings and len(numbers) == 2:
            timings[fields[0]] = tuple(numbers)
        elif section is throughput and len(numbers) == 3:
            throughput[fields[0]] = numbers
    return timings, throughput


def first_line(text):
    return text.splitlines()[0] if text.strip() else "(empty)"


def main():
    out = sys.argv[1]
    env = os.environ.get
    cpp_text, py_text = read(f"{out}/bench_cpp.txt"), read(f"{out}/bench_python.txt")
    ctest = read(f"{out}/ctest.txt")
    cpp, cpp_rate = tables(cpp_text)
    py, py_rate = tables(py_text)
    print("# core/ml GPU check (packaging/gpu-check.sh)\n")
    print(f"- GPU: {env('GPU', '?')}; benchmark device: {env('DEVICE', '?')}")
    print(f"- C++: {first_line(cpp_text)}")
    print(f"- Python: {first_line(py_text)}")
    print(f"- build {env('BUILD_SECONDS', '?')} s, whole check {env('TOTAL', '?')} s")
    print(f"- failed steps: {env('FAILED') or 'none'}")
    if env("DEVICE") != "cuda":
        print("- NOTE: no CUDA device; the benchmark was a short CPU round to check the wiring, not GPU numbers")
    print("\n## Tests\n")
    summary = [l for l in ctest.splitlines()
               if re.search(r"SKIPPED|tests passed|tests failed|\(Skipped\)|\(Failed\)|Test +#\d+:|largest CPU/|fallback note|cuDNN available|trained on", l)]
    print("```\n" + "\n".join(summary) + "\n```")
    print("\n## Training epoch and inference per clip (C++ / Python: below 1 means C++ is faster)\n")
    print("| arch | C++ s/epoch | Python s/epoch | ratio | C++ ms/clip | Python ms/clip | ratio |")
    print("|---|---|---|---|---|---|---|")
    for arch, (epoch, clip) in cpp.items():
        if arch in py:
            p_epoch, p_clip = py[arch]
            print(f"| {arch} | {epoch:.3f} | {p_epoch:.3f} | {epoch / p_epoch:.2f} "
                  f"| {clip:.3f} | {p_clip:.3f} | {clip / p_clip:.2f} |")
        else:
            print(f"| {arch} | {epoch:.3f} | - | - | {clip:.3f} | - | - |")
    print("\n## Batch inference throughput, clips/s (C++ / Python)\n")
    print("| arch | batch 1 | batch 32 | batch 1024 |")
    print("|---|---|---|---|")
    for arch, rates in cpp_rate.items():
        other = py_rate.get(arch)
        cells = [f"{r:.0f} / {o:.0f}" for r, o in zip(rates, other)] if other else [f"{r:.0f} / -" for r in rates]
        print(f"| {arch} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
