"""The independent check from outside the app (issue 13): a KAN-MCP model trained by sentilens-cli on
a tiny generated demo project is loaded with PyTorch for Python (torch.jit.load); its predictions
f(all), f(none), the 8 Shapley coalition values per clip, the unimodal heads' predictions and the KAN
edge functions are computed again in Python (kan_mcp_reference.py, project_reader.py) and compared
with `sentilens-cli explain --json`.

Run by CTest with $SENTILENS_CLI set; needs Debian's python3-torch, -numpy and -scipy.
Exit status 0 when everything agrees, 1 with a message per disagreement otherwise.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kan_mcp_reference import KanMcpReference  # noqa: E402
from project_reader import MODALITIES, Project, read_description  # noqa: E402

# float32 arithmetic in the app against float64 here: values of order 1 agree to ~1e-7.
TOLERANCE = 1e-5


def cli(*args):
    command = [os.environ["SENTILENS_CLI"], *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


class Comparison:
    def __init__(self):
        self.failures = []
        self.compared = 0
        self.worst = 0.0

    def check(self, what, app, reference):
        self.compared += 1
        error = abs(float(app) - float(reference))
        self.worst = max(self.worst, error)
        if not error <= TOLERANCE * (1 + abs(float(reference))):
            self.failures.append(f"{what}: app {app!r}, Python {reference!r} (difference {error:.3g})")


def main():
    if not os.environ.get("SENTILENS_CLI"):
        sys.exit("SENTILENS_CLI is not set")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        project_path = os.path.join(folder, "demo")
        cli("demo", project_path, "--clips", "6")
        cli("extract", project_path)
        trained = json.loads(cli("train", project_path, "--arch", "kan-mcp", "--epochs", "2", "--json"))
        model_id = trained["model_id"]
        explained = json.loads(cli("explain", project_path, "--model", str(model_id), "--json"))

        project = Project(project_path)
        model_path = project.model_file(model_id)
        reference = KanMcpReference(model_path, read_description(model_path))
        baseline = project.mean_baseline()
        result = Comparison()

        clips = explained["clips"]
        if len(clips) != len(project.clips()):
            sys.exit(f"explain gave {len(clips)} clips, the project has {len(project.clips())}")
        for clip in clips:
            clip_id = clip["clip_id"]
            steps = {m: project.clip_steps(clip_id, m) for m in MODALITIES}
            shapley = clip["shapley"]
            coalitions = []
            for c in range(8):
                # Bit 0 text, 1 audio, 2 visual: a modality outside the coalition has its valid steps
                # replaced by the baseline vector.
                substituted = {m: steps[m] if (c >> k) & 1 else np.tile(baseline[m], (steps[m].shape[0], 1))
                               for k, m in enumerate(MODALITIES)}
                coalitions.append(reference.predict(substituted))
                result.check(f"clip {clip_id} coalition {c}", shapley["coalitions"][c], coalitions[c])
            result.check(f"clip {clip_id} f(all)", shapley["f_all"], coalitions[7])
            result.check(f"clip {clip_id} f(none)", shapley["f_none"], coalitions[0])
            for code in MODALITIES:
                result.check(f"clip {clip_id} unimodal {code}", clip["unimodal"][code], reference.unimodal(steps, code))
            # The clip's operating points on the KAN: every edge's input and value.
            _, trace = reference.kan(reference.latent(steps))
            edge_x, edge_y = clip["kan"]["edge_x"], clip["kan"]["edge_y"]
            for e, edge in enumerate(explained["kan"]["edges"]):
                x, values = trace[edge["layer"]]
                result.check(f"clip {clip_id} edge {e} x", edge_x[e], x[edge["input"]])
                result.check(f"clip {clip_id} edge {e} y", edge_y[e], values[edge["output"], edge["input"]])

        # The edge functions as the app plots them, at the app's own sample points.
        edges = explained["kan"]["edges"]
        if not edges:
            sys.exit("explain gave no KAN edges")
        largest_spline = 0.0
        for e, edge in enumerate(edges):
            base, spline, total = reference.edge(edge["layer"], edge["input"], edge["output"], edge["x"])
            largest_spline = max(largest_spline, float(np.abs(spline).max()))
            for p in range(len(edge["x"])):
                result.check(f"edge {e} base at {edge['x'][p]:.4g}", edge["base"][p], base[p])
                result.check(f"edge {e} spline at {edge['x'][p]:.4g}", edge["spline"][p], spline[p])
                result.check(f"edge {e} total at {edge['x'][p]:.4g}", edge["total"][p], total[p])

        # The splines are not flat zero, so scipy's B-splines were really compared.
        if largest_spline < 1e-3:
            result.failures.append(f"the splines' largest value is {largest_spline:.3g}: nothing to compare")

    for failure in result.failures[:40]:
        print("MISMATCH", failure)
    print(f"{result.compared} values compared, {len(result.failures)} mismatches, largest difference "
          f"{result.worst:.3g}, {time.monotonic() - started:.1f} s")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
