#!/usr/bin/python3
"""How often the input envelope (core/ml/input_envelope.h) flags clips of the demo project.

Issue 15, item 3; the numbers in the README's "Knowing when a clip is beyond a model" come from
here. Needs Debian's python3 (numpy) and a built sentilens-cli:

    /usr/bin/python3 tests/ml/measure_envelope_demo.py build/release/app/sentilens-cli /tmp/envelope

1. The demo project (90 clips, default seed): a KAN-MCP model is trained, and the share of its
   train, valid and test clips flagged is counted (predict --json, field "outside").
2. A second demo project with another seed (90 fresh clips of the same generator, none seen in
   training): the first project's model is registered there and its clips are assessed: the
   false-alarm rate on unseen in-distribution clips.
3. The second project's stored features perturbed (every clip, every modality): values shuffled
   across dims and frames, multiplied by 3, and replaced by standard normal noise; the share of
   clips flagged per modality.
The projects and models stay in WORK for a look with the GUI.
"""
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np


def run(cli, *args):
    done = subprocess.run([cli, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"sentilens-cli {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def demo(cli, folder, seed=None):
    if not (folder / "project.sqlite").exists():
        run(cli, "demo", str(folder), *(["--seed", str(seed)] if seed is not None else []))
        run(cli, "extract", str(folder), "--no-asr")


def flagged(cli, project):
    """{split: (clips, {modality: flagged})} from predict --json."""
    result = json.loads(run(cli, "predict", str(project), "--json"))
    splits = {}
    with sqlite3.connect(project / "project.sqlite") as db:
        split_of = {(v, c): s for v, c, s in db.execute("SELECT video_id, clip_id, split FROM clips")}
    for row in result["predictions"]:
        split = split_of[(row["video_id"], row["clip_id"])]
        count, per = splits.setdefault(split, [0, {"T": 0, "A": 0, "V": 0, "any": 0}])
        splits[split][0] += 1
        for code in row["outside"] or []:
            per[code] += 1
        per["any"] += 1 if row["outside"] else 0
    return splits


def register(source, target):
    """Makes the active model of `source` the active model of `target` (same extractors)."""
    with sqlite3.connect(source / "project.sqlite") as db:
        active = db.execute("SELECT value FROM project_settings WHERE key = 'active_model_id'").fetchone()[0]
        row = db.execute("SELECT name, architecture, file_path, contract_json, training_json, metrics_json, "
                         "created_at, lineage_json FROM models WHERE id = ?", (active,)).fetchone()
    (target / "models").mkdir(exist_ok=True)
    shutil.copy(source / row[2], target / row[2])
    with sqlite3.connect(target / "project.sqlite") as db:
        cursor = db.execute("INSERT INTO models(name, architecture, file_path, contract_json, training_json, "
                            "metrics_json, created_at, lineage_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
        db.execute("INSERT OR REPLACE INTO project_settings(key, value) VALUES ('active_model_id', ?)",
                   (str(cursor.lastrowid),))


def perturb(project, change, seed=5):
    """Applies change(values (frames, dims), rng) to every clip's stored features."""
    rng = np.random.default_rng(seed)
    with sqlite3.connect(project / "project.sqlite") as db:
        sets = dict(db.execute("SELECT id, dims FROM feature_sets"))
        rows = db.execute("SELECT feature_set_id, clip_id, frames, data FROM clip_features").fetchall()
        for set_id, clip_id, frames, data in rows:
            if frames == 0:
                continue
            values = np.frombuffer(data, dtype="<f4").reshape(frames, sets[set_id]).astype(np.float64)
            changed = change(values, rng).astype("<f4")
            db.execute("UPDATE clip_features SET data = ? WHERE feature_set_id = ? AND clip_id = ?",
                       (changed.tobytes(), set_id, clip_id))


def describe(splits):
    lines = []
    for split, (count, per) in sorted(splits.items()):
        lines.append(f"  {split:6s} {count:3d} clips: flagged {per['any']} ({100 * per['any'] / count:.1f}%); "
                     f"T {per['T']}, A {per['A']}, V {per['V']}")
    return "\n".join(lines)


def main():
    cli, work = sys.argv[1], Path(sys.argv[2])
    work.mkdir(parents=True, exist_ok=True)
    first, fresh = work / "demo", work / "demo-seed777"
    demo(cli, first)
    demo(cli, fresh, seed=777)
    run(cli, "train", str(first), "--arch", "kan-mcp")
    print("Demo project, model trained on its train split:")
    print(describe(flagged(cli, first)))
    register(first, fresh)
    print("Fresh demo clips (seed 777), same model:")
    fresh_splits = flagged(cli, fresh)
    total = sum(c for c, _ in fresh_splits.values())
    per = {k: sum(p[k] for _, p in fresh_splits.values()) for k in ("T", "A", "V", "any")}
    print(f"  all    {total:3d} clips: flagged {per['any']} ({100 * per['any'] / total:.1f}%); "
          f"T {per['T']}, A {per['A']}, V {per['V']}")
    changes = {
        "shuffled across dims and frames": lambda v, rng: rng.permutation(v.ravel()).reshape(v.shape),
        "scaled by 3": lambda v, rng: v * 3,
        "standard normal noise": lambda v, rng: rng.standard_normal(v.shape),
    }
    for name, change in changes.items():
        copy = work / ("perturbed-" + name.split()[0])
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(fresh, copy)
        perturb(copy, change)
        splits = flagged(cli, copy)
        count = sum(c for c, _ in splits.values())
        per = {k: sum(p[k] for _, p in splits.values()) for k in ("T", "A", "V", "any")}
        print(f"Fresh clips {name}: {count} clips, flagged {per['any']} "
              f"(T {per['T']}, A {per['A']}, V {per['V']})")


if __name__ == "__main__":
    main()
