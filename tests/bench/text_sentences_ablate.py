#!/usr/bin/python3
"""Ablation for tests/bench/text_sentences.sh: sets the named columns of a project's current text
feature set to 0 in every clip, in place (run it on a copy). With the word-vector columns zeroed
the text head sees only VADER's valence, the flags, the token length and the position: the
"VADER-only" features.

usage: text_sentences_ablate.py PROJECT.sqlite PREFIX...   (columns whose name starts with a prefix)"""
import json
import sqlite3
import sys

import numpy as np


def main():
    path, prefixes = sys.argv[1], sys.argv[2:]
    db = sqlite3.connect(path)
    row = db.execute("SELECT value FROM project_settings WHERE key = 'features.current.T'").fetchone()
    if row is None:
        sys.exit(f"{path}: no current text feature set")
    set_id = int(row[0])
    dims, names = db.execute("SELECT dims, dim_names_json FROM feature_sets WHERE id = ?", (set_id,)).fetchone()
    names = json.loads(names)
    columns = [i for i, name in enumerate(names) if any(name.startswith(p) for p in prefixes)]
    if not columns:
        sys.exit(f"{path}: no column of set {set_id} starts with {prefixes}")
    updates = []
    for clip_id, frames, data in db.execute("SELECT clip_id, frames, data FROM clip_features WHERE feature_set_id = ?", (set_id,)):
        matrix = np.frombuffer(data, dtype="<f4")
        if matrix.size != frames * dims:
            sys.exit(f"{path}: clip {clip_id}: {matrix.size} values for {frames} x {dims}")
        matrix = matrix.reshape(frames, dims).copy()
        matrix[:, columns] = 0
        updates.append((matrix.astype("<f4").tobytes(), set_id, clip_id))
    db.executemany("UPDATE clip_features SET data = ? WHERE feature_set_id = ? AND clip_id = ?", updates)
    db.commit()
    print(f"set {set_id}: zeroed {len(columns)} of {dims} columns in {len(updates)} clips")


if __name__ == "__main__":
    main()
