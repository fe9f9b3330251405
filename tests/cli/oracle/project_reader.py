"""A SentiLens project read straight from its SQLite file, without SentiLens's code.

What a model sees of a clip, rebuilt from the stored features as docs say (project_data.h):
per modality the current feature set's frames, audio averaged four frames at a time, at most
64 / 256 / 128 steps (text, audio, video), every value compressed with sign(x) * log(1 + |x|),
non-finite values 0. Stored blobs are little-endian float32, frames x dims, row by row.
"""
import json
import os
import sqlite3

import numpy as np

MODALITIES = ("T", "A", "V")
POOLING = {"T": 1, "A": 4, "V": 1}
MAX_STEPS = {"T": 64, "A": 256, "V": 128}


class ProjectError(Exception):
    pass


def _compress(x):
    return np.sign(x) * np.log1p(np.abs(x))


def model_steps(frames, modality):
    """(steps, dims) float64: pooled, capped and compressed, as the models read them."""
    pool = POOLING[modality]
    steps = min(MAX_STEPS[modality], (frames.shape[0] + pool - 1) // pool)
    out = np.zeros((steps, frames.shape[1]))
    for s in range(steps):
        # The mean is taken in double and rounded to float32 before compression, as SentiLens does.
        mean = frames[s * pool:(s + 1) * pool].astype(np.float64).mean(axis=0).astype(np.float32)
        out[s] = np.where(np.isfinite(mean), _compress(mean.astype(np.float64)), 0.0)
    return out.astype(np.float32)


class Project:
    def __init__(self, folder):
        self.folder = folder
        path = os.path.join(folder, "project.sqlite")
        if not os.path.exists(path):
            raise ProjectError(f"{path}: no project database")
        self.db = sqlite3.connect(path)

    def setting(self, key):
        row = self.db.execute("SELECT value FROM project_settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def clips(self, split=None):
        """(id, split) of the clips, in SentiLens's order (video id, clip id)."""
        query = "SELECT id, split FROM clips"
        args = ()
        if split:
            query += " WHERE split = ?"
            args = (split,)
        return self.db.execute(query + " ORDER BY video_id, clip_id", args).fetchall()

    def feature_set(self, modality):
        """(id, dims) of the modality's current feature set: the marked one, else the newest."""
        marked = self.setting("features.current." + modality)
        if marked is not None:
            row = self.db.execute("SELECT id, dims FROM feature_sets WHERE id = ?", (int(marked),)).fetchone()
            if row:
                return row
        row = self.db.execute("SELECT id, dims FROM feature_sets WHERE modality = ? ORDER BY id DESC LIMIT 1",
                              (modality,)).fetchone()
        if not row:
            raise ProjectError(f"{self.folder}: no {modality} features")
        return row

    def clip_steps(self, clip_id, modality):
        set_id, dims = self.feature_set(modality)
        row = self.db.execute("SELECT frames, data FROM clip_features WHERE feature_set_id = ? AND clip_id = ?",
                              (set_id, clip_id)).fetchone()
        if not row:
            return np.zeros((0, dims), np.float32)
        frames, blob = row
        values = np.frombuffer(blob, dtype="<f4")
        if values.size != frames * dims:
            raise ProjectError(f"{self.folder}: clip {clip_id} {modality}: {values.size} values for {frames} x {dims}")
        return model_steps(values.reshape(frames, dims), modality)

    def model_file(self, model_id):
        row = self.db.execute("SELECT file_path FROM models WHERE id = ?", (model_id,)).fetchone()
        if not row:
            raise ProjectError(f"{self.folder}: no model {model_id}")
        return row[0] if os.path.isabs(row[0]) else os.path.join(self.folder, row[0])

    def mean_baseline(self):
        """Per modality the mean of every valid step of the train split's clips (float32 sums)."""
        baseline = {}
        for m in MODALITIES:
            steps = [self.clip_steps(clip_id, m) for clip_id, _ in self.clips("train")]
            stacked = np.concatenate(steps, axis=0)
            baseline[m] = stacked.astype(np.float64).mean(axis=0) if stacked.shape[0] else np.zeros(stacked.shape[1])
        return baseline


def read_description(model_path):
    """The sentilens.json inside a model archive."""
    import torch
    extra = {"sentilens.json": ""}
    torch.jit.load(model_path, map_location="cpu", _extra_files=extra)
    return json.loads(extra["sentilens.json"])
