#!/usr/bin/python3
"""Oracle for test_language_valence_axis: the valence axis fitted with numpy, independently of
core/language/valence_axis.cpp. Reads the word-vector file (layout in packaging/pack-word-vectors.py)
and VADER's lexicon ("token<TAB>mean...", a later line wins), fits ridge regression (lambda 1,
intercept not penalised) from the vectors of the lexicon words that have one to their means with
numpy.linalg.lstsq on the augmented system, and prints "word valence" for each word given.

usage: valence_axis_oracle.py VECTORS_FILE LEXICON_FILE WORD..."""
import struct
import sys

import numpy as np


def main():
    vectors_path, lexicon_path, words = sys.argv[1], sys.argv[2], sys.argv[3:]
    data = open(vectors_path, "rb").read()
    if data[:8] != b"SLWVEC1\0":
        sys.exit(f"{vectors_path}: not a word-vector file")
    count, dims, length = struct.unpack("<III", data[8:20])
    vocabulary = data[20:20 + length].decode("utf-8").split("\n")[:count]
    table = np.frombuffer(data[20 + length:20 + length + count * dims * 2], dtype="<f2").reshape(count, dims)
    index = {word: row for row, word in enumerate(vocabulary)}
    lexicon = {}
    for line in open(lexicon_path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 2 and fields[0]:
            lexicon[fields[0]] = float(fields[1])
    known = [word for word in lexicon if word in index]
    x = table[[index[word] for word in known]].astype(np.float64)
    y = np.array([lexicon[word] for word in known])
    # Ridge as least squares: [X 1; sqrt(lambda) I 0] [w; b] = [y; 0].
    augmented = np.vstack([np.hstack([x, np.ones((len(x), 1))]), np.hstack([np.eye(dims), np.zeros((dims, 1))])])
    target = np.concatenate([y, np.zeros(dims)])
    solution = np.linalg.lstsq(augmented, target, rcond=None)[0]
    print(f"fitted {len(known)}")
    for word in words:
        print(word, repr(float(table[index[word]].astype(np.float64) @ solution[:dims] + solution[dims])))


if __name__ == "__main__":
    main()
