#!/usr/bin/python3
"""Fixture for test_cli_token_ids, made with Debian's python3, numpy and torch.

    make_token_id_fixture.py OUTDIR

writes OUTDIR/bert_ids.pkl (an aligned MMSA pickle whose text_bert has token ids, a mask and
segment ids, some of them 1), OUTDIR/tiny_bert.pt (a TorchScript module with BERT's forward
signature: input_ids, attention_mask, token_type_ids -> (hidden states,)), OUTDIR/no_forward.pt
(a TorchScript archive without forward()) and OUTDIR/expected.json: for every clip id the hidden
states of its valid tokens, computed here by torch on the ids read back from the arrays written.
"""
import json
import os
import pickle
import sys

import numpy as np
import torch

STEPS = 7
DIMS = 5


class TinyBert(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = torch.nn.Embedding(1000, DIMS)
        self.segments = torch.nn.Embedding(2, DIMS)
        self.mix = torch.nn.Linear(DIMS, DIMS)

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.tokens(input_ids) + self.segments(token_type_ids)
        # Position matters too, as in BERT: a cumulative sum over the sequence.
        hidden = torch.tanh(self.mix(torch.cumsum(hidden, dim=1)))
        return (hidden * attention_mask.unsqueeze(-1).to(hidden.dtype),)


class NoForward(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.ones(2))

    @torch.jit.export
    def other(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.weight


def split(rng, n, start):
    bert = np.zeros((n, 3, STEPS), dtype=np.float32)
    lengths = rng.integers(1, STEPS + 1, size=n)
    for i in range(n):
        bert[i, 0, : lengths[i]] = rng.integers(1, 1000, size=lengths[i])
        bert[i, 1, : lengths[i]] = 1
        bert[i, 2, lengths[i] // 2 : lengths[i]] = 1  # a second sentence
    return {
        "id": np.array([f"vid{start + i}$_$1" for i in range(n)]),
        "raw_text": np.array([f"sentence {start + i}" for i in range(n)]),
        "text": rng.normal(size=(n, STEPS, 4)).astype(np.float32),
        "audio": rng.normal(size=(n, STEPS, 3)).astype(np.float32),
        "vision": rng.normal(size=(n, STEPS, 2)).astype(np.float32),
        "text_bert": bert,
        "regression_labels": np.round(rng.uniform(-3, 3, size=n), 3).astype(np.float32),
    }


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(14)
    torch.manual_seed(14)
    data = {"train": split(rng, 6, 0), "valid": split(rng, 3, 6), "test": split(rng, 3, 9)}
    with open(os.path.join(out, "bert_ids.pkl"), "wb") as f:
        pickle.dump(data, f, protocol=4)
    model = torch.jit.script(TinyBert().eval())
    model.save(os.path.join(out, "tiny_bert.pt"))
    torch.jit.script(NoForward()).save(os.path.join(out, "no_forward.pt"))
    expected = {}
    with torch.no_grad():
        for part in data.values():
            for i, clip in enumerate(part["id"]):
                mask = part["text_bert"][i, 1] > 0.5
                ids = torch.tensor(part["text_bert"][i, 0][mask], dtype=torch.int64).view(1, -1)
                segments = torch.tensor(part["text_bert"][i, 2][mask], dtype=torch.int64).view(1, -1)
                hidden = model(ids, torch.ones_like(ids), segments)[0][0]
                expected[str(clip)] = hidden.tolist()
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f)


if __name__ == "__main__":
    main(sys.argv[1])
